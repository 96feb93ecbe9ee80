"""Opening a project as the configured coder."""

from __future__ import annotations

import unicodedata

from annotator.core import events, user_settings
from annotator.core.project import Project
from annotator.ui.opening import coder_for


def test_a_name_typed_with_separate_accents_is_not_renamed_on_every_visit(
    project: Project,
) -> None:
    """The name is stored in NFC (issue 18); the setting may hold it in NFD."""
    user_settings.set_configured_coder(unicodedata.normalize("NFD", "Zoë"))
    first = coder_for(project)
    again = coder_for(project)
    assert first is not None and again is not None
    assert first.id == again.id and again.name == "Zoë"
    assert events.history(project, action="coder renamed") == []
