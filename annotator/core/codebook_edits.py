"""Merging and deleting codes: the codebook edits that also move or drop codings."""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace

from annotator.core import errors, events
from annotator.core.changes import Change, ChangeKind
from annotator.core.codebook import Code, descendant_ids, get_code, insert_code_rows
from annotator.core.coding import Coding, insert_coding_rows
from annotator.core.ids import CodeId, CoderId
from annotator.core.project import Project

_CODING_COLUMNS = 'id, document_id, code_id, coder_id, start, "end", quote, memo, created_at'


class CodingsPolicy(enum.Enum):
    """What happens to the codings of a deleted code (and of its sub-codes)."""

    DELETE = "delete"
    MOVE_TO_PARENT = "move-to-parent"


def _codings_of_codes(conn: sqlite3.Connection, code_ids: list[CodeId]) -> list[Coding]:
    marks = ",".join("?" * len(code_ids))
    rows = conn.execute(
        f"SELECT {_CODING_COLUMNS} FROM codings WHERE code_id IN ({marks})", code_ids
    )
    return [Coding(*r) for r in rows]


def _codes(conn: sqlite3.Connection, code_ids: list[CodeId]) -> list[Code]:
    marks = ",".join("?" * len(code_ids))
    rows = conn.execute(
        "SELECT id, parent_id, name, color, definition, shortcut, position, memo, created_at "
        f"FROM codes WHERE id IN ({marks})",
        code_ids,
    )
    by_id = {r[0]: Code(*r) for r in rows}
    return [by_id[i] for i in code_ids if i in by_id]


def _move_codings(
    conn: sqlite3.Connection, codings: list[Coding], target_id: CodeId
) -> tuple[list[Coding], list[Coding]]:
    """Give codings the target code; ones the target already has on that span are dropped."""
    moved: list[Coding] = []
    dropped: list[Coding] = []
    for coding in codings:
        try:
            conn.execute("UPDATE codings SET code_id = ? WHERE id = ?", (target_id, coding.id))
            moved.append(coding)
        except sqlite3.IntegrityError:
            conn.execute("DELETE FROM codings WHERE id = ?", (coding.id,))
            dropped.append(coding)
    return moved, dropped


@dataclass(frozen=True)
class _Removed:
    """Everything needed to put a merged or deleted code back exactly."""

    codes: list[Code]  # parents before children
    moved: list[Coding]  # codings that now carry another code (original rows)
    dropped: list[Coding]  # codings that were deleted
    children: list[Code]  # children re-parented by a merge (original rows)


def _restore(project: Project, removed: _Removed, coder_id: CoderId | None, step: Change) -> Change:
    with project.transaction() as conn:
        insert_code_rows(conn, removed.codes)
        for child in removed.children:
            conn.execute(
                "UPDATE codes SET parent_id = ?, position = ? WHERE id = ?",
                (child.parent_id, child.position, child.id),
            )
        conn.executemany(
            "UPDATE codings SET code_id = ? WHERE id = ?",
            [(c.code_id, c.id) for c in removed.moved],
        )
        insert_coding_rows(conn, removed.dropped)
        events.record(
            conn,
            "code restored",
            coder_id,
            code_ids=[c.id for c in removed.codes],
            undoes=step.kind.value,
        )
    return Change(
        kind=step.kind,
        name=step.name,
        other=step.other,
        codes=frozenset(c.id for c in removed.codes),
        documents=frozenset(c.document_id for c in removed.moved + removed.dropped),
        codings=frozenset(c.id for c in removed.moved + removed.dropped),
        codebook_changed=True,
    )


def merge_codes(
    project: Project, source_id: CodeId, target_id: CodeId, *, coder_id: CoderId | None = None
) -> Change:
    """Fold `source` into `target`: its codings and sub-codes move, then it goes."""
    source = get_code(project, source_id)
    target = get_code(project, target_id)
    if target_id in descendant_ids(project, source_id):
        raise errors.InvalidValue(
            errors.ValueProblem.MERGE_INTO_SUB_CODE, source.name, other=target.name
        )
    step = Change(kind=ChangeKind.MERGE_CODES, name=source.name, other=target.name)
    with project.transaction() as conn:
        children = [
            Code(*r)
            for r in conn.execute(
                "SELECT id, parent_id, name, color, definition, shortcut, position, memo, "
                "created_at FROM codes WHERE parent_id = ? ORDER BY position",
                (source_id,),
            )
        ]
        start = conn.execute(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM codes WHERE parent_id = ?", (target_id,)
        ).fetchone()[0]
        for offset, child in enumerate(children):
            conn.execute(
                "UPDATE codes SET parent_id = ?, position = ? WHERE id = ?",
                (target_id, start + offset, child.id),
            )
        moved, dropped = _move_codings(conn, _codings_of_codes(conn, [source_id]), target_id)
        conn.execute("DELETE FROM codes WHERE id = ?", (source_id,))
        events.record(
            conn,
            "codes merged",
            coder_id,
            source=source_id,
            source_name=source.name,
            target=target_id,
            codings_moved=len(moved),
            duplicates_dropped=len(dropped),
        )
    removed = _Removed([source], moved, dropped, children)
    return _removal_change(
        step,
        removed,
        coder_id,
        redo=lambda p: merge_codes(p, source_id, target_id, coder_id=coder_id),
        extra_codes={target_id},
    )


def delete_code(
    project: Project,
    code_id: CodeId,
    policy: CodingsPolicy,
    *,
    coder_id: CoderId | None = None,
) -> Change:
    """Delete a code and its sub-codes; their codings are deleted or go to the parent."""
    code = get_code(project, code_id)
    if policy is CodingsPolicy.MOVE_TO_PARENT and code.parent_id is None:
        raise errors.InvalidValue(errors.ValueProblem.TOP_LEVEL_HAS_NO_PARENT, code.name)
    subtree = descendant_ids(project, code_id)
    step = Change(kind=ChangeKind.DELETE_CODE, name=code.name)
    with project.transaction() as conn:
        codes = _codes(conn, subtree)
        codings = _codings_of_codes(conn, subtree)
        if policy is CodingsPolicy.MOVE_TO_PARENT:
            assert code.parent_id is not None  # a top-level code was refused above
            moved, dropped = _move_codings(conn, codings, code.parent_id)
        else:
            moved, dropped = [], codings
            conn.executemany("DELETE FROM codings WHERE id = ?", [(c.id,) for c in codings])
        # children first, so no row ever points at a deleted parent
        conn.executemany("DELETE FROM codes WHERE id = ?", [(i,) for i in reversed(subtree)])
        events.record(
            conn,
            "code deleted",
            coder_id,
            code_id=code_id,
            name=code.name,
            sub_codes=len(subtree) - 1,
            policy=policy.value,
            codings_moved=len(moved),
            codings_deleted=len(dropped),
        )
    removed = _Removed(codes, moved, dropped, [])
    extra = {code.parent_id} if code.parent_id else set()
    return _removal_change(
        step,
        removed,
        coder_id,
        redo=lambda p: delete_code(p, code_id, policy, coder_id=coder_id),
        extra_codes=extra,
    )


def _removal_change(
    step: Change,
    removed: _Removed,
    coder_id: CoderId | None,
    *,
    redo: Callable[[Project], Change],
    extra_codes: set[CodeId],
) -> Change:
    def undo(project: Project) -> Change:
        restored = _restore(project, removed, coder_id, step)
        return replace(
            restored,
            codes=restored.codes | frozenset(extra_codes),
            documents=restored.documents,
            codings=restored.codings,
            codebook_changed=True,
            inverse=redo,
        )

    return replace(
        step,
        codes=frozenset(c.id for c in removed.codes) | frozenset(extra_codes),
        documents=frozenset(c.document_id for c in removed.moved + removed.dropped),
        codings=frozenset(c.id for c in removed.moved + removed.dropped),
        codebook_changed=True,
        inverse=undo,
    )
