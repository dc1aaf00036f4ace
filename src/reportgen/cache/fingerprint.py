"""What identifies the installed code whose results the cache keeps."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

#: reportgen's own files, all of which an entry depends on.
PACKAGE = Path(__file__).resolve().parent.parent
#: The installed libraries whose behaviour an entry holds, beside reportgen itself.
DEPENDENCIES = ("jinja2", "docxtpl", "docxtpl_lint", "pydantic", "pydantic_core", "yaml")

_fingerprint: bytes | None = None


def code_fingerprint() -> bytes:
    """Return what identifies the installed code that checks and compiles templates."""
    global _fingerprint
    if _fingerprint is None:
        files = _python_files(PACKAGE)
        for name in DEPENDENCIES:
            spec = importlib.util.find_spec(name)  # found, not imported
            if spec is not None and spec.origin:
                files.append(spec.origin)
        # An upgrade rewrites a package's files, and an edit rewrites the file edited:
        # sizes and modification times tell, without reading every file.
        stamps = [f"{sys.implementation.cache_tag} {sys.version}"]
        for path in files:
            status = os.stat(path)
            stamps.append(f"{path} {status.st_size} {status.st_mtime_ns}")
        _fingerprint = "\n".join(stamps).encode()
    return _fingerprint


def _python_files(folder: Path) -> list[str]:
    """Return the paths of the .py files in ``folder`` and below, sorted."""
    # -- os.walk, not Path.rglob: every run walks the package, and rglob takes 3 times longer --
    found = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found += [os.path.join(directory, name) for name in names if name.endswith(".py")]
    return sorted(found)


def forget() -> None:
    """Work the fingerprint out again on next use (after reportgen's files changed)."""
    global _fingerprint
    _fingerprint = None
