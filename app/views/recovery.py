"""Showing a recovery key once: the key, "Afdrukken als PDF…" and the stored-safely checkbox."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.qt.fonts import mono_font
from app.qt.tasks import TaskRunner
from app.views.widgets import BusyIndicator, Feedback, heading, paragraph

log = logging.getLogger(__name__)


class RecoveryKeyPanel(QWidget):
    """The key in large monospace, a PDF button, and a checkbox that gates `confirmed`."""

    confirmed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        *,
        device_label: Callable[[], str] = lambda: "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._device_label = device_label
        self._key = ""
        self.setAccessibleName(self.tr("Recovery key"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Your recovery key")))
        layout.addWidget(
            paragraph(
                self.tr(
                    "If you ever forget your passphrase, this key is the only way to open your "
                    "vault. Write it down or print it, and keep it somewhere safe, away from "
                    "this laptop. It is shown only this once."
                )
            )
        )
        self.key_label = QLabel(self)
        font = mono_font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.35)
        self.key_label.setFont(font)
        self.key_label.setWordWrap(True)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.key_label.setMargin(16)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        layout.addWidget(self.key_label)

        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print as PDF…"), self)
        self.print_button.setAccessibleName(self.tr("Print the recovery key as PDF"))
        self.print_button.clicked.connect(self.print_pdf)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.busy = BusyIndicator(self.tr("Writing the PDF…"), self)
        layout.addWidget(self.busy)
        self.print_feedback = Feedback(self.tr("Result of printing"), self)
        layout.addWidget(self.print_feedback)

        self.stored = QCheckBox(self.tr("I have stored the recovery key safely"), self)
        self.stored.setAccessibleName(self.tr("I have stored the recovery key safely"))
        self.stored.toggled.connect(self._update)
        layout.addWidget(self.stored)
        self.continue_button = QPushButton(self.tr("Continue"), self)
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setDefault(True)
        self.continue_button.setMinimumHeight(36)
        self.continue_button.clicked.connect(self._continue)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        self._update()

    def set_key(self, key: str) -> None:
        self._key = key
        groups = key.split("-")
        lines = ["-".join(groups[i : i + 7]) for i in range(0, len(groups), 7)]
        self.key_label.setText("-\n".join(lines))
        self.stored.setChecked(False)
        self.print_feedback.clear_message()
        self._update()

    def clear(self) -> None:
        self._key = ""
        self.key_label.clear()

    @property
    def key(self) -> str:
        return self._key

    def _update(self) -> None:
        self.continue_button.setEnabled(self.stored.isChecked() and bool(self._key))

    def _continue(self) -> None:
        if self.stored.isChecked() and self._key:
            self.confirmed.emit()

    def print_pdf(self) -> None:
        start = QDir.home().filePath("brugfiguur-noodsleutel.pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the emergency key as PDF"), start, self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return
        dest = Path(chosen)
        if dest.suffix.lower() != ".pdf":
            dest = dest.with_suffix(".pdf")
        self.write_pdf(dest)

    def write_pdf(self, dest: Path) -> None:
        key, label, now = self._key, self._device_label(), datetime.now()

        def work() -> Path:
            from app.documents.recovery_sheet import RecoverySheet, build_recovery_sheet

            return build_recovery_sheet(RecoverySheet(key, label, now), dest)

        self.busy.start()
        self.print_button.setEnabled(False)
        self._runner.submit(work, self._printed, self._print_failed, owner=self)

    def _printed(self, path: Path) -> None:
        self.busy.stop()
        self.print_button.setEnabled(True)
        self.print_feedback.show_ok(self.tr("Saved as %1").replace("%1", str(path)))

    def _print_failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.print_button.setEnabled(True)
        log.warning("recovery sheet not written: %s", type(exc).__name__)
        self.print_feedback.show_errors(
            [self.tr("The PDF could not be written. Choose another place and try again.")]
        )


class RecoveryKeyDialog(QDialog):
    """A freshly made recovery key, shown once; accepted only after the checkbox."""

    def __init__(
        self,
        key: str,
        runner: TaskRunner,
        *,
        device_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New recovery key"))
        self.setAccessibleName(self.tr("New recovery key"))
        self.setModal(True)
        self.setMinimumWidth(620)
        self.panel = RecoveryKeyPanel(runner, device_label=lambda: device_label, parent=self)
        self.panel.set_key(key)
        self.panel.confirmed.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def done(self, result: int) -> None:
        self.panel.clear()
        super().done(result)
