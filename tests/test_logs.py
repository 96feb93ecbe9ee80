"""The log file: where it goes, that it rotates, and that no document text reaches it."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from annotator import __version__, logs

PASSAGE = (
    "The informant met the officer behind the market at dawn and handed over the list\n"
    "of names from the neighbourhood committee."
)


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private log folder, and the root logger put back as it was afterwards."""
    folder = tmp_path / "logs"
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(folder))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield folder
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def read_log(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / logs.LOG_FILE_NAME).read_text("utf-8")


def test_configure_writes_a_log_file_in_the_overridden_folder(log_dir: Path) -> None:
    path = logs.configure()
    assert path == log_dir / "annotator.log"
    logging.getLogger("annotator.test").info("imported %d documents", 12)
    text = read_log(log_dir)
    assert f"Annotator {__version__} starting" in text
    assert "INFO annotator.test" in text and "imported 12 documents" in text
    stamp = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"
    assert re.match(stamp + r" INFO annotator\.logs \[\d+\]: Annotator ", text)


def test_without_an_override_the_log_goes_to_the_users_log_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ANNOTATOR_LOG_DIR", raising=False)
    assert logs.log_dir() == Path(platformdirs.user_log_dir("Annotator", "Annotator"))


def test_configuring_twice_keeps_one_file_handler(log_dir: Path) -> None:
    logs.configure()
    logs.configure()
    logging.getLogger("annotator.test").warning("once")
    assert read_log(log_dir).count("once") == 1


def test_existing_handlers_show_no_more_than_before(log_dir: Path) -> None:
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    terminal = io.StringIO()
    root.addHandler(logging.StreamHandler(terminal))
    logs.configure()
    logging.getLogger("annotator.test").info("only for the file")
    logging.getLogger("annotator.test").warning("for both")
    assert "only for the file" in read_log(log_dir)
    assert terminal.getvalue() == "for both\n"


def test_long_and_multiline_values_are_logged_as_their_length(log_dir: Path) -> None:
    logs.configure()
    logger = logging.getLogger("annotator.test")
    logger.info("stored document %s with text %s", "3f2a9c", PASSAGE)
    logger.info("one line too long: %s", "x" * 81)
    logger.info("mapping: %(text)s", {"text": PASSAGE})
    text = read_log(log_dir)
    assert "informant" not in text and "xxxxx" not in text
    assert f"stored document 3f2a9c with text <str, {len(PASSAGE)} chars>" in text
    assert "one line too long: <str, 81 chars>" in text
    assert f"mapping: <str, {len(PASSAGE)} chars>" in text


def test_quoted_passages_in_messages_become_their_length(log_dir: Path) -> None:
    logs.configure()
    logging.getLogger("annotator.test").warning("quote %r occurs twice", "cameras at the metro")
    text = read_log(log_dir)
    assert "cameras" not in text
    assert "quote '<20 chars>' occurs twice" in text


def test_paths_and_numbers_are_kept(log_dir: Path) -> None:
    logs.configure()
    long_path = Path("/home/researcher") / ("folder-" * 15) / "study.annotator"
    logging.getLogger("annotator.test").info("opened %s in %.1f s", long_path, 0.25)
    assert f"opened {long_path} in 0.2 s" in read_log(log_dir)


def _find_quote(quote: str) -> None:
    try:
        {}[quote]
    except KeyError as exc:
        raise ValueError(f"the quote {quote!r} is not in the document") from exc


def test_tracebacks_keep_the_code_and_drop_the_text(log_dir: Path) -> None:
    logs.configure()
    try:
        _find_quote(PASSAGE.splitlines()[0])
    except ValueError:
        logging.getLogger("annotator.test").exception("coding failed")
    text = read_log(log_dir)
    assert "informant" not in text
    assert "ERROR annotator.test" in text and "coding failed" in text
    assert "Traceback (most recent call last):" in text
    assert "in _find_quote" in text and "which led to:" in text
    assert "KeyError: '<80 chars>'" in text
    assert "ValueError: the quote '<80 chars>' is not in the document" in text


def test_the_log_rotates_and_keeps_a_few_old_files(
    log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    logs.configure()
    logger = logging.getLogger("annotator.test")
    for number in range(400):
        logger.info("coded document %d", number)
    names = sorted(p.name for p in log_dir.iterdir())
    assert names == [
        "annotator.log",
        "annotator.log.1",
        "annotator.log.2",
        "annotator.log.3",
    ]
    assert all((log_dir / name).stat().st_size <= 2_000 for name in names)
    assert "coded document 399" in read_log(log_dir)


def test_an_unwritable_log_folder_does_not_stop_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be", "utf-8")
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(blocker / "logs"))
    root = logging.getLogger()
    before = list(root.handlers)
    assert logs.configure() is None
    assert root.handlers == before
    assert f"cannot write the log file {blocker / 'logs' / 'annotator.log'}" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("don't find 'Lusaka cameras' here", "don't find '<14 chars>' here"),
        ('title "Minsk" unknown', 'title "<5 chars>" unknown'),
        ("no “Facial recognition” code", "no “<18 chars>” code"),
        ("«Registro biométrico» missing", "«<19 chars>» missing"),
        ("first line\nsecond line\nthird", "first line [+2 more lines]"),
        ("the coder's memo", "the coder's memo"),
    ],
)
def test_scrub(message: str, expected: str) -> None:
    assert logs.scrub(message) == expected


def test_scrub_caps_a_long_message() -> None:
    scrubbed = logs.scrub("a" * 500)
    assert scrubbed == "a" * 300 + "… [200 chars cut]"


def test_a_crash_is_recorded_even_when_the_log_was_never_configured(log_dir: Path) -> None:
    try:
        raise OverflowError(f"could not store {PASSAGE!r}")
    except OverflowError as exc:
        path = logs.record_crash("annotator.cli", "annotator code stopped on OverflowError", exc)
    assert path == log_dir / "annotator.log"
    assert not any(isinstance(h, logs._AnnotatorFileHandler) for h in logging.getLogger().handlers)
    text = path.read_text("utf-8")
    assert "CRITICAL annotator.cli [" in text and "stopped on OverflowError; Annotator " in text
    assert "Traceback (most recent call last):" in text and "informant" not in text


def test_a_hard_crash_leaves_its_stack_in_the_log(log_dir: Path) -> None:
    import os
    import subprocess
    import sys

    script = (
        "import faulthandler\n"
        "from annotator import logs\n"
        "logs.log_fatal_errors()\n"
        "def paint_document():\n"
        "    faulthandler._sigsegv()\n"
        "paint_document()\n"
    )
    env = dict(os.environ, ANNOTATOR_LOG_DIR=str(log_dir))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode != 0 and "Fatal Python error" not in result.stderr
    text = (log_dir / logs.LOG_FILE_NAME).read_text("utf-8")
    assert "Fatal Python error: Segmentation fault" in text and "paint_document" in text
