"""Export a whole project as REFI-QDA .qdpx, for partners using other QDA tools.

The archive holds `project.qde` (valid against Project.xsd) and a flat `sources/`
folder: each document's frozen text as `<document id>.txt` (UTF-8, no byte-order
mark, so positions count from its first character) and its original file. Whatever
the standard has no field for is kept where peers show it and we read it back:
provenance as text variables of the source, memos as Descriptions or dated Notes,
finished marks as one Set per coder. Ids are our UUIDs, so a re-import matches.

The archive is written one document at a time (texts first, then project.qde with
one TextSource serialised after another), so memory stays flat however big the project.
"""

from __future__ import annotations

import mimetypes
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.sax.saxutils import quoteattr

from annotator.core import events
from annotator.core.codebook import CodeNode, codebook_tree
from annotator.core.coders import list_coders
from annotator.core.coding import Coding, codings_of_document
from annotator.core.documents import Document, get_document, get_original, list_documents
from annotator.core.exchange.incoming import derived_guid
from annotator.core.exchange.qdc import ORIGIN, add_code_elements
from annotator.core.ids import CoderId, DocumentId, utc_now
from annotator.core.project import Project
from annotator.core.storage.atomic_write import atomic_write
from annotator.core.unwritable import (
    Scope,
    check_exportable_text,
    refuse_unwritable_xml,
)
from annotator.core.xml_text import xml_safe

PROJECT_NS = "urn:QDA-XML:project:1.0"
SELECTION_NAME_LENGTH = 200
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")

# Source variables: our document fields under the names peers show to their users.
VARIABLES: dict[str, str] = {
    "source_url": "Source URL",
    "publisher": "Publisher",
    "author": "Author",
    "published_date": "Published date",
    "accessed_date": "Accessed date",
    "language": "Language",
    "notes": "Notes",
    "original_filename": "Original file name",
    "media_type": "Media type",
    "encoding": "Encoding",
    "original_sha256": "Original SHA-256",
    "text_sha256": "Text SHA-256",
    "original_file": "Original file",  # the archive member holding the original bytes
}
FINISHED_SET = "finished"


def variable_guid(field_name: str) -> str:
    return derived_guid("variable", field_name)


def finished_set_guid(coder_id: CoderId) -> str:
    return derived_guid(FINISHED_SET, coder_id)


def selection_guid(document_id: DocumentId, start: int, end: int) -> str:
    return derived_guid("selection", document_id, str(start), str(end))


def note_guid(kind: str, owner_id: str) -> str:
    return derived_guid("note", kind, owner_id)


@dataclass(frozen=True)
class QdpxSummary:
    path: Path
    documents: int
    codes: int
    codings: int
    coders: int


def _sub(parent: ET.Element, tag: str, attrib: dict[str, str] | None = None) -> ET.Element:
    return ET.SubElement(parent, tag, {k: v for k, v in (attrib or {}).items() if v})


def _element(tag: str, attrib: dict[str, str] | None = None) -> ET.Element:
    return ET.Element(tag, {k: v for k, v in (attrib or {}).items() if v})


def _datetime(value: str) -> str:
    """The value if it is a valid xsd:dateTime, else nothing (the attribute is dropped)."""
    return value if value and _DATETIME.match(value) else ""


def _emit(out: IO[bytes], element: ET.Element) -> None:
    """Write one child of <Project>; it inherits the root's default namespace."""
    ET.indent(element, space=" ", level=1)
    data = ET.tostring(element, encoding="utf-8", xml_declaration=False)
    out.write(b"\n " + refuse_unwritable_xml(data, "project.qde"))


class _Writer:
    """Writes the archive's members, then project.qde, one document at a time."""

    def __init__(self, project: Project, archive: zipfile.ZipFile) -> None:
        self.project = project
        self.archive = archive
        self.coder_ids = {c.id for c in list_coders(project)}
        self.notes: list[tuple[str, str, str, str, str]] = []  # guid, name, user, at, text
        self.originals: dict[str, str] = {}  # document id -> member name of its original
        self.coding_count = 0

    def user(self, coder_id: CoderId | None) -> str:
        return coder_id if coder_id in self.coder_ids else ""

    def note(
        self, kind: str, owner_id: str, name: str, user: CoderId | None, at: str, text: str
    ) -> str:
        guid = note_guid(kind, owner_id)
        # QualCoder's importer fails on a Note without a date: always give one
        self.notes.append((guid, name, self.user(user), _datetime(at) or utc_now(), text))
        return guid

    def code_notes(self, node: CodeNode) -> list[str]:
        code = node.code
        if not code.memo:
            return []
        return [self.note("code", code.id, f"Memo: {code.name}", None, code.created_at, code.memo)]

    # -- pass 1: the texts and originals ----------------------------------------------
    def write_sources(self, document_ids: list[DocumentId]) -> None:
        for document_id in document_ids:
            document = get_document(self.project, document_id)
            self.archive.writestr(f"sources/{document.id}.txt", document.text.encode("utf-8"))
            original = get_original(self.project, document.id)
            if original:
                suffix = Path(document.original_filename).suffix or (
                    mimetypes.guess_extension(document.media_type) or ".bin"
                )
                member = f"{derived_guid('original', document.id)}{suffix.lower()}"
                self.archive.writestr(f"sources/{member}", original)
                self.originals[document.id] = member

    # -- pass 2: project.qde ------------------------------------------------------------
    def write_project(self, out: IO[bytes], document_ids: list[DocumentId]) -> tuple[int, int]:
        project = self.project
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n')
        attributes = f"name={quoteattr(xml_safe(project.name))} origin={quoteattr(ORIGIN)}"
        out.write(f'<Project xmlns="{PROJECT_NS}" {attributes}>'.encode())
        coders = list_coders(project)
        if coders:
            users = _element("Users")
            for coder in coders:
                _sub(users, "User", {"guid": coder.id, "name": coder.name})
            _emit(out, users)
        tree = codebook_tree(project)
        if tree:
            codebook = _element("CodeBook")
            add_code_elements(_sub(codebook, "Codes"), tree, "", self.code_notes)
            _emit(out, codebook)
        used = self.used_variables()
        if used:
            variables = _element("Variables")
            for field_name, label in VARIABLES.items():
                if field_name in used:
                    attrib = {"guid": variable_guid(field_name), "name": label}
                    _sub(variables, "Variable", {**attrib, "typeOfVariable": "Text"})
            _emit(out, variables)
        if document_ids:
            out.write(b"\n <Sources>")
            for document_id in document_ids:
                source = self.source(get_document(project, document_id))
                ET.indent(source, space=" ", level=2)
                data = ET.tostring(source, encoding="utf-8", xml_declaration=False)
                out.write(b"\n  " + refuse_unwritable_xml(data, "project.qde"))
            out.write(b"\n </Sources>")
        if self.notes:
            notes = _element("Notes")
            for guid, name, user, at, text in self.notes:
                attrib = {"guid": guid, "name": name, "creatingUser": user}
                note = _sub(notes, "Note", {**attrib, "creationDateTime": at})
                _sub(note, "PlainTextContent").text = text
            _emit(out, notes)
        sets = self.finished_sets({c.id: c.name for c in coders})
        if sets is not None:
            _emit(out, sets)
        out.write(b"\n</Project>\n")
        return len(tree), len(coders)

    def used_variables(self) -> set[str]:
        """The source variables at least one document has a value for."""
        used = {"original_file"} if self.originals else set()
        for field_name in VARIABLES:
            if (
                field_name != "original_file"
                and self.project.conn.execute(
                    f"SELECT 1 FROM documents WHERE {field_name} <> '' LIMIT 1"
                ).fetchone()
            ):
                used.add(field_name)
        return used

    def source(self, document: Document) -> ET.Element:
        element = _element(
            "TextSource",
            {
                "guid": document.id,
                "name": document.title,
                "plainTextPath": f"internal://{document.id}.txt",
                "creatingUser": self.user(document.imported_by),
                "creationDateTime": _datetime(document.imported_at),
            },
        )
        if document.memo:
            _sub(element, "Description").text = document.memo
        codings = codings_of_document(self.project, document.id)
        self.coding_count += len(codings)
        for span, group in _by_span(codings):
            self.selection(element, document, span, group)
        for field_name, value in self.variable_values(document):
            value_el = _sub(element, "VariableValue")
            _sub(value_el, "VariableRef", {"targetGUID": variable_guid(field_name)})
            ET.SubElement(value_el, "TextValue").text = value
        return element

    def variable_values(self, document: Document) -> Iterable[tuple[str, str]]:
        for field_name in VARIABLES:
            if field_name == "original_file":
                member = self.originals.get(document.id)
                value = f"internal://{member}" if member else ""
            else:
                value = str(getattr(document, field_name) or "")
            if value:
                yield field_name, value

    def selection(
        self, source: ET.Element, document: Document, span: tuple[int, int], group: list[Coding]
    ) -> None:
        start, end = span
        memos = {c.memo for c in group}
        shared_memo = memos.pop() if len(memos) == 1 else ""
        first = min(group, key=lambda c: c.created_at)
        element = _sub(
            source,
            "PlainTextSelection",
            {
                "guid": selection_guid(document.id, start, end),
                # a label: a frozen text's odd character shows as U+FFFD (positions rule)
                "name": xml_safe(document.text[start:end][:SELECTION_NAME_LENGTH]),
                "startPosition": str(start),
                "endPosition": str(end),
                "creatingUser": self.user(first.coder_id),
                "creationDateTime": _datetime(first.created_at),
            },
        )
        if shared_memo:
            _sub(element, "Description").text = shared_memo
        for coding in group:
            coding_el = _sub(
                element,
                "Coding",
                {
                    "guid": coding.id,
                    "creatingUser": self.user(coding.coder_id),
                    "creationDateTime": _datetime(coding.created_at),
                },
            )
            _sub(coding_el, "CodeRef", {"targetGUID": coding.code_id})
            if coding.memo and not shared_memo:
                guid = self.note(
                    "coding",
                    coding.id,
                    "Coding memo",
                    coding.coder_id,
                    coding.created_at,
                    coding.memo,
                )
                _sub(coding_el, "NoteRef", {"targetGUID": guid})

    def finished_sets(self, coder_names: dict[str, str]) -> ET.Element | None:
        rows = self.project.conn.execute(
            "SELECT coder_id, document_id FROM document_status WHERE finished = 1 "
            "ORDER BY coder_id, document_id"
        ).fetchall()
        if not rows:
            return None
        sets = _element("Sets")
        members: dict[CoderId, list[DocumentId]] = {}
        for coder_id, document_id in rows:
            members.setdefault(coder_id, []).append(document_id)
        for coder_id, document_ids in members.items():
            name = coder_names.get(coder_id, coder_id)
            attrib = {"guid": finished_set_guid(coder_id), "name": f"Finished by {name}"}
            set_el = _sub(sets, "Set", attrib)
            description = f"Documents {name} marked finished in Annotator (coder {coder_id})"
            _sub(set_el, "Description").text = description
            for document_id in document_ids:
                _sub(set_el, "MemberSource", {"targetGUID": document_id})
        return sets


def _by_span(codings: list[Coding]) -> list[tuple[tuple[int, int], list[Coding]]]:
    """Codings grouped by span: one PlainTextSelection, one Coding per code and coder."""
    groups: dict[tuple[int, int], list[Coding]] = {}
    for coding in codings:
        groups.setdefault((coding.start, coding.end), []).append(coding)
    return sorted(groups.items())


def export_qdpx(
    project: Project, target: Path | str, *, coder_id: CoderId | None = None
) -> QdpxSummary:
    """Write the project as a .qdpx archive; an earlier file stays until it is complete."""
    target = Path(target)
    check_exportable_text(project, Scope.EVERYTHING)
    document_ids = [d.id for d in list_documents(project)]
    with atomic_write(target) as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as zf:
        writer = _Writer(project, zf)
        writer.write_sources(document_ids)
        with zf.open("project.qde", "w") as qde:
            codes, coders = writer.write_project(qde, document_ids)
    summary = QdpxSummary(target, len(document_ids), codes, writer.coding_count, coders)
    if not project.read_only:
        with project.transaction() as conn:
            events.record(
                conn,
                "project exported",
                coder_id,
                format="qdpx",
                file=target.name,
                documents=len(document_ids),
                codings=writer.coding_count,
            )
    return summary
