"""Consent, sociale kaart and warm handover in the GUI: from a person file to an exported fiche,
the override, the MLP clipboard, erasure, editing, Vandaag, discreet mode and the models."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.contacts import ContactInput, Participant
from app.services.field import FieldServices
from app.services.handovers import HandoverInput
from app.services.people import ClientDetails, PseudonymInput
from app.services.sharing import ConsentInput, OrganisationInput
from app.services.vault import CreatedVault
from app.services.workers import WorkerProfile
from app.views.main_window import MainWindow
from app.views.sharing.fiche_preview import FichePreviewDialog
from app.views.sharing.tab import SharingTab
from tests.conftest import PASSPHRASE
from tests.views.conftest import FakeClock, open_main_window, visible_texts

CANARY = "GEHEIM-KANARIE-7731"
FULL_NAME = "Mohamed El Amrani"
WHY_NOW = "Ik wil terug aan het werk voor mijn kinderen."


@pytest.fixture
def person(field: FieldServices) -> str:
    field.workers.save_profile(WorkerProfile("An Claes", "straathoekwerker", "Outreach Gent"))
    pid = field.people.create_pseudonym(PseudonymInput("Mo", date(2026, 3, 1), "mond_aan_mond"))
    field.people.upgrade_to_client(pid, ClientDetails("Mohamed", "El Amrani", date(2026, 4, 1)))
    field.contacts.create(
        ContactInput(
            datetime(2026, 11, 10, 10, 0),
            "telefoon",
            (Participant(pid),),
            summary="Over werk gepraat",
            private_note=CANARY,
        )
    )
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


def _partner(field: FieldServices, name: str = "Werkwinkel Gent") -> str:
    oid = field.social_map.create(
        OrganisationInput(name, "vdab", life_domains=("werk",), measures=("ibo", "wes"))
    )
    field.social_map.add_contact(oid, "Sara Claes", "trajectbegeleider")
    return oid


def _handover(field: FieldServices, pid: str, oid: str, **over: object) -> str:
    today = field.context.today()
    values: dict[str, object] = {
        "person_id": pid,
        "type": "vdab",
        "organisation_id": oid,
        "measure": "ibo",
        "why_now": WHY_NOW,
        "job_target": "magazijnier",
        "practical": {"tolk": "Arabisch"},
        "planned_at": datetime.combine(today + timedelta(days=3), datetime.min.time()).replace(
            hour=10
        ),
        "place": "Werkwinkel",
        "expected_feedback_on": today + timedelta(days=20),
    }
    values.update(over)
    return field.handovers.create(HandoverInput(**values))  # type: ignore[arg-type]


def _open_tab(qtbot: QtBot, w: MainWindow, pid: str) -> SharingTab:
    tab = w.person_file.sharing_tab
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        w.open_person(pid)
    qtbot.waitUntil(lambda: w.person_file.file is not None)
    w.person_file.tabs.setCurrentWidget(tab)
    return tab


def _preview(qtbot: QtBot, tab: SharingTab, row: int = 0) -> FichePreviewDialog:
    tab.handover_table.selectRow(row)
    with qtbot.waitSignal(tab.previewOpened) as opened:
        tab.preview_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, FichePreviewDialog)
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    return dialog


def _events(created: CreatedVault) -> list[str]:
    return [e.event for e in created.vault.audit.entries()]


def test_from_person_file_to_an_exported_fiche(
    qtbot: QtBot,
    window: MainWindow,
    field: FieldServices,
    person: str,
    created: CreatedVault,
    tmp_path: Path,
) -> None:
    pytest.importorskip("app.documents.fiche", reason="the fiche builder is not there yet")
    from pypdf import PdfReader

    w = window
    # A partner on the sociale kaart, made through the page.
    page = w.social_map
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        w.go_to(w.pages.index(page))
    assert page.empty.isVisible()
    dialog = page.new_organisation()
    assert dialog is not None
    dialog.name.setText("Werkwinkel Gent")
    dialog.measures.set_codes(["ibo"])
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.submit()
    assert page.model.rowCount() == 1 and page.current() is not None
    contact_dialog = page.add_contact()
    assert contact_dialog is not None
    contact_dialog.name.setText("Sara Claes")
    contact_dialog.phone.setText("abc")
    contact_dialog.submit()
    qtbot.waitUntil(lambda: contact_dialog.error_for("phone").isVisible())  # type: ignore[union-attr]
    contact_dialog.phone.setText("09 123 45 67")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        contact_dialog.submit()
    assert "Sara Claes" in page.contacts.item(0).text()

    # Consent, recorded in the person file.
    tab = _open_tab(qtbot, w, person)
    assert tab.consent_empty.isVisible()
    consent = tab.new_consent()
    assert consent is not None
    assert not consent.missing.isVisible()
    assert "uitdrukkelijk" in consent.sensitive_warning.text()
    assert [consent.sensitive.item(i).data(256) for i in range(consent.sensitive.count())] == [
        "gezondheid",
        "verslaving",
        "justitie",
    ]
    consent.submit()  # nothing ticked: the error is next to the data field
    qtbot.waitUntil(lambda: consent.error_for("categories").isVisible())  # type: ignore[union-attr]
    consent.categories.set_codes(["motivatie", "traject"])
    oid = tab.snapshot.organisations[0].id  # type: ignore[union-attr]
    consent.recipients.set_codes([f"org:{oid}"])
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        consent.submit()
    m = tab.consent_model
    assert m.rowCount() == 1
    assert m.data(m.index(0, 0)) == "✓ geldig"
    assert m.data(m.index(0, 2)) == "Werkwinkel Gent"

    # The handover, through the form.
    hd = tab.new_handover()
    assert hd is not None
    hd.organisation.setCurrentIndex(hd.organisation.findData(oid))
    assert hd.contact.count() == 2 and hd.contact.isEnabled()
    hd.contact.setCurrentIndex(1)
    hd.why_now.setPlainText(WHY_NOW)
    hd.job_target.setText("magazijnier")
    hd.practical.edits["tolk"].setText("Arabisch")
    hd.planned_at.set_value(datetime(2026, 11, 25, 10, 0))
    hd.place.setText("Werkwinkel Gent")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        hd.submit()
    hm = tab.handover_model
    assert hm.rowCount() == 1
    assert hm.data(hm.index(0, 3)) == "25/11/2026 10:00 — Werkwinkel Gent"

    # The preview shows what the PDF will hold.
    preview = _preview(qtbot, tab)
    text = preview.preview_text()
    assert WHY_NOW in text and "magazijnier" in text
    assert "Niet gedeeld" in text and "Praktische aandachtspunten" in text
    assert "Arabisch" not in text and CANARY not in text
    out = tmp_path / "fiche.pdf"
    with qtbot.waitSignal(preview.exported, timeout=20_000):
        preview.export_pdf(out)
    pdf = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "magazijnier" in pdf
    assert CANARY not in pdf and "Arabisch" not in pdf
    assert "fiche_exported" in _events(created)
    # Never overwritten: a second export to the same path says so in Dutch.
    with qtbot.waitSignal(preview.failed, timeout=10_000) as failed:
        preview.export_pdf(out)
    assert "bestaat al" in str(failed.args[0]) or "overschr" in str(failed.args[0]).lower()
    preview.reject()


def test_pdf_password_protection(
    qtbot: QtBot, window: MainWindow, field: FieldServices, person: str, tmp_path: Path
) -> None:
    pytest.importorskip("app.documents.fiche", reason="the fiche builder is not there yet")
    from pypdf import PdfReader

    oid = _partner(field)
    field.consents.record(
        ConsentInput(person, ("motivatie",), ("warme_overdracht",), "mondeling",
                     field.context.today(), organisation_ids=(oid,))
    )  # fmt: skip
    _handover(field, person, oid)
    tab = _open_tab(qtbot, window, person)
    preview = _preview(qtbot, tab)
    preview.protect.setChecked(True)
    preview.password.setText("kort")
    preview.password_again.setText("kort")
    preview.export_pdf(tmp_path / "a.pdf")
    assert "8 tekens" in preview.password_error.text()
    preview.password.setText("lang genoeg wachtwoord")
    preview.password_again.setText("lang genoeg wachtwoord")
    with qtbot.waitSignal(preview.exported, timeout=20_000):
        preview.export_pdf(tmp_path / "b.pdf")
    reader = PdfReader(tmp_path / "b.pdf")
    assert reader.is_encrypted
    reader.decrypt("lang genoeg wachtwoord")
    pdf = " ".join(p.extract_text() for p in reader.pages)
    assert "magazijnier" in pdf and "Arabisch" not in pdf
    assert not (tmp_path / "a.pdf").exists()


def test_no_consent_banner_and_override(
    qtbot: QtBot,
    window: MainWindow,
    field: FieldServices,
    person: str,
    created: CreatedVault,
) -> None:
    oid = _partner(field)
    _handover(field, person, oid)
    tab = _open_tab(qtbot, window, person)
    preview = _preview(qtbot, tab)
    text = preview.preview_text()
    assert "Geen toestemming" in text
    assert WHY_NOW not in text
    assert not preview.mlp_button.isEnabled()

    preview.open_override()
    od = preview.override_dialog
    assert od is not None
    od.reason.setText("Crisisopvang, persoon kan nu niet tekenen")
    od.categories.set_codes(["motivatie"])
    od.passphrase.setText("helemaal fout")
    od.submitted.emit()
    qtbot.waitUntil(lambda: od.feedback.isVisible(), timeout=10_000)
    assert "wachtwoordzin klopt niet" in od.feedback.text()
    assert "consent_override" not in _events(created)
    assert preview.override is None
    od.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(preview.loaded, timeout=10_000):
        od.submitted.emit()
    text = preview.preview_text()
    assert "Uitzondering op de toestemming" in text and WHY_NOW in text
    # Checked for the preview; stored and audited only when something leaves the app (the
    # export or the MLP copy), see tests/db/test_sharing.py.
    assert "consent_override" not in _events(created)
    preview.reject()
    assert preview.override is None  # the passphrase is not kept after closing


def test_mlp_summary_is_copied_and_cleared(
    qtbot: QtBot, window: MainWindow, field: FieldServices, person: str
) -> None:
    oid = _partner(field)
    field.consents.record(
        ConsentInput(person, ("motivatie", "traject"), ("warme_overdracht", "mlp"), "schriftelijk",
                     field.context.today(), organisation_ids=(oid,))
    )  # fmt: skip
    _handover(field, person, oid)
    tab = _open_tab(qtbot, window, person)
    tab.clear_after_ms = 150
    preview = _preview(qtbot, tab)
    clipboard = QGuiApplication.clipboard()
    with qtbot.waitSignal(preview.copied, timeout=10_000):
        preview.mlp_button.click()
    assert "Jobdoelwit: magazijnier." in clipboard.text()
    assert "gewist" in preview.feedback.text()
    with qtbot.waitSignal(window.timed_clipboard.clipboardCleared, timeout=5_000) as cleared:
        pass
    assert cleared.args == [True]
    assert clipboard.text() == ""
    # Something else copied meanwhile is left alone.
    with qtbot.waitSignal(preview.copied, timeout=10_000):
        preview.copy_mlp()
    clipboard.setText("iets anders")
    with qtbot.waitSignal(window.timed_clipboard.clipboardCleared, timeout=5_000) as cleared:
        pass
    assert cleared.args == [False]
    assert clipboard.text() == "iets anders"
    preview.reject()


def test_erase_the_person_with_the_passphrase(
    qtbot: QtBot, window: MainWindow, field: FieldServices, person: str, created: CreatedVault
) -> None:
    w = window
    _open_tab(qtbot, w, person)
    w.person_file.tabs.setCurrentIndex(0)
    dialog = w.person_file.open_erase()
    assert dialog is not None
    assert "kan niet ongedaan" in " ".join(visible_texts(dialog))
    dialog.passphrase.setText("fout")
    dialog.submitted.emit()
    qtbot.waitUntil(lambda: dialog.feedback.isVisible(), timeout=10_000)
    assert "wachtwoordzin klopt niet" in dialog.feedback.text()
    assert any(r.id == person for r in field.caseload.rows())
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(w.person_file.erased, timeout=10_000):
        dialog.submitted.emit()
    assert w.page_stack.currentWidget() is w.caseload
    assert not any(r.id == person for r in field.caseload.rows())
    assert "person_erased" in _events(created)


def test_export_everything_as_json(
    qtbot: QtBot, window: MainWindow, person: str, tmp_path: Path
) -> None:
    import json

    w = window
    _open_tab(qtbot, w, person)
    w.person_file.tabs.setCurrentIndex(0)
    out = tmp_path / "alles.json"
    w.person_file.export_person("json", out)
    qtbot.waitUntil(lambda: w.person_file.rights_feedback.isVisible(), timeout=10_000)
    assert "✓" in w.person_file.rights_feedback.text()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["person"]["alias"] == "Mo"


def test_edit_person_details_with_errors_next_to_the_field(
    qtbot: QtBot, window: MainWindow, field: FieldServices, person: str
) -> None:
    w = window
    _open_tab(qtbot, w, person)
    pf = w.person_file
    pf.tabs.setCurrentIndex(0)
    pf.edit_button.click()
    dialog = pf.dialog
    from app.views.person_rights import PersonEditDialog

    assert isinstance(dialog, PersonEditDialog)
    dialog.phone.setText("12")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_for("phone").isVisible(), timeout=10_000)  # type: ignore[union-attr]
    assert "telefoonnummer" in dialog.error_for("phone").text()  # type: ignore[union-attr]
    dialog.phone.setText("0470 12 34 56")
    dialog.alias.setText("Momo")
    with qtbot.waitSignal(pf.loaded, timeout=10_000):
        dialog.submit()
    p = field.people.get(person)
    assert p.alias == "Momo" and p.phone == "+32470123456"
    assert p.family_name == "El Amrani"  # unchanged fields are not touched


def test_vandaag_and_the_sociale_kaart_list_late_feedback_and_expiring_consent(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    clock: FakeClock,
    clock_now: list[datetime],
    field: FieldServices,
    person: str,
) -> None:
    oid = _partner(field)
    today = field.context.today()
    field.consents.record(
        ConsentInput(person, ("motivatie",), ("warme_overdracht",), "mondeling",
                     today - timedelta(days=300), organisation_ids=(oid,),
                     valid_until=today + timedelta(days=10))
    )  # fmt: skip
    _handover(
        field,
        person,
        oid,
        planned_at=datetime.combine(today - timedelta(days=30), datetime.min.time()),
        expected_feedback_on=today - timedelta(days=5),
    )
    w = open_main_window(qtbot, created, gate, runner, clock, clock_now)
    qtbot.waitUntil(lambda: w.today.sharing is not None, timeout=10_000)
    expiring = [
        w.today.consents_expiring.item(i).text() for i in range(w.today.consents_expiring.count())
    ]
    late = [
        w.today.feedback_overdue.item(i).text() for i in range(w.today.feedback_overdue.count())
    ]
    assert any(FULL_NAME in t and "toestemming loopt af" in t for t in expiring), expiring
    assert any("⚠" in t and "Werkwinkel Gent" in t for t in late), late
    # The sociale kaart: filters, and the partner's late handovers.
    page = w.social_map
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        w.go_to(w.pages.index(page))
    assert page.model.data(page.model.index(0, 3)) == "⚠ 1 te laat"
    assert "Mo (" in page.overdue_list.item(0).text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.measure.setCurrentIndex(page.measure.findData("bvs"))
    assert page.model.rowCount() == 0
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.measure.setCurrentIndex(0)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.search.setText("sara")  # a contact person's name
    assert page.model.rowCount() == 1
    # The person file marks the late feedback with text and an icon.
    tab = _open_tab(qtbot, w, person)
    m = tab.handover_model
    assert m.data(m.index(0, 4)).startswith("⚠ te laat sinds")
    assert m.data(m.index(0, 4), 1) is not None  # DecorationRole
    assert "wacht" in tab.feedback.text()
    w.close()


def test_discreet_mode_covers_the_consent_tab_and_the_fiche_preview(
    qtbot: QtBot, window: MainWindow, field: FieldServices, person: str
) -> None:
    oid = _partner(field)
    field.consents.record(
        ConsentInput(person, ("persoonsgegevens", "motivatie"), ("warme_overdracht",),
                     "mondeling", field.context.today(), organisation_ids=(oid,))
    )  # fmt: skip
    _handover(field, person, oid)
    w = window
    w.discretion.set_on(True)
    tab = _open_tab(qtbot, w, person)
    texts = " ".join(visible_texts(w))
    assert "El Amrani" not in texts and "Mohamed" not in texts
    preview = _preview(qtbot, tab)
    assert "El Amrani" not in preview.preview_text()
    assert "Mohamed" not in " ".join(visible_texts(preview))
    w.discretion.set_on(False)
    assert FULL_NAME in preview.preview_text()  # the fiche itself carries the consented name
    preview.reject()


def test_every_new_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, field: FieldServices, person: str
) -> None:
    oid = _partner(field)
    field.consents.record(
        ConsentInput(person, ("motivatie",), ("warme_overdracht",), "mondeling",
                     field.context.today(), organisation_ids=(oid,))
    )  # fmt: skip
    _handover(field, person, oid)
    w = window
    tab = _open_tab(qtbot, w, person)
    with qtbot.waitSignal(w.social_map.loaded, timeout=10_000):
        w.go_to(w.pages.index(w.social_map))
    models = [tab.consent_model, tab.handover_model, w.social_map.model]
    assert all(m.rowCount() == 1 for m in models)
    for m in models:
        qtmodeltester.check(m)  # type: ignore[attr-defined]


def test_handover_form_without_partners_offers_to_add_one(
    qtbot: QtBot, window: MainWindow, field: FieldServices, person: str
) -> None:
    tab = _open_tab(qtbot, window, person)
    hd = tab.new_handover()
    assert hd is not None
    assert hd.missing.isVisible() and not hd.organisation.isVisible()
    assert "sociale kaart" in hd.missing.message.text()
    hd.submit()
    assert hd.error_for("organisation_id").isVisible()  # type: ignore[union-attr]
    hd.missing.button.click()
    partner = hd.partner_dialog
    assert partner is not None
    partner.name.setText("OCMW Gent")
    partner.type.setCurrentIndex(partner.type.findData("ocmw"))
    partner.submit()
    qtbot.waitUntil(lambda: hd.organisation.isVisible(), timeout=10_000)
    assert hd.organisation.currentText() == "OCMW Gent"
    hd.reject()


def test_change_an_existing_handover(
    qtbot: QtBot, window: MainWindow, field: FieldServices, person: str
) -> None:
    oid = _partner(field)
    hid = _handover(field, person, oid)
    tab = _open_tab(qtbot, window, person)
    tab.handover_table.selectRow(0)
    with qtbot.waitSignal(tab.editOpened, timeout=10_000) as opened:
        tab.edit_handover_button.click()
    dialog = opened.args[0]
    assert dialog.job_target.text() == "magazijnier"  # filled from the saved handover
    assert dialog.practical.values() == {"tolk": "Arabisch"}
    assert dialog.organisation.currentData() == oid
    dialog.job_target.setText("heftruckchauffeur")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        dialog.submit()
    data = field.handovers.input(hid)
    assert data.job_target == "heftruckchauffeur" and data.practical == {"tolk": "Arabisch"}
    assert len(field.handovers.for_person(person)) == 1  # changed, not added
