"""`search`, `autocode`, `excerpts` and `report`: finding and reviewing from a script."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
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
    writing_coder,
)
from annotator.cli.numbers import COUNT, WIDTH
from annotator.core import autocode, excerpts, overviews, search
from annotator.core.codebook import code_path, find_code
from annotator.core.project import Project


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("search", help="find words, phrases or patterns in every document")
    add_project(p)
    p.add_argument(
        "query",
        metavar="QUERY",
        help='words, "phrases", prefix*, AND, OR, NOT, (...); or see --exact / --regex',
    )
    _add_mode(p)
    add_filters(p, codes=False, coders_=False)
    p.add_argument("--limit", type=COUNT, metavar="N", help="show at most N matches")
    p.add_argument(
        "--by-relevance", action="store_true", help="best documents first (default: by date)"
    )
    add_json(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("autocode", help="code every match of a search (preview: --dry-run)")
    add_project(p)
    p.add_argument("--code", required=True, metavar="PATH", help="code path or name")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--pattern", metavar="REGEX", help="a regular expression")
    what.add_argument("--query", metavar="FTS", help="a search as for `annotator search`")
    p.add_argument(
        "--scope",
        choices=autocode.SCOPES,
        default="match",
        help="code the match itself, or its sentence or paragraph (default: match)",
    )
    p.add_argument("--case-sensitive", action="store_true", help="for --pattern")
    add_filters(p, codes=False, coders_=False)
    p.add_argument("--coder", metavar="ID|NAME", help="default: your configured coder")
    p.add_argument("--dry-run", action="store_true", help="list the passages, code nothing")
    add_json(p)
    p.set_defaults(func=cmd_autocode)

    p = sub.add_parser("excerpts", help="list coded passages with their context")
    add_project(p)
    add_filters(p, subcodes=True, dates=True, memo=True)
    p.add_argument(
        "--match",
        choices=("any", "all"),
        default="any",
        help="all: only passages coded with every --code at once (overlapping)",
    )
    p.add_argument("--context", type=WIDTH, default=excerpts.CONTEXT_WIDTH, metavar="N")
    p.add_argument("--limit", type=COUNT, metavar="N", help="show at most N excerpts")
    add_json(p)
    p.set_defaults(func=cmd_excerpts)

    p = sub.add_parser("report", help="code frequencies, code-by-document matrix, co-occurrence")
    add_project(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--frequencies", action="store_true", help="codings and documents per code")
    which.add_argument("--matrix", action="store_true", help="codings per code and document")
    which.add_argument("--cooccurrence", action="store_true", help="codes overlapping codes")
    add_filters(p, subcodes=True)
    p.add_argument("--csv", type=Path, metavar="FILE", help="also write the table as CSV")
    add_json(p)
    p.set_defaults(func=cmd_report)


def _add_mode(p: argparse.ArgumentParser) -> None:
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--exact", action="store_true", help="QUERY is literal text")
    mode.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    p.add_argument("--case-sensitive", action="store_true", help="with --exact or --regex")


def _line(title: str, date: str, start: int, end: int, before: str, text: str, after: str) -> str:
    when = f" ({date})" if date else ""
    return f"{title}{when} [{start}-{end}]: …{before}«{text}»{after}…"


def cmd_search(args: argparse.Namespace) -> int:
    mode: search.Mode = "exact" if args.exact else "regex" if args.regex else "words"
    with open_cli_project(args) as project:
        results = search.search(
            project,
            args.query,
            mode=mode,
            case_sensitive=args.case_sensitive,
            within=selection_of(project, args),
            by_relevance=args.by_relevance,
        )
        hits = results.next_hits(args.limit) if args.limit is not None else results.all_hits()
        if results.stopped is not None:  # a regular expression ran past its time limit
            raise results.stopped
        total = results.document_count
    data = {
        "query": args.query,
        "mode": mode,
        "index": results.index,
        "documents": total,
        "complete": results.exhausted,
        "hits": hits,
    }

    def lines() -> Iterator[str]:
        shown = f"{len(hits)} match(es)" + ("" if results.exhausted else " shown")
        yield f"{shown} in {total} document(s)" if total is not None else shown
        for h in hits:
            yield _line(
                h.document_title, h.published_date, h.start, h.end, h.before, h.text, h.after
            )

    emit(args, data, lines)
    return 0


def cmd_autocode(args: argparse.Namespace) -> int:
    query, mode = (args.pattern, "regex") if args.pattern is not None else (args.query, "words")
    with open_cli_project(args) as project:
        code = find_code(project, args.code)
        path = code_path(project, code.id)
        within = selection_of(project, args)
        coder = writing_coder(project, args)
        passages = autocode.preview(
            project,
            code.id,
            query,
            coder.id,
            mode=mode,
            case_sensitive=args.case_sensitive,
            scope=args.scope,
            within=within,
        )
        new = [p for p in passages if not p.already_coded]
        added = 0
        if new and not args.dry_run:
            change = autocode.apply(project, code.id, new, coder.id, query=query, scope=args.scope)
            added = len(change.codings)
            done(change)
    data = {
        "code": path,
        "coder": coder.name,
        "query": query,
        "scope": args.scope,
        "dry_run": args.dry_run,
        "passages": passages,
        "coded": added,
        "already_coded": len(passages) - len(new),
    }

    def lines() -> Iterator[str]:
        for p in passages:
            mark = "= " if p.already_coded else "+ "
            yield mark + _line(p.document_title, "", p.start, p.end, p.before, p.text, p.after)
        skipped = len(passages) - len(new)
        note = f" ({skipped} already coded, left as they were)" if skipped else ""
        if args.dry_run:
            yield f"Would code {len(new)} passage(s) as {path}{note}; nothing was changed"
        else:
            yield f"Coded {added} passage(s) as {path} for {coder.name}{note}"

    emit(args, data, lines)
    return 0


def cmd_excerpts(args: argparse.Namespace) -> int:
    if args.match == "all" and len(args.code or []) < 2:
        raise UsageError("--match all needs at least two --code")
    with open_cli_project(args) as project:
        found = excerpts.excerpts(
            project,
            selection_of(project, args),
            match=args.match,
            context=args.context,
            limit=args.limit,
        )

    def lines() -> Iterator[str]:
        for e in found:
            yield _line(
                e.document_title, e.published_date, e.start, e.end, e.before, e.quote, e.after
            )
            yield f"    {e.code_name} · {e.coder_name}" + (f" · memo: {e.memo}" if e.memo else "")
        yield f"{len(found)} excerpt(s)"

    emit(args, found, lines)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        data, rows = _report(project, args)
        if args.csv:  # while the project is open, so the output guard knows to spare it
            overviews.write_csv(args.csv, rows)

    def lines() -> Iterator[str]:
        yield from _aligned(rows)
        if args.csv:
            yield f"Wrote {args.csv}"

    emit(args, data, lines)
    return 0


def _report(project: Project, args: argparse.Namespace) -> tuple[object, list[overviews.Row]]:
    chosen = selection_of(project, args)
    if args.frequencies:
        found = overviews.frequencies(project, chosen)
        return found, overviews.frequency_rows(found)
    if args.matrix:
        matrix = overviews.code_document_matrix(project, chosen)
        return matrix, overviews.matrix_rows(matrix)
    pairs = overviews.cooccurrence(project, chosen)
    return pairs, overviews.cooccurrence_rows(pairs)


def _aligned(rows: Sequence[overviews.Row]) -> Iterator[str]:
    """A plain-text table: the first column left-aligned, numbers to the right."""
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [
            str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i])
            for i, cell in enumerate(row)
        ]
        yield "  ".join(cells).rstrip()
