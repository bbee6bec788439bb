"""A small settings group: how many months until a new ZRM assessment is due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QSpinBox, QWidget

from app.qt.changes import SETTINGS, ZRM, Changes
from app.qt.operations import run
from app.qt.tasks import TaskRunner
from app.views.widgets import Feedback, field_label

if TYPE_CHECKING:
    from app.services.field import FieldServices


class ZrmSettingsBox(QGroupBox):
    """Mount in the settings page; `set_field(field)` on unlock, `set_field(None)` on lock."""

    saved = Signal(int)
    loaded = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        field: FieldServices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Self-sufficiency matrix"))
        self.setAccessibleName(self.title())
        self.runner = runner
        self.field: FieldServices | None = None
        self._loading = False
        self.months = QSpinBox(self)
        self.months.setRange(1, 24)
        self.months.setSuffix(self.tr(" months"))
        self.months.setAccessibleName(self.tr("Reassessment interval in months"))
        self.feedback = Feedback(self.tr("ZRM setting"), self)
        form = QFormLayout(self)
        form.addRow(field_label(self.tr("New assessment &after"), self.months), self.months)
        form.addRow(self.feedback)
        self.months.valueChanged.connect(self._changed)
        self.set_field(field)

    def set_field(self, field: FieldServices | None) -> None:
        self.field = field
        self.setEnabled(field is not None)
        if field is None:
            return

        def show(n: int) -> None:
            self._loading = True
            self.months.setValue(n)
            self._loading = False
            self.loaded.emit(n)

        self.runner.submit(field.zrm.interval_months, show, owner=self)

    def _changed(self, n: int) -> None:
        field = self.field
        if self._loading or field is None:
            return

        def done(_: None) -> None:
            self.feedback.show_ok(
                self.tr("Saved: a new assessment is due %1 months after the last.").replace(
                    "%1", str(n)
                )
            )
            self.saved.emit(n)

        run(
            self.runner,
            lambda: field.zrm.set_interval_months(n),
            owner=self,
            done=done,
            changes=Changes.of(ZRM, SETTINGS),
            report=self.feedback,
            failure=self.tr("Not saved."),
        )
