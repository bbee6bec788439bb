"""Shared by the hostile-store tests (test_hostile_store.py, test_hostile_answers.py): an
organisation on the real store with a coordinator, two teams and a worker in both, and the
checks every attack test makes — that nothing is encrypted under a key the store knows, and
that the unaffected team still syncs."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import select

from app.models import AuditEntry, SyncConfig, TeamKey
from app.services.people import PseudonymInput
from app.sync import envelope
from app.sync.errors import SyncError
from tests.server.sync_support import Laptop, StoreProcess, store_execute


@dataclass
class Org:
    store: StoreProcess
    url: str  # the store's database
    coord: Laptop
    noord: str
    zuid: str
    worker: Laptop  # in both teams
    recovery_private: str


def people(lt: Laptop, n: int, prefix: str) -> list[str]:
    return [
        lt.field.people.create_pseudonym(
            PseudonymInput(f"{prefix} {i}", date(1990, 1, 1 + i), "mond_aan_mond", note="nota"),
            allow_duplicate=True,
        )
        for i in range(n)
    ]


def home(lt: Laptop, team: str) -> None:
    """New records of `lt` go to `team` when they are pushed."""
    with lt.vault.context.transaction() as s:
        cfg = s.scalars(select(SyncConfig)).one()
        cfg.home_team_id = team


def join(coord: Laptop, lt: Laptop, url: str, teams: list[str], role: str = "worker") -> None:
    lt.sync.enrol(url, coord.sync.create_invite(teams, role=role))
    assert coord.sync.approve_pending() == 1
    lt.sync_once()


@contextlib.contextmanager
def organisation(database_url: str, tmp_path: Path) -> Iterator[Org]:
    """Outreach Gent on a real store: the coordinator made Team Noord (3 people) and Team
    Zuid (2 people); the worker is in both and holds all five."""
    sp = StoreProcess(tmp_path / "store", database_url, generous=True).start()
    made: list[Laptop] = []
    try:
        coord = Laptop(tmp_path, "coordinator")
        made.append(coord)
        created = coord.sync.create_organisation(sp.base_url, sp.token(), "Outreach Gent")
        noord = coord.sync.create_team("Team Noord")
        zuid = coord.sync.create_team("Team Zuid")
        home(coord, noord)
        people(coord, 3, "Noord")
        coord.sync_once()
        home(coord, zuid)
        people(coord, 2, "Zuid")
        coord.sync_once()
        home(coord, noord)
        worker = Laptop(tmp_path, "worker", shared=True)  # it pulls as the app does
        made.append(worker)
        join(coord, worker, sp.base_url, [noord, zuid])
        assert len(worker.people()) == 5
        yield Org(sp, database_url, coord, noord, zuid, worker, created.recovery_private_key)
    finally:
        for lt in made:
            lt.close()
        sp.stop()


def audit(lt: Laptop, event: str) -> list[AuditEntry]:
    """The entries this laptop wrote itself (audit entries sync: others' arrive too)."""
    with lt.vault.context.read() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(
                    AuditEntry.event == event, AuditEntry.device_id == lt.device_id
                )
            )
        )


def team_keys(lt: Laptop) -> dict[tuple[str, int], bytes]:
    with lt.vault.context.read() as s:
        return {(k.team_id, k.epoch): k.key for k in s.scalars(select(TeamKey))}


def keys(lt: Laptop) -> set[tuple[str, int]]:
    return set(team_keys(lt))


def store_epochs(url: str, team: str) -> set[int]:
    rows = store_execute(url, "SELECT DISTINCT epoch FROM records WHERE team_id = :t", {"t": team})
    return {int(r[0]) for r in rows}


def kem_public(url: str, device_id: str) -> X25519PublicKey:
    (row,) = store_execute(
        url, "SELECT kem_public_key FROM devices WHERE device_id = :d", {"d": device_id}
    )
    return X25519PublicKey.from_public_bytes(bytes(row[0]))


def nothing_under_store_keys(
    o: Org,
    store_keys: Iterable[bytes] = (),
    *,
    laptops: Iterable[Laptop] = (),
    garbage: Iterable[str] = (),
) -> None:
    """No device holds a key the store knows (`store_keys`: those the test made as the
    store), every team key a device holds is the one its coordinator made (the coordinator
    created both teams and made every epoch), and every revision on the store opens under
    that genuine key of its epoch — except `garbage` (record ids a rogue member pushed as
    random bytes: they are nobody's plaintext)."""
    genuine = team_keys(o.coord)
    known = set(store_keys)
    for lt in (o.coord, o.worker, *laptops):
        for where, key in team_keys(lt).items():
            assert key not in known, f"{lt.name} holds a key the store made ({where})"
            assert genuine.get(where) == key, f"{lt.name} holds a key no coordinator made"
    skip = set(garbage)
    rows = store_execute(
        o.url,
        "SELECT team_id, record_type, record_id, revision, parents, device_id, epoch,"
        " ciphertext FROM records",
        {},
    )
    assert rows
    for team, rtype, rid, rev, parents, device, epoch, ciphertext in rows:
        if rid in skip:
            continue
        genuine_key = genuine.get((team, int(epoch)))
        assert genuine_key is not None, f"a revision under epoch {epoch} no coordinator made"
        meta = envelope.RecordMeta(
            team, rtype, rid, rev, tuple(json.loads(parents)), device, int(epoch)
        )
        try:
            envelope.open_record(genuine_key, meta, bytes(ciphertext))
        except envelope.EnvelopeError:
            raise AssertionError("a revision on the store is not under its genuine key") from None


def other_team_still_syncs(o: Org, team: str | None = None) -> None:
    """The coordinator writes in `team` (Zuid unless said otherwise); the worker receives it
    despite the attack on the other team."""
    target = team or o.zuid
    home(o.coord, target)
    (pid,) = people(o.coord, 1, "Na de aanval")
    with contextlib.suppress(SyncError):  # the coordinator may be asked about the attack too
        o.coord.sync_once()
    home(o.coord, o.noord)
    with contextlib.suppress(SyncError):  # the refused team is reported; the other went on
        o.worker.sync.sync_once(confirm_mass_deletion=True)
    assert pid in o.worker.people(), "the unaffected team did not sync"
