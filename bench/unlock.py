"""Unlock with the production KDF: Argon2id (calibrated on this machine, >= 64 MiB) + opening
the SQLCipher database + the migration check. Budget: 0.3-1.0 s, by design.

    python bench/unlock.py [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import BENCH_PASSPHRASE, median, report, scratch_dir

from app.paths import AppPaths
from app.services.vault import VaultService


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with scratch_dir("unlock") as tmp:
        data = tmp / "data"
        service = VaultService(AppPaths(data_dir=data, log_dir=data / "logs"))  # calibrates
        start = time.perf_counter()
        service.create(BENCH_PASSPHRASE).vault.lock()
        create_s = time.perf_counter() - start
        params = service.read_header().kdf_params
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            vault = service.unlock(BENCH_PASSPHRASE)
            times.append(time.perf_counter() - start)
            vault.lock()
    report("unlock", median(times), "s")
    report("unlock_max", max(times), "s")
    report("create_vault_with_calibration", create_s, "s")
    report("kdf_memory", params.memory_kib / 1024, "MiB", "{:.0f}")
    report("kdf_iterations", params.iterations, "passes", "{:.0f}")
    report("kdf_lanes", params.lanes, "lanes", "{:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
