"""What an export holds: the chosen codes as the export heads them, and its counts.

Which codings is the one `core.selection.Selection`; `count` answers "how much will
this export hold?" for the dialog before anything is written; `rows.ExportContext`
streams the selected codings themselves.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.codebook import CodeNode, codebook_tree
from annotator.core.ids import CodeId
from annotator.core.project import Project
from annotator.core.selection import Selection, chosen_codes, coding_where


class GroupBy(enum.Enum):
    CODE = "code"
    DOCUMENT = "document"


@dataclass(frozen=True)
class ExportedCode:
    """A code as the export shows it: its heading depth counts exported ancestors only."""

    node: CodeNode
    level: int
    heading: str

    @property
    def id(self) -> CodeId:
        return self.node.code.id


@dataclass(frozen=True)
class SelectionCount:
    """What an export of this selection holds, for the dialog before it writes."""

    codings: int
    documents: int
    codes: int


def exported_codes(project: Project, selection: Selection) -> list[ExportedCode]:
    """The selected codes in codebook order, with heading levels and headings.

    A code whose parent is exported too sits one level below it under its own name;
    one whose parent is not shows its full path, so a heading never loses its context.
    """
    tree = codebook_tree(project)
    chosen = chosen_codes(project, selection)
    wanted = {n.code.id for n in tree} if chosen is None else set(chosen)
    levels: dict[str, int] = {}
    exported: list[ExportedCode] = []
    for node in tree:
        if node.code.id not in wanted:
            continue
        parent = node.code.parent_id
        if parent is not None and parent in levels:
            level, heading = levels[parent] + 1, node.code.name
        else:
            level, heading = 1, node.path
        levels[node.code.id] = level
        exported.append(ExportedCode(node=node, level=level, heading=heading))
    return exported


def _selected_sql(
    project: Project, selection: Selection, columns: str, tail: str = ""
) -> tuple[str, tuple[object, ...]]:
    where = coding_where(project, selection)
    return f"SELECT {columns} FROM codings c{where.sql()} {tail}", where.params


def count(project: Project, selection: Selection) -> SelectionCount:
    sql, params = _selected_sql(
        project,
        selection,
        # all three come from the codings_code index alone, without reading the table
        "count(*), count(DISTINCT c.document_id), count(DISTINCT c.code_id)",
    )
    return SelectionCount(*project.conn.execute(sql, params).fetchone())


def count_codings(project: Project, selection: Selection) -> int:
    """Just the number of codings: cheaper than `count`, for progress bars."""
    sql, params = _selected_sql(project, selection, "count(*)")
    return int(project.conn.execute(sql, params).fetchone()[0])


def codings_per_code(project: Project, selection: Selection) -> dict[str, int]:
    sql, params = _selected_sql(project, selection, "c.code_id, count(*)", "GROUP BY c.code_id")
    return dict(project.conn.execute(sql, params).fetchall())


def coder_names(project: Project, selection: Selection) -> list[str]:
    """The coders whose codings the selection holds, by name."""
    sql, params = _selected_sql(project, selection, "DISTINCT c.coder_id")
    ids = [r[0] for r in project.conn.execute(sql, params)]
    return sorted(names_of(project, "coders", ids), key=str.casefold)


def names_of(project: Project, table: str, ids: Iterable[str]) -> list[str]:
    """Names (codes, coders) or titles (documents) of ids, for describing a selection."""
    column = {"codes": "name", "coders": "name", "documents": "title"}[table]
    wanted = list(ids)
    rows = project.conn.execute(
        f"SELECT id, {column} FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    )
    found = dict(rows.fetchall())
    return [found[i] for i in wanted if i in found]
