"""Proof, not promise: an encrypted project leaves no readable trace of its contents.

Distinctive marker strings go into every kind of text a project holds (document text,
title, original bytes, provenance, memos, code names and definitions, coder names, the
audit log), while the project is used as a researcher would use it (search, sort,
backups, a saved copy). Then the raw bytes of every file the app wrote — the project, its
-wal and -shm, backups, copies, and everything in the temporary folder — are searched
for the markers in the encodings they could be stored in. The same scan over a plain
project finds them, so the scan itself is shown to work.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import backups, codebook, coders, coding, documents, search
from annotator.core.codebook_file import new_project
from annotator.core.project import Project, save_copy

PASSPHRASE = "quiet-river-stone-48"
MARKERS = ["Vostrikova-Kestrel-5521", "قسطنطينيةالمخبر", "紫禁城線人甲乙丙"]
ENCODINGS = ["utf-8", "utf-16-le", "utf-16-be", "gb18030", "cp1256"]


def _needles() -> set[bytes]:
    needles = set()
    for marker in MARKERS:
        for variant in (marker, marker.lower(), marker.upper()):
            for encoding in ENCODINGS:
                try:
                    needles.add(variant.encode(encoding))
                except UnicodeEncodeError:
                    continue
    return needles


def _files(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        yield from (path for path in folder.rglob("*") if path.is_file())


def _leaks(files: list[Path]) -> list[str]:
    needles = _needles()
    found = []
    for path in files:
        raw = path.read_bytes()
        found += [f"{path.name}: {needle!r}" for needle in needles if needle in raw]
    return found


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where SQLite and Python would put temporary files during the test."""
    folder = tmp_path / "temp"
    folder.mkdir()
    for variable in ("TMPDIR", "SQLITE_TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(variable, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


def _use_like_a_researcher(project: Project, copy_to: Path) -> None:
    latin, arabic, cjk = MARKERS
    coder = coders.add_coder(project, f"Coder {latin}")
    text = (
        f"Informant {latin} met the officer.\n\n"
        f"قال {arabic} إن الكاميرات في كل شارع.\n\n"
        f"据{cjk}说，摄像头无处不在。"
    )
    for number, encoding in enumerate(ENCODINGS):
        documents.store_document(
            project,
            documents.NewDocument(
                title=f"Report {number} on {latin}",
                text=f"{text}\n\nCopy {number}.",
                original=f"{text}\n\nCopy {number}.".encode(encoding, errors="ignore"),
                original_filename=f"{latin}-{number}.txt",
                encoding=encoding,
                provenance={"author": arabic, "notes": cjk, "memo": f"memo {latin}"},
            ),
            coder_id=coder.id,
        )
    code_id = codebook.find_code(project, "CCTV").id
    codebook.update_code(project, code_id, memo=f"code memo {cjk}", coder_id=coder.id)
    codebook.create_code(project, f"Source {latin}", definition=arabic, coder_id=coder.id)
    for document in documents.list_documents(project):
        full = documents.get_document(project, document.id)
        start = full.text.index(arabic)
        coding.add_coding(
            project, document.id, code_id, start, start + len(arabic), coder.id, memo=cjk
        )
    assert search.find_all(project, latin)
    assert search.find_all(project, cjk[1:4])  # a CJK word inside a sentence: trigrams
    rows = project.conn.execute("SELECT title FROM documents ORDER BY text DESC, memo").fetchall()
    assert len(rows) == len(ENCODINGS)
    backups.backup_now(project)
    save_copy(project, copy_to)


def _run(tmp_path: Path, user_folders: Path, temp_folder: Path, passphrase: str | None) -> None:
    work = tmp_path / "work"
    work.mkdir()
    path = work / "sources.annotator"
    project = new_project(path, passphrase=passphrase)
    try:
        _use_like_a_researcher(project, work / "copy.annotator")
        open_files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
        assert len(open_files) == 3  # the WAL still holds the latest pages
        assert _leaks(open_files) == [] or passphrase is None
    finally:
        project.close()


def test_an_encrypted_project_leaves_no_marker_anywhere_on_disk(
    tmp_path: Path, user_folders: Path, temp_folder: Path
) -> None:
    _run(tmp_path, user_folders, temp_folder, PASSPHRASE)
    written = list(_files(tmp_path, user_folders))
    names = {path.name for path in written}
    assert {"sources.annotator", "copy.annotator"} <= names
    assert any(path.suffix == ".annotator" and "backups" in path.parts for path in written)
    assert _leaks(written) == []


def test_the_same_scan_finds_the_markers_in_a_plain_project(
    tmp_path: Path, user_folders: Path, temp_folder: Path
) -> None:
    _run(tmp_path, user_folders, temp_folder, None)
    leaks = _leaks(list(_files(tmp_path, user_folders)))
    for marker in MARKERS:
        assert any(repr(marker.encode("utf-8")) in leak for leak in leaks), marker
