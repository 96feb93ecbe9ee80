"""Codebook CSV (Taguette's columns) and Word annex out; codebook CSV in, merged by path."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pytest

from annotator.core import codebook, errors, events
from annotator.core.codebook import codebook_tree, find_code
from annotator.core.codebook_file import new_project
from annotator.core.exports.codebook_csv import (
    import_codebook_csv,
    read_codebook_csv,
    write_codebook_csv,
)
from annotator.core.exports.codebook_word import write_codebook_docx
from annotator.core.exports.errors import CodebookFileProblem as Problem
from annotator.core.exports.errors import InvalidCodebookFile
from annotator.core.project import Project, create_project
from tests.core.exports.conftest import ReportProject


def tree_of(project: Project) -> list[tuple[str, str, str]]:
    return [(n.path, n.code.definition, n.code.color) for n in codebook_tree(project)]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_codebook_csv_has_taguettes_columns_and_every_code(
    project: Project, tmp_path: Path
) -> None:
    target = tmp_path / "codebook.csv"
    result = write_codebook_csv(project, target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbftag,description,color\r\n")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert result.codes == len(rows) == len(codebook_tree(project))
    assert [(r["tag"], r["description"], r["color"]) for r in rows] == tree_of(project)
    # exactly one of Taguette's path columns
    assert sum(name in rows[0] for name in ("tag", "name", "path")) == 1


def test_the_default_codebook_round_trips_into_an_empty_project(
    project: Project, tmp_path: Path
) -> None:
    target = tmp_path / "codebook.csv"
    write_codebook_csv(project, target)
    with create_project(tmp_path / "other.annotator") as other:
        imported = import_codebook_csv(other, target)
        assert imported.created == len(codebook_tree(project))
        assert tree_of(other) == tree_of(project)


def test_import_merges_by_path_and_undo_redo(report: ReportProject, tmp_path: Path) -> None:
    project = report.project
    before = tree_of(project)
    source = write(
        tmp_path / "theirs.csv",
        "tag,description,color\n"
        "Video surveillance/CCTV,Fixed and mobile cameras.,#112233\n"
        "Video surveillance/Drones,Cameras in the air.,\n"
        "Online monitoring/Social media,,#445566\n"
        "Legal basis,,\n",
    )
    imported = import_codebook_csv(project, source, coder_id=report.coders["amina"])
    assert (imported.created, imported.updated, imported.unchanged) == (3, 1, 1)
    after = {path: (definition, color) for path, definition, color in tree_of(project)}
    assert after["Video surveillance/CCTV"] == ("Fixed and mobile cameras.", "#112233")
    assert after["Video surveillance/Drones"] == ("Cameras in the air.", codebook.DEFAULT_COLOR)
    assert after["Online monitoring"] == ("", codebook.DEFAULT_COLOR)
    assert after["Online monitoring/Social media"] == ("", "#445566")
    # an empty cell keeps what the project had
    assert after["Legal basis"] == ("Laws and decrees.", "#9E9E9E")
    # existing codes keep their ids, so their codings stay with them
    assert find_code(project, "Video surveillance/CCTV").id == report.codes["cctv"]
    logged = events.history(project, action="codebook imported")[0]
    assert logged.details["file"] == "theirs.csv"

    redo = imported.change.undo(project)
    assert tree_of(project) == before
    redo.undo(project)
    assert {p for p, _, _ in tree_of(project)} == set(after)


def test_taguette_files_with_a_name_or_path_column_import(
    empty_project: Project, tmp_path: Path
) -> None:
    by_name = write(tmp_path / "a.csv", "name,description\nSurveillance,Watching people\n")
    import_codebook_csv(empty_project, by_name)
    by_path = write(tmp_path / "b.csv", "Path,Number of highlights\nSurveillance/Phones,12\n")
    import_codebook_csv(empty_project, by_path)
    assert [p for p, _, _ in tree_of(empty_project)] == ["Surveillance", "Surveillance/Phones"]
    assert tree_of(empty_project)[0][1] == "Watching people"


def test_encodings_other_than_utf8_are_read(empty_project: Project, tmp_path: Path) -> None:
    source = write(
        tmp_path / "cp1252.csv", "tag,description\nVidéosurveillance,Caméras\n", "cp1252"
    )
    import_codebook_csv(empty_project, source)
    arabic = write(tmp_path / "utf16.csv", "tag\nمراقبة\n", "utf-16")
    import_codebook_csv(empty_project, arabic)
    assert [p for p, _, _ in tree_of(empty_project)] == ["Vidéosurveillance", "مراقبة"]


@pytest.mark.parametrize(
    ("text", "problem", "line", "data"),
    [
        ("tag,name\nA,B\n", Problem.SEVERAL_PATH_COLUMNS, 1, {"value": "tag, name"}),
        ("code,description\nA,B\n", Problem.NO_PATH_COLUMN, 1, {}),
        ("tag\nA\n\n,empty\n", Problem.EMPTY_PATH, 4, {}),
        ("tag\nA//B\n", Problem.EMPTY_LEVEL, 2, {"code": "A//B"}),
        ("tag,color\nA,blue\n", Problem.BAD_COLOUR, 2, {"value": "blue"}),
        ("tag\nA\na\n", Problem.LISTED_TWICE, 3, {"code": "a", "count": 2}),
        ("tag\n", Problem.NO_CODES, None, {}),
        (
            "tag\nCCTV\n",
            Problem.NAME_TAKEN,
            2,
            {"code": "CCTV", "value": "CCTV", "other": "Video surveillance/CCTV"},
        ),
        ("tag\n" + "x" * 121 + "\n", Problem.NAME_TOO_LONG, 2, {"code": "x" * 40, "count": 120}),
    ],
)
def test_bad_files_name_the_file_and_line_and_change_nothing(
    report: ReportProject,
    tmp_path: Path,
    text: str,
    problem: Problem,
    line: int | None,
    data: dict[str, object],
) -> None:
    before = tree_of(report.project)
    source = write(tmp_path / "bad.csv", text)
    with pytest.raises(InvalidCodebookFile) as caught:
        import_codebook_csv(report.project, source)
    assert caught.value.problem is problem
    assert caught.value.line == line
    assert caught.value.path == source
    assert {key: getattr(caught.value, key) for key in data} == data
    assert tree_of(report.project) == before


def test_a_binary_or_missing_file_is_refused(empty_project: Project, tmp_path: Path) -> None:
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(InvalidCodebookFile) as caught:
        read_codebook_csv(binary)
    assert caught.value.problem is Problem.NOT_TEXT
    with pytest.raises(InvalidCodebookFile) as caught:
        read_codebook_csv(tmp_path / "missing.csv")
    assert caught.value.problem is Problem.NOT_FOUND


def test_undo_refuses_once_an_imported_code_was_used(report: ReportProject, tmp_path: Path) -> None:
    source = write(tmp_path / "new.csv", "tag\nLegal basis/Emergency decrees\n")
    imported = import_codebook_csv(report.project, source)
    report.codes["decrees"] = find_code(report.project, "Emergency decrees").id
    report.code("english", "decrees", "Traders were not asked")
    with pytest.raises(errors.InvalidValue):
        imported.change.undo(report.project)
    assert find_code(report.project, "Emergency decrees")


def test_codebook_word_annex(project_path: Path, tmp_path: Path) -> None:
    with new_project(project_path, name="Annex study") as project:
        target = tmp_path / "codebook.docx"
        result = write_codebook_docx(project, target)
        tree = codebook_tree(project)
    paragraphs = docx.Document(str(target)).paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", "Annex study")
    headings = [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("Heading")]
    assert result.codes == len(headings) == len(tree)
    assert headings == [(f"Heading {n.depth + 1}", n.code.name) for n in tree]
    definitions = [p.text for p in paragraphs if p.style.name == "Code Definition"]
    assert definitions == [n.code.definition for n in tree if n.code.definition]
