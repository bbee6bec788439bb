"""`check` on a demo vault: every page's HMAC (SQLCipher's cipher_integrity_check) and SQLite's
integrity check, as `python -m app check` runs them after unlocking.

    python bench/check.py [--clients 5000] [--contacts 50] [--vault DIR] [--runs 3]

Without --vault a demo vault is generated in a temporary directory (5,000 people with about
250,000 contact moments takes several minutes); with --vault DIR an existing vault made with the
bench passphrase is reused, or created there on first use (each run erases one person of
it). Also times that erasure: it finds the person's contact moments, deleted ones included, by
reading every contact moment's participants. Prints one `name: value unit` line per figure.
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
from app.services.vault import VaultService

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def run(data_dir: Path, clients: int, contacts: int, runs: int) -> None:
    svc = VaultService(AppPaths(data_dir, data_dir / "logs"), kdf_params=FAST)
    vault = svc.unlock(BENCH_PASSPHRASE) if svc.exists() else svc.create(BENCH_PASSPHRASE).vault
    field = FieldServices(vault)
    if len(field.caseload.rows()) < clients:
        start = time.perf_counter()
        summary = generate_demo(field, clients, contacts_per_person=contacts)
        report("demo_generation", time.perf_counter() - start, "s", "{:.1f}")
        report("demo_contact_moments", summary.contacts, "count", "{:.0f}")
    vault.lock()
    size = sum(p.stat().st_size for p in svc.paths.database_sidecars() if p.exists())
    report("vault_size", size / 1e6, "MB", "{:.1f}")
    times = []
    for _ in range(runs):
        vault = svc.unlock(BENCH_PASSPHRASE)
        start = time.perf_counter()
        vault.verify_database()
        times.append(time.perf_counter() - start)
        vault.lock()
    report("check_integrity", statistics.median(times), "s")
    report("check_integrity_mb_per_s", size / 1e6 / statistics.median(times), "MB/s", "{:.0f}")
    # An erasure finds the person's contact moments, deleted ones included, in the contacts'
    # own participants (a scan of every contact moment), not through the local index.
    vault = svc.unlock(BENCH_PASSPHRASE)
    field = FieldServices(vault)
    person = field.caseload.rows()[0].id
    start = time.perf_counter()
    purge = field.rights.erase(person, BENCH_PASSPHRASE)
    report("erase_person", time.perf_counter() - start, "s")
    report("erase_person_records", len(purge.record_refs), "records", "{:.0f}")
    vault.lock()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=5000)
    ap.add_argument("--contacts", type=int, default=50)
    ap.add_argument("--vault", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if args.vault:
        args.vault.mkdir(parents=True, exist_ok=True)
        run(args.vault, args.clients, args.contacts, args.runs)
    else:
        with scratch_dir("check") as d:
            run(d / "vault", args.clients, args.contacts, args.runs)


if __name__ == "__main__":
    main()
