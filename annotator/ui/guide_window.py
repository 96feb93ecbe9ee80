"""Help › User guide: the Markdown guide shipped with the app, readable offline.

API::

    GuideWindow.open()                                   # the guide's contents page
    GuideWindow.open("importing.md#the-clean-up", self)  # a page, at a section

The pages are the same files the code-hosting site shows (`docs/guide/*.md`), read
with Qt's own Markdown support. Headings get the anchors the site gives them (its
"slugs"), so `page.md#section` links work in both places. Links to other guide
pages, methods and reference pages open here; a web link opens in the user's browser
only when clicked. Opened from a modal dialog, the guide becomes that dialog's child
window, so it can still be read and scrolled while the dialog waits.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QImageReader,
    QKeySequence,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from annotator.core.resources import guide_path
from annotator.ui.sizing import fit_to_screen, pin_minimum_size

log = logging.getLogger(__name__)

IMAGE_WIDTH = 820  # wider screenshots are shown scaled down to this many pixels
MARKDOWN_SUFFIXES = (".md", ".markdown")
OBJECT_NAME = "guideWindow"  # how an owner finds its open guide window (an empty name
# would match only objects without one)
_NOT_IN_SLUG = re.compile(r"[^\w\- ]")


def slug(heading: str) -> str:
    """The anchor a code-hosting site gives a heading: `Hashes: what they prove` ->
    `hashes-what-they-prove` (lower case, punctuation dropped, spaces as hyphens)."""
    return _NOT_IN_SLUG.sub("", heading.strip().lower()).replace(" ", "-")


def split_section(section: str) -> tuple[str, str]:
    """`importing.md#clean-up` -> (`importing.md`, `clean-up`); a bare page or anchor too."""
    page, _, anchor = section.partition("#")
    if page and not page.endswith(MARKDOWN_SUFFIXES):
        page += ".md"
    return page or "README.md", anchor


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that gives Markdown headings their anchors and fits screenshots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # links are followed in `follow`, which knows web links
        self.anchorClicked.connect(self.follow)
        self.sourceChanged.connect(self._loaded)
        self.setAccessibleName(self.tr("User guide"))
        self.document().setUndoRedoEnabled(False)
        self.anchors: list[str] = []

    def _loaded(self, url: QUrl) -> None:
        """Every load, also Back and Forward: anchors first, then the asked-for section.

        Qt tried to scroll to the section before the anchors existed, and sets the
        scroll position of a page revisited with Back only after this."""
        self._decorate()
        if url.fragment():
            self.scrollToAnchor(url.fragment())

    def _decorate(self) -> None:
        """Anchor each heading under its slug; scale wide images to fit."""
        document = self.document()
        cursor = QTextCursor(document)
        # One edit block: edited piecemeal, Qt leaves blocks after a table unlaid-out.
        cursor.beginEditBlock()
        self.anchors = []
        seen: dict[str, int] = {}
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip():
                name = slug(block.text())
                if name in seen:  # the site numbers repeated headings: name, name-1, ...
                    seen[name] += 1
                    name = f"{name}-{seen[name]}"
                else:
                    seen[name] = 0
                self.anchors.append(name)
                cursor.setPosition(block.position())
                cursor.setPosition(
                    block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
                )
                mark = QTextCharFormat()
                mark.setAnchor(True)
                mark.setAnchorNames([name])
                cursor.mergeCharFormat(mark)
            self._fit_images(block, cursor)
            block = block.next()
        cursor.endEditBlock()
        document.setModified(False)

    def _fit_images(self, block: QTextBlock, cursor: QTextCursor) -> None:
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                path = self.source().resolved(QUrl(image.name())).toLocalFile()
                natural = QImageReader(path).size()
                if natural.width() > IMAGE_WIDTH:
                    fitted = QTextImageFormat(image)
                    fitted.setWidth(IMAGE_WIDTH)
                    fitted.setHeight(natural.height() * IMAGE_WIDTH / natural.width())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(fitted)
            fragments += 1

    def follow(self, url: QUrl) -> None:
        """A clicked link: another guide page or a section here; a web page elsewhere."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = self.source().resolved(url)
        if target.isLocalFile() and not target.path().endswith(MARKDOWN_SUFFIXES):
            QDesktopServices.openUrl(target)  # a file the guide links to, e.g. an image
            return
        if target.isLocalFile() and not Path(target.toLocalFile()).is_file():
            log.info("the guide links to a missing page: %s", target.toString())
            return
        self.setSource(target)


class GuideWindow(QWidget):
    """The guide with Back, Forward, Contents and a find field above it."""

    _shared: GuideWindow | None = None  # the window opened without a parent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(self.tr("Annotator user guide"))
        self.browser = GuideBrowser(self)
        self.back_button = QPushButton(self.tr("← &Back"), self)
        self.forward_button = QPushButton(self.tr("&Forward →"), self)
        self.contents_button = QPushButton(self.tr("&Contents"), self)
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find in this page…"))
        self.find_edit.setAccessibleName(self.tr("Find in this page"))
        self.find_edit.setClearButtonEnabled(True)
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.forward_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.contents_button.clicked.connect(lambda: self.show_section("README.md"))
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.browser.sourceChanged.connect(self._page_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        bar = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.contents_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.find_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        fit_to_screen(self, 960, 760)
        pin_minimum_size(self)

    @classmethod
    def open(cls, section: str = "", parent: QWidget | None = None) -> GuideWindow:
        """Show the guide at `section` (`page.md#anchor`), reusing an open guide window."""
        owner = parent.window() if parent is not None else None
        if owner is not None:
            window = owner.findChild(
                GuideWindow, OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly
            )
        else:
            window = cls._shared if cls._shared is not None and isValid(cls._shared) else None
        if window is None:
            window = cls(owner)
            if owner is None:
                cls._shared = window
        window.show_section(section)
        # Back to the front: un-minimise and activate (raise_() is not portable).
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.activateWindow()
        return window

    def show_section(self, section: str) -> bool:
        """Open a page of the guide at an anchor; False (and a note) if it is missing."""
        page, anchor = split_section(section)
        try:
            path = guide_path(page)
        except FileNotFoundError:
            self.browser.setPlainText(
                self.tr(
                    "The user guide is not installed with this copy of Annotator. "
                    "It is also in the docs/guide folder of Annotator's source code."
                )
            )
            return False
        if not path.is_file():
            log.warning("no guide page %s", path)
            path = guide_path("README.md")
            anchor = ""
        url = QUrl.fromLocalFile(str(path))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)
        return True

    def find_next(self) -> bool:
        """Find the typed words after the cursor, wrapping round to the top once."""
        words = self.find_edit.text()
        if not words:
            return False
        if self.browser.find(words):
            return True
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        return self.browser.find(words)

    def _page_changed(self, _url: QUrl) -> None:
        title = self.browser.documentTitle() or self._first_heading()
        self.setWindowTitle(
            self.tr("{page} — Annotator user guide").format(page=title)
            if title
            else self.tr("Annotator user guide")
        )

    def _first_heading(self) -> str:
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                return block.text().strip()
            block = block.next()
        return ""
