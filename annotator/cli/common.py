"""What every subcommand shares: output as text or JSON, and the common filters.

`--code PATH`, `--coder ID|NAME` and `--document ID|TITLE` mean the same everywhere;
a name that fits two coders or documents is an error listing them.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from annotator.cli import change_wording
from annotator.cli.passphrase import open_with_passphrase
from annotator.cli.terminal import shown, shown_json
from annotator.core import codebook, coders, documents, errors, user_settings
from annotator.core.changes import Change
from annotator.core.project import Project
from annotator.core.selection import Selection

log = logging.getLogger("annotator.cli")


class UsageError(errors.AnnotatorError):
    """A command line that cannot be carried out as written."""


def jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return None
    return value


def emit(
    args: argparse.Namespace, data: Any, text: Callable[[], Iterable[str]] | Iterable[str] | str
) -> None:
    """Print `data` as JSON with --json, else the human-readable lines.

    Everything printed passes the terminal guard (`cli.terminal`): data is never
    allowed to send escape sequences to the user's terminal.
    """
    if getattr(args, "json", False):
        sys.stdout.write(shown_json(json.dumps(jsonable(data), ensure_ascii=False, indent=2)))
        sys.stdout.write("\n")
        return
    if isinstance(text, str):
        lines: Iterable[str] = [text]
    elif callable(text):
        lines = text()
    else:
        lines = text
    for line in lines:
        print(shown(line))


def done(change: Change) -> None:
    """Log what a command changed (shown with `annotator -v`)."""
    log.info("%s", shown(change_wording.describe(change)))


def progress(message: str) -> None:
    print(shown(message), file=sys.stderr, flush=True)


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def add_project(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJECT", type=Path, help="the .annotator file")


FILTER_OPTIONS = "filter_options"  # where add_filters notes which options it added


def add_filters(
    parser: argparse.ArgumentParser,
    *,
    codes: bool = True,
    coders_: bool = True,
    docs: bool = True,
    subcodes: bool = False,
    dates: bool = False,
    memo: bool = False,
    coders_required: bool = False,
    codes_help: str = "a code, by path or name (repeatable)",
    coders_help: str = "a coder, by id or name (repeatable)",
) -> None:
    """The filter options, with one meaning everywhere; `selection_of` reads them."""
    added: list[str] = []
    if codes:
        parser.add_argument("--code", action="append", metavar="PATH", help=codes_help)
        added.append("code")
    if coders_:
        parser.add_argument(
            "--coder",
            action="append",
            required=coders_required,
            metavar="ID|NAME",
            help=coders_help,
        )
        added.append("coder")
    if docs:
        parser.add_argument(
            "--document",
            action="append",
            metavar="ID|TITLE",
            help="a document, by id or title (repeatable)",
        )
        added.append("document")
    if subcodes:
        parser.add_argument(
            "--with-subcodes", action="store_true", help="each --code includes the codes below it"
        )
        added.append("with_subcodes")
    if dates:
        parser.add_argument(
            "--from", dest="date_from", metavar="DATE", help="published on or after DATE"
        )
        parser.add_argument(
            "--to", dest="date_to", metavar="DATE", help="published on or before DATE"
        )
        added += ["date_from", "date_to"]
    if memo:
        parser.add_argument("--memo", metavar="TEXT", help="coding memo contains TEXT")
        added.append("memo")
    parser.set_defaults(**{FILTER_OPTIONS: frozenset(added)})


def selection_of(project: Project, args: argparse.Namespace) -> Selection:
    """The Selection the command's filter options make (names resolved in the project)."""
    given: frozenset[str] = getattr(args, FILTER_OPTIONS, frozenset())

    def option(name: str) -> Any:
        return getattr(args, name) if name in given else None

    codes = resolve_codes(project, option("code"))
    coders_ = resolve_coders(project, option("coder"))
    docs = resolve_documents(project, option("document"))
    return Selection(
        code_ids=None if codes is None else tuple(c.id for c in codes),
        with_subcodes=bool(option("with_subcodes")),
        coder_ids=None if coders_ is None else tuple(c.id for c in coders_),
        document_ids=None if docs is None else tuple(d.id for d in docs),
        date_from=option("date_from"),
        date_to=option("date_to"),
        memo_contains=option("memo"),
    )


def open_cli_project(args: argparse.Namespace) -> Project:
    """The command's project; one whose schema differs says how to repair it."""
    try:
        project = open_with_passphrase(args.project)
    except errors.SchemaNeedsRepair:
        progress(_repair_hint(args.project))
        raise
    if project.schema_differences:
        progress(
            f"annotator: note: {args.project} is open read-only: its schema differs from "
            f"what Annotator writes ({'; '.join(map(str, project.schema_differences))})"
        )
        progress(_repair_hint(args.project))
    return project


def _repair_hint(path: Path) -> str:
    return (
        f"annotator: `annotator check --repair {path}` repairs it after taking a backup; "
        "until then nothing is written to it"
    )


def resolve_codes(project: Project, keys: list[str] | None) -> list[codebook.Code] | None:
    return None if keys is None else [codebook.find_code(project, k) for k in keys]


def resolve_documents(project: Project, keys: list[str] | None) -> list[documents.Document] | None:
    return None if keys is None else [documents.find_document(project, k) for k in keys]


def resolve_coders(project: Project, keys: list[str] | None) -> list[coders.Coder] | None:
    return None if keys is None else [coders.find_coder(project, k) for k in keys]


def writing_coder(project: Project, args: argparse.Namespace) -> coders.Coder:
    """The coder a writing command acts as: `--coder`, else the user's configured coder."""
    given = getattr(args, "coder", None)
    if isinstance(given, list):
        if len(given) > 1:
            raise UsageError("this command writes as one coder; give --coder once")
        given = given[0] if given else None
    if given:
        return coders.find_coder(project, given, create=True)
    identity = user_settings.configured_coder()
    if identity is None:
        raise UsageError(
            "who is coding? pass --coder NAME, or set your name once with "
            "`annotator whoami NAME` (the app asks on first launch)"
        )
    return coders.ensure_coder(project, identity.id, identity.name)
