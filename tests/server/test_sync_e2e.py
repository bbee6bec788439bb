"""Devices and coordinator syncing through a real central store in a subprocess on 127.0.0.1
(SQLite, and PostgreSQL when available): enrolment, convergence, conflicts, revocation,
erasure, a replacement laptop, and what a stolen store reveals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Person
from app.paths import AppPaths
from app.services.contacts import ContactInput, Participant
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.vault import OpenVault, VaultService
from app.sync.service import SyncService
from app.sync.transport import Revoked
from tests.conftest import CANARY, FAST_KDF, PASSPHRASE
from tests.server.helpers import LiveStore

NOW = datetime(2026, 11, 20, 10, 0)


@dataclass
class Laptop:
    vault: OpenVault
    field: FieldServices
    sync: SyncService

    def people(self) -> dict[str, tuple[object, ...]]:
        with self.field.context.ctx.read() as s:
            return {
                p.id: (p.alias, p.note, p.deleted, p.revision) for p in s.scalars(select(Person))
            }


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[dict[str, Laptop]]:
    made: dict[str, Laptop] = {}

    def make(name: str) -> Laptop:
        d = tmp_path / name
        vault = (
            VaultService(AppPaths(d, d / "logs"), kdf_params=FAST_KDF)
            .create(PASSPHRASE, device_label=name)
            .vault
        )
        lt = Laptop(vault, FieldServices(vault, now=lambda: NOW), SyncService(vault.context))
        made[name] = lt
        return lt

    yield make  # type: ignore[misc]
    for lt in made.values():
        lt.sync.close()
        lt.vault.lock()


def _organisation(store: LiveStore, laptops) -> tuple[Laptop, str]:  # type: ignore[no-untyped-def]
    coord = laptops("coordinator")
    org = coord.sync.create_organisation(store.base_url, store.token(), "Outreach Gent")
    assert len(org.recovery_private_key.replace("-", "")) == 52
    team = coord.sync.create_team("Team Noord")
    return coord, team


def _enrol(
    store: LiveStore,
    laptops: Callable[[str], Laptop],
    coord: Laptop,
    team: str,
    name: str,
    approve: bool = True,
) -> Laptop:
    lt = laptops(name)
    lt.sync.enrol(store.base_url, coord.sync.create_invite([team]))
    if approve:
        assert coord.sync.approve_pending() == 1
    return lt


def test_two_laptops_and_a_coordinator_converge(store: LiveStore, laptops) -> None:  # type: ignore[no-untyped-def]
    coord, team = _organisation(store, laptops)
    a = _enrol(store, laptops, coord, team, "laptop-a", approve=False)
    b = _enrol(store, laptops, coord, team, "laptop-b", approve=False)
    # Enrolled is not approved: the coordinator sees both waiting and approves each after
    # comparing its safety code.
    assert coord.sync.sync_once().pending_approvals == 2
    for row in coord.sync.pending_devices():
        assert row.invite_ok and len(row.safety_code.split()) == 8
        coord.sync.approve(row.device_id, row.safety_code)
    assert coord.sync.pending_devices() == []
    pid = a.field.people.create_pseudonym(
        PseudonymInput("Rosa", date(2026, 1, 1), "mond_aan_mond", note="Houdt van koken")
    )
    a.field.contacts.create(
        ContactInput(
            datetime(2026, 11, 19, 9, 0), "telefoon", (Participant(pid),), summary="Eerste gesprek"
        )
    )
    a.sync.sync_once()
    b.sync.sync_once()
    assert b.field.people.get(pid).note == "Houdt van koken"
    assert [c.summary for c in b.field.contacts.timeline(pid)] == ["Eerste gesprek"]
    # Offline for a while: both edit the same note, b also the alias; a deletes nothing.
    a.field.people.update(pid, note="Zoekt werk in de horeca")
    b.field.people.update(pid, note="Wil een opleiding", alias="Rosa M.")
    for lt in (b, a, coord, b, a, coord):
        lt.sync.sync_once()
    states = [lt.people() for lt in (a, b, coord)]
    assert states[0] == states[1] == states[2]
    note = a.field.people.get(pid).note or ""
    assert "Zoekt werk in de horeca" in note and "Wil een opleiding" in note
    assert a.field.people.get(pid).alias == "Rosa M."
    assert any(c.field == "note" for lt in (a, b) for c in lt.sync.conflicts())
    assert a.sync.status().pending_changes == b.sync.status().pending_changes == 0


def test_revoked_device_is_refused_and_the_team_key_rotates(store: LiveStore, laptops) -> None:  # type: ignore[no-untyped-def]
    coord, team = _organisation(store, laptops)
    a = _enrol(store, laptops, coord, team, "laptop-a")
    thief = _enrol(store, laptops, coord, team, "gestolen")
    coord.sync.sync_once()
    thief.sync.sync_once()
    assert coord.sync.revoke(thief.vault.device.device_id) == [team]
    with pytest.raises(Revoked):
        thief.sync.sync_once()
    a.sync.sync_once()  # picks up the new epoch's key
    pid = a.field.people.create_pseudonym(PseudonymInput("Na", date(2026, 1, 1), "mond_aan_mond"))
    a.sync.sync_once()
    coord.sync.sync_once()
    assert coord.field.people.get(pid).alias == "Na"
    assert {t.team_id: t.current_epoch for t in []} == {}


def test_a_replacement_laptop_gets_the_caseload_back(store: LiveStore, laptops) -> None:  # type: ignore[no-untyped-def]
    coord, team = _organisation(store, laptops)
    old = _enrol(store, laptops, coord, team, "oude-laptop")
    coord.sync.sync_once()
    ids = [
        old.field.people.create_pseudonym(
            PseudonymInput(f"Persoon {i}", date(2026, 1, 1), "mond_aan_mond", note=f"notitie {i}"),
            allow_duplicate=True,
        )
        for i in range(5)
    ]
    old.sync.sync_once()
    new = _enrol(store, laptops, coord, team, "nieuwe-laptop")
    coord.sync.sync_once()
    new.sync.sync_once()
    assert sorted(r.id for r in new.field.caseload.rows()) == sorted(ids)
    assert new.field.caseload.search("notitie") and new.field.people.get(ids[0]).phase == "bereiken"


def test_erasure_reaches_every_device_and_the_store(store: LiveStore, laptops) -> None:  # type: ignore[no-untyped-def]
    coord, team = _organisation(store, laptops)
    a = _enrol(store, laptops, coord, team, "laptop-a")
    coord.sync.sync_once()
    pid = a.field.people.create_pseudonym(
        PseudonymInput("Zoë", date(2026, 1, 1), "mond_aan_mond", note=CANARY)
    )
    a.sync.sync_once()
    coord.sync.sync_once()
    assert coord.field.people.get(pid)
    coord.field.rights.erase(pid, PASSPHRASE)
    coord.sync.sync_once()
    a.sync.sync_once()
    assert a.field.caseload.rows() == [] and coord.field.caseload.rows() == []


def test_a_stolen_store_reveals_no_canary(store: LiveStore, laptops) -> None:  # type: ignore[no-untyped-def]
    coord, _team = _organisation(store, laptops)
    coord.field.people.create_pseudonym(
        PseudonymInput(CANARY, date(2026, 1, 1), "mond_aan_mond", note=CANARY)
    )
    coord.sync.sync_once()
    for p in store.data_dir.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            assert CANARY.encode() not in data and CANARY.encode("utf-16-le") not in data, p


def test_conflicts_can_be_chosen_and_undone(store: LiveStore, laptops) -> None:  # type: ignore[no-untyped-def]
    coord, team = _organisation(store, laptops)
    a = _enrol(store, laptops, coord, team, "laptop-a")
    coord.sync.sync_once()
    pid = a.field.people.create_pseudonym(PseudonymInput("Jo", date(2026, 1, 1), "mond_aan_mond"))
    a.sync.sync_once()
    coord.sync.sync_once()
    a.field.people.update(pid, phone=None, referral_source="school")
    coord.field.people.update(pid, referral_source="huisarts")
    a.sync.sync_once()
    coord.sync.sync_once()
    a.sync.sync_once()
    conflicts = [
        c for lt in (a, coord) for c in lt.sync.conflicts() if c.field == "referral_source"
    ]
    assert conflicts
    owner = a if any(c.id == conflicts[0].id for c in a.sync.conflicts()) else coord
    c = conflicts[0]
    current = owner.field.people.get(pid).referral_source
    assert current == c.kept and c.lost in ("school", "huisarts") and c.lost != current
    owner.sync.resolve_conflict(c.id, "lost", owner.field.context.records)
    assert owner.field.people.get(pid).referral_source == c.lost
    assert owner.sync.conflicts() == [] or all(x.id != c.id for x in owner.sync.conflicts())
    owner.sync.undo_conflict(c.id, owner.field.context.records)
    assert owner.field.people.get(pid).referral_source == c.kept
    assert any(x.id == c.id for x in owner.sync.conflicts())
    for lt in (owner, a, coord):
        lt.sync.sync_once()
    assert a.people() == coord.people()
