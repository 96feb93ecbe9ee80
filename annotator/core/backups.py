"""Rotating backups of a project in the user's data folder, and restoring one.

A backup is a consistent copy made with SQLite's backup API through a connection of its
own, so the app can take one from a worker thread while the researcher goes on coding
(WAL readers never block writers). Copies go to a temporary name, are checked, and only
then take their timestamped name, so a crash never leaves a half-written backup and a
damaged project never pushes a good backup out of the rotation. A backup of a project
that has not changed since the newest backup is skipped for the same reason.

Restoring writes the backup to a partial file beside the project, checks it, and
atomically replaces the project, keeping the replaced file as
`<name>.before-restore-<stamp>.annotator`. Every file here is written through
`storage.atomic_write`: whole or not at all, and found at the next start if killed.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.core import cipher_driver, errors, migrations, schema, user_settings
from annotator.core.os_problems import os_problem, sqlite_problem
from annotator.core.project import Project, file_mode
from annotator.core.read_only import connect_read_only
from annotator.core.storage import leftovers
from annotator.core.storage.atomic_write import atomic_write, building
from annotator.core.storage.output_guard import OutputKind

log = logging.getLogger(__name__)

SUFFIX = ".annotator"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_NAME = re.compile(r"-(\d{8}T\d{6}\.\d{6}Z)(?:-\d+)?\.annotator$")


class ProjectInUse(errors.ProjectFileError):
    kind = errors.ProjectProblem.IN_USE


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the restore dialog lists it. Counts are None if it cannot be read."""

    path: Path
    created_at: datetime  # UTC
    size: int
    documents: int | None
    codings: int | None
    codes: int | None

    @property
    def readable(self) -> bool:
        return self.documents is not None


@dataclass(frozen=True)
class Restored:
    project: Path
    replaced: Path | None  # the project as it was before, kept beside it (None if none)


def backup_folder(project_path: Path | str) -> Path:
    """This project's backups: named after it, plus a hash of its full path.

    The hash keeps apart two projects that share a name in different folders.
    """
    resolved = Path(project_path).resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:10]
    settings = user_settings.backup_settings()
    root = Path(settings.folder) if settings.folder else user_settings.data_dir() / "backups"
    return root / f"{resolved.stem}-{digest}"


def backup_now(
    project: Project | Path | str, *, keep: int | None = None, always: bool = False
) -> BackupInfo:
    """Back up a project now (if it changed since its newest backup, or `always`) and rotate.

    Safe from any thread: only the project's path is used, through connections of its
    own. Keeps the newest `keep` backups (default: the user's setting). Returns the new
    backup, or the newest one when nothing changed since. Raises CorruptProject (and
    keeps every earlier backup) when the copy fails its check, ProjectUnwritable when
    the backup folder cannot be written. The backup of an encrypted project is
    encrypted with its passphrase.
    """
    path = Path(project.path if isinstance(project, Project) else project)
    passphrase = project.passphrase if isinstance(project, Project) else None
    keep = keep or user_settings.backup_settings().keep
    folder = backup_folder(path)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        leftovers.remove_stale_partials(folder)  # of a backup killed by an earlier version
    except OSError as exc:
        raise errors.ProjectUnwritable(folder, system=os_problem(exc)) from exc
    cipher_driver.check_project_file(path, passphrase, migrations.latest_version())
    try:
        with contextlib.closing(connect_read_only(path, passphrase)) as source:
            existing = list_backups(path, passphrase=passphrase)
            fingerprint = _fingerprint(source)
            newest = _fingerprint_of_file(existing[0].path, passphrase) if existing else None
            if newest == fingerprint and not always:
                log.info("backup skipped: %s unchanged since %s", path.name, existing[0].path.name)
                return existing[0]
            target = _new_backup_name(folder, path.stem)
            _write_checked_copy(source, path, target, passphrase)
    except sqlite3.DatabaseError as exc:  # the project itself cannot be read
        raise errors.CorruptProject(path, str(exc)) from exc
    log.info("backed up %s to %s", path, target)
    _rotate(path, keep)
    return _info(target, passphrase)


def list_backups(project_path: Path | str, *, passphrase: str | None = None) -> list[BackupInfo]:
    """This project's backups, newest first (reading each one's counts)."""
    return [_info(path, passphrase) for path in _backup_files(backup_folder(project_path))]


def check_backup(backup: Path, *, passphrase: str | None = None) -> str:
    """'ok', or what is wrong with this backup as a project file."""
    try:
        cipher_driver.check_project_file(backup, passphrase, migrations.latest_version())
        with contextlib.closing(_open_backup(backup, passphrase)) as conn:
            results = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except errors.ProjectFileError as exc:
        return str(exc)
    except sqlite3.Error as exc:
        return str(exc)
    return "ok" if results == ["ok"] else "; ".join(results[:5])


def newest_good_backup(
    project_path: Path | str, *, passphrase: str | None = None
) -> BackupInfo | None:
    """The newest backup that passes a full integrity check, for recovery.

    One whose schema is not what Annotator writes is passed over: the backup a repair
    takes first holds the foreign trigger it removed, and is the newest one then.
    """
    for backup in list_backups(project_path, passphrase=passphrase):
        if (
            backup.readable
            and check_backup(backup.path, passphrase=passphrase) == "ok"
            and _schema_trusted(backup.path, passphrase)
        ):
            return backup
    return None


def _schema_trusted(path: Path, passphrase: str | None) -> bool:
    """Whether the backup's schema is what its version of Annotator wrote (`core.schema`)."""
    try:
        with contextlib.closing(_open_backup(path, passphrase)) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            return not schema.differences(conn, version)
    except sqlite3.Error:
        return False


def restore_backup(
    backup: BackupInfo | Path | str, target: Path | str, *, passphrase: str | None = None
) -> Restored:
    """Replace `target` with a checked copy of `backup`, keeping the replaced file.

    The target must not be open (in this process or another): ProjectInUse says so and
    nothing changes. At every moment `target` holds either the old project or the whole
    restored one.
    """
    source = Path(backup.path if isinstance(backup, BackupInfo) else backup)
    target = Path(target)
    problem = check_backup(source, passphrase=passphrase)
    if problem != "ok":
        raise errors.CorruptProject(source, problem)
    mode = file_mode(target)
    replaced = None
    try:
        with building(
            target, kind=OutputKind.PROJECT_ITSELF, mode=0o600 if mode is None else mode
        ) as partial:
            with contextlib.closing(_open_backup(source, passphrase)) as conn:
                _copy_checked(conn, source, partial, cipher_driver.key_for(source, passphrase))
            if target.exists():
                replaced = _keep_replaced(target, cipher_driver.key_for(target, passphrase))
            _remove_journal_files(target)
    except sqlite3.Error as exc:
        raise _copy_error(exc, source, target) from exc
    log.info("restored %s from %s (previous file kept as %s)", target, source, replaced)
    return Restored(project=target, replaced=replaced)


def _fingerprint(conn: sqlite3.Connection) -> tuple[object, ...]:
    """Changes whenever the project does: every action appends an audit event."""
    return tuple(
        conn.execute(
            "SELECT (SELECT max(seq) FROM events), "
            "(SELECT id FROM events ORDER BY seq DESC LIMIT 1), "
            "(SELECT group_concat(key || '=' || value, char(31)) FROM project_settings), "
            "(SELECT user_version FROM pragma_user_version)"
        ).fetchone()
    )


def _fingerprint_of_file(path: Path, passphrase: str | None) -> tuple[object, ...] | None:
    try:
        with contextlib.closing(_open_backup(path, passphrase)) as conn:
            return _fingerprint(conn)
    except sqlite3.Error:
        return None


def _open_backup(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    """Backups are single files nobody writes to once named: read them as immutable."""
    uri = f"{path.resolve().as_uri()}?immutable=1"
    return cipher_driver.connect(uri, cipher_driver.key_for(path, passphrase), uri=True)


def _write_checked_copy(
    source: sqlite3.Connection, source_path: Path, target: Path, passphrase: str | None = None
) -> None:
    """Copy into a new private file at `target`, checked, whole or not at all."""
    try:
        with building(target, kind=OutputKind.PROJECT_COPY, mode=0o600) as partial:
            _copy_checked(source, source_path, partial, passphrase)
    except sqlite3.Error as exc:
        raise _copy_error(exc, source_path, target) from exc


def _copy_checked(
    source: sqlite3.Connection, source_path: Path, path: Path, passphrase: str | None
) -> None:
    """Copy `source` into the empty file at `path`; CorruptProject if the copy is damaged."""
    with contextlib.closing(cipher_driver.connect(path, passphrase, isolation_level=None)) as copy:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
        results = [r[0] for r in copy.execute("PRAGMA integrity_check")]
    if results != ["ok"]:
        raise errors.CorruptProject(source_path, "; ".join(results[:5]))


def _copy_error(exc: sqlite3.Error, source_path: Path, target: Path) -> errors.ProjectFileError:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (11, 26):  # SQLITE_CORRUPT, SQLITE_NOTADB: the source is damaged
        return errors.CorruptProject(source_path, str(exc))
    return errors.ProjectUnwritable(target, str(exc), system=sqlite_problem(exc))


def _new_backup_name(folder: Path, stem: str) -> Path:
    stamp = datetime.now(UTC).strftime(_STAMP)
    target = folder / f"{stem}-{stamp}{SUFFIX}"
    n = 1
    while target.exists():
        target = folder / f"{stem}-{stamp}-{n}{SUFFIX}"
        n += 1
    return target


def _backup_files(folder: Path) -> list[Path]:
    """Named (complete) backups, newest first; temporary files are never listed."""
    try:
        candidates = [p for p in folder.iterdir() if p.is_file() and _NAME.search(p.name)]
    except OSError:
        return []
    return sorted(candidates, key=_sort_key, reverse=True)


def _sort_key(path: Path) -> tuple[str, int]:
    match = _NAME.search(path.name)
    assert match is not None
    bump = re.search(r"Z-(\d+)\.annotator$", path.name)
    return match.group(1), int(bump.group(1)) if bump else 0


def _created_at(path: Path) -> datetime:
    match = _NAME.search(path.name)
    if match:
        with contextlib.suppress(ValueError):
            return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _info(path: Path, passphrase: str | None = None) -> BackupInfo:
    counts: tuple[int | None, ...] = (None, None, None)
    with (
        contextlib.suppress(sqlite3.Error),
        contextlib.closing(_open_backup(path, passphrase)) as conn,
    ):
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM codings), "
            "(SELECT count(*) FROM codes)"
        ).fetchone()
    return BackupInfo(
        path=path,
        created_at=_created_at(path),
        size=path.stat().st_size,
        documents=counts[0],
        codings=counts[1],
        codes=counts[2],
    )


def _rotate(project_path: Path, keep: int) -> None:
    for old in _backup_files(backup_folder(project_path))[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
            log.info("removed old backup %s", old.name)


@contextlib.contextmanager
def _exclusive(target: Path, passphrase: str | None = None) -> Iterator[sqlite3.Connection | None]:
    """Hold the project so no other connection can be open on it while it is replaced.

    A damaged file that SQLite cannot lock yields None: it is replaced as it is.
    """
    conn = cipher_driver.connect(target, passphrase, isolation_level=None, timeout=0)
    try:
        try:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (5, 6):  # BUSY, LOCKED
                raise ProjectInUse(target) from exc
            raise
        except sqlite3.DatabaseError:
            yield None
            return
        yield conn
    finally:
        conn.close()


def _keep_replaced(target: Path, passphrase: str | None = None) -> Path:
    """Keep the project about to be replaced, complete with its latest changes."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = target.with_name(f"{target.stem}.before-restore-{stamp}{SUFFIX}")
    n = 1
    while kept.exists():
        kept = target.with_name(f"{target.stem}.before-restore-{stamp}-{n}{SUFFIX}")
        n += 1
    try:
        with _exclusive(target, passphrase) as conn:
            if conn is not None:
                # Fold the WAL into the file, so the kept file alone holds everything.
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        log.warning("could not checkpoint %s before restoring: %s", target.name, exc)
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{target}{suffix}")
        if source.exists():
            _copy_or_link(source, Path(f"{kept}{suffix}"))
    return kept


def _copy_or_link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # a second name for the same file: nothing is written
    except OSError:  # file systems without hard links (FAT USB sticks, some shares)
        kind = OutputKind.PROJECT_ITSELF  # a working file of the project, kept as it is
        with (
            source.open("rb") as original,
            atomic_write(target, kind=kind, mode=file_mode(source)) as copy,
        ):
            shutil.copyfileobj(original, copy)


def _remove_journal_files(target: Path) -> None:
    """An old -wal beside a restored file would be replayed onto it: remove it first."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
