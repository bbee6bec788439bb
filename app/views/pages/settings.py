"""Instellingen: synchronisation, auto-lock, passphrase, recovery key, backup."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import settings as limits
from app.errors import BrugfiguurError
from app.qt.changes import SETTINGS, Changes
from app.qt.operations import run
from app.qt.tasks import TaskRunner
from app.settings import AUTO_LOCK_MINUTES, CONTACT_REQUIRES_LIFE_DOMAIN
from app.views.discreet import Discretion
from app.views.formatting import format_size, format_timestamp
from app.views.organisation import OrganisationBox, RetentionBox
from app.views.pages.base import Page
from app.views.passphrase import PassphraseDialog
from app.views.recovery import RecoveryKeyDialog
from app.views.sharing.settings import DocumentDetailsBox
from app.views.sync.settings import SyncSettingsBox
from app.views.team import TeamBox
from app.views.widgets import (
    BusyIndicator,
    Feedback,
    PassphraseField,
    field_label,
    heading,
    hint,
    paragraph,
)
from app.views.zrm import ZrmSettingsBox

if TYPE_CHECKING:
    from app.services.vault import OpenVault, RecoveryStatus

log = logging.getLogger(__name__)

AUTO_LOCK_DEBOUNCE_MS = 600


def _backup(vault: OpenVault, dest: Path) -> object:
    from app.services.backup import backup_vault

    return backup_vault(vault, dest)


class ConfirmPassphraseDialog(QDialog):
    """Ask the current passphrase before a sensitive change; emits `submitted`, the caller
    checks it (on the worker) and closes the dialog."""

    submitted = Signal()

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(text))
        self.current = PassphraseField(self.tr("Current passphrase"), self)
        layout.addWidget(field_label(self.tr("Current passphrase"), self.current))
        layout.addWidget(self.current)
        self.feedback = Feedback(self.tr("Feedback on the current passphrase"), self)
        layout.addWidget(self.feedback)
        self.busy = BusyIndicator(self.tr("Working…"), self)
        layout.addWidget(self.busy)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setAccessibleName(self.tr("Continue"))
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.ok_button.clicked.connect(self.submitted)
        cancel.clicked.connect(self.reject)
        self.current.returnPressed.connect(self.submitted)
        layout.addWidget(buttons)


class SettingsPage(Page):
    icon_name = "settings"
    auto_lock_changed = Signal(int)
    status_message = Signal(str)
    loaded = Signal()
    backup_done = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        discretion: Discretion | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setAccessibleName(self.tr("Settings"))
        self._loading = False
        self.confirm_dialog: ConfirmPassphraseDialog | None = None
        self.passphrase_dialog: PassphraseDialog | None = None
        self.recovery_dialog: RecoveryKeyDialog | None = None

        content = QWidget()
        content.setAccessibleName(self.tr("Settings"))
        v = QVBoxLayout(content)
        v.setContentsMargins(24, 24, 24, 24)
        v.setSpacing(16)
        v.addWidget(heading(self.tr("Settings")))

        # Synchronisation (the main window gives it the session's sync service).
        self.sync_box = SyncSettingsBox(runner, content)
        self.sync_box.status_message.connect(self.status_message)
        v.addWidget(self.sync_box)

        # Auto-lock.
        box = QGroupBox(self.tr("Lock automatically"), content)
        box.setAccessibleName(self.tr("Lock automatically"))
        b = QVBoxLayout(box)
        b.addWidget(
            paragraph(
                self.tr(
                    "Brugfiguur locks itself when you have not used it for a while, so nobody "
                    "reads along when you step away."
                )
            )
        )
        row = QHBoxLayout()
        self.auto_lock = QSpinBox(box)
        self.auto_lock.setRange(limits.MIN_AUTO_LOCK_MINUTES, limits.MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setValue(limits.DEFAULT_AUTO_LOCK_MINUTES)
        self.auto_lock.setEnabled(False)  # until the vault's value is loaded
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setAccessibleName(self.tr("Minutes of inactivity before locking"))
        self.auto_lock.setMinimumHeight(30)
        row.addWidget(field_label(self.tr("Lock after"), self.auto_lock))
        row.addWidget(self.auto_lock)
        row.addWidget(field_label(self.tr("without use"), self.auto_lock))
        row.addStretch(1)
        b.addLayout(row)
        self.auto_lock_feedback = Feedback(self.tr("Feedback on automatic locking"), box)
        b.addWidget(self.auto_lock_feedback)
        v.addWidget(box)
        self._auto_lock_timer = QTimer(self)
        self._auto_lock_timer.setSingleShot(True)
        self._auto_lock_timer.setInterval(AUTO_LOCK_DEBOUNCE_MS)
        self._auto_lock_timer.timeout.connect(self.save_auto_lock)
        self.auto_lock.valueChanged.connect(self._auto_lock_edited)

        # Passphrase.
        box = QGroupBox(self.tr("Passphrase"), content)
        box.setAccessibleName(self.tr("Passphrase"))
        b = QVBoxLayout(box)
        b.addWidget(
            paragraph(
                self.tr(
                    "Change your passphrase when you think someone may know it. There is no "
                    "need to change it regularly."
                )
            )
        )
        self.change_button = QPushButton(self.tr("Change passphrase…"), box)
        self.change_button.setAccessibleName(self.tr("Change passphrase"))
        self.change_button.clicked.connect(self.open_change_passphrase)
        b.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.passphrase_feedback = Feedback(self.tr("Result of changing the passphrase"), box)
        b.addWidget(self.passphrase_feedback)
        v.addWidget(box)

        # Recovery key.
        box = QGroupBox(self.tr("Recovery key"), content)
        box.setAccessibleName(self.tr("Recovery key"))
        b = QVBoxLayout(box)
        self.recovery_status_label = paragraph("")
        b.addWidget(self.recovery_status_label)
        self.renew_button = QPushButton(self.tr("Make a new recovery key…"), box)
        self.renew_button.setAccessibleName(self.tr("Make a new recovery key"))
        self.renew_button.clicked.connect(self.open_renew_recovery_key)
        b.addWidget(self.renew_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.recovery_feedback = Feedback(self.tr("Result of making a recovery key"), box)
        b.addWidget(self.recovery_feedback)
        v.addWidget(box)

        # Backup.
        box = QGroupBox(self.tr("Backup"), content)
        box.setAccessibleName(self.tr("Backup"))
        b = QVBoxLayout(box)
        b.addWidget(
            paragraph(
                self.tr(
                    "A backup is an encrypted copy of your vault. It opens with the same "
                    "passphrase or recovery key. Keep it on a USB stick in a safe place."
                )
            )
        )
        self.backup_button = QPushButton(self.tr("Make backup…"), box)
        self.backup_button.setAccessibleName(self.tr("Make backup"))
        self.backup_button.clicked.connect(self.choose_backup)
        b.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.backup_busy = BusyIndicator(self.tr("Making the backup…"), box)
        b.addWidget(self.backup_busy)
        self.backup_feedback = Feedback(self.tr("Result of the backup"), box)
        b.addWidget(self.backup_feedback)
        v.addWidget(box)

        # Registration: the organisation's rule for quick entry.
        box = QGroupBox(self.tr("Registration"), content)
        box.setAccessibleName(self.tr("Registration"))
        b = QVBoxLayout(box)
        self.require_domain = QCheckBox(
            self.tr("Ask for the life domain when a contact moment has none"), box
        )
        self.require_domain.setAccessibleName(self.require_domain.text())
        self.require_domain.setEnabled(False)  # until the vault's value is loaded
        self.require_domain.toggled.connect(self._require_domain_toggled)
        b.addWidget(self.require_domain)
        b.addWidget(
            hint(
                self.tr(
                    "A rule of the organisation: the figures on life domains rest on it. Only a "
                    "coordinator changes it once the laptop is connected to a central store."
                )
            )
        )
        self.registration_feedback = Feedback(self.tr("Result of the registration rule"), box)
        b.addWidget(self.registration_feedback)
        v.addWidget(box)

        self.details_box = DocumentDetailsBox(runner, content)
        v.addWidget(self.details_box)
        self.team_box = TeamBox(runner, content)
        self.team_box.changed.connect(self.data_changed)
        self.details_box.claimed.connect(self.data_changed)
        v.addWidget(self.team_box)
        self.organisation_box = OrganisationBox(runner, content)
        self.organisation_box.saved.connect(self._rules_saved)
        v.addWidget(self.organisation_box)
        self.retention_box = RetentionBox(runner, discretion or Discretion(self), content)
        self.retention_box.erased.connect(lambda _: self.data_changed.emit())
        v.addWidget(self.retention_box)
        self.zrm_box = ZrmSettingsBox(runner, parent=content)
        v.addWidget(self.zrm_box)
        v.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Settings"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _require_domain_toggled(self, on: bool) -> None:
        vault = self.vault
        if vault is None:
            return
        self.registration_feedback.clear_message()
        run(
            self.runner,
            lambda: vault.settings.change(CONTACT_REQUIRES_LIFE_DOMAIN, on),
            owner=self,
            changes=Changes.of(SETTINGS),
            report=self.registration_feedback,
            failure=self.tr("Not saved."),
            done=lambda _: self.registration_feedback.show_ok(self.tr("Saved.")),
        )

    # --- life cycle --------------------------------------------------------------------------
    def on_unlocked(self, vault: OpenVault) -> None:
        super().on_unlocked(vault)
        self.details_box.set_vault(vault)
        self.team_box.set_field(self.field)
        self.organisation_box.set_field(self.field)
        self.retention_box.set_field(self.field)
        self.zrm_box.set_field(self.field)
        self.reload()

    def on_locked(self) -> None:
        self._auto_lock_timer.stop()
        super().on_locked()
        self.details_box.set_vault(None)
        self.team_box.set_field(None)
        self.organisation_box.set_field(None)
        self.retention_box.set_field(None)
        self.zrm_box.set_field(None)
        self.sync_box.set_session(None, None)
        self.auto_lock.setEnabled(False)
        for feedback in (
            self.auto_lock_feedback,
            self.passphrase_feedback,
            self.recovery_feedback,
            self.backup_feedback,
        ):
            feedback.clear_message()
        self.backup_busy.stop()
        self.backup_button.setEnabled(True)

    def reload(self) -> None:
        vault = self.vault
        if vault is None:
            return

        def rule() -> tuple[bool, bool]:
            spec = CONTACT_REQUIRES_LIFE_DOMAIN
            return vault.settings.value(spec), vault.settings.may_change(spec)

        def show_rule(result: tuple[bool, bool]) -> None:
            on, may = result
            self.require_domain.blockSignals(True)
            self.require_domain.setChecked(on)
            self.require_domain.blockSignals(False)
            self.require_domain.setEnabled(may)

        self.runner.submit(rule, show_rule, owner=self)

        def load() -> tuple[int, RecoveryStatus]:
            return vault.settings.value(AUTO_LOCK_MINUTES), vault.recovery_status()

        self.runner.submit(load, self._loaded_values, owner=self)

    def _loaded_values(self, values: tuple[int, RecoveryStatus]) -> None:
        minutes, status = values
        self._loading = True
        self.auto_lock.setValue(minutes)
        self._loading = False
        self.auto_lock.setEnabled(True)
        self._show_recovery_status(status)
        self.loaded.emit()

    def _show_recovery_status(self, status: RecoveryStatus) -> None:
        when = format_timestamp(status.created_at)
        if status.confirmed_stored:
            text = self.tr(
                "Your recovery key was made on %1. You confirmed that you stored it safely."
            )
        else:
            text = self.tr(
                "Your recovery key was made on %1. You have not yet confirmed that you stored "
                "it safely: make a new one if you are not sure where it is."
            )
        self.recovery_status_label.setText(text.replace("%1", when))
        self.recovery_status_label.setAccessibleName(self.recovery_status_label.text())

    # --- auto-lock ---------------------------------------------------------------------------
    def _auto_lock_edited(self) -> None:
        if not self._loading:
            self._auto_lock_timer.start()

    def save_auto_lock(self) -> None:
        vault = self.vault
        if vault is None:
            return
        self._auto_lock_timer.stop()
        minutes = self.auto_lock.value()

        def saved(_: object) -> None:
            self.auto_lock_feedback.show_ok(
                self.tr("Saved: Brugfiguur locks after %n minute(s) without use.", "", minutes)
            )
            self.auto_lock_changed.emit(minutes)

        run(
            self.runner,
            lambda: vault.settings.change(AUTO_LOCK_MINUTES, minutes),
            owner=self,
            done=saved,
            changes=Changes.of(SETTINGS),
            report=self.auto_lock_feedback,
            failure=self.tr("Not saved."),
        )

    # --- passphrase --------------------------------------------------------------------------
    def open_change_passphrase(self) -> None:
        if self.vault is None:
            return
        dialog = PassphraseDialog(self.vault, self.runner, parent=self)
        self.passphrase_dialog = dialog

        def done(result: int) -> None:
            self.passphrase_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                message = self.tr("Your passphrase was changed.")
                self.passphrase_feedback.show_ok(message)
                self.status_message.emit(message)

        dialog.finished.connect(done)
        dialog.open()

    # --- recovery key ------------------------------------------------------------------------
    def open_renew_recovery_key(self) -> None:
        if self.vault is None:
            return
        dialog = ConfirmPassphraseDialog(
            self.tr("New recovery key"),
            self.tr(
                "A new recovery key replaces the old one: the old key and its printed sheet "
                "stop working. Type your passphrase to continue."
            ),
            self,
        )
        self.confirm_dialog = dialog
        dialog.submitted.connect(lambda: self._renew(dialog))
        dialog.finished.connect(lambda _: self._forget_confirm(dialog))
        dialog.open()

    def _forget_confirm(self, dialog: ConfirmPassphraseDialog) -> None:
        if self.confirm_dialog is dialog:
            self.confirm_dialog = None
        dialog.current.clear()
        dialog.deleteLater()

    def _renew(self, dialog: ConfirmPassphraseDialog) -> None:
        vault = self.vault
        current = dialog.current.text()
        if vault is None or dialog.busy.isVisible():
            return
        if not current:
            dialog.feedback.show_errors([self.tr("Type your current passphrase.")])
            return
        run(
            self.runner,
            lambda: vault.renew_recovery_key(current=current),
            owner=dialog,
            done=lambda key: self._show_new_key(dialog, key),
            report=dialog.feedback,
            failure=self.tr("No new recovery key was made."),
            busy=[dialog.busy, dialog.ok_button],
        )

    def _show_new_key(self, confirm: ConfirmPassphraseDialog, key: str) -> None:
        confirm.busy.stop()
        confirm.done(QDialog.DialogCode.Accepted)
        vault = self.vault
        if vault is None:
            return
        dialog = RecoveryKeyDialog(key, self.runner, device_label=vault.device.label, parent=self)
        self.recovery_dialog = dialog
        self.recovery_feedback.show_info(
            self.tr("A new recovery key was made. The old one no longer works.")
        )

        def done(result: int) -> None:
            self.recovery_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and self.vault is not None:
                v = self.vault
                self.runner.submit(
                    v.confirm_recovery_key_stored, lambda _: self.reload(), owner=self
                )
                self.recovery_feedback.show_ok(self.tr("The new recovery key is in use."))
            else:
                self.reload()

        dialog.finished.connect(done)
        dialog.open()

    # --- backup ------------------------------------------------------------------------------
    def choose_backup(self) -> None:
        if self.vault is None:
            return
        stamp = datetime.now().strftime("%Y-%m-%d")
        start = QDir.home().filePath(f"brugfiguur-backup-{stamp}.bfbackup")
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save backup as"),
            start,
            self.tr("Brugfiguur backups (*.bfbackup);;All files (*)"),
        )
        if chosen:
            self.make_backup(Path(chosen))

    def make_backup(self, dest: Path) -> None:
        vault = self.vault
        if vault is None:
            return
        self.backup_feedback.clear_message()
        run(
            self.runner,
            lambda: _backup(vault, dest),
            owner=self,
            done=self._backup_done,
            failed=self._backup_failed,
            busy=[self.backup_busy, self.backup_button],
        )

    def _backup_done(self, result: object) -> None:
        path = getattr(result, "path", "")
        size = getattr(result, "size_bytes", 0)
        message = (
            self.tr("Backup saved in %1 (%2).")
            .replace("%1", str(path))
            .replace("%2", format_size(int(size)))
        )
        self.backup_feedback.show_ok(message)
        self.status_message.emit(message)
        self.backup_done.emit(result)

    def _backup_failed(self, exc: BaseException) -> None:
        if isinstance(exc, BrugfiguurError):
            message = exc.message
        elif isinstance(exc, ImportError):
            message = self.tr("Making a backup is not available in this version yet.")
        else:
            log.error("backup failed: %s", type(exc).__name__, exc_info=exc)
            message = self.tr("The backup could not be made; nothing was changed.")
        self.backup_feedback.show_errors([message])

    def on_data_changed(self) -> None:
        """A sync or another page changed the team: show it."""
        if self.field is not None:
            self.team_box.reload()
            self.retention_box.reload()

    def _rules_saved(self) -> None:
        self.retention_box.reload()
        self.data_changed.emit()
