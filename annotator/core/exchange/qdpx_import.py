"""Read a .qdpx archive from any REFI-QDA tool into an IncomingProject, leniently.

Be lenient in what we accept: `Project.qde` or `<name>.qde`, `Sources/`, GUIDs in
any case or with braces, `internal://` paths with or without the prefix, inline
`PlainTextContent`, a byte-order mark the positions do not count, missing dates,
empty containers. Never read outside the archive: `relative://` and `absolute://`
sources are listed as not imported. Whatever Annotator cannot represent (pictures,
audio, video, PDF regions, cases, links, graphs, other sets) is listed in the report.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from annotator.core.documents import sha256_hex
from annotator.core.exchange import xml_reading as rx
from annotator.core.exchange.archive import (
    DEFAULT_LIMITS,
    ArchiveLimits,
    MemberStream,
    MemberTooLarge,
    SafeArchive,
)
from annotator.core.exchange.errors import ExchangeFileError, FileProblem
from annotator.core.exchange.incoming import (
    IncomingCoder,
    IncomingCoding,
    IncomingDocument,
    IncomingFinished,
    IncomingProject,
    SkipReason,
    derived_guid,
    normalise_guid,
)
from annotator.core.exchange.qdc import note_texts, read_codes
from annotator.core.exchange.qdpx_export import VARIABLES, finished_set_guid
from annotator.core.exchange.source_text import SourceText, UndecodableText, decode
from annotator.core.ids import CoderId

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(//)?")
_OTHER_SOURCES = {
    "picturesource": "picture",
    "pdfsource": "PDF",
    "audiosource": "audio",
    "videosource": "video",
}
_FIELD_OF_VARIABLE = {label.casefold(): name for name, label in VARIABLES.items()} | {
    name.casefold(): name for name in VARIABLES
}


class _Reader:
    def __init__(
        self, archive: SafeArchive, root: ET.Element, sources: Iterable[ET.Element]
    ) -> None:
        self.archive = archive
        self.root = root  # the project without its sources, which `sources` yields one by one
        self.sources = sources
        self.incoming = IncomingProject(
            source_name=archive.path.name, origin=rx.attr(root, "origin")
        )
        self.report = self.incoming.report
        self.coders: dict[str, IncomingCoder] = {}
        self.notes: dict[str, str] = {}
        self.used_notes: set[str] = set()
        self.variables: dict[str, str] = {}  # guid -> our field name or the variable's name
        self.from_annotator = self.incoming.origin.startswith("Annotator")
        self.document_ids: set[str] = set()

    # -- members --------------------------------------------------------------
    def member(self, path_value: str, kind: str, name: str) -> bytes | None:
        """Bytes of an `internal://` file (prefix optional); None, reported, otherwise."""
        value = path_value.strip()
        scheme = _SCHEME.match(value)
        if (scheme and scheme.group(1).casefold() != "internal") or value.startswith(("/", "\\")):
            self.report.skip(kind, name, SkipReason.OUTSIDE_ARCHIVE, value)
            return None
        file_name = value[scheme.end() :] if scheme else value
        found = self.archive.find(f"sources/{file_name}") or self.archive.find(file_name)
        if found is None:
            self.report.skip(kind, name, SkipReason.MISSING_FILE, value)
            return None
        try:
            return self.archive.read(found)
        except MemberTooLarge as exc:
            self.report.skip(kind, name, SkipReason.TOO_LARGE, f"{found}: {exc.size} bytes")
            return None

    # -- users, notes, variables ----------------------------------------------
    def read_users(self) -> None:
        for user in rx.contents(self.root, "Users", "User"):
            guid = normalise_guid(rx.attr(user, "guid"))
            if guid is None:
                self.report.skip("user", rx.attr(user, "name"), SkipReason.INVALID_VALUE, "GUID")
                continue
            name = rx.attr(user, "name").strip() or rx.attr(user, "id").strip()
            self.coders[guid] = IncomingCoder(guid, name or f"Unknown user {guid[:8]}")

    def coder_for(self, *candidates: str) -> str:
        """The first usable user GUID; an unknown one becomes a coder, said in the report."""
        for candidate in candidates:
            guid = normalise_guid(candidate)
            if guid is None:
                continue
            if guid not in self.coders:
                self.coders[guid] = IncomingCoder(guid, f"Unknown user {guid[:8]}")
                self.report.warnings.append(f"user {guid} is not listed in the file's users")
            return guid
        guid = derived_guid("unknown coder", self.incoming.source_name)
        if guid not in self.coders:
            label = self.incoming.origin or self.incoming.source_name
            self.coders[guid] = IncomingCoder(guid, f"Unknown coder ({label})")
            self.report.warnings.append("some codings name no user; they are given one coder")
        return guid

    def read_notes(self) -> None:
        for note in rx.contents(self.root, "Notes", "Note"):
            guid = normalise_guid(rx.attr(note, "guid"))
            if guid is None:
                continue
            text = rx.text_of(rx.child(note, "PlainTextContent"))
            path_value = rx.attr(note, "plainTextPath")
            if not text and path_value:
                data = self.member(path_value, "note", rx.attr(note, "name"))
                text = decode(data)[0].removeprefix("\ufeff").strip() if data else ""
            self.notes[guid] = text

    def memo(self, element: ET.Element, *, description: bool = True) -> str:
        for ref in rx.children(element, "NoteRef"):
            self.used_notes.add(normalise_guid(rx.attr(ref, "targetGUID")) or "")
        parts = [rx.text_of(rx.child(element, "Description"))] if description else []
        parts.append(note_texts(element, self.notes))
        return "\n\n".join(p for p in parts if p)

    def read_variables(self) -> None:
        for variable in rx.contents(self.root, "Variables", "Variable"):
            guid = normalise_guid(rx.attr(variable, "guid"))
            name = rx.attr(variable, "name")
            if guid:
                self.variables[guid] = _FIELD_OF_VARIABLE.get(name.casefold().strip(), name)

    # -- sources ----------------------------------------------------------------
    def read_sources(self) -> None:
        known_codes = {c.id for c in self.incoming.codes}
        for source in self.sources:
            kind = rx.local_name(source)
            name = rx.attr(source, "name")
            if kind != "textsource":
                label = _OTHER_SOURCES.get(kind, kind)
                self.report.skip(f"{label} source", name, SkipReason.UNSUPPORTED)
                continue
            self.read_text_source(source, name, known_codes)

    def read_text_source(self, source: ET.Element, name: str, known_codes: set[str]) -> None:
        guid = normalise_guid(rx.attr(source, "guid"))
        if guid is None or guid in self.document_ids:
            self.report.skip(
                "text source", name, SkipReason.INVALID_VALUE, "missing or repeated GUID"
            )
            return
        path_value = rx.attr(source, "plainTextPath")
        if path_value:
            data = self.member(path_value, "text source", name)
            if data is None:
                return
        else:
            content = rx.child(source, "PlainTextContent")
            if content is None:
                self.report.skip("text source", name, SkipReason.MISSING_FILE, "no text")
                return
            data = "".join(content.itertext()).encode("utf-8")
        try:
            raw, encoding = decode(data)
        except UndecodableText as exc:
            self.report.skip("text source", name, SkipReason.UNREADABLE_TEXT, str(exc))
            return
        selections = list(rx.children(source, "PlainTextSelection"))
        text = SourceText.of(raw).fitting_names(
            [
                (
                    _int(rx.attr(s, "startPosition")),
                    _int(rx.attr(s, "endPosition")),
                    rx.attr(s, "name"),
                )
                for s in selections
            ]
        )
        creator = rx.attr(source, "creatingUser")
        document = IncomingDocument(
            id=guid,
            title=name.strip() or f"Source {guid[:8]}",
            text=text.text,
            # our own exports say the encoding of the original in a variable, if known
            encoding="" if self.from_annotator else encoding,
            imported_at=rx.attr(source, "creationDateTime"),
            imported_by=normalise_guid(creator),
        )
        document.provenance["memo"] = self.memo(source)
        self.read_values(source, document)
        self.incoming.documents.append(document)
        self.document_ids.add(guid)
        for selection in selections:
            self.read_selection(selection, document, text, known_codes, creator)
        for _ in rx.children(source, "Coding"):
            self.report.skip("coding of a whole source", name, SkipReason.UNSUPPORTED)

    def read_values(self, source: ET.Element, document: IncomingDocument) -> None:
        extra: list[str] = []
        for value_el in rx.children(source, "VariableValue"):
            ref = rx.child(value_el, "VariableRef")
            target = normalise_guid(rx.attr(ref, "targetGUID")) if ref is not None else None
            field = self.variables.get(target or "", "")
            values = [e for e in value_el if rx.local_name(e) != "variableref"]
            value = rx.text_of(values[0]) if values else ""
            if not value:
                continue
            if not field:
                self.report.skip(
                    "variable value",
                    f"{document.title}: {value[:60]}",
                    SkipReason.DANGLING_REFERENCE,
                    "variable",
                )
                continue
            if field == "original_file":
                original = self.member(value, "original file", document.title)
                document.original = original or b""
            elif field in ("original_filename", "media_type", "encoding"):
                setattr(document, field, value)
            elif field in ("original_sha256", "text_sha256"):
                document.provenance[f"_{field}"] = value
            elif field in VARIABLES:
                document.provenance[field] = value
            else:
                extra.append(f"{field}: {value}")
        if extra:
            notes = document.provenance.get("notes", "")
            document.provenance["notes"] = "\n".join([notes, *extra] if notes else extra)
        self.check_hashes(document)

    def check_hashes(self, document: IncomingDocument) -> None:
        claimed_text = document.provenance.pop("_text_sha256", "")
        claimed_original = document.provenance.pop("_original_sha256", "")
        if claimed_text and claimed_text != sha256_hex(document.text):
            self.report.warnings.append(
                f"{document.title}: the text differs from the one the file's hash describes"
            )
        if (
            claimed_original
            and document.original
            and claimed_original != sha256_hex(document.original)
        ):
            self.report.warnings.append(
                f"{document.title}: the original file differs from the one its hash describes"
            )

    def read_selection(
        self,
        selection: ET.Element,
        document: IncomingDocument,
        text: SourceText,
        known_codes: set[str],
        source_creator: str,
    ) -> None:
        start = _int(rx.attr(selection, "startPosition"))
        end = _int(rx.attr(selection, "endPosition"))
        label = f"{document.title} {start}-{end}"
        span = text.span(start, end)
        codings = list(rx.children(selection, "Coding"))
        if span is None:
            for _ in codings or [selection]:
                self.report.skip(
                    "coding", label, SkipReason.BAD_POSITION, f"text length {len(text.text)}"
                )
            return
        shared_memo = self.memo(selection)
        selection_guid = normalise_guid(rx.attr(selection, "guid")) or derived_guid(label)
        for coding in codings:
            ref = rx.child(coding, "CodeRef")
            code_id = normalise_guid(rx.attr(ref, "targetGUID")) if ref is not None else None
            if code_id is None or code_id not in known_codes:
                self.report.skip("coding", label, SkipReason.DANGLING_REFERENCE, "code")
                continue
            coder_id = self.coder_for(
                rx.attr(coding, "creatingUser"),
                rx.attr(selection, "creatingUser"),
                source_creator,
                rx.attr(self.root, "creatingUserGUID"),
            )
            coding_id = normalise_guid(rx.attr(coding, "guid")) or derived_guid(
                selection_guid, code_id, coder_id
            )
            self.incoming.codings.append(
                IncomingCoding(
                    id=coding_id,
                    document_id=document.id,
                    code_id=code_id,
                    coder_id=coder_id,
                    start=span[0],
                    end=span[1],
                    memo=self.memo(coding, description=False) or shared_memo,
                    created_at=rx.attr(coding, "creationDateTime")
                    or rx.attr(selection, "creationDateTime"),
                )
            )

    # -- the rest ---------------------------------------------------------------
    def read_sets(self) -> None:
        finished_sets = {finished_set_guid(CoderId(guid)): guid for guid in self.coders}
        documents = {d.id for d in self.incoming.documents}
        for set_el in rx.contents(self.root, "Sets", "Set"):
            coder_id = finished_sets.get(normalise_guid(rx.attr(set_el, "guid")) or "")
            if coder_id is None:
                self.report.skip("set", rx.attr(set_el, "name"), SkipReason.UNSUPPORTED)
                continue
            for member in rx.children(set_el, "MemberSource"):
                document_id = normalise_guid(rx.attr(member, "targetGUID"))
                if document_id in documents:
                    self.incoming.finished.append(IncomingFinished(document_id, coder_id, True, ""))

    def list_unsupported(self) -> None:
        for container, kind in (("Cases", "case"), ("Links", "link"), ("Graphs", "graph")):
            for element in rx.contents(self.root, container):
                self.report.skip(kind, rx.attr(element, "name"), SkipReason.UNSUPPORTED)
        project_memo = self.memo(self.root)
        if project_memo:
            self.report.skip("project memo", project_memo[:80], SkipReason.UNSUPPORTED)
        for guid, text in self.notes.items():
            if guid not in self.used_notes and text:
                self.report.skip("note", text[:80], SkipReason.UNSUPPORTED)

    def read(self) -> IncomingProject:
        self.read_users()
        self.read_notes()
        self.read_variables()
        self.incoming.codes = read_codes(
            rx.child(rx.child(self.root, "CodeBook"), "Codes"),
            self.report,
            self.archive.path,
            self.notes,
        )
        for code_el in self.root.iter():
            if rx.local_name(code_el) == "code":
                self.memo(code_el, description=False)
        self.read_sources()
        self.read_sets()
        self.list_unsupported()
        self.incoming.coders = list(self.coders.values())
        return self.incoming


def _int(value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        return -1


def _project_member(archive: SafeArchive) -> str:
    found = archive.find("project.qde")
    if found:
        return found
    at_root = [n for n in archive.names if "/" not in n and n.casefold().endswith(".qde")]
    if len(at_root) == 1:  # ATLAS.ti names it after the project
        return at_root[0]
    raise ExchangeFileError(archive.path, FileProblem.NO_PROJECT)


def read_qdpx(path: Path | str, *, limits: ArchiveLimits = DEFAULT_LIMITS) -> IncomingProject:
    """Everything in a .qdpx that Annotator can hold, and a report of the rest.

    project.qde is read as a stream, twice (the project without its sources, then the
    sources one at a time), so a project of a million codings never sits in memory
    as XML.
    """
    path = Path(path)
    with SafeArchive(path, limits) as archive:
        member = _project_member(archive)

        def project_xml() -> MemberStream:
            return archive.open(member, limits.max_project_bytes)

        try:
            root = rx.parse_without(project_xml, path, member, "Sources")
            if rx.local_name(root) != "project":
                raise ExchangeFileError(path, FileProblem.NOT_REFI, f"<{rx.local_name(root)}>")
            sources = rx.stream_children(project_xml, path, member, "Sources")
            return _Reader(archive, root, sources).read()
        except MemberTooLarge as exc:
            raise ExchangeFileError(path, FileProblem.TOO_LARGE, str(exc)) from exc
