"""What the Export dialog says: counts, outcomes, failures, and the report's own words.

Every string goes through self.tr() (context "ExportWording"), including the words
printed in the Word report (ReportWording), so a translated app writes a translated report.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.errors import AnnotatorError
from annotator.core.exports.formats import FORMATS
from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.selection import SelectionCount
from annotator.core.exports.wording import ReportWording
from annotator.ui import messages


class ExportWording(QObject):
    """The dialog's sentences; a QObject so `tr()` finds them under one context."""

    def report(self) -> ReportWording:
        return ReportWording(
            report_title=self.tr("Coded excerpts"),
            codebook_title=self.tr("Codebook"),
            codes=self.tr("Codes"),
            documents=self.tr("Documents"),
            coders=self.tr("Coders"),
            published=self.tr("Published"),
            exported=self.tr("Exported"),
            grouping=self.tr("Grouped by"),
            by_code=self.tr("code"),
            by_document=self.tr("document"),
            all_codes=self.tr("all codes"),
            all_documents=self.tr("all documents"),
            all_coders=self.tr("all coders"),
            any_date=self.tr("any date"),
            with_subcodes=self.tr("with their sub-codes"),
            date_from=self.tr("from {date}"),
            date_to=self.tr("to {date}"),
            totals=self.tr("{codings} excerpts from {documents} documents under {codes} codes"),
            more=self.tr("and {count} more"),
            no_excerpts=self.tr("No excerpts selected for this code."),
            no_definition=self.tr("No definition yet."),
            coded_as=self.tr("Coded as"),
            memo=self.tr("Memo"),
            path=self.tr("Path"),
        )

    def plural(self, number: int, noun: str) -> str:
        # English has two forms, kept as two whole strings (the count has thousands commas)
        words = {
            "coding": (self.tr("{count} coding"), self.tr("{count} codings")),
            "document": (self.tr("{count} document"), self.tr("{count} documents")),
            "code": (self.tr("{count} code"), self.tr("{count} codes")),
            "cell": (self.tr("{count} cell was"), self.tr("{count} cells were")),
        }[noun]
        return words[number != 1].format(count=f"{number:,}")

    def codings(self, number: int) -> str:
        return self.plural(number, "coding")

    def count(self, counted: SelectionCount) -> str:
        return self.tr("To export: {codings} from {documents} under {codes}.").format(
            codings=self.codings(counted.codings),
            documents=self.plural(counted.documents, "document"),
            codes=self.plural(counted.codes, "code"),
        )

    def codebook_count(self, codes: int) -> str:
        return self.tr("To export: {codes}.").format(codes=self.plural(codes, "code"))

    def done(self, result: ExportResult) -> str:
        what = (
            self.codings(result.codings)
            if FORMATS[result.format].uses_selection
            else self.plural(result.codes, "code")
        )
        text = self.tr("Exported {what} to {path}.").format(what=what, path=result.path)
        if result.truncated_cells:
            text += " " + self.tr(
                "{cells} longer than a spreadsheet cell holds (32,767 characters) and cut; "
                "export to CSV to keep them whole."
            ).format(cells=self.plural(result.truncated_cells, "cell"))
        return text

    def failure(self, exc: AnnotatorError) -> str:
        """Why the export stopped: worded as every file the app cannot write (messages)."""
        return messages.describe(exc)
