"""Backups (SQLite backup API into a new encrypted file) and verified restores."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.errors import BackupError, VaultCorrupt, VaultTooNew, WrongPassphrase, WrongRecoveryKey
from app.paths import AppPaths
from app.services.audit import AuditEvent
from app.services.backup import backup_vault, restore_vault
from app.services.vault import CreatedVault, VaultService
from app.settings import STALE_AFTER_WEEKS
from tests.conftest import PASSPHRASE


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "logs" not in p.parts
    }


@pytest.fixture
def backup_file(created: CreatedVault, tmp_path: Path) -> Path:
    v = created.vault
    v.settings.change(STALE_AFTER_WEEKS, 9)
    out = tmp_path / "kluis.bfbackup"
    result = backup_vault(v, out)
    assert result.path == out and result.size_bytes == out.stat().st_size
    v.settings.change(STALE_AFTER_WEEKS, 11)
    return out


def test_backup_is_a_self_contained_encrypted_copy(
    backup_file: Path, created: CreatedVault
) -> None:
    with zipfile.ZipFile(backup_file) as zf:
        assert sorted(zf.namelist()) == ["vault.db", "vault.json"]
        db = zf.read("vault.db")
    assert not db.startswith(b"SQLite format 3")
    assert AuditEvent.BACKUP in [e.event for e in created.vault.audit.entries()]
    assert not list(backup_file.parent.glob(".*tmp"))


def test_backup_refuses_to_overwrite(backup_file: Path, created: CreatedVault) -> None:
    before = backup_file.read_bytes()
    with pytest.raises(BackupError):
        backup_vault(created.vault, backup_file)
    assert backup_file.read_bytes() == before


def test_restore_round_trip_keeps_the_replaced_vault_aside(
    backup_file: Path, created: CreatedVault, paths: AppPaths, vault_service: VaultService
) -> None:
    created.vault.lock()
    result = restore_vault(paths, backup_file, passphrase=PASSPHRASE)
    assert result.previous_kept_at is not None and (result.previous_kept_at / "vault.json").exists()
    v = vault_service.unlock(PASSPHRASE)
    assert v.settings.value(STALE_AFTER_WEEKS) == 9
    assert AuditEvent.RESTORE in [e.event for e in v.audit.entries()]
    v.lock()


def test_restore_with_the_recovery_key(
    backup_file: Path, created: CreatedVault, paths: AppPaths, vault_service: VaultService
) -> None:
    created.vault.lock()
    with pytest.raises(WrongRecoveryKey):
        from app.crypto import recovery

        restore_vault(paths, backup_file, recovery_key=recovery.format_key(recovery.generate()))
    restore_vault(paths, backup_file, recovery_key=created.recovery_key)
    vault_service.unlock(PASSPHRASE).lock()


def test_restore_into_an_empty_data_dir(backup_file: Path, tmp_path: Path) -> None:
    fresh = AppPaths(tmp_path / "nieuwe-laptop", tmp_path / "logs")
    result = restore_vault(fresh, backup_file, passphrase=PASSPHRASE)
    assert result.previous_kept_at is None
    VaultService(fresh).unlock(PASSPHRASE).lock()


def test_wrong_passphrase_changes_nothing(
    backup_file: Path, created: CreatedVault, paths: AppPaths
) -> None:
    created.vault.lock()
    before = _tree(paths.data_dir)
    with pytest.raises(WrongPassphrase):
        restore_vault(paths, backup_file, passphrase="niet de juiste wachtwoordzin")
    assert _tree(paths.data_dir) == before


@pytest.mark.parametrize("damage", ["truncate", "flip-db", "not-a-zip", "extra-member"])
def test_damaged_backups_are_verified_before_anything_is_replaced(
    backup_file: Path, created: CreatedVault, paths: AppPaths, tmp_path: Path, damage: str
) -> None:
    created.vault.lock()
    bad = tmp_path / "bad.bfbackup"
    raw = backup_file.read_bytes()
    if damage == "truncate":
        bad.write_bytes(raw[: len(raw) // 2])
    elif damage == "not-a-zip":
        bad.write_bytes(b"dit is geen back-up")
    else:
        with zipfile.ZipFile(backup_file) as src, zipfile.ZipFile(bad, "w") as dst:
            dst.writestr("vault.json", src.read("vault.json"))
            db = bytearray(src.read("vault.db"))
            if damage == "flip-db":
                db[4096 + 100] ^= 0xFF  # page 2: fails its HMAC in the integrity check
            dst.writestr("vault.db", bytes(db))
            if damage == "extra-member":
                dst.writestr("../../etc/evil", b"x")
    before = _tree(paths.data_dir)
    with pytest.raises(VaultCorrupt):
        restore_vault(paths, bad, passphrase=PASSPHRASE)
    assert _tree(paths.data_dir) == before


def test_a_backup_from_a_newer_app_is_refused(
    created: CreatedVault, paths: AppPaths, tmp_path: Path
) -> None:
    from sqlalchemy import text

    with created.vault.context.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    out = tmp_path / "toekomst.bfbackup"
    backup_vault(created.vault, out)
    created.vault.lock()
    before = _tree(paths.data_dir)
    with pytest.raises(VaultTooNew):
        restore_vault(paths, out, passphrase=PASSPHRASE)
    assert _tree(paths.data_dir) == before
