"""Settings for what leaves the app: the worker's details on documents, the MLP clipboard time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPushButton, QSpinBox, QWidget

from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.settings import MLP_CLIPBOARD_SECONDS, ORGANISATION_NAME, WORKER_NAME, WORKER_PHONE
from app.views.widgets import Feedback, field_label, paragraph

if TYPE_CHECKING:
    from app.services.vault import OpenVault

DEFAULT_MLP_SECONDS = MLP_CLIPBOARD_SECONDS.default
DETAILS = (WORKER_NAME, WORKER_PHONE, ORGANISATION_NAME)


def mlp_seconds(vault: OpenVault) -> int:
    return vault.settings.value(MLP_CLIPBOARD_SECONDS)


class DocumentDetailsBox(QGroupBox):
    """ "Your details on documents": name, phone and organisation on fiches and copies, and how
    long a copied MLP summary stays on the clipboard. `set_vault(vault)` / `set_vault(None)`."""

    saved = Signal()
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your details on documents"))
        self.setAccessibleName(self.title())
        self.runner = runner
        self.vault: OpenVault | None = None
        self.has_loaded = False
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Your name"))
        self.phone = QLineEdit(self)
        self.phone.setAccessibleName(self.tr("Your phone number"))
        self.organisation = QLineEdit(self)
        self.organisation.setAccessibleName(self.tr("Your organisation"))
        self.seconds = QSpinBox(self)
        self.seconds.setRange(MLP_CLIPBOARD_SECONDS.minimum, MLP_CLIPBOARD_SECONDS.maximum)
        self.seconds.setValue(DEFAULT_MLP_SECONDS)
        self.seconds.setSuffix(self.tr(" s"))
        self.seconds.setAccessibleName(
            self.tr("Seconds before a copied MLP summary is cleared from the clipboard")
        )
        self.save_button = QPushButton(self.tr("Save details"), self)
        self.save_button.setAccessibleName(self.tr("Save your details on documents"))
        self.save_button.clicked.connect(self.save)
        self.feedback = Feedback(self.tr("Result of saving your details"), self)
        form = QFormLayout(self)
        form.addRow(
            paragraph(
                self.tr(
                    "These appear on the handover fiche and on the person's copy, so the "
                    "receiver and the person know who to call."
                )
            )
        )
        form.addRow(field_label(self.tr("Your &name"), self.name), self.name)
        form.addRow(field_label(self.tr("Your p&hone"), self.phone), self.phone)
        form.addRow(
            field_label(self.tr("Your &organisation"), self.organisation), self.organisation
        )
        form.addRow(
            field_label(self.tr("Clear a copied MLP summary after"), self.seconds), self.seconds
        )
        form.addRow(self.save_button)
        form.setAlignment(self.save_button, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.feedback)
        self.set_vault(None)

    def set_vault(self, vault: OpenVault | None) -> None:
        self.vault = vault
        self.has_loaded = False
        self.setEnabled(vault is not None)
        self.feedback.clear_message()
        if vault is None:
            for edit in (self.name, self.phone, self.organisation):
                edit.clear()
            return

        def load() -> tuple[dict[str, Any], int]:
            return vault.settings.values(list(DETAILS)), mlp_seconds(vault)

        def show(result: tuple[dict[str, Any], int]) -> None:
            if self.vault is not vault:
                return
            values, seconds = result
            self.name.setText(values[WORKER_NAME.key])
            self.phone.setText(values[WORKER_PHONE.key])
            self.organisation.setText(values[ORGANISATION_NAME.key])
            self.seconds.setValue(seconds)
            self.has_loaded = True
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def save(self) -> None:
        vault = self.vault
        if vault is None:
            return
        values = (
            (WORKER_NAME, self.name.text()),
            (WORKER_PHONE, self.phone.text()),
            (ORGANISATION_NAME, self.organisation.text()),
        )
        seconds = self.seconds.value()

        def work() -> None:
            for spec, value in values:
                vault.settings.change(spec, value)
            vault.settings.change(MLP_CLIPBOARD_SECONDS, seconds)

        def done(_: None) -> None:
            self.feedback.show_ok(self.tr("Your details were saved."))
            self.saved.emit()

        def failed(exc: BaseException) -> None:
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Not saved.")
            self.feedback.show_errors([msg])

        self.runner.submit(work, done, failed, owner=self)
