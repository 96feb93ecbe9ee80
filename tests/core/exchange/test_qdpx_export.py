"""Exported .qdpx files validate against Project.xsd and hold everything we know."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema

from annotator.core import coders, documents, events
from annotator.core.codebook import codebook_tree
from annotator.core.coding import codings_of_document
from annotator.core.exchange.qdc import codebook_xml, export_qdc
from annotator.core.exchange.qdpx_export import PROJECT_NS, export_qdpx
from annotator.core.project import Project
from annotator.core.storage.write_errors import OutputUnwritable, WriteProblem

NS = {"q": PROJECT_NS}


def _qde(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("project.qde")


def test_sample_project_export_validates_against_the_schema(
    coded: Project, tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    target = tmp_path / "out.qdpx"
    summary = export_qdpx(coded, target)
    assert summary.documents == 4
    assert summary.codings == 9
    project_schema.validate(_qde(target).decode("utf-8"))


def test_archive_layout_texts_without_bom_and_every_reference_resolves(
    coded: Project, tmp_path: Path
) -> None:
    target = export_qdpx(coded, tmp_path / "out.qdpx").path
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        root = ET.fromstring(zf.read("project.qde"))
        assert all(n == "project.qde" or n.startswith("sources/") for n in names)
        assert all(n.count("/") <= 1 for n in names)  # flat sources folder
        for source in root.iter(f"{{{PROJECT_NS}}}TextSource"):
            member = "sources/" + source.get("plainTextPath").removeprefix("internal://")
            data = zf.read(member)
            assert not data.startswith(b"\xef\xbb\xbf")
            doc = documents.get_document(coded, source.get("guid"))
            assert data.decode("utf-8") == doc.text
            for selection in source.iter(f"{{{PROJECT_NS}}}PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                assert doc.text[start:end].startswith(selection.get("name"))
    guids = {e.get("guid") for e in root.iter() if e.get("guid")}
    refs = {e.get("targetGUID") for e in root.iter() if e.get("targetGUID")}
    users = {e.get(a) for e in root.iter() for a in ("creatingUser",) if e.get(a)}
    assert refs <= guids
    assert users <= {u.get("guid") for u in root.iter(f"{{{PROJECT_NS}}}User")}
    assert root.get("origin", "").startswith("Annotator")


def test_codes_users_codings_memos_and_provenance_are_written(
    coded: Project, tmp_path: Path
) -> None:
    target = export_qdpx(coded, tmp_path / "out.qdpx").path
    root = ET.fromstring(_qde(target))
    codes = {c.get("guid"): c for c in root.iter(f"{{{PROJECT_NS}}}Code")}
    for node in codebook_tree(coded):
        element = codes[node.code.id]
        assert element.get("name") == node.code.name
        assert element.get("color") == node.code.color
        assert element.get("isCodable") == "true"
        described = element.find("q:Description", NS)
        assert (described.text if described is not None else "") == node.code.definition
    assert {u.get("name") for u in root.iter(f"{{{PROJECT_NS}}}User")} == {
        c.name for c in coders.list_coders(coded)
    }
    unicode_doc = next(d for d in documents.list_documents(coded) if d.title == "Unicode notes")
    source = root.find(f".//q:TextSource[@guid='{unicode_doc.id}']", NS)
    assert source.find("q:Description", NS).text == "doc memo"
    # two codes on one span by one coder and one by another: one selection, three Codings
    selections = source.findall("q:PlainTextSelection", NS)
    widest = max(selections, key=lambda s: len(s.findall("q:Coding", NS)))
    assert len(widest.findall("q:Coding", NS)) == 3
    assert widest.get("name") == "天眼 cameras"
    coding_ids = {c.get("guid") for c in source.iter(f"{{{PROJECT_NS}}}Coding")}
    assert coding_ids == {c.id for c in codings_of_document(coded, unicode_doc.id)}
    notes = {n.get("guid"): n for n in root.iter(f"{{{PROJECT_NS}}}Note")}
    memo_texts = {n.find("q:PlainTextContent", NS).text for n in notes.values()}
    assert {"CJK", "mine", "a code memo"} <= memo_texts
    assert all(n.get("creationDateTime") for n in notes.values())  # QualCoder needs a date
    values = {
        v.find("q:VariableRef", NS).get("targetGUID"): v.find("q:TextValue", NS).text
        for v in source.findall("q:VariableValue", NS)
    }
    names = {v.get("guid"): v.get("name") for v in root.iter(f"{{{PROJECT_NS}}}Variable")}
    assert {names[k]: v for k, v in values.items()}["Published date"] == "2024-04-16"
    sets = list(root.iter(f"{{{PROJECT_NS}}}Set"))
    assert sorted(s.get("name") for s in sets) == [
        "Finished by Amina Rasheed",
        "Finished by Tomás Ruiz",
    ]


def test_empty_project_writes_no_empty_containers(
    empty_project: Project, tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    target = export_qdpx(empty_project, tmp_path / "empty.qdpx").path
    qde = _qde(target)
    project_schema.validate(qde.decode("utf-8"))
    root = ET.fromstring(qde)
    assert len(root) == 0


def test_export_is_logged_and_a_failed_write_keeps_the_earlier_file(
    coded: Project, tmp_path: Path
) -> None:
    target = tmp_path / "out.qdpx"
    target.write_bytes(b"earlier")
    export_qdpx(coded, target)
    assert events.history(coded, action="project exported")[0].details["format"] == "qdpx"
    with pytest.raises(OutputUnwritable) as caught:
        export_qdpx(coded, tmp_path / "missing-folder" / "out.qdpx")
    assert caught.value.problem is WriteProblem.NO_FOLDER  # the same error as every export
    assert zipfile.is_zipfile(target)
    assert not list(tmp_path.glob(".*partial"))


def test_codebook_export_validates(
    coded: Project, tmp_path: Path, codebook_schema: xmlschema.XMLSchema
) -> None:
    codebook_schema.validate(codebook_xml(coded).decode("utf-8"))
    path = export_qdc(coded, tmp_path / "codes.qdc")
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    root = ET.fromstring(path.read_bytes())
    assert len(list(root.iter("{urn:QDA-XML:codebook:1.0}Code"))) == len(codebook_tree(coded))
