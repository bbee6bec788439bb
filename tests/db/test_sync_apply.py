"""Two real vaults exchanging revisions through the apply step (the store only routes them):
concurrent edits merge identically on both sides, losers are kept, notes keep both texts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import ConflictRecord, OutboxEntry, Person, SyncedConflict
from app.paths import AppPaths
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.sync_purge import purge_records
from app.services.vault import OpenVault, VaultService
from app.sync.apply import FoundConflict, Outcome, apply_incoming, parse_payload
from app.sync.conflicts import record_conflicts
from app.sync.service import SyncService
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 11, 20, 10, 0)


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[FieldServices, FieldServices]]:
    vaults: list[OpenVault] = []
    for name in ("a", "b"):
        d = tmp_path / name
        vaults.append(
            VaultService(AppPaths(d, d / "logs"), kdf_params=FAST_KDF).create(PASSPHRASE).vault
        )
    yield FieldServices(vaults[0], now=lambda: NOW), FieldServices(vaults[1], now=lambda: NOW)
    for v in vaults:
        v.lock()


def exchange(src: FieldServices, dst: FieldServices) -> list[Outcome]:
    """Everything in src's outbox, applied to dst, then acknowledged on src."""
    outcomes = []
    with src.context.ctx.transaction() as s:
        entries = list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)))
        batch = [
            (e.record_type, e.record_id, e.revision, tuple(e.parents), dict(e.payload))
            for e in entries
        ]
        for e in entries:
            s.delete(e)
    with dst.context.ctx.transaction() as s:
        for t, rid, rev, parents, payload in batch:
            inc = parse_payload(t, rid, rev, parents, payload)
            found: list[FoundConflict] = []
            outcomes.append(
                apply_incoming(s, inc, device_worker=dst.context.ctx.device.worker_id, found=found)
            )
            record_conflicts(s, dst.context.records, inc, found, None)
    return outcomes


def state(f: FieldServices, pid: str) -> tuple[object, ...]:
    p = f.people.get(pid)
    return (p.alias, p.note, p.phone, p.revision)


def test_insert_then_concurrent_edits_converge_with_conflicts_kept(two) -> None:  # type: ignore[no-untyped-def]
    a, b = two
    pid = a.people.create_pseudonym(
        PseudonymInput("Rosa", date(2026, 1, 1), "mond_aan_mond", note="Houdt van koken")
    )
    assert set(exchange(a, b)) == {Outcome.INSERTED}
    assert b.caseload.search("koken") == [pid] and b.people.get(pid).phase == "bereiken"
    exchange(b, a)  # b has nothing new
    # Concurrent: a edits the note, b edits the note and the alias.
    a.people.update(pid, note="Zoekt werk in de horeca")
    b.people.update(pid, note="Wil een opleiding", alias="Rosa M.")
    out_a = exchange(a, b)  # b merges a's edit
    out_b = exchange(b, a)  # a receives b's edit and b's merge
    assert Outcome.MERGED in out_a
    exchange(a, b)
    assert state(a, pid) == state(b, pid)
    note = a.people.get(pid).note or ""
    assert "Zoekt werk in de horeca" in note and "Wil een opleiding" in note
    assert a.people.get(pid).alias == "Rosa M."  # changed on one side only: no conflict
    with b.context.ctx.read() as s:
        conflicts = list(s.scalars(select(SyncedConflict)))
    assert [c.field for c in conflicts] == ["note"] and conflicts[0].both_kept
    assert conflicts[0].person_id == pid and conflicts[0].status == "open"
    _ = out_b


def test_edit_against_concurrent_delete_keeps_the_loser(two) -> None:  # type: ignore[no-untyped-def]
    a, b = two
    pid = a.people.create_pseudonym(PseudonymInput("Mo", date(2026, 1, 1), "mond_aan_mond"))
    exchange(a, b)
    b.people.update(pid, note="Nieuw nummer doorgegeven")
    a.people.delete(pid)
    exchange(a, b)
    exchange(b, a)
    with a.context.ctx.read() as s:
        pa = s.get(Person, pid)
    with b.context.ctx.read() as s:
        pb = s.get(Person, pid)
        found = list(s.scalars(select(SyncedConflict)))
    assert pa is not None and pb is not None
    assert (pa.deleted, pa.note) == (pb.deleted, pb.note) == (True, "Nieuw nummer doorgegeven")
    # The delete won; the edit is kept and can be restored.
    assert {c.field: c.lost for c in found} == {"deleted": False}
    # The value that lost is b's own edit, made on b: b's worker and device, not "the other".
    assert found[0].lost_by == b.context.ctx.device.worker_id
    assert found[0].lost_device == b.context.ctx.device.device_id


def test_edit_against_delete_names_the_editor_on_the_deleting_device_too(two) -> None:  # type: ignore[no-untyped-def]
    a, b = two
    pid = a.people.create_pseudonym(PseudonymInput("Mo", date(2026, 1, 1), "mond_aan_mond"))
    exchange(a, b)
    b.people.update(pid, note="Nieuw nummer doorgegeven")
    a.people.delete(pid)
    exchange(b, a)  # a, which deleted, merges b's edit: b's value lost
    with a.context.ctx.read() as s:
        (c,) = s.scalars(select(SyncedConflict))
    assert (c.field, c.lost) == ("deleted", False)
    assert c.lost_by == b.context.ctx.device.worker_id != a.context.ctx.device.worker_id
    assert c.lost_device == b.context.ctx.device.device_id


def test_dominated_and_repeated_revisions(two) -> None:  # type: ignore[no-untyped-def]
    a, b = two
    pid = a.people.create_pseudonym(PseudonymInput("Jo", date(2026, 1, 1), "mond_aan_mond"))
    with a.context.ctx.read() as s:
        first = [
            (e.record_type, e.record_id, e.revision, tuple(e.parents), dict(e.payload))
            for e in s.scalars(select(OutboxEntry))
        ]
    exchange(a, b)
    a.people.update(pid, note="later")
    exchange(a, b)
    with b.context.ctx.transaction() as s:  # a replayed, older revision changes nothing
        for t, rid, rev, parents, payload in first:
            outcome = apply_incoming(
                s, parse_payload(t, rid, rev, parents, payload), device_worker="x"
            )
            assert outcome in (Outcome.OLDER, Outcome.SAME)
    assert b.people.get(pid).note == "later"


def test_purge_removes_and_refuses(two) -> None:  # type: ignore[no-untyped-def]
    a, b = two
    a.people.create_pseudonym(PseudonymInput("Zoë", date(2026, 1, 1), "mond_aan_mond"))
    with a.context.ctx.read() as s:
        payloads = [
            (e.record_type, e.record_id, e.revision, tuple(e.parents), dict(e.payload))
            for e in s.scalars(select(OutboxEntry))
        ]
    exchange(a, b)
    with b.context.ctx.transaction() as s:
        purge_records(s, [(t, rid) for t, rid, *_ in payloads])
    assert b.caseload.rows() == [] and b.caseload.search("zoe") == []
    with b.context.ctx.transaction() as s:  # a late copy never comes back
        for t, rid, rev, parents, payload in payloads:
            assert (
                apply_incoming(s, parse_payload(t, rid, rev, parents, payload), device_worker="x")
                is Outcome.PURGED
            )
    assert b.caseload.rows() == []


def test_malformed_payloads_are_refused() -> None:
    from app.sync.apply import PayloadError

    with pytest.raises(PayloadError):
        parse_payload("onbekend", "x", "r", (), {})
    with pytest.raises(PayloadError):
        parse_payload("person", "x", "r", (), {"fields": {"alias": "x"}, "clocks": {}, "meta": {}})


def test_a_required_field_left_empty_is_refused(two) -> None:  # type: ignore[no-untyped-def]
    """A NOT NULL field sent as null is malformed (it came from the network): refused before
    it reaches the database, not turned into a column default or an integrity error."""
    from app.sync.apply import PayloadError

    a, _ = two
    a.people.create_pseudonym(PseudonymInput("Mo", date(2026, 1, 1), "mond_aan_mond"))
    with a.context.ctx.read() as s:
        e = s.scalars(select(OutboxEntry).where(OutboxEntry.record_type == "person")).one()
        payload = dict(e.payload)
    fields = dict(payload["fields"])
    parse_payload("person", e.record_id, e.revision, (), {**payload, "fields": fields})
    for name in ("alias", "languages", "deleted"):
        broken = {**payload, "fields": {**fields, name: None}}
        with pytest.raises(PayloadError):
            parse_payload("person", e.record_id, e.revision, (), broken)


def test_conflicts_of_the_old_local_table_become_the_teams(two) -> None:  # type: ignore[no-untyped-def]
    """A vault upgraded with conflicts in the local table: the first listing writes them as
    synced conflicts (queued for the team), with their state, and empties the old table."""
    a, _ = two
    pid = a.people.create_pseudonym(PseudonymInput("Mo", date(2026, 1, 1), "mond_aan_mond"))
    device = a.context.ctx.device
    stamp = f"{1_764_000_000_000:015d}:000000:{device.device_id}"
    other = f"{1_764_000_000_001:015d}:000000:0f0f0f0f-0000-4000-8000-000000000000"
    with a.context.ctx.transaction() as s:
        for field, status in (("note", "open"), ("alias", "accepted")):
            s.add(
                ConflictRecord(
                    record_type="person", record_id=pid, field=field, kept="nieuw",
                    kept_clock=other, lost="oud", lost_clock=stamp,
                    lost_by=device.worker_id, both_kept=False, created_at="2026-11-30T10:00:00",
                    status=status, resolved_at=None if status == "open" else "2026-11-30T11:00:00",
                )
            )  # fmt: skip
    sync = SyncService(a.context.ctx)
    try:
        rows = {c.field: c for c in sync.conflicts(open_only=False)}
    finally:
        sync.close()
    assert set(rows) == {"note", "alias"}
    assert rows["note"].status == "open" and rows["alias"].status == "accepted"
    assert rows["note"].lost_device == device.device_id and rows["note"].person_id == pid
    with a.context.ctx.read() as s:
        assert list(s.scalars(select(ConflictRecord))) == []
        queued = {
            e.record_id for e in s.scalars(select(OutboxEntry)) if e.record_type == "conflict"
        }
    assert queued == {c.id for c in rows.values()}
