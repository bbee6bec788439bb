"""Several store instances on one database (docs/central-store.md): two processes behind a
load balancer must hand out a team's sequence numbers in commit order, or a device pulling
through one instance while the other commits could step over a revision for good."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.server.conftest import Database
from tests.server.helpers import Api, Device, Org, live_store

WRITES = 20  # pushes per writer
BATCH = 5  # new records per push


def now_ms() -> int:
    return int(time.time() * 1000)


@contextmanager
def api(base_url: str) -> Iterator[Api]:
    with httpx.Client(base_url=base_url, timeout=30.0) as client:
        yield Api(client, now_ms)


def writer(
    base_url: str, org: Org, team: str, device: Device, out: list[str]
) -> Callable[[], None]:
    def run() -> None:
        with api(base_url) as a:
            for i in range(WRITES):
                revs = [
                    a.revision(org, team, device, {"n": i, "k": k, "by": device.label})
                    for k in range(BATCH)
                ]
                assert a.statuses(device, team, revs) == ["stored"] * BATCH
                out.extend(r["revision"] for r in revs)

    return run


def test_two_instances_on_one_database_lose_no_revision_to_a_puller(
    database: Database, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    # Started one after the other: the first one creates (migrates) the database.
    with (
        live_store(tmp_path / "a", database.url) as a,
        live_store(tmp_path / "b", database.url) as b,
        api(a.base_url) as coord,
        api(b.base_url) as via_b,
    ):
        org = coord.bootstrap(a.token())
        team = coord.create_team(org)
        w1, w2, reader = (coord.member(org, [team], label=n) for n in ("een", "twee", "lezer"))

        written: list[str] = []
        threads = [
            threading.Thread(target=writer(a.base_url, org, team, w1, written)),
            threading.Thread(target=writer(b.base_url, org, team, w2, written)),
        ]
        seen: list[str] = []
        done = threading.Event()
        errors: list[BaseException] = []

        def pull_while_writing() -> None:
            # Through instance B only, in small pages, while both instances commit.
            after = 0
            try:
                with api(b.base_url) as r:
                    while True:
                        finished = done.is_set()
                        page = r.pull(reader, team, after, limit=4)
                        assert page.status_code == 200, page.text
                        data = page.json()
                        seen.extend(x["revision"] for x in data["items"])
                        after = data["next_after"]
                        if finished and not data["more"]:
                            return
            except BaseException as exc:  # reported to the test thread
                errors.append(exc)

        puller = threading.Thread(target=pull_while_writing)
        puller.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        done.set()
        puller.join(timeout=120)
        assert not errors, errors
        assert not puller.is_alive() and not any(t.is_alive() for t in threads)

        assert len(written) == 2 * WRITES * BATCH
        assert len(seen) == len(set(seen)), "a revision came twice"
        assert set(seen) == set(written), "the puller stepped over a revision"
        # And a fresh pull through either instance sees the same, in the same order.
        via_a = [x["revision"] for x in coord.pull_all(reader, team)]
        from_b = [x["revision"] for x in via_b.pull_all(reader, team)]
        assert via_a == from_b and set(via_a) == set(written)
