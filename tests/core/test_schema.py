"""Schema trust (issue 18, findings 10 and 11): opening and `check` compare the whole
schema with what the migrations write; a foreign part makes the project read-only, a
missing part it reads refuses it, each reported by name."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from annotator.core import codebook, coding, documents, errors, migrations, schema
from annotator.core.check import check_project
from annotator.core.codebook_file import new_project
from annotator.core.project import Project, create_project, open_project
from annotator.core.read_only import ReadOnlyReason
from annotator.core.schema import Difference, ObjectKind
from annotator.core.schema_repair import repair_project
from tests.core.tampering import (
    BLOB_TITLE,
    DELETING_TRIGGER,
    DROPPED_COLUMN,
    DROPPED_FULL_TEXT,
    RAISING_TRIGGER,
    TEXT,
    coded_project,
    count,
    tamper,
)

FIXTURE_V1 = Path(__file__).parent.parent / "fixtures" / "schema-v1.annotator"


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    return coded_project(tmp_path / "P.annotator")


def _code_again(project: Project) -> None:
    """The issue's next `code`: another passage of "A", as its coder."""
    document = documents.find_document(project, "A")
    coder_id = project.conn.execute("SELECT id FROM coders").fetchone()[0]
    start = TEXT.index("Drones")
    code_id = codebook.find_code(project, "Drones and aerial surveillance").id
    coding.add_coding(project, document.id, code_id, start, start + 6, coder_id)


def _names(found: list[schema.SchemaDifference]) -> set[str]:
    return {d.name for d in found}


# -- the findings, as the issue reported them ------------------------------------------


def test_a_trigger_deleting_codings_fails_the_check_and_never_runs(coded: Path) -> None:
    # Finding 10: `check` said OK, and the next `code` silently deleted a coding.
    tamper(coded, DELETING_TRIGGER)
    with open_project(coded, read_only=True) as project:
        report = check_project(project)
    assert not report.ok
    assert [str(d) for d in report.schema] == ["trigger x on codings (not written by Annotator)"]
    with open_project(coded) as project:
        assert project.read_only and project.read_only_reason is ReadOnlyReason.UNTRUSTED_SCHEMA
        with pytest.raises(errors.UntrustedSchema) as refused:
            _code_again(project)
    assert [d.name for d in refused.value.differences] == ["x"]
    assert count(coded, "codings") == 1


def test_a_dropped_column_refuses_opening_by_name_instead_of_failing_a_read(coded: Path) -> None:
    # Finding 11: `show` and `code` ended in OperationalError while `check` said OK.
    tamper(coded, DROPPED_COLUMN)
    with pytest.raises(errors.CorruptProject) as refused:
        open_project(coded)
    assert isinstance(refused.value, errors.DamagedSchema)
    (difference,) = refused.value.differences
    assert (difference.kind, difference.name, difference.missing_columns) == (
        ObjectKind.TABLE,
        "codings",
        ("memo",),
    )
    with open_project(coded, damaged_schema_ok=True) as project:
        report = check_project(project)
    assert not report.ok and report.integrity == "ok"
    assert [str(d) for d in report.schema] == ["table codings (column memo missing)"]


def test_a_dropped_full_text_index_refuses_opening_by_name(coded: Path) -> None:
    tamper(coded, DROPPED_FULL_TEXT)  # finding 11: `search` ended in a traceback
    with pytest.raises(errors.DamagedSchema) as refused:
        open_project(coded)
    assert [(d.difference, d.kind, d.name) for d in refused.value.differences] == [
        (Difference.MISSING, ObjectKind.FULL_TEXT_INDEX, "documents_fts")
    ]


def test_a_raising_trigger_on_the_audit_log_is_refused_with_a_message(coded: Path) -> None:
    tamper(coded, RAISING_TRIGGER)  # finding 11: `code` ended in IntegrityError
    with open_project(coded) as project, pytest.raises(errors.UntrustedSchema):
        _code_again(project)
    assert count(coded, "codings") == 1


def test_a_blob_title_is_reported_by_the_check(coded: Path) -> None:
    tamper(coded, BLOB_TITLE)  # finding 11: the export ended in TypeError
    with open_project(coded) as project:
        report = check_project(project)
    assert not report.ok and report.repairable
    assert [(d.table, d.column, d.expected, d.rows) for d in report.value_types] == [
        ("documents", "title", "text", 1)
    ]


# -- the whole class: every kind of part, foreign, missing or changed ------------------

HOSTILE = {
    "foreign view": ("CREATE VIEW sneaky AS SELECT * FROM codings", "view sneaky"),
    "foreign index": ("CREATE INDEX by_memo ON codings (memo)", "index by_memo"),
    "foreign table": ("CREATE TABLE notes (body)", "table notes"),
    "foreign full-text index": (
        "CREATE VIRTUAL TABLE spy USING fts5 (body)",
        "full-text index spy",
    ),
    "missing index": ("DROP INDEX codings_coder", "index codings_coder"),
    "missing trigger": ("DROP TRIGGER events_no_delete", "trigger events_no_delete"),
    "changed trigger": (
        "DROP TRIGGER events_no_delete;"
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT 1; END",
        "trigger events_no_delete",
    ),
    "foreign column": ("ALTER TABLE codes ADD COLUMN secret TEXT", "table codes"),
    "table replaced by a view": (
        "DROP TABLE document_status;"
        "CREATE VIEW document_status AS SELECT NULL AS document_id, NULL AS coder_id, "
        "0 AS finished, '' AS updated_at",
        "table document_status",
    ),
    "shadow table of a full-text index": ("DROP TABLE documents_trigram_idx", "documents_trigram"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_every_foreign_missing_or_changed_part_is_named_and_stops_writing(
    case: str, coded: Path
) -> None:
    statements, named = HOSTILE[case]
    with contextlib.closing(sqlite3.connect(coded, isolation_level=None)) as conn:
        conn.executescript(statements)
    with open_project(coded, read_only=True, damaged_schema_ok=True) as project:
        report = check_project(project)
    assert not report.ok
    assert any(named in str(d) for d in report.schema), report.schema
    try:
        project = open_project(coded)
    except errors.DamagedSchema:
        return  # what is missing is read: refused, by name (above)
    with project:
        assert project.read_only
        with pytest.raises(errors.UntrustedSchema):
            _code_again(project)


def test_a_generated_column_another_tool_added_is_named(coded: Path) -> None:
    # PRAGMA table_info (and so sqlite-utils' Table.columns) leaves generated columns
    # out; core.schema reads table_xinfo so that the check can name them (issue 19).
    with contextlib.closing(sqlite3.connect(coded, isolation_level=None)) as conn:
        conn.execute("ALTER TABLE codes ADD COLUMN shout TEXT AS (upper(name))")
    with open_project(coded, read_only=True) as project:
        found = check_project(project).schema
    assert [(d.name, d.foreign_columns) for d in found] == [("codes", ("shout",))]


def test_a_trigger_named_like_sqlites_own_is_still_foreign(coded: Path) -> None:
    # Merge's first comparer skipped every name starting "sqlite_"; SQLite refuses to
    # create one, but a file written with writable_schema can hold a live trigger.
    tamper(
        coded,
        "PRAGMA writable_schema = ON",
        "INSERT INTO sqlite_master VALUES ('trigger', 'sqlite_wipe', 'codings', 0, "
        "'CREATE TRIGGER sqlite_wipe AFTER INSERT ON codings BEGIN DELETE FROM codings; END')",
    )
    with open_project(coded) as project:
        assert _names(list(project.schema_differences)) == {"sqlite_wipe"}
        with pytest.raises(errors.UntrustedSchema):
            _code_again(project)
    assert count(coded, "codings") == 1
    repair_project(coded)
    with open_project(coded) as project:
        _code_again(project)
    assert count(coded, "codings") == 2


# -- no false alarms ---------------------------------------------------------------------


def test_projects_this_version_writes_have_no_differences(tmp_path: Path) -> None:
    with new_project(tmp_path / "new.annotator") as project:
        project.conn.execute("ANALYZE")  # SQLite's own statistics tables are not foreign
        assert schema.differences(project.conn) == []
    with open_project(tmp_path / "new.annotator") as project:
        assert not project.read_only and project.schema_differences == ()
        assert check_project(project).ok


def test_a_migrated_older_project_has_no_differences(tmp_path: Path) -> None:
    old = tmp_path / "old.annotator"
    old.write_bytes(FIXTURE_V1.read_bytes())
    with open_project(old) as project:
        assert not project.read_only
        assert schema.differences(project.conn) == []


def test_an_older_project_is_compared_with_its_own_version_before_migrating(
    tmp_path: Path,
) -> None:
    old = tmp_path / "old.annotator"
    old.write_bytes(FIXTURE_V1.read_bytes())
    tamper(old, DELETING_TRIGGER)
    before = old.read_bytes()
    with pytest.raises(errors.UntrustedSchema) as refused:
        open_project(old)  # migrating would write to it, with their trigger in place
    assert _names(list(refused.value.differences)) == {"x"}
    assert old.read_bytes() == before


def test_the_expected_schema_follows_the_migrations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Other engineers add migrations: a new step's index is expected by itself.
    step = migrations.Migration(
        migrations.latest_version() + 1,
        "codings by memo",
        lambda conn: conn.execute("CREATE INDEX codings_by_memo ON codings (memo)"),
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    expected = schema.expected_schema()
    assert ("index", "codings_by_memo") in expected.objects
    with create_project(tmp_path / "next.annotator") as project:
        assert schema.differences(project.conn) == []
        project.conn.execute("DROP INDEX codings_by_memo")
        assert [str(d) for d in schema.differences(project.conn)] == [
            "index codings_by_memo on codings (missing)"
        ]


def test_the_expected_schema_is_built_once_per_version() -> None:
    assert schema.expected_schema() is schema.expected_schema()
    assert schema.expected_schema(1) is not schema.expected_schema()
    assert ("index", "documents_by_date") not in schema.expected_schema(1).objects
