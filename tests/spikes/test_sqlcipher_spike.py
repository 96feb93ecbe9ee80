"""Spike for issue 10: does the SQLCipher binding do everything the project file needs?

Each test is one question the design depends on; docs/encryption-spike.md records the
answers, the versions and the one gap found (the binding's own exception classes).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
import sqlite_utils

from annotator.core import migrations

KEY = "correct horse battery staple"
MARKER = "Zarafshan-informant-7741"
ARABIC_MARKER = "مخبر_الزرفشان"
CJK_MARKER = "线人朱雀七号"


def _open(path: Path, key: str) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA key = {_quoted(key)}")
    return conn


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _raw(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


def _all_markers() -> list[bytes]:
    markers = [MARKER, ARABIC_MARKER, CJK_MARKER]
    return [m.encode(enc) for m in markers for enc in ("utf-8", "utf-16-le")]


def test_bundled_sqlite_is_recent_and_has_fts5() -> None:
    conn = sqlcipher.connect(":memory:")
    version = tuple(int(part) for part in sqlcipher.sqlite_version.split("."))
    assert version >= (3, 34, 0)  # the FTS5 trigram tokenizer arrived in 3.34
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    assert "ENABLE_FTS5" in options
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")


def test_sqlite_utils_works_over_a_keyed_connection(tmp_path: Path) -> None:
    path = tmp_path / "keyed.db"
    db = sqlite_utils.Database(_open(path, KEY))
    db["notes"].insert_all([{"id": 1, "body": MARKER}, {"id": 2, "body": CJK_MARKER}], pk="id")
    assert [row["body"] for row in db.query("SELECT body FROM notes ORDER BY id")] == [
        MARKER,
        CJK_MARKER,
    ]
    assert db["notes"].count == 2
    db.conn.close()
    reopened = sqlite_utils.Database(_open(path, KEY))
    assert reopened["notes"].get(1)["body"] == MARKER
    reopened.conn.close()


def test_wal_mode_and_schema_v1_with_both_fts5_tokenizers(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    conn = _open(path, KEY)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    migrations.apply(conn, 0)
    conn.execute(
        "INSERT INTO documents (id, title, text_sha256, imported_at, char_count, text) "
        "VALUES ('d1', 'Report', 'x', '2024-01-01', 30, ?)",
        (f"警方使用{CJK_MARKER}监控 and {ARABIC_MARKER} محمد",),
    )
    words = conn.execute(
        "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", (f'"{ARABIC_MARKER}"',)
    ).fetchall()
    trigrams = conn.execute(
        "SELECT rowid FROM documents_trigram WHERE documents_trigram MATCH ?", ('"朱雀七"',)
    ).fetchall()
    assert words == [(1,)]
    assert trigrams == [(1,)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (tmp_path / "project.db-wal").stat().st_size > 0
    conn.close()


def test_nothing_readable_in_the_file_its_wal_or_its_shm(tmp_path: Path) -> None:
    path = tmp_path / "secret.db"
    conn = _open(path, KEY)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("CREATE TABLE t (body TEXT)")
    conn.execute("CREATE VIRTUAL TABLE t_fts USING fts5 (body, tokenize = 'trigram')")
    for marker in (MARKER, ARABIC_MARKER, CJK_MARKER):
        conn.execute("INSERT INTO t VALUES (?)", (marker * 20,))
        conn.execute("INSERT INTO t_fts VALUES (?)", (marker,))
    # Read the files while the connection is open: the text is in the WAL then.
    files = [path, tmp_path / "secret.db-wal", tmp_path / "secret.db-shm"]
    assert _raw(files[1])
    for file in files:
        raw = _raw(file)
        assert not any(marker in raw for marker in _all_markers()), file.name
    conn.close()
    raw = _raw(path)
    assert not raw.startswith(b"SQLite format 3")
    assert not any(marker in raw for marker in _all_markers())


def test_wrong_or_missing_key_fails_recognisably_and_leaves_the_file_alone(
    tmp_path: Path,
) -> None:
    path = tmp_path / "locked.db"
    conn = _open(path, KEY)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = path.read_bytes()
    for attempt in ("wrong passphrase", ""):
        conn = _open(path, attempt) if attempt else sqlcipher.connect(str(path))
        with pytest.raises(sqlcipher.DatabaseError, match="file is not a database"):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
    assert path.read_bytes() == before


def test_backup_api_to_a_copy_keyed_the_same(tmp_path: Path) -> None:
    source = _open(tmp_path / "source.db", KEY)
    source.execute("PRAGMA journal_mode = WAL")
    source.execute("CREATE TABLE t (body TEXT)")
    source.execute("INSERT INTO t VALUES (?)", (MARKER,))
    target = _open(tmp_path / "copy.db", KEY)
    source.backup(target)
    target.close()
    source.close()
    raw = (tmp_path / "copy.db").read_bytes()
    assert MARKER.encode() not in raw
    reopened = _open(tmp_path / "copy.db", KEY)
    assert reopened.execute("SELECT body FROM t").fetchone()[0] == MARKER
    reopened.close()


def test_sqlcipher_export_converts_plain_to_encrypted_and_back(tmp_path: Path) -> None:
    plain_path = tmp_path / "plain.db"
    plain = sqlite3.connect(plain_path)
    plain.execute("CREATE TABLE t (body TEXT)")
    plain.execute("INSERT INTO t VALUES (?)", (MARKER,))
    plain.execute("PRAGMA user_version = 7")
    plain.commit()
    plain.close()

    conn = sqlcipher.connect(str(plain_path), isolation_level=None)
    conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {_quoted(KEY)}", (str(tmp_path / "e.db"),))
    conn.execute("SELECT sqlcipher_export('encrypted')")
    conn.execute("DETACH DATABASE encrypted")
    conn.close()
    assert MARKER.encode() not in (tmp_path / "e.db").read_bytes()

    encrypted = _open(tmp_path / "e.db", KEY)
    # sqlcipher_export copies the schema and rows, not the header's user_version.
    assert encrypted.execute("PRAGMA user_version").fetchone()[0] == 0
    encrypted.execute("ATTACH DATABASE ? AS plain KEY ''", (str(tmp_path / "back.db"),))
    encrypted.execute("SELECT sqlcipher_export('plain')")
    encrypted.execute("DETACH DATABASE plain")
    encrypted.close()
    back = sqlite3.connect(tmp_path / "back.db")
    assert back.execute("SELECT body FROM t").fetchone()[0] == MARKER
    back.close()


def test_rekey_changes_the_passphrase_in_place(tmp_path: Path) -> None:
    path = tmp_path / "rekey.db"
    conn = _open(path, KEY)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA rekey = {_quoted('a new passphrase')}")
    conn.close()
    conn = _open(path, "a new passphrase")
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    conn.close()


def test_exception_classes_are_not_the_standard_librarys() -> None:
    """The one gap: code catching sqlite3.IntegrityError would miss the binding's errors.

    The classes are heap types, so sqlite3's matching class can be added as a second
    base; the real adapter lives in annotator/core/cipher_driver.py.
    """
    assert not issubclass(sqlcipher.Error, sqlite3.Error)
    assert sqlcipher.IntegrityError.__flags__ & (1 << 9)  # Py_TPFLAGS_HEAPTYPE


def test_temp_store_defaults_to_memory() -> None:
    conn = sqlcipher.connect(":memory:")
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    assert "TEMP_STORE=2" in options  # memory unless a pragma asks for files
    conn.execute("PRAGMA temp_store = MEMORY")
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
