"""`python -m app --demo`: a filled throwaway vault, then the unlock window with a note."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.main import DEMO_PASSPHRASE
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.field import FieldServices
from app.views.controller import AppController
from app.views.demo import DemoWindow
from app.views.unlock import UnlockWindow


def test_demo_vault_is_filled_then_offered_for_unlock(
    qtbot: QtBot, gate: VaultGate, runner: TaskRunner
) -> None:
    demo = DemoWindow(gate, runner, DEMO_PASSPHRASE, people=4, contacts_per_person=2)
    qtbot.addWidget(demo)
    demo.show()
    with qtbot.waitSignal(demo.ready, timeout=30_000):
        demo.start()
    assert demo.bar.value() == 4
    note = "Demokluis met fictieve gegevens — wachtwoordzin: oefenen met fictieve mensen"
    controller = AppController(gate, runner, prefill=DEMO_PASSPHRASE, note=note, use_dbus=False)
    first = controller.first()
    qtbot.addWidget(first)
    assert isinstance(first, UnlockWindow)
    assert first.note is not None and first.note.text() == note
    assert first.panel.passphrase.text() == DEMO_PASSPHRASE
    vault = gate.service.unlock(DEMO_PASSPHRASE)
    try:
        assert len(FieldServices(vault).caseload.rows()) == 4
    finally:
        vault.lock()
