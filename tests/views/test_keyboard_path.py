"""The keyboard path of the main window: focus never switches the page by itself (ZRM save,
Shift+Tab), Vandaag's cards and its visible "New contact moment"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
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
    QTest.keyClick(tab.new_button, Qt.Key.Key_Space)
    view = tab.form.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    tab.form.assessor.setText("An")
    for level in "4433443344334":
        QTest.keyClicks(view, level)
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
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
        QTest.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        reached_nav = reached_nav or QApplication.focusWidget() is w.nav
        assert w.page_stack.currentWidget() is pf
    assert reached_nav  # focus passed through the navigation on its way round
    # From the navigation the worker does choose, with the arrow keys or Enter.
    w.nav.setFocus()
    QTest.keyClick(w.nav, Qt.Key.Key_Up)
    assert w.page_stack.currentWidget() is w.pages[w.pages.index(w.caseload) - 1]


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
    QTest.keyClick(overdue, Qt.Key.Key_Return)
    assert today.list_stack.currentWidget() is today.todos_overdue
    assert "Huurcontract meebrengen" in today.todos_overdue.item(0).text()
    # The visible button opens quick entry.
    assert today.new_button.isVisible()
    with qtbot.waitSignal(w.quick.opened, timeout=10_000):
        QTest.mouseClick(today.new_button, Qt.MouseButton.LeftButton)
    assert w.quick.dialog is not None
    w.quick.dialog.reject()


def test_vandaag_on_an_empty_vault_says_so_honestly(qtbot: QtBot, window: MainWindow) -> None:
    today = window.today
    qtbot.waitUntil(lambda: today.overview is not None, timeout=10_000)
    assert all(c.count == 0 for c in today.cards)
    text = today.stale.item(0).text()
    assert "Nog niemand in uw caseload" in text
    assert "onlangs" not in text  # no praise for contacts that never happened


# --- quick entry ---------------------------------------------------------------------------------
class Keys:
    """Types into whatever has focus, as a worker would, and counts every key."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0
        self.log: list[str] = []

    def focused(self) -> QWidget:
        w = QApplication.focusWidget()
        assert w is not None, "nothing has focus"
        return w

    def key(self, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.focused(), key, mod)
        self.count += 1
        self.log.append(f"{mod.name}+{key.name}" if mod.value else key.name)

    def alt(self, letter: str) -> None:
        self.key(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)

    def type(self, text: str) -> None:
        for ch in text:
            QTest.keyClicks(self.focused(), ch)
        self.count += len(text)
        self.log.append(repr(text))


@pytest.fixture
def street(field: FieldServices, clock_now: list[datetime]) -> dict[str, str]:
    """Zoë among 18 people called Adam, two vindplaatsen; the last contact was by phone."""
    from app.services.people import PseudonymInput
    from app.services.vindplaatsen import VindplaatsInput

    ids = {
        "Sint-Pietersplein": field.vindplaatsen.create(
            VindplaatsInput("Sint-Pietersplein", "plek", area="Gent")
        ),
        "Zuidpark": field.vindplaatsen.create(VindplaatsInput("Zuidpark", "plek", area="Gent")),
    }
    ids["Zoë"] = field.people.create_pseudonym(
        PseudonymInput("Zoë", date(2026, 9, 1), "vindplaats", vindplaats_id=ids["Zuidpark"])
    )
    for i in range(18):
        pid = field.people.create_pseudonym(
            PseudonymInput(
                "Adam", date(2026, 1, 1 + i), "vindplaats", vindplaats_id=ids["Zuidpark"]
            ),
            allow_duplicate=True,
        )
        field.people.upgrade_to_client(
            pid,
            ClientDetails(
                "Adam", f"Peeters{i}", date(2026, 2, 1), date_of_birth=date(1980 + i, 5, 1)
            ),
            allow_duplicate=True,
        )
    field.contacts.create(
        ContactInput(NOW - timedelta(days=3), "telefoon", (Participant(ids["Zoë"]),))
    )
    return ids


def _open(qtbot: QtBot, w: MainWindow, keys: Keys):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.quick.opened, timeout=10_000) as opened:
        keys.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.picker)
    return dialog


def test_a_realistic_street_contact_in_at_most_60_keys(
    qtbot: QtBot, window: MainWindow, field: FieldServices, street: dict[str, str]
) -> None:
    """Person, summary, channel, 20 minutes, vindplaats, life domain, next contact in a week
    and a to-do — typed, not set: every key a worker presses is counted."""
    w = window
    keys = Keys(qtbot)
    dialog = _open(qtbot, w, keys)
    keys.type("zoe")
    keys.key(Qt.Key.Key_Return)
    assert dialog.person_ids() == [street["Zoë"]]
    keys.key(Qt.Key.Key_Tab)
    assert keys.focused() is dialog.summary
    keys.type("Over huur gepraat")
    keys.alt("k")  # Kanaal
    assert keys.focused() is dialog.channel
    keys.type("w")  # Wandelgesprek
    keys.alt("d")  # Duur
    assert keys.focused() is dialog.duration
    keys.type("20")
    keys.alt("v")  # Vindplaats
    keys.type("s")  # Sint-Pietersplein
    keys.alt("l")  # Levensdomeinen
    keys.type("h")  # Huisvesting
    keys.key(Qt.Key.Key_Space)
    keys.alt("o")  # Volgend contact
    assert keys.focused() is dialog.next_contact
    keys.type("+7")
    keys.alt("a")  # Afspraak
    assert keys.focused() is dialog.todo
    keys.type("Loonfiche meebrengen")
    with qtbot.waitSignal(w.quick.saved, timeout=10_000) as saved:
        keys.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    print(f"quick-entry keys for a realistic street contact: {keys.count}")
    assert keys.count <= 60, keys.log
    c = field.contacts.get(saved.args[0])
    assert c.people == (Participant(street["Zoë"]),)
    assert c.summary == "Over huur gepraat"
    assert c.channel == "wandelgesprek"
    assert c.duration_min == 20
    assert c.vindplaats_id == street["Sint-Pietersplein"]
    assert c.life_domains == ("huisvesting",)
    assert c.occurred_at == NOW
    assert c.next_contact_at == datetime(2026, 11, 27, 10, 0)  # a week later, on the hour
    todos = field.contacts.agreements(street["Zoë"])
    assert [t.description for t in todos] == ["Loonfiche meebrengen"]


def test_every_quick_entry_field_is_one_tab_after_the_other(
    qtbot: QtBot, window: MainWindow, street: dict[str, str]
) -> None:
    keys = Keys(qtbot)
    dialog = _open(qtbot, window, keys)
    keys.type("zoe")
    keys.key(Qt.Key.Key_Return)
    expected = [w for w in dialog.tab_order if w is not dialog.participants][1:]
    for widget in expected[:16]:
        keys.key(Qt.Key.Key_Tab)
        assert keys.focused() is widget, (keys.focused().accessibleName(), widget.accessibleName())
    # And back: Shift+Tab walks the same path the other way.
    for widget in reversed(expected[:15]):
        keys.key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert keys.focused() is widget


def test_saving_without_a_life_domain_says_so_once(
    qtbot: QtBot, window: MainWindow, field: FieldServices, street: dict[str, str]
) -> None:
    w = window
    keys = Keys(qtbot)
    dialog = _open(qtbot, w, keys)
    keys.type("zoe")
    keys.key(Qt.Key.Key_Return)
    keys.key(Qt.Key.Key_Tab)
    keys.type("Even gegroet")
    keys.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    err = dialog.error_for("life_domains")
    assert err is not None and err.isVisible() and "levensdomein" in err.text()
    assert keys.focused() is dialog.domains
    with qtbot.waitSignal(w.quick.saved, timeout=10_000) as saved:
        keys.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # a second time: saved
    assert field.contacts.get(saved.args[0]).life_domains == ()


def test_the_organisation_can_turn_the_life_domain_check_off(
    qtbot: QtBot, window: MainWindow, street: dict[str, str]
) -> None:
    from app.settings import CONTACT_REQUIRES_LIFE_DOMAIN

    w = window
    assert w.vault is not None
    w.vault.settings.change(CONTACT_REQUIRES_LIFE_DOMAIN, False)
    keys = Keys(qtbot)
    _open(qtbot, w, keys)
    keys.type("zoe")
    keys.key(Qt.Key.Key_Return)
    with qtbot.waitSignal(w.quick.saved, timeout=10_000):
        keys.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_the_picker_tells_eighteen_adams_apart_and_starts_a_new_person(
    qtbot: QtBot, window: MainWindow, field: FieldServices, street: dict[str, str]
) -> None:
    w = window
    keys = Keys(qtbot)
    dialog = _open(qtbot, w, keys)
    keys.type("adam")
    results = dialog.picker.results
    rows = [results.item(i).text() for i in range(results.count())]
    adams = [r for r in rows if r.startswith("Adam (")]
    assert len(adams) == 18  # more than eight, each told apart
    assert "geboren 1980" in adams[0] or any("geboren 1980" in a for a in adams)
    assert len(set(adams)) == 18
    assert rows[-1] == "Nieuwe persoon “adam”…"
    # Down to the last row, Enter: a new person with the typed alias.
    for _ in range(len(rows)):
        keys.key(Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.picker.new_person):
        keys.key(Qt.Key.Key_Return)
    new = dialog.new_person_dialog
    assert new is not None
    assert new.alias.text() == "adam"
    new.alias.setText("Adam K")
    new.vindplaats.setCurrentIndex(new.vindplaats.findData(street["Zuidpark"]))
    with qtbot.waitSignal(new.saved, timeout=10_000):
        new.submit()
    qtbot.waitUntil(lambda: dialog.new_person_dialog is None)
    assert len(dialog.person_ids()) == 1
    person = field.people.get(dialog.person_ids()[0])
    assert person.alias == "Adam K"
    assert keys.focused() is dialog.summary
    dialog.reject()


# --- caseload search -------------------------------------------------------------------------
def test_search_shows_names_first_says_where_and_tab_leaves_the_table(
    qtbot: QtBot, window: MainWindow, field: FieldServices
) -> None:
    zoe = field.people.create_pseudonym(PseudonymInput("Zoë", date(2026, 9, 1), "mond_aan_mond"))
    jan = field.people.create_pseudonym(
        PseudonymInput("Jan", date(2026, 9, 1), "mond_aan_mond", note="Wil werk zoeken")
    )
    for alias in ("Mo", "Kris"):
        pid = field.people.create_pseudonym(
            PseudonymInput(alias, date(2026, 9, 1), "mond_aan_mond")
        )
        field.contacts.create(
            ContactInput(
                NOW, "telefoon", (Participant(pid),), summary="Vacatures zoeken op de VDAB-site"
            )
        )
    w = window
    page = w.caseload
    w.search_caseload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    with qtbot.waitSignal(page.searched, timeout=10_000):
        QTest.keyClicks(page.search, "zoe")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 4)
    match_col = page.model.COLUMNS.index("match")

    def shown() -> list[tuple[str, str]]:
        return [
            (page.proxy.index(r, 0).data(), page.proxy.index(r, match_col).data())
            for r in range(page.proxy.rowCount())
        ]

    rows = shown()
    assert rows[0] == ("Zoë", "alias")
    assert rows[1] == ("Jan", "notitie")
    assert {r[1] for r in rows[2:]} == {"contactmoment"}
    # Only names: the worker looking for Zoë sees Zoë.
    with qtbot.waitSignal(page.searched, timeout=10_000):
        page.names_only.setChecked(True)
    assert shown() == [("Zoë", "alias")]
    # Down into the results, then Tab leaves the table instead of walking its cells.
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    QTest.keyClick(page.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.table
    assert page.table.currentIndex().column() == 0
    del zoe, jan


# --- the person file at a glance -------------------------------------------------------------
def test_person_overview_shows_where_the_person_stands(
    qtbot: QtBot, window: MainWindow, field: FieldServices, clock_now: list[datetime]
) -> None:
    from app.services.sharing import ConsentInput, OrganisationInput
    from app.services.situation import DrempelInput
    from app.services.vindplaatsen import VindplaatsInput

    vp = field.vindplaatsen.create(VindplaatsInput("Sint-Pietersplein", "plek", area="Gent"))
    pid = field.people.create_pseudonym(
        PseudonymInput("Rosa", date(2026, 6, 1), "vindplaats", vindplaats_id=vp)
    )
    field.people.upgrade_to_client(pid, ClientDetails("Rosa", "Peeters", date(2026, 7, 1)))
    field.trajectory.change_phase(pid, "contextvoorwaarden", date(2026, 10, 9), "Huur eerst")
    field.situation.add_drempel(pid, DrempelInput("huisvesting", "actief"))
    field.situation.add_drempel(pid, DrempelInput("financien", "opgelost"))
    field.contacts.add_agreement(
        AgreementInput(
            "Huurcontract meebrengen", "persoon", due_on=date(2026, 11, 18), person_id=pid
        )
    )
    codes = editions()["2017"].codes()
    field.zrm.save(
        AssessmentInput(
            pid, date(2026, 7, 1), "An", {c: DomainScore(c, 2, None, "persoon") for c in codes}
        )
    )
    later = {c: DomainScore(c, 3 if i < 4 else 2, None, "persoon") for i, c in enumerate(codes)}
    field.zrm.save(AssessmentInput(pid, date(2026, 11, 1), "An", later))
    org = field.social_map.create(OrganisationInput("OCMW Gent", "ocmw"))
    field.consents.record(
        ConsentInput(
            pid,
            ("persoonsgegevens",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 10, 1),
            organisation_ids=(org,),
            valid_until=date(2027, 3, 31),
        )
    )
    w = window
    with qtbot.waitSignal(w.person_file.loaded, timeout=10_000):
        w.open_person(pid)
    g = w.person_file.glance_texts()
    assert g["Fase"].startswith("Contextvoorwaarden — sinds 09/10/2026 (6 weken)")
    assert g["Volgend contact"] == "⚠ niet gepland"
    assert g["Afspraken"] == "⚠ 1 open, 1 te laat — Huurcontract meebrengen (uiterlijk 18/11/2026)"
    assert g["Drempels"] == "Huisvesting"
    assert g["ZRM"].startswith(
        "01/11/2026: gemiddeld 2,3 (▲ +0,3 sinds 01/07/2026; 4 beter, 0 slechter)"
    )
    assert g["Toestemming"] == "1 geldige toestemming — tot 31/03/2027"
    assert g["Eerst ontmoet"] == "01/06/2026 — op Sint-Pietersplein"
    file = w.person_file.file
    assert file is not None
    assert g["Werker"] == (file.worker_name or "—")
    assert w.person_file.glance_box.isVisible()


def test_the_national_register_number_stays_editable(
    qtbot: QtBot, window: MainWindow, field: FieldServices
) -> None:
    pid = field.people.create_pseudonym(PseudonymInput("Rosa", date(2026, 6, 1), "mond_aan_mond"))
    field.people.upgrade_to_client(
        pid,
        ClientDetails(
            "Rosa",
            "Peeters",
            date(2026, 7, 1),
            date_of_birth=date(1985, 7, 30),
            national_number="85.07.30-033.28",
        ),
    )
    body = "850730035"  # a typo in the number: the right one is another person's sequence
    right = body + f"{97 - int(body) % 97:02d}"
    w = window
    with qtbot.waitSignal(w.person_file.loaded, timeout=10_000):
        w.open_person(pid)
    w.person_file.open_edit()
    dialog = w.person_file.dialog
    assert dialog is not None
    assert dialog.national.text() == "85.07.30-033.28"  # type: ignore[attr-defined]
    dialog.national.setText(right)  # type: ignore[attr-defined]
    with qtbot.waitSignal(w.person_file.loaded, timeout=10_000):
        dialog.submit()  # type: ignore[attr-defined]
    assert field.people.get(pid).national_number == right
