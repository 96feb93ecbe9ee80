"""Reading a .qdpx archive that someone else made: names checked, sizes capped.

Nothing is ever extracted to disk: members are read into memory by name, so a member
called `../../.bashrc` could not land anywhere even if it were allowed; it is refused
all the same, because a file that tries it is not an honest export. Declared sizes
are checked before anything is unpacked (zip bombs) and reads stop at the limit even
if a header lies. Archives inside the archive are never opened.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from annotator.core.exchange.errors import ExchangeFileError, FileProblem
from annotator.core.os_problems import os_problem

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1 << 16
_DAMAGE = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
    RuntimeError,
)  # fmt: skip


@dataclass(frozen=True)
class ArchiveLimits:
    """How much an imported archive may hold; tests lower them to build small bombs."""

    # Our own export of 50,000 documents holds 100,001 members and ~2.4 GB (text and
    # original of each), with a project.qde of 725 MB describing a million codings:
    # the limits leave room for twice that (benchmarks, issue 11). project.qde is
    # streamed, never held whole, so its own limit can be higher than a source's.
    max_members: int = 250_000
    max_member_bytes: int = 256 * 1024 * 1024
    max_project_bytes: int = 4 * 1024 * 1024 * 1024
    max_total_bytes: int = 8 * 1024 * 1024 * 1024
    # Text compresses about 3-10 times; a member inflating far more is a bomb.
    max_ratio: int = 200
    ratio_applies_above: int = 1024 * 1024


DEFAULT_LIMITS = ArchiveLimits()


class MemberTooLarge(Exception):
    """One member is over the per-member limit: the reader skips it and says so."""

    def __init__(self, name: str, size: int) -> None:
        self.name = name
        self.size = size
        super().__init__(f"{name}: {size} bytes")


def unsafe_name(name: str) -> bool:
    """True for member names that would point outside a folder they were unpacked into."""
    cleaned = name.replace("\\", "/")
    if cleaned.startswith("/") or _DRIVE.match(cleaned):
        return True
    return any(part == ".." for part in PurePosixPath(cleaned).parts)


class SafeArchive:
    """A ZIP archive opened for reading by member name, case-insensitively."""

    def __init__(self, path: Path, limits: ArchiveLimits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        self._read_total = 0
        self._read_upto: dict[str, int] = {}
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise ExchangeFileError(path, FileProblem.NOT_FOUND) from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise ExchangeFileError(path, FileProblem.NOT_A_ZIP, str(exc)) from exc
        except OSError as exc:
            raise ExchangeFileError(path, FileProblem.UNREADABLE, system=os_problem(exc)) from exc
        try:
            self._members = self._check_members()
        except BaseException:
            self._zip.close()
            raise

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_members:
            raise ExchangeFileError(self.path, FileProblem.TOO_MANY_FILES, count=len(infos))
        members: dict[str, zipfile.ZipInfo] = {}
        declared = 0
        for info in infos:
            if unsafe_name(info.filename):
                raise ExchangeFileError(self.path, FileProblem.UNSAFE_NAME, info.filename)
            if info.is_dir():
                continue
            declared += info.file_size
            big = info.file_size > self.limits.ratio_applies_above
            if big and info.file_size > self.limits.max_ratio * max(info.compress_size, 1):
                raise ExchangeFileError(self.path, FileProblem.TOO_LARGE, info.filename)
            members.setdefault(_key(info.filename), info)
        if declared > self.limits.max_total_bytes:
            raise ExchangeFileError(self.path, FileProblem.TOO_LARGE)
        return members

    @property
    def names(self) -> list[str]:
        return [info.filename for info in self._members.values()]

    def find(self, name: str) -> str | None:
        """The member's real name, matching letter case and `\\` leniently."""
        info = self._members.get(_key(name))
        return info.filename if info else None

    def size(self, name: str) -> int:
        return self._members[_key(name)].file_size

    def read(self, name: str) -> bytes:
        """A member's bytes; MemberTooLarge past the member limit, never more in memory."""
        with self.open(name, self.limits.max_member_bytes) as stream:
            return stream.read()

    def open(self, name: str, limit: int) -> MemberStream:
        """A member as a stream that stops at `limit` bytes (MemberTooLarge) and at the
        archive's total, whatever its header declares."""
        info = self._members[_key(name)]
        if info.file_size > limit:
            raise MemberTooLarge(info.filename, info.file_size)
        try:
            stream = self._zip.open(info)
        except _DAMAGE as exc:
            raise self._unreadable(info, exc) from exc
        return MemberStream(self, info, stream, limit)

    def _count(self, info: zipfile.ZipInfo, position: int) -> None:
        """Add to the total the bytes of `info` read for the first time (a member read
        twice, as project.qde is, counts once)."""
        seen = self._read_upto.get(info.filename, 0)
        if position > seen:
            self._read_upto[info.filename] = position
            self._read_total += position - seen
            if self._read_total > self.limits.max_total_bytes:
                raise ExchangeFileError(self.path, FileProblem.TOO_LARGE, info.filename)

    def _unreadable(self, info: zipfile.ZipInfo, exc: BaseException) -> ExchangeFileError:
        # damaged data or offsets, an unknown compression method, or an encrypted member
        return ExchangeFileError(self.path, FileProblem.UNREADABLE, f"{info.filename}: {exc}")

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _key(name: str) -> str:
    cleaned = name.replace("\\", "/")
    while cleaned.startswith("./"):
        cleaned = cleaned[2:]
    return cleaned.casefold()


class MemberStream:
    """Reads of one member, capped and counted; errors name the archive, never raw."""

    def __init__(
        self, archive: SafeArchive, info: zipfile.ZipInfo, stream: IO[bytes], limit: int
    ) -> None:
        self._archive = archive
        self._info = info
        self._stream = stream
        self._limit = limit
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            chunks = []
            while chunk := self.read(_CHUNK):
                chunks.append(chunk)
            return b"".join(chunks)
        try:
            chunk = self._stream.read(min(size, self._limit + 1 - self._position))
        except _DAMAGE as exc:
            raise self._archive._unreadable(self._info, exc) from exc
        self._position += len(chunk)
        if self._position > self._limit:
            raise MemberTooLarge(self._info.filename, self._position)
        self._archive._count(self._info, self._position)
        return chunk

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> MemberStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
