"""Write files and folders whole or not at all.

Every file reportgen writes (documents, data folders, schemas, cache entries) goes through
here: it is made under a temporary name beside its place and moved there only when
complete, so a failure or a kill leaves the previous file as it was. Temporary names are
``.NAME.PID-RANDOM.part``: the number of the process writing it, so that the next run can
tell a leftover of a killed run (whose process is gone) from a file another run is
writing just then, and remove only the first (:func:`remove_leftovers`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from reportgen.errors import OutputError
from reportgen.messages import CANNOT_WRITE_FILE, CANNOT_WRITE_FOLDER, CANNOT_WRITE_HERE, os_reason

#: The ending of every temporary file reportgen makes.
TEMPORARY_SUFFIX = ".part"
#: A temporary file's name: a dot, the final name's stem, the writer's process number.
_TEMPORARY_NAME = re.compile(r"\..+\.(\d+)-[a-z0-9_]{8}" + re.escape(TEMPORARY_SUFFIX))


def temporary_prefix(path: Path) -> str:
    """Return how the name of a temporary file for ``path`` starts: ``.NAME.PID-``."""
    return f".{path.stem}.{os.getpid()}-"


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
    except OSError as err:
        raise OutputError(CANNOT_WRITE_HERE(reason=os_reason(err)), path=path.parent) from err
    # The name is chosen before the file is made, so that whatever interrupts the steps
    # below (Ctrl+C included, at any moment) the file is known and removed.
    temporary = _temporary_name(folder, path)
    try:
        handle = _create(temporary)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except _NotMade as err:
        raise OutputError(CANNOT_WRITE_HERE(reason=os_reason(err)), path=path.parent) from err
    except OSError as err:
        temporary.unlink(missing_ok=True)
        raise OutputError(CANNOT_WRITE_FILE(reason=os_reason(err)), path=path) from err
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class _NotMade(OSError):
    """The temporary file could not be made: the folder is the problem, not the file."""


def _temporary_name(folder: Path, path: Path) -> Path:
    return folder / f"{temporary_prefix(path)}{os.urandom(4).hex()}{TEMPORARY_SUFFIX}"


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create(temporary: Path) -> int:
    """Make the new file ``temporary``, readable by its owner only; return its descriptor."""
    try:
        return os.open(temporary, _CREATE, 0o600)
    except FileExistsError as err:
        # Another file of this name (process number and 32 random bits): never ours to remove.
        raise _NotMade(err.errno, err.strerror) from err
    except OSError as err:
        raise _NotMade(err.errno, err.strerror) from err


def write_folder_atomically(
    target: Path, files: Mapping[str, str | bytes], *, copy_from: Path | None = None
) -> list[Path]:
    """Make the new folder ``target`` holding ``files``, all or nothing; return their paths.

    With ``copy_from``, the folder starts as a copy of that folder, and ``files`` replace
    or add to what it holds. The folder is made under a temporary name and renamed into
    place when complete, so a failure leaves no half-made folder.
    """
    # -- imported here: a render makes no folder, and these take milliseconds to import --
    import shutil
    import tempfile

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


def remove_leftovers(folder: Path, staging: re.Pattern[str] | None = None) -> None:
    """Remove what runs killed while writing into ``folder`` left there.

    Only files of reportgen's temporary naming whose writing process is gone are removed,
    and with ``staging``, folders whose name it matches in full and whose numbered
    processes (the pattern's groups) are all gone. Nothing else is touched, and nothing
    another run is writing at the moment.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # no folder yet, or one that cannot be read: nothing of ours to clear
    for entry in entries:
        match = _TEMPORARY_NAME.fullmatch(entry.name)
        if match and entry.is_file(follow_symlinks=False):
            if not process_alive(int(match.group(1))):
                Path(entry.path).unlink(missing_ok=True)
            continue
        match = staging.fullmatch(entry.name) if staging is not None else None
        if (
            match
            and entry.is_dir(follow_symlinks=False)
            and not _any_alive(int(number) for number in match.groups())
        ):
            import shutil  # -- only for a killed run's staging folder --

            shutil.rmtree(entry.path, ignore_errors=True)


def _any_alive(processes: Iterable[int]) -> bool:
    return any(process_alive(number) for number in processes)


def process_alive(number: int) -> bool:
    """Return whether the process ``number`` is running (or may be: when in doubt, True)."""
    if number <= 0:
        return True
    if os.name == "nt":  # pragma: no cover - Windows only
        return _windows_process_alive(number)
    try:
        os.kill(number, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, and is another user's
        return True
    return True


def _windows_process_alive(number: int) -> bool:  # pragma: no cover - Windows only
    # os.kill would end the process there: ask the system about it instead.
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, number)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(kernel.GetLastError() == 5)  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(code.value == 259)  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)
