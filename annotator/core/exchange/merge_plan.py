"""Plan a merge: match what a file brings against the open project, list the conflicts.

Documents match by id, then by text hash (same text, same document, whatever its
title). Codes match by GUID, then by path, then by name (names are unique in a
codebook). Coders match by id; a coder with one of our coders' names but another id
is a conflict, because two people may share a name. Nothing here writes: the plan is
shown to the user, who chooses for each conflict, and `merge.apply_merge` carries it out.
"""

from __future__ import annotations

from dataclasses import replace

from annotator.core.codebook import DEFAULT_COLOR, PATH_SEPARATOR, Code, list_codes
from annotator.core.coders import Coder, list_coders
from annotator.core.documents import PROVENANCE_FIELDS, sha256_hex
from annotator.core.exchange.conflicts import Choice, Conflict, ConflictKind, MergePlan
from annotator.core.exchange.incoming import (
    IncomingCode,
    IncomingCoding,
    IncomingDocument,
    IncomingFinished,
    IncomingProject,
    derived_guid,
)
from annotator.core.ids import DocumentId
from annotator.core.names import name_key, normal_name, path_key
from annotator.core.project import Project

__all__ = ["Choice", "Conflict", "ConflictKind", "MergePlan", "plan_merge"]

_DOC_DETAILS = PROVENANCE_FIELDS
_CODE_DETAILS = ("name", "color", "definition", "memo")


class _Planner:
    def __init__(
        self, project: Project, incoming: IncomingProject, choices: dict[str, Choice]
    ) -> None:
        self.project = project
        self.incoming = incoming
        self.plan = MergePlan(incoming.source_name, incoming.report, choices=dict(choices))

    def run(self) -> None:
        self.coders()
        self.codes()
        self.documents()
        self.codings()
        self.finished()

    def conflict(
        self,
        kind: ConflictKind,
        their_id: str,
        subject: str,
        ours: dict[str, str],
        theirs: dict[str, str],
    ) -> Choice | None:
        key = f"{kind.name.lower()}:{their_id}"
        self.plan.conflicts.append(Conflict(key, kind, subject, ours, theirs))
        return self.plan.choices.get(key)

    def coders(self) -> None:
        ours = list_coders(self.project)
        by_id: dict[str, Coder] = {c.id: c for c in ours}  # their ids are plain text
        by_name: dict[str, list[str]] = {}
        for our in ours:
            by_name.setdefault(name_key(our.name), []).append(our.id)
        for coder in self.incoming.coders:
            mine = by_id.get(coder.id)
            if mine is not None:
                self.plan.coder_map[coder.id] = mine.id
                if normal_name(mine.name) != coder.name:
                    choice = self.conflict(
                        ConflictKind.CODER_NAME,
                        coder.id,
                        mine.name,
                        {"name": mine.name},
                        {"name": coder.name},
                    )
                    if choice is Choice.THEIRS:
                        self.plan.renamed_coders[mine.id] = coder.name
                continue
            namesakes = by_name.get(name_key(coder.name), [])
            if namesakes:
                choice = self.conflict(
                    ConflictKind.CODER_NAME,
                    coder.id,
                    coder.name,
                    {"id": namesakes[0], "name": coder.name},
                    {"id": coder.id, "name": coder.name},
                )
                if choice is Choice.THEIRS:  # the user says: the same person
                    self.plan.coder_map[coder.id] = namesakes[0]
                    continue
            self.plan.coder_map[coder.id] = coder.id
            self.plan.new_coders.append(coder)

    def codes(self) -> None:
        ours = list_codes(self.project)
        by_id: dict[str, Code] = {c.id: c for c in ours}
        by_name = {name_key(c.name): c for c in ours}
        our_paths = _paths(ours)
        their_paths = _paths(self.incoming.codes)
        taken = set(by_name)
        for code in self.incoming.codes:
            parent = self.plan.code_map.get(code.parent_id) if code.parent_id else None
            mine = by_id.get(code.id)
            how = "id"
            if mine is None:
                path = _path_key(their_paths[code.id])
                mine = next((c for c in ours if _path_key(our_paths[c.id]) == path), None)
                how = "path"
            if mine is None:
                mine, how = by_name.get(name_key(code.name)), "name"
            if mine is None:
                self.new_code(code, parent, taken)
                continue
            self.plan.code_map[code.id] = mine.id
            self.plan.code_matches[code.id] = how
            self.code_details(code, mine, taken)
            if mine.parent_id != parent:
                where = {"path": our_paths[mine.id]}
                choice = self.conflict(
                    ConflictKind.CODE_PLACE,
                    code.id,
                    mine.name,
                    where,
                    {"path": their_paths[code.id]},
                )
                if choice is Choice.THEIRS:
                    self.plan.code_moves[mine.id] = parent

    def new_code(self, code: IncomingCode, parent: str | None, taken: set[str]) -> None:
        name, number = code.name, 2
        while name_key(name) in taken:
            name = f"{code.name} ({number})"
            number += 1
        if name != code.name:
            self.plan.report.warnings.append(f"code {code.name!r} was added as {name!r}")
        taken.add(name_key(name))
        self.plan.code_map[code.id] = code.id
        self.plan.new_codes.append(
            IncomingCode(code.id, name, parent, code.color, code.definition, code.memo)
        )

    def code_details(self, code: IncomingCode, mine: Code, taken: set[str]) -> None:
        fills, differ = {}, {}
        for name in _CODE_DETAILS:
            theirs, ours = getattr(code, name), getattr(mine, name)
            if not theirs or theirs == ours or (name == "color" and theirs == DEFAULT_COLOR):
                continue
            if name == "name" and name_key(theirs) == name_key(ours):
                continue
            if not ours:
                fills[name] = theirs
            else:
                differ[name] = theirs
        if "name" in differ and name_key(differ["name"]) in taken:
            differ.pop("name")  # their name belongs to another of our codes
        if differ:
            choice = self.conflict(
                ConflictKind.CODE_DETAILS,
                code.id,
                mine.name,
                {k: getattr(mine, k) for k in differ},
                differ,
            )
            if choice is Choice.THEIRS:
                fills.update(differ)
                if "name" in differ:
                    taken.discard(name_key(mine.name))
                    taken.add(name_key(differ["name"]))
        if fills:
            self.plan.code_updates[mine.id] = fills

    def documents(self) -> None:
        conn = self.project.conn
        for document in self.incoming.documents:
            text_hash = sha256_hex(document.text)
            row = conn.execute(
                "SELECT id, text_sha256, title FROM documents WHERE id = ?", (document.id,)
            ).fetchone()
            if row and row[1] != text_hash:
                choice = self.conflict(
                    ConflictKind.DOCUMENT_TEXT,
                    document.id,
                    row[2],
                    {"title": row[2], "text_sha256": row[1]},
                    {"title": document.title, "text_sha256": text_hash},
                )
                if choice is Choice.THEIRS:  # a frozen text is never replaced: keep both
                    copy_id = derived_guid("merged copy", document.id, text_hash)
                    self.plan.document_map[document.id] = copy_id
                    self.plan.new_documents.append(_with_id(document, copy_id))
                continue
            if row is None:
                found = conn.execute(
                    "SELECT id FROM documents WHERE text_sha256 = ? ORDER BY imported_at LIMIT 1",
                    (text_hash,),
                ).fetchone()
                if found is None:
                    self.plan.document_map[document.id] = document.id
                    self.plan.new_documents.append(document)
                    continue
                row, how = (found[0],), "text"
            else:
                how = "id"
            self.plan.document_map[document.id] = row[0]
            self.plan.document_matches[document.id] = how
            self.document_details(document, row[0])

    def document_details(self, document: IncomingDocument, our_id: DocumentId) -> None:
        columns = ", ".join(_DOC_DETAILS)
        row = self.project.conn.execute(
            f"SELECT {columns} FROM documents WHERE id = ?", (our_id,)
        ).fetchone()
        ours = dict(zip(_DOC_DETAILS, row, strict=True))
        theirs = {**document.provenance, "title": document.title}
        fills = {k: v for k, v in theirs.items() if v and not ours.get(k)}
        differ = {k: v for k, v in theirs.items() if v and ours.get(k) and ours[k] != v}
        if differ:
            choice = self.conflict(
                ConflictKind.DOCUMENT_DETAILS,
                document.id,
                ours["title"],
                {k: ours[k] for k in differ},
                differ,
            )
            if choice is Choice.THEIRS:
                fills.update(differ)
        if fills:
            self.plan.document_updates[our_id] = fills

    def codings(self) -> None:
        seen: set[tuple[str, str, int, int, str]] = set()
        ours = _OurCodings(self.project)
        for coding in self.incoming.codings:
            document_id = self.plan.document_map.get(coding.document_id)
            if document_id is None:
                self.plan.skipped_codings += 1
                continue
            mapped = replace(
                coding,
                document_id=document_id,
                code_id=self.plan.code_map[coding.code_id],
                coder_id=self.plan.coder_map[coding.coder_id],
            )
            key = (mapped.document_id, mapped.code_id, mapped.start, mapped.end, mapped.coder_id)
            row = ours.by_id(coding.id)
            if row is not None:
                self.existing_coding(mapped, row)
            elif key in seen or ours.has(key):
                self.plan.duplicate_codings += 1
            else:
                seen.add(key)
                self.plan.new_codings.append(mapped)

    def existing_coding(self, mapped: IncomingCoding, row: tuple[object, ...]) -> None:
        _, document_id, code_id, start, end, coder_id, memo = row
        same_place = (document_id, start, end, coder_id) == (
            mapped.document_id,
            mapped.start,
            mapped.end,
            mapped.coder_id,
        )
        differ = {}
        if same_place and code_id != mapped.code_id:
            differ["code_id"] = mapped.code_id
        if mapped.memo and mapped.memo != memo:
            differ["memo"] = mapped.memo
        if not same_place:
            self.plan.report.warnings.append(
                f"coding {mapped.id} has another place in each project; ours is kept"
            )
            return
        if not differ:
            self.plan.duplicate_codings += 1
            return
        if set(differ) == {"memo"} and not memo:
            self.plan.coding_updates[mapped.id] = differ
            return
        choice = self.conflict(
            ConflictKind.CODING_CHANGED,
            mapped.id,
            f"coding {start}-{end}",
            {"code_id": str(code_id), "memo": str(memo)},
            differ,
        )
        if choice is Choice.THEIRS:
            self.plan.coding_updates[mapped.id] = differ
        else:
            self.plan.duplicate_codings += 1

    def finished(self) -> None:
        conn = self.project.conn
        for mark in self.incoming.finished:
            document_id = self.plan.document_map.get(mark.document_id)
            coder_id = self.plan.coder_map.get(mark.coder_id)
            if document_id is None or coder_id is None or not mark.finished:
                continue
            row = conn.execute(
                "SELECT finished FROM document_status WHERE document_id = ? AND coder_id = ?",
                (document_id, coder_id),
            ).fetchone()
            if row is None or not row[0]:
                self.plan.finished.append(
                    IncomingFinished(document_id, coder_id, True, mark.updated_at)
                )


class _OurCodings:
    """The project's codings, looked up by id or by place, read one document at a time."""

    def __init__(self, project: Project) -> None:
        self.conn = project.conn
        self.document_id: str | None = None
        self.keys: set[tuple[str, str, int, int, str]] = set()

    def by_id(self, coding_id: str) -> tuple[object, ...] | None:
        row: tuple[object, ...] | None = self.conn.execute(
            'SELECT id, document_id, code_id, start, "end", coder_id, memo FROM codings '
            "WHERE id = ?",
            (coding_id,),
        ).fetchone()
        return row

    def has(self, key: tuple[str, str, int, int, str]) -> bool:
        if key[0] != self.document_id:
            self.document_id = key[0]
            rows = self.conn.execute(
                'SELECT document_id, code_id, start, "end", coder_id FROM codings '
                "WHERE document_id = ?",
                (key[0],),
            )
            self.keys = {tuple(r) for r in rows}
        return key in self.keys


def _with_id(document: IncomingDocument, new_id: str) -> IncomingDocument:
    return replace(document, id=new_id)


def _paths(codes: list[Code] | list[IncomingCode]) -> dict[str, str]:
    by_id = {c.id: c for c in codes}
    paths: dict[str, str] = {}

    def path(code_id: str, depth: int = 0) -> str:
        if code_id not in paths:
            code = by_id[code_id]
            parent = code.parent_id
            prefix = (
                path(parent, depth + 1) + PATH_SEPARATOR if parent in by_id and depth < 64 else ""
            )
            paths[code_id] = prefix + code.name
        return paths[code_id]

    for code in codes:
        path(code.id)
    return paths


def plan_merge(
    project: Project,
    incoming: IncomingProject,
    choices: dict[str, Choice] | None = None,
    *,
    default: Choice | None = None,
) -> MergePlan:
    """What merging `incoming` into `project` would do, given the choices made so far.

    With `default`, every conflict without an explicit choice takes it.
    """
    choices = dict(choices or {})
    _normalise_names(incoming)
    while True:
        planner = _Planner(project, incoming, choices)
        planner.run()
        # A choice can reveal further conflicts: give those the default too, and re-plan.
        open_keys = [c.key for c in planner.plan.unresolved]
        if default is None or not open_keys:
            return planner.plan
        choices.update(dict.fromkeys(open_keys, default))


def _path_key(path: str) -> str:
    return path_key(path.split(PATH_SEPARATOR))


def _normalise_names(incoming: IncomingProject) -> None:
    """Names from another tool come in as we store ours: in NFC (`names`)."""
    for coder in incoming.coders:
        coder.name = normal_name(coder.name)
    for code in incoming.codes:
        code.name = normal_name(code.name)
    for document in incoming.documents:
        document.title = normal_name(document.title)
