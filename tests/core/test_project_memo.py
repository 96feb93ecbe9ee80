"""The project memo as an action: stored, logged, and undone like any other."""

from __future__ import annotations

from annotator.core import coders, events
from annotator.core.project import Project
from annotator.core.project_memo import project_memo, set_project_memo


def test_setting_the_memo_is_logged_with_before_and_after(
    project: Project, coder: coders.Coder
) -> None:
    set_project_memo(project, "Who supplies the cameras?", coder_id=coder.id)
    set_project_memo(project, "Who pays for them?", coder_id=coder.id)
    assert project_memo(project) == "Who pays for them?"
    latest, first = events.history(project, action="project memo edited")
    assert first.details == {"before": "", "after": "Who supplies the cameras?"}
    assert latest.details == {"before": "Who supplies the cameras?", "after": "Who pays for them?"}
    assert latest.coder_id == coder.id


def test_undo_puts_the_previous_memo_back_and_redo_the_new_one(project: Project) -> None:
    set_project_memo(project, "First question")
    change = set_project_memo(project, "Second question")
    redo = change.undo(project)
    assert project_memo(project) == "First question"
    redo.undo(project)
    assert project_memo(project) == "Second question"
    actions = [e.details["after"] for e in events.history(project, action="project memo edited")]
    assert actions == ["Second question", "First question", "Second question", "First question"]


def test_control_characters_are_removed_and_counted(project: Project) -> None:
    set_project_memo(project, "Cameras\x1b[2J at the gate\x07")
    assert project_memo(project) == "Cameras[2J at the gate"
    (event,) = events.history(project, action="project memo edited")
    assert event.details["controls_removed"] == {"memo": 2}
