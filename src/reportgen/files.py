"""Write files and folders whole or not at all.

Every file reportgen writes (documents, data folders, schemas, cache entries) goes through
here: it is made under a temporary name beside its place and moved there only when
complete, so a failure or a kill leaves the previous file as it was. Temporary names start
with a dot and end in ``.part``, so the next run can tell its own leftovers
(:data:`TEMPORARY_SUFFIX`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from reportgen.errors import OutputError
from reportgen.messages import CANNOT_WRITE_FILE, CANNOT_WRITE_FOLDER, CANNOT_WRITE_HERE, os_reason

#: The ending of every temporary file reportgen makes.
TEMPORARY_SUFFIX = ".part"


def write_atomically(
    path: Path, data: bytes, staging: Path | None = None, *, mode: int = 0o644
) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, or in ``staging``.

    The temporary file is moved into place only when complete, so a failure leaves the
    previous file untouched and no temporary file behind. ``staging``, a folder on the
    same disk as ``path``, is for processes writing into one folder at once: a file is
    made in a folder of the process's own (see reportgen.batch), and only moved into the
    shared one.
    """
    folder = staging or path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{path.stem}.", suffix=TEMPORARY_SUFFIX
        )
    except OSError as err:
        raise OutputError(CANNOT_WRITE_HERE(reason=os_reason(err)), path=path.parent) from err
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as err:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(CANNOT_WRITE_FILE(reason=os_reason(err)), path=path) from err
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_folder_atomically(
    target: Path, files: Mapping[str, str | bytes], *, copy_from: Path | None = None
) -> list[Path]:
    """Make the new folder ``target`` holding ``files``, all or nothing; return their paths.

    With ``copy_from``, the folder starts as a copy of that folder, and ``files`` replace
    or add to what it holds. The folder is made under a temporary name and renamed into
    place when complete, so a failure leaves no half-made folder.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as err:
        raise OutputError(CANNOT_WRITE_HERE(reason=os_reason(err)), path=target.parent) from err
    try:
        os.chmod(scratch, 0o755)  # -- mkdtemp makes it private; a data folder is not --
        if copy_from is not None:
            shutil.copytree(copy_from, scratch, dirs_exist_ok=True)
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (scratch / name).write_bytes(data)
        os.rename(scratch, target)
    except OSError as err:
        shutil.rmtree(scratch, ignore_errors=True)
        raise OutputError(CANNOT_WRITE_FOLDER(reason=os_reason(err)), path=target) from err
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return [target / name for name in files]
