"""Resource limits: huge files, a huge codebook, a full disk, folders we cannot write.

Each gets a clear message naming the file and the problem, loses nothing already
stored, and finishes (no hang). Failures a test machine cannot produce for real (a
full disk, a permission error as root) are injected at the I/O layer.
"""

from __future__ import annotations

import errno
import json
import random
from pathlib import Path

import pytest

from annotator.cli import messages
from annotator.core import backups, codebook, codebook_edits, coders, coding, documents, errors
from annotator.core.check import check_project
from annotator.core.codebook_file import load_codebook, new_project
from annotator.core.exchange.qdc import export_qdc, read_qdc
from annotator.core.exports.codebook_csv import import_codebook_csv, write_codebook_csv
from annotator.core.importing import errors as import_errors
from annotator.core.importing import import_items
from annotator.core.project import Project, create_project
from annotator.core.storage import atomic_write
from annotator.core.storage.write_errors import OutputUnwritable
from tests.durability.articles import article

MIB = 2**20


def _sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that costs no disk: size limits are checked before reading."""
    with path.open("wb") as file:
        file.truncate(size)
    return path


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".pdf"])
def test_a_200_mb_document_is_refused_at_once_with_its_size(
    project: Project, coder: coders.Coder, tmp_path: Path, suffix: str
) -> None:
    huge = _sparse(tmp_path / f"leak{suffix}", 200 * MIB)
    kept = documents.store_document(project, documents.NewDocument(title="Kept", text="A drone."))
    report = import_items(project, [huge], coder_id=coder.id)
    [failure] = report.failed
    assert isinstance(failure.error, import_errors.TooLarge)
    said = messages.describe(failure.error)  # what the command line prints
    assert str(huge) in said and "209.7 MB" in said
    assert [d.id for d in documents.list_documents(project)] == [kept.id]


@pytest.mark.slow
def test_the_largest_text_accepted_imports_codes_and_backs_up(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    source = tmp_path / "long-report.txt"
    source.write_text(article(random.Random(9), 15_000_000, "Long report"), "utf-8")
    report = import_items(project, [source], coder_id=coder.id)
    [imported] = report.imported
    document = documents.get_document(project, imported.document_id)
    end = document.char_count
    code_id = codebook.find_code(project, "CCTV").id
    change = coding.add_coding(project, document.id, code_id, end - 30, end - 2, coder.id)
    quote = coding.get_coding(project, next(iter(change.codings))).quote
    assert quote == document.text[end - 30 : end - 2]
    backup = backups.backup_now(project)
    assert backup.documents == 1 and backup.codings == 1
    assert check_project(project).ok


def _codebook_of(n: int) -> dict[str, object]:
    """`n` codes: 50 top-level codes, each with sub-codes two levels deep."""
    per_top = n // 50
    codes = []
    for top in range(50):
        children = [
            {"name": f"Method {top}.{k}", "definition": f"Counts: case {top}.{k}.", "children": []}
            for k in range(per_top - 1)
        ]
        for k, child in enumerate(children[:10]):
            child["children"] = children[10 + k :: 10]
        codes.append({"name": f"Family {top}", "children": children[:10]})
    return {"name": "Very large", "codes": codes}


def test_a_codebook_of_5000_codes_loads_codes_merges_and_travels(
    empty_project: Project, tmp_path: Path
) -> None:
    source = tmp_path / "large.json"
    source.write_text(json.dumps(_codebook_of(5000)), "utf-8")
    assert load_codebook(empty_project, source) == 5000
    tree = codebook.codebook_tree(empty_project)
    assert len(tree) == 5000 and sum(node.depth == 0 for node in tree) == 50
    deep = codebook.find_code(empty_project, "Method 49.98")
    assert codebook.code_path(empty_project, deep.id).count("/") == 2
    coder = coders.add_coder(empty_project, "Amina Rasheed")
    doc = documents.store_document(empty_project, documents.NewDocument(title="A", text="x" * 200))
    codes = codebook.list_codes(empty_project)
    for n, code in enumerate(codes[:500]):
        coding.add_coding(empty_project, doc.id, code.id, n % 150, n % 150 + 5, coder.id)
    source = codebook.find_code(empty_project, "Family 3")  # a whole branch
    target = codebook.find_code(empty_project, "Family 7")
    merge = codebook_edits.merge_codes(empty_project, source.id, target.id)
    assert len(codebook.list_codes(empty_project)) == 4999
    merge.undo(empty_project)
    assert len(codebook.list_codes(empty_project)) == 5000
    csv_file = write_codebook_csv(empty_project, tmp_path / "large.csv").path
    qdc_file = export_qdc(empty_project, tmp_path / "large.qdc")
    assert len(read_qdc(qdc_file).codes) == 5000
    with new_project(tmp_path / "other.annotator", empty=True) as other:
        imported = import_codebook_csv(other, csv_file)
        assert imported.created == 5000
    assert check_project(empty_project).ok


def test_a_disk_that_fills_during_import_stores_nothing_half_and_says_so(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    rng = random.Random(3)
    for n in range(6):
        (folder / f"article-{n}.txt").write_text(article(rng, 40_000, f"Article {n}"), "utf-8")
    kept = documents.store_document(project, documents.NewDocument(title="Kept", text="A drone."))
    pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
    project.conn.execute(f"PRAGMA max_page_count = {pages + 3}")  # the disk is nearly full
    report = import_items(project, [folder], coder_id=coder.id)
    assert not report.imported and len(report.failed) == 6
    for failure in report.failed:
        assert isinstance(failure.error, import_errors.NotStored)
        assert "disk is full" in messages.describe(failure.error)
    assert [d.id for d in documents.list_documents(project)] == [kept.id]
    assert check_project(project).ok


def test_a_disk_that_fills_during_export_keeps_the_earlier_file(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "codebook.csv"
    target.write_text("the earlier export\n")

    class FullDisk:
        def __init__(self, path: Path) -> None:
            self.file = path.open("wb")

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name: str) -> object:
            return getattr(self.file, name)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

    monkeypatch.setattr(atomic_write, "_open_partial", FullDisk)
    with pytest.raises(OutputUnwritable) as refused:
        write_codebook_csv(project, target)
    assert refused.value.path == target and "space" in str(refused.value).lower()
    assert target.read_text() == "the earlier export\n"
    assert not [p for p in tmp_path.iterdir() if "partial" in p.name]  # nothing left over


def test_a_backup_folder_that_cannot_be_written_is_a_clear_error(
    project: Project, coder: coders.Coder, user_folders: Path
) -> None:
    (user_folders / "data").mkdir(parents=True, exist_ok=True)
    (user_folders / "data" / "backups").write_text("a file where the folder should be")
    with pytest.raises(errors.ProjectUnwritable) as refused:
        backups.backup_now(project)
    assert "backups" in str(refused.value.path)
    assert len(coders.list_coders(project)) == 1  # the project itself is untouched


def test_creating_a_project_where_nothing_can_be_written_is_a_clear_error(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(errors.ProjectUnwritable) as refused:
        create_project(blocker / "study.annotator")
    assert refused.value.path == blocker / "study.annotator"
    assert blocker.read_text() == ""
