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

from annotator.core.exchange.errors import ExchangeFileError, FileProblem

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1 << 16


@dataclass(frozen=True)
class ArchiveLimits:
    """How much an imported archive may hold; tests lower them to build small bombs."""

    # Our own export of 50,000 documents holds 100,001 members and ~2.4 GB (text and
    # original of each): the limits leave room for twice that (benchmarks, issue 11).
    max_members: int = 250_000
    max_member_bytes: int = 256 * 1024 * 1024
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
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise ExchangeFileError(path, FileProblem.NOT_FOUND) from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise ExchangeFileError(path, FileProblem.NOT_A_ZIP, str(exc)) from exc
        except OSError as exc:
            raise ExchangeFileError(path, FileProblem.UNREADABLE, exc.strerror or "") from exc
        try:
            self._members = self._check_members()
        except BaseException:
            self._zip.close()
            raise

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_members:
            raise ExchangeFileError(self.path, FileProblem.TOO_MANY_FILES, f"{len(infos)} files")
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
                raise ExchangeFileError(
                    self.path,
                    FileProblem.TOO_LARGE,
                    f"{info.filename} inflates {info.compress_size} bytes to {info.file_size}",
                )
            members.setdefault(_key(info.filename), info)
        if declared > self.limits.max_total_bytes:
            raise ExchangeFileError(self.path, FileProblem.TOO_LARGE, f"{declared} bytes in all")
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
        info = self._members[_key(name)]
        limit = self.limits.max_member_bytes
        if info.file_size > limit:
            raise MemberTooLarge(info.filename, info.file_size)
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    got += len(chunk)
                    self._read_total += len(chunk)
                    if got > limit:
                        raise MemberTooLarge(info.filename, got)
                    if self._read_total > self.limits.max_total_bytes:
                        raise ExchangeFileError(self.path, FileProblem.TOO_LARGE, info.filename)
                    chunks.append(chunk)
        except (
            zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
            RuntimeError,
        ) as exc:  # fmt: skip
            # damaged data or offsets, an unknown compression method, or an encrypted member
            raise ExchangeFileError(
                self.path, FileProblem.UNREADABLE, f"{info.filename}: {exc}"
            ) from exc
        return b"".join(chunks)

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
