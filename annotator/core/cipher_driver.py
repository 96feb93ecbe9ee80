"""Connections to encrypted project files, through the SQLCipher binding.

An encrypted project is an ordinary project file whose every page (and every page of
its `-wal`) SQLCipher 4 encrypts with AES-256 and authenticates with an HMAC, under a
key derived from the passphrase (PBKDF2-HMAC-SHA512). docs/encryption-spike.md holds the
evidence that the binding does all a project needs.

Two differences from the standard library are smoothed over here, once:
- the binding's exception classes are its own, so the core's `except sqlite3.IntegrityError`
  (and sqlite-utils' `except sqlite3.OperationalError`) would miss them: each gets the
  sqlite3 class of the same name as a second base;
- a wrong key fails only at the first read: `verify_key` reads at once and turns that
  into WrongPassphrase, after a deliberate delay that slows guessing.

One rule keeps the two SQLite copies in this process (the standard library's and
SQLCipher's) from undoing each other's file locks: a plain file is only ever opened
through `sqlite3`, an encrypted one only through the binding (`key_for` picks).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
import unicodedata
from pathlib import Path
from typing import Any, cast

from annotator.core import errors, file_header, input_files
from annotator.core.input_files import InputRefused

try:
    import sqlcipher3.dbapi2 as _sqlcipher
except ImportError:  # no wheel for this platform: plain projects only
    _sqlcipher = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

WRONG_PASSPHRASE_DELAY = 1.0  # seconds; tests set it to 0
MIN_PASSPHRASE_LENGTH = 8
_SQLITE_NOTADB = 26
_ALIGNED = (
    "DatabaseError",
    "InterfaceError",
    "IntegrityError",
    "OperationalError",
    "ProgrammingError",
    "NotSupportedError",
    "DataError",
    "InternalError",
)


def available() -> bool:
    """Whether this installation can create and open encrypted projects."""
    return _sqlcipher is not None


def _align_exceptions() -> None:
    """Make `except sqlite3.X` catch the binding's X too (heap types accept new bases)."""
    if _sqlcipher is None:
        return
    for name in _ALIGNED:
        ours, standard = getattr(_sqlcipher, name), getattr(sqlite3, name)
        if not issubclass(ours, standard):
            ours.__bases__ = (*ours.__bases__, standard)


def _quiet() -> None:
    """SQLCipher logs every failed page check to stderr; we report a typed error instead."""
    if _sqlcipher is None:
        return
    with contextlib.closing(_sqlcipher.connect(":memory:")) as conn:
        conn.execute("PRAGMA cipher_log_level = NONE")


_align_exceptions()
_quiet()


def normalized(passphrase: str) -> str:
    """The same passphrase typed on macOS (decomposed accents) and Windows is one key."""
    return unicodedata.normalize("NFC", passphrase)


def connect(
    database: Path | str, passphrase: str | None = None, **options: Any
) -> sqlite3.Connection:
    """A connection to a plain (no passphrase) or encrypted database file.

    `options` are those of `sqlite3.connect`. An encrypted connection keeps temporary
    tables and sort files in memory, so nothing decrypted is written to the temp folder.
    The key is not checked here (a new file has nothing to check it against); use
    `open_encrypted` for an existing file.
    """
    if passphrase is None:
        return cast(sqlite3.Connection, sqlite3.connect(database, **options))
    if _sqlcipher is None:
        raise errors.EncryptionUnavailable(Path(str(database)))
    conn = _sqlcipher.connect(str(database), **options)
    if passphrase:  # "" reads and writes plain files through the binding
        conn.set_key(normalized(passphrase))
    conn.execute("PRAGMA temp_store = MEMORY")
    return cast(sqlite3.Connection, conn)  # the same DB-API, SQLCipher's build


def open_encrypted(path: Path, passphrase: str, **options: Any) -> sqlite3.Connection:
    """Open an existing encrypted file; a wrong passphrase raises WrongPassphrase slowly."""
    conn = connect(path, passphrase, **options)
    try:
        verify_key(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def verify_key(conn: sqlite3.Connection, path: Path) -> None:
    """SQLCipher checks a key only when it first reads a page: read one now."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == _SQLITE_NOTADB:
            time.sleep(WRONG_PASSPHRASE_DELAY)
            raise errors.WrongPassphrase(path) from None
        raise errors.CorruptProject(path, str(exc)) from exc


def check_new_passphrase(passphrase: str) -> str:
    """The passphrase to encrypt with, normalised; refuses ones too weak to protect anyone.

    Key derivation makes each guess slow, but not slow enough for a short passphrase.
    """
    passphrase = normalized(passphrase)
    if not passphrase.strip():
        raise errors.InvalidPassphrase(errors.PassphraseProblem.EMPTY)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise errors.InvalidPassphrase(errors.PassphraseProblem.TOO_SHORT, MIN_PASSPHRASE_LENGTH)
    if "\x00" in passphrase:
        raise errors.InvalidPassphrase(errors.PassphraseProblem.NUL_CHARACTER)
    return passphrase


def is_encrypted(conn: sqlite3.Connection) -> bool:
    return _sqlcipher is not None and isinstance(conn, _sqlcipher.Connection)


def looks_encrypted(path: Path) -> bool:
    """No SQLite header but whole pages: what an encrypted project looks like unopened.

    Without the passphrase an encrypted file cannot be told from random bytes; this
    only decides whether asking for a passphrase makes sense.
    """
    try:
        size = path.stat().st_size
        start = input_files.read_start(path, len(file_header.SQLITE_MAGIC))
    except (OSError, InputRefused):  # missing, unreadable, or a pipe (never opened)
        return False
    return size >= 1024 and size % 512 == 0 and start != file_header.SQLITE_MAGIC


def check_header(conn: sqlite3.Connection, path: Path, latest_version: int) -> int:
    """The header checks of `file_header`, read through an opened (decrypted) connection.

    Returns the schema version.
    """
    application_id = conn.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
    user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if application_id != file_header.APPLICATION_ID:
        raise errors.ForeignDatabase(path)
    if user_version > latest_version:
        raise errors.NewerProject(path, user_version, latest_version)
    return user_version


def key_for(path: Path, passphrase: str | None) -> str | None:
    """The passphrase to open `path` with: none for a plain file, whatever we were given.

    Lets a list of copies made before and after a project was encrypted be read alike.
    """
    try:
        start = input_files.read_start(path, len(file_header.SQLITE_MAGIC))
        plain = start == file_header.SQLITE_MAGIC
    except (OSError, InputRefused):
        plain = True  # let the plain path report the problem with the file
    return None if plain else passphrase


def check_project_file(path: Path, passphrase: str | None, latest_version: int) -> None:
    """`file_header.check_project_header`, for plain and (given the passphrase) encrypted files."""
    passphrase = key_for(path, passphrase)
    if passphrase is None:
        file_header.check_project_header(path, latest_version)
        return
    with contextlib.closing(open_encrypted(path, passphrase)) as conn:
        check_header(conn, path, latest_version)
