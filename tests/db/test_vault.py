"""The vault against real SQLCipher files: create, unlock, change, recover, lock, tamper."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import text

from app.crypto.header import VaultHeader
from app.errors import (
    MalformedRecoveryKey,
    PassphraseRejected,
    VaultCorrupt,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from app.paths import AppPaths
from app.services.audit import AuditEvent
from app.services.vault import CreatedVault, VaultService, unlock_delay
from app.settings import ZRM_INTERVAL_MONTHS
from tests.conftest import FAST_KDF, PASSPHRASE


def _snapshot(paths: AppPaths) -> dict[str, bytes]:
    return {
        str(p.relative_to(paths.data_dir)): p.read_bytes()
        for p in sorted(paths.data_dir.rglob("*"))
        # The count of failed unlocks lives beside the vault on purpose (across processes).
        if p.is_file() and "logs" not in p.parts and p != paths.failures
    }


def test_create_then_unlock_round_trip(created: CreatedVault, vault_service: VaultService) -> None:
    v = created.vault
    v.settings.change(ZRM_INTERVAL_MONTHS, 7)
    device = v.device
    v.lock()
    again = vault_service.unlock(PASSPHRASE)
    assert again.settings.value(ZRM_INTERVAL_MONTHS) == 7
    assert again.device == device
    assert len(again.device.public_key) == 32
    again.lock()


def test_the_database_is_not_a_plain_sqlite_file(created: CreatedVault, paths: AppPaths) -> None:
    created.vault.lock()
    raw = paths.database.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    conn = sqlite3.connect(paths.database)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_pragmas_are_set_on_every_connection(vault) -> None:  # type: ignore[no-untyped-def]
    with vault.context.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
        assert conn.execute(text("PRAGMA temp_store")).scalar() == 2  # MEMORY


def test_private_device_key_is_inside_the_vault_only(
    created: CreatedVault, paths: AppPaths
) -> None:
    with created.vault.context.read() as s:
        private = s.execute(text("SELECT private_key FROM device_identity")).scalar_one()
    created.vault.lock()
    assert len(private) == 32
    for name, data in _snapshot(paths).items():
        assert private not in data, name


def test_create_refuses_an_existing_vault_and_weak_passphrases(
    created: CreatedVault, paths: AppPaths
) -> None:
    svc = VaultService(paths, kdf_params=FAST_KDF)
    with pytest.raises(VaultExists):
        svc.create(PASSPHRASE)
    fresh = VaultService(AppPaths(paths.data_dir.parent / "other", paths.log_dir))
    with pytest.raises(PassphraseRejected) as info:
        fresh.create("kort")
    assert "minstens 12" in info.value.problems[0]
    assert not (paths.data_dir.parent / "other").exists()


@pytest.mark.allow_logs("app\\.services\\.vault: unlock failed")
def test_wrong_passphrase_fails_changes_nothing_and_grows_the_delay(
    created: CreatedVault, paths: AppPaths
) -> None:
    created.vault.lock()
    before = _snapshot(paths)
    slept: list[float] = []
    now = [1000.0]
    svc = VaultService(
        paths,
        sleep=lambda s: (slept.append(s), now.__setitem__(0, now[0] + s))[0],
        clock=lambda: now[0],
    )
    delays = []
    for _ in range(4):
        with pytest.raises(WrongPassphrase) as info:
            svc.unlock("dit is niet de juiste zin")
        delays.append(info.value.retry_after)
        assert "klopt niet" in info.value.message
    assert delays == [unlock_delay(1), unlock_delay(2), unlock_delay(3), unlock_delay(4)]
    assert delays == sorted(delays) and delays[0] > 0
    assert slept == delays[:3]  # each next attempt waited out the previous delay
    assert _snapshot(paths) == before
    vault = svc.unlock(PASSPHRASE)
    events = [e.event for e in vault.audit.entries()]
    assert events.count(AuditEvent.UNLOCK_FAILED) == 4
    assert events[0] == AuditEvent.UNLOCK
    assert svc.retry_delay() == 0
    vault.lock()


def test_unlock_delay_is_capped() -> None:
    assert unlock_delay(0) == 0
    assert unlock_delay(100) == 30.0


@pytest.mark.allow_logs("app\\.services\\.vault: unlock failed")
def test_recovery_key_unlock_forces_a_new_passphrase(
    created: CreatedVault, vault_service: VaultService
) -> None:
    created.vault.settings.change(ZRM_INTERVAL_MONTHS, 7)
    created.vault.lock()
    with pytest.raises(MalformedRecoveryKey):
        vault_service.unlock_with_recovery_key("ABCD-EFGH")
    other = CreatedVault.__new__(CreatedVault)  # noqa: F841 - only the key text matters
    from app.crypto import recovery

    with pytest.raises(WrongRecoveryKey):
        vault_service.unlock_with_recovery_key(recovery.format_key(recovery.generate()))
    v = vault_service.unlock_with_recovery_key(created.recovery_key.lower())
    assert v.must_change_passphrase
    assert v.settings.value(ZRM_INTERVAL_MONTHS) == 7
    v.change_passphrase("nieuwe zin voor de nieuwe laptop")  # no current needed after recovery
    assert not v.must_change_passphrase
    v.lock()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(PASSPHRASE)
    vault_service.unlock("nieuwe zin voor de nieuwe laptop").lock()
    # The stored recovery key keeps working after a passphrase change.
    vault_service.unlock_with_recovery_key(created.recovery_key).lock()


def test_change_passphrase_rewraps_only(
    created: CreatedVault, paths: AppPaths, vault_service: VaultService
) -> None:
    v = created.vault
    db_before = paths.database.read_bytes()
    header_before = VaultHeader.from_json(paths.header.read_bytes())
    with pytest.raises(WrongPassphrase):
        v.change_passphrase("een nieuwe lange wachtwoordzin", current="fout fout fout fout")
    with pytest.raises(WrongPassphrase):
        v.change_passphrase("een nieuwe lange wachtwoordzin")  # current is required
    with pytest.raises(PassphraseRejected):
        v.change_passphrase("kort", current=PASSPHRASE)
    assert VaultHeader.from_json(paths.header.read_bytes()) == header_before
    v.change_passphrase("een nieuwe lange wachtwoordzin", current=PASSPHRASE)
    v.lock()
    header_after = VaultHeader.from_json(paths.header.read_bytes())
    assert header_after.recovery_slot == header_before.recovery_slot
    assert header_after.passphrase_slot != header_before.passphrase_slot
    assert header_after.kdf_salt != header_before.kdf_salt
    # The database was not re-encrypted (same data key): page 1 unchanged.
    assert paths.database.read_bytes()[:4096] == db_before[:4096]
    vault_service.unlock("een nieuwe lange wachtwoordzin").lock()


@pytest.mark.allow_logs("app\\.services\\.vault: unlock failed")
def test_renewing_the_recovery_key_retires_the_old_one(
    created: CreatedVault, vault_service: VaultService
) -> None:
    v = created.vault
    assert not v.recovery_status().confirmed_stored
    v.confirm_recovery_key_stored()
    assert v.recovery_status().confirmed_stored
    new_key = v.renew_recovery_key(current=PASSPHRASE)
    assert not v.recovery_status().confirmed_stored
    v.lock()
    with pytest.raises(WrongRecoveryKey):
        vault_service.unlock_with_recovery_key(created.recovery_key)
    vault_service.unlock_with_recovery_key(new_key).lock()


def test_locked_vault_refuses_work(created: CreatedVault) -> None:
    v = created.vault
    v.lock()
    assert not v.is_open
    with pytest.raises(VaultLocked):
        v.settings.value(ZRM_INTERVAL_MONTHS)
    with pytest.raises(VaultLocked):
        v.data_key()
    v.lock()  # idempotent


def test_missing_vault(paths: AppPaths) -> None:
    with pytest.raises(VaultMissing):
        VaultService(paths).unlock(PASSPHRASE)


@pytest.mark.allow_logs("app\\.services\\.vault: unlock failed")
@pytest.mark.parametrize("damage", ["truncate", "garbage", "flip"])
def test_damaged_header_is_reported_and_left_alone(
    created: CreatedVault, paths: AppPaths, vault_service: VaultService, damage: str
) -> None:
    created.vault.lock()
    raw = paths.header.read_bytes()
    if damage == "truncate":
        bad = raw[: len(raw) // 3]
    elif damage == "garbage":
        bad = b"\x00\x01garbage"
    else:
        doc = json.loads(raw)
        doc["kdf"]["iterations"] += 1
        bad = json.dumps(doc).encode()
    paths.header.write_bytes(bad)
    before = _snapshot(paths)
    with pytest.raises((VaultCorrupt, WrongPassphrase)):
        vault_service.unlock(PASSPHRASE)
    assert _snapshot(paths) == before


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_damaged_database_is_reported_and_left_alone(
    created: CreatedVault, paths: AppPaths, vault_service: VaultService, damage: str
) -> None:
    created.vault.lock()
    raw = bytearray(paths.database.read_bytes())
    if damage == "truncate":
        raw = raw[:100]
    else:
        raw[200] ^= 0xFF  # inside page 1: its HMAC no longer verifies
    paths.database.write_bytes(bytes(raw))
    before = _snapshot(paths)
    with pytest.raises(VaultCorrupt) as info:
        vault_service.unlock(PASSPHRASE)
    assert "beschadigd" in info.value.message
    assert _snapshot(paths) == before


def test_missing_database_is_corrupt(
    created: CreatedVault, paths: AppPaths, vault_service: VaultService
) -> None:
    created.vault.lock()
    for p in paths.database_sidecars():
        p.unlink(missing_ok=True)
    with pytest.raises(VaultCorrupt):
        vault_service.unlock(PASSPHRASE)
    assert not paths.database.exists()
