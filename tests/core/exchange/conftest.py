"""A small coded project for exchange tests: our own invented texts, two coders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import xmlschema

from annotator.core import coders, coding, documents
from annotator.core.codebook import create_code, find_code, update_code
from annotator.core.codebook_file import new_project
from annotator.core.documents import NewDocument
from annotator.core.project import Project
from annotator.core.resources import resource_path

SAMPLES = resource_path("samples")
PASSAGES = {
    "01-lusaka-facial-recognition.txt": [
        ("live facial recognition", "Video surveillance/Facial recognition"),
        ("more than 300 cameras", "Video surveillance/CCTV"),
        ("watchlist", "Video surveillance/Facial recognition"),
    ],
    "03-amman-spyware-journalists.txt": [("spyware", "Communications surveillance")],
    "02-lima-registro-biometrico.txt": [("huellas", "Identity and biometrics")],
}
# Written for these tests: emoji, Arabic, CJK, combining accents and a CRLF on input.
UNICODE_TEXT = "Résumé 📷 of the protest\r\n\r\nالشرطة used 天眼 cameras; e\u0301tude 👁️ done.\r\n"


def _schema(name: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(resource_path("refi-qda", name)))


@pytest.fixture(scope="session")
def project_schema() -> xmlschema.XMLSchema:
    return _schema("Project.xsd")


@pytest.fixture(scope="session")
def codebook_schema() -> xmlschema.XMLSchema:
    return _schema("Codebook.xsd")


def code_sample(project: Project, coder_id: str, *, which: int = 0) -> None:
    """Import the sample articles and code a few passages as `coder_id`.

    `which` picks the occurrence of each quote, so two coders can disagree.
    """
    for name, passages in PASSAGES.items():
        raw = (SAMPLES / name).read_bytes()
        existing = documents.find_by_text_hash(
            project, documents.sha256_hex(documents.normalise_text(raw.decode("utf-8")))
        )
        if existing is None:
            doc = documents.store_document(
                project,
                NewDocument(
                    title=name.removesuffix(".txt"),
                    text=raw.decode("utf-8"),
                    original=raw,
                    original_filename=name,
                    provenance={
                        "publisher": "Sample Wire",
                        "source_url": f"https://example.org/{name}",
                    },
                ),
                coder_id=coder_id,
            )
            doc_id = doc.id
        else:
            doc_id = existing
        text = documents.get_document(project, doc_id).text
        for quote, path in passages:
            found = coding.find_quote(text, quote)
            start = found[min(which, len(found) - 1)]
            code = find_code(project, path)
            coding.add_coding(project, doc_id, code.id, start, start + len(quote), coder_id)


@pytest.fixture
def make_coded(tmp_path: Path) -> Iterator[Callable[[str], Project]]:
    """Build a richly coded project at tmp_path/NAME (closed by the fixture)."""
    opened: list[Project] = []

    def make(name: str = "coded.annotator") -> Project:
        project = new_project(tmp_path / name, name="Surveillance study")
        opened.append(project)
        amina = coders.add_coder(project, "Amina Rasheed")
        tomas = coders.add_coder(project, "Tomás Ruiz")
        code_sample(project, amina.id)
        unicode_doc = documents.store_document(
            project,
            NewDocument(
                title="Unicode notes",
                text=UNICODE_TEXT,
                provenance={"language": "mul", "published_date": "2024-04-16", "memo": "doc memo"},
            ),
            coder_id=amina.id,
        )
        text = unicode_doc.text
        cameras = find_code(project, "Video surveillance/CCTV")
        face = find_code(project, "Facial recognition")
        start = text.index("天眼 cameras")
        end = start + len("天眼 cameras")
        coding.add_coding(project, unicode_doc.id, cameras.id, start, end, amina.id, memo="CJK")
        coding.add_coding(project, unicode_doc.id, face.id, start, end, amina.id)
        coding.add_coding(project, unicode_doc.id, cameras.id, start, end, tomas.id, memo="mine")
        eye = text.index("👁️")
        coding.add_coding(project, unicode_doc.id, face.id, eye, eye + 2, tomas.id)
        new = create_code(project, "Local notes", color="#123ABC", definition="Ours only")
        update_code(project, next(iter(new.codes)), memo="a code memo")
        coders.set_finished(project, unicode_doc.id, amina.id, True)
        coders.set_finished(project, unicode_doc.id, tomas.id, True)
        return project

    yield make
    for project in opened:
        project.close()


@pytest.fixture
def coded(make_coded: Callable[[str], Project]) -> Iterator[Project]:
    yield make_coded("coded.annotator")
