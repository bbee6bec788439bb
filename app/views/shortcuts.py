"""F1: the list of keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.views.widgets import heading


class ShortcutsDialog(QDialog):
    def __init__(self, shortcuts: list[tuple[QKeySequence, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(460, 360)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Keyboard shortcuts"), level=2))
        self.table = QTableWidget(len(shortcuts), 2, self)
        self.table.setAccessibleName(self.tr("List of keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setAccessibleName(self.tr("Column headers"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, (keys, action) in enumerate(shortcuts):
            key_item = QTableWidgetItem(keys.toString(QKeySequence.SequenceFormat.NativeText))
            key_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            action_item = QTableWidgetItem(action)
            action_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, action_item)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(close.text())
        layout.addWidget(buttons)
