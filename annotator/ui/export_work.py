"""The Export dialog's work off the GUI thread: counting a selection, writing an export.

Each is the work of a background operation (`ui.background`): it opens its own
connection to the project file and calls only the core.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.exports.formats import ExportOptions, write_export
from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.selection import SelectionCount, count
from annotator.core.project import Project, open_project
from annotator.core.selection import Selection
from annotator.core.user_settings import configured_coder
from annotator.ui.background import Task


def _open(project: Project) -> Project:
    return open_project(project.path, read_only=project.read_only, passphrase=project.passphrase)


def count_selection(project: Project, chosen: Selection) -> SelectionCount:
    with _open(project) as own:
        return count(own, chosen)


def export(
    task: Task, project: Project, format_name: str, target: Path, options: ExportOptions
) -> ExportResult:
    """Write the export; progress is reported as (done, total)."""
    identity = configured_coder()
    with _open(project) as own:
        return write_export(
            own,
            format_name,
            target,
            options,
            coder_id=identity.id if identity else None,
            progress=lambda done, total: task.report((done, total)),
            cancelled=task.cancelled,
        )
