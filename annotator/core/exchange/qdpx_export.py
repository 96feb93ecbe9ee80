"""Export a whole project as REFI-QDA .qdpx, for partners using other QDA tools.

The archive holds `project.qde` (valid against Project.xsd) and a flat `sources/`
folder: each document's frozen text as `<document id>.txt` (UTF-8, no byte-order
mark, so positions count from its first character) and its original file. Whatever
the standard has no field for is kept where peers show it and we read it back:
provenance as text variables of the source, memos as Descriptions or dated Notes,
finished marks as one Set per coder. Ids are our UUIDs, so a re-import matches.
"""

from __future__ import annotations

import mimetypes
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core import events
from annotator.core.codebook import CodeNode, codebook_tree
from annotator.core.coders import list_coders
from annotator.core.coding import Coding, codings_of_document
from annotator.core.documents import Document, get_document, get_original, list_documents
from annotator.core.exchange.incoming import derived_guid
from annotator.core.exchange.qdc import ORIGIN, add_code_elements
from annotator.core.exchange.writing import atomic_file, xml_bytes
from annotator.core.ids import utc_now
from annotator.core.project import Project

PROJECT_NS = "urn:QDA-XML:project:1.0"
_P = f"{{{PROJECT_NS}}}"
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


def finished_set_guid(coder_id: str) -> str:
    return derived_guid(FINISHED_SET, coder_id)


def selection_guid(document_id: str, start: int, end: int) -> str:
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
    return ET.SubElement(parent, _P + tag, {k: v for k, v in (attrib or {}).items() if v})


def _datetime(value: str) -> str:
    """The value if it is a valid xsd:dateTime, else nothing (the attribute is dropped)."""
    return value if value and _DATETIME.match(value) else ""


class _Writer:
    """Builds project.qde and the list of archive members in one pass over the project."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.coder_ids = {c.id for c in list_coders(project)}
        self.notes: list[tuple[str, str, str, str, str]] = []  # guid, name, user, at, text
        self.members: list[tuple[str, bytes]] = []
        self.used_variables: set[str] = set()
        self.coding_count = 0

    def user(self, coder_id: str | None) -> str:
        return coder_id if coder_id in self.coder_ids else ""

    def note(self, kind: str, owner_id: str, name: str, user: str, at: str, text: str) -> str:
        guid = note_guid(kind, owner_id)
        # QualCoder's importer fails on a Note without a date: always give one
        self.notes.append((guid, name, self.user(user), _datetime(at) or utc_now(), text))
        return guid

    def code_notes(self, node: CodeNode) -> list[str]:
        code = node.code
        if not code.memo:
            return []
        return [self.note("code", code.id, f"Memo: {code.name}", "", code.created_at, code.memo)]

    def source(self, sources: ET.Element, document: Document) -> None:
        element = _sub(
            sources,
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
        self.members.append((f"sources/{document.id}.txt", document.text.encode("utf-8")))
        codings = codings_of_document(self.project, document.id)
        self.coding_count += len(codings)
        for span, group in _by_span(codings):
            self.selection(element, document, span, group)
        for field_name, value in self.variable_values(document):
            self.used_variables.add(field_name)
            value_el = _sub(element, "VariableValue")
            _sub(value_el, "VariableRef", {"targetGUID": variable_guid(field_name)})
            ET.SubElement(value_el, _P + "TextValue").text = value

    def variable_values(self, document: Document) -> Iterable[tuple[str, str]]:
        original = get_original(self.project, document.id)
        original_member = ""
        if original:
            suffix = Path(document.original_filename).suffix or (
                mimetypes.guess_extension(document.media_type) or ".bin"
            )
            original_member = f"{derived_guid('original', document.id)}{suffix.lower()}"
            self.members.append((f"sources/{original_member}", original))
        for field_name in VARIABLES:
            if field_name == "original_file":
                value = f"internal://{original_member}" if original_member else ""
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
                "name": document.text[start:end][:SELECTION_NAME_LENGTH],
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

    def project_xml(self) -> tuple[bytes, int, int, int]:
        project = self.project
        root = ET.Element(_P + "Project", {"name": project.name, "origin": ORIGIN})
        coders = list_coders(project)
        if coders:
            users = _sub(root, "Users")
            for coder in coders:
                _sub(users, "User", {"guid": coder.id, "name": coder.name})
        tree = codebook_tree(project)
        if tree:
            codes = _sub(_sub(root, "CodeBook"), "Codes")
            add_code_elements(codes, tree, PROJECT_NS, self.code_notes)
        variables = _sub(root, "Variables")
        summaries = list_documents(project)
        sources = _sub(root, "Sources")
        for summary in summaries:
            self.source(sources, get_document(project, summary.id))
        for field_name, label in VARIABLES.items():
            if field_name in self.used_variables:
                _sub(
                    variables,
                    "Variable",
                    {"guid": variable_guid(field_name), "name": label, "typeOfVariable": "Text"},
                )
        _drop_if_empty(root, variables)
        _drop_if_empty(root, sources)
        if self.notes:
            notes = _sub(root, "Notes")
            for guid, name, user, at, text in self.notes:
                note = _sub(
                    notes,
                    "Note",
                    {"guid": guid, "name": name, "creatingUser": user, "creationDateTime": at},
                )
                _sub(note, "PlainTextContent").text = text
        self.finished_sets(root, {c.id: c.name for c in coders})
        return xml_bytes(root, PROJECT_NS), len(summaries), len(tree), len(coders)

    def finished_sets(self, root: ET.Element, coder_names: dict[str, str]) -> None:
        rows = self.project.conn.execute(
            "SELECT coder_id, document_id FROM document_status WHERE finished = 1 "
            "ORDER BY coder_id, document_id"
        ).fetchall()
        if not rows:
            return
        sets = _sub(root, "Sets")
        members: dict[str, list[str]] = {}
        for coder_id, document_id in rows:
            members.setdefault(coder_id, []).append(document_id)
        for coder_id, document_ids in members.items():
            name = coder_names.get(coder_id, coder_id)
            set_el = _sub(
                sets, "Set", {"guid": finished_set_guid(coder_id), "name": f"Finished by {name}"}
            )
            _sub(
                set_el, "Description"
            ).text = f"Documents {name} marked finished in Annotator (coder {coder_id})"
            for document_id in document_ids:
                _sub(set_el, "MemberSource", {"targetGUID": document_id})


def _drop_if_empty(parent: ET.Element, element: ET.Element) -> None:
    if len(element) == 0:
        parent.remove(element)


def _by_span(codings: list[Coding]) -> list[tuple[tuple[int, int], list[Coding]]]:
    """Codings grouped by span: one PlainTextSelection, one Coding per code and coder."""
    groups: dict[tuple[int, int], list[Coding]] = {}
    for coding in codings:
        groups.setdefault((coding.start, coding.end), []).append(coding)
    return sorted(groups.items())


def export_qdpx(
    project: Project, target: Path | str, *, coder_id: str | None = None
) -> QdpxSummary:
    """Write the project as a .qdpx archive; an earlier file stays until it is complete."""
    target = Path(target)
    writer = _Writer(project)
    qde, documents, codes, coders = writer.project_xml()
    with atomic_file(target) as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", qde)
        for name, data in writer.members:
            zf.writestr(name, data)
    summary = QdpxSummary(target, documents, codes, writer.coding_count, coders)
    if not project.read_only:
        with project.transaction() as conn:
            events.record(
                conn,
                "project exported",
                coder_id,
                format="qdpx",
                file=target.name,
                documents=documents,
                codings=writer.coding_count,
            )
    return summary
