""" "What is this?" links: a dialog that asks for a decision points into the user guide.

One line per dialog::

    layout.addWidget(what_is_this_link(IMPORT_CLEAN_UP, self))

The sections are guide pages with the anchor of a heading (`page.md#slug`); a test
checks each one still names a heading of its page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from annotator.ui.i18n import translate

IMPORT_CLEAN_UP = "importing.md#the-clean-up-preview-what-will-be-dropped"
MERGE_CONFLICTS = "working-as-a-team.md#conflicts-when-both-sides-changed-something"
AGREEMENT = "working-as-a-team.md#intercoder-agreement"
SECTIONS = (IMPORT_CLEAN_UP, MERGE_CONFLICTS, AGREEMENT)


def what_is_this_link(section: str, parent: QWidget, text: str = "") -> QLabel:
    """A small link that opens the user guide at `section` (works offline)."""
    text = text or translate("GuideLinks", "What is this?")
    link = f'<a href="{section}">{text}</a>'  # markup around translated words
    label = QLabel(link, parent)
    label.setObjectName("whatIsThis")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.setToolTip(
        translate("GuideLinks", "Opens the user guide at the section that explains this")
    )
    label.setAccessibleName(
        translate("GuideLinks", "{link} Opens the user guide").format(link=text)
    )
    label.linkActivated.connect(lambda target: _open(target, label))
    return label


def _open(section: str, label: QLabel) -> None:
    from annotator.ui.guide_window import GuideWindow

    GuideWindow.open(section, label)
