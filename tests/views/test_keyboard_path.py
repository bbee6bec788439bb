"""The keyboard path of the main window: focus never switches the page by itself (ZRM save,
Shift+Tab), Vandaag's cards and its visible "New contact moment"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.zrm import DomainScore
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.contacts import AgreementInput, ContactInput, Participant
from app.services.field import FieldServices
from app.services.people import ClientDetails, PseudonymInput
from app.services.vault import CreatedVault
from app.services.zrm import AssessmentInput, editions
from app.views.main_window import MainWindow
from tests.views.conftest import FakeClock, open_main_window

NOW = datetime(2026, 11, 20, 10, 30)


@pytest.fixture
def person(field: FieldServices) -> str:
    pid = field.people.create_pseudonym(PseudonymInput("Rosa", date(2025, 1, 1), "mond_aan_mond"))
    field.people.upgrade_to_client(pid, ClientDetails("Rosa", "Peeters", date(2025, 2, 1)))
    scores = {c: DomainScore(c, 3, None, "persoon") for c in editions()["2017"].codes()}
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
) -> Iterator[MainWindow]:
    w = open_main_window(qtbot, created, gate, runner, clock, clock_now)
    w.activateWindow()
    yield w
    w.close()


def test_saving_a_zrm_assessment_stays_in_the_person_file(
    qtbot: QtBot, window: MainWindow, person: str
) -> None:
    w = window
    pf = w.person_file
    tab = pf.zrm_tab
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        w.open_person(person)
    pf.tabs.setCurrentWidget(tab)
    qtbot.keyClick(tab.new_button, Qt.Key.Key_Space)
    view = tab.form.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    tab.form.assessor.setText("An")
    for level in "4433443344334":
        qtbot.keyClick(view, level)
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 2, timeout=10_000)
    assert w.page_stack.currentWidget() is pf  # not thrown out to Vandaag
    assert QApplication.focusWidget() is tab.history_table
    assert w.nav.currentRow() == w.pages.index(w.caseload)  # the section it belongs to


def test_shift_tab_through_the_whole_window_never_switches_the_page(
    qtbot: QtBot, window: MainWindow, person: str
) -> None:
    w = window
    pf = w.person_file
    with qtbot.waitSignal(pf.loaded, timeout=10_000):
        w.open_person(person)
    reached_nav = False
    for _ in range(60):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        reached_nav = reached_nav or QApplication.focusWidget() is w.nav
        assert w.page_stack.currentWidget() is pf
    assert reached_nav  # focus passed through the navigation on its way round
    # From the navigation the worker does choose, with the arrow keys or Enter.
    w.nav.setFocus()
    qtbot.keyClick(w.nav, Qt.Key.Key_Up)
    assert w.page_stack.currentWidget() is w.today


def _busy_day(field: FieldServices, clock_now: list[datetime]) -> dict[str, str]:
    clock_now[0] = NOW - timedelta(days=10)
    ids = {}
    for alias in ("Zoë", "Mo", "Kris"):
        ids[alias] = field.people.create_pseudonym(
            PseudonymInput(alias, date(2026, 9, 1), "mond_aan_mond")
        )
    field.contacts.create(
        ContactInput(
            clock_now[0],
            "telefoon",
            (Participant(ids["Mo"]),),
            summary="Belde over de huurwaarborg",
            next_contact_at=datetime(2026, 11, 20, 14, 0),
            agreements=(
                AgreementInput("Huurcontract meebrengen", "persoon", due_on=date(2026, 11, 18)),
            ),
        )
    )
    clock_now[0] = NOW
    return ids


def test_vandaag_shows_cards_with_counts_that_open_their_list(
    qtbot: QtBot, field: FieldServices, clock_now: list[datetime], request: pytest.FixtureRequest
) -> None:
    _busy_day(field, clock_now)
    w: MainWindow = request.getfixturevalue("window")
    today = w.today
    qtbot.waitUntil(lambda: today.overview is not None, timeout=10_000)

    def count(lst: object) -> int | None:
        return today.card_for(lst).count  # type: ignore[arg-type]

    assert today.card_for(today.planned).accessibleName() == "Gepland vandaag: 1"
    assert count(today.todos_overdue) == 1
    assert count(today.todos_due) == 0
    # Zoë and Kris, met in September, had no contact since.
    assert count(today.stale) == 2
    overdue = today.card_for(today.todos_overdue)
    assert overdue.urgent
    # The first card with something in it is open: today's planned contact.
    assert today.list_stack.currentWidget() is today.planned
    assert today.planned.item(0).text().startswith("14:00 — Mo")
    # Enter on a card opens its list; Enter on a line opens the person.
    overdue.setFocus()
    qtbot.keyClick(overdue, Qt.Key.Key_Return)
    assert today.list_stack.currentWidget() is today.todos_overdue
    assert "Huurcontract meebrengen" in today.todos_overdue.item(0).text()
    # The visible button opens quick entry.
    assert today.new_button.isVisible()
    with qtbot.waitSignal(w.quick.opened, timeout=10_000):
        qtbot.mouseClick(today.new_button, Qt.MouseButton.LeftButton)
    assert w.quick.dialog is not None
    w.quick.dialog.reject()


def test_vandaag_on_an_empty_vault_says_so_honestly(qtbot: QtBot, window: MainWindow) -> None:
    today = window.today
    qtbot.waitUntil(lambda: today.overview is not None, timeout=10_000)
    assert all(c.count == 0 for c in today.cards)
    text = today.stale.item(0).text()
    assert "Nog niemand in uw caseload" in text
    assert "onlangs" not in text  # no praise for contacts that never happened
