"""Report figures on a generated demo vault (DESIGN.md §9: a year's team report < 1 s, its PDF
export < 2 s).

    python bench/reports.py [--clients 5000] [--contacts 50] [--vault DIR] [--runs 3]

Without --vault a demo vault is generated in a temporary directory (5,000 people with about
250,000 contact moments takes several minutes); with --vault DIR an existing vault made with
the bench passphrase is reused, or created there on first use. Prints one `name: value unit`
line per figure (medians of --runs, after one warm-up run).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from _common import BENCH_PASSPHRASE, report, scratch_dir

from app.crypto.kdf import KdfParams
from app.paths import AppPaths
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.reports import ReportParams, render, year
from app.services.vault import VaultService

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def timed(fn, runs: int, cpu: list[float] | None = None) -> list[float]:  # type: ignore[no-untyped-def]
    fn()  # warm-up: page cache, vocabularies, fonts
    out = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        out.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
    return out


def run(data_dir: Path, clients: int, contacts: int, runs: int) -> None:
    svc = VaultService(AppPaths(data_dir, data_dir / "logs"), kdf_params=FAST)
    vault = svc.unlock(BENCH_PASSPHRASE) if svc.exists() else svc.create(BENCH_PASSPHRASE).vault
    field = FieldServices(vault)
    if len(field.caseload.rows()) < clients:
        start = time.perf_counter()
        generate_demo(field, clients, contacts_per_person=contacts)
        report("demo_generation", time.perf_counter() - start, "s", "{:.1f}")
    vault.lock()
    vault = svc.unlock(BENCH_PASSPHRASE)
    field = FieldServices(vault)
    params = ReportParams(year(field.context.today().year))
    report("people", len(field.caseload.rows()), "count", "{:.0f}")

    compute_cpu: list[float] = []
    compute = timed(lambda: field.reports.compute(params), runs, compute_cpu)
    report("team_report_year_compute", statistics.median(compute), "s")
    report("team_report_year_compute_cpu", statistics.median(compute_cpu), "s")
    exact = field.reports.compute(params)
    report("team_report_tables", len(exact.tables()), "count", "{:.0f}")
    suppress = timed(lambda: field.reports.suppressed(exact), runs)
    report("team_report_suppression", statistics.median(suppress), "s")
    hidden = field.reports.suppressed(exact)

    def pdf_export() -> None:
        render(field.reports.suppressed(field.reports.compute(params)), "pdf")

    pdf_cpu: list[float] = []
    pdf = timed(pdf_export, runs, pdf_cpu)
    report("team_report_pdf_export", statistics.median(pdf), "s")
    report("team_report_pdf_export_cpu", statistics.median(pdf_cpu), "s")
    size = len(render(hidden, "pdf"))
    report("team_report_pdf_size", size / 1024, "KiB", "{:.0f}")
    xlsx = timed(
        lambda: render(field.reports.suppressed(field.reports.compute(params)), "xlsx"), runs
    )
    report("team_report_xlsx_export", statistics.median(xlsx), "s")
    esf = timed(lambda: field.reports.compute(ReportParams(params.period, esf_only=True)), runs)
    report("esf_report_compute", statistics.median(esf), "s")
    vault.lock()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=5000)
    ap.add_argument("--contacts", type=int, default=50)
    ap.add_argument("--vault", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if args.vault is not None:
        args.vault.mkdir(parents=True, exist_ok=True)
        run(args.vault, args.clients, args.contacts, args.runs)
        return
    with scratch_dir("reports") as d:
        run(d / "vault", args.clients, args.contacts, args.runs)


if __name__ == "__main__":
    main()
