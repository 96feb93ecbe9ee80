"""Write a file so that the target name only ever holds a complete file.

The export goes to a hidden temporary file in the target's folder (same disk, so the
final rename is atomic), is flushed to disk, and only then replaces the target. Any
failure on the way (no folder, no permission, a full disk, a file another program
holds open, Cancel) removes the temporary file and leaves an earlier file under the
target name exactly as it was.

`_open_partial` and `_replace` are the I/O seams tests use to inject a full disk or a
locked file, which a test machine running as root cannot produce for real.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from annotator.core.exports.errors import ExportUnwritable, WriteProblem, classify


def _open_partial(path: Path) -> BinaryIO:
    # os.open with 0o666 honours the user's umask, as a plain open() would; a
    # NamedTemporaryFile would leave the export readable by its owner only.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    return os.fdopen(fd, "wb")


def _replace(partial: Path, target: Path) -> None:
    os.replace(partial, target)


def partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")


@contextlib.contextmanager
def safe_write(target: Path | str) -> Iterator[BinaryIO]:
    """Yield a binary file to write; on success it becomes `target`, else it vanishes."""
    target = Path(target)
    if target.is_dir():
        raise ExportUnwritable(target, WriteProblem.IS_FOLDER)
    partial = partial_path(target)
    try:
        stream = _open_partial(partial)
    except OSError as exc:
        raise ExportUnwritable(target, classify(exc), exc.strerror or str(exc)) from exc
    replaced = False
    try:
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _replace(partial, target)
        replaced = True
        _sync_folder(target.parent)
    except OSError as exc:
        problem = classify(exc)
        if problem is WriteProblem.NO_PERMISSION and not replaced and target.exists():
            # the folder let us write the temporary file, so the target itself is held
            problem = WriteProblem.IN_USE
        raise ExportUnwritable(target, problem, exc.strerror or str(exc)) from exc
    finally:
        if not replaced:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)


def save_through_memory(target: Path | str, save: Callable[[BinaryIO], object]) -> None:
    """Build a zip-based file (docx, xlsx) in memory, then write it safely.

    python-docx and openpyxl leave their ZipFile open when a write fails, to complain
    later about a closed file; in memory their writes cannot fail, and the one write
    to disk is ours to clean up.

    The view of the buffer is released when the write ends, also when it fails: left to
    the garbage collector inside a failed write's traceback (a reference cycle), it
    crashes Python 3.12.0 and 3.12.1 (CPython gh-111049, fixed in 3.12.2).
    """
    buffer = io.BytesIO()
    save(buffer)
    with safe_write(target) as stream, buffer.getbuffer() as view:
        stream.write(view)


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
