"""The navigation list of the main window: one row per page, with an icon.

Focus arriving on the list (Tab, Shift+Tab, or a widget with focus that disappears) never
changes the page: only the arrow keys, a click or Enter do. Qt's item views otherwise make the
first row current when they receive focus without a current row, which switched to Vandaag when
focus merely passed through.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

ROW_HEIGHT = 40


class NavList(QListWidget):
    """`chosen(row)` when the worker picks a row (arrows, click, Enter); `set_row` marks the
    section of what is shown without announcing anything."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSpacing(2)
        self.setIconSize(QSize(20, 20))
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._quiet = False
        self.currentRowChanged.connect(self._row_changed)
        self.itemClicked.connect(lambda item: self.chosen.emit(self.row(item)))

    def add_page(self, text: str, icon: QIcon | None = None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        if icon is not None:
            item.setIcon(icon)
        item.setSizeHint(QSize(0, ROW_HEIGHT))
        self.addItem(item)
        return item

    def set_row(self, row: int) -> None:
        self._quiet = True
        try:
            self.setCurrentRow(row)
            if row < 0:
                self.clearSelection()
        finally:
            self._quiet = False

    def _row_changed(self, row: int) -> None:
        if not self._quiet and row >= 0:
            self.chosen.emit(row)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Whatever Qt does when focus arrives (it may make a row current), it is not a choice.
        row = self.currentRow()
        self._quiet = True
        try:
            super().focusInEvent(event)
            if self.currentRow() != row:
                self.setCurrentRow(row)
        finally:
            self._quiet = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.chosen.emit(self.currentRow())
            return
        super().keyPressEvent(event)
