"""Your details (the worker profile on documents and in the team) and the MLP clipboard time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.settings import MLP_CLIPBOARD_SECONDS
from app.views.widgets import Feedback, field_label, paragraph
from app.views.workers import WorkerProfileForm

if TYPE_CHECKING:
    from app.services.vault import OpenVault
    from app.services.workers import WorkerRow

DEFAULT_MLP_SECONDS = MLP_CLIPBOARD_SECONDS.default


def mlp_seconds(vault: OpenVault) -> int:
    return vault.settings.value(MLP_CLIPBOARD_SECONDS)


class DocumentDetailsBox(QGroupBox):
    """ "Your details": the worker profile (name, function, organisation, phone, e-mail) that
    the fiche, the person's copy and the team see; joining a profile this worker already has
    on another device; how long a copied MLP summary stays on the clipboard.
    `set_vault(vault)` / `set_vault(None)`."""

    saved = Signal()
    loaded = Signal()
    claimed = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your details"))
        self.setAccessibleName(self.title())
        self.runner = runner
        self.vault: OpenVault | None = None
        self.has_loaded = False
        self.profile = WorkerProfileForm(self)
        self.name = self.profile.name
        self.phone = self.profile.phone
        self.organisation = self.profile.organisation
        self.profile.submitted.connect(self.save)
        self.seconds = QSpinBox(self)
        self.seconds.setRange(MLP_CLIPBOARD_SECONDS.minimum, MLP_CLIPBOARD_SECONDS.maximum)
        self.seconds.setValue(DEFAULT_MLP_SECONDS)
        self.seconds.setSuffix(self.tr(" s"))
        self.seconds.setAccessibleName(
            self.tr("Seconds before a copied MLP summary is cleared from the clipboard")
        )
        self.save_button = QPushButton(self.tr("Save details"), self)
        self.save_button.setAccessibleName(self.tr("Save your details"))
        self.save_button.clicked.connect(self.save)
        self.feedback = Feedback(self.tr("Result of saving your details"), self)
        # Joining a profile this worker already has (on another device, or a typed name).
        self.also_me = QWidget(self)
        self.also_me.setAccessibleName(self.tr("Your profile on another device"))
        self.also_me_text = paragraph(
            self.tr(
                "The team already knows someone with your name. If that is you (on another "
                "laptop, or from before profiles existed), join it: this laptop then works as "
                "that profile and your people follow."
            )
        )
        self.also_me_choice = QComboBox(self.also_me)
        self.also_me_choice.setAccessibleName(self.tr("Profile that is also you"))
        self.claim_button = QPushButton(self.tr("This is me"), self.also_me)
        self.claim_button.setAccessibleName(self.tr("Join this profile"))
        self.claim_button.clicked.connect(self.claim)
        h = QHBoxLayout(self.also_me)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.also_me_choice, 1)
        h.addWidget(self.claim_button)
        form = QFormLayout(self)
        form.addRow(
            paragraph(
                self.tr(
                    "Your name, function and how to reach you appear on the handover fiche and "
                    "on the person's copy, so the receiver and the person know who to call. "
                    "Your team sees them too."
                )
            )
        )
        form.addRow(self.profile)
        form.addRow(
            field_label(self.tr("Clear a copied MLP summary after"), self.seconds), self.seconds
        )
        form.addRow(self.save_button)
        form.setAlignment(self.save_button, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.feedback)
        form.addRow(self.also_me_text)
        form.addRow(self.also_me)
        self._show_also_me([])
        self.set_vault(None)

    def set_vault(self, vault: OpenVault | None) -> None:
        self.vault = vault
        self.has_loaded = False
        self.setEnabled(vault is not None)
        self.feedback.clear_message()
        if vault is None:
            self.profile.clear()
            self._show_also_me([])
            return

        def load() -> tuple[WorkerRow | None, int, list[WorkerRow]]:
            return vault.workers.me(), mlp_seconds(vault), vault.workers.also_me()

        def show(result: tuple[WorkerRow | None, int, list[WorkerRow]]) -> None:
            if self.vault is not vault:
                return
            me, seconds, also = result
            self.profile.set_row(me)
            self.seconds.setValue(seconds)
            self._show_also_me(also)
            self.has_loaded = True
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def _show_also_me(self, rows: list[WorkerRow]) -> None:
        self.also_me_choice.clear()
        for r in rows:
            text = r.name + (f" — {r.function}" if r.function else "")
            if r.legacy:
                text += " " + self.tr("(typed name)")
            self.also_me_choice.addItem(text, r.id)
        self.also_me.setVisible(bool(rows))
        self.also_me_text.setVisible(bool(rows))

    def save(self) -> None:
        vault = self.vault
        if vault is None:
            return
        profile = self.profile.profile()
        seconds = self.seconds.value()
        self.profile.feedback.clear_message()

        def work() -> list[WorkerRow]:
            vault.workers.save_profile(profile)
            vault.settings.change(MLP_CLIPBOARD_SECONDS, seconds)
            return vault.workers.also_me()

        def done(also: list[WorkerRow]) -> None:
            self._show_also_me(also)
            self.feedback.show_ok(self.tr("Your details were saved."))
            self.saved.emit()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, BrugfiguurError):
                self.profile.show_error(exc.message, getattr(exc, "field", None))
                self.feedback.clear_message()
            else:
                self.feedback.show_errors([self.tr("Not saved.")])

        self.runner.submit(work, done, failed, owner=self)

    def claim(self) -> None:
        vault = self.vault
        worker_id = self.also_me_choice.currentData()
        if vault is None or not isinstance(worker_id, str):
            return

        def done(row: WorkerRow) -> None:
            self.profile.set_row(row)
            self._show_also_me([])
            self.feedback.show_ok(self.tr("This laptop now works as %1.").replace("%1", row.name))
            self.claimed.emit()

        def failed(exc: BaseException) -> None:
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Not joined.")
            self.feedback.show_errors([msg])

        self.runner.submit(lambda: vault.workers.claim(worker_id), done, failed, owner=self)
