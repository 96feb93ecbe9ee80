"""Names compared as people read them: NFC on the way in, Unicode case folding
everywhere, lookalikes refused as duplicates (issue 18, finding 13)."""

from __future__ import annotations

import contextlib
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from annotator.core import codebook, coders, documents, errors, names
from annotator.core.check import check_project
from annotator.core.codebook_edits import merge_codes
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.exchange.qdc import export_qdc
from annotator.core.exports.codebook_csv import import_codebook_csv, read_codebook_csv
from annotator.core.exports.errors import CodebookFileProblem, InvalidCodebookFile
from annotator.core.project import Project, create_project, open_project
from annotator.core.redacted_copy import write_redacted_copy
from annotator.core.redaction_rules import RedactionRule

NFC, NFD = (unicodedata.normalize(form, "Café") for form in ("NFC", "NFD"))


def _keys(project: Project, table: str) -> dict[str, str]:
    if table == "documents":
        sql = (
            "SELECT d.title, k.title_key FROM documents d "
            "JOIN document_title_keys k ON k.document_id = d.id"
        )
    else:
        sql = f"SELECT name, name_key FROM {table}"
    return dict(project.conn.execute(sql))


def test_the_key_folds_case_form_and_spacing() -> None:
    assert NFC != NFD
    assert names.name_key(NFC) == names.name_key(NFD) == names.name_key("CAFÉ") == "café"
    assert names.name_key("Straße") == names.name_key("STRASSE")
    assert names.name_key("  Video   surveillance ") == "video surveillance"
    assert names.name_key("Café") != names.name_key("Cafe")
    assert names.normal_name(NFD) == NFC


def test_a_code_is_found_by_any_case_and_form(project: Project) -> None:
    codebook.create_code(project, "Café")
    assert codebook.find_code(project, "CAFÉ").name == NFC
    assert codebook.find_code(project, NFD).name == NFC
    assert codebook.find_code(project, "video SURVEILLANCE/cctv").name == "CCTV"
    with pytest.raises(errors.NotFound):
        codebook.find_code(project, "Cafe")


@pytest.mark.parametrize("lookalike", [NFD, "CAFÉ", "cafÉ", " café "])
def test_a_lookalike_code_name_is_a_duplicate(project: Project, lookalike: str) -> None:
    codebook.create_code(project, NFC)
    with pytest.raises(errors.DuplicateCodeName):
        codebook.create_code(project, lookalike)
    other = codebook.find_code(project, "CCTV")
    with pytest.raises(errors.DuplicateCodeName):
        codebook.update_code(project, other.id, name=lookalike)


def test_names_are_stored_in_nfc_and_keyed_through_rename_and_undo(project: Project) -> None:
    change = codebook.create_code(project, NFD)
    code_id = next(iter(change.codes))
    assert codebook.get_code(project, code_id).name == NFC
    assert _keys(project, "codes")[NFC] == "café"
    rename = codebook.update_code(project, code_id, name="ÉTÉ")
    assert _keys(project, "codes")["ÉTÉ"] == "été"
    rename.inverse(project)
    assert _keys(project, "codes")[NFC] == "café"
    assert codebook.update_code(project, code_id, name="CAFÉ")  # its own name, recased
    assert codebook.get_code(project, code_id).name == "CAFÉ"


def test_merging_codes_and_undoing_it_keeps_keys(project: Project) -> None:
    first = next(iter(codebook.create_code(project, "Drones").codes))
    second = next(iter(codebook.create_code(project, "Überwachung").codes))
    change = merge_codes(project, second, first)
    change.inverse(project)
    assert codebook.find_code(project, "ÜBERWACHUNG").id == second


def test_coders_are_stored_in_nfc_and_found_by_any_case_and_form(project: Project) -> None:
    zoe = coders.add_coder(project, unicodedata.normalize("NFD", "Zoë"))
    assert zoe.name == "Zoë"
    assert coders.find_coder(project, "ZOË").id == zoe.id
    assert coders.find_coder(project, "zoe" + "\u0308").id == zoe.id
    coders.rename_coder(project, zoe.id, unicodedata.normalize("NFD", "Zoë Ahmadi"))
    assert coders.find_coder(project, "ZOË AHMADI").name == "Zoë Ahmadi"
    twin = coders.add_coder(project, "zoë ahmadi")  # two people may share a name
    with pytest.raises(errors.Ambiguous):
        coders.find_coder(project, "Zoë Ahmadi")
    assert twin.id != zoe.id


def test_document_titles_are_stored_in_nfc_and_found_by_any_case_and_form(
    project: Project,
) -> None:
    new = documents.NewDocument(title=unicodedata.normalize("NFD", "Café raid"), text="Text.")
    stored = documents.store_document(project, new)
    assert stored.title == "Café raid"
    assert documents.find_document(project, "CAFÉ RAID").id == stored.id
    documents.update_provenance(project, stored.id, title=unicodedata.normalize("NFD", "Été"))
    assert documents.find_document(project, "ÉTÉ").title == "Été"
    documents.delete_document(project, stored.id)
    assert project.conn.execute("SELECT count(*) FROM document_title_keys").fetchone()[0] == 0


def test_a_codebook_csv_listing_nfc_and_nfd_is_refused(tmp_path: Path) -> None:
    csv = tmp_path / "codebook.csv"
    csv.write_text(f"name\n{NFC}\n{NFD}\n", encoding="utf-8")
    with pytest.raises(InvalidCodebookFile) as refused:
        read_codebook_csv(csv)
    assert refused.value.problem is CodebookFileProblem.LISTED_TWICE


def test_a_second_codebook_csv_in_another_form_matches_the_code(
    empty_project: Project, tmp_path: Path
) -> None:
    for form, name in (("nfc", NFC), ("nfd", NFD), ("upper", "CAFÉ")):
        (tmp_path / f"{form}.csv").write_text(f"name,description\n{name},x\n", encoding="utf-8")
    assert import_codebook_csv(empty_project, tmp_path / "nfc.csv").created == 1
    again = import_codebook_csv(empty_project, tmp_path / "nfd.csv")
    assert (again.created, again.unchanged) == (0, 1)
    assert import_codebook_csv(empty_project, tmp_path / "upper.csv").created == 0
    assert [c.name for c in codebook.list_codes(empty_project)] == [NFC]


def test_a_merged_codebook_in_another_form_matches_by_name(
    project: Project, tmp_path: Path
) -> None:
    codebook.create_code(project, NFC)
    with create_project(tmp_path / "partner.annotator") as partner:
        codebook.create_code(partner, "Café")
        partner.conn.execute("UPDATE codes SET name = ?", (NFD,))  # as a Mac tool wrote it
        export_qdc(partner, tmp_path / "partner.qdc")
    plan = plan_merge(project, load_incoming(tmp_path / "partner.qdc"))
    assert plan.new_codes == [] and set(plan.code_matches.values()) == {"path"}
    apply_merge(project, plan, coder_id=None, source=tmp_path / "partner.qdc")
    assert [c.name for c in codebook.list_codes(project)].count(NFC) == 1


def test_a_row_another_tool_wrote_is_still_found_and_check_says_so(
    project_path: Path, project: Project
) -> None:
    project.close()
    with contextlib.closing(sqlite3.connect(project_path)) as conn:  # the sqlite3 shell
        conn.execute("INSERT INTO codes (id, name, created_at) VALUES ('x1', 'ÉTÉ', '2024-01-01')")
        conn.execute("UPDATE coders SET name = name")
        conn.commit()
    with open_project(project_path) as reopened:
        assert codebook.find_code(reopened, "été").id == "x1"
        report = check_project(reopened)
        assert report.problems == ["codes row x1: its name's lookup key is out of date"]


def test_the_file_needs_nothing_but_sqlite_to_open_and_write(project: Project) -> None:
    """No function, collation or trigger of ours in the schema: other tools can write."""
    sql = " ".join(r[0] or "" for r in project.conn.execute("SELECT sql FROM sqlite_master"))
    assert names.KEY_FUNCTION not in sql and "COLLATE" not in sql.replace("COLLATE NOCASE", "")


def test_a_redacted_copy_keeps_no_key_of_a_redacted_name(project: Project, tmp_path: Path) -> None:
    codebook.create_code(project, "Khaled Mansour")
    coders.add_coder(project, "Khaled Mansour")
    documents.store_document(project, documents.NewDocument(title="Khaled Mansour", text="X."))
    copy = write_redacted_copy(
        project, [RedactionRule("Khaled Mansour", "[A]")], tmp_path / "r.annotator"
    )
    data = copy.path.read_bytes()
    assert b"khaled" not in data.lower()
    with open_project(copy.path) as redacted:
        assert check_project(redacted).ok
        assert codebook.find_code(redacted, "[a]").name == "[A]"
