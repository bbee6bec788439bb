"""The ZRM tab inside the person file: present, linked both ways with the drempels, on Vandaag."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.domain.zrm import DomainScore
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.field import FieldServices
from app.services.people import ClientDetails, PseudonymInput
from app.services.situation import DrempelInput
from app.services.vault import CreatedVault
from app.services.zrm import AssessmentInput, editions
from app.settings import MLP_CLIPBOARD_SECONDS
from app.views.main_window import MainWindow
from tests.views.conftest import FakeClock, open_main_window


@pytest.fixture
def person(field: FieldServices) -> str:
    pid = field.people.create_pseudonym(PseudonymInput("Rosa", date(2025, 1, 1), "mond_aan_mond"))
    field.people.upgrade_to_client(pid, ClientDetails("Rosa", "Peeters", date(2025, 2, 1)))
    field.situation.add_drempel(pid, DrempelInput("huisvesting", "actief", note="huur te hoog"))
    field.situation.add_drempel(pid, DrempelInput("financien", "actief"))
    scores = {
        c: DomainScore(c, 3 if c == "huisvesting" else 2, None, "persoon")
        for c in editions()["2017"].codes()
    }
    # Long ago: a new assessment is due now (shown on Vandaag).
    field.zrm.save(AssessmentInput(pid, date(2025, 3, 1), "An", scores))
    return pid


@pytest.fixture
def window(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    clock: FakeClock,
    clock_now: list[datetime],
    person: str,
) -> Iterator[MainWindow]:
    w = open_main_window(qtbot, created, gate, runner, clock, clock_now)
    yield w
    w.close()


def test_person_file_has_the_zrm_tab_linked_with_the_drempels(
    qtbot: QtBot, window: MainWindow, person: str
) -> None:
    w = window
    pf = w.person_file
    with qtbot.waitSignal(pf.zrm_tab.loaded, timeout=10_000):
        w.open_person(person)
    qtbot.waitUntil(lambda: pf.file is not None)
    titles = [pf.tabs.tabText(i).replace("&", "") for i in range(pf.tabs.count())]
    assert "ZRM" in titles
    assert pf.zrm_tab.history_model.rowCount() == 1
    # Drempels → ZRM: a link per related ZRM domain, with the latest score.
    qtbot.waitUntil(lambda: "ZRM: Huisvesting (3)" in pf.zrm_link_texts())
    assert "ZRM: Financiën (2)" in pf.zrm_link_texts()
    pf.zrm_links.linkActivated.emit("huisvesting")
    assert pf.tabs.currentWidget() is pf.zrm_tab
    sel = pf.zrm_tab.progress_table.currentIndex()
    assert pf.zrm_tab.progress_model.payload(sel.row()) == "huisvesting"
    # ZRM → drempels: openDrempels switches tabs and selects that life domain.
    pf.zrm_tab.openDrempels.emit("huisvesting")
    assert pf.tabs.currentWidget() is pf.drempels_page
    row = pf.drempels_table.current_row()
    assert row is not None and row.life_domain == "huisvesting"
    pf.zrm_tab.openDrempels.emit("justitie")
    assert pf.drempels_table.current_row() is None
    assert "Nog geen drempels genoteerd voor justitie" in pf.feedback.text()


def test_vandaag_lists_the_zrm_reassessment(qtbot: QtBot, window: MainWindow, person: str) -> None:
    w = window
    qtbot.waitUntil(lambda: w.today.overview is not None)
    lines = [w.today.reassessments.item(i).text() for i in range(w.today.reassessments.count())]
    assert any("Rosa (Rosa Peeters): laatste meting 01/03/2025" in t for t in lines), lines
    w.discretion.set_on(True)
    lines = [w.today.reassessments.item(i).text() for i in range(w.today.reassessments.count())]
    assert not any("Peeters" in t for t in lines)


def test_settings_page_mounts_the_zrm_interval_and_document_details(
    qtbot: QtBot, window: MainWindow, created: CreatedVault
) -> None:
    w = window
    s = w.settings
    w.go_to(w.pages.index(s))
    qtbot.waitUntil(lambda: s.details_box.has_loaded)
    assert s.zrm_box.isEnabled()
    s.details_box.name.setText("An Claes")
    s.details_box.organisation.setText("Outreach Gent")
    s.details_box.seconds.setValue(30)
    with qtbot.waitSignal(s.details_box.saved, timeout=10_000):
        s.details_box.save_button.click()
    me = created.vault.workers.me()
    assert me is not None and (me.name, me.organisation) == ("An Claes", "Outreach Gent")
    assert created.vault.settings.value(MLP_CLIPBOARD_SECONDS) == 30
