"""Item models for report tables: one row per report row, the first column its label."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.documents.report_tabular import fmt_value
from app.domain.figures import Hidden, Share, Stat, Table

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class ReportTableModel(QAbstractTableModel):
    """A report table (exact figures inside the team, or as the export shows them)."""

    def __init__(self, table: Table | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: Table | None = None
        if table is not None:
            self.set_table(table)

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(
        self,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(
        self,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.columns) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        t = self.table
        if t is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return ""
            if 1 <= section <= len(t.columns):
                return t.columns[section - 1].label
        elif 0 <= section < len(t.rows):
            return str(section + 1)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        t = self.table
        if t is None or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(t.rows) and 0 <= c <= len(t.columns)):
            return None
        row = t.rows[r]
        if c == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.label
            if role == Qt.ItemDataRole.FontRole and row.total:
                font = QFont()
                font.setBold(True)
                return font
            return None
        col = t.columns[c - 1]
        v = row.values[c - 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return fmt_value(v, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(v, Share):
                return self.tr("%1 of %2").replace("%1", str(v.part)).replace("%2", str(v.whole))
            if isinstance(v, Stat):
                return self.tr("rests on %n", "", v.n)
            if isinstance(v, Hidden):
                return self.tr("hidden in exports (small numbers)")
        if role == SORT_ROLE:
            return getattr(v, "value", None)
        return None
