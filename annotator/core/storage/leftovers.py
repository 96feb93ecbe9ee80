"""What a killed write leaves behind, found and removed at the next start (issue 18).

After a kill -9 the probe found a hidden `.out.csv.XXXX.partial` beside an export and
a full unencrypted copy of a merged project in /tmp, and nothing ever removed either.

Now every write in progress is listed in the user's `unfinished` folder: one small
entry per write, naming the partial file beside its target (or a private folder of
temporary copies), and locked by the writing process for as long as it runs. A lock
dies with its process, so `sweep` (run when the app or a command starts) knows an
unlocked entry's writer is gone and removes what it names, then the entry. Nothing
is removed that is not named like our partial files or kept in our own folder.

Partials written by an earlier version (not listed) are removed by the next write to
the same name once they are an hour old: a live write touches its file far more often.
So are the earlier versions' merge copies in the system's temporary folder.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from annotator.core import user_settings

log = logging.getLogger(__name__)

ENTRY_SUFFIX = ".writing"
SIDECARS = ("-journal", "-wal", "-shm")  # what SQLite may leave beside a file it wrote
LEGACY_TEMPORARY = re.compile(r"^annotator-(merge|redacted)-[a-z0-9_]{8}$")  # tempfile's names
PARTIAL_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.partial(-journal|-wal|-shm)?$")
STALE_SECONDS = 3600
_YOUNG_ENTRY_SECONDS = 60  # an entry being filled in by a writer that started just now
_BINARY = getattr(os, "O_BINARY", 0)

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


def partial_name(target: Path) -> Path:
    """A hidden name beside `target` that `sweep` recognises as ours."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")


def create_private(path: Path) -> None:
    """Create an empty file only its owner can open; FileExistsError if one is there."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600))


def remove_partial(path: Path) -> int:
    """Remove a partial file and what SQLite left beside it; how many files went."""
    removed = 0
    for suffix in ("", *SIDECARS):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()
            removed += 1
    return removed


def _folder() -> Path:
    folder = user_settings.unfinished_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def listed(path: Path) -> Iterator[None]:
    """List `path` as unfinished while the block runs, so a kill leaves it findable.

    An unwritable data folder only costs the listing, never the write itself.
    """
    try:
        entry = _folder() / f"{secrets.token_hex(8)}{ENTRY_SUFFIX}"
        fd = os.open(entry, os.O_RDWR | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
    except OSError as exc:
        log.warning("cannot list %s as unfinished: %s", path, exc)
        yield
        return
    try:
        # a file system without locks would leave the entry to the next sweep at once
        written = _try_lock(fd) and os.write(fd, os.fsencode(str(path))) > 0
    except OSError:
        written = False
    if not written:
        _remove_entry(entry, fd)
        yield
        return
    try:
        yield
    finally:
        _remove_entry(entry, fd)


@contextlib.contextmanager
def private_folder(purpose: str) -> Iterator[Path]:
    """A new folder only this user can open, for temporary copies of a project.

    Removed with everything in it when the block ends, or at the next start if this
    process is killed. Raises OSError when the user's data folder cannot be written.
    """
    folder = _folder() / f"{purpose}-{secrets.token_hex(8)}"
    folder.mkdir(mode=0o700)
    with listed(folder):
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def copy_private(source: Path, target: Path) -> None:
    """Copy a file into a private folder, readable by its owner only (never a wider mode)."""
    with source.open("rb") as original:
        create_private(target)
        with target.open("r+b") as copy:
            shutil.copyfileobj(original, copy, 1 << 20)


def sweep() -> int:
    """Remove what killed writes left behind; the number of things removed."""
    removed = _remove_old_temporary_folders()
    try:
        folder = user_settings.unfinished_dir()
        entries = sorted(folder.glob(f"*{ENTRY_SUFFIX}"))
    except OSError:
        entries = []
    removed += sum(_sweep_entry(entry, folder) for entry in entries)
    if removed:
        log.info("removed %d leftovers of interrupted writes", removed)
    return removed


def remove_stale_partials(folder: Path, name: str | None = None) -> None:
    """Partial files in `folder` (of target `name`, or all) untouched for an hour."""
    pattern = f".{glob.escape(name)}.*" if name is not None else ".*"
    now = time.time()
    with contextlib.suppress(OSError):
        for partial in folder.glob(pattern):
            if PARTIAL_NAME.match(partial.name):
                with contextlib.suppress(OSError):
                    if now - partial.stat().st_mtime > STALE_SECONDS:
                        partial.unlink()
                        log.info("removed the stale partial file %s", partial)


def _remove_old_temporary_folders() -> int:
    """Copies that versions before this one kept in the system's temporary folder.

    Only this user's, and only an hour after their last change: another process of an
    older version may still be reading one.
    """
    removed = 0
    now = time.time()
    with contextlib.suppress(OSError):
        for folder in Path(tempfile.gettempdir()).glob("annotator-*"):
            if not LEGACY_TEMPORARY.match(folder.name):
                continue
            with contextlib.suppress(OSError):
                info = folder.lstat()
                mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
                if mine and stat.S_ISDIR(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                    shutil.rmtree(folder)
                    removed += 1
    return removed


def _sweep_entry(entry: Path, folder: Path) -> int:
    try:
        fd = os.open(entry, os.O_RDWR | _BINARY)
    except OSError:
        return 0
    try:
        if not _try_lock(fd):
            return 0  # its writer is still at work
        named = os.fsdecode(os.read(fd, 65536))
        if not named and time.time() - os.fstat(fd).st_mtime < _YOUNG_ENTRY_SECONDS:
            return 0
        removed = _remove_named(Path(named), folder) if named else 0
    except OSError:
        os.close(fd)
        return 0
    _remove_entry(entry, fd)
    return removed


def _remove_named(path: Path, folder: Path) -> int:
    """Remove a listed partial file (with its SQLite journals) or private folder."""
    if path.parent == folder and path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
        return 1
    if not PARTIAL_NAME.match(path.name):
        return 0  # not a name we give: never ours to remove
    return remove_partial(path)


def _remove_entry(entry: Path, fd: int) -> None:
    """Unlink while still locked (POSIX); Windows cannot remove a file still open."""
    try:
        entry.unlink()
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            entry.unlink()
        return
    os.close(fd)
