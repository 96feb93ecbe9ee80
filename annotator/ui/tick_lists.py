"""The lists a researcher ticks: the codebook as a tree, coders and documents as lists.

Filled again only when what they show changed (so ticks, scrolling and unfolding stay
put after an ordinary coding), and read back by the ids kept in `ID_ROLE`. The
`SelectionPicker` says what the ticks mean.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
)

from annotator.core.codebook import CodeNode

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 2  # on the tree's invisible root: what it shows
Item = QListWidgetItem | QTreeWidgetItem
Row = tuple[str, str]  # an id and its label


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def is_ticked(item: Item) -> bool:
    state = item.checkState(0) if isinstance(item, QTreeWidgetItem) else item.checkState()
    return state == Qt.CheckState.Checked


def key_of(item: Item) -> str:
    return str(item.data(0, ID_ROLE) if isinstance(item, QTreeWidgetItem) else item.data(ID_ROLE))


def tick(item: Item, on: bool) -> None:
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    if isinstance(item, QTreeWidgetItem):
        item.setCheckState(0, state)
    else:
        item.setCheckState(state)


def items_of(widget: QTreeWidget | QListWidget) -> list[Item]:
    """Every item, hidden or not; a tree's in codebook order."""
    if isinstance(widget, QListWidget):
        return [widget.item(i) for i in range(widget.count())]
    found: list[Item] = []
    iterator = QTreeWidgetItemIterator(widget)
    while item := iterator.value():
        found.append(item)
        iterator += 1
    return found


def fill_tree(tree: QTreeWidget, nodes: list[CodeNode], ticked: set[str], every: bool) -> None:
    """The codebook as a tree of tick boxes, each code with its colour, path and definition."""
    shown = [(n.code.id, n.code.parent_id, n.path, n.code.color, n.code.definition) for n in nodes]
    if tree.invisibleRootItem().data(0, SHOWN_ROLE) == shown:
        return  # unchanged: keep the tree as it stands
    tree.clear()
    tree.invisibleRootItem().setData(0, SHOWN_ROLE, shown)
    made: dict[str, QTreeWidgetItem] = {}
    for node in nodes:
        parent = made.get(node.code.parent_id or "")
        item = QTreeWidgetItem([node.code.name])
        item.setData(0, ID_ROLE, node.code.id)
        item.setToolTip(
            0, node.path + (f"\n{node.code.definition}" if node.code.definition else "")
        )
        item.setIcon(0, swatch(node.code.color))
        tick(item, every or node.code.id in ticked)
        if parent is None:
            tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        made[node.code.id] = item
    tree.expandAll()


def fill_list(widget: QListWidget, rows: list[Row], ticked: set[str], every: bool) -> None:
    """One tick box per row."""
    listed = [i for i in items_of(widget) if isinstance(i, QListWidgetItem)]
    if [(key_of(i), i.text()) for i in listed] == rows:
        return  # unchanged: keep the list as it stands (and where it is scrolled to)
    widget.clear()
    for key, label in rows:
        item = QListWidgetItem(label)
        item.setData(ID_ROLE, key)
        item.setToolTip(label)  # a narrow list cuts a long title short
        tick(item, every or key in ticked)
        widget.addItem(item)
