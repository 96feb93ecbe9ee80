"""`merge` and `agreement`: bring work together, and see how consistently it was coded."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from annotator.cli.common import (
    UsageError,
    add_filters,
    add_json,
    add_project,
    done,
    emit,
    open_cli_project,
    selection_of,
)
from annotator.core import user_settings
from annotator.core.codebook import codebook_tree
from annotator.core.exchange.agreement import AgreementReport, agreement
from annotator.core.exchange.conflicts import Choice, Conflict, ConflictKind, MergePlan
from annotator.core.exchange.errors import MergeConflicts
from annotator.core.exchange.incoming import ImportReport, SkipReason
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.exchange.qdc import export_qdc
from annotator.core.exchange.qdpx_export import export_qdpx

DISAGREEMENTS_SHOWN = 20

_CONFLICT_WORDS = {
    ConflictKind.CODE_DETAILS: "code {subject!r} differs",
    ConflictKind.CODE_PLACE: "code {subject!r} sits elsewhere in the code tree",
    ConflictKind.DOCUMENT_TEXT: "document {subject!r} has the same id but another text",
    ConflictKind.DOCUMENT_DETAILS: "document {subject!r} has other details",
    ConflictKind.CODER_NAME: "coder {subject!r}: same name, another id (one person or two?)",
    ConflictKind.CODING_CHANGED: "a {subject} was changed in both copies",
}
_THEIRS_MEANS = {
    ConflictKind.DOCUMENT_TEXT: "theirs adds their version as a separate document",
    ConflictKind.CODER_NAME: "theirs treats them as the same person",
}
SKIP_WORDS = {
    SkipReason.UNSUPPORTED: "cannot be represented in Annotator",
    SkipReason.OUTSIDE_ARCHIVE: "points to a file outside the archive, which is never read",
    SkipReason.MISSING_FILE: "refers to a file that is not in the archive",
    SkipReason.TOO_LARGE: "is larger than the import limit",
    SkipReason.BAD_POSITION: "has positions outside its text",
    SkipReason.DANGLING_REFERENCE: "refers to something the file does not contain",
    SkipReason.UNREADABLE_TEXT: "has text that cannot be decoded",
    SkipReason.INVALID_VALUE: "has a value that does not fit",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "merge",
        help="bring in another copy (.annotator) or a REFI-QDA project (.qdpx) or codebook (.qdc)",
    )
    add_project(p)
    p.add_argument("other", metavar="OTHER", type=Path, help="the .annotator, .qdpx or .qdc file")
    p.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
    p.add_argument(
        "--on-conflict",
        choices=[c.value for c in Choice] + ["abort"],
        default="abort",
        help="abort (default: change nothing and list the conflicts), ours or theirs",
    )
    add_json(p)
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("agreement", help="intercoder agreement per code (kappa, alpha)")
    add_project(p)
    add_filters(
        p,
        subcodes=True,
        dates=True,
        coders_required=True,
        codes_help="default: every code used",
        coders_help="a coder to compare, by id or name; give two or more",
    )
    p.add_argument(
        "--include-unfinished",
        action="store_true",
        help="count every document they coded, not only the ones all of them finished",
    )
    add_json(p)
    p.set_defaults(func=cmd_agreement)


def _values(values: dict[str, str]) -> str:
    return "; ".join(f"{k}: {v!r}" for k, v in values.items())


def conflict_lines(conflict: Conflict) -> Iterator[str]:
    if conflict.kind is ConflictKind.CODER_NAME and "id" not in conflict.ours:
        yield f"  coder {conflict.subject!r} has another name in the file"
    else:
        yield "  " + _CONFLICT_WORDS[conflict.kind].format(subject=conflict.subject)
    yield f"    ours:   {_values(conflict.ours)}"
    yield f"    theirs: {_values(conflict.theirs)}"
    if conflict.kind in _THEIRS_MEANS:
        yield f"    ({_THEIRS_MEANS[conflict.kind]})"


def report_lines(report: ImportReport) -> Iterator[str]:
    if report.not_imported:
        yield f"Not imported ({len(report.not_imported)}):"
        for item in report.not_imported:
            detail = f" ({item.detail})" if item.detail else ""
            yield f"  {item.kind} {item.name!r}: {SKIP_WORDS[item.reason]}{detail}"
    for warning in report.warnings:
        yield f"Note: {warning}"
    if report.controls_removed:
        yield f"Note: {report.controls_removed} control characters removed from names and memos"


def plan_lines(plan: MergePlan) -> Iterator[str]:
    yield f"From {plan.source_name}:"
    known_coders = len(set(plan.coder_map.values()) - {c.id for c in plan.new_coders})
    yield f"  coders:    {len(plan.new_coders)} new, {known_coders} known"
    yield f"  codes:     {len(plan.new_codes)} new, {len(plan.code_matches)} matched"
    yield f"  documents: {len(plan.new_documents)} new, {len(plan.document_matches)} matched"
    yield (
        f"  codings:   {len(plan.new_codings)} new, {plan.duplicate_codings} already here"
        + (f", {plan.skipped_codings} left out" if plan.skipped_codings else "")
    )
    if plan.finished:
        yield f"  finished marks: {len(plan.finished)}"
    if plan.conflicts:
        yield f"Conflicts ({len(plan.conflicts)}):"
        for conflict in plan.conflicts:
            yield from conflict_lines(conflict)
    yield from report_lines(plan.report)


def _plan_data(plan: MergePlan) -> dict[str, object]:
    return {
        "source": plan.source_name,
        "coders_added": [c.name for c in plan.new_coders],
        "codes_added": [c.name for c in plan.new_codes],
        "codes_matched": plan.code_matches,
        "documents_added": [d.title for d in plan.new_documents],
        "documents_matched": plan.document_matches,
        "codings_added": len(plan.new_codings),
        "duplicate_codings": plan.duplicate_codings,
        "codings_left_out": plan.skipped_codings,
        "finished_marks": len(plan.finished),
        "conflicts": plan.conflicts,
        "choices": plan.choices,
        "not_imported": plan.report.not_imported,
        "warnings": plan.report.warnings,
        "controls_removed": plan.report.controls_removed,
    }


def cmd_merge(args: argparse.Namespace) -> int:
    default = None if args.on_conflict == "abort" else Choice(args.on_conflict)
    with open_cli_project(args) as project:
        incoming = load_incoming(args.other)
        plan = plan_merge(project, incoming, default=default)
        data = _plan_data(plan)
        if args.dry_run:
            emit(args, {**data, "merged": False}, lambda: plan_lines(plan))
            return 0
        if plan.unresolved:
            emit(args, {**data, "merged": False}, lambda: plan_lines(plan))
            raise MergeConflicts(plan)
        if not plan.changes_anything:
            nothing = f"Nothing new in {args.other.name}; {args.project} is unchanged"
            emit(args, {**data, "merged": False}, lambda: [*plan_lines(plan), nothing])
            return 0
        identity = user_settings.configured_coder()
        result = apply_merge(
            project, plan, coder_id=identity.id if identity else None, source=args.other
        )
        done(result.change)

    def text() -> Iterator[str]:
        yield from plan_lines(plan)
        yield f"Merged into {args.project}; the project as it was is saved at {result.backup}"

    emit(args, {**data, "merged": True, "backup": result.backup}, text)
    return 0


def _figure(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def agreement_lines(report: AgreementReport) -> Iterator[str]:
    names = [report.coder_names[c] for c in report.coder_ids]
    basis = "coded" if report.include_unfinished else "finished by all of them"
    count = len(report.document_ids)
    yield f"Coders: {', '.join(names)}; {count} document{'s' if count != 1 else ''} {basis}"
    if not report.document_ids:
        yield "Nothing to compare: mark documents finished, or use --include-unfinished"
        return
    width = max([len(r.code_path) for r in report.codes] + [7])
    yield f"{'code':<{width}}  {'chars':>8}  {'agree %':>7}  {'kappa':>6}  {'alpha':>6}"
    for row in [*report.codes, report.overall]:
        label = row.code_path or "overall"
        yield (
            f"{label:<{width}}  {row.characters:>8}  {_figure(row.percent, 1):>7}  "
            f"{_figure(row.kappa):>6}  {_figure(row.alpha):>6}"
        )
    if report.disagreements:
        yield f"Disagreements ({len(report.disagreements)}):"
        for item in report.disagreements[:DISAGREEMENTS_SHOWN]:
            who = ", ".join(report.coder_names[c] for c in item.coded_by)
            yield (
                f"  {item.document_title} {item.start}-{item.end} {item.code_path}: "
                f"coded by {who} only: {item.quote[:60]!r}"
            )
        hidden = len(report.disagreements) - DISAGREEMENTS_SHOWN
        if hidden > 0:
            yield f"  ... and {hidden} more (--json lists them all)"


def cmd_agreement(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        chosen = selection_of(project, args)
        if len(chosen.coder_ids or ()) < 2:
            raise UsageError("give two or more different coders with --coder")
        report = agreement(project, chosen, include_unfinished=args.include_unfinished)
    emit(args, report, lambda: agreement_lines(report))
    return 0


# `export --format qdpx|qdc` (registered by export_commands beside the other formats)
EXCHANGE_FORMATS = {"qdpx": ".qdpx", "qdc": ".qdc"}


def wants_exchange_export(args: argparse.Namespace) -> bool:
    """True for `export` to a REFI-QDA file, named by --format or by the output's extension."""
    if getattr(args, "redact", None) is not None:
        return False  # a redacted copy is written by the redaction export, even as .qdpx
    if args.format:
        return args.format in EXCHANGE_FORMATS
    return args.output.suffix.lower() in EXCHANGE_FORMATS.values()


def export_exchange(args: argparse.Namespace) -> int:
    format_name = args.format or next(
        name for name, suffix in EXCHANGE_FORMATS.items() if args.output.suffix.lower() == suffix
    )
    if any(getattr(args, name, None) for name in ("code", "coder", "document")):
        raise UsageError(f"--format {format_name} exports the whole project; drop the filters")
    identity = user_settings.configured_coder()
    coder_id = identity.id if identity else None
    with open_cli_project(args) as project:
        if format_name == "qdc":
            path = export_qdc(project, args.output, coder_id=coder_id)
            count = len(codebook_tree(project))
            emit(args, {"path": path, "codes": count}, f"Wrote {count} codes to {path}")
            return 0
        summary = export_qdpx(project, args.output, coder_id=coder_id)
    emit(
        args,
        summary,
        f"Wrote {summary.documents} documents, {summary.codes} codes and {summary.codings} "
        f"codings to {summary.path}",
    )
    return 0
