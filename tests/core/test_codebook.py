"""The code tree: names, nesting, order, colours, merging and deleting, each undoable."""

from __future__ import annotations

import pytest

from annotator.core import codebook, coders, coding, documents, errors
from annotator.core.changes import ChangeKind
from annotator.core.codebook_edits import CodingsPolicy, delete_code, merge_codes
from annotator.core.project import Project


def names(project: Project) -> list[str]:
    return [node.path for node in codebook.codebook_tree(project)]


@pytest.fixture
def tree(empty_project: Project) -> Project:
    """Surveillance > (CCTV, Drones); Biometrics > Fingerprints."""
    p = empty_project
    codebook.create_code(p, "Surveillance", color="#4e79a7")
    top = codebook.find_code(p, "Surveillance").id
    codebook.create_code(p, "CCTV", parent_id=top)
    codebook.create_code(p, "Drones", parent_id=top)
    codebook.create_code(p, "Biometrics")
    bio = codebook.find_code(p, "Biometrics").id
    codebook.create_code(p, "Fingerprints", parent_id=bio, definition="Counts: prints taken.")
    return p


def test_tree_order_and_paths(tree: Project) -> None:
    assert names(tree) == [
        "Surveillance",
        "Surveillance/CCTV",
        "Surveillance/Drones",
        "Biometrics",
        "Biometrics/Fingerprints",
    ]
    assert codebook.find_code(tree, "Biometrics/Fingerprints").definition.startswith("Counts")
    assert codebook.find_code(tree, "fingerprints").name == "Fingerprints"
    with pytest.raises(errors.NotFound):
        codebook.find_code(tree, "Surveillance/Fingerprints")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", errors.NameProblem.EMPTY),
        ("   ", errors.NameProblem.EMPTY),
        ("A/B", errors.NameProblem.HAS_SLASH),
        ("cctv", errors.NameProblem.TAKEN),
        ("x" * 200, errors.NameProblem.TOO_LONG),
    ],
)
def test_invalid_names_are_refused(tree: Project, name: str, problem: errors.NameProblem) -> None:
    with pytest.raises(errors.InvalidCodeName) as refused:
        codebook.create_code(tree, name)
    assert refused.value.problem is problem
    if problem is errors.NameProblem.TOO_LONG:
        assert refused.value.limit == codebook.MAX_NAME_LENGTH


def test_colour_is_checked_and_normalised(tree: Project) -> None:
    with pytest.raises(errors.InvalidValue):
        codebook.create_code(tree, "Bad colour", color="red")
    code = codebook.find_code(tree, "Surveillance")
    assert code.color == "#4E79A7"


def test_create_undo_redo_keeps_the_id(tree: Project) -> None:
    change = codebook.create_code(tree, "Informants")
    (code_id,) = change.codes
    undone = change.undo(tree)
    assert "Informants" not in names(tree)
    undone.undo(tree)
    assert codebook.find_code(tree, "Informants").id == code_id


def test_rename_recolour_define_undo(tree: Project) -> None:
    code = codebook.find_code(tree, "CCTV")
    rename = codebook.update_code(tree, code.id, name="Video cameras")
    assert (rename.kind, rename.name) == (ChangeKind.RENAME_CODE, "Video cameras")
    recolour = codebook.update_code(tree, code.id, color="#ff0000")
    define = codebook.update_code(tree, code.id, definition="Fixed cameras.")
    for change in (define, recolour, rename):
        change.undo(tree)
    assert codebook.get_code(tree, code.id) == code
    with pytest.raises(errors.DuplicateCodeName):
        codebook.update_code(tree, code.id, name="drones")


def test_move_nest_and_reorder_undo(tree: Project) -> None:
    drones = codebook.find_code(tree, "Drones")
    bio = codebook.find_code(tree, "Biometrics")
    move = codebook.move_code(tree, drones.id, bio.id, 0)
    assert names(tree)[2:] == ["Biometrics", "Biometrics/Drones", "Biometrics/Fingerprints"]
    move.undo(tree)
    assert names(tree)[:3] == ["Surveillance", "Surveillance/CCTV", "Surveillance/Drones"]
    reorder = codebook.move_code(tree, bio.id, None, 0)
    assert names(tree)[0] == "Biometrics"
    reorder.undo(tree)
    assert names(tree)[0] == "Surveillance"


def test_a_code_cannot_move_under_itself(tree: Project) -> None:
    top = codebook.find_code(tree, "Surveillance")
    cctv = codebook.find_code(tree, "CCTV")
    with pytest.raises(errors.InvalidValue):
        codebook.move_code(tree, top.id, cctv.id)


@pytest.fixture
def coded(tree: Project) -> tuple[Project, str]:
    amina = coders.add_coder(tree, "Amina")
    doc = documents.store_document(
        tree, documents.NewDocument(title="Doc", text="Cameras and drones watched the square.")
    )
    for name, (start, end) in [("CCTV", (0, 7)), ("Drones", (12, 18)), ("Drones", (0, 7))]:
        coding.add_coding(tree, doc.id, codebook.find_code(tree, name).id, start, end, amina.id)
    return tree, doc.id


def _coding_rows(project: Project) -> list[tuple[str, str, int, int]]:
    return sorted(project.conn.execute('SELECT id, code_id, start, "end" FROM codings').fetchall())


def test_merge_moves_codings_drops_duplicates_and_undoes(coded: tuple[Project, str]) -> None:
    project, _ = coded
    before = _coding_rows(project)
    cctv = codebook.find_code(project, "CCTV")
    drones = codebook.find_code(project, "Drones")
    change = merge_codes(project, drones.id, cctv.id)
    assert "Surveillance/Drones" not in names(project)
    rows = _coding_rows(project)
    assert len(rows) == 2  # the Drones coding on 0-7 duplicated CCTV's and was dropped
    assert {r[1] for r in rows} == {cctv.id}
    redo = change.undo(project)
    assert _coding_rows(project) == before
    assert codebook.get_code(project, drones.id) == drones
    redo.undo(project)
    assert len(_coding_rows(project)) == 2


def test_delete_with_codings_then_undo(coded: tuple[Project, str]) -> None:
    project, _ = coded
    before_rows, before_tree = _coding_rows(project), names(project)
    top = codebook.find_code(project, "Surveillance")
    change = delete_code(project, top.id, CodingsPolicy.DELETE)
    assert names(project) == ["Biometrics", "Biometrics/Fingerprints"]
    assert _coding_rows(project) == []
    change.undo(project)
    assert names(project) == before_tree
    assert _coding_rows(project) == before_rows


def test_delete_moving_codings_to_parent(coded: tuple[Project, str]) -> None:
    project, _ = coded
    drones = codebook.find_code(project, "Drones")
    top = codebook.find_code(project, "Surveillance")
    delete_code(project, drones.id, CodingsPolicy.MOVE_TO_PARENT)
    assert {r[1] for r in _coding_rows(project)} == {codebook.find_code(project, "CCTV").id, top.id}


def test_top_level_code_cannot_give_codings_to_a_parent(tree: Project) -> None:
    top = codebook.find_code(tree, "Surveillance")
    with pytest.raises(errors.InvalidValue):
        delete_code(tree, top.id, CodingsPolicy.MOVE_TO_PARENT)
    assert "Surveillance" in names(tree)
