"""Unlocking: by passphrase, or by recovery key (which forces a new passphrase first)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError, WrongPassphrase, WrongRecoveryKey
from app.qt.fonts import mono_font
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.views.passphrase import PassphraseDialog
from app.views.widgets import (
    BusyIndicator,
    Feedback,
    PassphraseField,
    center_column,
    field_label,
    heading,
    paragraph,
    private_style,
)

if TYPE_CHECKING:
    from app.services.vault import OpenVault

log = logging.getLogger(__name__)


class UnlockPanel(QWidget):
    """Emits `unlocked(OpenVault)`; after a recovery-key unlock, only once a new passphrase
    has been chosen."""

    unlocked = Signal(object)

    def __init__(
        self,
        gate: VaultGate,
        runner: TaskRunner,
        *,
        title: str | None = None,
        prefill: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gate = gate
        self._runner = runner
        self._clock = clock
        self._deadline = 0.0
        self.new_passphrase_dialog: PassphraseDialog | None = None
        self.setAccessibleName(self.tr("Unlock"))

        column = QWidget()
        column.setAccessibleName(self.tr("Unlock"))
        v = QVBoxLayout(column)
        v.setSpacing(12)
        v.addStretch(1)
        self.title = heading(title or self.tr("Welcome back"))
        v.addWidget(self.title)
        self.modes = QStackedWidget(column)
        self.modes.setAccessibleName(self.tr("Unlock method"))

        # Passphrase mode.
        by_pass = QWidget()
        by_pass.setAccessibleName(self.tr("Unlock with passphrase"))
        f = QFormLayout(by_pass)
        f.setContentsMargins(0, 0, 0, 0)
        f.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        f.addRow(paragraph(self.tr("Type your passphrase to open your vault.")))
        self.passphrase = PassphraseField(self.tr("Passphrase"), by_pass)
        self.passphrase.returnPressed.connect(self.submit)
        f.addRow(field_label(self.tr("Passphrase"), self.passphrase), self.passphrase)
        self.modes.addWidget(by_pass)

        # Recovery-key mode.
        by_key = QWidget()
        by_key.setAccessibleName(self.tr("Unlock with recovery key"))
        g = QFormLayout(by_key)
        g.setContentsMargins(0, 0, 0, 0)
        g.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        g.addRow(
            paragraph(
                self.tr(
                    "Type the recovery key from your emergency sheet. Capitals, spaces and "
                    "dashes do not matter. Afterwards you choose a new passphrase."
                )
            )
        )
        self.recovery_key = QLineEdit(by_key)
        self.recovery_key.setFont(mono_font())
        self.recovery_key.setAccessibleName(self.tr("Recovery key"))
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.recovery_key.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.recovery_key.setMinimumHeight(32)
        self.recovery_key.returnPressed.connect(self.submit)
        g.addRow(field_label(self.tr("Recovery key"), self.recovery_key), self.recovery_key)
        self.modes.addWidget(by_key)
        v.addWidget(self.modes)

        self.error = Feedback(self.tr("Error"), column)
        v.addWidget(self.error)
        self.busy = BusyIndicator(self.tr("Unlocking…"), column)
        v.addWidget(self.busy)
        self.unlock_button = QPushButton(self.tr("Unlock"), column)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setMinimumHeight(36)
        self.unlock_button.clicked.connect(self.submit)
        v.addWidget(self.unlock_button)
        self.switch_button = QCommandLinkButton(column)
        self.switch_button.clicked.connect(self.toggle_mode)
        v.addWidget(self.switch_button)
        v.addStretch(2)

        layout = QVBoxLayout(self)
        layout.addWidget(center_column(column, max_width=520))

        self._countdown = QTimer(self)
        self._countdown.setInterval(200)
        self._countdown.timeout.connect(self._tick)
        self._update_mode_texts()
        if prefill:
            self.passphrase.setText(prefill)
        self.setFocusProxy(self.passphrase)

    # --- mode --------------------------------------------------------------------------------
    @property
    def recovery_mode(self) -> bool:
        return self.modes.currentIndex() == 1

    def toggle_mode(self) -> None:
        self.set_recovery_mode(not self.recovery_mode)

    def set_recovery_mode(self, on: bool) -> None:
        self.modes.setCurrentIndex(1 if on else 0)
        self.error.clear_message()
        self.passphrase.clear()
        self.recovery_key.clear()
        self._update_mode_texts()
        (self.recovery_key if on else self.passphrase).setFocus()

    def _update_mode_texts(self) -> None:
        if self.recovery_mode:
            text = self.tr("Back to the passphrase")
            self.unlock_button.setText(self.tr("Unlock with recovery key"))
        else:
            text = self.tr("Forgot your passphrase? Use your recovery key")
            self.unlock_button.setText(self.tr("Unlock"))
        self.switch_button.setText(text)
        self.switch_button.setAccessibleName(text)
        self.unlock_button.setAccessibleName(self.unlock_button.text())
        if self._countdown_active():
            self._tick()

    def reset(self) -> None:
        """Back to a blank passphrase prompt (used when the main window locks)."""
        self.set_recovery_mode(False)
        self.busy.stop()
        if not self._countdown_active():
            self.unlock_button.setEnabled(True)

    # --- unlocking ---------------------------------------------------------------------------
    def submit(self) -> None:
        if self.busy.isVisible() or self._countdown_active():
            return
        gate = self._gate
        if self.recovery_mode:
            key = self.recovery_key.text()
            if not key.strip():
                self.error.show_errors([self.tr("Type your recovery key.")])
                return
            job: Callable[[], OpenVault] = lambda: gate.service.unlock_with_recovery_key(key)  # noqa: E731
        else:
            secret = self.passphrase.text()
            if not secret:
                self.error.show_errors([self.tr("Type your passphrase.")])
                return
            job = lambda: gate.service.unlock(secret)  # noqa: E731
        self.error.clear_message()
        self.busy.start()
        self.unlock_button.setEnabled(False)
        self._runner.submit(job, self._opened, self._failed, owner=self)

    def _opened(self, vault: OpenVault) -> None:
        self.busy.stop()
        self.passphrase.clear()
        self.recovery_key.clear()
        self.unlock_button.setEnabled(True)
        if vault.must_change_passphrase:
            self._force_new_passphrase(vault)
            return
        self.unlocked.emit(vault)

    def _force_new_passphrase(self, vault: OpenVault) -> None:
        dialog = PassphraseDialog(vault, self._runner, forced=True, parent=self)
        self.new_passphrase_dialog = dialog

        def finished(result: int) -> None:
            self.new_passphrase_dialog = None
            dialog.deleteLater()
            if result == PassphraseDialog.DialogCode.Accepted and not vault.must_change_passphrase:
                self.set_recovery_mode(False)
                self.unlocked.emit(vault)
            else:
                self._runner.submit(vault.lock)
                self.error.show_info(
                    self.tr("The vault is locked again: choose a new passphrase to continue.")
                )

        dialog.finished.connect(finished)
        dialog.open()

    def _failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.unlock_button.setEnabled(True)
        if isinstance(exc, WrongPassphrase | WrongRecoveryKey):
            self.error.show_errors([exc.message])
            if exc.retry_after > 0:
                self._deadline = self._clock() + exc.retry_after
                self._countdown.start()
                self._tick()
        elif isinstance(exc, BrugfiguurError):
            self.error.show_errors([exc.message])
        else:
            log.error("unlock failed: %s", type(exc).__name__, exc_info=exc)
            self.error.show_errors([self.tr("The vault could not be opened.")])
        if self.recovery_mode:
            self.recovery_key.selectAll()
            self.recovery_key.setFocus()
        else:
            self.passphrase.edit.selectAll()
            self.passphrase.setFocus()

    def _countdown_active(self) -> bool:
        return self._countdown.isActive()

    def _tick(self) -> None:
        remaining = self._deadline - self._clock()
        if remaining <= 0:
            self._countdown.stop()
            self.unlock_button.setEnabled(True)
            self._update_mode_texts()
            return
        seconds = max(1, int(remaining + 0.999))
        self.unlock_button.setEnabled(False)
        self.unlock_button.setText(self.tr("Try again in %n second(s)", "", seconds))
        self.unlock_button.setAccessibleName(self.unlock_button.text())


class UnlockWindow(QWidget):
    """The window shown at start when a vault exists."""

    unlocked = Signal(object)

    def __init__(
        self,
        gate: VaultGate,
        runner: TaskRunner,
        *,
        prefill: str | None = None,
        note: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Brugfiguur — unlock"))
        self.setAccessibleName(self.tr("Unlock Brugfiguur"))
        self.resize(640, 520)
        self.panel = UnlockPanel(gate, runner, prefill=prefill, clock=clock, parent=self)
        self.panel.unlocked.connect(self.unlocked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        self.note: QLabel | None = None
        if note:
            self.note = paragraph(note)
            self.note.setStyleSheet(private_style(padding=8))
            layout.addWidget(self.note)
        layout.addWidget(self.panel)
        self.panel.passphrase.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.passphrase.clear()
        self.panel.recovery_key.clear()
        super().closeEvent(event)
