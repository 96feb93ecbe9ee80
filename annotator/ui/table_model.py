"""What every table of rows shares: counting rows and columns, and the column headers.

A table model (documents, excerpts, search hits, auto-code passages) says how many
rows it holds (`row_total`) and sets its headers, and their tooltips if any, in its
own words; the Qt plumbing for them is written here once. The codebook, a tree, shares
the headers (`header_data`). `AnyIndex` is the index type Qt hands to a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()  # the invisible root: a table's rows have no other parent


def header_data(
    headers: Sequence[str],
    tips: Sequence[str],
    section: int,
    orientation: Qt.Orientation,
    role: int,
) -> str | None:
    """A column's header, or its tooltip; nothing for rows or other roles."""
    if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(headers):
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return headers[section]
    if role == Qt.ItemDataRole.ToolTipRole and tips:
        return tips[section]
    return None


class TableModel(QAbstractTableModel):
    """Rows under named columns, with no children; subclasses give `row_total`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: tuple[str, ...] = ()  # worded once: asked for on every paint
        self.header_tips: tuple[str, ...] = ()

    def row_total(self) -> int:
        raise NotImplementedError

    def header_text(self, section: int) -> str:
        return self.headers[section]

    def rowCount(self, parent: AnyIndex = TOP) -> int:
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: AnyIndex = TOP) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(self.headers, self.header_tips, section, orientation, role)
