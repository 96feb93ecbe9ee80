"""The command line words every refusal as it did when the core made the sentence.

Issue 19 moved the words out of the core: errors now carry a kind and data, and
`cli/messages` makes the English line. Each line below is what `str(error)` said
before the move (checked against that code), so an English user reads the same.
"""

# ruff: noqa: E501 (each line is one sentence, pinned whole)
from __future__ import annotations

from pathlib import Path

import pytest

import annotator.core.exchange.errors as exchange
import annotator.core.exports.errors as exports
import annotator.core.importing.errors as imports
import annotator.core.input_files as inputs
import annotator.core.redaction_rules as redaction
import annotator.core.search_syntax as search
import annotator.core.storage.write_errors as writes
from annotator.cli import messages
from annotator.core import errors, os_problems, patterns, unwritable

P = Path("/projects/field notes.annotator")

LINES = [
    pytest.param(
        errors.ProjectNotFound(P),
        f"{P}: no such project file",
        id="not found",
    ),
    pytest.param(
        errors.NewerProject(P, 9, 4),
        f"{P}: was written by a newer version of Annotator; please update the app (schema version 9, this app reads up to 4)",
        id="newer",
    ),
    pytest.param(
        errors.ProjectUnwritable(P, because=errors.ProjectCause.OPEN_READ_ONLY),
        f"{P}: cannot be written (read-only folder, full disk or no permission) (it is open read-only)",
        id="read-only",
    ),
    pytest.param(
        errors.CorruptProject(P, because=errors.ProjectCause.TRUNCATED, size=100, expected=4096),
        f"{P}: is damaged and cannot be read (the file is truncated: 100 of 4096 bytes)",
        id="truncated",
    ),
    pytest.param(
        errors.NotAProject(P, file_type=os_problems.FileType.PIPE),
        f"{P}: is not an Annotator project (not a SQLite database) (it is a named pipe)",
        id="pipe project",
    ),
    pytest.param(
        errors.DamagedValue(P, "documents", "title", "row 3"),
        f"{P}: is damaged: a stored value is not of its type; repairing the project (after a backup) turns text stored as bytes back into text (documents.title of row 3)",
        id="damaged value",
    ),
    pytest.param(
        errors.WrongPassphrase(P),
        f"{P}: cannot be opened with this passphrase (or it is not an encrypted project)",
        id="wrong passphrase",
    ),
    pytest.param(
        errors.InvalidPassphrase(errors.PassphraseProblem.TOO_SHORT, 8),
        "passphrase is shorter than 8 characters",
        id="passphrase",
    ),
    pytest.param(
        errors.NotFound(errors.Thing.CODE, "CCTV"),
        "no code 'CCTV'",
        id="no code",
    ),
    pytest.param(
        errors.Ambiguous(errors.Thing.CODER, "Amina", ["Amina (1)", "Amina (2)"]),
        "coder 'Amina' is ambiguous; it fits: Amina (1); Amina (2)",
        id="ambiguous",
    ),
    pytest.param(
        errors.InvalidCodeName("A/B", errors.NameProblem.HAS_SLASH),
        "code name 'A/B' contains '/', which separates levels in code paths",
        id="slash",
    ),
    pytest.param(
        errors.DuplicateCodeName("CCTV"),
        "code name 'CCTV' is already used in this codebook (names are unique)",
        id="taken",
    ),
    pytest.param(
        errors.InvalidSpan(errors.SpanProblem.OUTSIDE_TEXT, start=3, end=9, length=5),
        "span 3-9 lies outside the document (0-5)",
        id="span",
    ),
    pytest.param(
        errors.DuplicateCoding("CCTV", 3, 9),
        "this passage (3-9) is already coded 'CCTV' by this coder",
        id="coded",
    ),
    pytest.param(
        errors.QuoteNotFound("camera", [4, 90]),
        "the quote 'camera' occurs 2 times (at offsets 4, 90); pick one with --occurrence N",
        id="quotes",
    ),
    pytest.param(
        errors.QuoteNotFound("camera"),
        "the quote 'camera' does not occur in the document",
        id="no quote",
    ),
    pytest.param(
        errors.InvalidValue(errors.ValueProblem.PARTIAL_DATE, "June 2022", field="date_from"),
        "date_from 'June 2022' is not valid: expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
        id="date",
    ),
    pytest.param(
        errors.InvalidValue(errors.ValueProblem.FULL_DATE, "16/04/2024", field="published_date"),
        "published_date '16/04/2024' is not valid: expected a date as YYYY-MM-DD",
        id="full date",
    ),
    pytest.param(
        errors.InvalidValue(errors.ValueProblem.COLOUR, "blue"),
        "colour 'blue' is not valid: expected #RRGGBB",
        id="colour",
    ),
    pytest.param(
        errors.InvalidValue(errors.ValueProblem.TOO_FEW_CODERS, 1),
        "number of coders 1 is not valid: expected two or more coders to compare",
        id="coders",
    ),
    pytest.param(
        exchange.ExchangeFileError(P, exchange.FileProblem.NOT_A_ZIP, "File is not a zip file"),
        f"{P}: is not a REFI-QDA project archive (a .qdpx file is a ZIP archive) (File is not a zip file)",
        id="not a zip",
    ),
    pytest.param(
        exchange.ExchangeFileError(P, exchange.FileProblem.NOT_FOUND),
        f"{P}: no such file",
        id="no such merge file",
    ),
    pytest.param(
        exchange.MergeUndoUnavailable(
            exchange.UndoProblem.PROJECT_CHANGED, Path("/b/pre-merge.annotator")
        ),
        "the merge cannot be undone: the project has changed since the merge; the pre-merge backup is still at /b/pre-merge.annotator",
        id="undo merge",
    ),
    pytest.param(
        imports.FileMissing("a.txt"),
        "a.txt: no such file (was it moved or deleted?)",
        id="missing import",
    ),
    pytest.param(
        imports.TooLarge("a.txt", 30_000_000, 20_000_000),
        "a.txt: is too large to import (30.0 MB; the limit for this kind of source is 20 MB)",
        id="large import",
    ),
    pytest.param(
        imports.TooLarge("a.docx", 150_800_000, 32_000_000, xml=True),
        "a.docx: is too large to import (its XML unpacks to 150.8 MB; the limit is 32 MB)",
        id="large xml",
    ),
    pytest.param(
        imports.NotAFile("a.txt", os_problems.FileType.PIPE),
        "a.txt: is a named pipe, not a file; only regular files are imported",
        id="pipe import",
    ),
    pytest.param(
        imports.UnsupportedFormat("a.doc", ".doc", imports.FormatAdvice.SAVE_AS_DOCX),
        "a.doc: is not a format Annotator imports (.doc); use .txt, .md, .html, .docx, .odt or .pdf (open it in Word or LibreOffice and save it as .docx)",
        id="doc",
    ),
    pytest.param(
        imports.WrongEncoding("a.txt", "utf-8", 12),
        "a.txt: is not valid utf-8 (first bad byte at offset 12); choose another encoding",
        id="encoding",
    ),
    pytest.param(
        imports.NoTextLayer("scan.pdf"),
        "scan.pdf: has no text layer, probably a scanned image; run OCR on it elsewhere (for example with OCRmyPDF) and import the result",
        id="ocr",
    ),
    pytest.param(
        imports.DamagedFile("a.docx", "Word (.docx)", part="word/document.xml", missing=True),
        "a.docx: is not a readable Word (.docx) file (damaged, or really another format) (word/document.xml is missing)",
        id="missing part",
    ),
    pytest.param(
        imports.UnsafeFile(
            "a.docx", imports.Unsafe.COMPRESSED_TOO_MUCH, part="word/document.xml", count=500
        ),
        "a.docx: was refused as unsafe (word/document.xml is compressed 500 times (a zip bomb?))",
        id="bomb",
    ),
    pytest.param(
        imports.UnsafeFile("a.docx", imports.Unsafe.TOO_MANY_PARTS, count=20000),
        "a.docx: was refused as unsafe (it holds 20000 parts)",
        id="parts",
    ),
    pytest.param(
        inputs.InputRefused("a.txt", inputs.InputProblem.MISSING),
        "a.txt: no such file",
        id="input",
    ),
    pytest.param(
        writes.OutputUnwritable(P, writes.WriteProblem.NO_FOLDER, "No such file or directory"),
        f"{P}: cannot write the file: the folder does not exist (No such file or directory)",
        id="unwritable",
    ),
    pytest.param(
        writes.OutputUnwritable(P, writes.WriteProblem.OPEN_PROJECT),
        f"{P}: refused to write there: it is the open project or one of its working files",
        id="guard",
    ),
    pytest.param(
        unwritable.UnwritableText(unwritable.TextPlace.DOCUMENT_DETAIL, "Gate", "\x02", "author"),
        "a detail of document 'Gate' (author) holds the control character U+0002, which Word, XLSX and REFI-QDA files cannot hold; edit it (that removes it) and export again",
        id="control",
    ),
    pytest.param(
        exports.ExportCancelled(P),
        f"{P}: export cancelled; nothing was written",
        id="cancelled",
    ),
    pytest.param(
        exports.InvalidCodebookFile(P, exports.CodebookFileProblem.BAD_COLOUR, 2, value="blue"),
        f"{P}, line 2: colour 'blue' is not #RRGGBB",
        id="codebook colour",
    ),
    pytest.param(
        exports.InvalidCodebookFile(
            P, exports.CodebookFileProblem.LISTED_TWICE, 3, code="a", count=2
        ),
        f"{P}, line 3: code 'a' is listed twice (line 2)",
        id="codebook twice",
    ),
    pytest.param(
        exports.InvalidCodebookFile(
            P,
            exports.CodebookFileProblem.NAME_TAKEN,
            2,
            code="CCTV",
            value="CCTV",
            other="Video surveillance/CCTV",
        ),
        f"{P}, line 2: code 'CCTV' cannot be added: the name 'CCTV' is already used by 'Video surveillance/CCTV' (code names are unique)",
        id="codebook taken",
    ),
    pytest.param(
        exports.InvalidCodebookFile(P, exports.CodebookFileProblem.NO_CODES),
        f"{P}: holds no codes",
        id="codebook empty",
    ),
    pytest.param(
        redaction.RedactionListError(redaction.ListProblem.EMPTY_PLACEHOLDER, source=P, line=1),
        f"{P}:1: the placeholder after => is empty",
        id="list placeholder",
    ),
    pytest.param(
        redaction.RedactionListError(
            redaction.ListProblem.PLACEHOLDER_REDACTED,
            source=P,
            pattern="[Source A]",
            other="Source",
        ),
        f"{P}: the placeholder '[Source A]' contains 'Source', which is redacted; choose another placeholder",
        id="list leak",
    ),
    pytest.param(
        redaction.RedactionListError(
            redaction.ListProblem.INVALID_PATTERN, line=2, pattern="(x", detail="missing )"
        ),
        "line 2: the regular expression '(x' is not valid: missing )",
        id="list regex",
    ),
    pytest.param(
        search.SearchSyntaxError("police OR", 9, search.SearchProblem.ENDS_EARLY),
        "cannot search for 'police OR': the query ends where a word was expected (at character 10)",
        id="search",
    ),
    pytest.param(
        search.SearchSyntaxError(
            "police AND OR spyware", 11, search.SearchProblem.OPERATOR_ALONE, operator="OR"
        ),
        "cannot search for 'police AND OR spyware': OR needs a word or phrase on both sides (at character 12)",
        id="search op",
    ),
    pytest.param(
        patterns.PatternError(patterns.PatternProblem.TOO_SLOW, "(a+)+$", seconds=2.0),
        "the regular expression '(a+)+$' was stopped after 2 s on one text; simplify it (nested repeats such as (a+)+ can run for ever)",
        id="slow",
    ),
    pytest.param(
        patterns.PatternError(patterns.PatternProblem.INVALID, "(x", detail="missing )"),
        "the regular expression '(x' is not valid: missing )",
        id="regex",
    ),
]


@pytest.mark.parametrize(("error", "line"), LINES)
def test_each_refusal_reads_as_before(error: errors.AnnotatorError, line: str) -> None:
    assert messages.describe(error) == line
