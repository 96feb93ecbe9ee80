"""The Word report: coded excerpts, each followed by the citation a report can print.

Layout: a title page (project, what was selected, export date, coders, totals), then
either every code in codebook order as a heading whose level follows the code
hierarchy, with its definition and its excerpts (grouped by code), or every document
as a heading with its excerpts in text order and the codes on each (grouped by
document). A passage coded the same way by several coders is printed once.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.exports import docx_writing as dw
from annotator.core.exports.citations import citation
from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.progress import CancelCheck, ProgressCallback, Ticker
from annotator.core.exports.rows import ExcerptRow, ExportContext, SourceDocument
from annotator.core.exports.selection import (
    ExportedCode,
    GroupBy,
    SelectionCount,
    coder_names,
    codings_per_code,
    count,
    names_of,
)
from annotator.core.exports.wording import ReportWording
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.core.storage.atomic_write import write_from_memory

TITLE_PAGE_LIST_LIMIT = 12


def write_report(
    project: Project,
    target: Path | str,
    selection: Selection,
    *,
    group_by: GroupBy = GroupBy.CODE,
    include_empty_codes: bool = False,
    include_memos: bool = False,
    wording: ReportWording | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportResult:
    target = Path(target)
    wording = wording or ReportWording()
    context = ExportContext(project, selection)
    codes = context.codes
    counted = count(project, selection)
    ticker = Ticker(target, counted.codings, progress, cancelled)
    writer = dw.WordWriter(project.name, wording.report_title)
    report = _Report(writer, wording, include_memos, ticker)
    report.title_page(project, selection, codes, counted, group_by)
    rows = context.rows(group_by)
    if group_by is GroupBy.CODE:
        shown = _codes_to_show(codes, codings_per_code(project, selection), include_empty_codes)
        report.by_code(codes, shown, rows)
    else:
        report.by_document(rows)
    ticker.check()  # the last moment Cancel can still leave no file behind
    write_from_memory(target, writer.save)
    ticker.finish()
    return ExportResult(target, "docx", counted.codings, counted.documents, counted.codes)


def _codes_to_show(
    codes: list[ExportedCode], per_code: dict[str, int], include_empty: bool
) -> set[str]:
    """Codes with excerpts, their exported ancestors (headings for context), or all."""
    if include_empty:
        return {c.id for c in codes}
    exported = {c.id for c in codes}
    shown: set[str] = set()
    for code in reversed(codes):  # children before parents
        if per_code.get(code.id) or code.id in shown:
            shown.add(code.id)
            parent = code.node.code.parent_id
            if parent in exported:
                shown.add(parent)
    return shown


def _same_passage(rows: Iterable[ExcerptRow]) -> Iterator[list[ExcerptRow]]:
    """Consecutive rows on the same span of the same document, as one passage."""
    for _, group in itertools.groupby(rows, key=lambda r: (r.document.id, r.start, r.end)):
        yield list(group)


class _Report:
    def __init__(
        self, writer: dw.WordWriter, wording: ReportWording, include_memos: bool, ticker: Ticker
    ) -> None:
        self.writer = writer
        self.styles = writer.styles
        self.wording = wording
        self.include_memos = include_memos
        self.ticker = ticker
        self._cited: dict[str, str] = {}

    def title_page(
        self,
        project: Project,
        selection: Selection,
        codes: list[ExportedCode],
        counted: SelectionCount,
        group_by: GroupBy,
    ) -> None:
        w, out, styles = self.wording, self.writer, self.styles
        out.text(project.name, styles.title)
        out.text(w.report_title, styles.subtitle)
        if selection.code_ids is None:
            code_list = w.all_codes
        else:
            code_list = self._listing([c.node.path for c in codes if c.level == 1])
            if selection.with_subcodes:
                code_list += f" ({w.with_subcodes})"
        out.labelled(w.codes, code_list, styles.details)
        documents = (
            w.all_documents
            if selection.document_ids is None
            else self._listing(names_of(project, "documents", selection.document_ids))
        )
        out.labelled(w.documents, documents, styles.details)
        out.labelled(w.published, self._date_range(selection), styles.details)
        by = w.by_code if group_by is GroupBy.CODE else w.by_document
        out.labelled(w.grouping, by, styles.details)
        out.labelled(w.coders, self._listing(coder_names(project, selection)), styles.details)
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        out.labelled(w.exported, now, styles.details)
        totals = w.totals.format(
            codings=counted.codings, documents=counted.documents, codes=counted.codes
        )
        out.text(totals, styles.details)
        out.page_break()

    def _listing(self, names: list[str]) -> str:
        shown = names[:TITLE_PAGE_LIST_LIMIT]
        text = "; ".join(shown)
        if len(names) > len(shown):
            text += "; " + self.wording.more.format(count=len(names) - len(shown))
        return text or "\u2013"

    def _date_range(self, selection: Selection) -> str:
        parts = []
        if selection.date_from:
            parts.append(self.wording.date_from.format(date=selection.date_from))
        if selection.date_to:
            parts.append(self.wording.date_to.format(date=selection.date_to))
        return " ".join(parts) or self.wording.any_date

    def by_code(
        self, codes: list[ExportedCode], shown: set[str], rows: Iterable[ExcerptRow]
    ) -> None:
        groups = itertools.groupby(rows, key=lambda r: r.code.id)
        pending = next(groups, None)
        parents = {c.node.code.parent_id for c in codes if c.id in shown}
        for code in codes:
            excerpts: Iterable[ExcerptRow] = ()
            if pending is not None and pending[0] == code.id:
                excerpts = pending[1]
            if code.id in shown:
                self._code_heading(code)
                wrote = self._excerpts(excerpts, with_codes=False)
                if not wrote and code.id not in parents:
                    self.writer.text(self.wording.no_excerpts, self.styles.note)
            if pending is not None and pending[0] == code.id:
                pending = next(groups, None)

    def _code_heading(self, code: ExportedCode) -> None:
        self.writer.text(code.heading, self.styles.heading(code.level))
        definition = code.node.code.definition.strip()
        if definition:
            self.writer.text(definition, self.styles.definition)

    def by_document(self, rows: Iterable[ExcerptRow]) -> None:
        for _, group in itertools.groupby(rows, key=lambda r: r.document.id):
            of_document = list(group)
            source = of_document[0].document
            self.writer.text(source.title, self.styles.heading(1))
            self._citation(self._cite(source, ""))
            self._excerpts(of_document, with_codes=True)

    def _cite(self, source: SourceDocument, paragraph_label: str) -> str:
        """`citation(source, paragraph_label)`, the document's part worked out once."""
        known = self._cited.get(source.id)
        if known is None:
            known = self._cited[source.id] = citation(source, isolate=True)
        return f"{known}, {paragraph_label}" if paragraph_label else known

    def _citation(self, text: str) -> None:
        # a citation reads in the report's direction; RTL parts are isolated within it
        self.writer.text(text, self.styles.citation, own_direction=False)

    def _excerpts(self, rows: Iterable[ExcerptRow], *, with_codes: bool) -> bool:
        """Write each passage once; True if there was any."""
        out, styles = self.writer, self.styles
        wrote = False
        for passage in _same_passage(rows):
            first = passage[0]
            out.text(first.quote, styles.quote)
            self._citation(self._cite(first.document, first.paragraph_label))
            if with_codes:
                paths = list(dict.fromkeys(r.code.node.path for r in passage))
                out.labelled(self.wording.coded_as, "; ".join(paths), styles.codes)
            if self.include_memos:
                for row in passage:
                    if row.memo.strip():
                        label = f"{self.wording.memo} ({row.coder_name})"
                        out.labelled(label, row.memo.strip(), styles.memo)
            self.ticker.step(len(passage))
            wrote = True
        return wrote
