"""Issue 18, findings 3 to 5: what an import may open, how much it reads, what names it keeps.

Only regular files are opened (a named pipe would block for ever); a folder given by
name that holds nothing to import is a failure, not a quiet "0 imported"; a file name
that is not UTF-8 is kept with its odd bytes escaped and does not sink its folder;
every source (file, pipe, paste) has one size limit and is read at most one byte past it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import coders, documents, events
from annotator.core.check import check_project
from annotator.core.importing import (
    NoticeKind,
    errors,
    import_items,
    prepare_bytes,
    prepare_pasted,
    prepare_stream,
)
from annotator.core.importing.reading import PASTED_LIMIT, SIZE_LIMITS, Kind
from annotator.core.input_files import FileType
from annotator.core.project import Project

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="named pipes and byte names")


@contextlib.contextmanager
def fed_pipe(path: Path) -> Iterator[Path]:
    """A named pipe at `path`, with a writer feeding every reader that opens it.

    Code that opens the pipe gets a short text instead of hanging, so the test fails on
    an assertion rather than blocking; the writer is released at the end either way.
    """
    os.mkfifo(path)
    stop = threading.Event()

    def feed() -> None:
        while not stop.is_set():
            with path.open("wb") as writer:  # blocks until someone opens the pipe to read
                writer.write(b"Text that came down a pipe.")

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        yield path
    finally:
        stop.set()
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # lets a waiting writer finish
        writer.join()
        os.close(fd)


@pytest.fixture
def pipe(tmp_path: Path) -> Iterator[Path]:
    with fed_pipe(tmp_path / "notes.txt") as path:
        yield path


@needs_posix
def test_a_named_pipe_is_refused_unopened(
    project: Project, coder: coders.Coder, pipe: Path
) -> None:
    report = import_items(project, [pipe], coder_id=coder.id)
    assert not report.imported
    [failure] = report.failed
    assert isinstance(failure.error, errors.NotAFile)
    assert failure.error.file_type is FileType.PIPE
    assert failure.source == str(pipe)


@needs_posix
def test_a_named_pipe_inside_a_folder_is_a_failure_and_the_rest_imports(
    project: Project, coder: coders.Coder, pipe: Path
) -> None:
    (pipe.parent / "good.txt").write_text("Cameras at the gate.", "utf-8")
    report = import_items(project, [pipe.parent], coder_id=coder.id)
    assert [Path(i.source).name for i in report.imported] == ["good.txt"]
    assert [type(f.error) for f in report.failed] == [errors.NotAFile]


def test_a_link_to_a_device_is_refused(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    if not Path(os.devnull).exists() or sys.platform == "win32":
        pytest.skip("needs /dev/null")
    link = tmp_path / "null.txt"
    link.symlink_to(os.devnull)
    [failure] = import_items(project, [link], coder_id=coder.id).failed
    assert isinstance(failure.error, errors.NotAFile)
    assert failure.error.file_type is FileType.DEVICE


def test_a_link_to_a_regular_file_is_read(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    target = tmp_path / "article.txt"
    target.write_text("Six cameras on the bridge.", "utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert len(import_items(project, [link], coder_id=coder.id).imported) == 1


def test_a_folder_named_like_a_file_with_nothing_inside_is_a_failure(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    folder = tmp_path / "x.txt"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    report = import_items(project, [folder], coder_id=coder.id)
    assert not report.ok
    [failure] = report.failed
    assert isinstance(failure.error, errors.NotAFile)
    assert failure.error.file_type is FileType.FOLDER
    assert report.ignored == [str(folder / "photo.jpg")]


@needs_posix
def test_a_file_name_that_is_not_utf8_is_kept_escaped_and_the_folder_imports(
    project: Project, coder: coders.Coder, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("First good article.", "utf-8")
    try:
        odd = Path(os.fsdecode(bytes(folder) + b"/b\xe9.txt"))
        odd.write_text("Second article, oddly named.", "utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (folder / "c.txt").write_text("Third good article.", "utf-8")

    report = import_items(project, [folder], coder_id=coder.id)

    assert report.ok and len(report.imported) == 3
    escaped = next(i for i in report.imported if "\\xe9" in i.source)
    assert escaped.source == str(folder / "b\\xe9.txt")
    [notice] = escaped.notices
    assert notice.kind is NoticeKind.NAME_ESCAPED and notice.name == "b\\xe9.txt"
    stored = documents.get_document(project, escaped.document_id)
    assert stored.original_filename == "b\\xe9.txt"
    event = next(
        e
        for e in events.history(project, action="document imported")
        if e.details["document_id"] == escaped.document_id
    )
    assert event.details["name_escaped"] is True
    assert check_project(project).ok


class _EndlessPipe:
    """Standard input fed by `yes`: never ends; reading it whole would never return."""

    def __init__(self) -> None:
        self.given = 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            raise MemoryError("read the endless pipe whole")
        self.given += size
        return b"y\n" * (size // 2) + b"y" * (size % 2)


def test_a_pipe_without_end_is_refused_after_the_limit_plus_one_byte() -> None:
    stream = _EndlessPipe()
    with pytest.raises(errors.TooLarge) as caught:
        prepare_stream(stream, "standard input")  # type: ignore[arg-type]
    assert stream.given == SIZE_LIMITS[Kind.TEXT] + 1
    assert caught.value.size is None and caught.value.limit == SIZE_LIMITS[Kind.TEXT]


def test_piped_bytes_and_pasted_text_have_the_text_files_limit() -> None:
    over = SIZE_LIMITS[Kind.TEXT] + 1
    with pytest.raises(errors.TooLarge):
        prepare_bytes(b"a" * over, "standard input")
    with pytest.raises(errors.TooLarge):
        prepare_pasted("a" * (PASTED_LIMIT + 1))
    with pytest.raises(errors.TooLarge):  # fewer characters, more bytes
        prepare_pasted("é" * (PASTED_LIMIT // 2 + 1))
    assert prepare_pasted("Fits easily.").text == "Fits easily."


@needs_posix
def test_a_codebook_file_that_is_a_named_pipe_is_refused_unopened(tmp_path: Path) -> None:
    from annotator.core.exports.codebook_csv import read_codebook_csv
    from annotator.core.exports.errors import CodebookFileProblem, InvalidCodebookFile

    with (
        fed_pipe(tmp_path / "codebook.csv") as codebook_pipe,
        pytest.raises(InvalidCodebookFile) as caught,
    ):
        read_codebook_csv(codebook_pipe)
    assert caught.value.problem is CodebookFileProblem.UNREADABLE
    assert caught.value.file_type is FileType.PIPE


@needs_posix
def test_a_redaction_list_or_qdc_that_is_a_named_pipe_is_refused_unopened(
    tmp_path: Path,
) -> None:
    from annotator.core.exchange.errors import ExchangeFileError, FileProblem
    from annotator.core.exchange.qdc import read_qdc
    from annotator.core.redaction_rules import ListProblem, RedactionListError, read_rules

    with (
        fed_pipe(tmp_path / "names.txt") as names,
        pytest.raises(RedactionListError) as caught,
    ):
        read_rules(names)
    assert caught.value.problem is ListProblem.UNREADABLE
    assert caught.value.file_type is FileType.PIPE
    with fed_pipe(tmp_path / "codes.qdc") as codes, pytest.raises(ExchangeFileError) as refused:
        read_qdc(codes)
    assert refused.value.problem is FileProblem.NOT_A_FILE
    assert refused.value.file_type is FileType.PIPE


@needs_posix
def test_a_project_or_merged_file_that_is_a_named_pipe_is_refused_unopened(
    project: Project, tmp_path: Path
) -> None:
    """Opening a pipe named `x.annotator` hung `documents`, `check` and `import`."""
    from annotator.core.errors import NotAProject
    from annotator.core.exchange.errors import ExchangeFileError, FileProblem
    from annotator.core.exchange.merge import load_incoming
    from annotator.core.project import open_project

    with fed_pipe(tmp_path / "x.annotator") as fake, pytest.raises(NotAProject) as caught:
        open_project(fake)
    assert caught.value.file_type is FileType.PIPE
    with fed_pipe(tmp_path / "y.qdpx") as incoming, pytest.raises(ExchangeFileError) as refused:
        load_incoming(incoming)
    assert refused.value.problem is FileProblem.NOT_A_FILE
    assert refused.value.file_type is FileType.PIPE
