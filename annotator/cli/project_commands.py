"""`new`, `stats`, `check`, `finish` and `whoami`: the project as a whole."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from annotator.cli.common import (
    add_json,
    add_project,
    emit,
    open_cli_project,
    resolve_documents,
    writing_coder,
)
from annotator.core import coders, user_settings
from annotator.core.check import check_project
from annotator.core.codebook_file import new_project
from annotator.core.excerpts import project_stats


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a project (with the default codebook)")
    add_project(p)
    p.add_argument("--empty", action="store_true", help="start with an empty codebook")
    p.add_argument("--name", default="", help="a display name for the project")
    add_json(p)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("stats", help="count documents, codes, codings, coders")
    add_project(p)
    add_json(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("check", help="integrity check, and re-hash every stored original")
    add_project(p)
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
    with new_project(args.project, empty=args.empty, name=args.name) as project:
        stats = project_stats(project)
    emit(
        args,
        {"project": args.project, "codes": stats.codes},
        f"Created {args.project} with {stats.codes} codes",
    )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        stats = project_stats(project)

    def text() -> Iterator[str]:
        for name, value in vars(stats).items():
            yield f"{name:<10} {value}"

    emit(args, stats, text)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        report = check_project(project)

    def text() -> Iterator[str]:
        yield f"{args.project}: {'OK' if report.ok else 'PROBLEMS FOUND'}"
        yield f"  SQLite integrity: {report.integrity}"
        yield f"  documents re-hashed: {report.documents_checked}"
        yield f"  original files re-hashed: {report.originals_checked}"
        yield f"  codings checked against their text: {report.codings_checked}"
        for problem in report.problems:
            yield f"  problem: {problem}"

    emit(args, {**vars(report), "ok": report.ok}, text)
    return 0 if report.ok else 1


def cmd_finish(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        coder = writing_coder(project, args)
        docs = resolve_documents(project, args.document) or []
        for doc in docs:
            coders.set_finished(project, doc.id, coder.id, not args.undo)
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
