"""Nothing personal on disk in clear: a unique string stored through the app is found in no file
under the data dir (database, -wal, -shm, header, logs, backups), before and after locking."""

from __future__ import annotations

import logging
from pathlib import Path

from app.logs import setup_logging, teardown_logging
from app.paths import AppPaths
from app.services.backup import backup_vault
from app.services.vault import VaultService
from app.services.workers import WorkerProfile
from tests.conftest import CANARY, FAST_KDF, PASSPHRASE


def _files_containing(root: Path, needles: list[bytes]) -> list[str]:
    hits = []
    for p in root.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            if any(n in data for n in needles):
                hits.append(str(p))
    return hits


def test_canary_is_nowhere_on_disk(paths: AppPaths) -> None:
    setup_logging(paths.log_dir, level=logging.DEBUG)
    try:
        svc = VaultService(paths, kdf_params=FAST_KDF)
        created = svc.create(PASSPHRASE)
        v = created.vault
        # Through every store the foundation has: a draft, a setting, an audit detail.
        v.drafts.save("vandaag/snelle-notitie", {"tekst": CANARY * 50})
        v.workers.save_profile(WorkerProfile(CANARY, organisation=CANARY))
        logging.getLogger("test").info("an id-only log line %s", v.device.device_id)
        backup_vault(v, paths.data_dir / "backup.bfbackup")
        needles = [
            CANARY.encode("utf-8"),
            CANARY.encode("utf-16-le"),
            CANARY.encode("utf-16-be"),
            PASSPHRASE.encode(),
            created.recovery_key.encode(),
            created.recovery_key.replace("-", "").encode(),
        ]
        # While unlocked, with the WAL full of fresh pages.
        assert _files_containing(paths.data_dir, needles) == []
        v.lock()
        v2 = svc.unlock(PASSPHRASE)
        assert v2.drafts.load("vandaag/snelle-notitie") == {"tekst": CANARY * 50}
        v2.drafts.delete("vandaag/snelle-notitie")
        v2.lock()
        assert _files_containing(paths.data_dir, needles) == []
        logs = list(paths.log_dir.glob("*.log"))
        assert logs and logs[0].stat().st_size > 0
    finally:
        teardown_logging()
