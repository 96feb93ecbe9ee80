"""Why the system refused to read or write a file, and what a path turned out to be:
kinds the faces can word.

An OSError's own text ("[Errno 13] Permission denied") is English from the C library:
glued into a sentence it made "cannot be merged: it no such file". Errors keep this
kind instead, and each face has one sentence for each.
"""

from __future__ import annotations

import enum
import errno


class FileType(enum.Enum):
    """What a path turned out to be; only REGULAR is ever opened (`input_files`)."""

    REGULAR = "regular"
    FOLDER = "folder"
    PIPE = "pipe"
    DEVICE = "device"
    SOCKET = "socket"
    OTHER = "other"


class OsProblem(enum.Enum):
    NOT_FOUND = "not_found"
    NO_PERMISSION = "no_permission"
    READ_ONLY = "read_only"  # a read-only disk or mount
    DISK_FULL = "disk_full"
    IN_USE = "in_use"  # another program holds the file (Windows, mostly)
    IS_FOLDER = "is_folder"
    NOT_A_FOLDER = "not_a_folder"  # a file where a folder of the path should be
    NAME_TOO_LONG = "name_too_long"
    CANNOT_OPEN = "cannot_open"  # the file or its folder cannot be opened (SQLite)
    DEVICE_ERROR = "device_error"  # the disk or the network failed
    OTHER = "other"


_OF_ERRNO = {
    errno.ENOENT: OsProblem.NOT_FOUND,
    errno.EACCES: OsProblem.NO_PERMISSION,
    errno.EPERM: OsProblem.NO_PERMISSION,
    errno.EROFS: OsProblem.READ_ONLY,
    errno.ENOSPC: OsProblem.DISK_FULL,
    errno.EDQUOT: OsProblem.DISK_FULL,
    errno.EFBIG: OsProblem.DISK_FULL,
    errno.EBUSY: OsProblem.IN_USE,
    errno.ETXTBSY: OsProblem.IN_USE,
    errno.EISDIR: OsProblem.IS_FOLDER,
    errno.ENOTDIR: OsProblem.NOT_A_FOLDER,
    errno.ENAMETOOLONG: OsProblem.NAME_TOO_LONG,
    errno.EIO: OsProblem.DEVICE_ERROR,
}
# Windows refuses to open a file another program holds open (Word, Excel).
_WINERROR_SHARING_VIOLATION = (32, 33)


def os_problem(exc: OSError) -> OsProblem:
    if getattr(exc, "winerror", None) in _WINERROR_SHARING_VIOLATION:
        return OsProblem.IN_USE
    return _OF_ERRNO.get(exc.errno or 0, OsProblem.OTHER)


# SQLite's primary result codes that say why a write failed, not that the file is bad.
_OF_SQLITE_CODE = {
    3: OsProblem.NO_PERMISSION,  # SQLITE_PERM
    5: OsProblem.IN_USE,  # SQLITE_BUSY
    6: OsProblem.IN_USE,  # SQLITE_LOCKED
    8: OsProblem.READ_ONLY,  # SQLITE_READONLY
    10: OsProblem.DEVICE_ERROR,  # SQLITE_IOERR
    13: OsProblem.DISK_FULL,  # SQLITE_FULL
    14: OsProblem.CANNOT_OPEN,  # SQLITE_CANTOPEN
}


def sqlite_problem(exc: BaseException) -> OsProblem | None:
    """The system's reason behind a sqlite3 error, if its code says one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else _OF_SQLITE_CODE.get(code & 0xFF)
