"""When a project cannot be written: read-only places, full disks, locks.

A project on a write-protected USB stick, in a shared read-only folder, or whose file
is marked read-only still opens, read-only, and the app says why (`ReadOnlyReason`).
SQLite failures a user can act on (a full disk, no permission, another program holding
the file) become typed errors instead of tracebacks; anything else stays a bug.

`_writable` is the seam tests use to simulate a read-only place, since tests running as
root can write everywhere.
"""

from __future__ import annotations

import enum
import os
import sqlite3
from pathlib import Path

from annotator.core import cipher_driver, errors
from annotator.core.os_problems import sqlite_problem


class ReadOnlyReason(enum.Enum):
    """Why a project was opened read-only; the GUI banner words it."""

    REQUESTED = "requested"  # the user (or a command) asked for read-only
    FILE_READ_ONLY = "file-read-only"  # the file itself is write-protected
    FOLDER_READ_ONLY = "folder-read-only"  # SQLite cannot create its journal beside it
    UNTRUSTED_SCHEMA = "untrusted-schema"  # its schema is not what we write (core.schema)


# SQLite primary result codes of failures caused by the machine, not by our code.
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def why_read_only(path: Path) -> ReadOnlyReason | None:
    """Why `path` cannot be opened for writing, or None when it can.

    WAL mode writes two files beside the project (`-wal`, `-shm`), so the folder must
    be writable too, not just the file.
    """
    if not _writable(path):
        return ReadOnlyReason.FILE_READ_ONLY
    if not _writable(path.parent if str(path.parent) else Path(".")):
        return ReadOnlyReason.FOLDER_READ_ONLY
    return None


def connect_read_only(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    """A connection that never writes to `path` or beside it.

    Reading a WAL-mode file needs its `-shm` index, which SQLite creates beside the file.
    In a folder we cannot write and with no `-shm` left there, the file is opened as
    immutable instead: nobody can change it there anyway. A `-wal` without its `-shm`
    holds changes we could not read that way, so that file is refused with a message.
    An encrypted project needs its passphrase (the key is not checked here).
    """
    path = path.resolve()
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    folder_writable = _writable(path.parent)
    query = "mode=ro"
    if not folder_writable and not shm.exists():
        if wal.exists() and wal.stat().st_size > 0:
            raise errors.ProjectFileError(path, because=errors.ProjectCause.WAL_IN_READ_ONLY_FOLDER)
        query = "immutable=1"
    return cipher_driver.connect(
        f"{path.as_uri()}?{query}",
        passphrase,
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )


def unwritable_error(path: Path, exc: Exception) -> errors.ProjectFileError | None:
    """The typed error for a SQLite failure the user can act on, or None for a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    system = sqlite_problem(exc)
    if system is not None:
        return errors.ProjectUnwritable(path, system=system)
    if primary in _DAMAGED_CODES:
        return errors.CorruptProject(path, str(exc))
    return None
