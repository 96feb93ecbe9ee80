"""How the app words the issue 18 guards: files it will not open, limits, what an import
changed on the way in, and a value an export cannot write."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.core.importing import Notice, NoticeKind, errors
from annotator.core.input_files import FileType
from annotator.core.unwritable import TextPlace, UnwritableText
from annotator.ui import messages
from annotator.ui.import_wording import describe_failure, notice_text


def test_files_that_are_not_opened_and_sources_over_a_limit(qtbot: QtBot) -> None:
    pipe = describe_failure(errors.NotAFile("/data/f.txt", FileType.PIPE))
    assert pipe == "This is a named pipe, not a file; only regular files are imported."
    folder = describe_failure(errors.NotAFile("/data/x.txt", FileType.FOLDER))
    assert folder == "This folder holds no file Annotator imports."
    piped = describe_failure(errors.TooLarge("standard input", None, 20_000_000))
    assert piped == "This is too large (over the 20 MB limit)."
    xml = describe_failure(errors.TooLarge("big.docx", 150_800_000, 32_000_000, xml=True))
    assert "unpack to 150.8 MB of XML (the limit is 32 MB)" in xml


def test_what_an_import_changed_on_the_way_in(qtbot: QtBot) -> None:
    escaped = notice_text(Notice(NoticeKind.NAME_ESCAPED, name="b\\xe9.txt"))
    assert "it is kept as “b\\xe9.txt”" in escaped
    removed = notice_text(Notice(NoticeKind.CONTROLS_REMOVED, field="title", count=3))
    assert removed == "Invisible control characters removed from the title: 3."


def test_a_value_an_export_cannot_write(qtbot: QtBot) -> None:
    text = messages.describe(UnwritableText(TextPlace.CODING_MEMO, "Gate", "\x02"))
    assert text.startswith("The memo of a coding in the document “Gate” holds an invisible")
    assert "(U+0002)" in text and "Edit it" in text
    detail = messages.describe(UnwritableText(TextPlace.DOCUMENT_DETAIL, "Gate", "\x1b", "author"))
    assert detail.startswith("A detail (author) of the document “Gate”")
