"""What the Export dialog says: counts, outcomes, failures, and the report's own words.

Every string goes through tr(), including the words printed in the Word report
(ReportWording), so a translated app writes a translated report.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.errors import AnnotatorError
from annotator.core.exports.errors import ExportUnwritable, WriteProblem
from annotator.core.exports.formats import FORMATS
from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.selection import SelectionCount
from annotator.core.exports.wording import ReportWording
from annotator.ui import messages


class ExportWording(QObject):
    """The dialog's sentences; a QObject so `tr()` finds them under one context."""

    def report(self) -> ReportWording:
        tr = self.tr
        return ReportWording(
            report_title=tr("Coded excerpts"),
            codebook_title=tr("Codebook"),
            codes=tr("Codes"),
            documents=tr("Documents"),
            coders=tr("Coders"),
            published=tr("Published"),
            exported=tr("Exported"),
            grouping=tr("Grouped by"),
            by_code=tr("code"),
            by_document=tr("document"),
            all_codes=tr("all codes"),
            all_documents=tr("all documents"),
            all_coders=tr("all coders"),
            any_date=tr("any date"),
            with_subcodes=tr("with their sub-codes"),
            date_from=tr("from {date}"),
            date_to=tr("to {date}"),
            totals=tr("{codings} excerpts from {documents} documents under {codes} codes"),
            more=tr("and {count} more"),
            no_excerpts=tr("No excerpts selected for this code."),
            no_definition=tr("No definition yet."),
            coded_as=tr("Coded as"),
            memo=tr("Memo"),
            path=tr("Path"),
        )

    def plural(self, number: int, noun: str) -> str:
        words = {
            "coding": (self.tr("%1 coding"), self.tr("%1 codings")),
            "document": (self.tr("%1 document"), self.tr("%1 documents")),
            "code": (self.tr("%1 code"), self.tr("%1 codes")),
            "cell": (self.tr("%1 cell was"), self.tr("%1 cells were")),
        }[noun]
        return words[number != 1].replace("%1", f"{number:,}")

    def codings(self, number: int) -> str:
        return self.plural(number, "coding")

    def count(self, counted: SelectionCount) -> str:
        text = self.tr("To export: %1 from %2 under %3.")
        text = text.replace("%1", self.codings(counted.codings))
        text = text.replace("%2", self.plural(counted.documents, "document"))
        return text.replace("%3", self.plural(counted.codes, "code"))

    def codebook_count(self, codes: int) -> str:
        return self.tr("To export: %1.").replace("%1", self.plural(codes, "code"))

    def done(self, result: ExportResult) -> str:
        what = (
            self.codings(result.codings)
            if FORMATS[result.format].uses_selection
            else self.plural(result.codes, "code")
        )
        text = self.tr("Exported %1 to %2.").replace("%1", what).replace("%2", str(result.path))
        if result.truncated_cells:
            text += " " + self.tr(
                "%1 longer than a spreadsheet cell holds (32,767 characters) and cut; "
                "export to CSV to keep them whole."
            ).replace("%1", self.plural(result.truncated_cells, "cell"))
        return text

    def failure(self, exc: AnnotatorError) -> str:
        if not isinstance(exc, ExportUnwritable):
            return messages.describe(exc)
        reasons = {
            WriteProblem.NO_FOLDER: self.tr("the folder does not exist"),
            WriteProblem.NO_PERMISSION: self.tr(
                "you have no permission to write there (a read-only folder or file)"
            ),
            WriteProblem.IN_USE: self.tr(
                "the file is open in another program; close it there and export again"
            ),
            WriteProblem.DISK_FULL: self.tr("the disk is full; free some space and try again"),
            WriteProblem.IS_FOLDER: self.tr("a folder of that name is in the way"),
            WriteProblem.OTHER: self.tr("the file cannot be written"),
        }
        text = self.tr("Could not write “%1”: %2.").replace("%1", str(exc.path))
        text = text.replace("%2", reasons[exc.problem])
        text += " " + self.tr("Any earlier file of that name is unchanged.")
        if exc.detail:
            text += "\n" + self.tr("Details: %1").replace("%1", exc.detail)
        return text
