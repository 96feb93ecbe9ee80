"""Issue 18, finding 8 (the way in): control characters in names, titles, details and memos.

A `\\x02` typed with `--memo`, `--title` or `--coder`, read from a PDF's metadata or a
codebook CSV, or brought by another project, used to be stored as it was and later broke
the .qdpx and Word exports. Every core function now takes them out on the way in (so
the GUI and the CLI alike) and records the removal in the action's audit event.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core import codebook, coders, coding, documents, events, text_controls
from annotator.core.codebook_file import new_project
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.exports.codebook_csv import import_codebook_csv
from annotator.core.importing import NoticeKind, import_items
from annotator.core.project import Project
from tests.core.importing import builders

DIRTY = "Esc\x1b[2J\x02 title\x9b\x07"
CLEAN = "Esc[2J title"


def last_event(project: Project, action: str) -> events.Event:
    return events.history(project, action=action, limit=1)[0]


def test_without_controls_keeps_tabs_and_line_breaks() -> None:
    assert text_controls.without_controls("a\tb\r\nc\rd\x85e").text == "a\tb\nc\nd\ne"
    assert text_controls.without_controls(DIRTY) == text_controls.Cleaned(CLEAN, 4)
    assert text_controls.without_controls("lone \ud800 half").text == "lone \ufffd half"
    assert text_controls.without_controls("Árbol ✓ قالت").removed == 0


def test_coder_names(project: Project) -> None:
    coder = coders.add_coder(project, f"Amina{DIRTY}")
    assert coder.name == f"Amina{CLEAN}"
    assert last_event(project, "coder added").details["controls_removed"] == {"name": 4}
    coders.rename_coder(project, coder.id, "Bea\x02")
    assert coders.get_coder(project, coder.id).name == "Bea"
    assert last_event(project, "coder renamed").details["controls_removed"] == {"name": 1}


def test_code_names_definitions_and_memos(project: Project) -> None:
    created = codebook.create_code(project, "Drones\x02", definition="In the air\x1b")
    [code_id] = created.codes
    code = codebook.get_code(project, code_id)
    assert (code.name, code.definition) == ("Drones", "In the air")
    details = last_event(project, "code created").details
    assert details["controls_removed"] == {"name": 1, "definition": 1}
    codebook.update_code(project, code_id, name="Drones 2\x07", memo="see\x02 notes")
    code = codebook.get_code(project, code_id)
    assert (code.name, code.memo) == ("Drones 2", "see notes")
    assert last_event(project, "code edited").details["controls_removed"] == {"name": 1, "memo": 1}


def test_coding_memos(project: Project, coder: coders.Coder) -> None:
    document = documents.store_document(
        project, documents.NewDocument(title="A", text="Cameras at the gate.")
    )
    code = codebook.list_codes(project)[0]
    change = coding.add_coding(project, document.id, code.id, 0, 7, coder.id, memo="me\x02mo")
    [coding_id] = change.codings
    assert coding.get_coding(project, coding_id).memo == "memo"
    assert last_event(project, "codings added").details["controls_removed"] == {"memo": 1}
    coding.set_coding_memo(project, coding_id, "new\x1b[31m memo")
    assert coding.get_coding(project, coding_id).memo == "new[31m memo"
    assert last_event(project, "coding memo edited").details["controls_removed"] == {"memo": 1}


def test_document_titles_and_details(project: Project) -> None:
    document = documents.store_document(
        project,
        documents.NewDocument(
            title=DIRTY, text="Cameras.", provenance={"author": "Lucía\x02", "notes": "n\x07"}
        ),
    )
    assert (document.title, document.author, document.notes) == (CLEAN, "Lucía", "n")
    assert last_event(project, "document imported").details["controls_removed"] == {
        "title": 4,
        "author": 1,
        "notes": 1,
    }
    documents.update_provenance(project, document.id, title="Better\x02", memo="m\x1b")
    stored = documents.get_document(project, document.id)
    assert (stored.title, stored.memo) == ("Better", "m")
    assert last_event(project, "document edited").details["controls_removed"] == {
        "title": 1,
        "memo": 1,
    }


def test_a_pdf_title_with_terminal_escapes(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    """Findings 8 and 9: the probe's PDF title `Esc\\x1b[2J\\x1b]0;PWNED\\x07`."""
    pdf = tmp_path / "brief.pdf"
    # "ł" makes the title UTF-16 in the PDF, where ESC is ESC (PDFDocEncoding reads 1B as ˙)
    pdf.write_bytes(builders.pdf_bytes(title="Esc\x1b[2J\x1b]0;PWNED\x07 ł"))
    [imported] = import_items(project, [pdf], coder_id=coder.id).imported
    assert imported.title == "Esc[2J]0;PWNED ł"
    notices = {(n.kind, n.field): n.count for n in imported.notices}
    assert notices == {(NoticeKind.CONTROLS_REMOVED, "title"): 3}
    details = last_event(project, "document imported").details
    assert details["controls_removed"] == {"title": 3}


def test_a_codebook_csv_with_control_characters(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "codebook.csv"
    source.write_text("tag,description\nDrones\x02/Small\x1b,In the air\x07\n", "utf-8")
    imported = import_codebook_csv(project, source)
    assert imported.controls_removed == 3
    assert codebook.find_code(project, "Drones/Small").definition == "In the air"
    details = last_event(project, "codebook imported").details
    assert details["controls_removed"] == {"codebook file": 3}


def test_a_merged_project_brings_no_control_characters(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    """Another copy (an older version, another tool) may hold them already."""
    theirs_path = tmp_path / "theirs.annotator"
    with new_project(theirs_path) as theirs:
        other = coders.add_coder(theirs, "Bea")
        document = documents.store_document(
            theirs, documents.NewDocument(title="Gate", text="Cameras at the gate.")
        )
        [code_id] = codebook.create_code(theirs, "Gait analysis").codes
        coding.add_coding(theirs, document.id, code_id, 0, 7, other.id)
        with theirs.transaction() as conn:  # as an older version could have stored them
            conn.execute("UPDATE coders SET name = 'Bea\x02'")
            conn.execute("UPDATE documents SET title = 'Gate\x1b[2J', author = 'x\x07'")
            conn.execute("UPDATE codings SET memo = 'memo\x02'")
            conn.execute("UPDATE codes SET name = 'Gait\x02 analysis' WHERE id = ?", (code_id,))
    incoming = load_incoming(theirs_path)
    assert incoming.report.controls_removed == 5
    result = apply_merge(project, plan_merge(project, incoming), coder_id=coder.id)
    assert coders.find_coder(project, "Bea").name == "Bea"
    merged = documents.find_document(project, "Gate[2J")
    assert merged.author == "x"
    assert [c.memo for c in coding.codings_of_document(project, merged.id)] == ["memo"]
    assert codebook.find_code(project, "Gait analysis").id == code_id
    assert last_event(project, "project merged").details["controls_removed"] == {"incoming": 5}
    assert result.documents_added == 1


def test_the_project_name_and_memo(project: Project) -> None:
    project.set_setting("name", "Study\x1b[2J")
    project.set_setting("memo", "line one\r\nline\x02 two")
    assert project.name == "Study[2J"
    assert project.setting("memo") == "line one\nline two"
