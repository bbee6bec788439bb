"""Working during a first sync (issue 13: saves and search stay under 100 ms p95 while a big
first sync runs; DESIGN.md §9: ranked search as you type < 50 ms).

    python bench/during_sync.py [--clients 5000] [--contacts 50] [--pause-ms 100]

Starts the real central store in a subprocess on 127.0.0.1 (SQLite in a temporary directory, as
bench/sync.py), fills a coordinator vault with `generate_demo` and pushes it all. A new device is
enrolled with 20 people of its own, then syncs as the app does: the `SyncScheduler` runs the
pass on the network lane, each vault step in a turn of the vault lane (a Qt event loop,
no window). While that first sync runs, the bench works on the device the way the screens do,
through the vault lane: it types search prefixes (the caseload's ranked search with the name
index made when the list loaded) and every fifth action saves a contact moment, waiting
`--pause-ms` after each answer. Each figure is the time from handing the job to the vault lane
to its answer back on the event loop's thread: what the worker waits for.

After the sync, the same ranked search on the device, now holding the whole team, is timed
alone (as bench/field.py does on a generated vault).

Prints one `name: value unit` line per figure; `#` lines are remarks.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import report, scratch_dir
from PySide6.QtCore import QCoreApplication, QTimer
from sqlalchemy import func, select
from sync import new_vault, start_store

from app.models import OutboxEntry
from app.qt.sync_scheduler import SyncScheduler
from app.qt.tasks import TaskRunner
from app.services.contacts import ContactInput, Participant
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.sync.service import SyncService

TYPED = ["j", "ja", "jan", "v", "ve", "ver", "verm", "z", "zo", "zoe", "sch", "schuld", "peeters"]
SAVE_EVERY = 5  # every fifth action is a save, the rest keystrokes
OWN_PEOPLE = 20


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def figures(name: str, seconds: list[float]) -> None:
    if not seconds:
        print(f"# {name}: no samples")
        return
    report(f"{name}_p50", statistics.median(seconds) * 1000, "ms", "{:.1f}")
    report(f"{name}_p95", p95(seconds) * 1000, "ms", "{:.1f}")
    report(f"{name}_max", max(seconds) * 1000, "ms", "{:.1f}")
    report(f"{name}_samples", len(seconds), "count", "{:.0f}")


class TimedTurns:
    """The vault lane's turns as the sync takes them, timed (how long work queued behind one
    waits at most), each with the engine step that took it."""

    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self.held: list[tuple[float, str]] = []
        self._lock = threading.Lock()

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._runner.turn():
            started = time.perf_counter()
            try:
                yield
            finally:
                took = time.perf_counter() - started
                step = next(
                    (
                        f"{Path(f.filename).stem}.{f.name}"
                        for f in reversed(traceback.extract_stack(limit=8))
                        if "app/sync/" in f.filename and not f.filename.endswith("link.py")
                    ),
                    "?",
                )
                with self._lock:
                    self.held.append((took, step))


def run(root: Path, clients: int, contacts: int, pause_ms: int) -> None:
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    proc, base = start_store(root / "store", f"sqlite:///{root / 'store' / 'store.db'}")
    try:
        coord_vault = new_vault(root, "coordinator")
        coord = SyncService(coord_vault.context)
        coord.create_organisation(base, (root / "store" / "setup-token").read_text(), "Bench")
        team = coord.create_team("Demoteam")
        start = time.perf_counter()
        summary = generate_demo(FieldServices(coord_vault), clients, contacts_per_person=contacts)
        report("demo_generation_s", time.perf_counter() - start, "s", "{:.2f}")
        with coord_vault.context.read() as s:
            records = int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)
        print(
            f"# demo team: {clients} people, {summary.contacts} contact moments, {records} records"
        )
        start = time.perf_counter()
        coord.sync_once()
        report("coordinator_push_s", time.perf_counter() - start, "s", "{:.2f}")

        device = new_vault(root, "nieuwe-laptop")
        field = FieldServices(device)
        # The device's own caseload: saves go round these people, about as many contact
        # moments each as the demo's (a save costs more as its person's contacts grow).
        own = [
            field.people.create_pseudonym(
                PseudonymInput(f"Eigen {i}", field.context.now().date(), "mond_aan_mond"),
                allow_duplicate=True,
            )
            for i in range(OWN_PEOPLE)
        ]
        sync = SyncService(device.context)
        sync.enrol(base, coord.create_invite([team]))
        coord.approve_pending()
        index = field.caseload.name_index(field.caseload.rows())

        runner = TaskRunner()
        scheduler = SyncScheduler(runner, check_interval_ms=600_000, first_delay_s=3600)
        scheduler.start(sync)
        turns = TimedTurns(runner)
        sync.use_vault_lane(turns.turn)  # the scheduler's lane, timed

        searches: list[float] = []
        saves: list[float] = []
        typed = itertools.cycle(TYPED)
        actions = itertools.count(1)
        now = field.context.now()
        outcome: dict[str, object] = {}

        def next_action() -> None:
            if not scheduler.running:
                return
            n = next(actions)
            started = time.perf_counter()
            if n % SAVE_EVERY == 0:
                work: Callable[[], object] = lambda: field.contacts.create(  # noqa: E731
                    ContactInput(
                        occurred_at=now - timedelta(minutes=n),
                        channel="vindplaats",
                        people=(Participant(own[n % OWN_PEOPLE]),),
                        summary=f"Kort gesprek {n} aan het station, vraagt naar huisvesting",
                    )
                )
                into = saves
            else:
                text = next(typed)
                work = lambda: field.caseload.search_ranked(text, index=index)  # noqa: E731
                into = searches

            def answered(_: object) -> None:
                if scheduler.running:  # only what overlapped with the sync counts
                    into.append(time.perf_counter() - started)
                QTimer.singleShot(pause_ms, next_action)

            def failed(exc: BaseException) -> None:
                outcome["work_error"] = exc
                QTimer.singleShot(pause_ms, next_action)

            runner.submit(work, answered, failed)

        def ended(result: object) -> None:
            outcome["result"] = result
            app.quit()

        started_at: list[float] = []

        def begin(state: object) -> None:
            # Once the first status read says enrolled, the sync starts, and the work with it.
            if started_at or not scheduler.state.enrolled:
                return
            started_at.append(time.perf_counter())
            if not scheduler.sync_now():
                outcome["result"] = RuntimeError("the sync did not start")
                app.quit()
                return
            QTimer.singleShot(pause_ms, next_action)

        scheduler.synced.connect(ended)
        scheduler.failed.connect(ended)
        scheduler.cancelled.connect(ended)
        scheduler.state_changed.connect(begin)
        app.exec()
        took = time.perf_counter() - started_at[0]
        if isinstance(outcome.get("result"), BaseException):
            raise SystemExit(f"the sync failed: {outcome['result']!r}")
        if "work_error" in outcome:
            raise SystemExit(f"work during the sync failed: {outcome['work_error']!r}")
        runner.wait_for_done()
        people = len(field.caseload.rows())
        report("first_sync_while_working_s", took, "s", "{:.2f}")
        report("first_sync_people_on_device", people, "count", "{:.0f}")
        print("# latency = handed to the vault lane until the answer is back on the GUI thread")
        figures("search_during_sync", searches)
        figures("save_contact_during_sync", saves)
        print("# the vault lane's turns taken by the sync (how long work queued behind one waits)")
        figures("sync_vault_turn", [t for t, _ in turns.held])
        for took, step in sorted(turns.held, reverse=True)[:5]:
            print(f"#   longest turns: {took * 1000:.1f} ms in {step}")

        # Ranked search as you type on the device that now holds the whole team.
        rows = field.caseload.rows()
        index = field.caseload.name_index(rows)
        per_key: list[float] = []
        for _ in range(3):
            for text in TYPED:
                started = time.perf_counter()
                ids = {h.person_id for h in field.caseload.search_ranked(text, index=index)}
                [r for r in rows if r.id in ids]
                per_key.append(time.perf_counter() - started)
        print(f"# ranked search alone on the synced device ({len(rows)} people)")
        report("search_ranked_keystroke_median", statistics.median(per_key) * 1000, "ms", "{:.1f}")
        report("search_ranked_keystroke_p95", p95(per_key) * 1000, "ms", "{:.1f}")

        scheduler.stop()
        sync.close()
        device.lock()
        coord.close()
        coord_vault.lock()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=5000)
    ap.add_argument("--contacts", type=int, default=50, help="contact moments per person")
    ap.add_argument("--pause-ms", type=int, default=100, help="after each answer")
    args = ap.parse_args()
    with scratch_dir("during-sync") as d:
        run(d, args.clients, args.contacts, args.pause_ms)


if __name__ == "__main__":
    main()
