"""Text an XML export cannot hold: found before writing, refused with where it is.

Word, XLSX and REFI-QDA files are XML 1.0, which has no place for most control
characters. New names, titles, details and memos never hold them (`text_controls`
takes them out on the way in), but a project written by an older version may
(issue 18: a `\\x02` in a memo ended a Word export in a traceback, and made a .qdpx
Annotator itself refused). Before an XML export writes anything, the values it will
write are checked, and the first one that cannot be written is named in a typed
error: the researcher edits it (which removes the character) and exports again.

Document texts and quotes are not checked here: they are frozen evidence nobody can
edit, so the Word and XLSX writers show such a character as U+FFFD (`xml_text`), and
a .qdpx keeps each text in a plain UTF-8 file, exactly.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project

UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DOCUMENT_DETAILS = (
    "source_url", "publisher", "author", "published_date", "accessed_date", "language",
    "notes", "original_filename", "media_type", "encoding",
)  # fmt: skip


class TextPlace(enum.Enum):
    """Where the unwritable character is: each is edited somewhere else."""

    CODE_NAME = "code_name"
    CODE_DEFINITION = "code_definition"
    CODE_MEMO = "code_memo"
    CODER_NAME = "coder_name"
    DOCUMENT_TITLE = "document_title"
    DOCUMENT_DETAIL = "document_detail"  # `field` says which
    DOCUMENT_MEMO = "document_memo"
    CODING_MEMO = "coding_memo"  # `owner` is the document's title
    OTHER = "other"  # the writers' own last check (`refuse_unwritable_xml`): `owner` the file


class Scope(enum.Enum):
    """Which values an export writes."""

    CODEBOOK = "codebook"  # codes only
    REPORT = "report"  # everything but coding memos (a Word report without memos)
    EVERYTHING = "everything"


class UnwritableText(AnnotatorError):
    """A value an XML export cannot hold; nothing was written."""

    kinds = (TextPlace,)

    def __init__(self, place: TextPlace, owner: str, character: str, field: str = "") -> None:
        self.kind = self.place = place
        self.owner = owner  # the code, coder or document, by name
        self.character = character
        self.field = field  # for DOCUMENT_DETAIL: which one ("author", ...)
        super().__init__()


def check_exportable_text(project: Project, scope: Scope) -> None:
    """Raise UnwritableText for the first value in `scope` an XML file cannot hold.

    The values are first searched a table at a time, joined (10,000 documents: ~0.15 s;
    with 100,000 coding memos ~0.6 s on a busy test machine, mostly SQLite reading the
    rows); only when something is found are they gone through one by one, to say which.
    """
    if not any(UNWRITABLE.search(text) for text in _all_text(project, scope)):
        return
    for place, owner, field, value in _values(project, scope):
        found = UNWRITABLE.search(value)
        if found is not None:
            raise UnwritableText(place, owner, found.group(), field)


def _all_text(project: Project, scope: Scope) -> Iterator[str]:
    """The values in `scope`, a table at a time, joined by line breaks."""
    tables: list[tuple[str, tuple[str, ...], str]] = [("codes", ("name", "definition", "memo"), "")]
    if scope is not Scope.CODEBOOK:
        tables += [
            ("coders", ("name",), ""),
            ("documents", ("title", "memo", *_DOCUMENT_DETAILS), ""),
        ]
    if scope is Scope.EVERYTHING:
        tables.append(("codings", ("memo",), "WHERE memo <> ''"))
    for table, columns, where in tables:
        joined = " || char(10) || ".join(f"ifnull({column}, '')" for column in columns)
        rows = project.conn.execute(f"SELECT {joined} FROM {table} {where}")
        yield "\n".join(row[0] for row in rows)


def _values(project: Project, scope: Scope) -> Iterator[tuple[TextPlace, str, str, str]]:
    conn = project.conn
    for name, definition, memo in conn.execute("SELECT name, definition, memo FROM codes"):
        yield TextPlace.CODE_NAME, name, "", name
        yield TextPlace.CODE_DEFINITION, name, "", definition
        yield TextPlace.CODE_MEMO, name, "", memo
    if scope is Scope.CODEBOOK:
        return
    for (name,) in conn.execute("SELECT name FROM coders"):
        yield TextPlace.CODER_NAME, name, "", name
    columns = ", ".join(_DOCUMENT_DETAILS)
    for title, memo, *details in conn.execute(f"SELECT title, memo, {columns} FROM documents"):
        yield TextPlace.DOCUMENT_TITLE, title, "", title
        yield TextPlace.DOCUMENT_MEMO, title, "", memo
        for field, value in zip(_DOCUMENT_DETAILS, details, strict=True):
            yield TextPlace.DOCUMENT_DETAIL, title, field, value or ""
    if scope is Scope.EVERYTHING:
        rows = conn.execute(
            "SELECT d.title, c.memo FROM codings c JOIN documents d ON d.id = c.document_id "
            "WHERE c.memo <> ''"
        )
        for title, memo in rows:
            yield TextPlace.CODING_MEMO, title, "", memo


_UNWRITABLE_UTF8 = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def refuse_unwritable_xml(data: bytes, file_name: str) -> bytes:
    """XML bytes about to be written, checked: a writer's last guard, never a bad file."""
    found = _UNWRITABLE_UTF8.search(data)
    if found is not None:
        raise UnwritableText(TextPlace.OTHER, file_name, found.group().decode("utf-8"))
    return data
