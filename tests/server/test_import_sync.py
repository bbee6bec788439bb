"""Imported records are ordinary records: a coordinator imports a caseload and a contact log,
syncs through the real store, and a colleague's laptop has them (search and contact dates
included); an erasure there reaches the coordinator."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from app.domain.import_kinds import Kind
from app.paths import AppPaths
from app.services.field import FieldServices
from app.services.vault import OpenVault, VaultService
from app.sync.service import SyncService
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.server.helpers import LiveStore

NOW = datetime(2026, 11, 20, 10, 0)


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[dict[str, tuple[OpenVault, FieldServices, SyncService]]]:
    made = {}
    for name in ("coordinator", "laptop-a"):
        d = tmp_path / name
        vault = (
            VaultService(AppPaths(d, d / "logs"), kdf_params=FAST_KDF)
            .create(PASSPHRASE, device_label=name)
            .vault
        )
        made[name] = (vault, FieldServices(vault, now=lambda: NOW), SyncService(vault.context))
    yield made
    for vault, _, sync in made.values():
        sync.close()
        vault.lock()


def test_an_imported_caseload_reaches_a_colleague(
    store: LiveStore,
    laptops: dict[str, tuple[OpenVault, FieldServices, SyncService]],
    tmp_path: Path,
) -> None:
    _, coord, coord_sync = laptops["coordinator"]
    _, a, a_sync = laptops["laptop-a"]
    coord_sync.create_organisation(store.base_url, store.token(), "Outreach Gent")
    team = coord_sync.create_team("Team Noord")
    a_sync.enrol(store.base_url, coord_sync.create_invite([team]))
    assert coord_sync.approve_pending() == 1  # protocol v2: a signed approval
    coord_sync.sync_once()

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Dossiernr", "Voornaam", "Naam", "Hoe ontmoet", "Opmerking"])
    ws.append(["CL-1", "Zoë", "Vermeulen", "via via", "Wil werken in de logistiek."])
    ws.append(["CL-2", "Jan", "Peeters", "doorverwezen", None])
    ws.append(["CL-3", None, "Kapitein", "mond tot mond", None])
    caseload = tmp_path / "caseload.xlsx"
    wb.save(caseload)
    contacts = tmp_path / "contacten.csv"
    contacts.write_text(
        "Dossiernummer;Datum;Kanaal;Verslag\n"
        "CL-1;18/11/2026 10:30;huisbez.;Samen de huurwaarborg bekeken.\n"
        "CL-1;19/11/2026 09:00;tel;Afspraak bij het OCMW bevestigd.\n",
        encoding="utf-8",
    )
    m = (
        coord.imports.inspect(caseload, Kind.PEOPLE)
        .mapping.with_columns(
            {
                "Dossiernr": "external_id",
                "Voornaam": "given_name",
                "Naam": "family_name",
                "Hoe ontmoet": "first_met_how",
                "Opmerking": "note",
            }
        )
        .with_default("first_met_how", "mond_aan_mond")
    )
    report = coord.imports.run(caseload, m, valid_only=True)
    assert (report.created, report.skipped) == (2, 1)  # Jan: referred, but by whom?
    report = coord.imports.run(
        contacts, coord.imports.inspect(contacts, Kind.CONTACTS).mapping, valid_only=False
    )
    assert report.created == 2

    coord_sync.sync_once()
    a_sync.sync_once()
    rows = {r.alias: r for r in a.caseload.rows()}
    assert set(rows) == {"Zoë V.", "Kapitein"}
    zoe = rows["Zoë V."]
    assert zoe.last_contact_at == "2026-11-19T09:00"  # the colleague's indexes were rebuilt
    assert [c.summary for c in a.contacts.timeline(zoe.id)] == [
        "Afspraak bij het OCMW bevestigd.",
        "Samen de huurwaarborg bekeken.",
    ]
    assert a.caseload.search("huurwaarborg") == [zoe.id]
    assert a.people.get(zoe.id).phase == "bereiken"

    # Erased on the colleague's laptop: gone on the coordinator's after a sync.
    a.rights.erase(zoe.id, PASSPHRASE)
    a_sync.sync_once()
    coord_sync.sync_once()
    assert {r.alias for r in coord.caseload.rows()} == {"Kapitein"}
    assert coord.caseload.search("huurwaarborg") == []
