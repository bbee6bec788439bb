"""Field registration screens: quick entry by keyboard, caseload, person file, vindplaatsen,
Vandaag, discreet mode, drafts across a lock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.contacts import ContactInput, Participant
from app.services.field import FieldServices
from app.services.people import ClientDetails, PseudonymInput
from app.services.vault import CreatedVault, OpenVault
from app.services.vindplaatsen import VindplaatsInput
from app.views.discreet import Discretion
from app.views.main_window import MainWindow
from app.views.models.caseload import CaseloadFilter, CaseloadModel
from app.views.quick_entry import DRAFT_KEY, QuickEntryDialog
from tests.conftest import PASSPHRASE
from tests.views.conftest import FakeClock, visible_texts

NOW = datetime(2026, 11, 20, 10, 30)


def _seed(field: FieldServices) -> dict[str, str]:
    vp = field.vindplaatsen.create(VindplaatsInput("Sint-Pietersplein", "plek", area="Gent"))
    ids = {}
    for alias, given, family in (
        ("Zoë", "Zoë", "Vermeulen"),
        ("Mo", "Mohamed", "El Amrani"),
        ("Kris", None, None),
    ):
        pid = field.people.create_pseudonym(
            PseudonymInput(alias, date(2026, 9, 1), "vindplaats", vindplaats_id=vp)
        )
        if given and family:
            field.people.upgrade_to_client(pid, ClientDetails(given, family, date(2026, 10, 1)))
        ids[alias] = pid
    field.contacts.create(
        ContactInput(
            NOW - timedelta(days=2),
            "telefoon",
            (Participant(ids["Mo"]),),
            summary="Belde over de huurwaarborg",
            next_contact_at=datetime(2026, 11, 20, 14, 0),
        )
    )
    ids["vindplaats"] = vp
    return ids


@pytest.fixture
def seeded(field: FieldServices) -> dict[str, str]:
    return _seed(field)


@pytest.fixture
def window(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    clock: FakeClock,
    clock_now: list[datetime],
    seeded: dict[str, str],
) -> Iterator[MainWindow]:
    w = MainWindow(
        created.vault,
        gate,
        runner,
        clock=clock,
        idle_check_ms=10_000,
        field_factory=lambda v: FieldServices(v, now=lambda: clock_now[0]),
    )
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.unlocked):
        w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


class KeyCounter:
    """Sends keys to whatever has focus, and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def focused(self) -> QWidget:
        w = QApplication.focusWidget()
        assert w is not None
        return w

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
        self.qtbot.keyClick(self.focused(), key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)
        self.count += len(text)


def _open_quick_entry(qtbot: QtBot, w: MainWindow, keys: KeyCounter) -> QuickEntryDialog:
    with qtbot.waitSignal(w.quick.opened) as opened:
        keys.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = opened.args[0]
    assert isinstance(dialog, QuickEntryDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.picker)
    return dialog


def test_quick_entry_with_the_keyboard_only_in_few_keystrokes(
    qtbot: QtBot, window: MainWindow, field: FieldServices, seeded: dict[str, str]
) -> None:
    w = window
    w.activateWindow()
    keys = KeyCounter(qtbot)
    dialog = _open_quick_entry(qtbot, w, keys)
    keys.type("zoe")  # accents do not matter: finds Zoë
    assert dialog.picker.results.currentItem().text().startswith("Zoë")
    keys.key(Qt.Key.Key_Return)
    assert dialog.person_ids() == [seeded["Zoë"]]
    keys.key(Qt.Key.Key_Tab)
    assert keys.focused() is dialog.summary
    keys.type("Koffie gedronken")
    keys.key(Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Levensdomeinen
    keys.type("s")  # Sociaal netwerk
    keys.key(Qt.Key.Key_Space)
    with qtbot.waitSignal(w.quick.saved) as saved:
        keys.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    print(f"keystrokes for a typical contact moment: {keys.count}")
    assert keys.count <= 30
    contact = field.contacts.get(saved.args[0])
    assert contact.summary == "Koffie gedronken"
    assert contact.life_domains == ("sociaal_netwerk",)
    assert contact.people == (Participant(seeded["Zoë"]),)
    assert contact.status == "bereikt"
    assert contact.channel == "telefoon"  # the last channel used
    assert contact.occurred_at == NOW
    qtbot.waitUntil(lambda: w.quick.dialog is None)


def test_quick_entry_group_with_private_note_agreement_and_ctrl_enter(
    qtbot: QtBot, window: MainWindow, field: FieldServices, seeded: dict[str, str]
) -> None:
    w = window
    keys = KeyCounter(qtbot)
    dialog = _open_quick_entry(qtbot, w, keys)
    keys.type("moh")
    keys.key(Qt.Key.Key_Return)
    keys.type("kri")
    keys.key(Qt.Key.Key_Return)
    assert dialog.person_ids() == [seeded["Mo"], seeded["Kris"]]
    dialog.participants.item(1).setCheckState(Qt.CheckState.Unchecked)  # Kris did not come
    dialog.private_note.setPlainText("Leek moe")
    dialog.group_activity.setText("Kookatelier")
    dialog.todo.setText("Huurcontract meebrengen")
    dialog.todo_due.set_value(date(2026, 11, 27))
    dialog.domains.set_codes(["huisvesting"])
    label = dialog.form.labelForField(dialog.private_note.parentWidget())
    assert label is not None and label.text() == "Privé&notitie (alleen voor u)"
    assert "nooit gedeeld" in dialog.private_note.accessibleName()
    dialog.summary.setFocus()
    with qtbot.waitSignal(w.quick.saved) as saved:
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    c = field.contacts.get(saved.args[0])
    assert c.people == (Participant(seeded["Mo"]), Participant(seeded["Kris"], attended=False))
    assert c.private_note == "Leek moe" and c.group_activity == "Kookatelier"
    assert c.life_domains == ("huisvesting",)
    todos = field.contacts.agreements(seeded["Mo"])
    assert [(a.description, a.due_on) for a in todos] == [
        ("Huurcontract meebrengen", date(2026, 11, 27))
    ]


def test_quick_entry_shows_errors_next_to_the_field(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str]
) -> None:
    keys = KeyCounter(qtbot)
    dialog = _open_quick_entry(qtbot, window, keys)
    dialog.summary.setPlainText("zonder persoon")
    dialog.submit()
    err = dialog.error_for("people")
    assert err is not None and err.isVisible() and "Kies minstens één persoon" in err.text()
    # Everything at once, beside its field: no person, and no life domain either.
    domains = dialog.error_for("life_domains")
    assert domains is not None and domains.isVisible()
    dialog.occurred.setText("31/02/2026 10:00")  # a day that does not exist
    dialog.submit()
    when = dialog.error_for("occurred_at")
    assert err.isVisible() and "Kies minstens één persoon" in err.text()
    assert when is not None and "31/02/2026 bestaat niet" in when.text()
    assert dialog.occurred.text() == "31/02/2026 10:00"  # never quietly another date
    dialog.occurred.setText("20/11/2026 10:30")
    dialog.add_person(seeded["Kris"])
    dialog.next_contact.set_value(NOW - timedelta(days=1))
    dialog.submit()
    err2 = dialog.error_for("next_contact_at")
    assert err2 is not None and err2.isVisible()
    assert not err.isVisible() and not when.isVisible()
    assert dialog.isVisible()


def test_quick_entry_draft_survives_lock_and_unlock(
    qtbot: QtBot, window: MainWindow, created: CreatedVault, seeded: dict[str, str]
) -> None:
    w = window
    keys = KeyCounter(qtbot)
    dialog = _open_quick_entry(qtbot, w, keys)
    keys.type("zoe")
    keys.key(Qt.Key.Key_Return)
    dialog.summary.setPlainText("Half getypt verslag")
    with qtbot.waitSignal(w.locked):
        w.lock()
    assert w.quick.dialog is None
    w.unlock_panel.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(w.quick.opened, timeout=10_000) as opened:
        w.unlock_panel.submit()
    restored = opened.args[0]
    assert restored.summary.toPlainText() == "Half getypt verslag"
    assert restored.person_ids() == [seeded["Zoë"]]
    # Escape keeps it as a draft; Ctrl+N brings it back.
    restored.reject()
    qtbot.waitUntil(lambda: w.quick.dialog is None)
    vault = w.vault
    assert vault is not None
    qtbot.waitUntil(lambda: (vault.drafts.load(DRAFT_KEY) or {}).get("summary") is not None)
    assert vault.drafts.load(DRAFT_KEY)["summary"] == "Half getypt verslag"  # type: ignore[index]


def test_caseload_models_pass_the_model_tester(
    qtmodeltester: object, field: FieldServices, seeded: dict[str, str]
) -> None:
    model = CaseloadModel(Discretion())
    model.set_phases(field.vocab["phases"])
    model.set_rows(field.caseload.rows())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]
    proxy.set_filters(status="actief")
    proxy.set_search_hits([seeded["Mo"]])
    assert proxy.rowCount() == 1
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]


def test_every_model_of_the_screens_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, seeded: dict[str, str]
) -> None:
    w = window
    w.open_person(seeded["Mo"])
    qtbot.waitUntil(lambda: w.person_file.file is not None)
    pf = w.person_file
    models = [
        pf.contacts_model,
        pf.events_model,
        pf.follow_model,
        pf.network_model,
        pf.drempels_model,
        pf.work_model,
        pf.agreements_model,
    ]
    with qtbot.waitSignal(w.locations.loaded):
        w.go_to(w.pages.index(w.locations))
    models += [w.locations.model, w.locations.presence_model]
    for m in models:
        qtmodeltester.check(m)  # type: ignore[attr-defined]
    assert pf.contacts_model.rowCount() == 1


def test_caseload_search_filters_and_enter_opens_the_file(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], created: CreatedVault
) -> None:
    w = window
    with qtbot.waitSignal(w.caseload.loaded):
        w.go_to(w.pages.index(w.caseload))
    page = w.caseload
    assert page.proxy.rowCount() == 3
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    with qtbot.waitSignal(page.searched):
        qtbot.keyClicks(page.search, "huurwaar")  # a word from a contact summary
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == "Mo"
    assert page.last_search_ms is not None and page.last_search_ms < 50
    with qtbot.waitSignal(page.searched):
        page.search.clear()
    assert page.proxy.rowCount() == 3
    page.status_filter.setCurrentIndex(page.status_filter.findData("actief"))
    assert page.proxy.rowCount() == 3
    page.phase_filter.setCurrentIndex(page.phase_filter.findData("orientering"))
    assert page.proxy.rowCount() == 0
    page.phase_filter.setCurrentIndex(0)
    with qtbot.waitSignal(page.searched):
        qtbot.keyClicks(page.search, "zoe")
    assert page.proxy.rowCount() == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(w.person_file.loaded):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert w.page_stack.currentWidget() is w.person_file
    assert w.person_file.title.text() == "Zoë (Zoë Vermeulen)"
    assert "Zoë" in w.windowTitle()
    entries = created.vault.audit.entries(20, 0)
    assert any(e.event == "person_opened" and e.record_id == seeded["Zoë"] for e in entries)


def test_person_file_trajectory_upgrade_and_agreements(
    qtbot: QtBot, window: MainWindow, field: FieldServices, seeded: dict[str, str]
) -> None:
    w = window
    pf = w.person_file
    w.open_person(seeded["Kris"])
    qtbot.waitUntil(lambda: pf.file is not None)
    assert pf.upgrade_button.isVisible() is False or pf.tabs.currentIndex() == 0
    # Upgrade without a date of agreement: the error sits next to the field.
    pf.open_upgrade()
    dialog = pf.dialog
    assert dialog is not None
    dialog.given.setText("Kristof")  # type: ignore[attr-defined]
    dialog.family.setText("Peeters")  # type: ignore[attr-defined]
    dialog.submit()  # type: ignore[attr-defined]
    err = dialog.error_for("agreed_on")  # type: ignore[attr-defined]
    assert err.isVisible() and "akkoord" in err.text()
    dialog.agreed.set_value(date(2026, 11, 19))  # type: ignore[attr-defined]
    with qtbot.waitSignal(pf.loaded):
        dialog.submit()  # type: ignore[attr-defined]
    assert field.people.get(seeded["Kris"]).full_name == "Kristof Peeters"
    # A duplicate: the candidates are listed and "Toch opslaan" saves anyway.
    w.open_person(seeded["Mo"])
    qtbot.waitUntil(lambda: pf.file is not None and pf.file.person.id == seeded["Mo"])
    # Change phase needs a reason.
    pf.open_trajectory("phase")
    td = pf.dialog
    assert td is not None
    td.phase.setCurrentIndex(td.phase.findData("orientering"))  # type: ignore[attr-defined]
    td.submit()  # type: ignore[attr-defined]
    assert td.error_for("reason").isVisible()  # type: ignore[attr-defined]
    td.reason.setText("Klaar voor oriëntering")  # type: ignore[attr-defined]
    with qtbot.waitSignal(pf.loaded):
        td.submit()  # type: ignore[attr-defined]
    assert pf.file is not None and pf.file.trajectory.state.phase == "orientering"
    assert pf.events_model.index(0, 4).data() == "Klaar voor oriëntering"
    pf.open_trajectory("close")
    cd = pf.dialog
    assert cd is not None
    cd.outcome.setCurrentIndex(max(0, cd.outcome.findData("job_nec")))  # type: ignore[attr-defined]
    with qtbot.waitSignal(pf.loaded):
        cd.submit()  # type: ignore[attr-defined]
    assert pf.file is not None and pf.file.trajectory.state.closed
    assert pf.reopen_button.isEnabled()
    # Agreements: add, then Space marks it done.
    pf._add_agreement()
    ad = pf.dialog
    assert ad is not None
    ad.description.setText("Cv nakijken")  # type: ignore[attr-defined]
    with qtbot.waitSignal(pf.loaded):
        ad.submit()  # type: ignore[attr-defined]
    pf.tabs.setCurrentIndex(5)
    pf.agreements_table.setFocus()
    pf.agreements_table.setCurrentIndex(pf.agreements_model.index(0, 0))
    with qtbot.waitSignal(pf.loaded):
        qtbot.keyClick(pf.agreements_table, Qt.Key.Key_Space)
    assert field.contacts.agreements(seeded["Mo"])[0].done_on == NOW.date()


def test_new_pseudonym_with_duplicate_warning(
    qtbot: QtBot, window: MainWindow, field: FieldServices, seeded: dict[str, str]
) -> None:
    w = window
    w.activateWindow()
    qtbot.keyClick(
        w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: w.new_person_dialog is not None)
    dialog = w.new_person_dialog
    assert dialog is not None
    dialog.alias.setText("kris")  # type: ignore[attr-defined]
    dialog.vindplaats.setCurrentIndex(1)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.anyway_button.isVisible())
    assert dialog.duplicates.count() == 1 and "Kris" in dialog.duplicates.item(0).text()
    assert dialog.anyway_button.text() == "Toch opslaan"
    with qtbot.waitSignal(w.person_file.loaded):
        dialog.anyway_button.click()
    assert len(field.caseload.rows()) == 4
    assert w.person_file.title.text() == "kris"


def test_vindplaatsen_add_and_log_presence(
    qtbot: QtBot, window: MainWindow, field: FieldServices, seeded: dict[str, str]
) -> None:
    w = window
    with qtbot.waitSignal(w.locations.loaded):
        w.go_to(w.pages.index(w.locations))
    page = w.locations
    assert page.model.index(0, 1).data() == field.vocab["vindplaats_types"].label("plek")
    page._presence()
    dialog = page.dialog
    assert dialog is not None
    dialog.spoken.setValue(6)  # type: ignore[attr-defined]
    dialog.bands["18_25"].setValue(4)  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.loaded):
        dialog.submit()
    qtbot.waitUntil(lambda: page.presence_model.rowCount() == 1)
    assert page.presence_model.index(0, 1).data() == "6"
    assert page.model.index(0, 4).data() == "1"
    page._edit(None)
    vd = page.dialog
    assert vd is not None
    vd.name.setText("Sint-Pietersplein")  # type: ignore[attr-defined]
    vd.submit()
    qtbot.waitUntil(lambda: vd.error_for("name").isVisible())
    vd.name.setText("Jeugdhuis De Brug")  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.loaded):
        vd.submit()
    assert page.model.rowCount() == 2


def test_today_lists_planned_contacts_and_opens_the_file(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str]
) -> None:
    w = window
    page = w.today
    qtbot.waitUntil(lambda: page.overview is not None)
    assert page.planned.item(0).text() == "14:00 — Mo (Mohamed El Amrani)"
    assert page.todos_overdue.item(0).text() == "Niets achterstallig. Goed bezig."
    page.planned.setCurrentRow(0)
    with qtbot.waitSignal(w.person_file.loaded):
        qtbot.keyClick(page.planned, Qt.Key.Key_Return)
    assert w.person_file.person_id == seeded["Mo"]


def _all_texts(root: QWidget) -> list[str]:
    texts = visible_texts(root)
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisible():
            texts.extend(tabs.tabText(i) for i in range(tabs.count()))
    for dialog in root.findChildren(QDialog):
        if dialog.isVisible():
            texts.extend(visible_texts(dialog))
    return texts


def test_discreet_mode_hides_full_names_everywhere(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str]
) -> None:
    w = window
    full_names = ["Zoë Vermeulen", "Mohamed El Amrani"]
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert w.discretion.on and w.discreet_label.isVisible()
    assert w.discreet_label.text() == "◐ Discrete modus"
    screens: list[str] = []

    def check(where: str) -> None:
        texts = _all_texts(w)
        screens.append(where)
        for t in texts:
            assert not any(n in t for n in full_names), (where, t)

    qtbot.waitUntil(lambda: w.today.overview is not None)
    check("vandaag")
    assert "14:00 — Mo (M.E.)" in [w.today.planned.item(i).text() for i in range(1)]
    with qtbot.waitSignal(w.caseload.loaded):
        w.go_to(w.pages.index(w.caseload))
    check("caseload")
    for pid in (seeded["Zoë"], seeded["Mo"]):
        w.open_person(pid)
        qtbot.waitUntil(
            lambda p=pid: (
                w.person_file.file is not None  # type: ignore[misc]
                and w.person_file.person_id == p
            )
        )
        for i in range(w.person_file.tabs.count()):
            w.person_file.tabs.setCurrentIndex(i)
            check(f"dossier {i}")
    w.go_to(w.pages.index(w.caseload))
    keys = KeyCounter(qtbot)
    dialog = _open_quick_entry(qtbot, w, keys)
    keys.type("ver")  # matches Vermeulen by name, shows only alias and initials
    assert dialog.picker.results.item(0).text().startswith("Zoë (Z.V.) — ")
    assert "Vermeulen" not in dialog.picker.results.item(0).text()
    check("snelle invoer")
    keys.key(Qt.Key.Key_Return)
    check("snelle invoer, gekozen")
    dialog.reject()
    # Switching back shows the names again.
    w.discretion.toggle()
    assert "Vermeulen" in " ".join(_all_texts(w))
    assert len(screens) >= 10


def test_idle_lock_clears_every_field_screen(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str]
) -> None:
    w = window
    w.open_person(seeded["Zoë"])
    qtbot.waitUntil(lambda: w.person_file.file is not None)
    with qtbot.waitSignal(w.locked):
        w.lock()
    texts = " ".join(_all_texts(w))
    assert "Vermeulen" not in texts and "Zoë" not in texts
    assert w.caseload.model.rowCount() == 0 and w.person_file.contacts_model.rowCount() == 0
    w.unlock_panel.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(w.person_file.loaded, timeout=10_000):
        w.unlock_panel.submit()
    assert w.page_stack.currentWidget() is w.person_file


def test_open_vault_fixture_is_used(vault: OpenVault) -> None:
    assert vault.is_open
