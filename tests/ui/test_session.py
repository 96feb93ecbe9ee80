"""The session's three doors: run an action, record one already done, notify the views."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import codebook, coders, documents
from annotator.core.changes import Change, ChangeKind
from annotator.core.project import Project
from annotator.ui.session import ProjectSession


@pytest.fixture
def session(qtbot: QtBot, project: Project, coder: coders.Coder) -> ProjectSession:
    return ProjectSession(project, coder)


def heard(session: ProjectSession) -> list[Change]:
    changes: list[Change] = []
    session.changed.connect(changes.append)
    return changes


def test_record_puts_an_action_done_elsewhere_on_the_undo_stack(
    session: ProjectSession, project: Project
) -> None:
    """An import or a merge ran in a worker: undo takes it back like any other action."""
    document = documents.store_document(
        project, documents.NewDocument(title="Gate report", text="Cameras at the gate.")
    )
    deleted = documents.delete_document(project, document.id)  # done outside the session
    changes = heard(session)
    session.record(deleted, text="Delete Gate report")
    assert changes == [deleted]
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Delete Gate report"
    session.undo_stack.undo()
    assert documents.get_document(project, document.id).title == "Gate report"
    assert [c.documents for c in changes] == [deleted.documents] * 2  # the views heard it


def test_record_of_several_changes_is_one_undo_step(
    session: ProjectSession, project: Project
) -> None:
    first = codebook.create_code(project, "Licence plate readers")
    second = codebook.create_code(project, "Gait analysis")
    changes = heard(session)
    session.record(first, second)
    assert changes == [first, second]
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Create code Gait analysis"
    session.undo_stack.undo()
    names = {c.name for c in codebook.list_codes(project)}
    assert not names & {"Licence plate readers", "Gait analysis"}


def test_notify_tells_the_views_and_leaves_nothing_to_undo(session: ProjectSession) -> None:
    """Another window's commit: every view re-reads, and there is nothing to take back."""
    outside = Change(ChangeKind.OUTSIDE_CHANGES, codebook_changed=True)
    changes = heard(session)
    session.notify(outside)
    assert changes == [outside]
    assert session.undo_stack.count() == 0


def test_run_goes_through_record(session: ProjectSession, project: Project) -> None:
    changes = heard(session)
    done = session.run(lambda p: codebook.create_code(p, "Drone sightings"))
    assert done is not None and changes == done
    assert session.undo_stack.count() == 1
