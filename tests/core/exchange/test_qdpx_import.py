"""Lenient import of REFI-QDA files written by other tools."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.codebook import codebook_tree
from annotator.core.codebook_file import new_project
from annotator.core.excerpts import excerpts
from annotator.core.exchange.incoming import SkipReason
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.exchange.qdc import read_qdc
from annotator.core.exchange.qdpx_import import read_qdpx
from annotator.core.project import Project
from tests.core.exchange.refi_files import (
    CODE,
    OTHER_CODE,
    USER,
    make_qdpx,
    project_xml,
    selection,
    text_source,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "refi-qda"
DOC = "0A1B2C3D-0000-4000-8000-00000000000A"


@pytest.fixture
def fresh(tmp_path: Path) -> Project:
    with new_project(tmp_path / "fresh.annotator", empty=True) as project:
        yield project


def _merge(project: Project, path: Path) -> None:
    apply_merge(project, plan_merge(project, load_incoming(path)))


def test_qualcoder_project_imports_every_coding_on_the_right_text(fresh: Project) -> None:
    incoming = read_qdpx(FIXTURES / "qualcoder-export.qdpx")
    apply_merge(fresh, plan_merge(fresh, incoming))
    found = {(e.code_name, e.quote, e.coder_name, e.memo) for e in excerpts(fresh)}
    assert found == {
        ("Biometric surveillance", "facial recognition cameras", "alice", "first coding memo"),
        ("Device seizure", "seized phones without a warrant", "alice", ""),
    }
    tree = {n.path: n.code for n in codebook_tree(fresh)}
    assert set(tree) == {
        "Device seizure",
        "Surveillance methods",
        "Surveillance methods/Biometric surveillance",
    }
    assert tree["Surveillance methods/Biometric surveillance"].color == "#E65100"
    assert tree["Surveillance methods/Biometric surveillance"].definition == "Face, gait, voice"
    doc = fresh.conn.execute("SELECT title, memo, text FROM documents").fetchone()
    assert doc[:2] == ("interview1", "A sample interview")
    assert doc[2].startswith("Interview 1\n")  # the byte-order mark is gone
    # QualCoder's project memo has nowhere to go here: it is listed, not dropped silently
    assert [(s.kind, s.reason) for s in incoming.report.not_imported] == [
        ("project memo", SkipReason.UNSUPPORTED)
    ]


def test_qualcoder_codebook_imports(fresh: Project) -> None:
    incoming = read_qdc(FIXTURES / "qualcoder-export.qdc")
    assert [c.name for c in incoming.codes] == [
        "Device seizure",
        "Surveillance methods",
        "Biometric surveillance",
    ]
    _merge(fresh, FIXTURES / "qualcoder-export.qdc")
    paths = [n.path for n in codebook_tree(fresh)]
    assert "Surveillance methods/Biometric surveillance" in paths


def test_names_guid_forms_paths_and_empty_containers_are_read_leniently(
    fresh: Project, tmp_path: Path
) -> None:
    text = "\ufeffCameras watched. Phones were taken."
    sources = text_source(
        "{" + DOC + "}", "no prefix", f"{DOC.lower()}.txt", selection(0, 7, name="Cameras")
    ) + text_source(
        "0A1B2C3D-0000-4000-8000-00000000000B",
        "inline",
        None,
        selection(6, 12, f"{{{OTHER_CODE}}}", guid="{0A1B2C3D-0000-4000-8000-0000000000FF}"),
        inline="Three phones taken.",
    )
    qde = project_xml(sources, extra="<Notes/><Sets/>").replace(
        "</CodeBook>", "</CodeBook><Cases/>"
    )
    path = make_qdpx(
        tmp_path / "peer.qdpx",
        qde,
        {f"Sources/{DOC.lower()}.txt": text.encode("utf-8")},
        qde_name="Project.QDE",
    )
    incoming = read_qdpx(path)
    apply_merge(fresh, plan_merge(fresh, incoming))
    quotes = sorted((e.document_title, e.quote, e.code_name) for e in excerpts(fresh))
    assert quotes == [("inline", "phones", "Phones"), ("no prefix", "Cameras", "Cameras")]
    colour = fresh.conn.execute("SELECT color FROM codes WHERE name = 'Cameras'").fetchone()[0]
    assert colour == "#AABBCC"


def test_windows_line_endings_are_remapped_whichever_way_positions_count(
    fresh: Project, tmp_path: Path
) -> None:
    text = "One line.\r\nTwo: camera here.\r\nThree: phone.\r\n"
    raw = text.index("camera"), text.index("phone")
    # ATLAS.ti counts "\r\n" as one character: positions on the collapsed text
    other_text = text.replace("Two", "Second")
    flat = other_text.replace("\r\n", "\n").index("phone")
    sources = text_source(
        DOC, "standard", "internal://a.txt", selection(raw[0], raw[0] + 6)
    ) + text_source(
        "0A1B2C3D-0000-4000-8000-00000000000B",
        "atlas",
        "internal://b.txt",
        selection(flat, flat + 5, name="phone"),
    )
    path = make_qdpx(
        tmp_path / "crlf.qdpx",
        project_xml(sources),
        {"sources/a.txt": text.encode(), "sources/b.txt": other_text.encode()},
    )
    _merge(fresh, path)
    assert sorted(e.quote for e in excerpts(fresh)) == ["camera", "phone"]


def test_what_cannot_be_represented_is_listed_and_outside_files_never_read(
    fresh: Project, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    other = (
        '<PictureSource guid="0A1B2C3D-0000-4000-8000-000000000001" name="photo"/>'
        '<PDFSource guid="0A1B2C3D-0000-4000-8000-000000000002" name="report"/>'
        '<AudioSource guid="0A1B2C3D-0000-4000-8000-000000000003" name="call"/>'
        '<VideoSource guid="0A1B2C3D-0000-4000-8000-000000000004" name="clip"/>'
    )
    outside = text_source(
        "0A1B2C3D-0000-4000-8000-000000000005", "relative", "relative://secret.txt"
    ) + text_source("0A1B2C3D-0000-4000-8000-000000000006", "absolute", f"absolute://{secret}")
    kept = text_source(
        DOC,
        "kept",
        "internal://k.txt",
        selection(0, 4)
        + selection(2, 999)
        + selection(0, 3, "0A1B2C3D-0000-4000-8000-0000000000EE"),
    )
    extra = (
        '<Cases><Case guid="0A1B2C3D-0000-4000-8000-000000000007" name="Kim"/></Cases>'
        '<Links><Link guid="0A1B2C3D-0000-4000-8000-000000000008" name="see also"/></Links>'
        '<Sets><Set guid="0A1B2C3D-0000-4000-8000-000000000009" name="favourites"/></Sets>'
        '<Graphs><Graph guid="0A1B2C3D-0000-4000-8000-00000000000C" name="map"/></Graphs>'
    )
    path = make_qdpx(
        tmp_path / "mixed.qdpx",
        project_xml(other + outside + kept, extra=extra),
        {"sources/k.txt": b"Kept text"},
    )
    incoming = read_qdpx(path)
    listed = {(s.kind, s.name, s.reason) for s in incoming.report.not_imported}
    assert {
        ("picture source", "photo", SkipReason.UNSUPPORTED),
        ("PDF source", "report", SkipReason.UNSUPPORTED),
        ("audio source", "call", SkipReason.UNSUPPORTED),
        ("video source", "clip", SkipReason.UNSUPPORTED),
        ("text source", "relative", SkipReason.OUTSIDE_ARCHIVE),
        ("text source", "absolute", SkipReason.OUTSIDE_ARCHIVE),
        ("case", "Kim", SkipReason.UNSUPPORTED),
        ("link", "see also", SkipReason.UNSUPPORTED),
        ("set", "favourites", SkipReason.UNSUPPORTED),
        ("graph", "map", SkipReason.UNSUPPORTED),
        ("coding", "kept 2-999", SkipReason.BAD_POSITION),
        ("coding", "kept 0-3", SkipReason.DANGLING_REFERENCE),
    } == listed
    assert [d.title for d in incoming.documents] == ["kept"]
    apply_merge(fresh, plan_merge(fresh, incoming))
    assert [e.quote for e in excerpts(fresh)] == ["Kept"]
    assert "do not read me" not in str(fresh.conn.execute("SELECT text FROM documents").fetchall())


def test_codings_without_users_and_unknown_users_get_a_coder(
    fresh: Project, tmp_path: Path
) -> None:
    unknown = "0A1B2C3D-0000-4000-8000-0000000000AA"
    qde = project_xml(
        text_source(DOC, "doc", "internal://d.txt", selection(0, 3, user=unknown))
    ).replace(f'<Users><User guid="{USER}" name="kim"/></Users>', "")
    path = make_qdpx(tmp_path / "u.qdpx", qde, {"sources/d.txt": b"abcdef"})
    incoming = read_qdpx(path)
    assert [c.name for c in incoming.coders] == [f"Unknown user {unknown.lower()[:8]}"]
    assert incoming.report.warnings
    apply_merge(fresh, plan_merge(fresh, incoming))
    assert [e.coder_name for e in excerpts(fresh)] == [f"Unknown user {unknown.lower()[:8]}"]


def test_repeated_code_names_and_slashes_are_renamed_and_said(tmp_path: Path) -> None:
    codes = (
        f'<Code guid="{CODE}" name="Cameras" isCodable="false">'
        '<Code guid="0A1B2C3D-0000-4000-8000-0000000000C1" name="Other" isCodable="true"/></Code>'
        '<Code guid="0A1B2C3D-0000-4000-8000-0000000000C2" name="other" isCodable="true"/>'
        '<Code guid="0A1B2C3D-0000-4000-8000-0000000000C3" name="a/b" isCodable="true" '
        'color="#12345678"/>'
    )
    path = make_qdpx(
        tmp_path / "c.qdpx", project_xml("", codes=codes).replace("<Sources></Sources>", "")
    )
    incoming = read_qdpx(path)
    assert [c.name for c in incoming.codes] == ["Cameras", "Other", "other (2)", "a-b"]
    assert incoming.codes[-1].color == "#9E9E9E"
    assert len(incoming.report.warnings) == 3


def test_foreign_variables_are_kept_in_notes_and_dangling_ones_listed(tmp_path: Path) -> None:
    variable = "0A1B2C3D-0000-4000-8000-0000000000B1"
    values = (
        f'<VariableValue><VariableRef targetGUID="{variable}"/><TextValue>34</TextValue>'
        "</VariableValue>"
        '<VariableValue><VariableRef targetGUID="0A1B2C3D-0000-4000-8000-0000000000B2"/>'
        "<TextValue>lost?</TextValue></VariableValue>"
    )
    source = text_source(DOC, "doc", "internal://d.txt").replace(
        "</TextSource>", values + "</TextSource>"
    )
    variables = (
        f'<Variables><Variable guid="{variable}" name="Age" typeOfVariable="Text"/></Variables>'
    )
    qde = project_xml(source).replace("</CodeBook>", "</CodeBook>" + variables)
    incoming = read_qdpx(make_qdpx(tmp_path / "v.qdpx", qde, {"sources/d.txt": b"abc"}))
    assert incoming.documents[0].provenance["notes"] == "Age: 34"
    assert [(s.kind, s.reason) for s in incoming.report.not_imported] == [
        ("variable value", SkipReason.DANGLING_REFERENCE)
    ]
