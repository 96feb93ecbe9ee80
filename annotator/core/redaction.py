"""Which texts of a project a redacted copy rewrites, and every replacement it will make.

`plan_redaction` lists each replacement (where, what, with what, in context) for the
researcher to review before `redacted_copy.write_redacted_copy` writes anything. The
column lists below are the one place that decides, for every text column of the
schema, whether a shared copy rewrites it, keeps it, or drops it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.ids import DocumentId
from annotator.core.project import Project
from annotator.core.redaction_rules import RedactionRule, check_rules, find_matches

CONTEXT = 40  # characters shown either side of a replacement in the preview

# Text columns rewritten through the rules, per table. Every other text column must be
# in SAFE_COLUMNS or DROPPED_COLUMNS (a test checks that the schema holds no other).
REDACTED_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "title",
        "source_url",
        "publisher",
        "author",
        "published_date",
        "accessed_date",
        "language",
        "notes",
        "memo",
        "text",
    ),
    "codes": ("name", "definition", "memo"),
    "codings": ("memo",),  # quote: taken from the redacted text
    "coders": ("name",),
    "project_settings": ("value",),
    "events": ("details",),  # JSON: its strings are redacted, hashes dropped
}
SAFE_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "media_type", "encoding", "imported_at", "imported_by"),
    "codes": ("id", "parent_id", "color", "shortcut", "created_at"),
    "codings": ("id", "document_id", "code_id", "coder_id", "created_at"),
    "coders": ("id", "created_at"),
    "project_settings": ("key",),
    "events": ("id", "at", "coder_id", "action"),
    "document_status": ("document_id", "coder_id", "updated_at"),
}
# Recomputed from the redacted text, or dropped with the original file: a hash of the
# unredacted text would let anyone holding a guess at a name confirm it.
DROPPED_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("text_sha256", "original_filename", "original_sha256"),
    "codings": ("quote",),
    "document_originals": ("document_id",),  # the original files are not copied at all
    # lookup keys of names (`names`): made afresh from the redacted names in the copy
    "codes": ("name_key",),
    "coders": ("name_key",),
    "document_title_keys": ("document_id", "title_key"),
}
_LABELS = {
    "documents": "document",
    "codes": "code",
    "codings": "coding",
    "coders": "coder",
    "project_settings": "project setting",
    "events": "audit log",
}


@dataclass(frozen=True)
class Replacement:
    """One replacement as the preview lists it. Offsets are into `field`'s old value."""

    table: str  # documents, codes, codings, coders, project_settings, events
    row_id: str
    field: str
    label: str  # what the researcher recognises the row by: a title, a code name, ...
    document_id: DocumentId | None
    start: int
    end: int
    before: str
    after: str
    context_before: str
    context_after: str
    rule: RedactionRule

    @property
    def place(self) -> str:
        return f"{_LABELS[self.table]} {self.field}"


@dataclass(frozen=True)
class RedactionPlan:
    rules: tuple[RedactionRule, ...]
    replacements: tuple[Replacement, ...]

    def count(self, rule: RedactionRule) -> int:
        return sum(1 for r in self.replacements if r.rule == rule)

    def unused_rules(self) -> list[RedactionRule]:
        """Rules that match nothing: often a misspelt name, worth telling the user."""
        used = {r.rule for r in self.replacements}
        return [rule for rule in self.rules if rule not in used]


def plan_redaction(project: Project, rules: Sequence[RedactionRule]) -> RedactionPlan:
    """Every replacement the rules make, in table, row and text order."""
    check_rules(rules)
    found: list[Replacement] = []
    for table, row_id, label, document_id, field, value in _texts(project):
        for match in find_matches(value, rules):
            found.append(
                Replacement(
                    table=table,
                    row_id=row_id,
                    field=field,
                    label=label,
                    document_id=document_id,
                    start=match.start,
                    end=match.end,
                    before=value[match.start : match.end],
                    after=match.placeholder,
                    context_before=value[max(0, match.start - CONTEXT) : match.start],
                    context_after=value[match.end : match.end + CONTEXT],
                    rule=match.rule,
                )
            )
    return RedactionPlan(tuple(rules), tuple(found))


def _texts(project: Project) -> Iterator[tuple[str, str, str, DocumentId | None, str, str]]:
    """(table, row id, label, document id, field, value) of every redactable text."""
    conn = project.conn
    for row in rows(conn, "SELECT * FROM documents ORDER BY seq"):
        for field in REDACTED_COLUMNS["documents"]:
            yield "documents", row["id"], row["title"], row["id"], field, row[field]
    for row in rows(conn, "SELECT * FROM codes ORDER BY name"):
        for field in REDACTED_COLUMNS["codes"]:
            yield "codes", row["id"], row["name"], None, field, row[field]
    sql = (
        "SELECT c.id, c.memo, c.document_id, d.title FROM codings c "
        "JOIN documents d ON d.id = c.document_id ORDER BY d.seq, c.start"
    )
    for row in rows(conn, sql):
        yield "codings", row["id"], row["title"], row["document_id"], "memo", row["memo"]
    for row in rows(conn, "SELECT * FROM coders ORDER BY name"):
        yield "coders", row["id"], row["name"], None, "name", row["name"]
    for row in rows(conn, "SELECT * FROM project_settings ORDER BY key"):
        yield "project_settings", row["key"], row["key"], None, "value", row["value"]
    for row in rows(conn, "SELECT * FROM events ORDER BY seq"):
        for text in _json_strings(json.loads(row["details"])):
            yield "events", row["id"], row["action"], None, "details", text


def rows(
    conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()
) -> Iterator[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
