"""Opening files people hand us: regular files only, reads capped, names kept as text.

Issue 18's probe hung an import on a named pipe called `f.txt`, and sank a whole folder
import on one file name that was not valid UTF-8. So every reader of a user's file goes
through here: the path is looked at with `lstat` (and, for a link, its target with
`stat`) before anything is opened; only a regular file is opened, without blocking and
checked again on the open descriptor; and no read takes more than the caller's limit
plus one byte, whatever the file claims. A name whose bytes are not UTF-8 is shown and
stored with those bytes escaped (`b\\xe9.txt`), never as Python's lone surrogates,
which SQLite, JSON and the terminal all refuse; control characters in a name likewise.
"""

from __future__ import annotations

import enum
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from annotator.core.errors import AnnotatorError
from annotator.core.os_problems import FileType, OsProblem, os_problem

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a pipe swapped in after the check cannot block us
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_ODD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class InputProblem(enum.Enum):
    MISSING = "missing"
    NOT_REGULAR = "not_regular"  # `file_type` says what it is
    UNREADABLE = "unreadable"  # `system` says why
    TOO_LARGE = "too_large"


class InputRefused(AnnotatorError):
    """A file (or stream) that is not read; callers turn it into their own typed error."""

    kinds = (InputProblem, FileType, OsProblem)

    def __init__(
        self,
        name: str,
        problem: InputProblem,
        *,
        file_type: FileType | None = None,
        size: int | None = None,
        limit: int = 0,
        system: OsProblem | None = None,
    ) -> None:
        self.name = name
        self.kind = self.problem = problem
        self.file_type = file_type
        self.size = size  # None when unknown (a stream that went past the limit)
        self.limit = limit
        self.system = system
        super().__init__()


def shown_name(path: Path | str) -> str:
    """A path as text that can be stored and printed safely.

    Bytes that are not UTF-8 and control characters (a name may hold `ESC`) are kept
    as `\\xNN`, so the name stays recognisable and nothing in it can act on a terminal.
    """
    text = os.fspath(path)
    if not name_is_escaped(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from undecodable bytes
        raw = text.encode("utf-8", "surrogatepass")
    readable = raw.decode("utf-8", "backslashreplace")
    return _CONTROLS.sub(lambda found: f"\\x{ord(found.group()):02x}", readable)


def name_is_escaped(path: Path | str) -> bool:
    """Whether `shown_name` changes this name (bytes not UTF-8, or control characters)."""
    return _ODD.search(os.fspath(path)) is not None


def file_type(mode: int) -> FileType:
    if stat.S_ISREG(mode):
        return FileType.REGULAR
    if stat.S_ISDIR(mode):
        return FileType.FOLDER
    if stat.S_ISFIFO(mode):
        return FileType.PIPE
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return FileType.DEVICE
    if stat.S_ISSOCK(mode):
        return FileType.SOCKET
    return FileType.OTHER


def kind_of_path(path: Path) -> FileType:
    """What `path` is, following one symbolic link; raises InputRefused if it is missing."""
    return file_type(_status(path, shown_name(path)).st_mode)


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading if, and only if, it is a regular file (or a link to one)."""
    name = shown_name(path)
    before = _status(path, name)
    kind = file_type(before.st_mode)
    if kind is not FileType.REGULAR:
        raise InputRefused(name, InputProblem.NOT_REGULAR, file_type=kind)
    try:
        fd = _open_descriptor(path)
    except OSError as exc:
        raise _refusal(name, exc) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
            before.st_dev,
            before.st_ino,
        ):  # replaced between the look and the open
            raise InputRefused(name, InputProblem.NOT_REGULAR, file_type=file_type(opened.st_mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_capped(stream: BinaryIO, name: str, limit: int) -> bytes:
    """At most `limit` bytes of `stream`; InputRefused(TOO_LARGE) if there are more.

    Reads `limit + 1` bytes at most, so a stream without end (`yes |`) costs no more.
    """
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise _refusal(name, exc) from None
    if len(data) > limit:
        raise InputRefused(name, InputProblem.TOO_LARGE, limit=limit)
    return data


def read_start(path: Path, size: int) -> bytes:
    """The first `size` bytes of a regular file (a project's header, say); InputRefused
    for anything else, so a named pipe given as a project cannot block."""
    with open_regular(path) as stream:
        return stream.read(size)


def read_regular_file(path: Path, limit: int) -> bytes:
    """The whole of a regular file of at most `limit` bytes; InputRefused otherwise."""
    name = shown_name(path)
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            raise InputRefused(name, InputProblem.TOO_LARGE, size=size, limit=limit)
        return read_capped(stream, name, limit)


def _open_descriptor(path: Path) -> int:
    """The one place a user's file is opened (tests inject failures here)."""
    return os.open(path, _OPEN_FLAGS)


def _status(path: Path, name: str) -> os.stat_result:
    try:
        found = os.lstat(path)
        if stat.S_ISLNK(found.st_mode):
            found = os.stat(path)  # a link is judged by what it points to
    except OSError as exc:
        raise _refusal(name, exc) from None
    return found


def _refusal(name: str, exc: OSError) -> InputRefused:
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return InputRefused(name, InputProblem.MISSING)
    if isinstance(exc, IsADirectoryError):
        return InputRefused(name, InputProblem.NOT_REGULAR, file_type=FileType.FOLDER)
    return InputRefused(name, InputProblem.UNREADABLE, system=os_problem(exc))
