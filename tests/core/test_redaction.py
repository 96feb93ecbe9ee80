"""A redacted copy: no redacted string anywhere in its bytes, every coding on the right words."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from annotator.core import (
    codebook,
    coders,
    coding,
    documents,
    errors,
    events,
    file_header,
    migrations,
    search,
)
from annotator.core.project import Project, open_project
from annotator.core.redacted_copy import write_redacted_copy
from annotator.core.redaction import (
    DROPPED_COLUMNS,
    REDACTED_COLUMNS,
    SAFE_COLUMNS,
    plan_redaction,
)
from annotator.core.redaction_rules import (
    ListProblem,
    RedactionListError,
    RedactionRule,
    parse_rules,
)

LATIN, ARABIC, CJK = "Amina Rasheed", "أمينة رشيد", "王小明"
PHONE = "+44 7700 900123"
RULES_TEXT = (
    f"{LATIN} => [Source A]\n{ARABIC} => [Source A]\n{CJK} => [Source B]\n"
    "re:\\+?\\d[\\d ]{8,}\\d => [phone]\n"
)
REDACTED = [LATIN, ARABIC, CJK, PHONE, "Rasheed"]  # a part of a name must not survive
ENCODINGS = ["utf-8", "utf-16-le", "utf-16-be"]

TEXTS = {
    "Latin": f"Police followed {LATIN} to the market.\n\nCall {PHONE} for the officer.",
    "Arabic": f"قالت {ARABIC} إن الكاميرات تراقب الحي.\n\nالشرطة تستخدم الطائرات المسيرة.",
    "CJK": f"记者{CJK}说，警方在广场安装了人脸识别摄像头。\n\n无人机在上空盘旋。",
}
QUOTES = {  # a coding on words next to the name, and one over the name itself
    "Latin": ("to the market", LATIN),
    "Arabic": ("الكاميرات تراقب الحي", ARABIC),
    "CJK": ("人脸识别摄像头", f"记者{CJK}"),
}


@pytest.fixture
def sensitive(project: Project) -> Project:
    """Names in every kind of text a project holds."""
    project.set_setting("name", f"Interviews with {LATIN}")
    coder = coders.add_coder(project, f"{CJK} (field team)")
    code_id = codebook.find_code(project, "CCTV").id
    codebook.create_code(project, f"Contact {LATIN}", definition=f"Meetings with {ARABIC}")
    codebook.update_code(project, code_id, memo=f"Ask {CJK} about this")
    for title, text in TEXTS.items():
        document = documents.store_document(
            project,
            documents.NewDocument(
                title=f"{title} report on {LATIN}",
                text=text,
                original=text.encode("utf-16"),
                original_filename=f"amina-rasheed-{title}.txt",
                provenance={"author": ARABIC, "notes": f"tel {PHONE}", "memo": f"from {CJK}"},
            ),
            coder_id=coder.id,
        )
        for quote in QUOTES[title]:
            start = text.index(quote)
            coding.add_coding(
                project, document.id, code_id, start, start + len(quote), coder.id,
                memo=f"{LATIN} confirmed",
            )  # fmt: skip
    return project


def _leaks(data: bytes) -> list[str]:
    found = []
    for name in REDACTED:
        for variant in {name, name.lower(), name.upper()}:
            for encoding in ENCODINGS:
                if variant.encode(encoding) in data:
                    found.append(f"{variant} ({encoding})")
    return found


def _rules() -> list:
    return parse_rules(RULES_TEXT)


def test_the_plan_lists_every_replacement_with_its_place(sensitive: Project) -> None:
    plan = plan_redaction(sensitive, _rules())
    in_texts = [r for r in plan.replacements if r.table == "documents" and r.field == "text"]
    assert {(r.label.split()[0], r.before) for r in in_texts} == {
        ("Latin", LATIN),
        ("Latin", PHONE),
        ("Arabic", ARABIC),
        ("CJK", CJK),
    }
    latin = next(r for r in in_texts if r.before == LATIN)
    text = TEXTS["Latin"]
    assert (latin.start, latin.end) == (text.index(LATIN), text.index(LATIN) + len(LATIN))
    assert latin.after == "[Source A]" and latin.context_before.endswith("followed ")
    places = {r.place for r in plan.replacements}
    assert {
        "document title",
        "document author",
        "document notes",
        "document memo",
        "code name",
        "code definition",
        "code memo",
        "coding memo",
        "coder name",
        "project setting value",
        "audit log details",
    } <= places
    assert plan.unused_rules() == []
    assert plan_redaction(sensitive, parse_rules("Nobody Here")).unused_rules() != []


def test_a_redacted_copy_holds_no_redacted_string_in_any_script(
    sensitive: Project, tmp_path: Path
) -> None:
    target = tmp_path / "for-partner.annotator"
    copy = write_redacted_copy(sensitive, _rules(), target)
    assert copy.path == target and copy.documents == 3 and copy.codings == 6
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert not Path(f"{target}-wal").exists() and not Path(f"{target}-shm").exists()
    assert _leaks(target.read_bytes()) == []
    assert target.read_bytes()[:16] == file_header.SQLITE_MAGIC
    with open_project(target, read_only=True) as redacted:
        conn = redacted.conn
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM document_originals").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert redacted.name == "Interviews with [Source A]"
        for document in documents.list_documents(redacted):
            full = documents.get_document(redacted, document.id)
            assert full.text_sha256 == documents.sha256_hex(full.text)
            assert full.original_sha256 == full.original_filename == ""
        assert search.find_all(redacted, "Source")
        assert not search.find_all(redacted, "Rasheed")
        assert [e.action for e in events.history(redacted, limit=1)] == ["redacted copy made"]
    assert events.history(sensitive, limit=1)[0].action == "redacted copy made"


def test_every_coding_still_covers_the_right_words(sensitive: Project, tmp_path: Path) -> None:
    target = write_redacted_copy(sensitive, _rules(), tmp_path / "shared.annotator").path
    placeholder = {"Latin": "[Source A]", "Arabic": "[Source A]", "CJK": "记者[Source B]"}
    with open_project(target, read_only=True) as redacted:
        for summary in documents.list_documents(redacted):
            document = documents.get_document(redacted, summary.id)
            script = document.title.split()[0]
            quotes = sorted(c.quote for c in coding.codings_of_document(redacted, document.id))
            assert quotes == sorted([QUOTES[script][0], placeholder[script]])
            for c in coding.codings_of_document(redacted, document.id):
                assert document.text[c.start : c.end] == c.quote
                assert c.memo == "[Source A] confirmed"


def test_an_encrypted_redacted_copy(sensitive: Project, tmp_path: Path) -> None:
    target = tmp_path / "sealed.annotator"
    copy = write_redacted_copy(sensitive, _rules(), target, passphrase="partner-secret-9")
    assert copy.encrypted
    assert target.read_bytes()[:16] != file_header.SQLITE_MAGIC
    with open_project(target, passphrase="partner-secret-9") as redacted:
        assert len(documents.list_documents(redacted)) == 3


def test_a_redacted_qdpx_holds_no_redacted_string(sensitive: Project, tmp_path: Path) -> None:
    target = tmp_path / "for-partner.qdpx"
    copy = write_redacted_copy(sensitive, _rules(), target)
    assert copy.codings == 6
    assert _leaks(target.read_bytes()) == []
    with zipfile.ZipFile(target) as archive:
        members = archive.namelist()
        assert "project.qde" in members
        for member in members:
            assert _leaks(archive.read(member)) == [], member


def test_codes_whose_names_become_equal_stay_distinct(project: Project, tmp_path: Path) -> None:
    codebook.create_code(project, f"Met {LATIN}")
    codebook.create_code(project, f"Met {ARABIC}")
    target = write_redacted_copy(project, _rules(), tmp_path / "r.annotator").path
    with open_project(target, read_only=True) as redacted:
        names = {code.name for code in codebook.list_codes(redacted)}
    assert {"Met [Source A]", "Met [Source A] (2)"} <= names


def test_the_project_itself_is_untouched_apart_from_its_audit_log(
    sensitive: Project, tmp_path: Path
) -> None:
    before = [
        sensitive.conn.execute(f"SELECT * FROM {table}").fetchall()
        for table in ("documents", "codings", "codes", "coders", "document_originals")
    ]
    write_redacted_copy(sensitive, _rules(), tmp_path / "r.annotator")
    after = [
        sensitive.conn.execute(f"SELECT * FROM {table}").fetchall()
        for table in ("documents", "codings", "codes", "coders", "document_originals")
    ]
    assert before == after


def test_a_failed_copy_leaves_no_file(
    sensitive: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("annotator.core.redacted_copy._copy_codes", broken)
    with pytest.raises(errors.ProjectUnwritable):
        write_redacted_copy(sensitive, _rules(), tmp_path / "r.annotator")
    assert sorted(p.name for p in tmp_path.iterdir() if "study" not in p.name) == []


def test_rules_that_would_leak_through_their_placeholder_are_refused(
    sensitive: Project, tmp_path: Path
) -> None:
    rules = [RedactionRule("Amina", "[Source A]"), RedactionRule("Source", "[S]")]
    with pytest.raises(RedactionListError) as refused:
        write_redacted_copy(sensitive, rules, tmp_path / "r.annotator")
    assert refused.value.problem is ListProblem.PLACEHOLDER_REDACTED
    assert (refused.value.pattern, refused.value.other) == ("[Source A]", "Source")


def test_every_text_column_of_the_schema_is_redacted_kept_or_dropped(project: Project) -> None:
    """A new text column must be given a place here before it can leak into a shared copy."""
    decided = {
        (table, column)
        for listing in (REDACTED_COLUMNS, SAFE_COLUMNS, DROPPED_COLUMNS)
        for table, columns in listing.items()
        for column in columns
    }
    undecided = []
    for (table,) in project.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'documents_fts%' "
        "AND name NOT LIKE 'documents_trigram%'"
    ):
        for column in project.conn.execute(f"PRAGMA table_info({table})"):
            if column[2].upper() == "TEXT" and (table, column[1]) not in decided:
                undecided.append(f"{table}.{column[1]}")
    assert undecided == []
    assert project.conn.execute("PRAGMA user_version").fetchone()[0] == (
        migrations.latest_version()
    )


def test_a_pattern_redacts_numbers_in_any_field(sensitive: Project, tmp_path: Path) -> None:
    target = write_redacted_copy(sensitive, _rules(), tmp_path / "r.annotator").path
    raw = target.read_bytes()
    assert re.search(rb"7700", raw) is None
