"""What every overview tab shares: options, copy and save buttons, and the excerpts
behind a clicked cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core import excerpts, overviews
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.core.storage.atomic_write import write_bytes
from annotator.ui.charts import png_bytes
from annotator.ui.export_wording import ExportWording
from annotator.ui.i18n import translate
from annotator.ui.snippets import one_line

if TYPE_CHECKING:
    from annotator.ui.overviews import OverviewsView

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SPAN_ROLE = Qt.ItemDataRole.UserRole + 2
CELL_EXCERPTS = 200  # listed under a clicked cell; "Show in Excerpts" has them all


def scrolled(chart: QWidget, *, fit_width: bool = False) -> QScrollArea:
    """The chart in a scroll area; it keeps its full size, so `grab()` has all of it.

    `fit_width` lets a chart that can stretch (bars) take the width there is.
    """
    area = QScrollArea()
    area.setWidget(chart)
    area.setWidgetResizable(fit_width)
    area.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return area


class OverviewTab(QWidget):
    """One overview: options on top, the chart, buttons to copy and save."""

    name = ""

    def __init__(self, view: OverviewsView) -> None:
        super().__init__()
        self.view = view
        self.options = QHBoxLayout()
        self.status = QLabel()
        # translate() with the context written out: the tabs subclass this class, and
        # self.tr would look these up under each subclass's name (annotator/ui/i18n.py)
        self.copy_button = QPushButton(translate("OverviewTab", "Copy table"))
        self.csv_button = QPushButton(translate("OverviewTab", "Save table as CSV…"))
        self.png_button = QPushButton(translate("OverviewTab", "Save chart as PNG…"))
        self.copy_button.clicked.connect(self.copy_table)
        self.csv_button.clicked.connect(self._ask_csv)
        self.png_button.clicked.connect(self._ask_png)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.copy_button, self.csv_button, self.png_button):
            buttons.addWidget(button)
        self.column = QVBoxLayout(self)
        self.column.addLayout(self.options)
        self.column.addLayout(buttons)

    def option(self, box: QCheckBox | QComboBox) -> None:
        self.options.addWidget(box)
        if isinstance(box, QCheckBox):
            box.toggled.connect(self.reload)
        else:
            box.currentIndexChanged.connect(self.reload)

    @property
    def project(self) -> Project | None:
        return self.view.project

    def reload(self) -> None:
        raise NotImplementedError

    def rows(self) -> list[overviews.Row]:
        raise NotImplementedError

    def chart(self) -> QWidget:
        raise NotImplementedError

    def copy_table(self) -> None:
        QGuiApplication.clipboard().setText(overviews.csv_text(self.rows()))
        self.status.setText(translate("OverviewTab", "Table copied: paste it into a spreadsheet."))

    def save_csv(self, path: Path | str) -> bool:
        try:
            overviews.write_csv(path, self.rows())
        except AnnotatorError as exc:  # worded as the Export dialog words a file it cannot write
            self.status.setText(ExportWording().failure(exc))
            return False
        self.status.setText(self._saved(path))
        return True

    def save_png(self, path: Path | str) -> bool:
        try:
            write_bytes(path, png_bytes(self.chart()))
        except AnnotatorError as exc:
            self.status.setText(ExportWording().failure(exc))
            return False
        self.status.setText(self._saved(path))
        return True

    @staticmethod
    def _saved(path: Path | str) -> str:
        return translate("OverviewTab", "Saved {file}.").format(file=Path(path).name)

    def _ask(
        self, title: str, file_name: str, file_filter: str, save: Callable[[str], bool]
    ) -> None:
        path, _ = QFileDialog.getSaveFileName(self, title, file_name, file_filter)
        if path:
            save(path)

    def _ask_csv(self) -> None:
        self._ask(
            translate("OverviewTab", "Save table as CSV"),
            f"{self.name}.csv",
            translate("OverviewTab", "CSV files (*.csv)"),
            self.save_csv,
        )

    def _ask_png(self) -> None:
        self._ask(
            translate("OverviewTab", "Save chart as PNG"),
            f"{self.name}.png",
            translate("OverviewTab", "PNG files (*.png)"),
            self.save_png,
        )


class CellExcerpts(QWidget):
    """The excerpts behind a clicked cell, each a click away from its document."""

    def __init__(self, view: OverviewsView) -> None:
        super().__init__()
        self.view = view
        self.request: tuple[Selection, str] = (Selection(), "any")
        self.title = QLabel(self.tr("Click a cell to list its excerpts here."))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Excerpts of the cell"))
        self.more = QPushButton(self.tr("Show in Excerpts"))
        self.more.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.more)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.list, 1)
        self.list.itemClicked.connect(self._open)
        self.list.itemActivated.connect(self._open)
        self.more.clicked.connect(lambda: self.view.excerpts_requested.emit(*self.request))

    def show_cell(self, title: str, selection: Selection, match: excerpts.Match) -> None:
        project = self.view.project
        self.list.clear()
        if project is None:
            return
        found = excerpts.excerpts(project, selection, match=match, limit=CELL_EXCERPTS)
        total = excerpts.count_excerpts(project, selection, match=match)
        for e in found:
            item = QListWidgetItem(f"{e.document_title} · {e.code_name}: “{one_line(e.quote)}”")
            item.setData(ID_ROLE, e.document_id)
            item.setData(SPAN_ROLE, (e.start, e.end))
            item.setToolTip(e.quote)
            self.list.addItem(item)
        if total == 1:
            heading = self.tr("{title}: 1 excerpt")
        elif total > len(found):
            heading = self.tr("{title}: {count} excerpts (the first {shown} listed)")
        else:
            heading = self.tr("{title}: {count} excerpts")
        self.title.setText(heading.format(title=title, count=total, shown=len(found)))
        self.request = (selection, match)
        self.more.setEnabled(total > 0)

    def clear(self) -> None:
        self.list.clear()
        self.title.setText(self.tr("Click a cell to list its excerpts here."))
        self.more.setEnabled(False)

    def _open(self, item: QListWidgetItem) -> None:
        start, end = item.data(SPAN_ROLE)
        self.view.open_requested.emit(item.data(ID_ROLE), start, end)
