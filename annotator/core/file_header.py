"""Recognise a project file from its first 100 bytes, before SQLite touches it.

Refusing a foreign, newer or truncated file must leave it byte-for-byte unchanged,
so these checks read the SQLite header directly instead of opening a connection.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from annotator.core import errors, input_files
from annotator.core.input_files import InputProblem, InputRefused
from annotator.core.os_problems import os_problem

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x414E4E54  # "ANNT"
HEADER_SIZE = 100
WAL_HEADER_SIZE = 32


@dataclass(frozen=True)
class SqliteHeader:
    page_size: int
    change_counter: int
    page_count: int
    user_version: int
    application_id: int
    version_valid_for: int

    @property
    def declared_size(self) -> int | None:
        """The database size the header vouches for, if it is current."""
        if self.version_valid_for != self.change_counter or self.page_count == 0:
            return None
        return self.page_count * self.page_size


def read_header(path: Path) -> SqliteHeader:
    """Parse the SQLite header of `path` or raise the matching ProjectFileError."""
    try:
        raw = input_files.read_start(path, HEADER_SIZE)  # regular files only: never a pipe
    except InputRefused as refused:
        if refused.problem is InputProblem.MISSING:
            raise errors.ProjectNotFound(path) from None
        if refused.problem is InputProblem.NOT_REGULAR:
            raise errors.NotAProject(path, file_type=refused.file_type) from None
        raise errors.ProjectFileError(path, system=refused.system) from None
    except OSError as exc:
        raise errors.ProjectFileError(path, system=os_problem(exc)) from exc
    if len(raw) == 0:
        raise errors.NotAProject(path, because=errors.ProjectCause.EMPTY_FILE)
    if not raw.startswith(SQLITE_MAGIC):
        raise errors.NotAProject(path)
    if len(raw) < HEADER_SIZE:
        raise errors.CorruptProject(path, because=errors.ProjectCause.TRUNCATED)
    (page_size,) = struct.unpack(">H", raw[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", raw[24:32])
    (user_version,) = struct.unpack(">i", raw[60:64])
    (application_id,) = struct.unpack(">i", raw[68:72])
    (version_valid_for,) = struct.unpack(">I", raw[92:96])
    return SqliteHeader(
        page_size=page_size,
        change_counter=change_counter,
        page_count=page_count,
        user_version=user_version,
        application_id=application_id & 0xFFFFFFFF,
        version_valid_for=version_valid_for,
    )


def _has_wal_frames(path: Path) -> bool:
    """A checkpoint cut short writes page 1 before the pages that grow the file; the
    WAL still holds them and SQLite finishes the job, so such a file is not truncated.
    """
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > WAL_HEADER_SIZE
    except OSError:
        return False


def check_project_header(path: Path, latest_version: int) -> SqliteHeader:
    """Refuse anything that is not an intact project this version can open."""
    header = read_header(path)
    if header.application_id != APPLICATION_ID:
        raise errors.ForeignDatabase(path)
    if header.user_version > latest_version:
        raise errors.NewerProject(path, header.user_version, latest_version)
    declared = header.declared_size
    if declared is not None and path.stat().st_size < declared and not _has_wal_frames(path):
        raise errors.CorruptProject(
            path,
            because=errors.ProjectCause.TRUNCATED,
            size=path.stat().st_size,
            expected=declared,
        )
    return header
