"""The check every write passes before it touches a target (issue 18, "Outputs").

A probe replaced the open project with a CSV export (`export P -o P`), turned
/dev/full into a regular file and replaced a symlink instead of the file it names.
Here is the one place that decides, for every writer of the app (exports, tables,
copies, backups, settings, pictures): the real file to write, or a refusal.

- A symlink is written through: the file it names is replaced, the link stays.
- Something that is not a regular file (a folder, a device, a pipe) is refused.
- A project open in this process, its -wal/-shm/-journal and its backups are refused.
- Any other Annotator project (known by its header) is refused, unless the write
  makes a project file itself (Save a copy, a redacted copy).
- The name of any project's -wal/-shm/-journal is refused, even before it exists:
  the next open of that project would take the file for its own and delete it (the
  second probe: `annotator new P.annotator-wal` said "Created", then vanished).

Projects register themselves while open (`protect`); `Project` does it for every
open, read-only or not, so no writer has to remember which project to spare.
"""

from __future__ import annotations

import enum
import itertools
import os
import re
import stat
import threading
from pathlib import Path

from annotator.core.file_header import APPLICATION_ID, SQLITE_MAGIC
from annotator.core.storage.write_errors import OutputUnwritable, WriteProblem, classify

WORKING_FILES = ("-wal", "-shm", "-journal")
PROJECT_SUFFIX = ".annotator"
_NAMED_BACKUP = re.compile(r"\.(pre-merge-|schema-v\d+-backup-|before-restore-)")


class OutputKind(enum.Enum):
    """What a write makes, which decides what it may replace."""

    FILE = "file"  # an export, a table, a picture, settings: never over a project
    PROJECT_COPY = "project copy"  # a project file: may replace a closed project
    PROJECT_ITSELF = "project itself"  # restore, encryption: replace a closed project in place


_open_projects: dict[int, Path] = {}
_tokens = itertools.count(1)
# Reentrant: a project collected by the garbage collector releases itself (a weakref
# finalizer) at whatever moment, possibly while this thread holds the lock.
_lock = threading.RLock()


def protect(project_path: Path | str) -> int:
    """Refuse writes over this project (and its working files, backups) until released."""
    with _lock:
        token = next(_tokens)
        _open_projects[token] = Path(os.path.realpath(project_path))
    return token


def release(token: int) -> None:
    with _lock:
        _open_projects.pop(token, None)


def checked_target(target: Path | str, kind: OutputKind = OutputKind.FILE) -> Path:
    """The real file a write to `target` replaces, or OutputUnwritable saying why not."""
    real = Path(os.path.realpath(target))
    try:
        info: os.stat_result | None = os.lstat(real)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputUnwritable(target, classify(exc), exc.strerror or str(exc)) from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputUnwritable(target, WriteProblem.IS_FOLDER)
    if info is not None and not stat.S_ISREG(info.st_mode):  # a device, pipe, socket, loop
        raise OutputUnwritable(target, WriteProblem.NOT_A_FILE)
    if kind is OutputKind.PROJECT_ITSELF:
        return real
    problem = _open_project_problem(real, info)
    if problem is None and is_working_file_of_a_project(real):
        problem = WriteProblem.A_PROJECT
    if problem is None and kind is OutputKind.FILE and info is not None and is_project_file(real):
        problem = WriteProblem.A_PROJECT
    if problem is not None:
        raise OutputUnwritable(target, problem)
    return real


def _open_project_problem(real: Path, info: os.stat_result | None) -> WriteProblem | None:
    with _lock:
        projects = list(_open_projects.copy().values())
    for project in projects:
        for suffix in ("", *WORKING_FILES):
            path = Path(f"{project}{suffix}")
            if real == path or (info is not None and _same_file(info, path)):
                return WriteProblem.OPEN_PROJECT
        if info is not None and _is_backup_of(real, project):
            return WriteProblem.PROJECT_BACKUP
    return None


def _same_file(info: os.stat_result, path: Path) -> bool:
    """The same file under another name: a hard link, or another case on macOS/Windows."""
    try:
        other = os.stat(path)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (other.st_dev, other.st_ino)


def _is_backup_of(real: Path, project: Path) -> bool:
    from annotator.core.backups import backup_folder  # backups write through this module

    if real.name.startswith(f"{project.stem}.") and _NAMED_BACKUP.search(real.name):
        return True  # pre-merge, pre-migration and pre-restore copies
    return real.parent == Path(os.path.realpath(backup_folder(project)))


def is_working_file_of_a_project(path: Path) -> bool:
    """Whether `path` is named as a project's -wal, -shm or -journal (it need not exist)."""
    for suffix in WORKING_FILES:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            base = path.with_name(path.name[: -len(suffix)])
            if base.is_file() and is_project_file(base):
                return True
    return False


def is_project_file(path: Path) -> bool:
    """An Annotator project or one of its working files, known by its first bytes.

    An encrypted project has no header to know it by: a `.annotator` file of whole
    pages without a SQLite header is taken for one (as `cipher_driver.looks_encrypted`).
    """
    if is_working_file_of_a_project(path):
        return True
    try:
        size = path.stat().st_size
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            head = os.read(fd, 100)
        finally:
            os.close(fd)
    except OSError:
        return False
    if head.startswith(SQLITE_MAGIC):
        return len(head) >= 72 and int.from_bytes(head[68:72], "big") == APPLICATION_ID
    return path.suffix.lower() == PROJECT_SUFFIX and size >= 1024 and size % 512 == 0
