"""`export --format redacted --redact LIST.txt -o OUT.annotator|OUT.qdpx`.

Writes a fresh copy in which every name or pattern of LIST.txt is replaced by a
placeholder; `annotator.core.redaction_rules` describes the list's format.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import UsageError, emit, progress
from annotator.cli.passphrase import open_with_passphrase
from annotator.core import user_settings
from annotator.core.redacted_copy import write_redacted_copy
from annotator.core.redaction import plan_redaction
from annotator.core.redaction_rules import read_rules

REDACTED_SUFFIXES = (".annotator", ".qdpx")


def add_redact_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redact",
        type=Path,
        metavar="LIST.txt",
        help="with --format redacted: names to replace, one a line (UTF-8); 're:' starts "
        "a regular expression, '=> TEXT' chooses the placeholder, '#' a comment",
    )


def export_redacted(args: argparse.Namespace) -> int:
    if args.redact is None:
        raise UsageError("--format redacted needs --redact LIST.txt")
    if args.output.suffix.lower() not in REDACTED_SUFFIXES:
        raise UsageError(
            f"a redacted copy is a project: name the output .annotator or .qdpx, "
            f"not {args.output.name!r}"
        )
    rules = read_rules(args.redact)
    identity = user_settings.configured_coder()
    with open_with_passphrase(args.project) as project:
        plan = plan_redaction(project, rules)
        for rule in plan.unused_rules():
            progress(f"note: {rule.pattern!r} occurs nowhere in the project")
        copy = write_redacted_copy(
            project, rules, args.output, coder_id=identity.id if identity else None
        )
    lines = [
        f"Wrote a redacted copy to {copy.path}: {copy.documents} documents, "
        f"{copy.codings} codings, {copy.replacements} replacements",
        *(f"  {plan.count(rule):>6}  {rule.pattern} -> {rule.placeholder}" for rule in rules),
        "note: the copy is not encrypted; send it only through a channel you trust",
    ]
    data = {
        "path": copy.path,
        "documents": copy.documents,
        "codings": copy.codings,
        "replacements": copy.replacements,
        "encrypted": copy.encrypted,
        "per_rule": [{"pattern": r.pattern, "count": plan.count(r)} for r in rules],
    }
    emit(args, data, lines)
    return 0
