"""The codebook panel's questions: a dialog gathers the researcher's decision first.

Each `ask_*` reads the panel's current code, asks, and hands the answer to one of
the panel's actions (one core call through the session); cancelling changes nothing.
Their words are the panel's, under its translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog

from annotator.core.ids import CodeId
from annotator.ui.code_dialogs import DeleteCodeDialog, ShortcutDialog, TextDialog
from annotator.ui.i18n import translate
from annotator.ui.quick_code import QuickCodePalette, candidates_from

if TYPE_CHECKING:
    from annotator.ui.codebook_panel import CodebookPanel


def ask_create_code(panel: CodebookPanel, *, parent_id: CodeId | None = None) -> None:
    if parent_id:
        label = translate("CodebookPanel", "Name of the new code under “{path}”:").format(
            path=panel.path_of(parent_id)
        )
    else:
        label = translate("CodebookPanel", "Name of the new code:")
    name, ok = QInputDialog.getText(panel, translate("CodebookPanel", "New code"), label)
    if ok and name.strip():
        panel.create_code(name, parent_id=parent_id)


def ask_create_sub_code(panel: CodebookPanel) -> None:
    """A sub-code of the current code, or a top-level code when none is current."""
    ask_create_code(panel, parent_id=panel.current_code_id())


def ask_recolour(panel: CodebookPanel) -> None:
    node = panel.current_node()
    if node is None:
        return
    title = translate("CodebookPanel", "Colour of “{name}”").format(name=node.code.name)
    chosen = QColorDialog.getColor(QColor(node.code.color), panel, title)
    if chosen.isValid():
        panel.edit_code(node.code.id, color=chosen.name().upper())


def ask_definition(panel: CodebookPanel) -> None:
    node = panel.current_node()
    if node is None:
        return
    dialog = TextDialog(
        translate("CodebookPanel", "Definition of “{name}”").format(name=node.code.name),
        translate("CodebookPanel", "What counts as this code, what does not, and an example:"),
        node.code.definition,
        panel,
    )
    if dialog.exec() and dialog.text() != node.code.definition:
        panel.edit_code(node.code.id, definition=dialog.text())


def ask_memo(panel: CodebookPanel) -> None:
    node = panel.current_node()
    if node is None:
        return
    dialog = TextDialog(
        translate("CodebookPanel", "Memo on “{name}”").format(name=node.code.name),
        translate("CodebookPanel", "Notes on this code:"),
        node.code.memo,
        panel,
    )
    if dialog.exec() and dialog.text() != node.code.memo:
        panel.edit_code(node.code.id, memo=dialog.text())


def ask_shortcut(panel: CodebookPanel) -> None:
    node = panel.current_node()
    if node is None:
        return
    dialog = ShortcutDialog(node.code.name, node.code.shortcut, panel)
    if dialog.exec() and dialog.keys() != node.code.shortcut:
        panel.edit_code(node.code.id, shortcut=dialog.keys())


def ask_merge(panel: CodebookPanel) -> None:
    node = panel.current_node()
    if node is None:
        return
    below = set(panel.subtree(node.code.id))
    targets = [n for n in panel.model.nodes() if n.code.id not in below]
    palette = QuickCodePalette(
        candidates_from(targets),
        title=translate("CodebookPanel", "Merge “{name}” into…").format(name=node.code.name),
        allow_create=False,
        parent=panel,
    )
    if palette.exec() and palette.chosen_code_id:
        panel.merge(node.code.id, palette.chosen_code_id)


def ask_delete(panel: CodebookPanel) -> None:
    node = panel.current_node()
    if node is None:
        return
    subtree = panel.subtree(node.code.id)
    parent = panel.model.node(node.code.parent_id) if node.code.parent_id else None
    dialog = DeleteCodeDialog(
        node.code.name,
        codings=sum(panel.model.count(code_id) for code_id in subtree),
        sub_codes=len(subtree) - 1,
        parent_name=parent.code.name if parent else None,
        parent=panel,
    )
    if dialog.exec():
        panel.delete(node.code.id, dialog.policy())
