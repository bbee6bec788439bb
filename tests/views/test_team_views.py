"""The team screens: the agenda week by day (me or the team, discreet, exported without names),
group work from a new group to who came, and handing a caseload on from the settings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.field import FieldServices
from app.services.vault import CreatedVault, OpenVault
from app.views.main_window import MainWindow
from app.views.pages.groups import AttendanceDialog, EnrolDialog, GroupDialog, SessionDialog
from app.views.team import HandOnDialog
from tests.team_data import Known, seed_team
from tests.views.conftest import FakeClock, open_main_window


@pytest.fixture
def known(field: FieldServices, vault: OpenVault) -> Known:
    return seed_team(field, vault)


@pytest.fixture
def window(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    clock: FakeClock,
    clock_now: list[datetime],
    known: Known,
) -> Iterator[MainWindow]:
    w = open_main_window(qtbot, created, gate, runner, clock, clock_now)
    yield w
    w.close()


def _day_texts(w: MainWindow, index: int) -> list[str]:
    col = w.agenda.columns[index]
    return [col.list.item(i).text() for i in range(col.list.count())]


def test_the_agenda_shows_my_week_by_day_and_the_team_on_request(
    qtbot: QtBot, window: MainWindow, known: Known, tmp_path: Path
) -> None:
    w = window
    with qtbot.waitSignal(w.agenda.loaded):
        w.go_to(w.pages.index(w.agenda))
    page = w.agenda
    assert page.range_label.text() == "Week 47 · 16/11/2026 – 22/11/2026"
    assert page.columns[4].title.text() == "● vrijdag 20/11"  # today
    assert _day_texts(w, 1) == ["Opvolging na 3 maanden\nMira"]
    assert _day_texts(w, 2) == ["10.00 Triogesprek\nZoë (Zoë Vermeulen) · VDAB Gent"]
    assert _day_texts(w, 3) == [
        "14.00 Contact\nZoë (Zoë Vermeulen)",
        "ZRM-meting\nLina (Lina Dewulf)",
    ]
    assert _day_texts(w, 4) == [] and page.columns[4].empty.text() == "Niets gepland"
    assert _day_texts(w, 5) == ["Toestemming verloopt\nLina (Lina Dewulf)"]
    # Discreet mode: initials instead of names, at once.
    w.discretion.set_on(True)
    assert _day_texts(w, 3)[0] == "14.00 Contact\nZoë (Z.V.)"
    w.discretion.set_on(False)
    # The whole team: Bram's contact with Yusuf today, with whose it is.
    with qtbot.waitSignal(page.loaded):
        page.whose.setCurrentIndex(page.whose.findData("__team__"))
        page.whose.activated.emit(page.whose.currentIndex())
    assert _day_texts(w, 4) == ["15.00 Contact\nYusuf\nBram Peeters"]
    assert not page.export_button.isEnabled()  # only one's own week leaves as a file
    with qtbot.waitSignal(page.loaded):
        page.whose.setCurrentIndex(0)
        page.whose.activated.emit(0)
    with qtbot.waitSignal(page.loaded):
        page.next_button.click()
    assert all(not _day_texts(w, i) for i in range(7))
    with qtbot.waitSignal(page.loaded):
        page.this_week_button.click()
    # Export: straight to the chosen file, no names.
    out = tmp_path / "mijn-week"
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.export(out)
    text = (tmp_path / "mijn-week.ics").read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 5 and "Vermeulen" not in text
    assert "mijn-week.ics" in page.feedback.text()
    # Enter on an item opens the person's file.
    col = page.columns[3]
    col.list.setCurrentRow(0)
    with qtbot.waitSignal(w.person_file.loaded):
        qtbot.keyClick(col.list, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    assert w.person_file.person_id == known.zoe


def test_group_work_from_a_new_group_to_who_came(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, known: Known, field: FieldServices
) -> None:
    w = window
    with qtbot.waitSignal(w.groups.loaded):
        w.go_to(w.pages.index(w.groups))
    page = w.groups
    assert page.empty.isVisible()
    page._edit(None)
    qtbot.waitUntil(lambda: isinstance(page.dialog, GroupDialog))
    dialog = page.dialog
    assert isinstance(dialog, GroupDialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error_for("name").text()))  # type: ignore[union-attr]
    error = dialog.error_for("name")
    assert error is not None and error.text() == "✗ De naam van de groep is verplicht."
    qtbot.keyClicks(dialog.name, "Sollicitatietraining")  # type: ignore[no-untyped-call]
    dialog.kind.setCurrentIndex(dialog.kind.findData("reeks"))
    dialog.place.setText("Buurthuis De Sluis")
    with qtbot.waitSignal(page.loaded):
        dialog.save_button.click()
    assert page.model.rowCount() == 1 and page.detail is not None
    assert "georganiseerd door An Claes" in page.detail_info.text()
    # Enrol Zoë and Yusuf (filtering by typing).
    page._enrol()
    qtbot.waitUntil(lambda: isinstance(page.dialog, EnrolDialog))
    enrol = page.dialog
    assert isinstance(enrol, EnrolDialog)
    for i in range(enrol.people.count()):
        item = enrol.people.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in (known.zoe, known.yusuf):
            item.setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(enrol.filter, "yus")  # type: ignore[no-untyped-call]
    visible = [
        enrol.people.item(i).text()
        for i in range(enrol.people.count())
        if not enrol.people.item(i).isHidden()
    ]
    assert visible == ["Yusuf"]
    with qtbot.waitSignal(page.loaded):
        enrol.save_button.click()
    assert page.member_model.rowCount() == 2
    # Plan a session this morning, then say who came.
    page._plan()
    plan = page.dialog
    assert isinstance(plan, SessionDialog)
    plan.first.setDateTime(QDateTime(2026, 11, 20, 9, 0, 0))
    plan.topic.setText("Cv en sollicitatiebrief")
    with qtbot.waitSignal(page.loaded):
        plan.save_button.click()
    assert page.session_model.index(0, 2).data() == "nog noteren: wie kwam er?"  # 9.00, now 10.30
    page.session_table.selectRow(0)
    page._attendance()
    att = page.dialog
    assert isinstance(att, AttendanceDialog)
    assert len(att.came.codes()) == 2  # everyone ticked to start with
    for i in range(att.came.count()):
        item = att.came.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == known.yusuf:
            item.setCheckState(Qt.CheckState.Unchecked)
    att.unregistered.setValue(3)
    with qtbot.waitSignal(page.loaded):
        att.save_button.click()
    assert page.session_model.index(0, 2).data() == "1 van 2 ingeschreven + 3 niet ingeschreven"
    assert "1 sessie gehouden, 4 deelnemers in totaal" in page.detail_info.text()
    zoe = field.people.get(known.zoe)
    assert zoe.last_contact_at == "2026-11-20T09:00"
    for m in (page.model, page.member_model, page.session_model):
        qtmodeltester.check(m)  # type: ignore[attr-defined]


def test_handing_a_caseload_on_from_the_team_settings(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, known: Known, field: FieldServices
) -> None:
    w = window
    w.go_to(w.pages.index(w.settings))
    box = w.settings.team_box
    qtbot.waitUntil(lambda: box.model.rowCount() == 2)
    qtmodeltester.check(box.model)  # type: ignore[attr-defined]
    names = [box.model.index(r, 0).data() for r in range(2)]
    assert names == ["An Claes (u)", "Bram Peeters"]
    assert box.model.index(1, 3).data() == "1"  # Yusuf
    box.table.selectRow(1)
    dialog = box.open_hand_on()
    assert isinstance(dialog, HandOnDialog)
    assert [dialog.to.itemText(i) for i in range(dialog.to.count())] == [
        "An Claes — straathoekwerker"
    ]
    dialog.note.setPlainText("Bram vertrekt; Yusuf komt op woensdag.")
    with qtbot.waitSignal(box.loaded):
        dialog.save_button.click()
    assert box.feedback.text().endswith("1 persoon overgedragen.")
    assert box.model.index(1, 3).data() == "0"
    w.open_person(known.yusuf)
    qtbot.waitUntil(lambda: w.person_file.file is not None)
    file = w.person_file.file
    assert file is not None and file.worker_name == "An Claes"
    assert [f[0] for f in file.followed_by] == ["Bram Peeters", "An Claes"]


def test_the_dpo_gets_the_audit_the_rules_and_the_retention_list(
    qtbot: QtBot,
    qtmodeltester: object,
    window: MainWindow,
    known: Known,
    field: FieldServices,
    tmp_path: Path,
) -> None:
    from datetime import date

    from pypdf import PdfReader

    from app.services.people import PseudonymInput
    from tests.conftest import PASSPHRASE

    w = window
    old = field.people.create_pseudonym(PseudonymInput("Ilse", date(2015, 1, 5), "mond_aan_mond"))
    field.trajectory.close(old, date(2020, 6, 30), "opleiding", "")
    field.caseload.open_file(known.zoe)
    # The organisation's rules and the record of processing.
    w.go_to(w.pages.index(w.settings))
    org = w.settings.organisation_box
    qtbot.waitUntil(lambda: org.save_button.isEnabled() and org.years.value() == 5)
    org.edits["controller_name"].setText("Outreach Gent vzw")  # type: ignore[union-attr]
    org.edits["dpo_contact"].setText("Sara Maes, dpo@outreach-gent.be")  # type: ignore[union-attr]
    with qtbot.waitSignal(org.saved):
        org.save_button.click()
    with qtbot.waitSignal(org.exported, timeout=10_000):
        org.export_record(tmp_path / "register")
    text = " ".join(PdfReader(tmp_path / "register.pdf").pages[0].extract_text().split())
    assert "Outreach Gent vzw" in text and "Sara Maes" in text
    # Retention: the file closed in 2020 is due; confirming needs the passphrase.
    box = w.settings.retention_box
    qtbot.waitUntil(lambda: box.files.count() == 1)
    assert box.files.item(0).text() == "Ilse — afgesloten 30/06/2020, vervallen sinds 30/06/2025"
    box.passphrase.setText("fout fout fout fout")
    box.erase_button.click()
    qtbot.waitUntil(lambda: "klopt niet" in box.feedback.text())
    box.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(box.erased, timeout=10_000) as erased:
        box.erase_button.click()
    assert erased.args == [1]
    qtbot.waitUntil(lambda: box.files.count() == 0)
    assert "Nu vervalt geen enkel dossier." in box.summary.text()
    # The audit log: about Zoë, exported as CSV.
    with qtbot.waitSignal(w.audit.loaded):
        w.go_to(w.pages.index(w.audit))
    page = w.audit
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    events = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert "Bewaartermijn: vervallen dossiers gewist" in events
    assert "Register van verwerkingen geëxporteerd" in events
    index = page.person_filter.findData(known.zoe)
    assert index > 0
    with qtbot.waitSignal(page.loaded):
        page.person_filter.setCurrentIndex(index)
        page.person_filter.activated.emit(index)
    assert [page.model.index(r, 1).data() for r in range(page.model.rowCount())] == [
        "Persoonsdossier geopend"
    ]
    assert page.model.index(0, 2).data() == "An Claes"
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.export(tmp_path / "audit-zoe", "csv")
    rows = (tmp_path / "audit-zoe.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and "Persoonsdossier geopend" in rows[1]


def test_vandaag_is_mine_with_a_team_switch_for_a_coordinator_and_shows_who_was_handed_on(
    qtbot: QtBot, window: MainWindow, known: Known, field: FieldServices, vault: OpenVault
) -> None:
    from sqlalchemy import select

    from app.models import SyncConfig

    w = window
    today = w.today
    qtbot.waitUntil(lambda: today.overview is not None, timeout=10_000)
    # A laptop on its own holding a colleague's people (the demo team): my day by default,
    # with the switch, as for a coordinator.
    assert today.whose.isVisible() and today.whose.currentData() == ""
    assert today.card_for(today.todos_overdue).count == 0  # Yusuf's to-do is Bram's
    assert not today.handed_card.isVisible()
    # A worker's enrolled laptop: only their own day.
    with vault.context.transaction() as s:
        s.add(
            SyncConfig(
                server_url="http://127.0.0.1:1",
                organisation_id="o",
                role="worker",
                sign_private_key=b"\0" * 32,
                enrolled_at="2026-11-20T10:00:00+00:00",
            )
        )
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.reload()
    assert not today.whose.isVisible()
    assert today.card_for(today.todos_overdue).count == 0
    # A coordinator's laptop: the switch again.
    with vault.context.transaction() as s:
        cfg = s.scalars(select(SyncConfig)).one()
        cfg.role = "coordinator"
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.reload()
    assert today.whose.isVisible()
    names = [today.whose.itemText(i) for i in range(today.whose.count())]
    assert names == ["Mijn dag", "Het hele team", "Dag van Bram Peeters"]
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.whose.setCurrentIndex(1)
        today.whose.activated.emit(1)
    assert today.overview is not None and today.overview.worker_id is None
    overdue = [today.todos_overdue.item(i).text() for i in range(today.todos_overdue.count())]
    assert overdue == ["10/11/2026 — Yusuf (Bram Peeters) — Attest OCMW halen"]
    assert today.card_for(today.consents_expiring).count == 1  # Lina's, An's client
    # Bram's day: his to-do, not An's client's consent.
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.whose.setCurrentIndex(2)
        today.whose.activated.emit(2)
    assert today.card_for(today.todos_overdue).count == 1
    assert today.card_for(today.consents_expiring).count == 0
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.whose.setCurrentIndex(0)
        today.whose.activated.emit(0)
    # Yusuf is handed to this worker: Vandaag opens on him, with the note.
    field.transfers.move_person(known.yusuf, known.me, "Komt op woensdag naar het plein.")
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.reload()
    assert today.handed_card.isVisible() and today.handed_card.count == 1
    assert today.list_stack.currentWidget() is today.handed
    assert today.handed.item(0).text() == (
        "20/11/2026 — Yusuf, van Bram Peeters: “Komt op woensdag naar het plein.”"
    )
