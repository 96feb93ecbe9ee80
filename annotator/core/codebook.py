"""The code tree: read it, and create, rename, recolour, define, move and reorder codes.

Names are unique across the whole codebook (as people read them: see `names`) and
contain no `/`, which separates levels in a code path such as
`Biometric collection/Fingerprints`.
Merging and deleting, which also touch codings, live in `codebook_edits`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, fields, replace
from typing import Any

from annotator.core import errors, events, names, text_controls, value_types
from annotator.core.changes import Change, ChangeKind
from annotator.core.ids import CodeId, CoderId, new_id, utc_now
from annotator.core.project import Project

PATH_SEPARATOR = "/"
MAX_NAME_LENGTH = 120
DEFAULT_COLOR = "#9E9E9E"
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_COLUMNS = "id, parent_id, name, color, definition, shortcut, position, memo, created_at"


@dataclass(frozen=True)
class Code:
    id: CodeId
    parent_id: CodeId | None
    name: str
    color: str
    definition: str
    shortcut: str
    position: int
    memo: str
    created_at: str


@dataclass(frozen=True)
class CodeNode:
    """A code in tree order, with its depth (0 for top level) and full path."""

    code: Code
    depth: int
    path: str


def _code(row: sqlite3.Row | tuple[Any, ...]) -> Code:
    return Code(*row)


def list_codes(project: Project) -> list[Code]:
    rows = project.conn.execute(f"SELECT {_COLUMNS} FROM codes ORDER BY position, name").fetchall()
    value_types.require_text(project.path, "codes", ("id", None, "name", "color"), rows)
    return [_code(r) for r in rows]


def codebook_tree(project: Project) -> list[CodeNode]:
    """Every code in codebook order: parents before children, siblings by position."""
    codes = list_codes(project)
    children: dict[str | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    known = {c.id for c in codes}
    # A parent that vanished (should not happen) must not hide its children.
    roots = [c for c in codes if c.parent_id is None or c.parent_id not in known]
    ordered: list[CodeNode] = []

    def walk(code: Code, depth: int, prefix: str) -> None:
        path = f"{prefix}{PATH_SEPARATOR}{code.name}" if prefix else code.name
        ordered.append(CodeNode(code, depth, path))
        for child in children.get(code.id, []):
            walk(child, depth + 1, path)

    for root in roots:
        walk(root, 0, "")
    return ordered


def get_code(project: Project, code_id: CodeId) -> Code:
    row = project.conn.execute(f"SELECT {_COLUMNS} FROM codes WHERE id = ?", (code_id,)).fetchone()
    if row is None:
        raise errors.NotFound(errors.Thing.CODE, code_id)
    return _code(row)


def code_path(project: Project, code_id: CodeId) -> str:
    names: list[str] = []
    current: CodeId | None = code_id
    seen: set[CodeId] = set()
    while current and current not in seen:
        seen.add(current)
        code = get_code(project, current)
        names.append(code.name)
        current = code.parent_id
    return PATH_SEPARATOR.join(reversed(names))


def find_code(project: Project, key: str) -> Code:
    """Resolve a code id, full path (`Biometric collection/Fingerprints`) or bare name.

    Names compare as people read them (`names.name_key`): `CAFÉ` finds `Café`.
    """
    row = project.conn.execute(f"SELECT {_COLUMNS} FROM codes WHERE id = ?", (key,)).fetchone()
    if row:
        return _code(row)
    parts = key.strip().split(PATH_SEPARATOR)
    found = [
        get_code(project, CodeId(i)) for i in names.matching_ids(project.conn, "codes", parts[-1])
    ]
    if len(parts) > 1:
        wanted = names.path_key(parts)
        found = [c for c in found if names.path_key(code_path(project, c.id).split("/")) == wanted]
    if not found:
        raise errors.NotFound(errors.Thing.CODE, key)
    if len(found) > 1:  # names that read alike, from before names were compared this way
        raise errors.Ambiguous(
            errors.Thing.CODE, key, [f"{code_path(project, c.id)} ({c.id})" for c in found]
        )
    return found[0]


def descendant_ids(project: Project, code_id: CodeId) -> list[CodeId]:
    """The code itself and every code below it."""
    rows = project.conn.execute(
        "WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT c.id FROM codes c "
        "JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree",
        (code_id,),
    )
    return [CodeId(r[0]) for r in rows]


def check_name(project: Project, name: str, *, ignore_id: CodeId | None = None) -> str:
    """The cleaned name, or an InvalidCodeName saying what is wrong with it."""
    cleaned = names.normal_name(" ".join(name.split()))
    if not cleaned:
        raise errors.InvalidCodeName(name, errors.NameProblem.EMPTY)
    if PATH_SEPARATOR in cleaned:
        raise errors.InvalidCodeName(name, errors.NameProblem.HAS_SLASH)
    if len(cleaned) > MAX_NAME_LENGTH:
        raise errors.InvalidCodeName(name, errors.NameProblem.TOO_LONG, MAX_NAME_LENGTH)
    if set(names.matching_ids(project.conn, "codes", cleaned)) - {ignore_id}:
        raise errors.DuplicateCodeName(cleaned)
    return cleaned


def check_color(color: str) -> str:
    if not _COLOR.match(color.strip()):
        raise errors.InvalidValue(errors.ValueProblem.COLOUR, color)
    return color.strip().upper()


def _next_position(conn: sqlite3.Connection, parent_id: CodeId | None) -> int:
    row = conn.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM codes WHERE parent_id IS ?", (parent_id,)
    ).fetchone()
    return int(row[0])


def insert_code_rows(conn: sqlite3.Connection, codes: list[Code]) -> None:
    """Write codes exactly as given (same ids): used by create, undo and merges."""
    conn.executemany(
        f"INSERT INTO codes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [tuple(getattr(c, f.name) for f in fields(Code)) for c in codes],
    )


def create_code(
    project: Project,
    name: str,
    *,
    parent_id: CodeId | None = None,
    color: str = DEFAULT_COLOR,
    definition: str = "",
    shortcut: str = "",
    coder_id: CoderId | None = None,
    code_id: CodeId | None = None,
) -> Change:
    given, removed = text_controls.clean_fields(
        {"name": name, "definition": definition, "shortcut": shortcut}
    )
    color = check_color(color)
    if parent_id is not None:
        get_code(project, parent_id)
    with project.transaction() as conn:
        cleaned = check_name(project, given["name"])  # in the transaction: no one adds it meanwhile
        code = Code(
            id=CodeId(code_id or new_id()),
            parent_id=CodeId(parent_id) if parent_id else None,
            name=cleaned,
            color=color,
            definition=given["definition"].strip(),
            shortcut=given["shortcut"],
            position=_next_position(conn, parent_id),
            memo="",
            created_at=utc_now(),
        )
        insert_code_rows(conn, [code])
        events.record(
            conn,
            "code created",
            coder_id,
            code_id=code.id,
            name=cleaned,
            **text_controls.removal_details(removed),
        )
    return Change(
        kind=ChangeKind.CREATE_CODE,
        name=cleaned,
        codes=frozenset({code.id}),
        codebook_changed=True,
        inverse=lambda p: _uncreate(p, code, coder_id),
    )


def _uncreate(project: Project, code: Code, coder_id: CoderId | None) -> Change:
    with project.transaction() as conn:
        if conn.execute("SELECT 1 FROM codings WHERE code_id = ? LIMIT 1", (code.id,)).fetchone():
            raise errors.InvalidValue(errors.ValueProblem.CODE_HAS_CODINGS, code.name)
        conn.execute("DELETE FROM codes WHERE id = ?", (code.id,))
        events.record(conn, "code creation undone", coder_id, code_id=code.id, name=code.name)
    return Change(
        kind=ChangeKind.CREATE_CODE,
        name=code.name,
        codes=frozenset({code.id}),
        codebook_changed=True,
        inverse=lambda p: create_code(
            p,
            code.name,
            parent_id=code.parent_id,
            color=code.color,
            definition=code.definition,
            shortcut=code.shortcut,
            coder_id=coder_id,
            code_id=code.id,
        ),
    )


_EDITABLE = {"name", "color", "definition", "shortcut", "memo"}
_KIND_OF_EDIT = {
    "name": ChangeKind.RENAME_CODE,
    "color": ChangeKind.RECOLOUR_CODE,
    "definition": ChangeKind.DEFINE_CODE,
    "shortcut": ChangeKind.SET_SHORTCUT,
    "memo": ChangeKind.EDIT_CODE_MEMO,
}


def update_code(
    project: Project, code_id: CodeId, *, coder_id: CoderId | None = None, **values: str
) -> Change:
    """Change a code's name, colour, definition, shortcut or memo."""
    unknown = set(values) - _EDITABLE
    if unknown:
        raise TypeError(f"cannot edit {', '.join(sorted(unknown))} of a code")
    old = get_code(project, code_id)
    values, removed = text_controls.clean_fields(values)
    if "name" in values:  # checked again in the transaction below
        values["name"] = check_name(project, values["name"], ignore_id=code_id)
    if "color" in values:
        values["color"] = check_color(values["color"])
    if values.get("shortcut"):
        clash = project.conn.execute(
            "SELECT name FROM codes WHERE shortcut = ? AND id <> ?", (values["shortcut"], code_id)
        ).fetchone()
        if clash:
            raise errors.InvalidValue(
                errors.ValueProblem.SHORTCUT_TAKEN, values["shortcut"], other=clash[0]
            )
    new = replace(old, **values)  # type: ignore[arg-type]  # the values are checked above
    before = {key: getattr(old, key) for key in values}
    with project.transaction() as conn:
        if "name" in values:
            check_name(project, values["name"], ignore_id=code_id)
        assignments = ", ".join(f"{key} = ?" for key in values)
        conn.execute(f"UPDATE codes SET {assignments} WHERE id = ?", [*values.values(), code_id])
        events.record(
            conn,
            "code edited",
            coder_id,
            code_id=code_id,
            before=before,
            after=values,
            **text_controls.removal_details(removed),
        )
    kind = _KIND_OF_EDIT[next(iter(values))] if len(values) == 1 else ChangeKind.EDIT_CODE
    return Change(
        kind=kind,
        name=new.name,
        codes=frozenset({code_id}),
        codebook_changed=True,
        inverse=lambda p: update_code(p, code_id, coder_id=coder_id, **before),
    )


def move_code(
    project: Project,
    code_id: CodeId,
    parent_id: CodeId | None,
    index: int | None = None,
    *,
    coder_id: CoderId | None = None,
) -> Change:
    """Nest a code under `parent_id` (None: top level) at sibling `index` (None: last)."""
    old = get_code(project, code_id)
    if parent_id is not None:
        get_code(project, parent_id)
        if parent_id in descendant_ids(project, code_id):
            raise errors.InvalidValue(errors.ValueProblem.PARENT_INSIDE_CODE, old.name)
    old_siblings = _sibling_ids(project.conn, old.parent_id)
    old_index = old_siblings.index(code_id)
    with project.transaction() as conn:
        siblings = [s for s in _sibling_ids(conn, parent_id) if s != code_id]
        at = len(siblings) if index is None else max(0, min(index, len(siblings)))
        siblings.insert(at, code_id)
        conn.execute("UPDATE codes SET parent_id = ? WHERE id = ?", (parent_id, code_id))
        _renumber(conn, siblings)
        if old.parent_id != parent_id:
            _renumber(conn, [s for s in old_siblings if s != code_id])
        events.record(
            conn,
            "code moved",
            coder_id,
            code_id=code_id,
            from_parent=old.parent_id,
            to_parent=parent_id,
            index=at,
        )
    return Change(
        kind=ChangeKind.MOVE_CODE,
        name=old.name,
        codes=frozenset({code_id}),
        codebook_changed=True,
        inverse=lambda p: move_code(p, code_id, old.parent_id, old_index, coder_id=coder_id),
    )


def _sibling_ids(conn: sqlite3.Connection, parent_id: CodeId | None) -> list[CodeId]:
    rows = conn.execute(
        "SELECT id FROM codes WHERE parent_id IS ? ORDER BY position, name", (parent_id,)
    )
    return [r[0] for r in rows]


def _renumber(conn: sqlite3.Connection, ordered_ids: list[CodeId]) -> None:
    conn.executemany(
        "UPDATE codes SET position = ? WHERE id = ?",
        [(n, code_id) for n, code_id in enumerate(ordered_ids)],
    )
