"""The audit log model and page."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.services.audit import AuditEvent, AuditRow
from app.services.vault import OpenVault
from app.settings import AUTO_LOCK_MINUTES
from app.views.pages.audit import AuditLogPage, AuditTableModel, event_label


def test_model_passes_modeltester_and_speaks_dutch(
    qtmodeltester: ModelTester, vault: OpenVault
) -> None:
    vault.settings.change(AUTO_LOCK_MINUTES, 7)
    vault.audit.record(AuditEvent.BACKUP, record_type="kluis", record_id="abc-123")
    model = AuditTableModel()
    qtmodeltester.check(model)  # empty
    model.set_rows(vault.audit.entries(100, 0), vault.audit.count())
    qtmodeltester.check(model)
    assert model.rowCount() == vault.audit.count() == 4
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Tijdstip", "Gebeurtenis", "Medewerker", "Toestel", "Gegeven", "Details"]
    events = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert events == ["Back-up gemaakt", "Instelling gewijzigd", "Ontgrendeld", "Kluis gemaakt"]
    assert model.data(model.index(0, 4)) == "kluis abc-123"
    assert model.data(model.index(1, 5)) == "automatisch vergrendelen: 7"
    assert model.data(model.index(0, 3)) == "testlaptop"
    when = model.data(model.index(0, 0))
    assert len(when) == 16 and when[2] == "/" and when[5] == "/" and when[13] == ":"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole).endswith("+00:00")
    assert model.data(model.index(99, 0)) is None
    assert model.rowCount(model.index(0, 0)) == 0

    # Appending the next page keeps the model consistent.
    extra = AuditRow("999", "2026-01-05T10:00:00+00:00", "lock", "d", "d", "w", None, None, None)
    model.append_rows([extra], 5)
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.data(model.index(4, 0), Qt.ItemDataRole.DisplayRole).startswith("05/01/2026")


def test_every_audit_event_has_a_dutch_label() -> None:
    for event in AuditEvent:
        label = event_label(event.value)
        assert label != event.value, event


def test_page_loads_pages_of_entries(qtbot: QtBot, vault: OpenVault, runner: object) -> None:
    from app.qt.tasks import TaskRunner
    from app.views.pages import audit

    assert isinstance(runner, TaskRunner)
    for _ in range(5):
        vault.audit.record(AuditEvent.SETTINGS_CHANGED, detail="x")
    old = audit.PAGE_SIZE
    audit.PAGE_SIZE = 3
    try:
        page = AuditLogPage(runner)
        qtbot.addWidget(page)
        page.on_unlocked(vault)
        with qtbot.waitSignal(page.loaded):
            page.show()
        assert page.model.rowCount() == 3
        assert page.summary.text() == "3 van 7 regels getoond."
        assert page.more_button.isEnabled()
        with qtbot.waitSignal(page.loaded):
            page.more_button.click()
        with qtbot.waitSignal(page.loaded):
            page.more_button.click()
        assert page.model.rowCount() == 7
        assert not page.more_button.isEnabled()
        page.on_locked()
        assert page.model.rowCount(QModelIndex()) == 0
    finally:
        audit.PAGE_SIZE = old
