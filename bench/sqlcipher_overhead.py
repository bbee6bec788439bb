"""SQLCipher's cost on the app's own workload, against the same code on plain SQLite.

    python bench/sqlcipher_overhead.py [--clients 150]

Runs the identical workload twice in fresh vaults: once encrypted as the app always runs, once
with the key pragma replaced by a no-op (sqlcipher3 without a key is plain SQLite). The workload
is what a worker's day and a demo fill do: writing people, contacts and ZRM measurements
through the services, listing the caseload, searching, opening person files. Prints both times
and their ratio (budget < 1.3x).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from _common import BENCH_PASSPHRASE, report, scratch_dir

import app.db.engine as engine_module
from app.crypto.kdf import KdfParams
from app.paths import AppPaths
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.vault import VaultService

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def workload(d: Path, clients: int, *, expect_plain: bool) -> float:
    svc = VaultService(AppPaths(d, d / "logs"), kdf_params=FAST)
    vault = svc.create(BENCH_PASSPHRASE).vault
    field = FieldServices(vault)
    start = time.perf_counter()
    generate_demo(field, clients, contacts_per_person=40)
    rows = field.caseload.rows()
    for text in ("ja", "ver", "zoe", "schuld", "opleiding"):
        field.caseload.search(text)
    for r in rows[:50]:
        field.caseload.open_file(r.id)
    field.caseload.today()
    field.zrm.team_distance()
    elapsed = time.perf_counter() - start
    vault.lock()
    plain = (d / "vault.db").read_bytes()[:16] == b"SQLite format 3\x00"
    assert plain == expect_plain, "the comparison did not run what it claims"
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    real = engine_module._key_pragma

    def run(plain: bool) -> float:
        if plain:
            engine_module._key_pragma = lambda key: "SELECT 1"  # type: ignore[assignment]
        try:
            with scratch_dir("plain" if plain else "cipher") as d:
                return workload(d / "v", args.clients, expect_plain=plain)
        finally:
            engine_module._key_pragma = real

    run(False)  # warm-up: imports, caches, vocabularies
    encrypted, plain = [], []
    for _ in range(args.rounds):  # alternate, so machine load hits both alike
        encrypted.append(run(False))
        plain.append(run(True))
    enc, pla = statistics.median(encrypted), statistics.median(plain)
    report("workload_sqlcipher", enc, "s")
    report("workload_plain_sqlite", pla, "s")
    report("sqlcipher_overhead_ratio", enc / pla, "x", "{:.2f}")


if __name__ == "__main__":
    main()
