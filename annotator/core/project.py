"""Open, create and close the one-file project; run each user action as a transaction.

The file is SQLite in WAL mode with `synchronous=FULL`: an action that returned is on
disk, and a crash at any moment leaves the last committed state.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from annotator.core import (
    cipher_driver,
    errors,
    file_header,
    migrations,
    names,
    schema,
    text_controls,
)
from annotator.core.os_problems import sqlite_problem
from annotator.core.read_only import (
    ReadOnlyReason,
    connect_read_only,
    unwritable_error,
    why_read_only,
)
from annotator.core.storage import output_guard
from annotator.core.storage.atomic_write import building
from annotator.core.storage.write_errors import OutputUnwritable, WriteProblem

log = logging.getLogger(__name__)

REQUIRED_TABLES = frozenset(
    {"coders", "documents", "codes", "codings", "document_status", "events", "project_settings"}
)
BUSY_TIMEOUT_MS = 10_000


@dataclass
class Project:
    """An open project file. Pass it to the core's action functions."""

    path: Path
    db: sqlite_utils.Database
    read_only: bool = False
    read_only_reason: ReadOnlyReason | None = None
    # Parts of the file's schema this version does not write: while there are any,
    # nothing is written (see core.schema, and schema_repair to remove them).
    schema_differences: tuple[schema.SchemaDifference, ...] = ()
    # Kept for the life of the window: backups and copies are keyed with it too.
    passphrase: str | None = field(default=None, repr=False)
    _depth: int = field(default=0, repr=False)
    _guard: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        # No export, copy or picture may write over an open project (output_guard).
        self._guard = output_guard.protect(self.path)
        weakref.finalize(self, output_guard.release, self._guard)

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: all of it reaches the disk, or none of it does.

        Nested calls become savepoints, so an action built from smaller actions is
        still one transaction.
        """
        if self.schema_differences:
            raise errors.UntrustedSchema(self.path, self.schema_differences)
        if self.read_only:
            raise errors.ProjectUnwritable(self.path, because=errors.ProjectCause.OPEN_READ_ONLY)
        conn = self.conn
        with self._unwritable_as_error():
            if self._depth == 0:
                conn.execute("BEGIN IMMEDIATE")
            else:
                conn.execute(f"SAVEPOINT level_{self._depth}")
        self._depth += 1
        try:
            with self._unwritable_as_error():
                yield conn
                if self._depth == 1:
                    conn.execute("COMMIT")
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            elif conn.in_transaction:
                conn.execute(f"ROLLBACK TO level_{self._depth}")
                conn.execute(f"RELEASE level_{self._depth}")
            raise
        self._depth -= 1
        if self._depth > 0:
            conn.execute(f"RELEASE level_{self._depth}")

    @contextlib.contextmanager
    def _unwritable_as_error(self) -> Iterator[None]:
        """A full disk, lost permission or a lock becomes a typed error; bugs stay bugs."""
        try:
            yield
        except sqlite3.Error as exc:
            typed = unwritable_error(self.path, exc)
            if typed is None:
                raise
            raise typed from exc

    def setting(self, key: str, default: str = "") -> str:
        row = self.conn.execute(
            "SELECT value FROM project_settings WHERE key = ?", (key,)
        ).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        value = text_controls.clean(value)  # the project's name and memo reach exports
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO project_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def name(self) -> str:
        return self.setting("name") or self.path.stem

    def close(self) -> None:
        """Checkpoint the WAL into the main file so a plain copy of it is complete."""
        with contextlib.suppress(sqlite3.Error):
            if not self.read_only:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        output_guard.release(self._guard)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _connect(path: Path, read_only: bool, passphrase: str | None = None) -> sqlite3.Connection:
    if read_only:
        conn = connect_read_only(path, passphrase)
    else:
        conn = cipher_driver.connect(
            path, passphrase, isolation_level=None, check_same_thread=False
        )
    if passphrase is not None:
        try:
            cipher_driver.verify_key(conn, path)
        except BaseException:
            conn.close()
            raise
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode.lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def create_project(path: Path | str, *, name: str = "", passphrase: str | None = None) -> Project:
    """Create an empty project file (no codebook; see `codebook_file` to load one).

    With a passphrase the file is encrypted (see `cipher_driver`).
    """
    path = Path(path)
    if path.exists():
        raise errors.ProjectExists(path)
    if output_guard.is_working_file_of_a_project(Path(os.path.realpath(path))):
        # another project's -wal: its next open would take this file and delete it
        raise OutputUnwritable(path, WriteProblem.A_PROJECT)
    if passphrase is not None:
        passphrase = cipher_driver.check_new_passphrase(passphrase)
    try:
        conn = _connect(path, read_only=False, passphrase=passphrase)
    except sqlite3.Error as exc:
        raise errors.ProjectUnwritable(path, str(exc), system=sqlite_problem(exc)) from exc
    try:
        conn.execute(f"PRAGMA application_id = {file_header.APPLICATION_ID}")
        _configure(conn)
        migrations.apply(conn, 0)
        names.keep_keys(conn)
        if name:
            conn.execute("INSERT INTO project_settings (key, value) VALUES ('name', ?)", (name,))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except (sqlite3.Error, OSError) as exc:
        conn.close()
        path.unlink(missing_ok=True)
        raise errors.ProjectUnwritable(path, str(exc), system=sqlite_problem(exc)) from exc
    log.info("created %sproject %s", "encrypted " if passphrase else "", path)
    return Project(path=path, db=sqlite_utils.Database(conn), passphrase=passphrase)


def open_project(
    path: Path | str,
    *,
    read_only: bool = False,
    passphrase: str | None = None,
    damaged_schema_ok: bool = False,
) -> Project:
    """Open a project, migrating it forward if it is from an older version.

    Anything that is not an intact Annotator project raises a ProjectFileError and is
    left exactly as it was. A project in a place we cannot write opens read-only, with
    the reason in `Project.read_only_reason`. An encrypted project needs `passphrase`
    (PassphraseRequired without it, WrongPassphrase after a delay with a wrong one); a
    plain project opens as it is and ignores one.

    A project whose schema differs from what this version writes (a trigger someone
    added, a dropped index) opens read-only with the differences in
    `Project.schema_differences`; one that could not even be read as it is raises
    DamagedSchema, unless `damaged_schema_ok` (for the check that reports it). Either
    raises UntrustedSchema when it needs upgrading, which would write to it.
    """
    path = Path(path)
    encrypted = _is_encrypted_file(path, passphrase)
    version = None
    if not encrypted:
        version = file_header.check_project_header(path, migrations.latest_version()).user_version
        passphrase = None
    reason = ReadOnlyReason.REQUESTED if read_only else why_read_only(path)
    read_only = reason is not None
    if read_only and version is not None:
        _refuse_pending_migration(path, version)
    try:
        conn = _connect(path, read_only, passphrase)
    except sqlite3.Error as exc:
        raise errors.ProjectFileError(path, str(exc), system=sqlite_problem(exc)) from exc
    try:
        if version is None:
            version = cipher_driver.check_header(conn, path, migrations.latest_version())
            if read_only:
                _refuse_pending_migration(path, version)
        # Before anything is written (the journal mode, a migration) or any row read.
        differences = tuple(schema.differences(conn, version))
        if differences:
            _refuse_untrusted(path, version, differences, damaged_schema_ok)
            log.info("%s: schema differs: %s", path, schema.describe(differences))
            if not read_only:  # a connection that cannot write, whatever calls it
                conn.close()
                conn = _connect(path, True, passphrase)
            read_only, reason = True, ReadOnlyReason.UNTRUSTED_SCHEMA
        if not read_only:
            _configure(conn)
            _migrate_if_needed(conn, path, version, passphrase)
            names.keep_keys(conn)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # names that do not decode
        conn.close()
        raise (unwritable_error(path, exc) or errors.CorruptProject(path, str(exc))) from exc
    except BaseException:
        conn.close()
        raise
    return Project(
        path=path,
        db=sqlite_utils.Database(conn),
        read_only=read_only,
        read_only_reason=reason,
        schema_differences=differences,
        passphrase=passphrase,
    )


def _refuse_untrusted(
    path: Path,
    version: int,
    differences: tuple[schema.SchemaDifference, ...],
    damaged_schema_ok: bool,
) -> None:
    if migrations.pending(version):
        raise errors.UntrustedSchema(path, differences)
    if schema.breaks_reading(differences) and not damaged_schema_ok:
        raise errors.DamagedSchema(path, differences)


def _is_encrypted_file(path: Path, passphrase: str | None) -> bool:
    """True for a file without a SQLite header that may be an encrypted project."""
    try:
        file_header.read_header(path)
    except errors.NotAProject:
        if not cipher_driver.looks_encrypted(path):
            raise
        if passphrase is None:
            raise errors.PassphraseRequired(path) from None
        return True
    return False


def _refuse_pending_migration(path: Path, version: int) -> None:
    if migrations.pending(version):
        raise errors.ProjectUnwritable(path, because=errors.ProjectCause.NEEDS_UPGRADE)


def _migrate_if_needed(
    conn: sqlite3.Connection, path: Path, version: int, passphrase: str | None
) -> None:
    if not migrations.pending(version):
        return
    try:
        backup = migrations.backup_before_migrating(conn, path, version, passphrase=passphrase)
        new_version = migrations.apply(conn, version)
    except (sqlite3.Error, OSError, OutputUnwritable) as exc:
        raise errors.MigrationFailed(path, str(exc)) from exc
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log.info("migrated %s from v%d to v%d (backup %s)", path, version, new_version, backup)


def save_copy(project: Project, target: Path | str, *, passphrase: str | None = None) -> Path:
    """A consistent copy to send or archive, even while the project is in use.

    Written whole or not at all (`atomic_write.building`), with the project's own file
    mode, never over the open project or its backups (OutputUnwritable says so). The
    copy is encrypted with the project's passphrase when the project is encrypted;
    with `passphrase`, it is encrypted with that one (see `encryption.save_encrypted_copy`).
    """
    if passphrase is not None:
        from annotator.core import encryption  # it builds on this module

        return encryption.save_encrypted_copy(project, target, passphrase)
    target = Path(target)
    kind = output_guard.OutputKind.PROJECT_COPY
    try:
        with building(target, kind=kind, mode=file_mode(project.path)) as partial:
            copy = cipher_driver.connect(partial, project.passphrase)
            try:
                project.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
    except sqlite3.Error as exc:
        raise errors.ProjectUnwritable(target, str(exc), system=sqlite_problem(exc)) from exc
    return target


def file_mode(path: Path) -> int | None:
    """The permission bits of a project file, for the copies made of it (None if gone)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None
