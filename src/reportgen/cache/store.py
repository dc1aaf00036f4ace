"""The cache's folder: reportgen's own, checked as ssh checks its keys, every entry sealed.

What is read back from the cache is turned into code and objects (compiled templates,
loaded reports), so nothing in it is believed unless this user's reportgen wrote it:

- The folder is reportgen's alone. It is made 0700 with a marker file (``CACHEDIR.TAG``,
  which backup tools also read), or an empty folder (or one holding only the entries of an
  older reportgen) is taken over; a folder that holds other files is not used, and nothing
  in it is removed.
- Where files have owners (not on Windows, whose profile folders are the user's own), the
  folder, its subfolders, its key and every entry must be the user's and writable by
  nobody else; otherwise the folder, or the entry, is not used.
- Each entry is sealed with an HMAC-SHA256 of its kind, its name and its bytes, under a
  key of 32 random bytes kept 0600 in the folder. An entry that another user planted, or
  whose bytes changed by one bit, does not match its seal: it is a miss, and its bytes
  are never unpickled or unmarshalled.
- Only files named the way entries are named are ever removed: entries unused for
  :data:`KEEP_SECONDS`, the least recently used beyond :data:`MAX_TOTAL_BYTES`, and the
  temporary files of a run killed while writing one.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from reportgen.cache import messages
from reportgen.errors import OutputError
from reportgen.files import write_atomically
from reportgen.i18n import Message
from reportgen.messages import os_reason

#: The largest entry kept, in bytes; a larger one is not written, and not read.
MAX_ENTRY_BYTES = 50_000_000
#: The most the entries may take together; the least recently used go first.
MAX_TOTAL_BYTES = 200_000_000
#: Entries not used for this long are removed when another is written.
KEEP_SECONDS = 30 * 24 * 3600
#: A temporary file older than this was left by a run that was killed: it is removed.
_STALE_SECONDS = 3600

MARKER = "CACHEDIR.TAG"
#: The marker's first line is the one the Cache Directory Tagging convention defines.
MARKER_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is the cache of reportgen (checked templates, loaded reports).\n"
    "# Deleting it is always safe. See https://bford.info/cachedir/\n"
)
KEY_FILE = "key"
_KEY_BYTES = 32
#: What a sealed entry starts with: the format, then the seal (the HMAC), then the bytes.
_MAGIC = b"reportgen-cache\x02"
_SEAL_BYTES = hashlib.sha256().digest_size
_HEADER_BYTES = len(_MAGIC) + _SEAL_BYTES
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.bin")
#: write_atomically's temporary name for an entry: ``.<entry stem>.<random>.part``.
_TEMPORARY_NAME = re.compile(r"\.[0-9a-f]{64}\.[A-Za-z0-9_]+\.part")
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
#: Where files have owners: the user's id. None on Windows.
_USER = os.getuid() if hasattr(os, "getuid") else None


def entry_name(key: bytes) -> str:
    """Return the file name of the entry found by ``key``."""
    return hashlib.sha256(key).hexdigest() + ".bin"


class _Open(NamedTuple):
    """A cache folder found safe: where it is, and the key its entries are sealed with."""

    folder: Path
    key: bytes


class Store:
    """The entries of one cache folder, by kind (a subfolder) and name.

    The folder is checked, and made if need be, on first use; when it is not safe to use,
    :meth:`refusal` says why, every read is a miss and nothing is written.
    """

    def __init__(self, root: Path, kinds: tuple[str, ...]) -> None:
        self.root = root
        self.kinds = kinds
        self._state: _Open | Message | None = None

    def refusal(self) -> Message | None:
        """Return why the folder is not used, or None when it is."""
        state = self._open()
        return state if isinstance(state, Message) else None

    def _open(self) -> _Open | Message:
        if self._state is None:
            self._state = _open_folder(self.root, self.kinds)
        return self._state

    def read(self, kind: str, name: str) -> bytes | None:
        """Return the bytes of entry ``name``, or None if it is missing, foreign or damaged."""
        state = self._open()
        if isinstance(state, Message):
            return None
        path = state.folder / kind / name
        try:
            handle = os.open(path, os.O_RDONLY | _NO_FOLLOW | _BINARY)
        except OSError:
            return None
        try:
            with os.fdopen(handle, "rb") as stream:
                status = os.fstat(stream.fileno())
                if _unsafe(status) or status.st_size > MAX_ENTRY_BYTES + _HEADER_BYTES:
                    return None
                sealed = stream.read()
        except OSError:
            return None
        payload = _unseal(state.key, kind, name, sealed)
        if payload is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: the last to be removed when the cache is full
        return payload

    def write(self, kind: str, name: str, payload: bytes) -> None:
        """Keep ``payload`` as entry ``name``; pass over a folder that cannot take it."""
        state = self._open()
        if isinstance(state, Message) or len(payload) > MAX_ENTRY_BYTES:
            return
        try:
            write_atomically(
                state.folder / kind / name, _seal(state.key, kind, name, payload), mode=0o600
            )
        except OutputError:
            return
        self._tidy(state.folder)

    def _tidy(self, folder: Path) -> None:
        """Remove expired entries, a killed run's leftovers, and the least used beyond the bound."""
        now = time.time()
        kept: list[tuple[float, int, Path]] = []
        for path, status in _own_files(folder, self.kinds):
            if _TEMPORARY_NAME.fullmatch(path.name):
                expired = status.st_mtime < now - _STALE_SECONDS
            else:
                expired = status.st_mtime < now - KEEP_SECONDS
            if expired:
                _remove(path)
            elif _ENTRY_NAME.fullmatch(path.name):
                kept.append((status.st_mtime, status.st_size, path))
        total = sum(size for _, size, _ in kept)
        for _, size, path in sorted(kept):
            if total <= MAX_TOTAL_BYTES:
                break
            _remove(path)
            total -= size

    def sizes(self) -> dict[str, tuple[int, int]]:
        """Return the number of entries of each kind and their bytes."""
        state = self._open()
        sizes = {kind: (0, 0) for kind in self.kinds}
        if isinstance(state, Message):
            return sizes
        for path, status in _own_files(state.folder, self.kinds):
            if _ENTRY_NAME.fullmatch(path.name):
                count, size = sizes[path.parent.name]
                sizes[path.parent.name] = count + 1, size + status.st_size
        return sizes

    def clear(self) -> int:
        """Remove every entry and return how many; raise OutputError if they cannot be removed."""
        state = self._open()
        if isinstance(state, Message):
            raise OutputError(state, path=self.root)
        removed = 0
        for path, _ in _own_files(state.folder, self.kinds):
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as err:
                reason = os_reason(err)
                raise OutputError(messages.CANNOT_CLEAR(reason=reason), path=state.folder) from err
            removed += _ENTRY_NAME.fullmatch(path.name) is not None
        return removed


# -- the folder --


def _open_folder(root: Path, kinds: tuple[str, ...]) -> _Open | Message:
    """Return the folder at ``root`` made or found safe, with its key; or why it is not used."""
    try:
        if not root.exists():
            _make_folder(root)
        folder = Path(os.path.realpath(root))
        status = os.stat(folder)
        if not stat.S_ISDIR(status.st_mode):
            return messages.NOT_A_FOLDER()
        refusal = _foreign(status)
        if refusal is not None:
            return refusal
        marker = folder / MARKER
        if not _is_marker(marker):
            if not _holds_only_entries(folder, kinds):
                return messages.NOT_OURS()
            write_atomically(marker, MARKER_TEXT.encode(), mode=0o600)
        for kind in kinds:
            refusal = _subfolder(folder / kind)
            if refusal is not None:
                return refusal
        key = _key(folder / KEY_FILE)
    except (OSError, OutputError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        return messages.CANNOT_USE(reason=reason)
    if key is None:
        return messages.KEY_UNSAFE(key=folder / KEY_FILE)
    return _Open(folder, key)


def _make_folder(root: Path) -> None:
    root.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):  # -- another run made it meanwhile --
        root.mkdir(mode=0o700)
        os.chmod(root, 0o700)  # -- whatever the umask --
        write_atomically(root / MARKER, MARKER_TEXT.encode(), mode=0o600)


def _is_marker(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(MARKER_TEXT) + 1).decode("utf-8", "replace") == MARKER_TEXT
    except OSError:
        return False


def _holds_only_entries(folder: Path, kinds: tuple[str, ...]) -> bool:
    """Return whether ``folder`` is empty, or holds only subfolders of entries (an older cache)."""
    for item in folder.iterdir():
        if item.name not in kinds or item.is_symlink() or not item.is_dir():
            return False
        names = (entry.name for entry in item.iterdir())
        if not all(
            _ENTRY_NAME.fullmatch(name) or _TEMPORARY_NAME.fullmatch(name) for name in names
        ):
            return False
    return True


def _subfolder(path: Path) -> Message | None:
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700)
    status = os.lstat(path)
    if not stat.S_ISDIR(status.st_mode):
        return messages.NOT_A_FOLDER()
    return _foreign(status)


def _foreign(status: os.stat_result) -> Message | None:
    """Return why a file or folder with ``status`` cannot be trusted, or None."""
    if _USER is None:
        return None
    if status.st_uid != _USER:
        return messages.NOT_OWNED()
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return messages.OPEN_TO_OTHERS()
    return None


def _unsafe(status: os.stat_result) -> bool:
    """Return whether an entry with ``status`` is not a plain file of the user's own."""
    return not stat.S_ISREG(status.st_mode) or _foreign(status) is not None


def _key(path: Path) -> bytes | None:
    """Return the folder's key, making it if there is none; None if it is not the user's alone."""
    try:
        handle = os.open(path, os.O_RDONLY | _NO_FOLLOW | _BINARY)
    except FileNotFoundError:
        return _make_key(path)
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        key = stream.read(_KEY_BYTES + 1)
    private = _USER is None or not status.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    if _unsafe(status) or not private or len(key) != _KEY_BYTES:
        return None
    return key


def _make_key(path: Path) -> bytes | None:
    key = os.urandom(_KEY_BYTES)  # -- what secrets.token_bytes returns, without its imports --
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key.")  # made 0600
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(key)
        try:
            os.link(temporary, path)  # -- never over a key another run made meanwhile --
        except FileExistsError:
            return _key(path)
        except OSError:  # -- a file system without links --
            os.replace(temporary, path)
            return key
    finally:
        Path(temporary).unlink(missing_ok=True)
    return key


def _own_files(folder: Path, kinds: tuple[str, ...]) -> list[tuple[Path, os.stat_result]]:
    """Return the entries and temporary entries in the cache's subfolders, and their status."""
    found = []
    for kind in kinds:
        try:
            listing = list(os.scandir(folder / kind))
        except OSError:
            continue
        for item in listing:
            if _ENTRY_NAME.fullmatch(item.name) or _TEMPORARY_NAME.fullmatch(item.name):
                try:
                    status = item.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISREG(status.st_mode):
                    found.append((Path(item.path), status))
    return found


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


# -- seals --


def _seal(key: bytes, kind: str, name: str, payload: bytes) -> bytes:
    return _MAGIC + _mac(key, kind, name, payload) + payload


def _unseal(key: bytes, kind: str, name: str, sealed: bytes) -> bytes | None:
    """Return the bytes sealed in ``sealed``, or None unless the seal matches them."""
    if len(sealed) < _HEADER_BYTES or not sealed.startswith(_MAGIC):
        return None
    payload = sealed[_HEADER_BYTES:]
    seal = sealed[len(_MAGIC) : _HEADER_BYTES]
    if not hmac.compare_digest(seal, _mac(key, kind, name, payload)):
        return None
    return payload


def _mac(key: bytes, kind: str, name: str, payload: bytes) -> bytes:
    # -- the kind and name are sealed too: an entry moved to another's name does not match --
    seal = hmac.new(key, f"{kind}/{name}\0".encode(), hashlib.sha256)
    seal.update(payload)
    return seal.digest()
