"""The codebook as a Word annex: each code as a heading with its definition.

Heading levels follow the code hierarchy, so the annex has a navigable outline and
a table of contents can be built from it; a code without a definition says so,
because an annex that silently skips one reads as complete when it is not.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from annotator.core.exports import docx_writing as dw
from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.selection import exported_codes
from annotator.core.exports.wording import ReportWording
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.core.storage.atomic_write import write_from_memory


def write_codebook_docx(
    project: Project,
    target: Path | str,
    selection: Selection | None = None,
    *,
    wording: ReportWording | None = None,
) -> ExportResult:
    target = Path(target)
    wording = wording or ReportWording()
    codes = exported_codes(project, selection or Selection())
    writer = dw.WordWriter(project.name, wording.codebook_title)
    styles = writer.styles
    writer.text(project.name, styles.title)
    writer.text(wording.codebook_title, styles.subtitle)
    writer.labelled(
        wording.codes,
        str(len(codes)),
        styles.details,
    )
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    writer.labelled(wording.exported, now, styles.details)
    for code in codes:
        writer.text(code.heading, styles.heading(code.level))
        if code.level > 1:  # a top-level heading already shows the full path
            writer.labelled(wording.path, code.node.path, styles.details)
        definition = code.node.code.definition.strip()
        if definition:
            writer.text(definition, styles.definition)
        else:
            writer.text(wording.no_definition, styles.note)
    write_from_memory(target, writer.save)
    return ExportResult(target, "codebook-docx", codes=len(codes))
