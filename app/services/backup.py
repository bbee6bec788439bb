"""Backups and restores of the whole vault.

A backup is one file: a ZIP (stored, not compressed) holding the vault header and a copy of the
database made with SQLite's online backup API into a new SQLCipher file under the same data key.
So a backup opens with the passphrase that was valid when it was made, or with the recovery key.
Nothing in it is in clear. A restore verifies everything (header, key, page MACs, integrity,
schema version) before it replaces anything; the replaced vault is kept aside, still encrypted.
"""

from __future__ import annotations

import logging
import os
import shutil
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from app.crypto import aead, recovery
from app.crypto.header import VaultHeader, now_iso
from app.db.engine import connect_raw, integrity_problem
from app.db.errors import translate
from app.db.migrate import check_not_newer
from app.domain import passphrase as policy
from app.errors import (
    BackupError,
    BrugfiguurError,
    StorageError,
    VaultCorrupt,
    WrongPassphrase,
    WrongRecoveryKey,
)
from app.fsutil import describe_os_error, fsync_dir, write_atomic
from app.paths import DATABASE_NAME, HEADER_NAME, AppPaths
from app.services.audit import AuditEvent
from app.services.vault import OpenVault

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".bfbackup"
_MAX_HEADER = 64 * 1024
_MAX_DB = 64 * 1024**3


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    created_at: str


@dataclass(frozen=True)
class RestoreResult:
    data_dir: Path
    previous_kept_at: Path | None


def _copy_database(vault: OpenVault, target: Path) -> None:
    """Online backup of the open vault into `target`, a new SQLCipher file with the same key."""
    key = vault.data_key()
    try:
        src = connect_raw(vault.paths.database, key)
        dst = sqlcipher3.connect(str(target), isolation_level=None)
        try:
            dst.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
            src.backup(dst)
            # The copy must be self-contained: fold any WAL into it and leave no sidecars.
            dst.execute("PRAGMA journal_mode = DELETE").fetchone()
            ok = dst.execute("PRAGMA quick_check").fetchone()
            if ok is None or ok[0] != "ok":
                raise BackupError(
                    "De back-up kon niet gecontroleerd worden; er werd niets bewaard."
                )
        finally:
            dst.close()
            src.close()
    finally:
        for i in range(len(key)):
            key[i] = 0


def backup_vault(vault: OpenVault, dest: Path) -> BackupResult:
    """Write a backup to `dest` (which must not exist yet). On any failure nothing is left."""
    dest = Path(dest)
    if dest.exists():
        raise BackupError(f"{dest} bestaat al; kies een andere naam.")
    if not dest.parent.is_dir():
        raise BackupError(f"De map {dest.parent} bestaat niet.")
    stamp = now_iso()
    tmp_db = dest.with_name(f".{dest.name}.{os.getpid()}.db.tmp")
    tmp_zip = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        _copy_database(vault, tmp_db)
        with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(HEADER_NAME, vault.header.to_json())
            zf.write(tmp_db, DATABASE_NAME)
        with tmp_zip.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.link(tmp_zip, dest)  # fails if dest appeared meanwhile: never overwrite
        tmp_zip.unlink()
        fsync_dir(dest.parent)
    except OSError as exc:
        raise StorageError(describe_os_error(exc, dest.parent)) from exc
    except sqlcipher3.Error as exc:
        raise translate(exc, dest.parent) from exc
    finally:
        tmp_db.unlink(missing_ok=True)
        tmp_zip.unlink(missing_ok=True)
    size = dest.stat().st_size
    vault.audit.record(AuditEvent.BACKUP, detail=f"{size} bytes")
    log.info("backup written (%d bytes)", size)
    return BackupResult(path=dest, size_bytes=size, created_at=stamp)


def _read_backup(source: Path) -> tuple[VaultHeader, zipfile.ZipFile]:
    try:
        zf = zipfile.ZipFile(source)
    except FileNotFoundError as exc:
        raise BackupError(f"Het back-upbestand {source} bestaat niet.") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise VaultCorrupt("geen geldig back-upbestand") from exc
    try:
        names = {i.filename: i for i in zf.infolist()}
        if set(names) != {HEADER_NAME, DATABASE_NAME}:
            raise VaultCorrupt("onverwachte inhoud in back-up")
        if names[HEADER_NAME].file_size > _MAX_HEADER or names[DATABASE_NAME].file_size > _MAX_DB:
            raise VaultCorrupt("back-up te groot")
        header = VaultHeader.from_json(zf.read(HEADER_NAME))
    except zipfile.BadZipFile as exc:
        zf.close()
        raise VaultCorrupt("back-up beschadigd") from exc
    except BaseException:
        zf.close()
        raise
    return header, zf


def restore_vault(
    paths: AppPaths,
    source: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
) -> RestoreResult:
    """Replace the vault in `paths` by the backup `source`, after verifying it completely.

    The secret is the passphrase valid when the backup was made, or the recovery key. The vault
    that is replaced is moved (still encrypted) to `<data dir>/vervangen-<time>/`.
    """
    if (passphrase is None) == (recovery_key is None):
        raise ValueError("give exactly one of passphrase or recovery_key")
    header, zf = _read_backup(Path(source))
    with zf:
        try:
            if passphrase is not None:
                key = header.unwrap_with_passphrase(policy.normalise(passphrase))
            else:
                assert recovery_key is not None
                key = header.unwrap_with_recovery(recovery.parse_key(recovery_key))
        except aead.OpenFailed:
            if passphrase is not None:
                raise WrongPassphrase(
                    "Deze wachtwoordzin opent de back-up niet (gebruik de wachtwoordzin van toen "
                    "de back-up gemaakt werd, of de herstelsleutel)."
                ) from None
            raise WrongRecoveryKey() from None
        try:
            paths.data_dir.mkdir(parents=True, exist_ok=True)
            staged = paths.data_dir / f".restore-{os.getpid()}.db"
            try:
                with zf.open(DATABASE_NAME) as src, staged.open("wb") as out:
                    shutil.copyfileobj(src, out, 1024 * 1024)
                    out.flush()
                    os.fsync(out.fileno())
                _verify_database(staged, key)
                _record_restore(staged, key)
                kept = _swap_in(paths, staged, header)
            finally:
                staged.unlink(missing_ok=True)
        except OSError as exc:
            raise StorageError(describe_os_error(exc, paths.data_dir)) from exc
        finally:
            for i in range(len(key)):
                key[i] = 0
    log.info("vault restored from backup")
    return RestoreResult(data_dir=paths.data_dir, previous_kept_at=kept)


def _verify_database(path: Path, key: bytearray) -> None:
    conn = connect_raw(path, key)  # VaultCorrupt when the key does not open page 1
    try:
        problem = integrity_problem(conn)
        if problem is not None:
            raise VaultCorrupt(f"back-up beschadigd: {problem}")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise VaultCorrupt("back-up beschadigd") from exc
    finally:
        conn.close()
    # Refuse a backup from a newer app before touching the current vault.
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect_raw(path, key, check_same_thread=False),
        module=sqlcipher3.dbapi2,
        poolclass=NullPool,
    )
    try:
        with engine.connect() as c:
            check_not_newer(c)
    finally:
        engine.dispose()


def _record_restore(path: Path, key: bytearray) -> None:
    """The restored vault's own audit log says it was restored (no content, device ids only)."""
    conn = connect_raw(path, key)
    try:
        row = conn.execute("SELECT device_id, worker_id FROM device_identity LIMIT 1").fetchone()
        if row is None:
            raise VaultCorrupt("apparaatidentiteit ontbreekt")
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO audit_log (at, event, device_id, worker_id) VALUES (?, ?, ?, ?)",
            (now_iso(), str(AuditEvent.RESTORE), row[0], row[1]),
        )
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        conn.close()


def _swap_in(paths: AppPaths, staged: Path, header: VaultHeader) -> Path | None:
    """Move the current vault aside, put the verified copy in place; undo on any failure."""
    kept: Path | None = None
    existing = [p for p in [paths.header, *paths.database_sidecars()] if p.exists()]
    moved: list[tuple[Path, Path]] = []
    try:
        if existing:
            kept = paths.data_dir / ("vervangen-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ"))
            kept.mkdir()
            for p in existing:
                os.replace(p, kept / p.name)
                moved.append((kept / p.name, p))
            fsync_dir(paths.data_dir)
        os.replace(staged, paths.database)
        write_atomic(paths.header, header.to_json())
    except BaseException:
        paths.database.unlink(missing_ok=True)
        for src, original in moved:
            os.replace(src, original)
        if kept is not None and not any(kept.iterdir()):
            kept.rmdir()
        raise
    return kept


__all__ = [
    "BACKUP_SUFFIX",
    "BackupResult",
    "BrugfiguurError",
    "RestoreResult",
    "backup_vault",
    "restore_vault",
]
