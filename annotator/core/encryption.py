"""Encrypting a project, decrypting it, changing its passphrase, and encrypted copies.

Every conversion writes the converted project to a private partial file beside the
original with SQLCipher's `sqlcipher_export` (schema and rows, never the old pages),
checks it, and atomically replaces the original (`storage.atomic_write`): at every
moment the path holds the whole old project or the whole new one, and a killed
conversion's partial is removed at the next start. The project must be closed everywhere.

What a conversion cannot undo: the disk blocks that held the plain file are freed, not
overwritten, and copies made while the project was plain stay plain. `plain_copies`
lists those the app knows of (backups, pre-migration and pre-restore copies) so the
researcher can delete them.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from annotator.core import (
    backups,
    cipher_driver,
    errors,
    events,
    file_header,
    input_files,
    migrations,
)
from annotator.core.ids import CoderId
from annotator.core.input_files import InputRefused
from annotator.core.os_problems import sqlite_problem
from annotator.core.project import REQUIRED_TABLES, Project
from annotator.core.storage import leftovers
from annotator.core.storage.atomic_write import building
from annotator.core.storage.output_guard import OutputKind

log = logging.getLogger(__name__)

PLAIN = ""  # SQLCipher's key for "no encryption"


def encrypt_project(path: Path | str, passphrase: str, *, coder_id: CoderId | None = None) -> Path:
    """Encrypt a closed plain project in place with `passphrase`."""
    path = Path(path)
    passphrase = cipher_driver.check_new_passphrase(passphrase)
    file_header.check_project_header(path, migrations.latest_version())
    return _convert(path, PLAIN, passphrase, "project encrypted", coder_id)


def decrypt_project(path: Path | str, passphrase: str, *, coder_id: CoderId | None = None) -> Path:
    """Turn a closed encrypted project back into a plain one (anyone can read it then)."""
    path = Path(path)
    _require_encrypted(path, passphrase)
    return _convert(path, passphrase, PLAIN, "project decrypted", coder_id)


def change_passphrase(
    path: Path | str, old: str, new: str, *, coder_id: CoderId | None = None
) -> Path:
    """Re-encrypt a closed encrypted project under a new passphrase (and a new salt)."""
    path = Path(path)
    new = cipher_driver.check_new_passphrase(new)
    _require_encrypted(path, old)
    return _convert(path, old, new, "passphrase changed", coder_id)


def save_encrypted_copy(project: Project, target: Path | str, passphrase: str) -> Path:
    """A copy of an open project encrypted with `passphrase`, e.g. one to send a partner."""
    target = Path(target)
    passphrase = cipher_driver.check_new_passphrase(passphrase)
    try:
        with building(target, kind=OutputKind.PROJECT_COPY, mode=0o600) as partial:
            _export_any(project.conn, project.path, partial, passphrase)
            _check_copy(partial, passphrase, project.conn)
    except sqlite3.Error as exc:
        raise errors.ProjectUnwritable(target, str(exc), system=sqlite_problem(exc)) from exc
    return target


def plain_copies(path: Path | str) -> list[Path]:
    """Copies of this project the app made that anyone can read: offer to delete them."""
    path = Path(path)
    candidates = [info.path for info in backups.list_backups(path)]
    for pattern in (f"{path.stem}.schema-v*-backup-*", f"{path.stem}.before-restore-*"):
        candidates += sorted(path.parent.glob(pattern + path.suffix))
    return [copy for copy in candidates if _has_sqlite_header(copy)]


def _has_sqlite_header(path: Path) -> bool:
    try:
        start = input_files.read_start(path, len(file_header.SQLITE_MAGIC))
    except (OSError, InputRefused):  # a pipe named like a backup is not one
        return False
    return start == file_header.SQLITE_MAGIC


def _require_encrypted(path: Path, passphrase: str) -> None:
    if _has_sqlite_header(path):
        raise errors.ProjectFileError(path, because=errors.ProjectCause.NOT_ENCRYPTED)
    if not path.exists():
        raise errors.ProjectNotFound(path)
    with contextlib.closing(cipher_driver.open_encrypted(path, passphrase)) as conn:
        cipher_driver.check_header(conn, path, migrations.latest_version())


def _convert(path: Path, old_key: str, new_key: str, action: str, coder_id: CoderId | None) -> Path:
    try:
        with building(path, kind=OutputKind.PROJECT_ITSELF, mode=0o600) as partial:
            with _exclusively(path, old_key) as source:
                _export_any(source, path, partial, new_key)
                _record(partial, new_key, action, coder_id)
                _check_copy(partial, new_key, source)
            # The source was checkpointed and closed: its -wal is empty, and an old one
            # beside the new file would hold (plain) pages that do not belong to it.
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    except sqlite3.Error as exc:
        raise errors.ProjectUnwritable(path, str(exc), system=sqlite_problem(exc)) from exc
    log.info("%s: %s", action, path)
    return path


@contextlib.contextmanager
def _exclusively(path: Path, key: str) -> Iterator[sqlite3.Connection]:
    """The project, locked so no other window or program has it open while it converts.

    A plain project is locked through the standard library, the one every plain
    project is opened with: two copies of SQLite in one process do not see each
    other's locks.
    """
    conn = cipher_driver.connect(path, key or None, isolation_level=None, timeout=0)
    try:
        if key:
            cipher_driver.verify_key(conn, path)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (5, 6):  # BUSY, LOCKED
                raise backups.ProjectInUse(path) from exc
            raise
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        yield conn
    finally:
        conn.close()


def _export_any(source: sqlite3.Connection, source_path: Path, target: Path, key: str) -> None:
    """Export from an encrypted connection directly, from a plain one through a snapshot.

    SQLCipher can export only from its own connections, and plain projects are never
    opened through it (see `_exclusively`), so a plain project is first copied with
    the backup API beside itself (where its plain text already is; never beside the
    target, which may be a USB stick) and exported from that copy.
    """
    if cipher_driver.is_encrypted(source):
        _export(source, target, key)
        return
    with (
        _plain_snapshot(source, source_path) as snapshot,
        contextlib.closing(cipher_driver.connect(snapshot, PLAIN)) as plain,
    ):
        _export(plain, target, key)


def _export(source: sqlite3.Connection, target: Path, key: str) -> None:
    """Write `source`'s schema and rows into the empty file `target`, keyed with `key`."""
    source.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), key))
    try:
        source.execute("SELECT sqlcipher_export('converted')")
        # sqlcipher_export copies schema and rows, not these two header fields.
        for pragma in ("application_id", "user_version"):
            value = int(source.execute(f"PRAGMA main.{pragma}").fetchone()[0])
            source.execute(f"PRAGMA converted.{pragma} = {value}")
    finally:
        source.execute("DETACH DATABASE converted")


def _record(target: Path, key: str, action: str, coder_id: CoderId | None) -> None:
    with contextlib.closing(
        cipher_driver.connect(target, key or None, isolation_level=None)
    ) as conn:
        conn.execute("BEGIN IMMEDIATE")
        events.record(conn, action, coder_id)
        conn.execute("COMMIT")


def _check_copy(target: Path, key: str, source: sqlite3.Connection) -> None:
    """The copy opens with its key, is intact, and has as many rows as its source."""
    with contextlib.closing(cipher_driver.connect(target, key or None)) as copy:
        problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise errors.CorruptProject(target, "; ".join(problems[:5]))
        for table in sorted(REQUIRED_TABLES - {"events"}):
            count_sql = f"SELECT count(*) FROM {table}"
            if copy.execute(count_sql).fetchone()[0] != source.execute(count_sql).fetchone()[0]:
                raise errors.CorruptProject(
                    target, because=errors.ProjectCause.COPY_LOST_ROWS, table=table
                )


@contextlib.contextmanager
def _plain_snapshot(source: sqlite3.Connection, source_path: Path) -> Iterator[Path]:
    """A private plain copy beside the project, listed so a kill never leaves it for good."""
    snapshot = leftovers.partial_name(source_path)
    with leftovers.listed(snapshot):
        try:
            leftovers.create_private(snapshot)
            with contextlib.closing(sqlite3.connect(snapshot)) as copy:
                source.backup(copy)
            yield snapshot
        finally:
            leftovers.remove_partial(snapshot)
