"""Stopping a program reportgen started stops what it started too (soffice starts soffice.bin)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reportgen.processes import stop_group

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="process groups are POSIX")


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("at_once", [False, True])
def test_the_program_and_the_one_it_started_are_stopped(at_once: bool) -> None:
    # -- the shell starts a child of its own, as soffice starts soffice.bin --
    process = subprocess.Popen(["sh", "-c", "sleep 60 & sleep 60"], start_new_session=True)
    try:
        assert _group_alive(process.pid)
        stop_group(process, at_once=at_once, wait=5)
        assert process.returncode is not None
        # -- the group's other member is ended too (the kernel reaps it a moment later) --
        for _ in range(50):
            if not _group_alive(process.pid):
                break
            subprocess.run(["sleep", "0.1"], check=True)
        assert not _group_alive(process.pid)
    finally:
        if process.poll() is None:
            process.kill()


def test_a_program_that_ignores_the_request_is_forced() -> None:
    process = subprocess.Popen(
        ["sh", "-c", "trap '' TERM; sleep 60 & wait"], start_new_session=True
    )
    try:
        subprocess.run(["sleep", "0.3"], check=True)  # -- the trap is set --
        stop_group(process, wait=0.5)
        assert process.returncode is not None
    finally:
        if process.poll() is None:
            process.kill()
