"""`codes`: the codebook as a tree with paths."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from annotator.cli.common import add_json, add_project, emit, open_cli_project
from annotator.cli.export_commands import add_import_option, cmd_import_codebook
from annotator.core.codebook import codebook_tree
from annotator.core.excerpts import coding_counts_per_code


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("codes", help="show the codebook tree with code paths")
    add_project(p)
    add_import_option(p)
    add_json(p)
    p.set_defaults(func=cmd_codes)


def cmd_codes(args: argparse.Namespace) -> int:
    if args.import_codebook is not None:
        return cmd_import_codebook(args)
    with open_cli_project(args) as project:
        tree = codebook_tree(project)
        counts = coding_counts_per_code(project)
    rows: list[dict[str, Any]] = [
        {
            "id": node.code.id,
            "path": node.path,
            "name": node.code.name,
            "parent_id": node.code.parent_id,
            "depth": node.depth,
            "color": node.code.color,
            "definition": node.code.definition,
            "shortcut": node.code.shortcut,
            "codings": counts.get(node.code.id, 0),
        }
        for node in tree
    ]

    def text() -> Iterator[str]:
        for row in rows:
            yield f"{'  ' * row['depth']}{row['name']}  [{row['color']}]  {row['codings']} codings"
        yield f"{len(rows)} codes"

    emit(args, rows, text)
    return 0
