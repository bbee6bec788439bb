"""First run: choose a passphrase, create the vault, see the recovery key once, say who you are."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.errors import BrugfiguurError, PassphraseRejected
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.views.passphrase import NewPassphraseForm
from app.views.recovery import RecoveryKeyPanel
from app.views.widgets import BusyIndicator, Feedback, center_column, heading, paragraph
from app.views.workers import WorkerProfileForm

if TYPE_CHECKING:
    from app.services.vault import CreatedVault, OpenVault

log = logging.getLogger(__name__)


class SetupWindow(QWidget):
    """Emits `finished(OpenVault)` once the vault exists, the recovery key was confirmed and
    the worker gave at least their name (it goes on documents and to the team)."""

    finished = Signal(object)

    def __init__(
        self,
        gate: VaultGate,
        runner: TaskRunner,
        *,
        prefill: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gate = gate
        self._runner = runner
        self._vault: OpenVault | None = None
        self._handed_over = False
        self.setWindowTitle(self.tr("Brugfiguur — first start"))
        self.setAccessibleName(self.tr("First start"))
        self.resize(720, 640)

        self.pages = QStackedWidget(self)
        self.pages.setAccessibleName(self.tr("Setup steps"))

        # Step 1: passphrase.
        step1 = QWidget()
        step1.setAccessibleName(self.tr("Choose a passphrase"))
        v = QVBoxLayout(step1)
        v.setSpacing(12)
        v.addWidget(heading(self.tr("Welcome to Brugfiguur")))
        v.addWidget(
            paragraph(
                self.tr(
                    "Everything you record is kept encrypted on this laptop. Choose a "
                    "passphrase to lock it: nobody, not even your organisation, can open the "
                    "vault without it or without the recovery key you will see next."
                )
            )
        )
        self.form = NewPassphraseForm(
            gate.passphrase_problems, parent=step1, first_label=self.tr("Passphrase")
        )
        v.addWidget(self.form)
        self.busy = BusyIndicator(self.tr("Creating your vault… this takes a few seconds."), step1)
        v.addWidget(self.busy)
        self.error = Feedback(self.tr("Error"), step1)
        v.addWidget(self.error)
        self.create_button = QPushButton(self.tr("Create vault"), step1)
        self.create_button.setAccessibleName(self.tr("Create vault"))
        self.create_button.setDefault(True)
        self.create_button.setMinimumHeight(36)
        self.create_button.clicked.connect(self.submit)
        self.form.submitted.connect(self.submit)
        v.addWidget(self.create_button)
        v.addStretch(1)
        self.pages.addWidget(center_column(step1))

        # Step 2: recovery key.
        self.recovery = RecoveryKeyPanel(runner, device_label=self._device_label)
        self.recovery.confirmed.connect(self._confirm)
        self.pages.addWidget(center_column(self.recovery, max_width=640))

        # Step 3: who you are.
        step3 = QWidget()
        step3.setAccessibleName(self.tr("About you"))
        v3 = QVBoxLayout(step3)
        v3.setSpacing(12)
        v3.addWidget(heading(self.tr("About you")))
        v3.addWidget(
            paragraph(
                self.tr(
                    "Your name, function and how to reach you go on the handover fiche and on "
                    "the person's own copy, so they know who to call. When you work in a team, "
                    "your colleagues see them too. You can change them later in Settings."
                )
            )
        )
        self.profile = WorkerProfileForm(step3)
        self.profile.submitted.connect(self.save_profile)
        v3.addWidget(self.profile)
        self.profile_busy = BusyIndicator(self.tr("Saving…"), step3)
        v3.addWidget(self.profile_busy)
        self.start_button = QPushButton(self.tr("Start"), step3)
        self.start_button.setAccessibleName(self.tr("Save your details and start"))
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(36)
        self.start_button.clicked.connect(self.save_profile)
        v3.addWidget(self.start_button)
        v3.addStretch(1)
        self.pages.addWidget(center_column(step3))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.pages)

        if prefill:
            self.form.first.setText(prefill)
            self.form.repeat.setText(prefill)
        self.form.first.setFocus()

    # --- step 1 ------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.busy.isVisible():
            return
        self.error.clear_message()
        passphrase = self.form.validate()
        if passphrase is None:
            return
        gate = self._gate
        self.busy.start()
        self.create_button.setEnabled(False)
        self._runner.submit(
            lambda: gate.service.create(passphrase), self._created, self._failed, owner=self
        )

    def _created(self, created: CreatedVault) -> None:
        self.busy.stop()
        self._vault = created.vault
        self.form.clear()
        self.recovery.set_key(created.recovery_key)
        self.pages.setCurrentIndex(1)
        self.recovery.stored.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.create_button.setEnabled(True)
        if isinstance(exc, PassphraseRejected):
            self.form.show_errors(exc.problems)
        elif isinstance(exc, BrugfiguurError):
            self.error.show_errors([exc.message])
        else:
            log.error("vault creation failed: %s", type(exc).__name__, exc_info=exc)
            self.error.show_errors([self.tr("The vault could not be created.")])

    # --- step 2 ------------------------------------------------------------------------------
    def _device_label(self) -> str:
        return self._vault.device.label if self._vault is not None else ""

    def _confirm(self) -> None:
        vault = self._vault
        if vault is None:
            return
        self.recovery.continue_button.setEnabled(False)
        self._runner.submit(
            vault.confirm_recovery_key_stored, lambda _: self._ask_profile(), owner=self
        )

    # --- step 3 ------------------------------------------------------------------------------
    def _ask_profile(self) -> None:
        self.recovery.clear()
        self.pages.setCurrentIndex(2)
        self.profile.setFocus()

    @property
    def on_profile_step(self) -> bool:
        return self.pages.currentIndex() == 2

    def save_profile(self) -> None:
        vault = self._vault
        if vault is None or self.profile_busy.isVisible():
            return
        profile = self.profile.profile()
        self.profile.feedback.clear_message()
        self.profile_busy.start()
        self.start_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.profile_busy.stop()
            self.start_button.setEnabled(True)
            if isinstance(exc, BrugfiguurError):
                self.profile.show_error(exc.message, getattr(exc, "field", None))
            else:
                log.error("profile not saved: %s", type(exc).__name__, exc_info=exc)
                self.profile.show_error(self.tr("Your details could not be saved."), None)

        def saved(_: object) -> None:
            self.profile_busy.stop()
            self._hand_over()

        self._runner.submit(lambda: vault.workers.save_profile(profile), saved, failed, owner=self)

    def _hand_over(self) -> None:
        vault = self._vault
        if vault is None:
            return
        self._handed_over = True
        self.recovery.clear()
        self.finished.emit(vault)

    @property
    def on_recovery_step(self) -> bool:
        return self.pages.currentIndex() == 1

    def closeEvent(self, event: QCloseEvent) -> None:
        self.recovery.clear()
        if self._vault is not None and not self._handed_over:
            vault, self._vault = self._vault, None
            self._runner.submit(vault.lock)
        super().closeEvent(event)
