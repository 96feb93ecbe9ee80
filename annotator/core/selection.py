"""Which codings: one `Selection` for every question that narrows the codings down.

Excerpts, the search's and auto-coding's scope, the overviews, agreement, every export
and every CLI filter option take a `Selection`, and read it through the one SQL builder
below (`coding_where`, `document_where`) and the one sub-code expansion
(`subcode_families`, `chosen_codes`). `None` in a criterion means "all"; an empty
tuple means "none"; the criteria narrow together (AND).

Criteria are of two kinds:
- on documents: ids and the published date (`_document_conditions`, on `documents d`);
- on codings: codes (with or without the codes below each), coders, memo text.
A search reads only the first kind: it looks in documents, not codings.

Lists go to SQLite as one JSON parameter read by `json_each`, never as one `?` per
value: a selection of 50,000 documents would pass SQLite's limit on parameters, and
on the reference project the two forms time the same (see docs/benchmarks.md).

Dates are checked once, here, when the Selection is made: `2024`, `2024-04` or
`2024-04-16`. A bound compares as many characters as it has, so "to 2021" keeps all
of 2021; a document without a published date drops out once either bound is given.

Adding a criterion (issue 21: document attributes and sets) is one field and one
condition in `_document_conditions`; every caller then takes it. For sets::

    set_ids: tuple[SetId, ...] | None = on_documents()   # the field (None: any set)
    if selection.set_ids is not None:                  # the condition, on documents d
        conditions.append(
            "d.id IN (SELECT document_id FROM set_members "
            "WHERE set_id IN (SELECT value FROM json_each(?)))"
        )
        params.append(_json(selection.set_ids))

Attributes are the same shape: a tuple of (attribute, operator, value) conditions,
each one `d.id IN (SELECT document_id FROM document_values WHERE ...)`. Declared with
`on_documents()`, a criterion is part of a search's scope (`documents_only`) and of
`narrows_documents`. To offer it: one option in `cli.common.add_filters` and
`selection_of`, one part in `ui.selection_picker`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal

from annotator.core import errors
from annotator.core.codebook import CodeNode, codebook_tree
from annotator.core.ids import CodeId, CoderId, DocumentId
from annotator.core.project import Project

# The field names of the date errors, for the UI and CLI to word them.
FROM_DATE = "from date"
TO_DATE = "to date"
DATE_RANGE = "date range"
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_date(value: str | date | None, field_name: str) -> str | None:
    """An ISO date (`2024`, `2024-04` or `2024-04-16`), or None for no bound."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    cleaned = value.strip()
    if not cleaned:
        return None
    valid = bool(_DATE.fullmatch(cleaned))
    if valid:
        year, month, day = [*cleaned.split("-"), "01", "01"][:3]
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            valid = False
    if not valid:
        raise errors.InvalidValue(errors.ValueProblem.PARTIAL_DATE, value, field=field_name)
    return cleaned


def on_documents() -> Any:
    """The default of a criterion on documents (not codings): part of a search's scope."""
    return field(default=None, metadata={"on": "documents"})


def _ids(value: Iterable[str] | None) -> tuple[str, ...] | None:
    """A tuple without repeats, in the order given; None stays None (all)."""
    if isinstance(value, str):  # one id where a list belongs would read as its letters
        raise TypeError(f"a list of ids, not the one id {value!r}")
    return None if value is None else tuple(dict.fromkeys(value))


@dataclass(frozen=True)
class Selection:
    """Which codings: see the module docstring. Made once, checked once."""

    code_ids: tuple[CodeId, ...] | None = None
    with_subcodes: bool = False  # each code counts with every code below it
    coder_ids: tuple[CoderId, ...] | None = None
    document_ids: tuple[DocumentId, ...] | None = on_documents()
    date_from: str | None = on_documents()  # the documents' published date, inclusive
    date_to: str | None = on_documents()
    memo_contains: str | None = None  # in the coding memo, ignoring case

    def __post_init__(self) -> None:
        for name in ("code_ids", "coder_ids", "document_ids"):
            object.__setattr__(self, name, _ids(getattr(self, name)))
        object.__setattr__(self, "date_from", check_date(self.date_from, FROM_DATE))
        object.__setattr__(self, "date_to", check_date(self.date_to, TO_DATE))
        # empty when its first day comes after the last day of `to` (May 2024 to 2024 is not)
        if self.date_from and self.date_to and self.date_from[: len(self.date_to)] > self.date_to:
            raise errors.InvalidValue(
                errors.ValueProblem.DATE_RANGE, self.date_from, field=DATE_RANGE, other=self.date_to
            )
        object.__setattr__(self, "memo_contains", self.memo_contains or None)

    @property
    def narrows_documents(self) -> bool:
        """True when some documents are left out whatever they hold."""
        return bool(_document_conditions(self, []))

    def without_codes(self) -> Selection:
        """The same selection over every code (the overviews' rows pick codes instead)."""
        return replace(self, code_ids=None, with_subcodes=False)

    def documents_only(self) -> Selection:
        """Only the criteria on documents: a search's scope."""
        on_documents = [f.name for f in fields(self) if f.metadata.get("on") == "documents"]
        return Selection(**{name: getattr(self, name) for name in on_documents})


# -- the one sub-code expansion ------------------------------------------------------------


def subcode_families(tree: Sequence[CodeNode]) -> dict[CodeId, list[CodeId]]:
    """Each code with every code below it, in codebook order, from one walk of the tree."""
    families: dict[CodeId, list[CodeId]] = {}
    above: dict[CodeId, list[CodeId]] = {}
    for node in tree:  # parents come before their children
        code, parent = node.code.id, node.code.parent_id
        chain = [*above.get(CodeId(parent), []), code] if parent is not None else [code]
        above[code] = chain
        families[code] = []
        for holder in chain:
            families[holder].append(code)
    return families


def chosen_codes(project: Project, selection: Selection) -> list[CodeId] | None:
    """The selection's codes and, `with_subcodes`, every code below each; None for all."""
    groups = code_groups(project, selection)
    return None if groups is None else list(dict.fromkeys(c for g in groups for c in g))


def code_groups(project: Project, selection: Selection) -> list[list[CodeId]] | None:
    """Each chosen code with the codes it stands for (itself, or its whole family)."""
    if selection.code_ids is None:
        return None
    if not selection.with_subcodes:
        return [[c] for c in selection.code_ids]
    families = subcode_families(codebook_tree(project))
    return [families.get(c, [c]) for c in selection.code_ids]


# -- the one SQL builder ---------------------------------------------------------------------


@dataclass(frozen=True)
class Where:
    """SQL conditions joined by AND, with their parameters in order."""

    conditions: tuple[str, ...] = ()
    params: tuple[object, ...] = ()

    def sql(self, keyword: str = "WHERE") -> str:
        """` WHERE a AND b` (or ` AND a AND b` to extend a query), or "" for no condition."""
        return f" {keyword} " + " AND ".join(self.conditions) if self.conditions else ""


def _json(values: Iterable[str]) -> str:
    return json.dumps(list(values))


def _document_conditions(selection: Selection, params: list[object]) -> list[str]:
    """Each criterion on documents as a condition on `documents d` (a new one goes here)."""
    conditions: list[str] = []
    if selection.document_ids is not None:
        conditions.append("d.id IN (SELECT value FROM json_each(?))")
        params.append(_json(selection.document_ids))
    for bound, operator in ((selection.date_from, ">="), (selection.date_to, "<=")):
        if bound:
            conditions.append(
                f"d.published_date <> '' AND substr(d.published_date, 1, ?) {operator} ?"
            )
            params.extend([len(bound), bound])
    return conditions


def document_where(selection: Selection) -> Where:
    """Conditions on `documents d`: the documents the selection keeps."""
    params: list[object] = []
    conditions = _document_conditions(selection, params)
    return Where(tuple(conditions), tuple(params))


DocumentsIn = Literal["joined", "subquery", "left out"]


def coding_where(
    project: Project,
    selection: Selection,
    *,
    codes: bool = True,
    documents: DocumentsIn = "subquery",
) -> Where:
    """Conditions on `codings c`: the codings the selection keeps.

    `documents` says how the criteria on documents are read: "joined" when the query
    joins `documents d` itself, "subquery" to read them from documents inside the
    condition, "left out" when the caller keeps only the selected documents itself.
    `codes=False` leaves the codes to the caller (overviews pick rows by code).
    """
    conditions: list[str] = []
    params: list[object] = []
    wanted = chosen_codes(project, selection) if codes else None
    if wanted is not None:
        conditions.append("c.code_id IN (SELECT value FROM json_each(?))")
        params.append(_json(wanted))
    if selection.coder_ids is not None:
        conditions.append("c.coder_id IN (SELECT value FROM json_each(?))")
        params.append(_json(selection.coder_ids))
    if selection.memo_contains:
        project.conn.create_function("annotator_casefold", 1, _casefold, deterministic=True)
        conditions.append("instr(annotator_casefold(c.memo), ?) > 0")
        params.append(selection.memo_contains.casefold())
    if documents != "left out":
        conditions += _documents_of_codings(selection, params, joined=documents == "joined")
    return Where(tuple(conditions), tuple(params))


def _documents_of_codings(selection: Selection, params: list[object], *, joined: bool) -> list[str]:
    if joined:
        return _document_conditions(selection, params)
    if not replace(selection.documents_only(), document_ids=None).narrows_documents:
        # by id only: straight from the codings' own index, without reading documents
        if selection.document_ids is None:
            return []
        params.append(_json(selection.document_ids))
        return ["c.document_id IN (SELECT value FROM json_each(?))"]
    inner: list[object] = []
    conditions = _document_conditions(selection, inner)
    params.extend(inner)
    return [f"c.document_id IN (SELECT d.id FROM documents d WHERE {' AND '.join(conditions)})"]


def _casefold(value: str | None) -> str:
    return (value or "").casefold()
