"""The project memo: research questions, decisions and open issues, kept in the file.

Setting it is an action like any other: one transaction with its audit event, and a
Change whose inverse puts the previous memo back (Edit › Undo).
"""

from __future__ import annotations

from annotator.core import events, text_controls
from annotator.core.changes import Change, ChangeKind
from annotator.core.ids import CoderId
from annotator.core.project import Project

SETTING = "memo"  # its key in project_settings


def project_memo(project: Project) -> str:
    return project.setting(SETTING)


def set_project_memo(project: Project, memo: str, *, coder_id: CoderId | None = None) -> Change:
    """Replace the memo; the event keeps the text before and after."""
    cleaned = text_controls.without_controls(memo)  # it reaches the exports
    before = project_memo(project)
    with project.transaction() as conn:
        project.set_setting(SETTING, cleaned.text)  # inside this one transaction
        events.record(
            conn,
            "project memo edited",
            coder_id,
            before=before,
            after=cleaned.text,
            **text_controls.removal_details({"memo": cleaned.removed}),
        )
    return Change(
        kind=ChangeKind.EDIT_PROJECT_MEMO,
        inverse=lambda p: set_project_memo(p, before, coder_id=coder_id),
    )
