"""First run and unlocking, end to end against a real vault (fast KDF)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.vault import CreatedVault, OpenVault, VaultService
from app.views.setup_window import SetupWindow
from app.views.unlock import UnlockWindow
from tests.conftest import PASSPHRASE
from tests.views.conftest import FakeClock

NEW_PASSPHRASE = "fietsen langs de leie in de regen"


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_setup_wizard_end_to_end(
    qtbot: QtBot, gate: VaultGate, runner: TaskRunner, vault_service: VaultService
) -> None:
    w = SetupWindow(gate, runner)
    qtbot.addWidget(w)
    w.show()
    form = w.form

    # Too short: Dutch feedback while typing, and the button refuses.
    form.first.setText("zomer2024")
    assert form.first_feedback.isVisible()
    assert "minstens 12 tekens" in form.first_feedback.text()
    click(qtbot, w.create_button)
    assert not vault_service.exists()

    # Predictable (a repeated unit) is refused too.
    form.first.setText("abcabcabcabcabc")
    assert "te bekend of te voorspelbaar" in form.first_feedback.text()
    click(qtbot, w.create_button)
    assert not vault_service.exists()

    # A good one, repeated wrongly.
    form.first.setText(PASSPHRASE)
    assert form.first_feedback.text() == "✓ Deze wachtwoordzin is goed."
    form.repeat.setText(PASSPHRASE + "x")
    click(qtbot, w.create_button)
    assert "niet gelijk" in form.repeat_feedback.text()
    assert not vault_service.exists()

    # Repeated right: the vault is made on the worker, then the recovery key is shown.
    form.repeat.setText(PASSPHRASE)
    click(qtbot, w.create_button)
    qtbot.waitUntil(lambda: w.on_recovery_step)
    assert vault_service.exists()
    key = w.recovery.key
    assert len(key.split("-")) == 14
    assert key.split("-")[0] in w.recovery.key_label.text()
    assert form.first.text() == "" and form.repeat.text() == ""

    # Continue is blocked until the checkbox is ticked.
    assert not w.recovery.continue_button.isEnabled()
    with qtbot.assertNotEmitted(w.finished):
        click(qtbot, w.recovery.continue_button)
    w.recovery.stored.setChecked(True)
    assert w.recovery.continue_button.isEnabled()
    click(qtbot, w.recovery.continue_button)
    qtbot.waitUntil(lambda: w.on_profile_step)
    assert w.recovery.key == ""

    # Who you are: a name is needed (it goes on the fiche); a wrong phone number is refused.
    with qtbot.assertNotEmitted(w.finished):
        click(qtbot, w.start_button)
        qtbot.waitUntil(lambda: not w.profile_busy.isVisible())
    assert "Uw naam" in w.profile.feedback.text()
    qtbot.keyClicks(w.profile.name, "An Claes")
    qtbot.keyClicks(w.profile.function, "straathoekwerker")
    qtbot.keyClicks(w.profile.phone, "0489 12 34")
    with qtbot.assertNotEmitted(w.finished):
        click(qtbot, w.start_button)
        qtbot.waitUntil(lambda: not w.profile_busy.isVisible())
    assert "Belgisch nummer" in w.profile.feedback.text()
    assert w.focusWidget() is w.profile.phone
    w.profile.phone.setText("0489 12 34 56")
    with qtbot.waitSignal(w.finished) as blocker:
        click(qtbot, w.start_button)
    vault = blocker.args[0]
    assert isinstance(vault, OpenVault)
    assert vault.recovery_status().confirmed_stored
    me = vault.workers.me()
    assert me is not None
    assert (me.name, me.function, me.phone) == ("An Claes", "straathoekwerker", "+32489123456")
    assert me.id == vault.device.worker_id
    vault.lock()
    # The key shown is the real recovery key.
    opened = vault_service.unlock_with_recovery_key(key)
    assert opened.must_change_passphrase
    opened.lock()


def test_recovery_key_pdf(
    qtbot: QtBot,
    gate: VaultGate,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: object,
) -> None:
    w = SetupWindow(gate, runner)
    qtbot.addWidget(w)
    w.show()
    w.form.first.setText(PASSPHRASE)
    w.form.repeat.setText(PASSPHRASE)
    w.submit()
    qtbot.waitUntil(lambda: w.on_recovery_step)
    target = tmp_path / "noodsleutel"
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    click(qtbot, w.recovery.print_button)
    qtbot.waitUntil(lambda: w.recovery.print_feedback.isVisible())
    pdf = target.with_suffix(".pdf")
    assert "Bewaard als" in w.recovery.print_feedback.text()
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Noodsleutel" in text and "Vertrouwelijk" in text
    for group in w.recovery.key.split("-"):
        assert group in text
    w.close()


@pytest.mark.allow_logs("unlock failed \\(attempt")
def test_unlock_wrong_passphrase_then_countdown_then_right(
    qtbot: QtBot, created: CreatedVault, gate: VaultGate, runner: TaskRunner, clock: FakeClock
) -> None:
    created.vault.lock()
    w = UnlockWindow(gate, runner, clock=clock)
    qtbot.addWidget(w)
    w.show()
    panel = w.panel
    panel.passphrase.setText("dit is helemaal niet juist")
    click(qtbot, panel.unlock_button)
    qtbot.waitUntil(lambda: panel.error.isVisible())
    assert "De wachtwoordzin klopt niet" in panel.error.text()
    # Disabled with a countdown for retry_after (1 s after the first failure).
    assert not panel.unlock_button.isEnabled()
    assert panel.unlock_button.text() == "Opnieuw proberen over 1 seconde"
    panel.passphrase.setText(PASSPHRASE)
    with qtbot.assertNotEmitted(w.unlocked):
        panel.submit()  # Enter during the countdown does nothing
    clock.advance(1.01)
    qtbot.waitUntil(panel.unlock_button.isEnabled)
    assert panel.unlock_button.text() == "Ontgrendelen"
    with qtbot.waitSignal(w.unlocked) as blocker:
        click(qtbot, panel.unlock_button)
    vault = blocker.args[0]
    assert vault.is_open and not vault.must_change_passphrase
    assert panel.passphrase.text() == ""
    vault.lock()


@pytest.mark.allow_logs("unlock failed \\(attempt")
def test_growing_delay_is_shown(
    qtbot: QtBot, created: CreatedVault, gate: VaultGate, runner: TaskRunner, clock: FakeClock
) -> None:
    created.vault.lock()
    w = UnlockWindow(gate, runner, clock=clock)
    qtbot.addWidget(w)
    w.show()
    panel = w.panel
    for expected in ("1 seconde", "2 seconden"):
        panel.passphrase.setText("fout fout fout fout")
        panel.submit()
        qtbot.waitUntil(lambda: not panel.busy.isVisible() and panel.error.isVisible())
        assert panel.unlock_button.text().endswith(expected)
        clock.advance(10)
        qtbot.waitUntil(panel.unlock_button.isEnabled)


def test_recovery_unlock_forces_new_passphrase(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    vault_service: VaultService,
) -> None:
    created.vault.lock()
    w = UnlockWindow(gate, runner)
    qtbot.addWidget(w)
    w.show()
    panel = w.panel
    assert panel.switch_button.text() == "Wachtwoordzin vergeten? Gebruik uw herstelsleutel"
    click(qtbot, panel.switch_button)
    assert panel.recovery_mode
    assert panel.unlock_button.text() == "Ontgrendelen met herstelsleutel"

    # A typo is reported as such.
    panel.recovery_key.setText("ABCD-EFGH")
    click(qtbot, panel.unlock_button)
    qtbot.waitUntil(lambda: panel.error.isVisible())
    assert "geen geldige herstelsleutel" in panel.error.text()

    panel.recovery_key.setText(created.recovery_key.lower().replace("-", " "))
    with qtbot.assertNotEmitted(w.unlocked):
        click(qtbot, panel.unlock_button)
        qtbot.waitUntil(lambda: panel.new_passphrase_dialog is not None)
    dialog = panel.new_passphrase_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.current is None  # no current passphrase asked
    assert dialog.windowTitle() == "Kies een nieuwe wachtwoordzin"
    dialog.form.first.setText("te kort")
    click(qtbot, dialog.save_button)
    assert "minstens 12 tekens" in dialog.form.first_feedback.text()
    dialog.form.first.setText(NEW_PASSPHRASE)
    dialog.form.repeat.setText(NEW_PASSPHRASE)
    with qtbot.waitSignal(w.unlocked) as blocker:
        click(qtbot, dialog.save_button)
    vault = blocker.args[0]
    assert not vault.must_change_passphrase
    vault.lock()
    vault_service.unlock(NEW_PASSPHRASE).lock()


def test_recovery_unlock_cancelled_locks_again(
    qtbot: QtBot, created: CreatedVault, gate: VaultGate, runner: TaskRunner
) -> None:
    created.vault.lock()
    w = UnlockWindow(gate, runner)
    qtbot.addWidget(w)
    w.show()
    w.panel.set_recovery_mode(True)
    w.panel.recovery_key.setText(created.recovery_key)
    w.panel.submit()
    qtbot.waitUntil(lambda: w.panel.new_passphrase_dialog is not None)
    dialog = w.panel.new_passphrase_dialog
    assert dialog is not None
    with qtbot.assertNotEmitted(w.unlocked):
        click(qtbot, dialog.cancel_button)
        qtbot.waitUntil(lambda: not runner.busy)
    assert "opnieuw vergrendeld" in w.panel.error.text()
