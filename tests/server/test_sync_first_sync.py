"""A new device's first sync through a real store: pulled pages are applied in bulk and the
local indexes rebuilt set-wise afterwards; the result must be exactly what the services built
on the device that wrote the records. Also progress, stopping and resuming, leftover index
debt, and routing of new records to their person's team for a coordinator in several teams."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.models import (
    FTS_TABLE,
    MODEL_BY_TYPE,
    ContactPerson,
    IndexDebt,
    Person,
    RecordHistory,
    TeamState,
)
from app.services.contacts import ContactInput, Participant
from app.services.demo import generate_demo
from app.services.people import PseudonymInput
from app.sync import engine as sync_module
from app.sync.engine import SyncProgress
from app.sync.errors import MassDeletionPending, SyncCancelled
from tests.server.helpers import LiveStore
from tests.server.sync_support import NOW, Laptop, enrol, organisation


@pytest.fixture
def made(tmp_path: Path) -> Iterator[list[Laptop]]:
    laptops: list[Laptop] = []
    yield laptops
    for lt in laptops:
        lt.close()


def laptop(made: list[Laptop], root: Path, name: str, *, shared: bool = False) -> Laptop:
    lt = Laptop(root, name, shared=shared)
    made.append(lt)
    return lt


def records(lt: Laptop) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Every synced record: its fields, clocks, revision, parents and author metadata. Audit
    entries aside: each device writes its own all the time (tests/server/test_team_work.py)."""
    out: dict[tuple[str, str], tuple[Any, ...]] = {}
    with lt.vault.context.read() as s:
        for record_type, model in MODEL_BY_TYPE.items():
            if record_type == "audit_entry":
                continue
            for r in s.scalars(select(model)):
                out[(record_type, r.id)] = (
                    r.payload(),
                    r.field_clocks,
                    r.revision,
                    sorted(r.parent_revisions),
                    r.created_at,
                    r.created_by,
                    r.updated_at,
                    r.updated_by,
                )
    return out


def local_indexes(lt: Laptop) -> dict[str, Any]:
    """What a device derives from the records: search documents, contact people, cached
    phase and contact dates, histories."""
    with lt.vault.context.read() as s:
        docs = {
            pid: sorted(body.split())
            for pid, body in s.execute(
                text(
                    f"SELECT d.person_id, f.body FROM {FTS_TABLE} f "
                    "JOIN search_docs d ON d.doc = f.rowid"
                )
            )
        }
        people = {
            p.id: (p.phase, p.low_flame, p.closed, p.last_contact_at, p.next_contact_at)
            for p in s.scalars(select(Person))
        }
        contact_people = sorted(
            (c.contact_id, c.person_id, c.attended, c.occurred_at, c.reached)
            for c in s.scalars(select(ContactPerson))
        )
        histories = {
            (h.record_type, h.record_id): h.entries
            for h in s.scalars(select(RecordHistory))
            if h.entries
        }
    return {"docs": docs, "people": people, "contact_people": contact_people, "h": histories}


def debt(lt: Laptop) -> int:
    with lt.vault.context.read() as s:
        return len(list(s.scalars(select(IndexDebt.person_id))))


@pytest.mark.parametrize("shared", [False, True], ids=["alone", "sharing-the-vault"])
def test_a_new_device_gets_every_record_and_the_same_local_indexes(
    store: LiveStore,
    made: list[Laptop],
    tmp_path: Path,
    shared: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Alone (the command line: large transactions) and sharing the vault as the app does
    (pages decoded outside the vault's turn, applied in slices of a few items, re-indexed a few
    people at a time): the same records and local indexes as the author's."""
    monkeypatch.setattr(sync_module, "SHARED_APPLY_MAX", 7)
    monkeypatch.setattr(sync_module, "SHARED_INDEX_MAX", 3)
    coord = laptop(made, tmp_path, "coordinator")
    team = organisation(store.base_url, store.token(), coord)
    summary = generate_demo(coord.field, 12, contacts_per_person=8, vindplaatsen=3)
    assert summary.contacts > 0
    coord.sync_once()
    new = laptop(made, tmp_path, "nieuwe-laptop", shared=shared)
    new.sync.enrol(store.base_url, coord.sync.create_invite([team]))
    coord.sync.approve_pending()
    report = new.sync_once()

    if new.watch is not None:  # one turn per slice at least: others went between them
        assert new.watch.turns > len(records(coord)) / 7
    assert report.outcomes.get("inserted", 0) == sum(report.changed_types.values())
    assert sum(n for t, n in report.changed_types.items() if t != "audit_entry") == len(
        records(coord)
    )
    assert records(new) == records(coord)
    assert local_indexes(new) == local_indexes(coord)
    assert debt(new) == 0
    # And the services read it as the author does.
    assert [r.id for r in new.field.caseload.rows()] == [r.id for r in coord.field.caseload.rows()]
    some = coord.field.caseload.rows()[3]
    assert new.field.caseload.search(some.alias) == coord.field.caseload.search(some.alias)


@pytest.mark.parametrize("shared", [False, True], ids=["alone", "sharing-the-vault"])
def test_a_long_first_sync_reports_progress_can_stop_and_resumes(
    store: LiveStore,
    made: list[Laptop],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shared: bool,
) -> None:
    monkeypatch.setattr(sync_module, "SHARED_APPLY_MAX", 3)  # pages of 10 in 4 slices
    coord = laptop(made, tmp_path, "coordinator")
    team = organisation(store.base_url, store.token(), coord)
    generate_demo(coord.field, 6, contacts_per_person=6, vindplaatsen=2)
    coord.sync_once()
    total_records = len(records(coord))
    new = laptop(made, tmp_path, "nieuwe-laptop", shared=shared)
    new.sync.enrol(store.base_url, coord.sync.create_invite([team]))
    coord.sync.approve_pending()
    monkeypatch.setattr(sync_module, "PULL_PAGE", 10)

    seen: list[SyncProgress] = []

    def stop_after_three_pages() -> bool:
        return sum(p.phase == "pull" for p in seen) >= 3

    with pytest.raises(SyncCancelled) as stopped:
        new.sync.sync_once(progress=seen.append, should_stop=stop_after_three_pages)
    assert "gestopt" in stopped.value.message
    pulls = [p for p in seen if p.phase == "pull"]
    assert len(pulls) == 4  # the page already on its way is applied, then it stops
    assert [p.done for p in pulls] == sorted(p.done for p in pulls)
    assert all(p.total >= total_records and 0 < p.done < p.total for p in pulls)
    with new.vault.context.read() as s:
        cursor = s.get(TeamState, team).cursor  # type: ignore[union-attr]
    assert cursor == pulls[-1].done  # what was applied stays, and the cursor says so
    assert 0 < len(records(new)) < total_records
    assert debt(new) == 0  # the indexes of what arrived were rebuilt even so

    seen.clear()
    new.sync.sync_once(progress=seen.append)
    pulls = [p for p in seen if p.phase == "pull"]
    assert pulls[-1].done == pulls[-1].total
    assert records(new) == records(coord)
    assert local_indexes(new) == local_indexes(coord)


def test_index_debt_left_by_an_interrupted_pull_is_worked_off(
    store: LiveStore, made: list[Laptop], tmp_path: Path
) -> None:
    coord = laptop(made, tmp_path, "coordinator")
    organisation(store.base_url, store.token(), coord)
    pid = coord.field.people.create_pseudonym(
        PseudonymInput("Zoë", date(2026, 1, 1), "mond_aan_mond", note="spreekt over fietsen")
    )
    coord.sync_once()
    # As if the app died after a page was applied, before its people were indexed.
    with coord.vault.context.transaction() as s:
        s.execute(text("DELETE FROM search_fts"))
        s.execute(text("DELETE FROM search_docs"))
        s.add(IndexDebt(person_id=pid))
    assert coord.field.caseload.search("fietsen") == []
    coord.sync_once()
    assert coord.field.caseload.search("fietsen") == [pid]
    assert debt(coord) == 0


def test_a_coordinator_in_two_teams_writes_to_each_person_s_team(
    store: LiveStore, made: list[Laptop], tmp_path: Path
) -> None:
    coord = laptop(made, tmp_path, "coordinator")
    noord = organisation(store.base_url, store.token(), coord, "Team Noord")
    zuid = coord.sync.create_team("Team Zuid")
    in_noord = laptop(made, tmp_path, "noord")
    in_zuid = laptop(made, tmp_path, "zuid")
    enrol(coord, in_noord, store.base_url, [noord])
    enrol(coord, in_zuid, store.base_url, [zuid])
    person = in_zuid.field.people.create_pseudonym(
        PseudonymInput("Sam", date(2026, 1, 1), "mond_aan_mond")
    )
    in_zuid.sync_once()
    coord.sync_once()
    assert coord.field.people.get(person).alias == "Sam"
    # The coordinator (home team: Noord) registers a contact with Sam: it belongs in Zuid.
    contact = coord.field.contacts.create(
        ContactInput(NOW, "vindplaats", (Participant(person),), summary="Koffie gedronken")
    )
    coord.sync_once()
    in_zuid.sync_once()
    in_noord.sync_once()
    assert contact in in_zuid.contacts()
    assert in_noord.contacts() == {}
    assert in_noord.people() == {}


def test_a_push_that_deletes_many_records_waits_for_confirmation(
    store: LiveStore, made: list[Laptop], tmp_path: Path
) -> None:
    coord = laptop(made, tmp_path, "coordinator")
    organisation(store.base_url, store.token(), coord)
    ids = [
        coord.field.people.create_pseudonym(
            PseudonymInput(f"Persoon {i}", date(2026, 1, 1), "mond_aan_mond"),
            allow_duplicate=True,
        )
        for i in range(20)
    ]
    coord.sync_once()
    for pid in ids[:15]:
        coord.field.people.delete(pid)
    queued = coord.outbox()
    with pytest.raises(MassDeletionPending) as asked:
        coord.sync.sync_once()
    assert asked.value.deletions == 15 and "15" in asked.value.message
    assert coord.outbox() == queued  # nothing was sent
    report = coord.sync.sync_once(confirm_mass_deletion=True)
    # 15 deletions, their 15 audit entries and the entry of this pass (it moved data).
    assert report.pushed == 31 and coord.outbox() == []


def test_a_pulled_change_to_a_person_reuses_their_indexed_contact_words(
    store: LiveStore, made: list[Laptop], tmp_path: Path
) -> None:
    coord = laptop(made, tmp_path, "coordinator")
    team = organisation(store.base_url, store.token(), coord)
    pid = coord.field.people.create_pseudonym(
        PseudonymInput("Zoë", date(2026, 1, 1), "mond_aan_mond", note="fietsen")
    )
    coord.field.contacts.create(
        ContactInput(NOW, "telefoon", (Participant(pid),), summary="Gesprek over huisvesting")
    )
    coord.sync_once()
    other = laptop(made, tmp_path, "collega")
    enrol(coord, other, store.base_url, [team])
    assert other.field.caseload.search("huisvesting") == [pid]

    coord.field.people.update(pid, note="wandelen")
    coord.sync_once()
    other.sync_once()  # only the person record changed: its words are replaced in place
    assert other.field.caseload.search("wandelen") == [pid]
    assert other.field.caseload.search("fietsen") == []
    assert other.field.caseload.search("huisvesting zoë") == [pid]
    assert local_indexes(other) == local_indexes(coord)
    assert debt(other) == 0
