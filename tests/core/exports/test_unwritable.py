"""Issue 18, finding 8 (the way out): values an XML export cannot hold are refused by name.

An older project may hold a `\\x02` in a memo, a title or a name (new values never do:
`text_controls` takes them out on the way in). Word, XLSX, .qdpx and .qdc exports used
to end in `ValueError: All strings must be XML compatible` or write a .qdpx Annotator
itself refused; now each says which value to edit, and writes nothing.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.exchange.qdc import export_qdc
from annotator.core.exchange.qdpx_export import export_qdpx
from annotator.core.exports.formats import ExportOptions, write_export
from annotator.core.project import Project
from annotator.core.unwritable import TextPlace, UnwritableText
from tests.core.exports.conftest import ReportProject

Export = Callable[[Project, Path], object]

WORD_WITH_MEMOS = ExportOptions(include_memos=True)
EXPORTS: dict[str, Export] = {
    "docx": lambda p, t: write_export(p, "docx", t, WORD_WITH_MEMOS),
    "xlsx": lambda p, t: write_export(p, "xlsx", t),
    "qdpx": export_qdpx,
}
CODEBOOK_EXPORTS: dict[str, Export] = {
    "qdc": export_qdc,
    "codebook-docx": lambda p, t: write_export(p, "codebook-docx", t),
}
OLD_VALUES = [  # (table, column, place) as an older version could have stored them
    ("coders", "name", TextPlace.CODER_NAME),
    ("documents", "title", TextPlace.DOCUMENT_TITLE),
    ("documents", "author", TextPlace.DOCUMENT_DETAIL),
    ("documents", "memo", TextPlace.DOCUMENT_MEMO),
    ("codings", "memo", TextPlace.CODING_MEMO),
    ("codes", "name", TextPlace.CODE_NAME),
    ("codes", "definition", TextPlace.CODE_DEFINITION),
    ("codes", "memo", TextPlace.CODE_MEMO),
]


def store_raw(project: Project, table: str, column: str, value: str) -> None:
    with project.transaction() as conn:
        row = conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid LIMIT 1").fetchone()
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, row[0]))


@pytest.mark.parametrize(("table", "column", "place"), OLD_VALUES)
@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_an_old_control_character_is_refused_by_name(
    report: ReportProject, tmp_path: Path, name: str, table: str, column: str, place: TextPlace
) -> None:
    store_raw(report.project, table, column, "Esc\x1b[2J\x02")
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"out.{name}"
    with pytest.raises(UnwritableText) as caught:
        EXPORTS[name](report.project, target)
    assert caught.value.place is place
    assert caught.value.character == "\x1b"
    assert list(folder.iterdir()) == []  # nothing written, not even a partial file


@pytest.mark.parametrize("name", sorted(CODEBOOK_EXPORTS))
def test_codebook_exports_check_the_codes_only(
    report: ReportProject, tmp_path: Path, name: str
) -> None:
    store_raw(report.project, "coders", "name", "Co\x02der")  # not in a codebook
    CODEBOOK_EXPORTS[name](report.project, tmp_path / f"ok.{name}")
    store_raw(report.project, "codes", "definition", "Def\x02")
    with pytest.raises(UnwritableText) as caught:
        CODEBOOK_EXPORTS[name](report.project, tmp_path / f"refused.{name}")
    assert caught.value.place is TextPlace.CODE_DEFINITION
    assert not (tmp_path / f"refused.{name}").exists()


def test_a_word_report_without_memos_is_not_held_up_by_a_memo(
    report: ReportProject, tmp_path: Path
) -> None:
    store_raw(report.project, "codings", "memo", "me\x02mo")
    write_export(report.project, "docx", tmp_path / "report.docx")
    with pytest.raises(UnwritableText):
        write_export(report.project, "docx", tmp_path / "memos.docx", WORD_WITH_MEMOS)


def test_csv_holds_any_character(report: ReportProject, tmp_path: Path) -> None:
    store_raw(report.project, "codings", "memo", "me\x02mo")
    write_export(report.project, "csv", tmp_path / "codings.csv")
    assert "me\x02mo" in (tmp_path / "codings.csv").read_text("utf-8-sig")


def test_a_frozen_text_with_a_control_character_still_exports_to_qdpx(
    report: ReportProject, tmp_path: Path, project_path: Path
) -> None:
    """Texts cannot be edited: a .qdpx keeps them exactly in their own files, and the
    selection labels in project.qde show the character as U+FFFD."""
    project = report.project
    with project.transaction() as conn:
        conn.execute("DROP TRIGGER IF EXISTS documents_text_frozen")
        for table, column in (("documents", "text"), ("codings", "quote")):
            conn.execute(
                f"UPDATE {table} SET {column} = "
                f"replace({column}, 'police', 'pol' || char(2) || 'ice')"
            )
    target = export_qdpx(project, tmp_path / "project.qdpx").path
    with zipfile.ZipFile(target) as archive:
        texts = [archive.read(n) for n in archive.namelist() if n.endswith(".txt")]
    assert any(b"pol\x02ice" in text for text in texts)
    incoming = load_incoming(target)
    assert any("pol\x02ice" in d.text for d in incoming.documents)


def test_a_qdpx_of_a_project_cleaned_on_the_way_in_merges_back(
    report: ReportProject, tmp_path: Path
) -> None:
    """The probe's round trip: `--memo $'\\x02'`, export .qdpx, merge it elsewhere."""
    from annotator.core import coding
    from annotator.core.project import create_project

    coding.set_coding_memo(report.project, report.codings[0], "me\x02mo")
    target = export_qdpx(report.project, tmp_path / "project.qdpx").path
    with create_project(tmp_path / "other.annotator") as other:
        incoming = load_incoming(target)
        result = apply_merge(other, plan_merge(other, incoming))
        assert result.codings_added == len(report.codings)
