"""What the DPO needs: the audit log (synced entries, filters, CSV and PDF read back), the
retention rule (exactly the files due, one purge path, audited) and the record of processing
activities (art. 30) generated from the organisation's settings."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text

from app.errors import NotAllowed, StorageError, ValidationError, WrongPassphrase
from app.models import AuditEntry, LocalAuditEntry, OutboxEntry, Person, Purge, SyncConfig
from app.services.audit import AuditEvent, AuditFilter
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.sharing import OrganisationInput
from app.services.vault import CreatedVault, OpenVault, VaultService
from app.settings import (
    CONTROLLER_NAME,
    DPO_CONTACT,
    PROCESSING_PURPOSES,
    RETENTION_YEARS,
    STORE_LOCATION,
)
from tests.conftest import CANARY, PASSPHRASE
from tests.team_data import FRIDAY, Known, seed_team


@pytest.fixture
def known(field: FieldServices, vault: OpenVault) -> Known:
    return seed_team(field, vault)


def _old_person(field: FieldServices, alias: str) -> str:
    return field.people.create_pseudonym(PseudonymInput(alias, date(2015, 1, 5), "mond_aan_mond"))


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


# --- the audit log ----------------------------------------------------------------------------


def test_audit_entries_are_synced_records_without_content(
    field: FieldServices, known: Known, vault: OpenVault
) -> None:
    field.caseload.open_file(known.zoe)
    with vault.context.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.event == "person_opened")).one()
        queued = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == entry.id)).one()
    assert queued.record_type == "audit_entry"
    assert queued.payload["fields"]["record_id"] == known.zoe
    assert entry.worker_id == known.me and entry.device_id == vault.device.device_id
    assert "Vermeulen" not in str(queued.payload)


def test_old_local_entries_and_a_restores_entry_become_synced_at_unlock(
    created: CreatedVault, vault_service: VaultService
) -> None:
    v = created.vault
    with v.context.transaction() as s:
        s.add(
            LocalAuditEntry(
                at="2026-01-05T09:00:00+00:00",
                event="backup",
                device_id=v.device.device_id,
                worker_id=v.device.worker_id,
            )
        )
    v.lock()
    again = vault_service.unlock(PASSPHRASE)
    try:
        with again.context.read() as s:
            assert s.scalars(select(LocalAuditEntry)).first() is None
            moved = s.scalars(select(AuditEntry).where(AuditEntry.event == "backup")).one()
        assert moved.at == "2026-01-05T09:00:00+00:00"
        assert again.audit.entries()[-1].event == "backup"  # the oldest, by its own time
    finally:
        again.lock()


def test_the_audit_of_one_person_and_one_period_exports_as_csv_and_pdf(
    field: FieldServices, known: Known, vault: OpenVault, tmp_path: Path
) -> None:
    field.caseload.open_file(known.zoe)
    field.caseload.open_file(known.lina)
    field.transfers.move_person(known.yusuf, known.me, '=HYPERLINK("x")')
    handover = field.handovers.for_person(known.zoe)[0].id
    vault.audit.record(AuditEvent.FICHE_EXPORTED, record_type="handover", record_id=handover)
    about_zoe = AuditFilter(person_id=known.zoe)
    assert {e.event for e in vault.audit.entries(f=about_zoe)} == {
        "person_opened",
        "fiche_exported",
    }
    assert vault.audit.count(AuditFilter(since=FRIDAY + timedelta(days=400))) == 0
    assert vault.audit.count(AuditFilter(since=date.today(), until=date.today())) >= 4
    out = tmp_path / "audit.csv"
    labels = {"person_opened": "Persoonsdossier geopend"}
    n = vault.audit.export(out, "csv", about_zoe, labels=labels)
    assert n == 2
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["tijdstip", "gebeurtenis", "medewerker"]
    assert [r[1] for r in rows[1:]] == ["Persoonsdossier geopend", "Overdrachtsfiche geëxporteerd"]
    assert {r[2] for r in rows[1:]} == {"An Claes"}
    assert "Vermeulen" not in raw.decode("utf-8-sig")
    # The handover note's text never reaches the log; a detail can never become a formula.
    everything = tmp_path / "alles.csv"
    vault.audit.export(everything, "csv")
    assert "HYPERLINK" not in everything.read_text(encoding="utf-8-sig")
    pdf = tmp_path / "audit.pdf"
    vault.audit.export(pdf, "pdf", about_zoe, labels=labels, person_label="Zoë")
    text_pdf = _pdf_text(pdf)
    assert "Auditlog" in text_pdf and "Vertrouwelijk" in text_pdf
    assert "Persoon Zoë" in text_pdf and "Persoonsdossier geopend" in text_pdf
    assert "Vermeulen" not in text_pdf
    with pytest.raises(StorageError):
        vault.audit.export(pdf, "pdf")
    assert vault.audit.count(AuditFilter(person_id=known.zoe)) == 4  # the two exports too
    # Rendered pages are not blank.
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "p")], check=True)
    assert (tmp_path / "p-1.png").stat().st_size > 2000


def test_a_workers_device_shows_only_its_workers_own_entries(
    field: FieldServices, known: Known, vault: OpenVault
) -> None:
    vault.audit.record(AuditEvent.PERSON_OPENED, record_type="person", record_id=known.yusuf)
    with vault.context.transaction() as s:
        field.context.records.create(
            s,
            AuditEntry,
            {
                "at": "2026-11-20T09:00:00+00:00",
                "event": "person_opened",
                "device_id": "other-device",
                "worker_id": known.bram,
                "record_type": "person",
                "record_id": known.yusuf,
                "detail": None,
            },
        )
    assert {e.worker_id for e in vault.audit.entries()} == {known.me, known.bram}
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
    assert not vault.audit.is_team_view()
    assert {e.worker_id for e in vault.audit.entries()} == {known.me}


# --- retention ---------------------------------------------------------------------------------


def test_retention_erases_exactly_the_files_due_and_is_audited(
    field: FieldServices, known: Known, vault: OpenVault, clock_now: list[datetime]
) -> None:
    assert field.retention.years() == 5
    old = {a: _old_person(field, a) for a in ("Ilse", "Jef", "Kato", "Lotte")}
    field.trajectory.close(old["Ilse"], date(2021, 6, 30), "opleiding", "Start opleiding")
    field.trajectory.close(old["Jef"], date(2021, 12, 1), "job_nec", "Vast werk")
    field.trajectory.close(old["Kato"], date(2024, 3, 1), "andere", "Verhuisd")
    field.trajectory.close(old["Lotte"], date(2019, 2, 1), "andere", "")
    field.trajectory.reopen(old["Lotte"], date(2020, 5, 4), "Terug op de vindplaats")
    due = field.retention.due()
    assert [d.alias for d in due] == ["Ilse"]  # 30/06/2026 passed; Jef's 01/12/2026 not yet
    assert due[0].erase_on == date(2026, 6, 30)
    assert [d.alias for d in field.retention.due(upcoming_days=30)] == ["Ilse", "Jef"]
    # The organisation shortens its rule: Kato (closed 01/03/2024) falls due too; Lotte's
    # file was reopened, so it never falls due while open.
    vault.settings.change(RETENTION_YEARS, 2)
    assert [d.alias for d in field.retention.due()] == ["Ilse", "Jef", "Kato"]
    vault.settings.change(RETENTION_YEARS, 5)
    with pytest.raises(WrongPassphrase):
        field.retention.erase_due([old["Ilse"]], "niet mijn wachtwoordzin")
    with pytest.raises(ValidationError):
        field.retention.erase_due([], PASSPHRASE)
    run = field.retention.erase_due([old["Ilse"], old["Jef"]], PASSPHRASE)
    assert run.erased == (old["Ilse"],) and run.skipped == (old["Jef"],)
    with vault.context.read() as s:
        assert s.get(Person, old["Ilse"]) is None and s.get(Person, old["Jef"]) is not None
        purge = s.scalars(select(Purge).where(Purge.person_id == old["Ilse"])).one()
        assert ["person", old["Ilse"]] in purge.record_refs and purge.pushed_at is None
        entries = {(e.event, e.detail) for e in s.scalars(select(AuditEntry))}
    assert ("person_erased", next(d for e, d in entries if e == "person_erased")) in entries
    assert any(e == "person_erased" and "bewaartermijn 5 jaar" in (d or "") for e, d in entries)
    assert ("retention_run", "1 gewist, 1 niet meer aan de beurt, regel 5 jaar") in entries
    assert ("settings_changed", "retention_years=2") in entries


def test_only_a_coordinator_runs_retention_once_enrolled(
    field: FieldServices, known: Known, vault: OpenVault
) -> None:
    pid = _old_person(field, "Ilse")
    field.trajectory.close(pid, date(2020, 1, 6), "andere", "")
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
    with pytest.raises(NotAllowed):
        field.retention.erase_due([pid], PASSPHRASE)
    assert field.people.get(pid).closed


# --- the record of processing activities (art. 30) -------------------------------------------


def test_the_record_of_processing_comes_from_the_organisations_settings(
    field: FieldServices, known: Known, vault: OpenVault, tmp_path: Path
) -> None:
    field.social_map.create(OrganisationInput("OCMW Gent", "ocmw"))
    vault.settings.change(CONTROLLER_NAME, "Outreach Gent vzw")
    vault.settings.change(DPO_CONTACT, "Sara Maes, dpo@outreach-gent.be")
    vault.settings.change(STORE_LOCATION, "Combell, datacenter Gent (België)")
    vault.settings.change(PROCESSING_PURPOSES, "Outreach naar werk\nNazorg na de overdracht")
    out = tmp_path / "register.pdf"
    data = field.processing.export(out)
    assert [p.name for p in data.partners] == ["OCMW Gent", "VDAB Gent"]
    assert data.retention_years == 5
    assert {c.name for c in data.data if c.sensitive} == {"Gezondheid", "Verslaving", "Justitie"}
    flat = _pdf_text(out)
    for expected in (
        "Register van verwerkingsactiviteiten",
        "Outreach Gent vzw",
        "Sara Maes, dpo@outreach-gent.be",
        "Outreach naar werk",
        "Nazorg na de overdracht",
        "OCMW Gent",
        "VDAB Gent",
        "Combell, datacenter Gent (België)",
        "5 jaar na de afsluiting",
        "JA — art. 9/10",
        "Vertrouwelijk",
    ):
        assert expected in flat, expected
    assert "Vermeulen" not in flat and CANARY not in flat
    assert "nog in te vullen" not in flat.replace("Adres en contact nog in te vullen", "")
    with vault.context.read() as s:
        events = [e.event for e in s.scalars(select(AuditEntry))]
    assert "processing_record_exported" in events
    with vault.context.read() as s:
        assert s.execute(text("SELECT count(*) FROM shared_settings")).scalar_one() == 4


def test_every_audit_event_has_dutch_words_for_exports() -> None:
    from app.services.audit import EVENT_LABELS

    assert set(EVENT_LABELS) == {e.value for e in AuditEvent}
    assert all(label[0].isupper() for label in EVENT_LABELS.values())
