"""The review area: Search, Excerpts, Overviews and Agreement as docks of the window.

Each dock lives as long as the window (so its place and visibility are kept with the
window's layout), and holds the view of the open project, built the first time the
dock is shown. A Change refreshes a visible view once, after the action's last Change
arrived; a hidden view is only marked stale and catches up when it is shown again,
so coding never waits for an overview nobody is looking at.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QWidget,
)

from annotator.core.changes import Change
from annotator.core.errors import AnnotatorError
from annotator.core.selection import Selection
from annotator.ui.agreement_view import AgreementView
from annotator.ui.excerpts_view import ExcerptsView
from annotator.ui.i18n import translate
from annotator.ui.overviews import OverviewsView
from annotator.ui.search_panel import SearchPanel
from annotator.ui.session import ProjectSession

log = logging.getLogger(__name__)


def _search_wants(change: Change) -> bool:
    # Codings leave the hits as they were: re-running the search would only lose the
    # researcher's place in the list while they code match after match.
    return bool(change.documents) and not change.codings


def _always(_change: Change) -> bool:
    return True


@dataclass(frozen=True)
class Kind:
    """What a dock shows, and which Changes make what it shows out of date."""

    key: str
    # Worded when shown (a translator is installed by then), not at import:
    title: Callable[[], str]
    empty: Callable[[], str]  # shown while no project is open
    wants: Callable[[Change], bool]
    # How long after a Change to refresh: a view that recounts everything waits a
    # moment, so a run of quick codings pays for one recount, not one each.
    settle_ms: int = 0
    rebuild_on_codebook: bool = False  # a view that cannot re-read its code and coder lists


SEARCH = Kind(
    "search",
    lambda: translate("ReviewDocks", "Search"),
    lambda: translate("ReviewDocks", "Open a project to search its documents."),
    _search_wants,
)
EXCERPTS = Kind(
    "excerpts",
    lambda: translate("ReviewDocks", "Excerpts"),
    lambda: translate("ReviewDocks", "Open a project to read its coded excerpts, code by code."),
    _always,
    settle_ms=300,
)
OVERVIEWS = Kind(
    "overviews",
    lambda: translate("ReviewDocks", "Overviews"),
    lambda: translate(
        "ReviewDocks", "Open a project to see how often each code was used, and where."
    ),
    _always,
    settle_ms=1000,  # ~170 ms a recount at 20,000 codings, all three charts at once
)
AGREEMENT = Kind(
    "agreement",
    lambda: translate("ReviewDocks", "Agreement"),
    lambda: translate("ReviewDocks", "Open a project to compare how its coders applied the codes."),
    _always,
    settle_ms=300,
    rebuild_on_codebook=True,
)
KINDS = (SEARCH, EXCERPTS, OVERVIEWS, AGREEMENT)
SHARE_OF_HEIGHT = 0.5  # a review dock's first height: the text stays readable above it


def _scrolled(view: QWidget) -> QScrollArea:
    """The view scrolls in its dock rather than holding the dock to its minimum size.

    The excerpts filters alone need ~450 pixels; without this, a laptop screen would
    keep that much from the text whenever the review docks are open.
    """
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(view)
    return area


def _empty_state(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
    return label


class ReviewDock(QDockWidget):
    """One review view in a dock, built on first show and refreshed while shown."""

    built = Signal(object)  # the new view, for the window to wire its signals

    def __init__(self, kind: Kind, parent: QMainWindow) -> None:
        super().__init__(kind.title(), parent)
        self.kind = kind
        self.setObjectName(f"{kind.key}Dock")  # saveState() keys the layout by name
        self.setAccessibleName(self.windowTitle())
        self.session: ProjectSession | None = None
        self.view: QWidget | None = None
        self.stale = False
        self._rebuild = False
        self._empty = _empty_state(kind.empty())
        self.setWidget(self._empty)
        self._catch_up_soon = QTimer(self, singleShot=True, interval=0)
        self._catch_up_soon.timeout.connect(self.catch_up)
        self._catch_up_later = QTimer(self, singleShot=True, interval=kind.settle_ms)
        self._catch_up_later.timeout.connect(self.catch_up)
        self.visibilityChanged.connect(self._visibility_changed)

    def set_session(self, session: ProjectSession | None) -> None:
        """Show another project (or none): the old view goes with the old project."""
        if self.session is not None:
            self.session.changed.disconnect(self.on_change)
        self._drop_view()
        self.session = session
        if session is not None:
            session.changed.connect(self.on_change)
            if self.isVisible():
                self._catch_up_soon.start()  # after the window has painted the project

    def _drop_view(self) -> None:
        if self.view is not None:
            area = self.widget()
            self.setWidget(self._empty)  # the dock keeps the label, the view is let go
            self._empty.show()
            area.deleteLater()  # with the view in it
            self.view = None
        self.stale = self._rebuild = False

    def ensure_view(self) -> QWidget | None:
        """The view of the open project, built now if it was not yet."""
        if self.view is None and self.session is not None:
            self.view = build_view(self.kind, self.session)
            self._empty.setParent(self)  # keep the empty state for the next project
            self._empty.hide()
            self.setWidget(_scrolled(self.view))
            self.stale = self._rebuild = False
            self.built.emit(self.view)
        return self.view

    def on_change(self, change: Change) -> None:
        if self.view is None or not self.kind.wants(change):
            return
        self.stale = True
        if self.kind.rebuild_on_codebook and (change.codebook_changed or change.coders):
            self._rebuild = True
        if self.isVisible() and not self._catch_up_later.isActive():
            self._catch_up_later.start()  # at most once per settle time, however many come

    def _visibility_changed(self, visible: bool) -> None:
        if visible and (self.view is None or self.stale):
            self._catch_up_soon.start()

    def catch_up(self) -> None:
        """Build the view, or bring it up to date, if the dock is shown."""
        if not self.isVisible() or self.session is None:
            return
        if self.view is None:
            self.ensure_view()
            return
        if not self.stale:
            return
        if self._rebuild:
            self._replace_view()
        else:
            refresh(self.kind, self.view)
        self.stale = False

    def _replace_view(self) -> None:
        """A view that cannot re-read its lists is built again, keeping what was ticked."""
        old, area = self.view, self.widget()
        self.view = None
        ticked = remembered_choices(old)
        self.ensure_view()
        restore_choices(self.view, ticked)
        area.deleteLater()  # with the old view in it


def build_view(kind: Kind, session: ProjectSession) -> QWidget:
    project = session.project
    if kind is SEARCH:
        return SearchPanel(project)
    if kind is EXCERPTS:
        return ExcerptsView(project)
    if kind is OVERVIEWS:
        return OverviewsView(project)
    return AgreementView(project)


def refresh(kind: Kind, view: QWidget) -> None:
    log.debug("refreshing the %s view", kind.key)
    view.refresh()  # type: ignore[attr-defined]


def remembered_choices(view: QWidget | None) -> Selection | None:
    if not isinstance(view, AgreementView):
        return None
    try:
        return view.picker.selection()
    except AnnotatorError:  # a date half typed: the ticks are what matters here
        return None


def restore_choices(view: QWidget | None, ticked: Selection | None) -> None:
    if isinstance(view, AgreementView) and ticked is not None:
        view.picker.set_selection(ticked)


class ReviewDocks(QObject):
    """The four docks of the window, tabbed together under the workbench."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.docks = {kind.key: ReviewDock(kind, window) for kind in KINDS}
        self._sized = False
        first = None
        for dock in self.docks.values():
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            if first is None:
                first = dock
            else:
                window.tabifyDockWidget(first, dock)
            dock.hide()  # until the researcher asks (or the saved layout shows it)

    def __getitem__(self, key: str) -> ReviewDock:
        return self.docks[key]

    def set_session(self, session: ProjectSession | None) -> None:
        for dock in self.docks.values():
            dock.set_session(session)

    def show(self, key: str) -> QWidget | None:
        """Show and raise a dock; its view, built now if needed."""
        dock = self.docks[key]
        opening = not any(d.isVisible() for d in self.docks.values())
        dock.show()
        dock.raise_()
        if opening and not self._sized and not dock.isFloating():
            self._sized = True  # once: after that the researcher's own size stands
            height = int(self.window.height() * SHARE_OF_HEIGHT)
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        view = dock.ensure_view()
        dock.catch_up()
        return view

    def view(self, key: str) -> QWidget | None:
        return self.docks[key].view

    def toggle_actions(self) -> list[QAction]:
        return [dock.toggleViewAction() for dock in self.docks.values()]
