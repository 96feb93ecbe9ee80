"""What an export wrote, and the audit-log entry that records it.

Exports change nothing in the project, so they return an ExportResult rather than an
undoable Change; the event keeps the chain of custody (who exported what, where, when).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from annotator.core import events
from annotator.core.ids import CoderId
from annotator.core.project import Project
from annotator.core.selection import Selection


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    codings: int = 0
    documents: int = 0
    codes: int = 0
    # cells cut to a spreadsheet's 32,767-character limit (XLSX only)
    truncated_cells: int = 0


def record_export(
    project: Project,
    result: ExportResult,
    selection: Selection | None,
    coder_id: CoderId | None,
    **options: object,
) -> None:
    """Append the export to the audit log in its own small transaction."""
    if project.read_only:
        return
    with project.transaction() as conn:
        events.record(
            conn,
            "export written",
            coder_id,
            format=result.format,
            file=str(result.path),
            codings=result.codings,
            documents=result.documents,
            codes=result.codes,
            selection=asdict(selection) if selection else None,
            options=options,
        )
