"""Untrusted files are refused or skipped with a clear message; nothing else changes."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core import file_header
from annotator.core.codebook_file import new_project
from annotator.core.errors import ProjectUnwritable
from annotator.core.exchange import merge as merge_module
from annotator.core.exchange.archive import ArchiveLimits
from annotator.core.exchange.errors import ExchangeFileError, FileProblem
from annotator.core.exchange.incoming import SkipReason
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.exchange.qdpx_export import export_qdpx
from annotator.core.exchange.qdpx_import import read_qdpx
from annotator.core.project import Project, open_project
from tests.core.exchange.refi_files import make_qdpx, project_xml, selection, text_source

DOC = "0A1B2C3D-0000-4000-8000-00000000000A"
GOOD_QDE = project_xml(text_source(DOC, "doc", "internal://d.txt", selection(0, 3)))


def _snapshot(project: Project) -> list[tuple[object, ...]]:
    tables = ["coders", "codes", "documents", "codings", "document_status", "events"]
    return [tuple(project.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return path


def _nested_zip(depth: int) -> bytes:
    data = b"0" * 1000
    for level in range(depth):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"level{level}.zip", data)
        data = buffer.getvalue()
    return data


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>'
)
DEEP_CODES = project_xml(
    "",
    codes="".join(
        f'<Code guid="0A1B2C3D-0000-4000-8000-{n:012x}" name="c{n}" isCodable="true">'
        for n in range(100)
    )
    + "</Code>" * 100,
).replace("<Sources></Sources>", "")

REFUSED_ARCHIVES: dict[str, tuple[Callable[[Path], Path], FileProblem]] = {
    "parent folder member": (
        lambda p: _zip(p, {"project.qde": GOOD_QDE.encode(), "../evil.txt": b"x"}),
        FileProblem.UNSAFE_NAME,
    ),
    "absolute member": (
        lambda p: _zip(p, {"project.qde": GOOD_QDE.encode(), "/tmp/evil.txt": b"x"}),
        FileProblem.UNSAFE_NAME,
    ),
    "drive letter member": (
        lambda p: _zip(p, {"project.qde": GOOD_QDE.encode(), "C:\\evil.txt": b"x"}),
        FileProblem.UNSAFE_NAME,
    ),
    "zip bomb": (
        lambda p: _zip(p, {"project.qde": GOOD_QDE.encode(), "sources/d.txt": b"\0" * 50_000_000}),
        FileProblem.TOO_LARGE,
    ),
    "entity expansion": (lambda p: make_qdpx(p, BILLION_LAUGHS), FileProblem.FORBIDDEN_XML),
    "external entity": (lambda p: make_qdpx(p, EXTERNAL_ENTITY), FileProblem.FORBIDDEN_XML),
    "malformed xml": (
        lambda p: make_qdpx(p, "<Project name='x'><Users>"),
        FileProblem.MALFORMED_XML,
    ),
    "not a zip": (lambda p: (p.write_bytes(b"PK\3\4 not really"), p)[1], FileProblem.NOT_A_ZIP),
    "no project.qde": (lambda p: _zip(p, {"sources/a.txt": b"a"}), FileProblem.NO_PROJECT),
    "another root": (lambda p: make_qdpx(p, "<CodeBook/>"), FileProblem.NOT_REFI),
    "codes nested too deep": (lambda p: make_qdpx(p, DEEP_CODES), FileProblem.CODES_TOO_DEEP),
}


@pytest.mark.parametrize("case", sorted(REFUSED_ARCHIVES))
def test_hostile_archives_are_refused_and_nothing_changes(
    case: str, coded: Project, tmp_path: Path
) -> None:
    build, problem = REFUSED_ARCHIVES[case]
    hostile = build(tmp_path / "hostile.qdpx")
    before, files_before = _snapshot(coded), sorted(tmp_path.rglob("*"))
    with pytest.raises(ExchangeFileError) as caught:
        load_incoming(hostile)
    assert caught.value.problem is problem
    assert str(hostile) in str(caught.value)
    assert _snapshot(coded) == before
    assert sorted(tmp_path.rglob("*")) == files_before
    assert not (tmp_path.parent / "evil.txt").exists()


def test_nested_archives_are_never_opened(tmp_path: Path) -> None:
    path = make_qdpx(
        tmp_path / "n.qdpx",
        GOOD_QDE,
        {"sources/d.txt": b"abcdef", "sources/bomb.zip": _nested_zip(6)},
    )
    incoming = read_qdpx(path)
    assert [d.text for d in incoming.documents] == ["abcdef"]


def test_a_member_over_the_limit_is_skipped_and_said(tmp_path: Path) -> None:
    other = "0A1B2C3D-0000-4000-8000-00000000000B"
    qde = project_xml(
        text_source(DOC, "small", "internal://d.txt")
        + text_source(other, "big", "internal://b.txt")
    )
    path = make_qdpx(
        tmp_path / "m.qdpx", qde, {"sources/d.txt": b"abc", "sources/b.txt": b"x" * 5000}
    )
    incoming = read_qdpx(path, limits=ArchiveLimits(max_member_bytes=len(qde) + 100))
    assert [d.title for d in incoming.documents] == ["small"]
    assert [(s.name, s.reason) for s in incoming.report.not_imported] == [
        ("big", SkipReason.TOO_LARGE)
    ]
    with pytest.raises(ExchangeFileError) as caught:
        read_qdpx(path, limits=ArchiveLimits(max_project_bytes=100))
    assert caught.value.problem is FileProblem.TOO_LARGE
    assert "project.qde" in str(caught.value)


def test_project_qde_is_streamed_so_it_may_outgrow_the_source_limit(tmp_path: Path) -> None:
    # A million codings make a project.qde of ~725 MB: more than any one source may be,
    # read as a stream rather than held whole (issue 11, .qdpx at 50,000 documents).
    qde = project_xml(text_source(DOC, "small", "internal://d.txt", selection(0, 3)))
    path = make_qdpx(tmp_path / "s.qdpx", qde, {"sources/d.txt": b"abcdef"})
    incoming = read_qdpx(path, limits=ArchiveLimits(max_member_bytes=len(qde) // 4))
    assert [d.text for d in incoming.documents] == ["abcdef"]
    assert [(c.start, c.end) for c in incoming.codings] == [(0, 3)]


def test_project_qde_read_twice_counts_once_toward_the_total(tmp_path: Path) -> None:
    qde = project_xml(text_source(DOC, "small", "internal://d.txt"))
    path = make_qdpx(tmp_path / "c.qdpx", qde, {"sources/d.txt": b"abcdef"})
    exact = len(qde.encode()) + len(b"abcdef")
    assert [
        d.title for d in read_qdpx(path, limits=ArchiveLimits(max_total_bytes=exact)).documents
    ] == ["small"]
    with pytest.raises(ExchangeFileError) as caught:
        read_qdpx(path, limits=ArchiveLimits(max_total_bytes=exact - 1))
    assert caught.value.problem is FileProblem.TOO_LARGE


def test_total_size_limit_refuses_the_archive(tmp_path: Path) -> None:
    path = make_qdpx(tmp_path / "t.qdpx", GOOD_QDE, {"sources/d.txt": b"abc" * 1000})
    with pytest.raises(ExchangeFileError) as caught:
        read_qdpx(path, limits=ArchiveLimits(max_total_bytes=2000))
    assert caught.value.problem is FileProblem.TOO_LARGE


# -- hostile .annotator files ---------------------------------------------------------


def _tamper(path: Path, *statements: str) -> Path:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _their_copy(make_coded: Callable[[str], Project], name: str) -> Path:
    project = make_coded(name)
    project.close()
    return project.path


HOSTILE_PROJECTS: dict[str, tuple[tuple[str, ...], FileProblem]] = {
    "extra trigger": (
        ("CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM codings; END",),
        FileProblem.FOREIGN_PROJECT,
    ),
    "extra view": (("CREATE VIEW sneaky AS SELECT * FROM codings",), FileProblem.FOREIGN_PROJECT),
    "table replaced": (
        ("DROP TABLE document_status", "CREATE TABLE document_status (x)"),
        FileProblem.FOREIGN_PROJECT,
    ),
    "trigger named like SQLite's own": (  # the first comparer skipped names "sqlite_..."
        (
            "PRAGMA writable_schema = ON",
            "INSERT INTO sqlite_master VALUES ('trigger', 'sqlite_wipe', 'events', 0, "
            "'CREATE TRIGGER sqlite_wipe AFTER INSERT ON events BEGIN DELETE FROM codings; END')",
        ),
        FileProblem.FOREIGN_PROJECT,
    ),
    "newer version": (("PRAGMA user_version = 99",), FileProblem.NEWER_PROJECT),
    "another application": (("PRAGMA application_id = 42",), FileProblem.NOT_A_PROJECT),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_PROJECTS))
def test_hostile_project_files_are_refused(
    case: str, make_coded: Callable[[str], Project], coded: Project
) -> None:
    statements, problem = HOSTILE_PROJECTS[case]
    theirs = _tamper(_their_copy(make_coded, "theirs.annotator"), *statements)
    before = _snapshot(coded)
    theirs_before = theirs.read_bytes()
    with pytest.raises(ExchangeFileError) as caught:
        load_incoming(theirs)
    assert caught.value.problem is problem
    assert _snapshot(coded) == before
    assert theirs.read_bytes() == theirs_before  # their file is never written either


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path, coded: Project) -> None:
    path = tmp_path / "other.annotator"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA application_id = {file_header.APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 1")
        conn.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(ExchangeFileError) as caught:
        load_incoming(path)
    assert caught.value.problem is FileProblem.FOREIGN_PROJECT


def test_bad_values_in_a_project_file_are_skipped_or_refused(
    make_coded: Callable[[str], Project],
) -> None:
    theirs = _their_copy(make_coded, "theirs.annotator")
    _tamper(theirs, 'UPDATE codings SET "end" = 100000 WHERE rowid = 1')
    incoming = load_incoming(theirs)
    assert [s.reason for s in incoming.report.not_imported] == [SkipReason.BAD_POSITION]
    _tamper(theirs, "UPDATE coders SET id = 'not-a-uuid' WHERE rowid = 1")
    with pytest.raises(ExchangeFileError) as caught:
        load_incoming(theirs)
    assert caught.value.problem is FileProblem.INVALID_CONTENT


def test_a_merge_that_fails_half_way_changes_nothing(
    coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with new_project(tmp_path / "other.annotator") as other:
        archive = export_qdpx(other, tmp_path / "other.qdpx").path
    plan = plan_merge(coded, load_incoming(archive))
    before = _snapshot(coded)
    files_before = sorted(tmp_path.iterdir())
    real_write_codes = merge_module._write_codes

    def failing(conn: sqlite3.Connection, plan: object, now: str) -> None:
        real_write_codes(conn, plan, now)
        raise sqlite3.IntegrityError("disk trouble half way")

    monkeypatch.setattr(merge_module, "_write_codes", failing)
    with pytest.raises(ExchangeFileError):
        apply_merge(coded, plan)
    assert _snapshot(coded) == before
    assert sorted(tmp_path.iterdir()) == files_before  # the pre-merge backup is removed too


def test_an_encrypted_looking_file_gets_its_own_message(tmp_path: Path) -> None:
    path = tmp_path / "locked.annotator"
    path.write_bytes(bytes(range(256)) * 16)  # whole pages, no SQLite header
    with pytest.raises(ExchangeFileError) as caught:
        load_incoming(path)
    assert caught.value.problem is FileProblem.ENCRYPTED


def test_a_read_only_project_is_not_merged_into(coded: Project, tmp_path: Path) -> None:
    archive = export_qdpx(coded, tmp_path / "c.qdpx").path
    with new_project(tmp_path / "target.annotator", empty=True):
        pass
    with open_project(tmp_path / "target.annotator", read_only=True) as target:
        plan = plan_merge(target, load_incoming(archive))
        with pytest.raises(ProjectUnwritable):
            apply_merge(target, plan)
    assert sorted(p.name for p in tmp_path.iterdir() if "pre-merge" in p.name) == []


def test_an_unknown_xml_encoding_is_malformed_not_a_crash(tmp_path: Path) -> None:
    qde = GOOD_QDE.replace('encoding="utf-8"', 'encoding="no-such-codec"')
    path = make_qdpx(tmp_path / "enc.qdpx", qde, {"sources/d.txt": b"abcdef"})
    with pytest.raises(ExchangeFileError) as caught:
        read_qdpx(path)
    assert caught.value.problem is FileProblem.MALFORMED_XML
