"""Meeting the user's own coder in a project: added once, renamed after a rename."""

from __future__ import annotations

from annotator.core import coders, events
from annotator.core.ids import new_id
from annotator.core.project import Project


def test_a_first_visit_adds_the_coder_and_says_so(project: Project) -> None:
    coder_id = new_id()
    coder, change = coders.meet_coder(project, coder_id, "Amina Rasheed")
    assert (coder.id, coder.name) == (coder_id, "Amina Rasheed")
    assert change is not None and change.coders == {coder_id}
    assert coders.meet_coder(project, coder_id, "Amina Rasheed") == (coder, None)


def test_a_rename_in_the_settings_renames_the_coder(project: Project) -> None:
    coder_id = new_id()
    coders.meet_coder(project, coder_id, "Amina Rasheed")
    coder, change = coders.meet_coder(project, coder_id, "Amina R.")
    assert coder.name == "Amina R."
    assert change is not None and change.coders == {coder_id}
    (renamed,) = events.history(project, action="coder renamed")
    assert renamed.details == {"old": "Amina Rasheed", "new": "Amina R."}
    change.undo(project)
    assert coders.get_coder(project, coder_id).name == "Amina Rasheed"
