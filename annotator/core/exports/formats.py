"""The one export action the GUI and the CLI call, and the formats it knows.

A format is a name (`docx`, `csv`, ...) mapped to a writer taking the project, the
target and the options; adding one (qdpx, qdc, a redacted report) is one entry in
FORMATS. Each writer's module is imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.exports.outcome import ExportResult, record_export
from annotator.core.exports.progress import CancelCheck, ProgressCallback
from annotator.core.exports.selection import GroupBy
from annotator.core.exports.wording import ReportWording
from annotator.core.ids import CoderId
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.core.unwritable import Scope, check_exportable_text


@dataclass(frozen=True)
class ExportOptions:
    """Everything a user can choose; each format uses the options that concern it."""

    selection: Selection = field(default_factory=Selection)
    group_by: GroupBy = GroupBy.CODE
    include_empty_codes: bool = False
    include_memos: bool = False
    raw: bool = False  # CSV/XLSX: exact values for analysis, no formula neutralising
    bom: bool = False  # CSV: a UTF-8 byte-order mark, so Excel reads the encoding
    wording: ReportWording = field(default_factory=ReportWording)


Writer = Callable[
    [Project, Path, ExportOptions, ProgressCallback | None, CancelCheck | None], ExportResult
]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    uses_selection: bool  # False: the whole codebook (or the chosen codes) only
    writer: Writer


def _docx(
    project: Project,
    target: Path,
    options: ExportOptions,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
) -> ExportResult:
    from annotator.core.exports.word import write_report

    return write_report(
        project,
        target,
        options.selection,
        group_by=options.group_by,
        include_empty_codes=options.include_empty_codes,
        include_memos=options.include_memos,
        wording=options.wording,
        progress=progress,
        cancelled=cancelled,
    )


def _csv(
    project: Project,
    target: Path,
    options: ExportOptions,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
) -> ExportResult:
    from annotator.core.exports.table import write_csv

    return write_csv(
        project,
        target,
        options.selection,
        raw=options.raw,
        bom=options.bom,
        group_by=options.group_by,
        progress=progress,
        cancelled=cancelled,
    )


def _xlsx(
    project: Project,
    target: Path,
    options: ExportOptions,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
) -> ExportResult:
    from annotator.core.exports.table import write_xlsx

    return write_xlsx(
        project,
        target,
        options.selection,
        raw=options.raw,
        group_by=options.group_by,
        progress=progress,
        cancelled=cancelled,
    )


def _codebook_csv(
    project: Project,
    target: Path,
    options: ExportOptions,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
) -> ExportResult:
    from annotator.core.exports.codebook_csv import write_codebook_csv

    return write_codebook_csv(project, target, _codebook_selection(options))


def _codebook_docx(
    project: Project,
    target: Path,
    options: ExportOptions,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
) -> ExportResult:
    from annotator.core.exports.codebook_word import write_codebook_docx

    return write_codebook_docx(
        project, target, _codebook_selection(options), wording=options.wording
    )


def _codebook_selection(options: ExportOptions) -> Selection:
    """Codebook files hold the chosen codes (all by default), whatever else was chosen."""
    chosen = options.selection
    return Selection(code_ids=chosen.code_ids, with_subcodes=chosen.with_subcodes)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("docx", ".docx", True, _docx),
        ExportFormat("csv", ".csv", True, _csv),
        ExportFormat("xlsx", ".xlsx", True, _xlsx),
        ExportFormat("codebook-csv", ".csv", False, _codebook_csv),
        ExportFormat("codebook-docx", ".docx", False, _codebook_docx),
    )
}

# Which stored values each XML format writes (CSV holds any character).
_TEXT_SCOPES = {"docx": Scope.REPORT, "xlsx": Scope.EVERYTHING, "codebook-docx": Scope.CODEBOOK}


def write_export(
    project: Project,
    format_name: str,
    target: Path | str,
    options: ExportOptions | None = None,
    *,
    coder_id: CoderId | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Write one export and log it; the target holds a complete file or is untouched."""
    export_format = FORMATS[format_name]
    options = options or ExportOptions()
    scope = _TEXT_SCOPES.get(format_name)
    if scope is not None:  # an XML file: refuse what it cannot hold before writing
        if scope is Scope.REPORT and options.include_memos:
            scope = Scope.EVERYTHING
        check_exportable_text(project, scope)
    result = export_format.writer(project, Path(target), options, progress, cancelled)
    record_export(
        project,
        result,
        options.selection if export_format.uses_selection else _codebook_selection(options),
        coder_id,
        group_by=options.group_by.value,
        include_empty_codes=options.include_empty_codes,
        include_memos=options.include_memos,
        raw=options.raw,
        bom=options.bom,
    )
    return result
