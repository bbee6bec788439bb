"""Backup of a vault with a large audit log: time `backup_vault` (SQLite online backup into a
new SQLCipher file, verified, zipped with the header) and report the size.

    python bench/backup.py [--rows 200000]
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid

from _common import BENCH_PASSPHRASE, report, scratch_dir
from sqlalchemy import insert

from app.crypto.kdf import KdfParams
from app.models import AuditEntry
from app.paths import AppPaths
from app.services.backup import backup_vault
from app.services.vault import OpenVault, VaultService

# The KDF is not what is measured here.
SETUP_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
BATCH = 10_000
EVENTS = ("open_client", "print_fiche", "export", "sync", "unlock", "lock")


def fill(vault: OpenVault, rows: int) -> None:
    device = vault.context.device
    done = 0
    while done < rows:
        n = min(BATCH, rows - done)
        batch = [
            {
                "at": f"2025-{1 + (i % 12):02d}-{1 + (i % 28):02d}T{i % 24:02d}:00:00+00:00",
                "event": EVENTS[i % len(EVENTS)],
                "device_id": device.device_id,
                "worker_id": device.worker_id,
                "record_type": "client",
                "record_id": str(uuid.uuid4()),
                "detail": None,
            }
            for i in range(done, done + n)
        ]
        with vault.context.transaction() as s:
            s.execute(insert(AuditEntry), batch)
        done += n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    with scratch_dir("backup") as tmp:
        data = tmp / "data"
        service = VaultService(AppPaths(data_dir=data, log_dir=data / "logs"), kdf_params=SETUP_KDF)
        vault = service.create(BENCH_PASSPHRASE).vault
        try:
            start = time.perf_counter()
            fill(vault, args.rows)
            fill_s = time.perf_counter() - start
            db_mb = vault.paths.database.stat().st_size / 1e6
            dest = tmp / "kluis.bfbackup"
            start = time.perf_counter()
            result = backup_vault(vault, dest)
            backup_s = time.perf_counter() - start
        finally:
            vault.lock()
    label = f"{args.rows // 1000}k" if args.rows % 1000 == 0 else str(args.rows)
    report(f"backup_{label}_audit_rows", backup_s, "s", "{:.2f}")
    report("backup_size", result.size_bytes / 1e6, "MB", "{:.1f}")
    report("backup_throughput", result.size_bytes / 1e6 / backup_s, "MB/s", "{:.1f}")
    report("vault_database_size", db_mb, "MB", "{:.1f}")
    report(f"fill_{label}_audit_rows", fill_s, "s", "{:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
