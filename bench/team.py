"""Team figures on a generated demo vault: my day and the team's, the week's agenda, its
calendar file, the audit log (a page, one person, a month's export), the retention list, the
record of processing, and handing a whole caseload on.

    python bench/team.py [--clients 5000] [--contacts 50] [--vault DIR] [--runs 5]

Without --vault a demo vault is generated in a temporary directory; with --vault DIR an
existing demo vault made with the bench passphrase is reused (or made there). The caseload
move changes the vault: it runs last. Prints one `name: value unit` line per figure.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from _common import BENCH_PASSPHRASE, median, report, scratch_dir

from app.crypto.kdf import KdfParams
from app.paths import AppPaths
from app.services.audit import AuditFilter
from app.services.caseload import CaseloadRow
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.vault import OpenVault, VaultService

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def ms(fn: Callable[[], object], runs: int) -> float:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return median(out)


def run(data_dir: Path, clients: int, contacts: int, runs: int) -> None:
    svc = VaultService(AppPaths(data_dir, data_dir / "logs"), kdf_params=FAST)
    vault = svc.unlock(BENCH_PASSPHRASE) if svc.exists() else svc.create(BENCH_PASSPHRASE).vault
    field = FieldServices(vault)
    if len(field.caseload.rows()) < clients:
        start = time.perf_counter()
        generate_demo(field, clients, contacts_per_person=contacts)
        report("demo_generation", time.perf_counter() - start, "s", "{:.1f}")
    rows = field.caseload.rows()
    me = vault.device.worker_id
    report("people", len(rows), "count", "{:.0f}")
    report("my_people", sum(1 for r in rows if r.worker_id == me), "count", "{:.0f}")
    report("open_caseload_list_with_workers", ms(field.caseload.rows, runs), "ms", "{:.1f}")
    report("vandaag_mine", ms(field.caseload.today, runs), "ms", "{:.1f}")
    report("vandaag_team", ms(lambda: field.caseload.today(worker_id=None), runs), "ms", "{:.1f}")
    report("agenda_week_mine", ms(field.agenda.week, runs), "ms", "{:.1f}")
    report("agenda_week_team", ms(lambda: field.agenda.week(worker_id=None), runs), "ms", "{:.1f}")
    for pid in (r.id for r in rows[:300]):  # some audit entries to read back
        field.caseload.open_file(pid, contact_limit=1)
    week = field.agenda.week(worker_id=None)
    report("agenda_week_team_items", len(week.items), "count", "{:.0f}")
    with scratch_dir("team-exports") as out:  # fresh each run, removed afterwards
        _exports(vault, field, rows, out, runs)
    # Last, since it changes the vault: a leaving worker's whole caseload to a colleague.
    workers = [w for w in field.workers.workers() if not w.is_me]
    source, target = workers[0], workers[1]
    start = time.perf_counter()
    moved = field.transfers.move_caseload(source.id, target.id, "Vertrekt.")
    report("hand_on_caseload", time.perf_counter() - start, "s", "{:.2f}")
    report("hand_on_caseload_people", len(moved.moved), "count", "{:.0f}")
    vault.lock()


def _exports(
    vault: OpenVault, field: FieldServices, rows: list[CaseloadRow], out: Path, runs: int
) -> None:
    n = iter(range(1_000_000))
    report(
        "ics_export_4_weeks",
        ms(lambda: field.agenda.export_ics(out / f"w{next(n)}.ics", weeks=4), runs),
        "ms",
        "{:.1f}",
    )
    report("audit_page_200", ms(lambda: vault.audit.entries(200, 0), runs), "ms", "{:.1f}")
    one = AuditFilter(person_id=rows[0].id)
    report("audit_one_person", ms(lambda: vault.audit.entries(200, 0, one), runs), "ms", "{:.1f}")
    month = AuditFilter(since=date.today() - timedelta(days=30), until=date.today())
    report("audit_entries_month", vault.audit.count(month), "count", "{:.0f}")
    report(
        "audit_export_month_csv",
        ms(lambda: vault.audit.export(out / f"a{next(n)}.csv", "csv", month), runs),
        "ms",
        "{:.1f}",
    )
    report(
        "audit_export_month_pdf",
        ms(lambda: vault.audit.export(out / f"a{next(n)}.pdf", "pdf", month), 1),
        "ms",
        "{:.1f}",
    )
    report("retention_due_list", ms(field.retention.due, runs), "ms", "{:.1f}")
    report("retention_files_due", len(field.retention.due()), "count", "{:.0f}")
    report(
        "processing_record_pdf",
        ms(lambda: field.processing.export(out / f"r{next(n)}.pdf"), runs),
        "ms",
        "{:.1f}",
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=5000)
    p.add_argument("--contacts", type=int, default=50)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--vault", type=Path)
    a = p.parse_args()
    if a.vault:
        a.vault.mkdir(parents=True, exist_ok=True)
        run(a.vault, a.clients, a.contacts, a.runs)
    else:
        with scratch_dir("team") as d:
            run(d, a.clients, a.contacts, a.runs)


if __name__ == "__main__":
    main()
