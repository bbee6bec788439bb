"""Field-registration figures on a generated demo vault (DESIGN.md §9).

    python bench/field.py [--clients 5000] [--contacts 50] [--vault DIR]

Without --vault a demo vault is generated in a temporary directory (5,000 people with about
250,000 contact moments takes several minutes); with --vault DIR an existing vault made by
`python -m app demo` with the bench passphrase is reused, or created there on first use.
Prints one `name: value unit` line per figure.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from datetime import datetime, timedelta
from pathlib import Path

from _common import BENCH_PASSPHRASE, report, scratch_dir

from app.crypto.kdf import KdfParams
from app.paths import AppPaths
from app.services.contacts import ContactInput, Participant
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.vault import VaultService

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
TYPED = ["j", "ja", "jan", "v", "ve", "ver", "verm", "z", "zo", "zoe", "sch", "schuld", "peeters"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def run(data_dir: Path, clients: int, contacts: int) -> None:
    svc = VaultService(AppPaths(data_dir, data_dir / "logs"), kdf_params=FAST)
    vault = svc.unlock(BENCH_PASSPHRASE) if svc.exists() else svc.create(BENCH_PASSPHRASE).vault
    field = FieldServices(vault)
    if len(field.caseload.rows()) < clients:
        start = time.perf_counter()
        summary = generate_demo(field, clients, contacts_per_person=contacts)
        report("demo_generation", time.perf_counter() - start, "s", "{:.1f}")
        report("demo_contact_moments", summary.contacts, "count", "{:.0f}")
    vault.lock()
    gc.collect()

    # Fresh unlock, as the worker would in the morning.
    vault = svc.unlock(BENCH_PASSPHRASE)
    field = FieldServices(vault)
    rows_runs = timed(field.caseload.rows, 5)
    report("open_caseload_list", statistics.median(rows_runs) * 1000, "ms", "{:.1f}")
    rows = field.caseload.rows()
    report("caseload_rows", len(rows), "count", "{:.0f}")

    def search_and_filter(text: str) -> None:
        ids = set(field.caseload.search(text))
        [r for r in rows if r.id in ids]

    per_key = []
    for text in TYPED:
        per_key += timed(lambda t=text: search_and_filter(t), 3)  # type: ignore[misc]
    report("search_keystroke_to_results_median", statistics.median(per_key) * 1000, "ms", "{:.1f}")
    report(
        "search_keystroke_to_results_p95",
        statistics.quantiles(per_key, n=20)[18] * 1000,
        "ms",
        "{:.1f}",
    )

    # What the caseload screen runs now: names first, and where each person matched, with the
    # name index it makes when the list loads.
    started = time.perf_counter()
    index = field.caseload.name_index(rows)
    report("caseload_name_index", (time.perf_counter() - started) * 1000, "ms", "{:.1f}")

    def ranked(text: str) -> None:
        ids = {h.person_id for h in field.caseload.search_ranked(text, index=index)}
        [r for r in rows if r.id in ids]

    per_key = []
    for text in TYPED:
        per_key += timed(lambda t=text: ranked(t), 3)  # type: ignore[misc]
    report("search_ranked_keystroke_median", statistics.median(per_key) * 1000, "ms", "{:.1f}")
    report(
        "search_ranked_keystroke_p95",
        statistics.quantiles(per_key, n=20)[18] * 1000,
        "ms",
        "{:.1f}",
    )

    # A person with 300 contact moments.
    now = field.context.now()
    pid = field.people.create_pseudonym(
        PseudonymInput(
            alias=f"Bench {time.time_ns()}",
            first_met_on=(now - timedelta(days=700)).date(),
            first_met_how="mond_aan_mond",
        ),
        allow_duplicate=True,
    )
    saves = []
    for i in range(300):
        c = ContactInput(
            occurred_at=now - timedelta(days=700) + timedelta(days=i * 2, hours=1),
            channel="telefoon",
            people=(Participant(pid),),
            summary=f"Gesprek nummer {i} over werk en huisvesting",
            private_note="notitie",
        )
        start = time.perf_counter()
        field.contacts.create(c)
        saves.append(time.perf_counter() - start)
    report("save_contact_moment_median", statistics.median(saves) * 1000, "ms", "{:.1f}")
    report("save_contact_moment_p95", statistics.quantiles(saves, n=20)[18] * 1000, "ms", "{:.1f}")
    opens = timed(lambda: field.caseload.open_file(pid), 5)
    report("open_person_file_300_contacts", statistics.median(opens) * 1000, "ms", "{:.1f}")
    today = timed(field.caseload.today, 3)
    report("vandaag_overview", statistics.median(today) * 1000, "ms", "{:.1f}")
    report("resident_memory", rss_mb(), "MB", "{:.0f}")
    vault.lock()
    _ = datetime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=5000)
    ap.add_argument("--contacts", type=int, default=50)
    ap.add_argument("--vault", type=Path, default=None)
    args = ap.parse_args()
    if args.vault:
        args.vault.mkdir(parents=True, exist_ok=True)
        run(args.vault, args.clients, args.contacts)
    else:
        with scratch_dir("field") as d:
            run(d / "vault", args.clients, args.contacts)


if __name__ == "__main__":
    main()
