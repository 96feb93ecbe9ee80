"""The one way the app writes a file: whole and durable, or not at all (issues 18, 19).

Every writer (exports, REFI-QDA files, copies and backups of a project, settings,
pictures) builds its file under a hidden partial name beside the real target, on the
same disk so the final rename is atomic, and listed as unfinished (`leftovers`) while
it is built. One fsync rule: the file's bytes are synced, the partial is renamed over
the target, and the folder is synced (POSIX) so the rename itself survives a power
cut. Any failure (no folder, no permission, a full disk, a file another program holds
open, Cancel, a bug) removes the partial and leaves an earlier file under the target
name exactly as it was.

The target first passes `output_guard`: a symlink is written through, and a device,
a folder, the open project, its journals or backups are refused before anything is
written. The partial is private (0600) while it is built and takes its final mode
just before the rename: the mode of the file it replaces, the caller's (a project
copy carries the project's own), or else what a new file gets.

`_open_partial` and `_replace` are the I/O seams tests use to inject a full disk or a
locked file, which a test machine running as root cannot produce for real.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from annotator.core.storage import leftovers
from annotator.core.storage.output_guard import OutputKind, checked_target
from annotator.core.storage.write_errors import OutputUnwritable, WriteProblem, classify

_BINARY = getattr(os, "O_BINARY", 0)


def _open_partial(path: Path) -> BinaryIO:
    return os.fdopen(os.open(path, os.O_WRONLY | _BINARY), "wb")


def _replace(partial: Path, target: Path) -> None:
    os.replace(partial, target)


@contextlib.contextmanager
def atomic_write(
    target: Path | str, *, kind: OutputKind = OutputKind.FILE, mode: int | None = None
) -> Iterator[BinaryIO]:
    """Yield a binary file to write; on success it becomes `target`, else it vanishes.

    Raises OutputUnwritable saying why a target is refused or cannot be written.
    """
    with building(target, kind=kind, mode=mode) as partial:
        try:
            stream = _open_partial(partial)
        except OSError as exc:
            raise OutputUnwritable(target, classify(exc), exc.strerror or str(exc)) from exc
        with stream:
            yield stream


def write_bytes(
    target: Path | str, data: bytes, *, kind: OutputKind = OutputKind.FILE, mode: int | None = None
) -> Path:
    with atomic_write(target, kind=kind, mode=mode) as stream:
        stream.write(data)
    return Path(target)


def write_from_memory(target: Path | str, save: Callable[[BinaryIO], object]) -> None:
    """Build a zip-based file (docx, xlsx) in memory, then write it whole.

    python-docx and openpyxl leave their ZipFile open when a write fails, to complain
    later about a closed file; in memory their writes cannot fail, and the one write
    to disk is ours to clean up.

    The view of the buffer is released when the write ends, also when it fails: left to
    the garbage collector inside a failed write's traceback (a reference cycle), it
    crashes Python 3.12.0 and 3.12.1 (CPython gh-111049, fixed in 3.12.2).
    """
    buffer = io.BytesIO()
    save(buffer)
    with atomic_write(target) as stream, buffer.getbuffer() as view:
        stream.write(view)


@contextlib.contextmanager
def building(
    target: Path | str,
    *,
    kind: OutputKind = OutputKind.FILE,
    mode: int | None = None,
    create: bool = True,
) -> Iterator[Path]:
    """Yield a partial path to build the file at (SQLite can write it); it becomes `target`.

    With `create` the partial exists (empty, private) when the block starts; without,
    the block creates it (a new project refuses an existing file). Connections to the
    partial must be closed when the block ends.
    """
    real = checked_target(target, kind)
    final_mode = mode if mode is not None else _mode_of(real)
    leftovers.remove_stale_partials(real.parent, real.name)
    partial = leftovers.partial_name(real)
    replaced = False
    with leftovers.listed(partial):
        try:
            if create:
                _create(target, partial, final_mode)
            yield partial
            _finish(partial, final_mode)
            if checked_target(target, kind) != real:  # the target changed while we wrote
                raise OutputUnwritable(target, WriteProblem.TARGET_CHANGED)
            _replace(partial, real)
            replaced = True
            _sync_folder(real.parent)
        except OSError as exc:
            raise _unwritable(target, real, exc) from exc
        finally:
            if not replaced:
                leftovers.remove_partial(partial)


def _mode_of(real: Path) -> int | None:
    """The mode of the file to be replaced: a private export stays private."""
    try:
        return stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        return None


def _create(target: Path | str, partial: Path, mode: int | None) -> None:
    # 0o666 honours the user's umask, as a plain open() would; a known final mode is
    # applied at the end, and until then only the owner can read the partial.
    start_mode = 0o666 if mode is None else 0o600
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, start_mode)
    except OSError as exc:  # the folder: missing, read-only, full
        raise OutputUnwritable(target, classify(exc), exc.strerror or str(exc)) from exc
    os.close(fd)


def _finish(partial: Path, mode: int | None) -> None:
    """Sync the complete file's bytes and give it its mode, before it takes the name."""
    fd = os.open(partial, (os.O_RDWR if os.name == "nt" else os.O_RDONLY) | _BINARY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    if mode is not None:
        os.chmod(partial, mode)
    for suffix in leftovers.SIDECARS:  # a closed SQLite file needs none; a stale one misleads
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _unwritable(target: Path | str, real: Path, exc: OSError) -> OutputUnwritable:
    problem = classify(exc)
    if problem is WriteProblem.NO_PERMISSION and real.exists():
        # the folder let us write the partial, so the target itself is held
        problem = WriteProblem.IN_USE
    return OutputUnwritable(target, problem, exc.strerror or str(exc))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles to sync."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
