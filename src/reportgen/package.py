"""Read and write .docx packages (zip files) reproducibly and atomically.

A .docx is a zip of XML parts. reportgen writes the zip itself rather than
through python-docx so that the same input gives byte-identical output: parts
keep the template's order, every entry gets the same fixed timestamp, and only
the parts that rendering changed are deflated again; the others are copied as
they are, which is also the fastest way to write a document.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from .errors import OutputError, WorkspaceError

#: The zip timestamp of every entry: the earliest a zip file can hold, as Word does.
FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)


class Package:
    """The parts of a .docx read into memory once, in their zip order."""

    def __init__(self, path: Path, parts: dict[str, bytes], infos: dict[str, zipfile.ZipInfo]):
        self.path = path
        self.parts = parts
        self._infos = infos

    @classmethod
    def read(cls, path: Path) -> Package:
        """Read every part of the .docx at ``path``; raise WorkspaceError if it is not one."""
        try:
            with zipfile.ZipFile(path) as archive:
                infos = {info.filename: info for info in archive.infolist()}
                parts = {name: archive.read(name) for name in infos}
        except FileNotFoundError as err:
            raise WorkspaceError(f"{path}: template not found") from err
        except (zipfile.BadZipFile, OSError, EOFError) as err:
            raise WorkspaceError(
                f"{path}: not a Word .docx file (cannot open it as a zip: {err})"
            ) from err
        if "word/document.xml" not in parts:
            raise WorkspaceError(f"{path}: not a Word .docx file (it has no word/document.xml)")
        return cls(path, parts, infos)

    def to_bytes(self, replaced: Mapping[str, bytes]) -> bytes:
        """Return the package as zip bytes, with ``replaced`` parts swapped in."""
        import io

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, original in self.parts.items():
                info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, replaced.get(name, original))
            for name in replaced.keys() - self.parts.keys():
                info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, replaced[name])
        return buffer.getvalue()


def normalize_docx(data: bytes) -> bytes:
    """Return ``data`` (a .docx written by any tool) rewritten with fixed zip timestamps."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    return Package(Path("-"), parts, {}).to_bytes({})


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it.

    The temporary file is moved into place only when complete, so a failure
    leaves the previous file untouched and no temporary file behind.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.stem}.", suffix=".part"
        )
    except OSError as err:
        raise OutputError(f"{path.parent}: cannot write here ({err.strerror or err})") from err
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as err:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write the file ({err.strerror or err})") from err
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
