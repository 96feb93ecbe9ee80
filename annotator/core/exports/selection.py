"""What to export: codes (with sub-codes), documents, coders and a date range.

`count` answers "how much will this export hold?" for the dialog before anything is
written; `rows.ExportContext` streams the selected codings themselves.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from annotator.core import errors
from annotator.core.codebook import CodeNode, codebook_tree
from annotator.core.ids import CodeId
from annotator.core.project import Project

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class GroupBy(enum.Enum):
    CODE = "code"
    DOCUMENT = "document"


def check_date(value: str | date | None, field_name: str) -> str | None:
    """An ISO date (`2024`, `2024-04` or `2024-04-16`), or None for no limit."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    cleaned = value.strip()
    if not cleaned:
        return None
    valid = bool(_DATE.match(cleaned))
    if valid and len(cleaned) == 10:
        try:
            date.fromisoformat(cleaned)
        except ValueError:
            valid = False
    if not valid:
        raise errors.InvalidValue(field_name, value, "a date such as 2024-04-16, 2024-04 or 2024")
    return cleaned


@dataclass(frozen=True)
class Selection:
    """Which codings to export. `None` means "all"; an empty tuple means "none".

    The date range applies to each document's published date (the date a report cites);
    a partial date such as `2024` covers the whole year, and documents without a
    published date are left out once a range is given.
    """

    code_ids: tuple[str, ...] | None = None
    with_subcodes: bool = False
    document_ids: tuple[str, ...] | None = None
    coder_ids: tuple[str, ...] | None = None
    date_from: str | None = None
    date_to: str | None = None

    def __post_init__(self) -> None:
        for name in ("code_ids", "document_ids", "coder_ids"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        object.__setattr__(self, "date_from", check_date(self.date_from, "from date"))
        object.__setattr__(self, "date_to", check_date(self.date_to, "to date"))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise errors.InvalidValue(
                "date range",
                f"{self.date_from} to {self.date_to}",
                "a from date before the to date",
            )


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
    if selection.code_ids is None:
        wanted = {n.code.id for n in tree}
    else:
        wanted = set(selection.code_ids)
        if selection.with_subcodes:
            wanted = _with_descendants(tree, wanted)
    levels: dict[str, int] = {}
    chosen: list[ExportedCode] = []
    for node in tree:
        if node.code.id not in wanted:
            continue
        parent = node.code.parent_id
        if parent is not None and parent in levels:
            level, heading = levels[parent] + 1, node.code.name
        else:
            level, heading = 1, node.path
        levels[node.code.id] = level
        chosen.append(ExportedCode(node=node, level=level, heading=heading))
    return chosen


def _with_descendants(tree: list[CodeNode], wanted: set[str]) -> set[str]:
    expanded = set(wanted)
    for node in tree:  # parents come before children in tree order
        if node.code.parent_id in expanded:
            expanded.add(node.code.id)
    return expanded


def code_filter(codes: list[ExportedCode], params: list[object]) -> str:
    params.append(json.dumps([c.id for c in codes]))
    return "c.code_id IN (SELECT value FROM json_each(?))"


def coding_filters(selection: Selection, params: list[object]) -> list[str]:
    """SQL conditions on `codings c` for the document and coder filters."""
    clauses: list[str] = []
    if selection.document_ids is not None:
        clauses.append("c.document_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(selection.document_ids)))
    if selection.coder_ids is not None:
        clauses.append("c.coder_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(selection.coder_ids)))
    return clauses


def date_filters(selection: Selection, params: list[object], table: str = "d") -> list[str]:
    """SQL conditions on a documents table for the published-date range."""
    clauses: list[str] = []
    for bound, operator in ((selection.date_from, ">="), (selection.date_to, "<=")):
        if bound:
            clauses.append(
                f"{table}.published_date <> '' "
                f"AND substr({table}.published_date, 1, ?) {operator} ?"
            )
            params.extend([len(bound), bound])
    return clauses


def _selected_sql(
    project: Project, selection: Selection, columns: str, tail: str = ""
) -> tuple[str, list[object]]:
    params: list[object] = []
    clauses = [code_filter(exported_codes(project, selection), params)]
    clauses += coding_filters(selection, params)
    tables = "codings c"
    if selection.date_from or selection.date_to:
        tables += " JOIN documents d ON d.id = c.document_id"
        clauses += date_filters(selection, params)
    return f"SELECT {columns} FROM {tables} WHERE {' AND '.join(clauses)} {tail}", params


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
