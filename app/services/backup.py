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
import zlib
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
    BackupDamaged,
    BackupError,
    BrugfiguurError,
    StorageError,
    VaultCorrupt,
    VaultTooNew,
    WrongPassphrase,
    WrongRecoveryKey,
)
from app.fsutil import (
    create_private,
    describe_os_error,
    fsync_dir,
    open_private,
    private_dir,
    sweep_temps,
    temp_path,
)
from app.models import FTS_TABLE
from app.paths import DATABASE_NAME, HEADER_NAME, AppPaths
from app.services.audit import AuditEvent
from app.services.restore_journal import Swap, finish_interrupted_restore, journal_path, swap_in
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
    erasures_reapplied: int = 0  # people erased since the backup was made, erased again
    erasures_checked: bool = True  # False: the replaced vault had another key


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
    sweep_temps(dest.parent)  # what a killed backup left here
    tmp_db = temp_path(dest, ".db")
    tmp_zip = temp_path(dest, ".zip")
    try:
        create_private(tmp_db)  # SQLite keeps the mode of a file that exists
        _copy_database(vault, tmp_db)
        with os.fdopen(open_private(tmp_zip), "w+b") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as zf:
                zf.writestr(HEADER_NAME, vault.header.to_json())
                zf.write(tmp_db, DATABASE_NAME)
            raw.flush()
            os.fsync(raw.fileno())
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
        raise BackupDamaged("geen Brugfiguur-back-up") from exc
    try:
        names = {i.filename: i for i in zf.infolist()}
        if set(names) != {HEADER_NAME, DATABASE_NAME}:
            raise BackupDamaged("onverwachte inhoud")
        if names[HEADER_NAME].file_size > _MAX_HEADER or names[DATABASE_NAME].file_size > _MAX_DB:
            raise BackupDamaged("te groot")
        try:
            header = VaultHeader.from_json(zf.read(HEADER_NAME))
        except VaultTooNew:
            raise
        except VaultCorrupt as exc:
            raise BackupDamaged("kopbestand ongeldig") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        zf.close()
        raise BackupDamaged() from exc
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

    The secret is the passphrase valid when the backup was made, or the recovery key. Erasures
    recorded in the vault that is replaced are applied again to the restored data before it
    takes its place (so an erased person never comes back from an old backup). The replaced
    vault is moved (still encrypted) to `<data dir>/vervangen-<time>/`; header and database
    are swapped as one step (`restore_journal`).
    """
    if (passphrase is None) == (recovery_key is None):
        raise ValueError("give exactly one of passphrase or recovery_key")
    finish_interrupted_restore(paths)
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
        staged = temp_path(paths.database, ".restore")
        staged_header = temp_path(paths.header, ".restore")
        try:
            private_dir(paths.data_dir)
            sweep_temps(paths.data_dir)
            try:
                with zf.open(DATABASE_NAME) as src, os.fdopen(open_private(staged), "wb") as out:
                    shutil.copyfileobj(src, out, 1024 * 1024)
                    out.flush()
                    os.fsync(out.fileno())
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                raise BackupDamaged("onvolledig of gewijzigd") from exc
            _verify_database(staged, key)
            carried = carry_erasures(paths, staged, key)
            _record_restore(staged, key, carried)
            with os.fdopen(open_private(staged_header), "wb") as out:
                out.write(header.to_json())
                out.flush()
                os.fsync(out.fileno())
            existing = any(p.exists() for p in [paths.header, *paths.database_sidecars()])
            kept = (
                "vervangen-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") if existing else None
            )
            swap_in(paths, Swap(staged.name, staged_header.name, kept))
        except OSError as exc:
            raise StorageError(describe_os_error(exc, paths.data_dir)) from exc
        finally:
            if not journal_path(paths).exists():  # a journalled swap is finished at next start
                for p in (staged, staged_header, *_sidecars(staged)):
                    p.unlink(missing_ok=True)
            for i in range(len(key)):
                key[i] = 0
    log.info("vault restored from backup (%d erasures applied again)", carried.reapplied)
    return RestoreResult(
        data_dir=paths.data_dir,
        previous_kept_at=paths.data_dir / kept if kept else None,
        erasures_reapplied=carried.reapplied,
        erasures_checked=carried.checked,
    )


def _sidecars(db: Path) -> list[Path]:
    return [db.with_name(db.name + s) for s in ("-journal", "-wal", "-shm")]


@dataclass(frozen=True)
class Carried:
    checked: bool  # the replaced vault could be read (it has the backup's data key)
    reapplied: int  # erased people the backup still held, erased again


def carry_erasures(paths: AppPaths, staged: Path, key: bytearray) -> Carried:
    """Apply the erasures of the vault being replaced to the staged (restored) database.

    The data key never changes, so a backup of this vault opens the current one with the same
    key. Both the erasures made here (`purges`, kept with their pushed state so an unpushed one
    still reaches the store) and those pulled from the store (`purged_records`) are applied the
    way an erasure is: every record about the person, deleted ones too."""
    if not paths.database.exists() or paths.database.stat().st_size == 0:
        return Carried(True, 0)
    try:
        conn = connect_raw(paths.database, key)
    except VaultCorrupt:
        log.warning("the replaced vault has another key; its erasures cannot be carried over")
        return Carried(False, 0)
    try:
        purges = conn.execute(
            "SELECT id, person_id, record_refs, erased_at, erased_by, pushed_at FROM purges"
        ).fetchall()
        purged = [
            (str(t), str(i))
            for t, i in conn.execute("SELECT record_type, record_id FROM purged_records")
        ]
    except sqlcipher3.Error:
        log.warning("the replaced vault's erasures cannot be read")
        return Carried(False, 0)
    finally:
        conn.close()
    if not purges and not purged:
        return Carried(True, 0)
    return Carried(True, _apply_erasures(staged, key, purges, purged))


def _apply_erasures(
    staged: Path, key: bytearray, purges: list[tuple[object, ...]], purged: list[tuple[str, str]]
) -> int:
    import json

    from sqlalchemy import select

    from app.db.engine import make_engine
    from app.db.migrate import upgrade_to_head
    from app.models import DeviceIdentity, Person, Purge
    from app.services.context import DeviceInfo, VaultContext
    from app.services.records import Records
    from app.services.sync_purge import purge_person_leftovers, purge_records

    engine, forget = make_engine(staged, key)
    try:
        upgrade_to_head(engine)  # the backup may predate the replaced vault's schema
        with engine.connect() as conn:
            from sqlalchemy.orm import Session

            with Session(conn) as s:
                ident = s.scalars(select(DeviceIdentity)).first()
        if ident is None:
            raise VaultCorrupt("apparaatidentiteit ontbreekt in de back-up")
        ctx = VaultContext(
            engine,
            DeviceInfo(ident.device_id, ident.worker_id, ident.label, ident.public_key,
                       ident.created_at),
        )  # fmt: skip
        people = {i for t, i in purged if t == "person"}
        people |= {str(row[1]) for row in purges}
        reapplied = 0
        with ctx.transaction() as s:
            present = set(s.scalars(select(Person.id).where(Person.id.in_(people))))
            reapplied = len(present)
            known = set(s.scalars(select(Purge.id)))
            for pid_, person_id, refs, erased_at, erased_by, pushed_at in purges:
                if str(pid_) in known:
                    continue
                parsed = refs if isinstance(refs, list) else json.loads(str(refs))
                s.add(
                    Purge(
                        id=str(pid_),
                        person_id=str(person_id),
                        record_refs=parsed,
                        erased_at=str(erased_at),
                        erased_by=str(erased_by),
                        pushed_at=None if pushed_at is None else str(pushed_at),
                    )
                )
                purge_records(s, [(str(t), str(i)) for t, i in parsed])
            purge_records(s, purged)
            writer = Records(ctx)
            for person_id in sorted(people):
                s.flush()
                purge_person_leftovers(s, person_id, writer)
        ctx.close()
        with engine.connect() as conn:
            conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608
            conn.commit()
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
        forget()
    conn2 = connect_raw(staged, key)
    try:
        conn2.execute("PRAGMA journal_mode = DELETE").fetchone()  # one self-contained file
    finally:
        conn2.close()
    return reapplied


def _verify_database(path: Path, key: bytearray) -> None:
    conn = connect_raw(path, key)  # VaultCorrupt when the key does not open page 1
    try:
        problem = integrity_problem(conn)
        if problem is not None:
            raise BackupDamaged(problem)
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise BackupDamaged() from exc
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


def _record_restore(path: Path, key: bytearray, carried: Carried) -> None:
    """The restored vault's own audit log says it was restored and how many erasures were
    applied again (no content, device ids only)."""
    detail = (
        f"{carried.reapplied} wissingen opnieuw toegepast"
        if carried.checked
        else "wissingen van de vervangen kluis niet gecontroleerd (andere sleutel)"
    )
    conn = connect_raw(path, key)
    try:
        row = conn.execute("SELECT device_id, worker_id FROM device_identity LIMIT 1").fetchone()
        if row is None:
            raise VaultCorrupt("apparaatidentiteit ontbreekt")
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO audit_log (at, event, device_id, worker_id, detail) "
            "VALUES (?, ?, ?, ?, ?)",
            (now_iso(), str(AuditEvent.RESTORE), row[0], row[1], detail),
        )
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        conn.close()


__all__ = [
    "BACKUP_SUFFIX",
    "BackupResult",
    "BrugfiguurError",
    "RestoreResult",
    "backup_vault",
    "restore_vault",
]
