"""The project file: pragmas, and refusals that leave a bad file byte-for-byte unchanged."""

from __future__ import annotations

import sqlite3
import struct
import zlib
from pathlib import Path

import pytest

from annotator.core import errors, file_header, migrations
from annotator.core.codebook_file import new_project
from annotator.core.project import create_project, open_project, save_copy


def _png_bytes() -> bytes:
    raw = b"\x00\xff\x00\x00"
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_new_project_has_the_promised_pragmas(project_path: Path) -> None:
    with create_project(project_path) as project:
        conn = project.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == file_header.APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    header = file_header.read_header(project_path)
    assert header.application_id == file_header.APPLICATION_ID


def test_reopened_project_keeps_wal_full_sync_and_foreign_keys(project_path: Path) -> None:
    create_project(project_path).close()
    with open_project(project_path) as project:
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_creating_over_an_existing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.annotator"
    path.write_bytes(b"keep me")
    with pytest.raises(errors.ProjectExists):
        create_project(path)
    assert path.read_bytes() == b"keep me"


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()


def _newer_project(path: Path) -> None:
    create_project(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 5}")
    conn.commit()
    conn.close()


def _truncated_project(path: Path) -> None:
    with new_project(path):
        pass
    data = path.read_bytes()
    assert len(data) > 8192
    path.write_bytes(data[: len(data) // 2])


def _corrupt_project(path: Path) -> None:
    create_project(path).close()
    data = bytearray(path.read_bytes())
    # Page 1 below the 100-byte header holds the schema b-tree: scribble over it.
    data[100:1100] = b"\xde\xad\xbe\xef" * 250
    path.write_bytes(bytes(data))


def _header_only(path: Path) -> None:
    path.write_bytes(file_header.SQLITE_MAGIC + b"\x00" * 20)


Cause = errors.ProjectCause
BAD_FILES = {
    "png": (lambda p: p.write_bytes(_png_bytes()), errors.NotAProject, None),
    "empty": (lambda p: p.write_bytes(b""), errors.NotAProject, Cause.EMPTY_FILE),
    "text": (lambda p: p.write_text("date 2024-04-16 Headline\n"), errors.NotAProject, None),
    "foreign": (_foreign_sqlite, errors.ForeignDatabase, None),
    "newer": (_newer_project, errors.NewerProject, None),
    "truncated": (_truncated_project, errors.CorruptProject, Cause.TRUNCATED),
    "corrupt": (_corrupt_project, errors.CorruptProject, None),
    "header only": (_header_only, errors.CorruptProject, Cause.TRUNCATED),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_files_are_refused_by_name_and_left_unchanged(tmp_path: Path, kind: str) -> None:
    make, error, cause = BAD_FILES[kind]
    path = tmp_path / f"{kind.replace(' ', '-')}.annotator"
    make(path)
    before = path.read_bytes()
    siblings_before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(error) as raised:
        open_project(path)
    assert type(raised.value) is error and raised.value.path == path
    assert raised.value.because is cause
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings_before


def test_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.annotator"
    with pytest.raises(errors.ProjectNotFound, match=r"nowhere\.annotator"):
        open_project(path)
    assert not path.exists()


def test_a_folder_is_not_a_project(tmp_path: Path) -> None:
    with pytest.raises(errors.NotAProject, match="folder"):
        open_project(tmp_path)


def test_failed_action_leaves_nothing_behind(project_path: Path) -> None:
    with create_project(project_path) as project:
        with pytest.raises(RuntimeError), project.transaction() as conn:
            conn.execute("INSERT INTO project_settings VALUES ('a', 'b')")
            raise RuntimeError("power cut")
        assert project.setting("a") == ""


def test_nested_transactions_are_one_action(project_path: Path) -> None:
    with create_project(project_path) as project:
        with project.transaction() as conn:
            conn.execute("INSERT INTO project_settings VALUES ('outer', '1')")
            with pytest.raises(ValueError), project.transaction() as inner:
                inner.execute("INSERT INTO project_settings VALUES ('inner', '1')")
                raise ValueError
        assert project.setting("outer") == "1"
        assert project.setting("inner") == ""


def test_save_copy_is_a_complete_single_file(project_path: Path, tmp_path: Path) -> None:
    with new_project(project_path) as project:
        project.set_setting("name", "Border study")
        copy = save_copy(project, tmp_path / "copy.annotator")
    assert not (tmp_path / "copy.annotator-wal").exists()
    with open_project(copy) as reopened:
        assert reopened.name == "Border study"
        assert reopened.conn.execute("SELECT count(*) FROM codes").fetchone()[0] > 0


def test_a_checkpoint_cut_short_is_not_mistaken_for_truncation(project_path: Path) -> None:
    """Header says N pages, the file holds fewer, but the WAL still has the rest."""
    from annotator.core import codebook

    project = create_project(project_path)
    project.conn.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(300):
        codebook.create_code(project, f"Code {n}", definition="x" * 400)
    wal = project_path.with_name(project_path.name + "-wal")
    assert wal.stat().st_size > 100_000
    # Simulate a kill mid-checkpoint: page 1 (the new size) reached the file first.
    snapshot = project_path.read_bytes()
    wal_bytes = wal.read_bytes()
    project.conn.execute("PRAGMA wal_checkpoint(FULL)")
    page_one = project_path.read_bytes()[:4096]
    project.conn.close()
    project_path.write_bytes(page_one + snapshot[4096:])
    wal.write_bytes(wal_bytes)
    assert project_path.stat().st_size < file_header.read_header(project_path).declared_size
    with open_project(project_path) as reopened:
        assert reopened.conn.execute("SELECT count(*) FROM codes").fetchone()[0] == 300
        assert reopened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
