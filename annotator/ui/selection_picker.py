"""The one place where the researcher narrows down which codings: codes (with or without
sub-codes), coders, documents, published dates and words in the coding memo.

The Export dialog and the Excerpts, Overviews and Agreement views each hold a
`SelectionPicker`; `selection()` turns its ticks and fields into the core's
`Selection` (raising InvalidValue for a date that is not one: `problem_text` words it).
A list with everything ticked means all (what is added later, too); what a list with
nothing ticked means is the host's choice (`Parts.none_ticked_is_all`), and its title
says so. `changed` fires on every change. Document attributes and sets (issue 21) come
in as one more part each, turned into their `Selection` fields in `selection()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core import codebook, coders, documents
from annotator.core.errors import AnnotatorError, InvalidValue
from annotator.core.ids import CodeId, CoderId, DocumentId
from annotator.core.project import Project
from annotator.core.selection import DATE_RANGE, FROM_DATE, TO_DATE, Selection
from annotator.ui.date_range import DateRange
from annotator.ui.i18n import translate
from annotator.ui.messages import describe
from annotator.ui.tick_lists import (
    Item,
    Row,
    fill_list,
    fill_tree,
    is_ticked,
    items_of,
    key_of,
    tick,
)

LISTS = ("codes", "coders", "documents")
ROWS_SHOWN = {"codes": 8, "coders": 3, "documents": 5}  # at the least, however small the host


@dataclass(frozen=True)
class Parts:
    """What one host shows, and how its lists start and read."""

    codes: bool = True
    subcodes: bool = True  # the "Include sub-codes" box
    coders: bool = True
    documents: bool = True
    dates: bool = True
    memo: bool = False
    none_ticked_is_all: frozenset[str] = field(default_factory=frozenset)  # of LISTS
    start_ticked: bool = False
    side_by_side: bool = False


def problem_text(exc: AnnotatorError) -> str:
    """A bad date or range, worded for the researcher; anything else as usual."""
    if isinstance(exc, InvalidValue) and exc.field in (FROM_DATE, TO_DATE):
        text = (
            translate(
                "SelectionPicker",
                "Published from “{value}”: write a date as YYYY, YYYY-MM or YYYY-MM-DD.",
            )
            if exc.field == FROM_DATE
            else translate(
                "SelectionPicker",
                "Published until “{value}”: write a date as YYYY, YYYY-MM or YYYY-MM-DD.",
            )
        )
        return text.format(value=exc.value)
    if isinstance(exc, InvalidValue) and exc.field == DATE_RANGE:
        return translate(
            "SelectionPicker", "The dates “{value}” are the wrong way round: swap them."
        ).format(value=f"{exc.value} – {exc.other}")
    return describe(exc)


def _show_rows(view: QAbstractItemView, rows: int) -> None:
    """At least this many rows high, and as wide as the host: long names are cut short
    (their tooltip has them whole) rather than scrolled sideways."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    row = view.fontMetrics().height() + 4
    view.setMinimumHeight(rows * row + 2 * view.frameWidth())


class _Tree(QTreeWidget):
    """Asks for no more than its least height: the room left over goes by stretch, so
    a dock shows the dates and memo words without scrolling when it can."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class _List(QListWidget):
    """See `_Tree`."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class _Scroll(QScrollArea):
    """Scrolls up and down only, so it is never narrower than what it holds."""

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        width = inner.minimumSizeHint().width() if inner else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width(), 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # what it holds grew (longer names): ask again for room
        return super().eventFilter(watched, event)


class SelectionPicker(QWidget):
    """Codes, coders, documents, dates and memo words; see the module docstring."""

    changed = Signal()

    def __init__(
        self, project: Project | None, parts: Parts | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.parts = parts or Parts()
        self._filling = False
        self.codes = _Tree()
        self.codes.setHeaderHidden(True)
        self.with_subcodes = QCheckBox(self.tr("Include sub-codes"))
        self.coders = _List()
        self.documents = _List()
        self.document_filter = QLineEdit()
        self.document_filter.setPlaceholderText(self.tr("Filter documents by title"))
        self.dates = DateRange()
        self.date_from, self.date_to = self.dates.date_from, self.dates.date_to
        self.memo = QLineEdit()
        self.memo.setPlaceholderText(self.tr("Words in the coding memo"))
        self.titles: dict[str, QLabel] = {}
        self._lay_out()
        self.codes.itemChanged.connect(self._ticked)
        self.coders.itemChanged.connect(self._ticked)
        self.documents.itemChanged.connect(self._ticked)
        self.with_subcodes.toggled.connect(self._ticked)
        self.dates.changed.connect(self.changed)
        self.memo.editingFinished.connect(self.changed)
        self.document_filter.textChanged.connect(self._filter_documents)
        self.refresh()

    # -- building ------------------------------------------------------------------------

    def _lay_out(self) -> None:
        p = self.parts
        names = {
            "codes": self.tr("Codes"),
            "coders": self.tr("Coders"),
            "documents": self.tr("Documents"),
        }
        self.codes.setAccessibleName(names["codes"])
        self.coders.setAccessibleName(names["coders"])
        self.documents.setAccessibleName(names["documents"])
        self.coders.setMaximumHeight(110)
        for part, view in (
            ("codes", self.codes),
            ("coders", self.coders),
            ("documents", self.documents),
        ):
            _show_rows(view, ROWS_SHOWN[part])
        self.sections = {
            "codes": self._section(
                self._header("codes", names["codes"]), self.codes, self.with_subcodes
            ),
            "coders": self._section(self._header("coders", names["coders"]), self.coders),
            "documents": self._section(
                self._header("documents", names["documents"]), self.document_filter, self.documents
            ),
            "dates": self._section(self.dates),
            "memo": self._section(self.memo),
        }
        self.with_subcodes.setVisible(p.subcodes)
        # a host may add its own options below the codes (the Excerpts view: any or all)
        self.codes_column = self.sections["codes"].layout()
        rest = QVBoxLayout()
        for part, stretch in (("coders", 1), ("documents", 2), ("dates", 0), ("memo", 0)):
            if getattr(p, part):
                rest.addWidget(self.sections[part], stretch)
        inner = self if p.side_by_side else QWidget()
        layout = QHBoxLayout(inner) if p.side_by_side else QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        if p.codes:
            layout.addWidget(self.sections["codes"], 1 if p.side_by_side else 3)
        layout.addLayout(rest, 1 if p.side_by_side else 2)
        if not p.side_by_side:  # a short dock scrolls rather than squash the lists
            scroll = _Scroll()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(inner)
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            outer.addWidget(scroll)
        for part, section in self.sections.items():
            if not getattr(p, part):  # kept (and read as "all"), not shown
                section.setParent(self)
                section.hide()

    @staticmethod
    def _section(*parts: QWidget | QHBoxLayout) -> QWidget:
        section = QWidget()
        column = QVBoxLayout(section)
        column.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            if isinstance(part, QHBoxLayout):
                column.addLayout(part)
            else:
                column.addWidget(part, 1 if isinstance(part, QListWidget | QTreeWidget) else 0)
        return section

    def _header(self, part: str, name: str) -> QHBoxLayout:
        """The list's title, with buttons that tick or untick all of it at once."""
        title = name
        if part in self.parts.none_ticked_is_all:
            title = self.tr("{list} (none ticked: all)").format(list=name)
        label = QLabel(title)
        label.setWordWrap(True)
        self.titles[part] = label
        row = QHBoxLayout()
        row.addWidget(label, 1)
        for text, on in ((self.tr("All"), True), (self.tr("None"), False)):
            button = QToolButton()  # as small as its word, to leave the title room
            button.setText(text)
            button.setAccessibleName(self.tr("{list}: {button}").format(list=name, button=text))
            button.clicked.connect(lambda _=False, part=part, on=on: self._tick_all(part, on))
            row.addWidget(button)
        return row

    def set_title(self, part: str, text: str) -> None:
        """A host's own title for a list, e.g. "Coders (two or more)"."""
        self.titles[part].setText(text)

    # -- the lists -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read codes, coders and documents, keeping what is ticked."""
        kept = {part: self._state(part) for part in LISTS}
        self._filling = True
        try:
            nodes = codebook.codebook_tree(self.project) if self.project else []
            fill_tree(self.codes, nodes, *kept["codes"])
            fill_list(self.coders, self._coder_rows(), *kept["coders"])
            fill_list(self.documents, self._document_rows(), *kept["documents"])
        finally:
            self._filling = False
        self._filter_documents()

    def _state(self, part: str) -> tuple[set[str], bool]:
        """The ticked ids, and whether new items come ticked: in a list that starts
        ticked, while every item is; elsewhere never (ticks a host chose stay as chosen)."""
        items = self.items(part)
        ticked = {key_of(i) for i in items if is_ticked(i)}
        every = self.parts.start_ticked and len(ticked) == len(items)
        return ticked, every

    def _coder_rows(self) -> list[Row]:
        if self.project is None:
            return []
        return [(c.id, c.name) for c in coders.list_coders(self.project)]

    def _document_rows(self) -> list[Row]:
        if self.project is None:
            return []
        rows: list[Row] = []
        dates: list[str] = []
        for d in documents.list_documents(self.project):
            rows.append((d.id, f"{d.title} ({d.published_date})" if d.published_date else d.title))
            if d.published_date:
                dates.append(d.published_date[:10])
        self.dates.set_bounds(min(dates, default=""), max(dates, default=""))
        return rows

    def items(self, part: str) -> list[Item]:
        """Every item of a list (codes in tree order), hidden or not."""
        lists: dict[str, QTreeWidget | QListWidget] = {"codes": self.codes, "coders": self.coders}
        return items_of(lists.get(part, self.documents))

    def _tick_all(self, part: str, on: bool) -> None:
        """Tick or untick every item shown (a title filter narrows what "all" is)."""
        self._filling = True
        try:
            for item in self.items(part):
                if not item.isHidden():
                    tick(item, on)
        finally:
            self._filling = False
        self.changed.emit()

    def _ticked(self, *_: object) -> None:
        if not self._filling:
            self.changed.emit()

    def _filter_documents(self) -> None:
        needle = self.document_filter.text().casefold()
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    # -- the selection ---------------------------------------------------------------------

    def ticked(self, part: str) -> tuple[str, ...]:
        """The ids ticked in a list, as they are."""
        return tuple(key_of(i) for i in self.items(part) if is_ticked(i))

    def chosen(self, part: str) -> tuple[str, ...] | None:
        """The ids ticked in a list, or None when that means all."""
        if not getattr(self.parts, part):
            return None
        ticked, total = self.ticked(part), len(self.items(part))
        if len(ticked) == total or (not ticked and part in self.parts.none_ticked_is_all):
            return None
        return ticked

    def selection(self) -> Selection:
        """What the ticks and fields make up; raises InvalidValue for a malformed date."""
        p = self.parts
        date_from, date_to = self.dates.values() if p.dates else (None, None)
        codes, coders_, docs = (self.chosen(part) for part in LISTS)
        return Selection(
            code_ids=None if codes is None else tuple(CodeId(c) for c in codes),
            with_subcodes=p.codes and p.subcodes and self.with_subcodes.isChecked(),
            coder_ids=None if coders_ is None else tuple(CoderId(c) for c in coders_),
            document_ids=None if docs is None else tuple(DocumentId(d) for d in docs),
            date_from=date_from,
            date_to=date_to,
            memo_contains=(self.memo.text().strip() or None) if p.memo else None,
        )

    def set_selection(self, selection: Selection) -> None:
        """Tick exactly what a selection holds (None: as the list starts), then say so once."""
        self._filling = True
        try:
            for part, wanted in (
                ("codes", selection.code_ids),
                ("coders", selection.coder_ids),
                ("documents", selection.document_ids),
            ):
                self._tick_exactly(part, wanted)
            self.with_subcodes.setChecked(selection.with_subcodes)
            self.dates.set_values(selection.date_from, selection.date_to)
            self.memo.setText(selection.memo_contains or "")
        finally:
            self._filling = False
        self.changed.emit()

    def tick_exactly(self, part: str, ids: Iterable[str]) -> None:
        """Tick these items of one list and no others, then say so once."""
        self._filling = True
        try:
            self._tick_exactly(part, ids)
        finally:
            self._filling = False
        self.changed.emit()

    def _tick_exactly(self, part: str, wanted: Iterable[str] | None) -> None:
        every = wanted is None and part not in self.parts.none_ticked_is_all
        keep = set(wanted or ())
        for item in self.items(part):
            tick(item, every or key_of(item) in keep)

    def set_codes_only(self, codes_only: bool) -> None:
        """Coders, documents, dates and memo words only matter to exports of codings."""
        for part in ("coders", "documents", "dates", "memo"):
            self.sections[part].setEnabled(not codes_only)
