"""Choosing a passphrase: the form with live policy feedback, and the dialogs that use it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError, PassphraseRejected, WrongPassphrase
from app.qt.tasks import TaskRunner
from app.views.widgets import BusyIndicator, Feedback, PassphraseField, field_label, paragraph

if TYPE_CHECKING:
    from app.services.vault import OpenVault

ProblemCheck = Callable[[str], list[str]]


def _policy_problems(text: str) -> list[str]:
    from app.services.vault import passphrase_problems

    return passphrase_problems(text)


class NewPassphraseForm(QWidget):
    """New passphrase twice, checked as the user types (length and blocklist; paste allowed)."""

    changed = Signal()
    submitted = Signal()

    def __init__(
        self,
        problems: ProblemCheck = _policy_problems,
        *,
        first_label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._problems = problems
        first = first_label or self.tr("New passphrase")
        self.first = PassphraseField(first, self)
        self.first_feedback = Feedback(self.tr("Feedback on the passphrase"), self)
        self.repeat = PassphraseField(self.tr("Repeat the passphrase"), self)
        self.repeat_feedback = Feedback(self.tr("Feedback on the repeated passphrase"), self)
        hint = paragraph(
            self.tr(
                "At least 12 characters. A sentence of a few words works well and is easy to "
                "remember. Pasting is allowed."
            )
        )
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        layout.addRow(hint)
        layout.addRow(field_label(first, self.first), self.first)
        layout.addRow(self.first_feedback)
        layout.addRow(field_label(self.tr("Repeat the passphrase"), self.repeat), self.repeat)
        layout.addRow(self.repeat_feedback)
        self.setAccessibleName(self.tr("Choose a passphrase"))
        self.first.textChanged.connect(self._live)
        self.repeat.textChanged.connect(self._live)
        self.first.returnPressed.connect(self.repeat.edit.setFocus)
        self.repeat.returnPressed.connect(self.submitted)

    def _live(self) -> None:
        text = self.first.text()
        if not text:
            self.first_feedback.clear_message()
        else:
            problems = self._problems(text)
            if problems:
                self.first_feedback.show_errors(problems)
            else:
                self.first_feedback.show_ok(self.tr("This passphrase is fine."))
        again = self.repeat.text()
        if not again:
            self.repeat_feedback.clear_message()
        elif again == text:
            self.repeat_feedback.show_ok(self.tr("Both passphrases are the same."))
        else:
            self.repeat_feedback.show_errors([self.tr("The two passphrases are not the same yet.")])
        self.changed.emit()

    def validate(self) -> str | None:
        """The passphrase if it is acceptable and repeated correctly; else show why and None."""
        text = self.first.text()
        problems = self._problems(text)
        if not text:
            problems = [self.tr("Type a passphrase.")]
        if problems:
            self.first_feedback.show_errors(problems)
            self.first.setFocus()
            return None
        if self.repeat.text() != text:
            self.repeat_feedback.show_errors([self.tr("The two passphrases are not the same.")])
            self.repeat.setFocus()
            return None
        return text

    def show_errors(self, messages: list[str]) -> None:
        self.first_feedback.show_errors(messages)

    def clear(self) -> None:
        self.first.clear()
        self.repeat.clear()
        self.first_feedback.clear_message()
        self.repeat_feedback.clear_message()


class PassphraseDialog(QDialog):
    """Change the passphrase. With `forced=True` (after a recovery-key unlock) no current
    passphrase is asked and the dialog explains why it appears."""

    changed = Signal()

    def __init__(
        self,
        vault: OpenVault,
        runner: TaskRunner,
        *,
        forced: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._runner = runner
        self._forced = forced
        self.setModal(True)
        self.setMinimumWidth(520)
        if forced:
            self.setWindowTitle(self.tr("Choose a new passphrase"))
            intro = self.tr(
                "You opened the vault with your recovery key. Choose a new passphrase now; "
                "you will use it from now on."
            )
        else:
            self.setWindowTitle(self.tr("Change passphrase"))
            intro = self.tr(
                "Your data stay as they are; only the lock changes. You will need the new "
                "passphrase the next time you unlock."
            )
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(intro))
        self.current: PassphraseField | None = None
        self.current_feedback = Feedback(self.tr("Feedback on the current passphrase"), self)
        if not forced:
            self.current = PassphraseField(self.tr("Current passphrase"), self)
            form = QFormLayout()
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            form.addRow(field_label(self.tr("Current passphrase"), self.current), self.current)
            form.addRow(self.current_feedback)
            layout.addLayout(form)
        self.form = NewPassphraseForm(parent=self)
        layout.addWidget(self.form)
        self.busy = BusyIndicator(self.tr("Saving the new passphrase…"), self)
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Save passphrase"))
        self.save_button.setDefault(True)
        cancel_text = self.tr("Lock again") if forced else self.tr("Cancel")
        self.cancel_button = self.buttons.addButton(
            cancel_text, QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAccessibleName(cancel_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.form.submitted.connect(self.submit)
        layout.addWidget(self.buttons)
        (self.current or self.form.first).setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if self.busy.isVisible():
            return
        current = self.current.text() if self.current is not None else None
        if self.current is not None and not current:
            self.current_feedback.show_errors([self.tr("Type your current passphrase.")])
            return
        self.current_feedback.clear_message()
        new = self.form.validate()
        if new is None:
            return
        vault = self._vault
        self.busy.start()
        self.save_button.setEnabled(False)
        self._runner.submit(
            lambda: vault.change_passphrase(new, current=current),
            lambda _: self._done(),
            self._failed,
            owner=self,
        )

    def _done(self) -> None:
        self.busy.stop()
        self.save_button.setEnabled(True)
        self.form.clear()
        if self.current is not None:
            self.current.clear()
        self.changed.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.save_button.setEnabled(True)
        if isinstance(exc, WrongPassphrase):
            self.current_feedback.show_errors([exc.message])
        elif isinstance(exc, PassphraseRejected):
            self.form.show_errors(exc.problems)
        elif isinstance(exc, BrugfiguurError):
            self.form.show_errors([exc.message])
        else:
            self.form.show_errors(
                [self.tr("Something went wrong; the passphrase was not changed.")]
            )

    def reject(self) -> None:
        if self.busy.isVisible():
            return
        super().reject()
