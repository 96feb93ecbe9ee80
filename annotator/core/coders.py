"""Who is coding. Coders are identified by id; two people may share a name.

Names are stored in NFC and found as people read them (`names`): `zoë` finds `Zoë`.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core import errors, events, names, text_controls
from annotator.core.changes import Change, ChangeKind
from annotator.core.ids import CoderId, DocumentId, new_id, utc_now
from annotator.core.project import Project


@dataclass(frozen=True)
class Coder:
    id: CoderId
    name: str
    created_at: str


def list_coders(project: Project) -> list[Coder]:
    rows = project.conn.execute("SELECT id, name, created_at FROM coders ORDER BY name, id")
    return [Coder(CoderId(r[0]), r[1], r[2]) for r in rows]


def get_coder(project: Project, coder_id: CoderId) -> Coder:
    row = project.conn.execute(
        "SELECT id, name, created_at FROM coders WHERE id = ?", (coder_id,)
    ).fetchone()
    if row is None:
        raise errors.NotFound(errors.Thing.CODER, coder_id)
    return Coder(CoderId(row[0]), row[1], row[2])


def add_coder(project: Project, name: str, coder_id: CoderId | None = None) -> Coder:
    """Register a coder (with a known id when it comes from the user's settings)."""
    cleaned = text_controls.without_controls(name)
    name = names.normal_name(cleaned.text.strip())
    if not name:
        raise errors.InvalidValue(errors.ValueProblem.EMPTY_CODER_NAME, name)
    coder = Coder(CoderId(coder_id or new_id()), name, utc_now())
    with project.transaction() as conn:
        conn.execute(
            "INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)",
            (coder.id, coder.name, coder.created_at),
        )
        events.record(
            conn,
            "coder added",
            coder.id,
            name=name,
            **text_controls.removal_details({"name": cleaned.removed}),
        )
    return coder


def ensure_coder(project: Project, coder_id: CoderId, name: str) -> Coder:
    """The coder with this id, added under `name` if the project has not met them yet."""
    try:
        return get_coder(project, coder_id)
    except errors.NotFound:
        return add_coder(project, name, coder_id)


def meet_coder(project: Project, coder_id: CoderId, name: str) -> tuple[Coder, Change | None]:
    """The user's own coder in this project, under the name their settings give now.

    Added on a first visit, renamed after a rename in the settings; the Change says
    which (None: the project knew them by this name already).
    """
    try:
        known = get_coder(project, coder_id)
    except errors.NotFound:
        added = add_coder(project, name, coder_id)
        change = Change(kind=ChangeKind.ADD_CODER, name=added.name, coders=frozenset({added.id}))
        return added, change
    if known.name == names.normal_name(name):
        return known, None
    renamed = rename_coder(project, coder_id, name)
    return get_coder(project, coder_id), renamed


def find_coder(project: Project, key: str, *, create: bool = False) -> Coder:
    """Resolve `ID|NAME` as the CLI's `--coder` means it.

    A name matching two coders is an error listing them; an unknown name adds a coder
    when `create` is set (commands that write), and is an error otherwise.
    """
    row = project.conn.execute(
        "SELECT id, name, created_at FROM coders WHERE id = ?", (key,)
    ).fetchone()
    if row:
        return Coder(CoderId(row[0]), row[1], row[2])
    found = [
        get_coder(project, CoderId(i)) for i in names.matching_ids(project.conn, "coders", key)
    ]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise errors.Ambiguous(errors.Thing.CODER, key, [f"{c.name} ({c.id})" for c in found])
    if create:
        return add_coder(project, key)
    raise errors.NotFound(errors.Thing.CODER, key)


def rename_coder(project: Project, coder_id: CoderId, name: str) -> Change:
    old = get_coder(project, coder_id)
    cleaned = text_controls.without_controls(name)
    name = names.normal_name(cleaned.text.strip())
    if not name:
        raise errors.InvalidValue(errors.ValueProblem.EMPTY_CODER_NAME, name)
    with project.transaction() as conn:
        conn.execute("UPDATE coders SET name = ? WHERE id = ?", (name, coder_id))
        events.record(
            conn,
            "coder renamed",
            coder_id,
            old=old.name,
            new=name,
            **text_controls.removal_details({"name": cleaned.removed}),
        )
    return Change(
        kind=ChangeKind.RENAME_CODER,
        name=name,
        coders=frozenset({coder_id}),
        inverse=lambda p: rename_coder(p, coder_id, old.name),
    )


def set_finished(
    project: Project, document_id: DocumentId, coder_id: CoderId, finished: bool
) -> Change:
    """Mark a document finished (or not) for one coder; agreement counts finished ones."""
    with project.transaction() as conn:
        row = conn.execute(
            "SELECT finished FROM document_status WHERE document_id = ? AND coder_id = ?",
            (document_id, coder_id),
        ).fetchone()
        before = bool(row[0]) if row else False
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is None:
            raise errors.NotFound(errors.Thing.DOCUMENT, document_id)
        conn.execute(
            "INSERT INTO document_status (document_id, coder_id, finished, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, coder_id) "
            "DO UPDATE SET finished = excluded.finished, updated_at = excluded.updated_at",
            (document_id, coder_id, int(finished), utc_now()),
        )
        events.record(
            conn,
            "document finished" if finished else "document reopened",
            coder_id,
            document_id=document_id,
        )
    return Change(
        kind=ChangeKind.MARK_FINISHED if finished else ChangeKind.MARK_NOT_FINISHED,
        documents=frozenset({document_id}),
        inverse=lambda p: set_finished(p, document_id, coder_id, before),
    )


def finished_by(project: Project, coder_id: CoderId) -> set[str]:
    rows = project.conn.execute(
        "SELECT document_id FROM document_status WHERE coder_id = ? AND finished = 1",
        (coder_id,),
    )
    return {r[0] for r in rows}
