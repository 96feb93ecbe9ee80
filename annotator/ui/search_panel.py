"""Search every document: a query box, and each occurrence with its context.

`SearchPanel(project)` is self-contained; the window wires its signals:
- `open_requested(document_id: DocumentId, start: int, end: int)`: show that document with
  the match selected (code-point offsets into the text) — on click or Enter;
- `autocode_requested(query: str, mode: str, case_sensitive: bool)`: the researcher
  wants to code the matches (open `AutocodeDialog` with the same search).
Call `refresh()` after documents were imported or deleted. Hits are fetched 50 at a
time as the list scrolls, so a word in every document of a big project shows its
first screen at once.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core import search
from annotator.core.patterns import PatternError
from annotator.core.project import Project
from annotator.core.search_syntax import SearchSyntaxError
from annotator.ui.i18n import translate
from annotator.ui.messages import describe
from annotator.ui.snippets import SNIPPET_ROLE, SnippetDelegate, one_line
from annotator.ui.table_model import AnyIndex, TableModel

PAGE = 50


def mode_labels() -> dict[search.Mode, str]:
    """The search modes as the mode box lists them (the auto-code dialog's too)."""
    return {
        "words": translate("SearchPanel", "Words"),
        "exact": translate("SearchPanel", "Exact text"),
        "regex": translate("SearchPanel", "Regular expression"),
    }


def placeholder(mode: search.Mode) -> str:
    """What the query box shows while empty: how to write a query in this mode."""
    if mode == "words":
        return translate("SearchPanel", 'Words, "a phrase", surveil*, AND, OR, NOT, (…)')
    if mode == "exact":
        return translate("SearchPanel", "Text to find, exactly as written")
    return translate("SearchPanel", r"A regular expression, e.g. licen[cs]e\W+plates?")


ERROR_STYLE = "color: #B00020;"


class SearchResultsModel(TableModel):
    """The hits of one search, fetched a page at a time as the view asks for more.

    A regular expression stopped for taking too long (`PatternError`) while scrolling
    ends the list where it is and is sent out by `stopped`.
    """

    stopped = Signal(object)  # the PatternError

    def __init__(self) -> None:
        super().__init__()
        self.headers = (self.tr("Document"), self.tr("Date"), self.tr("Passage"))
        self._results: search.SearchResults | None = None
        self._hits: list[search.Hit] = []

    def set_results(self, results: search.SearchResults | None) -> None:
        """Show the first page; raises PatternError (the list stays empty) on a slow pattern."""
        self.beginResetModel()
        self._results, self._hits = None, []
        try:
            self._hits = results.next_hits(PAGE) if results else []
            self._results = results
        finally:
            self.endResetModel()

    def hit(self, row: int) -> search.Hit:
        return self._hits[row]

    def row_total(self) -> int:
        return len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return hit.document_title
            if column == 1:
                return hit.published_date
            return one_line(f"{hit.before}{hit.text}{hit.after}")
        if role == SNIPPET_ROLE and column == 2:
            return (hit.before, hit.text, hit.after)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.document_title}\n…{hit.before}{hit.text}{hit.after}…"
        return None

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._results is not None and not self._results.exhausted

    def fetchMore(self, parent: AnyIndex) -> None:
        if self._results is None or parent.isValid():
            return
        try:
            more = self._results.next_hits(PAGE)
        except PatternError as exc:
            self._results = None  # no more fetching: the list ends here
            self.stopped.emit(exc)
            return
        if more:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._hits.extend(more)
            self.endInsertRows()


def results_table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    """A list of passages: title, date, and the passage in its context."""
    view = QTableView(parent)
    view.setModel(model)
    view.setItemDelegateForColumn(2, SnippetDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    header.resizeSection(0, 180)
    return view


class SearchPanel(QWidget):
    """Full-text search over the project; see the module docstring for its signals."""

    open_requested = Signal(str, int, int)
    autocode_requested = Signal(str, str, bool)

    def __init__(self, project: Project | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._results: search.SearchResults | None = None

        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Search query"))
        self.mode = QComboBox()
        for mode, label in mode_labels().items():
            self.mode.addItem(label, mode)
        self.mode.setAccessibleName(self.tr("Search mode"))
        self.case_sensitive = QCheckBox(self.tr("Match case"))
        self.case_sensitive.setToolTip(self.tr("For exact text and regular expressions"))
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setDefault(True)
        self.autocode_button = QPushButton(self.tr("Code all matches…"))
        self.autocode_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = SearchResultsModel()
        self.model.stopped.connect(self._stopped)
        self.view = results_table(self.model, self)
        self.view.setAccessibleName(self.tr("Search results"))

        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.mode)
        row.addWidget(self.case_sensitive)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.autocode_button)
        layout.addLayout(status_row)
        layout.addWidget(self.view, 1)

        self.query.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.autocode_button.clicked.connect(self._ask_autocode)
        self._mode_changed()

    def clear(self) -> None:
        self._results = None
        self.model.set_results(None)
        self.status.clear()
        self.autocode_button.setEnabled(False)

    @property
    def current_mode(self) -> search.Mode:
        return self.mode.currentData()

    def run_search(self) -> None:
        """Search for what the box holds; a bad query is explained, never raised."""
        text = self.query.text()
        if self._project is None or not text.strip():
            self.clear()
            return
        try:
            results = search.search(
                self._project,
                text,
                mode=self.current_mode,
                case_sensitive=self.case_sensitive.isChecked(),
            )
            self.model.set_results(results)
        except (SearchSyntaxError, PatternError) as exc:
            self.clear()
            self._say(describe(exc), error=True)
            return
        self._results = results
        self.autocode_button.setEnabled(self.model.rowCount() > 0)
        if results.stopped is not None:  # the first page ends where a pattern ran too long
            self._stopped(results.stopped)
        else:
            self._say(self._summary(results))

    def refresh(self) -> None:
        """Run the last search again (the documents changed)."""
        if self._results is not None:
            self.run_search()

    def _summary(self, results: search.SearchResults) -> str:
        shown = self.model.rowCount()
        if not shown:
            return self.tr("No matches.")
        count = results.document_count
        if results.exhausted:
            text = self._all_listed(shown, count)
        elif count is None:
            text = self.tr("Matches: the first {shown} are listed; scroll for more.")
        elif count == 1:
            text = self.tr("Matches in 1 document: the first {shown} are listed; scroll for more.")
        else:
            text = self.tr(
                "Matches in {count:,} documents: the first {shown} are listed; scroll for more."
            )
        text = text.format(shown=shown, count=count)
        if results.index == "substrings" and self.current_mode == "words":
            text += " " + self.tr(
                "Found inside words (no whole word matched, or the script has no spaces)."
            )
        return text

    def _all_listed(self, shown: int, count: int | None) -> str:
        """One sentence per plural case; `{shown}` and `{count}` are filled in later."""
        if count is None:
            return self.tr("1 match.") if shown == 1 else self.tr("{shown:,} matches.")
        if count == 1:
            return (
                self.tr("1 match in 1 document.")
                if shown == 1
                else self.tr("{shown:,} matches in 1 document.")
            )
        return (
            self.tr("1 match in {count:,} documents.")
            if shown == 1
            else self.tr("{shown:,} matches in {count:,} documents.")
        )

    def _stopped(self, exc: PatternError) -> None:
        """Scrolling ran a regular expression past its time limit: say so, keep the list."""
        self._say(describe(exc), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")

    def _mode_changed(self) -> None:
        literal = self.current_mode != "words"
        self.case_sensitive.setEnabled(literal)
        self.query.setPlaceholderText(placeholder(self.current_mode))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.hit(index.row())
            self.open_requested.emit(hit.document_id, hit.start, hit.end)

    def _ask_autocode(self) -> None:
        if self._results is not None:
            self.autocode_requested.emit(
                self._results.query, self._results.mode, self.case_sensitive.isChecked()
            )
