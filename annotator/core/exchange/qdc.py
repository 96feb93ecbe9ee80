"""REFI-QDA codebooks (.qdc): the code tree alone, to share with any QDA tool.

Writing is strict (the file validates against Codebook.xsd); reading is lenient: a
byte-order mark, letter case, GUID forms, duplicate names and the empty `<Sets/>`
Taguette writes are all accepted. Reading yields an IncomingProject holding only
codes, which `merge` brings into a project like any other file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from annotator import __version__
from annotator.core import events, input_files
from annotator.core.codebook import CodeNode, codebook_tree
from annotator.core.exchange import xml_reading as rx
from annotator.core.exchange.errors import ExchangeFileError, FileProblem
from annotator.core.exchange.incoming import (
    ImportReport,
    IncomingCode,
    IncomingProject,
    SkipReason,
    clean_codes,
    normalise_guid,
)
from annotator.core.exchange.writing import xml_bytes
from annotator.core.ids import CoderId
from annotator.core.input_files import InputProblem, InputRefused
from annotator.core.project import Project
from annotator.core.storage.atomic_write import write_bytes
from annotator.core.unwritable import Scope, check_exportable_text, refuse_unwritable_xml

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"Annotator {__version__}"
MAX_CODE_DEPTH = 64
MAX_QDC_BYTES = 64 * 1024 * 1024

NoteRefs = Callable[[CodeNode], list[str]]


def add_code_elements(
    parent: ET.Element, tree: list[CodeNode], ns: str, note_refs: NoteRefs | None = None
) -> None:
    """Nest `<Code>` elements under `parent` following the tree (depth-first order).

    `ns` is the namespace of the tags, or "" for tags that inherit a default namespace.
    """
    prefix = f"{{{ns}}}" if ns else ""
    stack: list[tuple[int, ET.Element]] = [(-1, parent)]
    for node in tree:
        while stack[-1][0] >= node.depth:
            stack.pop()
        code = node.code
        element = ET.SubElement(
            stack[-1][1],
            f"{prefix}Code",
            {"guid": code.id, "name": code.name, "isCodable": "true", "color": code.color},
        )
        if code.definition:
            ET.SubElement(element, f"{prefix}Description").text = code.definition
        for target in note_refs(node) if note_refs else []:
            ET.SubElement(element, f"{prefix}NoteRef", {"targetGUID": target})
        stack.append((node.depth, element))


def codebook_xml(project: Project) -> bytes:
    check_exportable_text(project, Scope.CODEBOOK)
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": ORIGIN})
    codes = ET.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    tree = codebook_tree(project)
    if not tree:
        raise ExchangeFileError(project.path, FileProblem.EMPTY_CODEBOOK)
    add_code_elements(codes, tree, CODEBOOK_NS)
    return refuse_unwritable_xml(xml_bytes(root, CODEBOOK_NS), "codebook")


def export_qdc(project: Project, target: Path | str, *, coder_id: CoderId | None = None) -> Path:
    """Write the project's codebook as a .qdc file; an earlier file stays until it is done."""
    target = write_bytes(target, codebook_xml(project))
    if not project.read_only:
        with project.transaction() as conn:
            events.record(conn, "codebook exported", coder_id, format="qdc", file=target.name)
    return target


def read_codes(
    codes_element: ET.Element | None,
    report: ImportReport,
    path: Path,
    notes: dict[str, str] | None = None,
) -> list[IncomingCode]:
    """The code tree under a `<Codes>` element, parents first, names made usable.

    `notes` (Note texts by GUID) turns a code's NoteRefs into its memo.
    """
    found: list[IncomingCode] = []
    if codes_element is None:
        return found
    seen_ids: set[str] = set()

    def walk(element: ET.Element, parent_id: str | None, depth: int) -> None:
        if depth > MAX_CODE_DEPTH:
            raise ExchangeFileError(path, FileProblem.CODES_TOO_DEEP, count=MAX_CODE_DEPTH)
        for code_el in rx.children(element, "Code"):
            name = rx.attr(code_el, "name")
            guid = normalise_guid(rx.attr(code_el, "guid"))
            if guid is None or guid in seen_ids:
                report.skip("code", name, SkipReason.INVALID_VALUE, "missing or repeated GUID")
                continue
            seen_ids.add(guid)
            found.append(
                IncomingCode(
                    id=guid,
                    name=name,
                    parent_id=parent_id,
                    color=rx.attr(code_el, "color"),
                    definition=rx.text_of(rx.child(code_el, "Description")),
                    memo=note_texts(code_el, notes or {}),
                )
            )
            walk(code_el, guid, depth + 1)

    walk(codes_element, None, 0)
    clean_codes(found, report)
    return found


def note_texts(element: ET.Element, notes: dict[str, str]) -> str:
    """The texts of the Notes an element refers to, in order, as one memo."""
    texts = []
    for ref in rx.children(element, "NoteRef"):
        text = notes.get(normalise_guid(rx.attr(ref, "targetGUID")) or "")
        if text:
            texts.append(text)
    return "\n\n".join(texts)


def _refusal(path: Path, refused: InputRefused) -> ExchangeFileError:
    problem = {
        InputProblem.MISSING: FileProblem.NOT_FOUND,
        InputProblem.TOO_LARGE: FileProblem.TOO_LARGE,
    }.get(refused.problem, FileProblem.UNREADABLE)
    if refused.problem is InputProblem.NOT_REGULAR:
        return ExchangeFileError(path, FileProblem.NOT_A_FILE, file_type=refused.file_type)
    return ExchangeFileError(path, problem, system=refused.system)


def read_qdc(path: Path | str) -> IncomingProject:
    """A .qdc codebook as an incoming project with codes only."""
    path = Path(path)
    try:
        data = input_files.read_regular_file(path, MAX_QDC_BYTES)
    except InputRefused as refused:
        raise _refusal(path, refused) from None
    root = rx.parse(data, path)
    if rx.local_name(root) != "codebook":
        raise ExchangeFileError(path, FileProblem.NOT_REFI, f"<{rx.local_name(root)}>")
    incoming = IncomingProject(source_name=path.name, origin=rx.attr(root, "origin"))
    incoming.codes = read_codes(rx.child(root, "Codes"), incoming.report, path)
    for set_el in rx.contents(root, "Sets", "Set"):
        incoming.report.skip("set", rx.attr(set_el, "name"), SkipReason.UNSUPPORTED)
    return incoming
