"""`new`, `stats`, `check`, `finish` and `whoami`: the project as a whole."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from typing import Any

from annotator.cli.common import (
    UsageError,
    add_json,
    add_project,
    done,
    emit,
    open_cli_project,
    progress,
    resolve_documents,
    writing_coder,
)
from annotator.cli.passphrase import PASSPHRASE_VARIABLE, ask_passphrase, open_with_passphrase
from annotator.core import cipher_driver, coders, errors, user_settings
from annotator.core.check import CheckReport, check_project
from annotator.core.codebook_file import new_project
from annotator.core.excerpts import project_stats
from annotator.core.schema_repair import SchemaRepair, repair_project


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "new",
        help="create a project (with the default codebook); encrypted when "
        f"{PASSPHRASE_VARIABLE} is set",
    )
    add_project(p)
    p.add_argument("--empty", action="store_true", help="start with an empty codebook")
    p.add_argument("--name", default="", help="a display name for the project")
    add_json(p)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("stats", help="count documents, codes, codings, coders")
    add_project(p)
    add_json(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser(
        "check",
        help="integrity check, the schema and value types, and re-hash every stored original",
    )
    add_project(p)
    p.add_argument(
        "--repair",
        action="store_true",
        help="after a backup, remove schema parts Annotator never writes, restore missing "
        "ones and turn BLOBs back into text",
    )
    add_json(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("finish", help="mark documents finished for a coder")
    add_project(p)
    p.add_argument("--document", action="append", required=True, metavar="ID|TITLE")
    p.add_argument("--coder", metavar="ID|NAME", help="default: your configured coder")
    p.add_argument("--undo", action="store_true", help="mark them not finished again")
    add_json(p)
    p.set_defaults(func=cmd_finish)

    p = sub.add_parser("whoami", help="show or set your coder name (shared with the app)")
    p.add_argument("name", nargs="?", help="your name as a coder")
    add_json(p)
    p.set_defaults(func=cmd_whoami)


def cmd_new(args: argparse.Namespace) -> int:
    passphrase = _new_passphrase(args)
    with new_project(
        args.project, empty=args.empty, name=args.name, passphrase=passphrase
    ) as project:
        stats = project_stats(project)
    encrypted = " (encrypted)" if passphrase else ""
    emit(
        args,
        {"project": args.project, "codes": stats.codes, "encrypted": passphrase is not None},
        f"Created {args.project}{encrypted} with {stats.codes} codes",
    )
    return 0


def _new_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase a new project is encrypted with: the one other commands open it with.

    A set ANNOTATOR_PASSPHRASE means the researcher wants the project encrypted, so an
    installation that cannot encrypt refuses rather than quietly write a plain file.
    """
    given = os.environ.get(PASSPHRASE_VARIABLE)
    if not given:
        return None
    if not cipher_driver.available():
        raise UsageError(
            f"{PASSPHRASE_VARIABLE} is set, but this installation cannot create encrypted "
            "projects (it needs the sqlcipher3-wheels package); unset "
            f"{PASSPHRASE_VARIABLE} to create a plain project"
        )
    return given


def cmd_stats(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        stats = project_stats(project)

    def text() -> Iterator[str]:
        for name, value in vars(stats).items():
            yield f"{name:<10} {value}"

    emit(args, stats, text)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    report, passphrase = _checked(args)
    repaired: SchemaRepair | None = None
    if args.repair and report.repairable:
        progress(f"Backing up and repairing {args.project}…")
        repaired = repair_project(args.project, passphrase=passphrase)
        report, _ = _checked(args)

    def text() -> Iterator[str]:
        if repaired is not None:
            yield from _repair_lines(repaired)
        yield f"{args.project}: {'OK' if report.ok else 'PROBLEMS FOUND'}"
        yield f"  SQLite integrity: {report.integrity}"
        for difference in report.schema:
            yield f"  schema: {difference}"
        for damage in report.value_types:
            yield f"  stored values: {damage}"
        yield f"  documents re-hashed: {report.documents_checked}"
        yield f"  original files re-hashed: {report.originals_checked}"
        yield f"  codings checked against their text: {report.codings_checked}"
        for problem in report.problems:
            yield f"  problem: {problem}"
        if report.repairable:
            yield (
                f"  `annotator check --repair {args.project}` repairs the schema and the "
                "stored values after taking a backup; writing is refused until then"
            )

    data: dict[str, Any] = {**vars(report), "ok": report.ok, "repairable": report.repairable}
    if repaired is not None:
        data["repair"] = repaired
    emit(args, data, text)
    return 0 if report.ok else 1


def _checked(args: argparse.Namespace) -> tuple[CheckReport, str | None]:
    """The check's report and the passphrase the project opened with."""
    try:
        with open_with_passphrase(args.project, damaged_schema_ok=True) as project:
            return check_project(project), project.passphrase
    except errors.UntrustedSchema as exc:  # it needs upgrading, which must not run first
        passphrase = None
        if cipher_driver.looks_encrypted(args.project):
            passphrase = ask_passphrase(args.project)
        report = CheckReport(integrity="not checked until the schema is repaired")
        report.schema = list(exc.differences)
        return report, passphrase


def _repair_lines(repaired: SchemaRepair) -> Iterator[str]:
    yield f"Backed up to {repaired.backup}"
    for difference in repaired.repaired:
        yield f"Repaired: {difference}"
    for damage in repaired.values_retyped:
        yield f"Made text again: {damage.table}.{damage.column} ({damage.rows} rows)"
    for damage in repaired.values_left:
        yield f"Not repairable, restore a backup: {damage}"
    for index in repaired.full_text_rebuilt:
        yield f"Full-text index rebuilt: {index}"
    if repaired.name_keys_refreshed:
        yield f"Name lookup keys computed afresh: {repaired.name_keys_refreshed} out of date"


def cmd_finish(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        coder = writing_coder(project, args)
        docs = resolve_documents(project, args.document) or []
        for doc in docs:
            done(coders.set_finished(project, doc.id, coder.id, not args.undo))
    state = "not finished" if args.undo else "finished"
    emit(
        args,
        {"coder": coder, "documents": [d.id for d in docs], "finished": not args.undo},
        [f"{d.title}: {state} for {coder.name}" for d in docs],
    )
    return 0


def cmd_whoami(args: argparse.Namespace) -> int:
    identity = (
        user_settings.set_configured_coder(args.name)
        if args.name
        else user_settings.configured_coder()
    )
    emit(
        args,
        identity,
        f"You code as {identity.name}" if identity else "No coder name set yet",
    )
    return 0
