"""Fault injection around sync (DESIGN.md §1.2, §6, §10): the real store killed at its named
points and restarted on the same database, devices killed at theirs (a sync in a child process
that dies of SIGKILL), a loopback proxy that drops, stalls or cuts connections, replayed and
late requests, skewed clocks, tampered ciphertext, team boundaries, and what the store's
database holds (no canary, in SQLite and in a pg_dump of PostgreSQL).

After every fault: nothing acknowledged is lost, nothing is stored or applied twice, the outbox
drains on the next sync and both devices end with the same state.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from app.models import TeamState
from app.services.contacts import ContactInput, Participant
from app.services.people import PseudonymInput
from app.sync.transport import ClockSkewError, SyncError, Unreachable
from tests.conftest import CANARY, PASSPHRASE
from tests.server.conftest import Database
from tests.server.sync_support import (
    Laptop,
    Proxy,
    StoreProcess,
    enrol,
    organisation,
    store_execute,
    store_records,
    sync_in_subprocess,
    sync_until_quiet,
)


@dataclass
class World:
    store: StoreProcess
    database_url: str
    coord: Laptop
    team: str
    a: Laptop
    b: Laptop
    root: Path

    def laptops(self) -> list[Laptop]:
        return [self.coord, self.a, self.b]


def _world(database_url: str, root: Path) -> Iterator[World]:
    sp = StoreProcess(root / "store", database_url).start()
    made: list[Laptop] = []
    try:
        coord = Laptop(root, "coordinator")
        made.append(coord)
        team = organisation(sp.base_url, sp.token(), coord)
        a, b = Laptop(root, "laptop-a"), Laptop(root, "laptop-b", shared=True)
        made += [a, b]
        for lt in (a, b):
            enrol(coord, lt, sp.base_url, [team])
        yield World(sp, database_url, coord, team, a, b, root)
    finally:
        for lt in made:
            lt.close()
        sp.stop()


@pytest.fixture
def world(database: Database, tmp_path: Path) -> Iterator[World]:
    """The store on SQLite and on PostgreSQL (when available)."""
    yield from _world(database.url, tmp_path)


@pytest.fixture
def sqlite_world(tmp_path: Path) -> Iterator[World]:
    """For faults on the device side, where the store's database plays no part."""
    (tmp_path / "store").mkdir()
    yield from _world(f"sqlite:///{tmp_path / 'store' / 'store.db'}", tmp_path)


def add_people(lt: Laptop, n: int, prefix: str = "Persoon") -> list[str]:
    """n people, each with a contact moment (a person also writes a phase event)."""
    ids = []
    for i in range(n):
        pid = lt.field.people.create_pseudonym(
            PseudonymInput(f"{prefix} {i}", date(2026, 1, 1), "mond_aan_mond", note=f"nota {i}"),
            allow_duplicate=True,
        )
        lt.field.contacts.create(
            ContactInput(
                datetime(2026, 11, 19, 9, 0),
                "telefoon",
                (Participant(pid),),
                summary=f"Gesprek {prefix} {i}",
            )
        )
        ids.append(pid)
    return ids


def assert_same_state(*laptops: Laptop) -> None:
    first = laptops[0]
    for lt in laptops:
        assert lt.outbox() == [], f"{lt.name} still has unsent changes"
        assert lt.people() == first.people(), f"{lt.name} and {first.name} hold other people"
        assert lt.contacts() == first.contacts(), f"{lt.name} and {first.name} differ"


def assert_store_has_one_leaf_per_record(database_url: str) -> None:
    rows = store_records(database_url)
    records = [(t, i) for t, i, _, _ in rows]
    assert len(records) == len(set(records)), "a record has two leaves on the store"
    seqs = [s for *_, s in rows]
    assert len(seqs) == len(set(seqs))


def cursor(lt: Laptop, team: str) -> int:
    with lt.vault.context.read() as s:
        st = s.get(TeamState, team)
        return st.cursor if st is not None else 0


# --- the store killed at its named points ---------------------------------------------------------


def test_store_killed_after_storing_a_push(world: World) -> None:
    w = world
    ids = add_people(w.a, 3)
    pending = w.a.outbox()
    w.store.restart(fault="after_store_before_response")
    with pytest.raises(Unreachable):
        w.a.sync_once()
    assert w.store.killed(), "the store did not die at its fault point"
    assert w.a.outbox() == pending, "an unacknowledged push left the outbox"
    stored = {r for _, _, r, _ in store_records(w.database_url)}
    assert {r for _, _, r in pending} <= stored, "the push was committed before the kill"
    w.store.start()
    w.a.sync_once()
    assert w.a.statuses_of(pending) == ["duplicate"] * len(pending)
    w.b.sync_once()
    assert set(ids) <= set(w.b.people())
    assert sorted(c[CONTACT_SUMMARY] for c in w.b.contacts().values()) == [
        f"Gesprek Persoon {i}" for i in range(3)
    ]
    assert_same_state(w.a, w.b)
    assert_store_has_one_leaf_per_record(w.database_url)


CONTACT_SUMMARY = 8  # index of `summary` in Laptop.contacts() rows


def test_store_killed_before_storing_a_push(world: World) -> None:
    w = world
    add_people(w.a, 2)
    pending = w.a.outbox()
    w.store.restart(fault="before_store")
    with pytest.raises(Unreachable):
        w.a.sync_once()
    assert w.store.killed()
    assert w.a.outbox() == pending
    assert not {r for _, _, r in pending} & {r for _, _, r, _ in store_records(w.database_url)}
    w.store.start()
    w.a.sync_once()
    assert w.a.statuses_of(pending) == ["stored"] * len(pending)
    w.b.sync_once()
    assert_same_state(w.a, w.b)
    assert_store_has_one_leaf_per_record(w.database_url)


def test_store_killed_mid_pull(world: World) -> None:
    w = world
    ids = add_people(w.a, 3)
    w.a.sync_once()
    before = cursor(w.b, w.team)
    w.store.restart(fault="mid_pull")
    with pytest.raises(Unreachable):
        w.b.sync_once()
    assert w.store.killed()
    assert cursor(w.b, w.team) == before and not set(ids) & set(w.b.people())
    w.store.start()
    w.b.sync_once()
    assert set(ids) <= set(w.b.people())
    assert len(w.b.contacts()) == 3
    assert_same_state(w.a, w.b)
    assert_store_has_one_leaf_per_record(w.database_url)


def test_store_killed_after_storing_a_purge(world: World) -> None:
    w = world
    ids = add_people(w.a, 2)
    sync_until_quiet(w.laptops())
    w.coord.field.rights.erase(ids[0], PASSPHRASE)
    w.store.restart(fault="after_purge_before_response")
    with pytest.raises(Unreachable):
        w.coord.sync_once()
    assert w.store.killed()
    w.store.start()
    sync_until_quiet(w.laptops())
    for lt in w.laptops():
        assert ids[0] not in lt.people() and ids[1] in lt.people()
    assert ids[0] not in {i for _, i, _, _ in store_records(w.database_url)}
    assert_same_state(*w.laptops())


# --- a device killed at its named points ----------------------------------------------------------


def test_device_killed_after_push_before_acknowledgement(sqlite_world: World) -> None:
    w = sqlite_world
    ids = add_people(w.a, 3)
    pending = w.a.outbox()
    child = sync_in_subprocess(w.a, "after_push_before_ack")
    assert child.returncode == -9, child.stderr
    assert w.a.outbox() == pending, "the acknowledgement must not have committed"
    assert {r for _, _, r in pending} <= {r for _, _, r, _ in store_records(w.database_url)}
    w.a.sync_once()
    assert w.a.statuses_of(pending) == ["duplicate"] * len(pending)
    w.b.sync_once()
    assert set(ids) <= set(w.b.people()) and len(w.b.contacts()) == 3
    assert_same_state(w.a, w.b)
    assert_store_has_one_leaf_per_record(w.database_url)


def test_device_killed_mid_pull(sqlite_world: World) -> None:
    w = sqlite_world
    ids = add_people(w.a, 3)
    w.a.sync_once()
    before = cursor(w.b, w.team)
    child = sync_in_subprocess(w.b, "mid_pull")
    assert child.returncode == -9, child.stderr
    assert cursor(w.b, w.team) == before, "the cursor moved without what it covers"
    assert not set(ids) & set(w.b.people()), "half a pull was committed"
    w.b.sync_once()
    assert set(ids) <= set(w.b.people()) and len(w.b.contacts()) == 3
    assert_same_state(w.a, w.b)


# --- the network between device and store ---------------------------------------------------------


def test_dropped_stalled_and_cut_connections_then_recovery(sqlite_world: World) -> None:
    w = sqlite_world
    proxy = Proxy(w.store.port, stall_s=3.0)
    c = Laptop(w.root, "laptop-c", timeout=1.0)
    try:
        enrol(w.coord, c, proxy.url, [w.team])
        ids = add_people(c, 2, "Onderweg")
        pending = c.outbox()
        for mode in ("drop", "stall", "cut_push"):
            proxy.mode = mode
            started = time.monotonic()
            with pytest.raises(Unreachable) as err:
                c.sync_once()
            assert time.monotonic() - started < 10, f"{mode}: the device hung"
            assert "niet bereikbaar" in str(err.value) and err.value.code == "unreachable"
            assert c.outbox() == pending, f"{mode}: unacknowledged changes left the outbox"
            assert [c.field.people.get(i).alias for i in ids] == ["Onderweg 0", "Onderweg 1"]
        # The cut push reached the store; the device never heard of it.
        assert {r for _, _, r in pending} <= {r for _, _, r, _ in store_records(w.database_url)}
        proxy.mode = "pass"
        c.sync_once()
        assert c.statuses_of(pending) == ["duplicate"] * len(pending)
        w.a.sync_once()
        assert set(ids) <= set(w.a.people())
        assert_same_state(c, w.a)
        assert_store_has_one_leaf_per_record(w.database_url)
    finally:
        c.close()
        proxy.close()


# --- replayed and late requests -------------------------------------------------------------------


def test_a_replayed_push_is_refused_and_a_late_one_never_returns(sqlite_world: World) -> None:
    w = sqlite_world
    captured: list[httpx.Request] = []

    def capture(request: httpx.Request) -> None:
        if request.url.path == "/v2/push":
            captured.append(request)

    w.a.client_hooks = {"request": [capture]}
    w.a.reopen()
    pid = add_people(w.a, 1, "Eenmalig")[0]
    w.a.sync_once()
    assert captured, "no push was captured"
    push = captured[0]
    before = store_records(w.database_url)
    r = httpx.post(w.store.base_url + "/v2/push", content=push.content, headers=dict(push.headers))
    assert r.status_code == 409 and r.json()["error"] == "replay"
    assert store_records(w.database_url) == before, "a replayed push changed the store"
    # The same revisions pushed late, freshly signed, after the person was edited: they are
    # remembered as superseded and never come back as a leaf.
    w.a.field.people.update(pid, alias="Tweede versie")
    w.a.sync_once()
    late = json.loads(push.content)
    answer = w.a.sync.transport().post("/v2/push", late)
    statuses = {x["revision"]: x["status"] for x in answer["results"]}
    person_rev = next(x["revision"] for x in late["revisions"] if x["record_type"] == "person")
    assert statuses[person_rev] == "superseded"
    assert set(statuses.values()) <= {"superseded", "duplicate"}
    w.b.sync_once()
    assert w.b.field.people.get(pid).alias == "Tweede versie"
    assert_same_state(w.a, w.b)
    assert_store_has_one_leaf_per_record(w.database_url)


# --- clocks ---------------------------------------------------------------------------------------


def test_a_laptop_clock_ten_minutes_off_stops_sync_and_two_minutes_is_fine(
    sqlite_world: World,
) -> None:
    w = sqlite_world
    offset = [0.0]
    c = Laptop(w.root, "scheve-klok", clock=lambda: time.time() + offset[0])
    try:
        enrol(w.coord, c, w.store.base_url, [w.team])
        pid = add_people(c, 1, "Klok")[0]
        pending = c.outbox()
        before = store_records(w.database_url)
        for skew in (600.0, -600.0):
            offset[0] = skew
            with pytest.raises(ClockSkewError) as err:
                c.sync_once()
            message = str(err.value)
            assert err.value.code == "clock_skew"
            # (|offset| is floored: ten minutes behind plus the request's latency reads "9")
            assert "klok" in message and re.search(r"\b10 minuten\b", message), message
            assert c.outbox() == pending and store_records(w.database_url) == before
        offset[0] = 120.0
        c.sync_once()
        assert c.outbox() == []
        w.a.sync_once()
        assert w.a.field.people.get(pid).alias == "Klok 0"
    finally:
        c.close()


# --- what the store hands out ---------------------------------------------------------------------


def test_a_tampered_record_is_quarantined_and_the_device_keeps_its_data(world: World) -> None:
    """Protocol v2: a revision that does not decrypt no longer stops the team's sync; it is
    kept encrypted in the quarantine with its reason, and the next edit of the record
    brings the genuine state."""
    w = world
    first = add_people(w.a, 1, "Eerst")
    sync_until_quiet([w.a, w.b])
    later = add_people(w.a, 2, "Later")
    w.a.sync_once()
    rows = store_execute(
        w.database_url,
        "SELECT revision, ciphertext, device_id FROM records WHERE record_id IN (:r, :q)",
        {"r": later[0], "q": later[1]},
    )
    (rev0, original0, _), (rev1, _, _) = rows
    flipped = bytes(original0)[:40] + bytes([bytes(original0)[40] ^ 1]) + bytes(original0)[41:]
    before_people = w.b.people()
    store_execute(
        w.database_url,
        "UPDATE records SET ciphertext = :c WHERE revision = :r",
        {"c": flipped, "r": rev0},
    )
    # The metadata is the ciphertext's associated data: a re-labelled row fails too.
    store_execute(
        w.database_url,
        "UPDATE records SET device_id = :d WHERE revision = :r",
        {"d": w.coord.device_id, "r": rev1},
    )
    report = w.b.sync_once()
    assert report.quarantined == 2
    people = w.b.people()
    assert set(before_people) <= set(people) and set(first) <= set(people)
    assert not {later[0], later[1]} & set(people)
    reasons = sorted(r.reason for r in w.b.sync.quarantine())
    assert reasons == ["does_not_decrypt", "does_not_decrypt"]
    # The next edit of each record brings the genuine state; nothing is stuck.
    for pid in later:
        w.a.field.people.update(pid, alias="Later, bijgewerkt")
    sync_until_quiet([w.a, w.b])
    assert w.b.field.people.get(later[0]).alias == "Later, bijgewerkt"


def test_a_device_cannot_read_or_write_another_teams_records(world: World) -> None:
    w = world
    other = w.coord.sync.create_team("Team Zuid")
    z = Laptop(w.root, "laptop-zuid")
    try:
        enrol(w.coord, z, w.store.base_url, [other])
        north = add_people(w.a, 1, "Noord")
        south = add_people(z, 1, "Zuid")
        for lt in (w.a, z, w.coord, w.b):
            lt.sync_once()
        assert set(north) & set(z.people()) == set() and set(south) & set(w.a.people()) == set()
        assert set(north) | set(south) <= set(w.coord.people())
        for path in (f"/v2/pull?team={other}&after=0", f"/v2/pull?team={w.team}&after=0"):
            peer, outsider = (z, w.a) if other in path else (w.a, z)
            with pytest.raises(SyncError) as err:
                outsider.sync.transport().get(path)
            assert err.value.status == 403, path
            assert peer.sync.transport().get(path)["items"]
        before = store_records(w.database_url)
        body = {
            "team_id": other,
            "revisions": [
                {
                    "record_type": "person",
                    "record_id": north[0],
                    "revision": "f" * 64,
                    "parents": [],
                    "epoch": 1,
                    "ciphertext": base64.b64encode(b"\0" * 64).decode(),
                }
            ],
        }
        with pytest.raises(SyncError) as err:
            w.a.sync.transport().post("/v2/push", body)
        assert err.value.status == 403
        assert store_records(w.database_url) == before
    finally:
        z.close()


# --- a canary never reaches the store in clear ----------------------------------------------------


def _canary_forms() -> list[bytes]:
    raw = CANARY.encode()
    forms = [raw, CANARY.encode("utf-16-le"), json.dumps(CANARY).encode()]
    for shift in range(3):  # base64 of the canary at each alignment
        chunk = base64.b64encode(b"x" * shift + raw)[4:-4]
        forms.append(chunk)
    return forms


def test_a_canary_never_reaches_the_store(database: Database, tmp_path: Path) -> None:
    for w in _world(database.url, tmp_path):
        pid = w.a.field.people.create_pseudonym(
            PseudonymInput(CANARY, date(2026, 1, 1), "mond_aan_mond", note=CANARY),
            allow_duplicate=True,
        )
        w.a.field.people.update(pid, referral_source=CANARY, note=f"{CANARY} bis")
        w.a.field.contacts.create(
            ContactInput(
                datetime(2026, 11, 19, 9, 0), "telefoon", (Participant(pid),), summary=CANARY
            )
        )
        sync_until_quiet(w.laptops())
        assert w.b.field.people.get(pid).alias == CANARY
        w.store.stop()  # SQLite: everything folded into the files we read
        files = [p for p in (tmp_path / "store").rglob("*") if p.is_file()]
        assert files
        for p in files:
            data = p.read_bytes()
            for form in _canary_forms():
                assert form not in data, f"the canary is readable in {p.name}"
        if database.kind == "postgresql":
            dump = _pg_dump(database)
            assert b"CREATE TABLE" in dump and b"records" in dump
            for form in _canary_forms():
                assert form not in dump, "the canary is readable in a pg_dump of the store"


def _pg_dump(database: Database) -> bytes:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        pytest.skip("pg_dump is not installed")
    assert database.base_url is not None and database.schema is not None
    url = make_url(database.base_url)
    env = {"PGPASSWORD": url.password or "", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [
            pg_dump,
            "--host", url.host or "127.0.0.1",
            "--port", str(url.port or 5432),
            "--username", url.username or "",
            "--schema", database.schema,
            "--no-owner",
            url.database or "",
        ],
        env=env,
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    if out.returncode != 0 and b"server version" in out.stderr:
        pytest.skip("pg_dump does not match the server's version")
    assert out.returncode == 0, out.stderr.decode(errors="replace")
    return out.stdout
