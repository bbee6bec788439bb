"""The main window: locking (Ctrl+L, idle, suspend), drafts, clipboard, settings, audit log."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.vault import CreatedVault, OpenVault, VaultService
from app.settings import AUTO_LOCK_MINUTES
from app.views.main_window import MainWindow
from app.views.pages.today import TodayPage
from tests.conftest import CANARY, PASSPHRASE
from tests.views.conftest import FakeClock, visible_texts

NEW_PASSPHRASE = "koffie met de buren op zondag"


@pytest.fixture
def window(
    qtbot: QtBot, created: CreatedVault, gate: VaultGate, runner: TaskRunner, clock: FakeClock
) -> Iterator[MainWindow]:
    w = MainWindow(created.vault, gate, runner, clock=clock, idle_check_ms=10)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.unlocked):
        w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def unlock(qtbot: QtBot, w: MainWindow, passphrase: str = PASSPHRASE) -> OpenVault:
    w.unlock_panel.passphrase.setText(passphrase)
    with qtbot.waitSignal(w.unlocked):
        qtbot.mouseClick(w.unlock_panel.unlock_button, Qt.MouseButton.LeftButton)
    assert w.vault is not None
    return w.vault


def assert_nothing_personal(w: MainWindow) -> None:
    assert w.screens.currentWidget() is w.unlock_panel
    assert not w.shell.isVisible()
    assert all(CANARY not in t for t in visible_texts(w))


def test_ctrl_l_locks_and_the_quick_note_survives(
    qtbot: QtBot, window: MainWindow, created: CreatedVault
) -> None:
    w = window
    assert w.state_label.text() == "Ontgrendeld — vergrendelt na 5 min inactiviteit"
    w.today.note.setPlainText(CANARY)
    w.go_to(w.pages.index(w.settings))  # Instellingen: unlocking must come back here
    w.activateWindow()
    with qtbot.waitSignal(w.locked):
        qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not created.vault.is_open
    assert w.is_locked
    assert w.state_label.text() == "Vergrendeld"
    assert w.today.note.toPlainText() == ""
    assert_nothing_personal(w)

    vault = unlock(qtbot, w)
    assert w.today.note.toPlainText() == CANARY
    assert w.current_page() is w.settings
    assert w.screens.currentWidget() is w.shell
    # Restored drafts are taken out of the vault (the page keeps them from now on).
    assert vault.drafts.load(TodayPage.draft_key) is None


def test_passphrase_fields_are_never_drafted(
    qtbot: QtBot, window: MainWindow, created: CreatedVault
) -> None:
    w = window
    w.go_to(w.pages.index(w.settings))
    w.settings.open_change_passphrase()
    dialog = w.settings.passphrase_dialog
    assert dialog is not None and dialog.current is not None
    dialog.current.setText(PASSPHRASE)
    dialog.form.first.setText(CANARY + " geheim")
    with qtbot.waitSignal(w.locked):
        w.lock()
    assert w.settings.passphrase_dialog is None  # closed and deleted on lock
    vault = unlock(qtbot, w)
    drafts = [vault.drafts.load(k) for k in vault.drafts.keys()]  # noqa: SIM118 (a service method)
    assert all(PASSPHRASE not in str(d) and CANARY not in str(d) for d in drafts)


def test_idle_timeout_locks_with_fake_clock(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, created: CreatedVault
) -> None:
    w = window
    w.set_auto_lock_minutes(1)
    assert w.state_label.text() == "Ontgrendeld — vergrendelt na 1 min inactiviteit"
    w.today.note.setPlainText(CANARY)
    clock.advance(59)
    qtbot.keyClick(w.today.note, Qt.Key.Key_Space)  # activity resets the idle time
    clock.advance(59)
    with qtbot.assertNotEmitted(w.locked, wait=50):
        pass
    assert not w.is_locked
    with qtbot.waitSignal(w.locked):
        clock.advance(2)
    assert not created.vault.is_open
    assert_nothing_personal(w)
    unlock(qtbot, w)
    assert w.today.note.toPlainText().strip() == CANARY


def test_suspend_locks(qtbot: QtBot, window: MainWindow) -> None:
    from app.qt.session import SessionWatcher

    watcher = SessionWatcher(use_dbus=False)
    watcher.suspending.connect(window.lock)
    with qtbot.waitSignal(window.locked):
        watcher._on_state(Qt.ApplicationState.ApplicationSuspended)
    with qtbot.waitSignal(window.unlocked):
        window.unlock_panel.passphrase.setText(PASSPHRASE)
        window.unlock_panel.submit()
    with qtbot.waitSignal(window.locked):
        watcher.prepareForSleep(True)


def test_clipboard_with_app_text_is_cleared_on_lock(qtbot: QtBot, window: MainWindow) -> None:
    w = window
    clipboard = QGuiApplication.clipboard()
    w.today.note.setPlainText(CANARY)
    w.today.note.selectAll()
    w.today.note.copy()
    assert clipboard.text() == CANARY
    assert w.clipboard.holds_app_data
    with qtbot.waitSignal(w.locked):
        w.lock()
    assert clipboard.text() == ""


def test_clipboard_text_from_elsewhere_is_left_alone(qtbot: QtBot, window: MainWindow) -> None:
    w = window
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("iets uit een andere app")
    w.clipboard._ours = None  # as if another application had set it while we were inactive
    if clipboard.ownsClipboard():
        pytest.skip("this platform reports our own process as the clipboard owner")
    with qtbot.waitSignal(w.locked):
        w.lock()
    assert clipboard.text() == "iets uit een andere app"


def test_settings_change_auto_lock_minutes(qtbot: QtBot, window: MainWindow) -> None:
    w = window
    w.go_to(w.pages.index(w.settings))
    page = w.settings
    qtbot.waitUntil(page.auto_lock.isEnabled)  # enabled once the vault's value is loaded
    assert page.auto_lock.value() == 5
    with qtbot.waitSignal(page.auto_lock_changed) as blocker:
        page.auto_lock.setValue(17)
    assert blocker.args == [17]
    assert w.vault is not None and w.vault.settings.value(AUTO_LOCK_MINUTES) == 17
    assert w.idle.timeout_seconds == 17 * 60
    assert w.state_label.text() == "Ontgrendeld — vergrendelt na 17 min inactiviteit"
    assert "17 minuten" in page.auto_lock_feedback.text()


@pytest.mark.allow_logs("unlock failed \\(attempt")
def test_settings_change_passphrase_then_unlock_with_it(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    w = window
    w.go_to(w.pages.index(w.settings))
    qtbot.mouseClick(w.settings.change_button, Qt.MouseButton.LeftButton)
    dialog = w.settings.passphrase_dialog
    assert dialog is not None and dialog.current is not None
    dialog.current.setText("niet de huidige wachtwoordzin")
    dialog.form.first.setText(NEW_PASSPHRASE)
    dialog.form.repeat.setText(NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.current_feedback.isVisible())
    assert "huidige wachtwoordzin klopt niet" in dialog.current_feedback.text()

    dialog.current.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.settings.passphrase_dialog is None)
    assert "gewijzigd" in w.settings.passphrase_feedback.text()

    with qtbot.waitSignal(w.locked):
        w.lock()
    w.unlock_panel.passphrase.setText(PASSPHRASE)
    w.unlock_panel.submit()
    qtbot.waitUntil(lambda: w.unlock_panel.error.isVisible())
    assert "klopt niet" in w.unlock_panel.error.text()  # the old one no longer works
    clock.advance(5)
    qtbot.waitUntil(w.unlock_panel.unlock_button.isEnabled)
    unlock(qtbot, w, NEW_PASSPHRASE)


def test_settings_renew_recovery_key(qtbot: QtBot, window: MainWindow) -> None:
    w = window
    w.go_to(w.pages.index(w.settings))
    page = w.settings
    qtbot.waitUntil(
        lambda: (
            "bevestigde" in page.recovery_status_label.text()
            or "nog niet bevestigd" in page.recovery_status_label.text()
        )
    )
    qtbot.mouseClick(page.renew_button, Qt.MouseButton.LeftButton)
    confirm = page.confirm_dialog
    assert confirm is not None
    confirm.current.setText(PASSPHRASE)
    qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recovery_dialog is not None)
    dialog = page.recovery_dialog
    assert dialog is not None
    key = dialog.panel.key
    assert len(key.split("-")) == 14
    # The new key is not confirmed yet: the vault says so, and so does the page.
    assert w.vault is not None and not w.vault.recovery_status().confirmed_stored
    qtbot.waitUntil(lambda: "nog niet bevestigd" in page.recovery_status_label.text())
    dialog.panel.stored.setChecked(True)
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(dialog.panel.continue_button, Qt.MouseButton.LeftButton)
    assert w.vault is not None and w.vault.recovery_status().confirmed_stored
    assert "U bevestigde" in page.recovery_status_label.text()


def test_settings_backup(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = window
    w.go_to(w.pages.index(w.settings))
    dest = tmp_path / "kluis.bfbackup"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(dest), ""))
    )
    with qtbot.waitSignal(w.settings.backup_done) as blocker:
        qtbot.mouseClick(w.settings.backup_button, Qt.MouseButton.LeftButton)
        assert w.settings.backup_busy.isVisible()
    assert blocker.args[0].path == dest
    assert dest.exists()
    assert "Back-up bewaard in" in w.settings.backup_feedback.text()
    # A second backup to the same name is refused with a Dutch message.
    qtbot.mouseClick(w.settings.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.settings.backup_busy.isVisible())
    assert "bestaat al" in w.settings.backup_feedback.text()


def test_main_window_is_dutch_and_accessible(qtbot: QtBot, window: MainWindow) -> None:
    w = window
    nav = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert nav == [
        "Vandaag",
        "Agenda",
        "Caseload",
        "Vindplaatsen",
        "Groepswerk",
        "Sociale kaart",
        "Rapporten",
        "Instellingen",
        "Auditlog",
    ]
    english = {
        "Today",
        "Settings",
        "Reports",
        "Lock",
        "Unlock",
        "Audit log",
        "Passphrase",
        "Outreach locations",
        "Quick note",
        "Backup",
        "Recovery key",
        "Continue",
    }
    for index in range(len(w.pages)):
        w.go_to(index)
        qtbot.waitUntil(lambda: not w.centralWidget().isHidden())
        texts = visible_texts(w)
        assert texts
        for text in texts:
            assert not any(text == e or text.startswith(e + " ") for e in english), text
        for widget in w.findChildren(QWidget):
            interactive = (
                QAbstractButton,
                QLineEdit,
                QPlainTextEdit,
                QAbstractSpinBox,
                QAbstractItemView,
            )
            if widget.isVisible() and isinstance(widget, interactive):
                if widget.parent() is not None and isinstance(widget.parent(), QAbstractSpinBox):
                    continue
                if type(widget).__name__ in {"QScrollBar"}:
                    continue
                assert widget.accessibleName(), widget
    assert w.today.note.placeholderText().startswith("Schrijf hier iets op")
    assert "versleuteld" in w.today.note.placeholderText()
    import re

    assert re.search(r"\d{2}/\d{2}/\d{4}", w.today.date_label.text())


def test_f1_lists_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    w = window
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: w.shortcuts_dialog is not None and w.shortcuts_dialog.isVisible())
    dialog = w.shortcuts_dialog
    assert dialog is not None
    rows = [
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    ]
    assert ("Ctrl+L", "Brugfiguur vergrendelen") in rows
    assert ("F1", "Sneltoetsen tonen") in rows
    assert ("Ctrl+8", "Naar Instellingen") in rows
    assert ("Ctrl+2", "Naar Agenda") in rows
    dialog.reject()


def test_close_locks_and_keeps_the_draft(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    vault_service: VaultService,
) -> None:
    w = MainWindow(created.vault, gate, runner)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.unlocked):
        w.show()
    w.today.note.setPlainText(CANARY)
    w.close()
    assert not created.vault.is_open
    vault = vault_service.unlock(PASSPHRASE)
    assert vault.drafts.load(TodayPage.draft_key) == {"text": CANARY}
    vault.lock()
    QApplication.processEvents()


def test_switching_page_by_keyboard_lands_in_the_page(qtbot: QtBot, window: MainWindow) -> None:
    caseload = next(p for p in window.pages if type(p).__name__ == "CaseloadPage")
    window.activateWindow()
    window.go_to(window.pages.index(caseload))
    qtbot.waitUntil(lambda: window.focusWidget() is caseload.search)
