"""The vault under guessing and on a shared laptop: a delay that survives restarts and reaches
the audit log, a passphrase change that recalibrates, private files whatever the umask, an
empty vault.db reported honestly, and temporary files of killed processes swept."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.crypto import kdf
from app.errors import VaultCorrupt, WrongPassphrase
from app.logs import setup_logging, teardown_logging
from app.paths import AppPaths
from app.services.audit import AuditEvent
from app.services.backup import backup_vault, restore_vault
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.vault import CreatedVault, VaultService
from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


class Sleeps:
    def __init__(self) -> None:
        self.waited: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waited.append(seconds)


def _service(paths: AppPaths, sleeps: Sleeps, now: list[float]) -> VaultService:
    """A new VaultService, as a new process would make (state only on disk)."""
    return VaultService(paths, kdf_params=FAST_KDF, sleep=sleeps, clock=lambda: now[0])


@pytest.mark.allow_logs("app\\.services\\.vault: unlock failed")
def test_the_delay_grows_across_processes_and_failures_reach_the_audit_log(
    created: CreatedVault, paths: AppPaths
) -> None:
    created.vault.lock()
    sleeps, now = Sleeps(), [1_000_000.0]
    for attempt in range(1, 4):
        svc = _service(paths, sleeps, now)  # every attempt in a fresh "process"
        with pytest.raises(WrongPassphrase) as caught:
            svc.unlock("dit is zeker niet de juiste zin")
        assert caught.value.retry_after == [1.0, 2.0, 4.0][attempt - 1]
        assert _service(paths, sleeps, now).failed_attempts == attempt
    # Before each new attempt the delay of the previous failures was waited out.
    assert sleeps.waited == [1.0, 2.0]
    now[0] += 1.5  # 1.5 s of the 4 s delay have passed
    fresh = _service(paths, sleeps, now)
    assert fresh.retry_delay() == pytest.approx(2.5)
    vault = fresh.unlock(PASSPHRASE)
    assert sleeps.waited[-1] == pytest.approx(2.5)
    events = [e.event for e in vault.audit.entries(50)]
    assert events.count(AuditEvent.UNLOCK_FAILED) == 3
    assert not paths.failures.exists() and _service(paths, sleeps, now).retry_delay() == 0
    vault.lock()


def test_failed_cli_attempts_reach_the_audit_log(created: CreatedVault, paths: AppPaths) -> None:
    """Two wrong passphrases in two processes, then the right one in a third."""
    created.vault.lock()
    env = {**os.environ, "BRUGFIGUUR_LOG_DIR": str(paths.log_dir)}
    for secret, code in (("fout een twee drie vier", 2), ("fout vijf zes zeven acht", 2)):
        r, w = os.pipe()
        os.write(w, (secret + "\n").encode())
        os.close(w)
        try:
            p = subprocess.run(
                [sys.executable, "-m", "app", "check", "--data-dir", str(paths.data_dir),
                 "--passphrase-fd", str(r)],
                pass_fds=[r], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env,
                stdin=subprocess.DEVNULL, check=False,
            )  # fmt: skip
        finally:
            os.close(r)
        assert p.returncode == code, p.stderr
    vault = VaultService(paths, kdf_params=FAST_KDF).unlock(PASSPHRASE)
    try:
        failed = [e for e in vault.audit.entries(50) if e.event == AuditEvent.UNLOCK_FAILED]
        assert len(failed) == 2
    finally:
        vault.lock()


def test_changing_the_passphrase_recalibrates(created: CreatedVault, paths: AppPaths) -> None:
    """A vault made with weak parameters gets calibrated ones (the floor at least) with a new
    passphrase, on the machine where it is changed."""
    created.vault.lock()
    assert not VaultService(paths).read_header().kdf_params.meets_floor
    vault = VaultService(paths).unlock(PASSPHRASE)  # no parameters given: production policy
    try:
        vault.change_passphrase("een nieuwe zin voor de winter", current=PASSPHRASE)
    finally:
        vault.lock()
    params = VaultService(paths).read_header().kdf_params
    assert params.meets_floor and params.lanes == kdf.LANES
    VaultService(paths).unlock("een nieuwe zin voor de winter").lock()


@pytest.fixture
def loose_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _modes(root: Path) -> dict[str, int]:
    return {
        str(p.relative_to(root.parent)): stat.S_IMODE(p.stat().st_mode)
        for p in [root, *root.rglob("*")]
    }


@pytest.mark.allow_logs("app\\.services\\.vault: unlock failed")
@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_every_file_is_private_whatever_the_umask(loose_umask: None, tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data", tmp_path / "data" / "logs")
    setup_logging(paths.log_dir)
    try:
        created = VaultService(paths, kdf_params=FAST_KDF).create(PASSPHRASE)
        field = FieldServices(created.vault)
        pid = field.people.create_pseudonym(
            PseudonymInput("Zoë", date(2026, 1, 5), "mond_aan_mond")
        )
        out = tmp_path / "uit"
        out.mkdir()
        field.rights.export(pid, "json", out / "export.json")
        backup_vault(created.vault, out / "kluis.bfbackup")
        created.vault.lock()
        with pytest.raises(WrongPassphrase):
            VaultService(paths, kdf_params=FAST_KDF, sleep=lambda _: None).unlock("fout fout fout")
        restore_vault(paths, out / "kluis.bfbackup", passphrase=PASSPHRASE)  # sets one aside
        assert paths.failures.exists()
    finally:
        teardown_logging()
    modes = {**_modes(paths.data_dir), **{f"uit/{p.name}": stat.S_IMODE(p.stat().st_mode)
                                            for p in out.iterdir()}}  # fmt: skip
    assert any(k.startswith("data/vervangen-") for k in modes)
    assert any(k.startswith("data/logs/") for k in modes)
    loose = {k: oct(m) for k, m in modes.items() if m & 0o077}
    assert not loose, f"readable by others: {loose}"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_older_vault_is_made_private_when_it_opens(
    created: CreatedVault, paths: AppPaths
) -> None:
    created.vault.lock()
    paths.data_dir.chmod(0o755)
    for p in (paths.header, paths.database):
        p.chmod(0o644)
    VaultService(paths, kdf_params=FAST_KDF).unlock(PASSPHRASE).lock()
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    for p in (paths.header, paths.database):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600


def test_an_empty_vault_db_is_reported_and_left_alone(
    created: CreatedVault, paths: AppPaths
) -> None:
    """Issue 11: a 0-byte vault.db was rewritten while the message said nothing changed."""
    created.vault.lock()
    paths.database.write_bytes(b"")
    with pytest.raises(VaultCorrupt) as caught:
        VaultService(paths, kdf_params=FAST_KDF).unlock(PASSPHRASE)
    assert "leeg" in caught.value.message and "niets aangepast" in caught.value.message
    assert paths.database.stat().st_size == 0
    assert not any(p.exists() for p in paths.database_sidecars()[1:])


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_a_killed_backup_leaves_nothing_behind_at_the_next_one(
    created: CreatedVault, tmp_path: Path
) -> None:
    """A backup killed halfway leaves its temporary copy (the size of the vault) beside the
    target; the next backup to that folder removes it, and never someone else's files."""
    usb = tmp_path / "usb"
    usb.mkdir()
    pid = _dead_pid()
    leftover = usb / f".kluis.bfbackup.db.{pid}.bftmp"
    leftover.write_bytes(b"\0" * 100_000)
    journal = usb / f".kluis.bfbackup.db.{pid}.bftmp-journal"
    journal.write_bytes(b"x")
    mine = usb / "foto.jpg"
    mine.write_bytes(b"jpg")
    alive = usb / f".iets.{os.getpid()}.bftmp"
    alive.write_bytes(b"in gebruik")
    backup_vault(created.vault, usb / "nieuw.bfbackup")
    assert sorted(p.name for p in usb.iterdir()) == sorted(
        [alive.name, "foto.jpg", "nieuw.bfbackup"]
    )
