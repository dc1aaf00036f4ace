"""What identifies the installed code whose results the cache keeps."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reportgen.memo import library_stamp

#: reportgen's own files, all of which an entry depends on.
PACKAGE = Path(__file__).resolve().parent.parent
#: The installed libraries whose behaviour an entry holds, beside reportgen itself.
DEPENDENCIES = ("jinja2", "docxtpl", "docxtpl_lint", "pydantic", "pydantic_core", "yaml")

_fingerprint: bytes | None = None


def code_fingerprint() -> bytes:
    """Return what identifies the installed code that checks and compiles templates."""
    global _fingerprint
    if _fingerprint is None:
        # An upgrade rewrites a package's files, and an edit rewrites the file edited:
        # sizes and modification times tell, without reading every file.
        stamps = [f"{sys.implementation.cache_tag} {sys.version}", *_python_stamps(PACKAGE)]
        stamps += [library_stamp(name) for name in DEPENDENCIES]
        _fingerprint = "\n".join(stamps).encode()
    return _fingerprint


def _python_stamps(folder: Path) -> list[str]:
    """Return the path, size and time of each .py file in ``folder`` and below, in order."""
    # -- os.scandir, not os.walk and os.stat, nor Path.rglob: every run reads the package --
    stamps = []
    folders = [str(folder)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    status = entry.stat()
                    stamps.append(f"{entry.path} {status.st_size} {status.st_mtime_ns}")
    return sorted(stamps)


def forget() -> None:
    """Work the fingerprint out again on next use (after reportgen's files changed)."""
    global _fingerprint
    _fingerprint = None
