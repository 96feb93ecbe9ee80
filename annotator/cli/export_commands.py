"""`export`: coded excerpts to Word, CSV or XLSX, and the codebook to CSV or Word.

Also the `--import CODEBOOK.csv` option of `codes` (registered by codebook_commands),
which merges a codebook CSV (ours or Taguette's) into the project by code path.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import (
    UsageError,
    add_filters,
    add_json,
    add_project,
    emit,
    open_cli_project,
    progress,
    selection_of,
    writing_coder,
)
from annotator.cli.exchange_commands import EXCHANGE_FORMATS, export_exchange, wants_exchange_export
from annotator.cli.redaction_commands import add_redact_option, export_redacted
from annotator.core import user_settings
from annotator.core.exports.codebook_csv import import_codebook_csv
from annotator.core.exports.formats import FORMATS, ExportOptions, write_export
from annotator.core.exports.progress import ProgressCallback
from annotator.core.exports.selection import GroupBy

PROGRESS_FROM_ROWS = 2000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="write coded excerpts (docx, csv, xlsx) or the codebook (codebook-csv, -docx)",
        description=(
            "Write the selected codings as a Word report with a citation under each "
            "excerpt, or as a CSV/XLSX table with one row per coding; or write the "
            "codebook as CSV (importable by Taguette) or as a Word annex. The output "
            "file is replaced only once the export is complete."
        ),
    )
    add_project(p)
    p.add_argument(
        "--format",
        choices=[*FORMATS, "redacted", *EXCHANGE_FORMATS],
        help="default: from the output's extension (.docx, .csv, .xlsx); 'redacted' writes "
        "a copy of the project (.annotator or .qdpx) with the names of --redact replaced",
    )
    add_redact_option(p)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT", help="file to write")
    add_filters(p, subcodes=True, dates=True)
    p.add_argument(
        "--group-by",
        choices=[g.value for g in GroupBy],
        default=GroupBy.CODE.value,
        help="Word: a section per code (default) or per document; tables: row order",
    )
    p.add_argument(
        "--include-empty-codes", action="store_true", help="Word: also codes without excerpts"
    )
    p.add_argument("--memos", action="store_true", help="Word: print coding memos")
    p.add_argument(
        "--raw",
        action="store_true",
        help=(
            "CSV/XLSX: raw values for analysis in R or pandas; without it, a cell that "
            "starts with = + - @ gets a leading ' so spreadsheets never run it as a formula"
        ),
    )
    p.add_argument(
        "--bom", action="store_true", help="CSV: UTF-8 with a byte-order mark, for Excel"
    )
    add_json(p)
    p.set_defaults(func=cmd_export)


def _format_of(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = args.output.suffix.lower()
    for name in ("docx", "csv", "xlsx"):
        if FORMATS[name].suffix == suffix:
            return name
    raise UsageError(
        f"cannot tell the format from {args.output.name!r}; give --format ({', '.join(FORMATS)})"
    )


def _progress_printer(output: Path) -> ProgressCallback:
    """Progress on stderr at each tenth, for exports big enough to wait for."""
    shown = 0

    def report(done: int, total: int) -> None:
        nonlocal shown
        tenth = done * 10 // total if total >= PROGRESS_FROM_ROWS else 0
        if tenth > shown:
            shown = tenth
            progress(f"{output.name}: {done}/{total} codings written")

    return report


def cmd_export(args: argparse.Namespace) -> int:
    if wants_exchange_export(args):  # .qdpx/.qdc: annotator.cli.exchange_commands
        return export_exchange(args)
    if args.format == "redacted" or args.redact is not None:
        return export_redacted(args)
    format_name = _format_of(args)
    identity = user_settings.configured_coder()
    with open_cli_project(args) as project:
        options = ExportOptions(
            selection=selection_of(project, args),
            group_by=GroupBy(args.group_by),
            include_empty_codes=args.include_empty_codes,
            include_memos=args.memos,
            raw=args.raw,
            bom=args.bom,
        )
        result = write_export(
            project,
            format_name,
            args.output,
            options,
            coder_id=identity.id if identity else None,
            progress=_progress_printer(args.output),
        )
        encrypted = project.encrypted
    if FORMATS[format_name].uses_selection:
        summary = (
            f"Wrote {result.codings} codings from {result.documents} documents "
            f"under {result.codes} codes to {result.path}"
        )
    else:
        summary = f"Wrote {result.codes} codes to {result.path}"
    lines = [summary]
    if result.truncated_cells:
        lines.append(
            f"note: {result.truncated_cells} cells were longer than a spreadsheet cell holds "
            "(32,767 characters) and were cut; the CSV export keeps them whole"
        )
    if encrypted:
        lines.append(f"note: {result.path.name} is not encrypted, unlike the project")
    emit(args, result, lines)
    return 0


def add_import_option(parser: argparse.ArgumentParser) -> None:
    """`codes PROJECT --import CODEBOOK.csv` (called by codebook_commands.register)."""
    parser.add_argument(
        "--import",
        dest="import_codebook",
        type=Path,
        metavar="CODEBOOK.csv",
        help="merge a codebook CSV (ours or Taguette's: tag/name/path, description, color) "
        "into the project by code path",
    )
    parser.add_argument(
        "--coder", metavar="ID|NAME", help="with --import: who imports (default: you)"
    )


def cmd_import_codebook(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        coder = writing_coder(project, args)
        imported = import_codebook_csv(project, args.import_codebook, coder_id=coder.id)
    data = {
        "file": args.import_codebook,
        "created": imported.created,
        "updated": imported.updated,
        "unchanged": imported.unchanged,
        "controls_removed": imported.controls_removed,
    }
    line = (
        f"{args.import_codebook.name}: {imported.created} codes added, "
        f"{imported.updated} updated, {imported.unchanged} unchanged"
    )
    if imported.controls_removed:
        line += f"; {imported.controls_removed} control characters removed"
    emit(args, data, line)
    return 0
