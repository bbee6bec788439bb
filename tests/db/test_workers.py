"""Workers as people: the profile, a person's worker as a reference, a second device joining a
worker, and the upgrade of vaults where a person's worker and team were typed names."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from app.domain.hlc import Stamp
from app.domain.workers import fold, initials, legacy_worker_id, upgrade_person_payload
from app.errors import ValidationError
from app.models import (
    AuditEntry,
    ConflictRecord,
    DeviceIdentity,
    OutboxEntry,
    Person,
    RecordHistory,
    RecordTeam,
    Setting,
    TeamState,
    Worker,
)
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.vault import CreatedVault, OpenVault, VaultService
from app.services.workers import WorkerProfile
from app.sync.apply import parse_payload
from tests.conftest import PASSPHRASE


def _person(field: FieldServices, alias: str, worker_id: str | None = None) -> str:
    return field.people.create_pseudonym(
        PseudonymInput(alias, date(2026, 10, 1), "mond_aan_mond", worker_id=worker_id)
    )


def test_the_profile_is_checked_in_dutch_and_kept_as_a_synced_record(
    field: FieldServices, vault: OpenVault
) -> None:
    assert field.workers.me() is None
    with pytest.raises(ValidationError) as info:
        field.workers.save_profile(WorkerProfile("  "))
    assert (info.value.field, info.value.message) == ("name", "Uw naam is verplicht.")
    with pytest.raises(ValidationError) as info:
        field.workers.save_profile(WorkerProfile("An Claes", email="an.claes@"))
    assert info.value.field == "email" and "geen geldig e-mailadres" in info.value.message
    with pytest.raises(ValidationError) as info:
        field.workers.save_profile(WorkerProfile("An Claes", phone="12"))
    assert info.value.field == "phone"
    assert field.workers.me() is None  # nothing half-saved
    me = field.workers.save_profile(
        WorkerProfile(" An  Claes ", "straathoekwerker", "Outreach Gent", "0489 12 34 56", "")
    )
    assert (me.name, me.phone, me.email, me.initials) == ("An  Claes", "+32489123456", None, "A.C.")
    assert me.id == vault.device.worker_id and me.is_me
    with vault.context.read() as s:
        queued = [
            e.payload["fields"]["name"]
            for e in s.scalars(select(OutboxEntry))
            if e.record_type == "worker"
        ]
    assert queued == ["An  Claes"]
    field.workers.save_profile(WorkerProfile("An Claes", "jobcoach"))
    assert field.workers.get(me.id).function == "jobcoach"
    assert [w.name for w in field.workers.workers()] == ["An Claes"]


def test_a_person_is_followed_by_a_worker_reference(field: FieldServices, vault: OpenVault) -> None:
    field.workers.save_profile(WorkerProfile("An Claes"))
    pid = _person(field, "Zoë")
    assert field.people.get(pid).worker_id == vault.device.worker_id
    with pytest.raises(ValidationError) as info:
        _person(field, "Bram", worker_id="niet-iemand")
    assert info.value.field == "worker_id"
    with pytest.raises(ValueError, match="worker_id"):
        field.people.update(pid, worker_id=None)  # only by handing on, with history
    rows = {r.alias: r for r in field.caseload.rows()}
    assert (rows["Zoë"].worker_id, rows["Zoë"].worker_name) == (vault.device.worker_id, "An Claes")
    assert rows["Zoë"].team_name is None  # not syncing: no team
    assert field.caseload.open_file(pid).worker_name == "An Claes"


def test_upgrading_a_pseudonym_to_a_client_keeps_its_worker_and_team(
    field: FieldServices, vault: OpenVault
) -> None:
    from app.services.people import ClientDetails

    field.workers.save_profile(WorkerProfile("An Claes"))
    with vault.context.transaction() as s:
        bram = field.context.records.create(
            s, Worker, {"name": "Bram Peeters", "function": None, "organisation": None,
                        "phone": None, "email": None, "active": True, "legacy": False},
        ).id  # fmt: skip
        s.add(TeamState(team_id="team-zuid", name="Zuid", current_epoch=1, cursor=0))
    pid = _person(field, "Zoë", worker_id=bram)  # Bram met her; An types the file
    with vault.context.transaction() as s:
        s.add(RecordTeam(record_type="person", record_id=pid, team_id="team-zuid"))
    field.people.upgrade_to_client(
        pid, ClientDetails("Zoë", "Vermeulen", date(2026, 10, 2), phone="0489 12 34 56")
    )
    p = field.people.get(pid)
    assert p.is_client and p.given_name == "Zoë"
    assert p.worker_id == bram  # not reset to the device's worker, nor emptied
    row = next(r for r in field.caseload.rows() if r.id == pid)
    assert (row.worker_name, row.team_name) == ("Bram Peeters", "Zuid")
    assert field.caseload.open_file(pid).worker_name == "Bram Peeters"
    with vault.context.read() as s:
        fields = [
            e.payload["fields"]
            for e in s.scalars(select(OutboxEntry))
            if e.record_type == "person" and e.record_id == pid
        ]
    assert fields and fields[-1]["worker_id"] == bram  # what the team's other laptops get


def test_a_second_device_joins_the_worker_it_belongs_to(
    field: FieldServices, vault: OpenVault, vault_service: VaultService
) -> None:
    # The profile that came with the first sync (made on the worker's first laptop).
    with vault.context.transaction() as s:
        first = field.context.records.create(
            s,
            Worker,
            {"name": "An Claes", "function": "straathoekwerker", "active": True, "legacy": False},
        )
    field.workers.save_profile(WorkerProfile("an claes"))
    pid = _person(field, "Zoë")
    old = vault.device.worker_id
    assert [w.id for w in field.workers.also_me()] == [first.id]
    row = field.workers.claim(first.id)
    assert row.id == first.id and vault.device.worker_id == first.id
    assert field.people.get(pid).worker_id == first.id  # the people made here follow
    assert [w.id for w in field.workers.workers()] == [first.id]  # one An, not two
    assert field.workers.me() is not None and field.workers.also_me() == []
    later = _person(field, "Yusuf")
    with vault.context.read() as s:
        assert s.get(Person, later).created_by == first.id
        assert s.get(Worker, old).deleted
        assert any(e.event == "worker_claimed" for e in s.scalars(select(AuditEntry)))
    vault.lock()
    again = vault_service.unlock(PASSPHRASE)
    try:
        assert again.device.worker_id == first.id
        assert again.workers.me() is not None
    finally:
        again.lock()


# --- from typed names to worker references ----------------------------------------------------


def test_legacy_ids_depend_on_the_name_alone() -> None:
    assert legacy_worker_id(" An ") == legacy_worker_id("an") == legacy_worker_id("ÀN")
    assert legacy_worker_id("An") != legacy_worker_id("Anna")
    assert legacy_worker_id("") is None and legacy_worker_id(None) is None
    # Fixed for ever: a device upgraded next year must derive the same id.
    namespace = uuid.UUID("5d1f0c54-5b8e-4e39-9a4f-6f1f6c1d2a77")
    assert legacy_worker_id("An") == str(uuid.uuid5(namespace, "worker:an"))
    assert initials("Yasmina El Amrani") == "Y.A." and initials("Koen") == "K."
    assert fold("  Zoë   Vermeulen ") == "zoe vermeulen"


STAMP = st.integers(min_value=1_600_000_000_000, max_value=2_000_000_000_000).map(
    lambda ms: Stamp(ms, 0, "d1").encode()
)


@settings(max_examples=60, deadline=None)
@given(
    name=st.one_of(st.none(), st.text(max_size=40)),
    team=st.one_of(st.none(), st.text(max_size=20)),
    created=STAMP,
    edited=st.one_of(st.none(), STAMP),
    expanded=st.booleans(),
)
def test_an_old_person_revision_upgrades_to_a_valid_one(
    name: str | None, team: str | None, created: str, edited: str | None, expanded: bool
) -> None:
    fields = {n: None for n in Person.__sync_fields__ if n != "worker_id"}
    fields.update(
        alias="Zoë",
        first_met_on="2026-01-05",
        first_met_how="vindplaats",
        is_client=False,
        languages=[],
        interpreter_needed=False,
        radar_status="onbekend",
        target_groups=[],
        deleted=False,
        assigned_worker=name,
        team=team,
    )
    clocks = {"*": created, **({"assigned_worker": edited} if edited else {})}
    if expanded:
        clocks = {n: (edited if n == "assigned_worker" and edited else created) for n in fields}
    history = [["rev-0", dict(clocks)]]
    new_fields, new_clocks, new_history = upgrade_person_payload(fields, clocks, history)
    assert set(new_fields) == set(Person.__sync_fields__)
    assert new_fields["worker_id"] == legacy_worker_id(name)
    assert new_clocks.get("worker_id", new_clocks.get("*")) == (edited or created)
    payload = {
        "fields": fields,
        "clocks": clocks,
        "history": history,
        "meta": dict.fromkeys(("created_at", "created_by", "updated_at", "updated_by"), "x"),
    }
    inc = parse_payload("person", "p1", "rev-1", (), payload)  # the sync path upgrades too
    assert dict(inc.fields) == new_fields and dict(inc.clocks) == new_clocks
    assert [list(e) for e in inc.history] == [[r, dict(c)] for r, c in new_history]
    # Idempotent: an upgraded payload stays as it is.
    assert upgrade_person_payload(new_fields, new_clocks, new_history) == (
        new_fields,
        new_clocks,
        new_history,
    )


def _downgrade_to_typed_names(created: CreatedVault) -> None:
    from alembic import command

    from app.db.migrate import _config

    with created.vault.context.engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0012_shared_settings")


# Locking the vault downgraded under it cannot write its audit entry.
@pytest.mark.allow_logs("lock not audited")
def test_typed_workers_and_teams_become_references_on_every_device_alike(
    created: CreatedVault, vault_service: VaultService
) -> None:
    vault = created.vault
    field = FieldServices(vault)
    ids = {a: _person(field, a) for a in ("Zoë", "Yusuf", "Mira", "Tom")}
    with vault.context.transaction() as s:
        s.add(TeamState(team_id="team-noord", name="Team Noord", current_epoch=1, cursor=0))
        zoe = s.get(Person, ids["Zoë"])
        assert zoe is not None
        stamp_created = zoe.field_clocks["*"]
    _downgrade_to_typed_names(created)
    # What the app before worker profiles stored: typed names, typed teams, their clocks, a
    # queued old-shape revision, an ancestry, a conflict about the typed worker.
    edited = Stamp(Stamp.decode(stamp_created).wall_ms + 5, 0, "0f").encode()
    typed = {
        "Zoë": ("An", "team noord"),
        "Yusuf": ("Bram ", None),
        "Mira": ("an", "Elders"),
        "Tom": (None, None),
    }
    with vault.context.transaction() as s:
        for alias, (worker, team) in typed.items():
            s.execute(
                text(
                    "UPDATE people SET assigned_worker = :w, team = :t, field_clocks = :c "
                    "WHERE id = :id"
                ),
                {
                    "w": worker,
                    "t": team,
                    "id": ids[alias],
                    "c": json.dumps({"*": stamp_created, "assigned_worker": edited}),
                },
            )
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == ids["Yusuf"])).one()
        old_fields = {k: v for k, v in entry.payload["fields"].items() if k != "worker_id"}
        old_fields |= {"assigned_worker": "Bram ", "team": None}
        entry.payload = {
            **entry.payload,
            "fields": old_fields,
            "clocks": {"*": stamp_created, "team": edited},
        }
        s.execute(
            text("UPDATE record_history SET entries = :e WHERE record_id = :id"),
            {
                "e": json.dumps([["rev-a", {"*": stamp_created, "assigned_worker": edited}]]),
                "id": ids["Zoë"],
            },
        )
        s.add(
            ConflictRecord(
                record_type="person",
                record_id=ids["Mira"],
                field="assigned_worker",
                kept="an",
                kept_clock=edited,
                lost="Koen",
                lost_clock=stamp_created,
                created_at="2026-11-20T10:00:00+00:00",
            )
        )
        s.add(
            ConflictRecord(
                record_type="person",
                record_id=ids["Mira"],
                field="team",
                kept="Elders",
                kept_clock=edited,
                lost=None,
                lost_clock=stamp_created,
                created_at="2026-11-20T10:00:00+00:00",
            )
        )
        s.execute(text("DELETE FROM settings WHERE key = 'settings_version'"))
        for key, value in (
            ("worker_name", "Bram"),
            ("worker_phone", "0470 23 45 67"),
            ("organisation_name", "Outreach Gent"),
        ):
            s.add(Setting(key=key, value=json.dumps(value)))
    vault.lock()

    v = vault_service.unlock(PASSPHRASE)
    try:
        an, bram, koen = legacy_worker_id("An"), legacy_worker_id("Bram"), legacy_worker_id("Koen")
        # This worker typed their own name as "Bram": this device is that worker now.
        assert v.device.worker_id == bram
        me = v.workers.me()
        assert me is not None and (me.name, me.phone, me.legacy) == ("Bram", "+32470234567", False)
        with v.context.read() as s:
            people = {p.alias: p for p in s.scalars(select(Person))}
            assert people["Zoë"].worker_id == people["Mira"].worker_id == an
            assert people["Yusuf"].worker_id == bram and people["Tom"].worker_id is None
            assert people["Zoë"].field_clocks == {"*": stamp_created, "worker_id": edited}
            # A typed team that names a team this device syncs with routes the person there.
            routed = {r.record_id: r.team_id for r in s.scalars(select(RecordTeam))}
            assert routed.get(ids["Zoë"]) == "team-noord" and ids["Mira"] not in routed
            workers = {w.id: w for w in s.scalars(select(Worker))}
            assert workers[an].name == "An" and workers[an].legacy
            assert not workers[bram].legacy and koen in workers and workers[koen].legacy
            history = s.get(RecordHistory, ("person", ids["Zoë"]))
            assert history is not None
            assert history.entries == [["rev-a", {"*": stamp_created, "worker_id": edited}]]
            queued = s.scalars(
                select(OutboxEntry).where(OutboxEntry.record_id == ids["Yusuf"])
            ).all()
            assert queued and all(
                "worker_id" in e.payload["fields"] and "team" not in e.payload["clocks"]
                for e in queued
            )
            conflicts = {c.field: c for c in s.scalars(select(ConflictRecord))}
            assert set(conflicts) == {"worker_id"}
            assert (conflicts["worker_id"].kept, conflicts["worker_id"].lost) == (an, koen)
            # The legacy workers are ordinary records: they sync to the team.
            assert {e.record_id for e in s.scalars(select(OutboxEntry))} >= {an, koen}
            assert s.get(Setting, "upgrade_legacy_workers") is None
            ident = s.scalars(select(DeviceIdentity)).one()
            assert ident.worker_id == bram
        rows = {r.alias: r for r in FieldServices(v).caseload.rows()}
        assert rows["Zoë"].worker_name == "An" and rows["Yusuf"].worker_name == "Bram"
        assert rows["Zoë"].team_name == "Team Noord"
    finally:
        v.lock()
