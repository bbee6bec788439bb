"""The real store in a subprocess on 127.0.0.1: end to end, concurrency across two instances,
what ends up on disk (canary), oversized bodies over a socket, fault injection."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, inspect, text

from app.server.app import create_app
from app.server.db import StoreTooNew
from app.sync.protocol import MAX_BODY_BYTES, b64e
from tests.conftest import CANARY
from tests.server.conftest import Database
from tests.server.helpers import Api, LiveStore, live_store, rev_id


def now_ms() -> int:
    return int(time.time() * 1000)


@pytest.fixture
def live(database: Database, store_dir: Path) -> Iterator[LiveStore]:
    with live_store(store_dir, database.url) as s:
        yield s


@pytest.fixture
def http(live: LiveStore) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.base_url, timeout=30) as c:
        yield c


def test_end_to_end_over_the_network(live: LiveStore, http: httpx.Client) -> None:
    token = live.token()
    api = Api(http, now_ms)
    org = api.bootstrap(token)
    team = api.create_team(org)
    worker = api.member(org, [team])
    rev = api.revision(org, team, worker, {"tekst": "hallo"})
    assert api.statuses(worker, team, [rev]) == ["stored"]
    items = api.pull_all(org.coordinator, team)
    assert [i["revision"] for i in items] == [rev["revision"]]
    log = (live.data_dir / "logs" / "store.log").read_text()
    assert "POST /v2/push 200 device=" + worker.device_id in log
    assert token not in log
    assert rev["ciphertext"][:40] not in log
    printed = live.output.read_text()
    assert "setup-token" in printed  # the path is shown…
    assert token not in printed  # …never the token


def test_seq_is_commit_ordered_under_concurrent_pushes(
    database: Database, store_dir: Path, live: LiveStore, http: httpx.Client
) -> None:
    """Several devices push to one team through two store instances on one database while a
    reader pulls by cursor: the reader must end up with every revision (a seq handed out
    before an earlier one commits would be skipped)."""
    api = Api(http, now_ms)
    org = api.bootstrap(live.token())
    team = api.create_team(org)
    devices = [org.coordinator] + [api.member(org, [team], label=f"d{i}") for i in range(3)]
    pushed: list[str] = []
    lock = threading.Lock()
    done = threading.Event()
    errors: list[str] = []
    with live_store(store_dir, database.url) as second:
        bases = [live.base_url, second.base_url]

        def pusher(i: int) -> None:
            dev = devices[i % len(devices)]
            with httpx.Client(base_url=bases[i % 2], timeout=60) as c:
                a = Api(c, now_ms)
                for _ in range(12):
                    revs = [a.revision(org, team, dev, {"n": k}) for k in range(4)]
                    r = a.push(dev, team, revs)
                    if r.status_code != 200:
                        errors.append(r.text)
                        return
                    with lock:
                        pushed.extend(x["revision"] for x in revs)

        seen: list[dict[str, Any]] = []

        def reader() -> None:
            with httpx.Client(base_url=bases[1], timeout=60) as c:
                a = Api(c, now_ms)
                after = 0
                while True:
                    finished = done.is_set()
                    r = a.pull(org.coordinator, team, after, limit=7)
                    data = r.json()
                    seen.extend(data["items"])
                    after = data["next_after"]
                    if finished and not data["more"]:
                        return

        threads = [threading.Thread(target=pusher, args=(i,)) for i in range(8)]
        rt = threading.Thread(target=reader)
        rt.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        done.set()
        rt.join()
    assert not errors
    seqs = [i["seq"] for i in seen]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert sorted(i["revision"] for i in seen) == sorted(pushed)
    assert len(pushed) == 8 * 12 * 4


RECORD_COLUMNS = {
    "team_id",
    "record_type",
    "record_id",
    "revision",
    "parents",
    "device_id",
    "epoch",
    "ciphertext",
    "size",
    "seq",
    "stored_at_ms",
}


def test_canary_never_reaches_the_store(
    database: Database, store_dir: Path, live: LiveStore, http: httpx.Client
) -> None:
    api = Api(http, now_ms)
    org = api.bootstrap(live.token())
    team = api.create_team(org)
    revs = [
        api.revision(org, team, org.coordinator, {"naam": CANARY, "notitie": f"{CANARY} {i}"})
        for i in range(20)
    ]
    assert api.statuses(org.coordinator, team, revs) == ["stored"] * 20
    merged = api.revision(
        org,
        team,
        org.coordinator,
        {"naam": CANARY},
        record_id=revs[0]["record_id"],
        parents=(revs[0]["revision"],),
    )
    assert api.statuses(org.coordinator, team, [merged]) == ["stored"]
    needle = CANARY.encode()
    # Exactly the documented metadata, nothing more.
    engine = create_engine(database.url)
    try:
        with engine.connect() as conn:
            assert {c["name"] for c in inspect(conn).get_columns("records")} == RECORD_COLUMNS
            rows = conn.execute(text("SELECT * FROM records")).mappings().all()
            assert len(rows) == 20
            for row in rows:
                for name, value in row.items():
                    if name != "ciphertext":
                        assert CANARY not in str(value)
    finally:
        engine.dispose()
    if database.kind == "sqlite":
        files = [p for p in store_dir.rglob("*") if p.is_file()]
        assert any(p.name == "store.db" for p in files)
        for p in files:
            assert needle not in p.read_bytes(), p.name
    else:
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            pytest.skip("pg_dump is not installed")
        from sqlalchemy.engine import make_url

        url = make_url(database.base_url or "")
        env = {**os.environ, "PGPASSWORD": url.password or ""}
        dump = subprocess.run(
            [
                pg_dump,
                "-h",
                url.host or "127.0.0.1",
                "-p",
                str(url.port or 5432),
                "-U",
                url.username or "",
                "-n",
                database.schema or "",
                url.database or "",
            ],
            env=env,
            capture_output=True,
            check=True,
        ).stdout
        assert b"CREATE TABLE" in dump and len(dump) > 20 * 100
        assert needle not in dump
        for p in store_dir.rglob("*"):
            if p.is_file():
                assert needle not in p.read_bytes(), p.name


def test_oversized_body_over_a_socket(live: LiveStore, http: httpx.Client) -> None:
    api = Api(http, now_ms)
    org = api.bootstrap(live.token())
    team = api.create_team(org)
    rev = api.revision(org, team, org.coordinator, {"x": 1})
    blob = b64e(b"\0" * (200 * 1024))
    revs = [{**rev, "revision": rev_id(), "ciphertext": blob} for _ in range(45)]
    body = json.dumps({"team_id": team, "revisions": revs}).encode()
    assert len(body) > MAX_BODY_BYTES
    try:
        r = api.call("POST", "/v2/push", device=org.coordinator, content=body)
        print("oversized push answered", r.status_code)
        assert r.status_code == 413
        assert r.json() == {"error": "too_large"}
    except httpx.TransportError:
        pass  # the store may close the socket before the client finished sending
    assert api.pull_all(org.coordinator, team) == []
    assert api.statuses(org.coordinator, team, [rev]) == ["stored"]


def _wait_killed(proc: subprocess.Popen[bytes]) -> int:
    return proc.wait(timeout=30)


def test_fault_after_store_before_response(database: Database, store_dir: Path) -> None:
    with (
        live_store(store_dir, database.url) as s,
        httpx.Client(base_url=s.base_url, timeout=30) as c,
    ):
        api = Api(c, now_ms)
        org = api.bootstrap(s.token())
        team = api.create_team(org)
    rev = api.revision(org, team, org.coordinator, {"x": "bewaard"})
    with live_store(store_dir, database.url, fault="after_store_before_response") as s:
        with (
            httpx.Client(base_url=s.base_url, timeout=30) as c,
            pytest.raises(httpx.TransportError),
        ):
            Api(c, now_ms).push(org.coordinator, team, [rev])
        assert _wait_killed(s.process) == -signal.SIGKILL
    with (
        live_store(store_dir, database.url) as s,
        httpx.Client(base_url=s.base_url, timeout=30) as c,
    ):
        api = Api(c, now_ms)
        # The push was committed before the crash: the retry is a duplicate, the leaf is there.
        assert api.statuses(org.coordinator, team, [rev]) == ["duplicate"]
        assert [i["revision"] for i in api.pull_all(org.coordinator, team)] == [rev["revision"]]


def test_fault_mid_pull_and_nth_hit(database: Database, store_dir: Path) -> None:
    with (
        live_store(store_dir, database.url) as s,
        httpx.Client(base_url=s.base_url, timeout=30) as c,
    ):
        api = Api(c, now_ms)
        org = api.bootstrap(s.token())
        team = api.create_team(org)
        rev = api.revision(org, team, org.coordinator, {"x": 1})
        assert api.statuses(org.coordinator, team, [rev]) == ["stored"]
    with live_store(store_dir, database.url, fault="mid_pull@2") as s:
        with httpx.Client(base_url=s.base_url, timeout=30) as c:
            api = Api(c, now_ms)
            assert api.pull(org.coordinator, team).status_code == 200
            with pytest.raises(httpx.TransportError):
                api.pull(org.coordinator, team)
        assert _wait_killed(s.process) == -signal.SIGKILL


def test_database_newer_than_the_store_is_refused(database: Database, store_dir: Path) -> None:
    engine = create_engine(database.url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            conn.execute(text("INSERT INTO alembic_version VALUES ('9999_future')"))
    finally:
        engine.dispose()
    with pytest.raises(StoreTooNew):
        create_app(database.url, data_dir=store_dir)
    with pytest.raises(RuntimeError, match="exited with 2"), live_store(store_dir, database.url):
        pass
