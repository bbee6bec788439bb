"""`python -m app --demo`: a throwaway vault filled with fictional people, made on the worker
with a progress bar, then locked and offered in the unlock window."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.views.widgets import Feedback, center_column, heading, paragraph

log = logging.getLogger(__name__)

DEMO_PEOPLE = 60
DEMO_CONTACTS = 20


class _Progress(QObject):
    step = Signal(object)  # (done, total), emitted on the worker, delivered queued


class DemoWindow(QWidget):
    """Emits `ready` once the demo vault exists, is filled and locked again."""

    ready = Signal()

    def __init__(
        self,
        gate: VaultGate,
        runner: TaskRunner,
        passphrase: str,
        *,
        people: int = DEMO_PEOPLE,
        contacts_per_person: int = DEMO_CONTACTS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gate, self._runner, self._passphrase = gate, runner, passphrase
        self._people, self._contacts = people, contacts_per_person
        self.setWindowTitle(self.tr("Brugfiguur — demo"))
        self.setAccessibleName(self.tr("Preparing the demo vault"))
        self.resize(640, 420)
        column = QWidget()
        column.setAccessibleName(self.tr("Preparing the demo vault"))
        v = QVBoxLayout(column)
        v.addStretch(1)
        v.addWidget(heading(self.tr("Preparing a demo vault")))
        v.addWidget(
            paragraph(
                self.tr(
                    "Brugfiguur is filling a throwaway vault with fictional people, contact "
                    "moments and vindplaatsen. It is removed when you close the app."
                )
            )
        )
        self.bar = QProgressBar(column)
        self.bar.setRange(0, people)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.bar.setFormat(self.tr("%v of %m people"))
        v.addWidget(self.bar)
        self.error = Feedback(self.tr("Error"), column)
        v.addWidget(self.error)
        v.addStretch(2)
        layout = QVBoxLayout(self)
        layout.addWidget(center_column(column, max_width=520))
        self._progress = _Progress(self)
        self._progress.step.connect(self._step)

    def start(self) -> None:
        gate, secret, progress = self._gate, self._passphrase, self._progress
        people, contacts = self._people, self._contacts

        def work() -> None:
            from app.services.demo import generate_demo
            from app.services.field import FieldServices

            vault = gate.service.create(secret, device_label="demo").vault
            try:
                generate_demo(
                    FieldServices(vault),
                    people,
                    contacts_per_person=contacts,
                    progress=lambda done, total: progress.step.emit((done, total)),
                )
            finally:
                vault.lock()

        def failed(exc: BaseException) -> None:
            log.error("demo vault failed: %s", type(exc).__name__, exc_info=exc)
            self.error.show_errors([self.tr("The demo vault could not be made.")])

        self._runner.submit(work, lambda _: self.ready.emit(), failed, owner=self)

    def _step(self, value: object) -> None:
        if isinstance(value, tuple):
            self.bar.setMaximum(int(value[1]))
            self.bar.setValue(int(value[0]))
