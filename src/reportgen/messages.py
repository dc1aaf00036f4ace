"""The messages of the lowest layer: files that cannot be read or written, and why."""

from __future__ import annotations

import errno

from reportgen.i18n import Message, MessageKind

CANNOT_READ_FILE = MessageKind(
    "file.cannot-read", en="cannot read the file ({reason})", zh="无法读取文件（{reason}）"
)
FILE_NOT_FOUND = MessageKind("file.not-found", en="file not found", zh="找不到这个文件")
CANNOT_WRITE_HERE = MessageKind(
    "file.cannot-write-here", en="cannot write here ({reason})", zh="无法在这里写入文件（{reason}）"
)
CANNOT_WRITE_FILE = MessageKind(
    "file.cannot-write", en="cannot write the file ({reason})", zh="无法写入文件（{reason}）"
)
CANNOT_WRITE_FOLDER = MessageKind(
    "file.cannot-write-folder",
    en="cannot write the folder ({reason})",
    zh="无法写入文件夹（{reason}）",
)

_NOT_FOUND = MessageKind("os.not-found", en="no such file or folder", zh="文件或文件夹不存在")
_DENIED = MessageKind(
    "os.permission-denied",
    en="permission denied: the file may be open in another program such as Word or WPS, "
    "or read-only",
    zh="没有权限：文件可能正被 Word、WPS 等程序打开，或是只读的",
)
_IS_FOLDER = MessageKind(
    "os.is-a-folder", en="it is a folder, not a file", zh="这是文件夹，不是文件"
)
_NOT_FOLDER = MessageKind(
    "os.not-a-folder",
    en="a part of the path is a file, not a folder",
    zh="路径中有一段是文件，不是文件夹",
)
_DISK_FULL = MessageKind("os.disk-full", en="the disk is full", zh="磁盘已满")
_READ_ONLY = MessageKind("os.read-only", en="the disk is read-only", zh="磁盘是只读的")
_NAME_TOO_LONG = MessageKind("os.name-too-long", en="the name is too long", zh="文件名太长")
_EXISTS = MessageKind("os.exists", en="it already exists", zh="已经存在")
_OTHER = MessageKind(
    "os.other", en="{detail}, error {code}", zh="系统错误：{detail}，错误码 {code}"
)

_BY_ERRNO = {
    errno.ENOENT: _NOT_FOUND,
    errno.EACCES: _DENIED,
    errno.EPERM: _DENIED,
    errno.EISDIR: _IS_FOLDER,
    errno.ENOTDIR: _NOT_FOLDER,
    errno.ENOSPC: _DISK_FULL,
    errno.EROFS: _READ_ONLY,
    errno.ENAMETOOLONG: _NAME_TOO_LONG,
    errno.EEXIST: _EXISTS,
}


def os_reason(err: OSError) -> Message:
    """Return why the system refused, in words a clerk can act on."""
    kind = _BY_ERRNO.get(err.errno or 0)
    if kind is None and isinstance(err, PermissionError):
        kind = _DENIED  # -- Windows: a file open in Word is a sharing violation --
    if kind is not None:
        return kind()
    return _OTHER(detail=err.strerror or str(err), code=err.errno or "?")
