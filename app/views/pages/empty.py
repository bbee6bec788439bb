"""A calm empty state for parts that later issues fill in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.qt.tasks import TaskRunner
from app.views.pages.base import Page
from app.views.widgets import center_column, heading, paragraph


class EmptyStatePage(Page):
    def __init__(
        self, runner: TaskRunner, title: str, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self.setAccessibleName(title)
        column = QWidget()
        column.setAccessibleName(title)
        v = QVBoxLayout(column)
        v.addStretch(1)
        v.addWidget(heading(title))
        body = paragraph(text)
        body.setAlignment(Qt.AlignmentFlag.AlignLeft)
        v.addWidget(body)
        v.addStretch(2)
        layout = QVBoxLayout(self)
        layout.addWidget(center_column(column, max_width=600))
