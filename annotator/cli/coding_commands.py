"""`code`: apply a code to a passage from a script."""

from __future__ import annotations

import argparse

from annotator.cli.common import (
    UsageError,
    add_json,
    add_project,
    done,
    emit,
    open_cli_project,
    writing_coder,
)
from annotator.cli.numbers import COUNT, OFFSET
from annotator.core import coding, errors
from annotator.core.codebook import code_path, find_code
from annotator.core.documents import find_document


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("code", help="code a passage of a document")
    add_project(p)
    p.add_argument("--code", required=True, metavar="PATH", help="code path or name")
    p.add_argument("--document", required=True, metavar="ID|TITLE")
    p.add_argument("--quote", help="the exact text to code")
    p.add_argument(
        "--occurrence", type=COUNT, metavar="N", help="which occurrence of --quote (1 = first)"
    )
    p.add_argument("--start", type=OFFSET, help="start offset (code points)")
    p.add_argument("--end", type=OFFSET, help="end offset (code points, exclusive)")
    p.add_argument("--coder", metavar="ID|NAME", help="default: your configured coder")
    p.add_argument("--memo", default="", help="a memo on the coding")
    add_json(p)
    p.set_defaults(func=cmd_code)


def _span(text: str, args: argparse.Namespace) -> tuple[int, int]:
    if args.quote is not None:
        if args.start is not None or args.end is not None:
            raise UsageError("give either --quote or --start/--end, not both")
        found = coding.find_quote(text, args.quote)
        if not found:
            raise errors.QuoteNotFound(args.quote)
        if args.occurrence is not None:
            if not 1 <= args.occurrence <= len(found):
                raise UsageError(
                    f"--occurrence {args.occurrence}: the quote occurs {len(found)} time(s)"
                )
            start = found[args.occurrence - 1]
        elif len(found) > 1:
            raise errors.QuoteNotFound(args.quote, found)
        else:
            start = found[0]
        return start, start + len(args.quote)
    if args.start is None or args.end is None:
        raise UsageError("give --quote TEXT, or both --start N and --end N")
    return args.start, args.end


def cmd_code(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        code = find_code(project, args.code)
        document = find_document(project, args.document)
        start, end = _span(document.text, args)
        coder = writing_coder(project, args)
        change = coding.add_coding(
            project, document.id, code.id, start, end, coder.id, memo=args.memo
        )
        done(change)
        added = coding.get_coding(project, next(iter(change.codings)))
        path = code_path(project, code.id)
    emit(
        args,
        {**vars(added), "code_path": path, "coder_name": coder.name},
        f"Coded {start}-{end} of {document.title!r} as {path}: {added.quote!r}",
    )
    return 0
