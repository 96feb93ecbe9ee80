"""The import dialog's work off the GUI thread: reading one preview, running the import.

Each is the work of a background operation (`ui.background`): it calls only the
core, and the import opens its own connection to the project file, so the window's
connection stays free.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.core.ids import CoderId
from annotator.core.importing import (
    Draft,
    ImportOptions,
    ImportReport,
    import_items,
    prepare_file,
    prepare_pasted,
)
from annotator.core.project import open_project
from annotator.ui.background import Task


def prepare(source: Path | str, options: ImportOptions) -> Draft:
    """Read one file, or pasted text, into a draft for the preview."""
    if isinstance(source, Path):
        return prepare_file(source, options)
    return prepare_pasted(source, options)


def run_import(
    task: Task,
    project_path: Path,
    items: Sequence[Path | Draft],
    coder_id: CoderId,
    options: ImportOptions,
    passphrase: str | None = None,
) -> ImportReport:
    """Import files, folders and drafts; each finished file is reported as progress."""
    with open_project(project_path, passphrase=passphrase) as project:
        return import_items(
            project,
            list(items),
            coder_id=coder_id,
            options=options,
            on_progress=task.report,
            should_cancel=task.cancelled,
        )
