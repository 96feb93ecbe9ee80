"""Every kind of error and of change has its words in both faces, and in Spanish.

The core says what happened as a kind with data; the GUI (`ui/messages`,
`ui/change_wording`) and the command line (`cli/messages`, `cli/change_wording`) each
word every kind in one place. This walks every AnnotatorError in the core and every
member of the enums it carries, and every ChangeKind, so a new kind cannot slip out
unworded (a face would fall back to the log's line) or untranslated.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator

import annotator.core
from annotator.cli import change_wording as cli_changes
from annotator.cli import exchange_commands as cli_exchange
from annotator.cli import import_commands as cli_imports
from annotator.cli import messages as cli_messages
from annotator.core import errors
from annotator.core.changes import Change, ChangeKind
from annotator.core.exchange import errors as exchange
from annotator.core.exchange.conflicts import MergePlan
from annotator.core.exchange.incoming import ImportReport, SkipReason
from annotator.core.exports.errors import CodebookFileProblem, ExportCancelled, InvalidCodebookFile
from annotator.core.importing import Notice, NoticeKind
from annotator.core.importing import errors as imports
from annotator.core.input_files import InputProblem, InputRefused
from annotator.core.os_problems import FileType, OsProblem
from annotator.core.patterns import PatternError
from annotator.core.redaction_rules import ListProblem, RedactionListError
from annotator.core.search_syntax import SearchSyntaxError
from annotator.core.storage.write_errors import OutputUnwritable
from annotator.core.unwritable import UnwritableText
from annotator.ui import change_wording as ui_changes
from annotator.ui import import_wording, merge_wording
from annotator.ui import messages as ui_messages
from annotator.ui.i18n import translations_dir

PATH = Path("/projects/field notes.annotator")


def _error_classes() -> list[type[errors.AnnotatorError]]:
    for module in pkgutil.walk_packages(annotator.core.__path__, "annotator.core."):
        importlib.import_module(module.name)

    def below(cls: type) -> Iterator[type]:
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    in_core = {c for c in below(errors.AnnotatorError) if c.__module__.startswith("annotator.core")}
    return sorted(in_core, key=lambda c: c.__name__)


def _project(cls: type[errors.ProjectFileError], member: enum.Enum) -> errors.ProjectFileError:
    if cls is errors.NewerProject:
        made: errors.ProjectFileError = cls(PATH, 9, 4)  # type: ignore[call-arg]
    elif cls is errors.DamagedValue:
        made = cls(PATH, "documents", "title", "row 3")  # type: ignore[call-arg]
    elif issubclass(cls, errors.SchemaNeedsRepair):
        made = cls(PATH, [])  # type: ignore[call-arg]
    else:
        made = cls(PATH)
    if isinstance(member, errors.ProjectCause):
        made.because, made.table = member, "codings"
    elif isinstance(member, OsProblem):
        made.system = member
    elif isinstance(member, FileType):
        made.file_type = member
    return made


def _imported(cls: type[imports.ImportFailed], member: enum.Enum) -> imports.ImportFailed:
    special: dict[type, Callable[[], imports.ImportFailed]] = {
        imports.DamagedFile: lambda: imports.DamagedFile("a.docx", "Word"),
        imports.UnsafeFile: lambda: imports.UnsafeFile(
            "a.docx",
            member if isinstance(member, imports.Unsafe) else imports.Unsafe.TOO_MANY_PARTS,
            part="word/document.xml",
            count=500,
            size=900_000_000,
        ),
        imports.TooLarge: lambda: imports.TooLarge("a.txt", 30_000_000, 20_000_000),
        imports.NotAFile: lambda: imports.NotAFile(
            "a.txt", member if isinstance(member, FileType) else FileType.PIPE
        ),
        imports.UnsupportedFormat: lambda: imports.UnsupportedFormat(
            "a.doc", ".doc", member if isinstance(member, imports.FormatAdvice) else None
        ),
        imports.UnknownEncoding: lambda: imports.UnknownEncoding("a.txt", "klingon"),
        imports.WrongEncoding: lambda: imports.WrongEncoding("a.txt", "utf-8", 12),
    }
    made = special.get(cls, lambda: cls("a.txt"))()
    if isinstance(member, OsProblem):
        made.system = member
    return made


def _exchange(member: enum.Enum) -> exchange.ExchangeFileError:
    if isinstance(member, exchange.FileProblem):
        return exchange.ExchangeFileError(PATH, member, count=3)
    if isinstance(member, OsProblem):
        return exchange.ExchangeFileError(PATH, exchange.FileProblem.UNREADABLE, system=member)
    assert isinstance(member, FileType)
    return exchange.ExchangeFileError(PATH, exchange.FileProblem.NOT_A_FILE, file_type=member)


def _input(member: enum.Enum) -> InputRefused:
    if isinstance(member, InputProblem):
        return InputRefused("a.txt", member, limit=5_000_000)
    if isinstance(member, OsProblem):
        return InputRefused("a.txt", InputProblem.UNREADABLE, system=member)
    assert isinstance(member, FileType)
    return InputRefused("a.txt", InputProblem.NOT_REGULAR, file_type=member)


def _codebook_file(member: enum.Enum) -> InvalidCodebookFile:
    if isinstance(member, CodebookFileProblem):
        return InvalidCodebookFile(
            PATH, member, 4, code="A/B", value="blue", other="C/B", count=2, detail="x"
        )
    unreadable = CodebookFileProblem.UNREADABLE
    if isinstance(member, OsProblem):
        return InvalidCodebookFile(PATH, unreadable, system=member)
    assert isinstance(member, FileType)
    return InvalidCodebookFile(PATH, unreadable, file_type=member)


def _redaction_list(member: enum.Enum) -> RedactionListError:
    if isinstance(member, ListProblem):
        return RedactionListError(
            member, source=PATH, line=3, pattern="(a", other="a", detail="x", limit=5_000_000
        )
    if isinstance(member, OsProblem):
        return RedactionListError(ListProblem.UNREADABLE, source=PATH, system=member)
    assert isinstance(member, FileType)
    return RedactionListError(ListProblem.UNREADABLE, source=PATH, file_type=member)


def _plain(cls: type[errors.AnnotatorError], member: Any) -> errors.AnnotatorError | None:
    made: dict[type, Callable[[], errors.AnnotatorError]] = {
        errors.InvalidPassphrase: lambda: errors.InvalidPassphrase(member, 8),
        errors.NotFound: lambda: errors.NotFound(member, "x"),
        errors.Ambiguous: lambda: errors.Ambiguous(member, "x", ["x (1)", "x (2)"]),
        errors.InvalidCodeName: lambda: errors.InvalidCodeName("a/b", member, 200),
        errors.InvalidSpan: lambda: errors.InvalidSpan(member, start=3, end=9, length=5),
        errors.DuplicateCoding: lambda: errors.DuplicateCoding("CCTV", 3, 9),
        errors.QuoteNotFound: lambda: errors.QuoteNotFound(
            "camera", [4, 90] if member is errors.QuoteProblem.SEVERAL else None
        ),
        errors.InvalidValue: lambda: errors.InvalidValue(member, "2024-13", other="CCTV"),
        exchange.ExchangeFileError: lambda: _exchange(member),
        exchange.MergeConflicts: lambda: exchange.MergeConflicts(
            MergePlan(source_name="b.qdpx", report=ImportReport())
        ),
        exchange.MergeUndoUnavailable: lambda: exchange.MergeUndoUnavailable(member, PATH),
        InputRefused: lambda: _input(member),
        InvalidCodebookFile: lambda: _codebook_file(member),
        RedactionListError: lambda: _redaction_list(member),
        ExportCancelled: lambda: ExportCancelled(PATH),
        OutputUnwritable: lambda: OutputUnwritable(PATH, member, "x"),
        UnwritableText: lambda: UnwritableText(member, "CCTV", "\x02", "author"),
        PatternError: lambda: PatternError(member, "(a+)+$", detail="x", seconds=2.0),
        SearchSyntaxError: lambda: SearchSyntaxError(
            "police AND", 7, member, operator="AND", detail="x"
        ),
    }
    if cls is errors.DuplicateCodeName:
        return cls("CCTV") if member is errors.NameProblem.TAKEN else None
    return made[cls]()


def _sample(cls: type[errors.AnnotatorError], member: enum.Enum) -> errors.AnnotatorError | None:
    """`cls` made with `member` as its kind or as the reason it carries; None for a
    member of another class of the family (each class has its own kind)."""
    if issubclass(cls, errors.ProjectFileError):
        own = not isinstance(member, errors.ProjectProblem) or member is cls.kind
        return _project(cls, member) if own else None
    if issubclass(cls, imports.ImportFailed):
        own = not isinstance(member, imports.ImportProblem) or member is cls.kind
        return _imported(cls, member) if own else None
    return _plain(cls, member)


def _samples(
    cls: type[errors.AnnotatorError],
) -> Iterator[tuple[str, errors.AnnotatorError, enum.Enum]]:
    """One instance of `cls` for each member of each enum it carries."""
    for kinds in cls.kinds:
        for member in kinds:
            made = _sample(cls, member)
            if made is not None:
                yield f"{cls.__name__}.{member.name}", made, member


ERROR_CLASSES = _error_classes()
MADE = [made for cls in ERROR_CLASSES for made in _samples(cls)]
SAMPLES = [(name, error) for name, error, _ in MADE]


def test_every_error_in_the_core_carries_kinds() -> None:
    unkinded = {c.__name__ for c in ERROR_CLASSES if not c.kinds}
    assert unkinded == set(), f"errors without kinds: {unkinded}"
    assert len(SAMPLES) > 250


def test_no_error_in_the_core_brings_its_own_sentence() -> None:
    """`str()` is the log's line, made from the kind and data (`AnnotatorError.__str__`)."""
    for name, error in SAMPLES:
        assert error.args == (), name
        assert str(error).startswith(f"{error.kind.value}"), name


@pytest.mark.parametrize(("name", "error"), SAMPLES, ids=[n for n, _ in SAMPLES])
def test_every_kind_of_error_has_words_in_the_cli(name: str, error: errors.AnnotatorError) -> None:
    words = cli_messages.describe(error)
    assert words and words != str(error), name
    assert "{" not in words


def _groups() -> dict[tuple[type, type], list[tuple[str, errors.AnnotatorError]]]:
    """The samples that differ only in one enum's member, within one family of errors."""
    groups: dict[tuple[type, type], list[tuple[str, errors.AnnotatorError]]] = {}
    for name, error, member in MADE:
        families = (errors.ProjectFileError, imports.ImportFailed, errors.InvalidCodeName)
        family = next((f for f in families if isinstance(error, f)), type(error))
        groups.setdefault((family, type(member)), []).append((name, error))
    return groups


def test_each_kind_has_its_own_words_in_the_cli() -> None:
    for (family, kinds), samples in _groups().items():
        lines = [cli_messages.describe(error) for _, error in samples]
        same = [n for (n, _), line in zip(samples, lines, strict=True) if lines.count(line) > 1]
        assert same == [], f"{family.__name__} words {kinds.__name__} alike: {same}"


class _Brackets(QTranslator):
    """Every string translated, visibly."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"[{source}]"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def translator(request: pytest.FixtureRequest, qapp: Any) -> Iterator[None]:
    app = qapp  # pytest-qt's QApplication: a bare QCoreApplication would abort later widgets
    chosen: QTranslator
    if request.param == "brackets":
        chosen = _Brackets()
    else:
        chosen = QTranslator()
        assert chosen.load("annotator_es", translations_dir())
    app.installTranslator(chosen)
    yield
    app.removeTranslator(chosen)


@pytest.mark.parametrize("translator", ["brackets"], indirect=True)
def test_every_kind_of_error_has_translated_words_in_the_app(translator: None) -> None:
    for name, error in SAMPLES:
        words = ui_messages.describe(error)
        assert words.startswith("[") and words != str(error), name
        assert "{" not in words.replace("[", "").replace("]", ""), name


def test_each_kind_has_its_own_words_in_the_app(qapp: Any) -> None:
    for (family, kinds), samples in _groups().items():
        words = [ui_messages.describe(error) for _, error in samples]
        same = [n for (n, _), text in zip(samples, words, strict=True) if words.count(text) > 1]
        assert same == [], f"{family.__name__} words {kinds.__name__} alike: {same}"


def _english() -> dict[str, str]:
    return {name: ui_messages.describe(error) for name, error in SAMPLES}


@pytest.mark.parametrize("translator", ["es"], indirect=True)
def test_spanish_has_every_sentence_the_app_says_about_errors(translator: None) -> None:
    untranslated = []
    for name, error in SAMPLES:
        spanish = ui_messages.describe(error)
        if "cannot" in spanish or " the " in spanish or "There is" in spanish:
            untranslated.append(f"{name}: {spanish}")
    assert untranslated == []


def test_every_kind_of_change_has_words_in_both_faces() -> None:
    for kind in ChangeKind:
        for count, name in ((1, "CCTV"), (3, "")):
            change = Change(kind=kind, name=name, other="Drones", count=count)
            for words in (ui_changes.describe(change), cli_changes.describe(change)):
                assert words and "{" not in words, kind


@pytest.mark.parametrize("translator", ["es"], indirect=True)
def test_spanish_names_every_kind_of_change(translator: None) -> None:
    for kind in ChangeKind:
        english = cli_changes.describe(Change(kind=kind, name="CCTV", other="Drones", count=3))
        assert ui_changes.describe(Change(kind=kind, name="CCTV", other="Drones", count=3)) != (
            english
        ), kind


def test_every_reason_a_merge_leaves_something_out_has_words_in_both_faces(qapp: Any) -> None:
    for reason in SkipReason:
        assert merge_wording.skip_text(reason), reason
        assert cli_exchange.SKIP_WORDS[reason], reason


def test_every_import_notice_has_words_in_both_faces(qapp: Any) -> None:
    for kind in NoticeKind:
        notice = Notice(kind, name="a\\x07.txt", field="title", count=2)
        for words in (import_wording.notice_text(notice), cli_imports.notice_line(notice)):
            assert words and "{" not in words and words != str(notice), kind
