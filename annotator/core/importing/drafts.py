"""A draft: one source read, extracted and pre-filled, before its text is frozen.

The import dialog shows a draft as the preview (encoding, details, what clean-up
would drop, the resulting text); the researcher adjusts it, and `bulk` stores it.
Preparing is deterministic: the same bytes and options give the same draft, so the
clean-up proposals can be referred to by their index.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import BinaryIO

from annotator.core import text_controls
from annotator.core.importing import cleanup, encodings, errors, extractors, provenance
from annotator.core.importing.cleanup import Reason, Removal
from annotator.core.importing.notices import Notice, notices_of
from annotator.core.importing.reading import (
    PASTED_LIMIT,
    SIZE_LIMITS,
    Kind,
    Source,
    read_source,
    read_stream,
)

PASTED = "pasted text"


@dataclass(frozen=True)
class ImportOptions:
    """How to read sources: the same for a whole bulk import unless a draft says otherwise.

    `provenance` overrides what the file says (title, source_url, published_date, ...).
    """

    clean: bool = False
    encoding: str | None = None
    whole_page: bool = False
    provenance: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Draft:
    """One source ready to store; `chosen` and `provenance` are the researcher's to edit."""

    source: str  # the path or "pasted text", as messages name it
    original: bytes
    original_filename: str
    kind: Kind
    encoding: str  # "" for formats that are not plain bytes of text
    encoding_detected: bool
    extracted_text: str  # normalised, before clean-up
    provenance: dict[str, str]
    chosen: set[int] = field(default_factory=set)  # indices into `removals` to apply
    outside_main_content: tuple[str, ...] = ()
    main_content_found: bool = True
    controls_removed: int = 0  # from the text
    fields_cleaned: dict[str, int] = field(default_factory=dict)  # controls per detail
    name_escaped: bool = False  # the file name was not UTF-8 (odd bytes kept as \xNN)
    _removals: tuple[Removal, ...] | None = field(default=None, repr=False, compare=False)
    by_hand: list[Removal] = field(default_factory=list)  # runs of lines the researcher dropped

    @property
    def removals(self) -> tuple[Removal, ...]:
        """The clean-up proposals (worked out when first wanted, a plain bulk import never),
        then the runs dropped by hand, in the order they were dropped."""
        if self._removals is None:
            self._removals = tuple(cleanup.propose(self.extracted_text))
        return self._removals + tuple(self.by_hand)

    @property
    def text(self) -> str:
        """The text that will be frozen."""
        return cleanup.apply(self.extracted_text, self.applied_removals)

    @property
    def applied_removals(self) -> list[Removal]:
        return [self.removals[i] for i in sorted(self.chosen)]

    @property
    def title(self) -> str:
        return self.provenance.get("title", "")

    @property
    def notices(self) -> tuple[Notice, ...]:
        """What reading changed without refusing: an escaped name, controls removed."""
        return notices_of(
            escaped_name=self.original_filename if self.name_escaped else None,
            removed={"text": self.controls_removed, **self.fields_cleaned},
        )

    def choose_all(self, apply: bool) -> None:
        """Take every proposal or none; what was dropped by hand stays dropped."""
        proposals = len(self.removals) - len(self.by_hand)
        by_hand = set(range(proposals, len(self.removals)))
        self.chosen = set(range(proposals)) | by_hand if apply else by_hand

    def drop_by_hand(self, start: int, end: int) -> Removal | None:
        """Drop the whole lines that characters `start:end` of the text to be frozen touch.

        The run is found in the text before clean-up, so the import record says where
        it came from; it is chosen at once and, like any proposal, can be restored.
        """
        if end <= start:
            return None
        _, pieces = cleanup.applied(self.extracted_text, self.applied_removals)
        first = cleanup.original_offset(pieces, start)
        last = cleanup.original_offset(pieces, end - 1)
        text = self.extracted_text
        line_start = text.rfind("\n", 0, first) + 1
        line_end = text.find("\n", last)
        line_end = len(text) if line_end < 0 else line_end + 1
        dropped = text[line_start:line_end].strip("\n")
        if not dropped.strip():
            return None
        removal = Removal(line_start, line_end, Reason.BY_HAND, dropped)
        self.by_hand.append(removal)
        self.chosen.add(len(self.removals) - 1)
        return removal


def prepare(source: Source, options: ImportOptions | None = None) -> Draft:
    """Read, extract, normalise and pre-fill one source. Raises ImportFailed."""
    options = options or ImportOptions()
    extracted = extractors.extract(
        source, encoding=options.encoding if source.kind.is_text else None,
        whole_page=options.whole_page,
    )  # fmt: skip
    normalised = encodings.normalise(extracted.text)
    if not normalised.text.strip():
        raise errors.NoText(source.name)
    stem = PurePath(source.filename).stem if source.filename else ""
    details = provenance.merge(
        overrides=options.provenance,
        metadata=extracted.metadata,
        lead=provenance.read_lead(normalised.text, pasted_page=_may_be_a_page(source, options)),
        filename_stem=stem,
    )
    details, fields_cleaned = text_controls.clean_fields(details)
    draft = Draft(
        source=source.name,
        original=source.data,
        original_filename=source.filename,
        kind=source.kind,
        encoding=extracted.encoding,
        encoding_detected=extracted.encoding_detected,
        extracted_text=normalised.text,
        provenance=details,
        outside_main_content=extracted.outside_main_content,
        main_content_found=extracted.main_content_found,
        controls_removed=normalised.controls_removed,
        fields_cleaned=fields_cleaned,
        name_escaped=source.name_escaped,
    )
    draft.choose_all(options.clean)
    return draft


def _may_be_a_page(source: Source, options: ImportOptions) -> bool:
    """Text to search for an article's headline and byline wherever the menus leave them:
    pasted text, or a text file imported with clean-up. A plain bulk import of text files
    skips the search, which costs more than the rest of the import."""
    return source.kind is Kind.TEXT and (options.clean or source.name == PASTED)


def prepare_file(path: Path, options: ImportOptions | None = None) -> Draft:
    return prepare(read_source(path), options)


def prepare_pasted(text: str, options: ImportOptions | None = None) -> Draft:
    """Pasted text: kept as UTF-8 (lone surrogates from a broken clipboard replaced)."""
    if len(text) > PASTED_LIMIT:  # a character is at least one byte: too large already
        raise errors.TooLarge(PASTED, len(text), PASTED_LIMIT)
    data = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if not data.strip():
        raise errors.EmptyFile(PASTED)
    encoded = data.encode("utf-8")
    if len(encoded) > PASTED_LIMIT:
        raise errors.TooLarge(PASTED, len(encoded), PASTED_LIMIT)
    source = Source(name=PASTED, data=encoded, kind=Kind.TEXT)
    options = options or ImportOptions()
    return prepare(source, ImportOptions(**{**vars(options), "encoding": "utf-8"}))


def prepare_bytes(
    data: bytes, name: str, options: ImportOptions | None = None, *, kind: Kind = Kind.TEXT
) -> Draft:
    """Bytes from a pipe (`annotator import --stdin`), decoded like a file of `kind`."""
    if len(data) > SIZE_LIMITS[kind]:
        raise errors.TooLarge(name, len(data), SIZE_LIMITS[kind])
    if not data.strip():
        raise errors.EmptyFile(name)
    return prepare(Source(name=name, data=data, kind=kind), options)


def prepare_stream(
    stream: BinaryIO, name: str, options: ImportOptions | None = None, *, kind: Kind = Kind.TEXT
) -> Draft:
    """A piped source, read to its kind's limit at most (`yes |` is refused, not read)."""
    return prepare_bytes(read_stream(stream, name, kind), name, options, kind=kind)
