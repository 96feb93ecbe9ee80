"""What Edit › Undo calls the workbench's actions, worded from each Change's kind.

The core says what an action was (a ChangeKind and its data); `ui.change_wording`
names the undo step in the user's language. In English the names stay what they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from annotator.core import autocode, codebook, coders
from annotator.core.changes import Change, ChangeKind
from annotator.core.codebook_edits import CodingsPolicy
from annotator.core.documents import find_document
from annotator.core.exchange.merge import apply_merge, load_incoming
from annotator.core.exchange.merge_plan import plan_merge
from annotator.core.importing.bulk import import_items
from annotator.core.project import Project, save_copy
from annotator.ui import change_wording
from annotator.ui.codebook_model import NAME
from annotator.ui.main_window import MainWindow
from annotator.ui.workbench import Workbench
from tests.ui.conftest import bench, show_document


def _code(window: MainWindow, name: str) -> str:
    assert window.project is not None
    return codebook.find_code(window.project, name).id


def _document(window: MainWindow, title: str) -> str:
    assert window.project is not None
    return find_document(window.project, title).id


def _rename_in_place(window: MainWindow, bench_: Workbench) -> None:
    index = bench_.codebook.model.index_of(_code(window, "CCTV"), NAME)
    assert bench_.codebook.model.setData(index, "  Street   cameras ")


def _select_and(name: str, call: Callable[[Workbench], object]) -> Callable[..., object]:
    def run(window: MainWindow, bench_: Workbench) -> object:
        bench_.codebook.select_code(_code(window, name))
        return call(bench_)

    return run


ACTIONS: dict[str, Callable[[MainWindow, Workbench], object]] = {
    "create": lambda w, b: b.codebook.create_code("  Drone   swarms "),
    "rename": lambda w, b: b.codebook.edit_code(_code(w, "CCTV"), name="Street  cameras"),
    "rename in place": _rename_in_place,
    "recolour": lambda w, b: b.codebook.edit_code(_code(w, "CCTV"), color="#123456"),
    "define": lambda w, b: b.codebook.edit_code(_code(w, "CCTV"), definition="Fixed cameras."),
    "key": lambda w, b: b.codebook.edit_code(_code(w, "CCTV"), shortcut="Ctrl+Shift+J"),
    "code memo": lambda w, b: b.codebook.edit_code(_code(w, "CCTV"), memo="Ask the team."),
    "two fields": lambda w, b: b.codebook.edit_code(_code(w, "CCTV"), memo="m", definition="d"),
    "move up": _select_and("Facial recognition", lambda b: b.codebook.move_by(-1)),
    "move out": _select_and("Facial recognition", lambda b: b.codebook.move_out()),
    "move in": _select_and("Facial recognition", lambda b: b.codebook.move_in()),
    "drag": lambda w, b: b.codebook.move(_code(w, "Fingerprints"), _code(w, "CCTV"), None),
    "merge": lambda w, b: b.codebook.merge(
        _code(w, "CCTV"), _code(w, "Drones and aerial surveillance")
    ),
    "delete code": lambda w, b: b.codebook.delete(_code(w, "CCTV"), CodingsPolicy.DELETE),
    "edit details": lambda w, b: (
        b.details.fields["publisher"].setText("River Ledger"),
        b.details.fields["publisher"].commit(),
    ),
    "document memo": lambda w, b: (
        b.details.document_memo.setPlainText("Check the date."),
        b.details.document_memo.commit(),
    ),
    "finish in details": lambda w, b: b.details.finished_box.click(),
    "finish in list": lambda w, b: b.documents.set_finished(
        _document(w, "Sensors on the river"), True
    ),
    "delete document": lambda w, b: b.documents.delete_document(
        _document(w, "Sensors on the river")
    ),
}


def _do(window: MainWindow, action: str) -> list[Change]:
    """Run one action on "Sensors on the river"; the Changes it broadcast."""
    show_document(window, "Sensors on the river")
    assert window.session is not None
    seen: list[Change] = []
    window.session.changed.connect(seen.append)
    ACTIONS[action](window, bench(window))
    window.session.changed.disconnect(seen.append)
    assert seen, f"{action} changed nothing"
    return seen


# What each step was called when the core still made English sentences.
ENGLISH = {
    "create": "Create code Drone swarms",
    "rename": "Rename code Street cameras",
    "rename in place": "Rename code Street cameras",
    "recolour": "Recolour code CCTV",
    "define": "Edit definition of code CCTV",
    "key": "Set shortcut of code CCTV",
    "code memo": "Edit memo of code CCTV",
    "two fields": "Edit code CCTV",
    "move up": "Move code Facial recognition",
    "move out": "Move code Facial recognition",
    "move in": "Move code Facial recognition",
    "drag": "Move code Fingerprints",
    "merge": "Merge code CCTV into Drones and aerial surveillance",
    "delete code": "Delete code CCTV",
    "edit details": "Edit details of Sensors on the river",
    "document memo": "Edit memo of Sensors on the river",
    "finish in details": "Mark document finished",
    "finish in list": "Mark document finished",
    "delete document": "Delete document Sensors on the river",
}


@pytest.mark.parametrize("action", ACTIONS)
def test_an_undo_step_is_named_from_the_kind_of_its_change(window: MainWindow, action: str) -> None:
    seen = _do(window, action)
    assert window.session is not None
    assert window.session.undo_stack.undoText() == change_wording.describe(seen[-1])
    assert window.session.undo_stack.undoText() == ENGLISH[action]
    assert window.menus.undo_action.text() == f"&Undo {ENGLISH[action]}"


class _Brackets(QTranslator):
    """Every string translated, visibly."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"[{source}]"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def bracketed() -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    translator = _Brackets()
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


@pytest.mark.parametrize(
    "action", ["create", "recolour", "merge", "edit details", "finish in list"]
)
def test_an_undo_step_is_named_in_the_users_language(
    window: MainWindow, bracketed: None, action: str
) -> None:
    _do(window, action)
    assert window.session is not None
    named = window.session.undo_stack.undoText()
    assert named.startswith("[") and named != ENGLISH[action]


def test_import_merge_and_auto_code_steps_are_named_from_their_changes(
    tmp_path: Path, project: Project, coder: coders.Coder
) -> None:
    # The dialogs run these actions; File and Review push the Changes they return.
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Police installed thermal cameras at the border crossing.\n", "utf-8")
    two.write_text("A drone filmed the protest from above the square.\n", "utf-8")
    single = import_items(project, [one], coder_id=coder.id).change
    assert single is not None
    (only,) = single.documents
    title = find_document(project, only).title
    assert change_wording.describe(single) == f"Import {title}"
    three = tmp_path / "three.txt"
    three.write_text("Informants reported on the union meeting to the police.\n", "utf-8")
    several = import_items(project, [two, three], coder_id=coder.id).change
    assert several is not None and len(several.documents) == 2
    assert change_wording.describe(several) == "Import 2 documents"

    code = codebook.find_code(project, "CCTV")
    passages = autocode.preview(project, code.id, "thermal OR drone", coder.id)
    change = autocode.apply(project, code.id, passages, coder.id)
    assert change.kind is ChangeKind.AUTO_CODE
    assert change_wording.describe(change) == f"Auto-code {len(passages)} passages as CCTV"

    copy_path = tmp_path / "partner copy.annotator"
    save_copy(project, copy_path)
    plan = plan_merge(project, load_incoming(copy_path))
    merged = apply_merge(project, plan, source=copy_path).change
    assert change_wording.describe(merged) == f"Merge {plan.source_name}"
