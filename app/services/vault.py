"""The vault's life cycle: create, unlock (passphrase or recovery key), change, lock.

A random 256-bit data key encrypts the SQLCipher database. It is stored only wrapped (see
`app.crypto.header`). Wrong secrets fail the AEAD tag; repeated failures add a growing delay
and are written to the audit log at the next successful unlock.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select

from app import settings
from app.crypto import aead, kdf, recovery
from app.crypto.device import generate_device_keypair
from app.crypto.header import DATA_KEY_BYTES, VaultHeader, new_header, now_iso, read_header
from app.db.engine import connect_raw, integrity_problem, make_engine
from app.db.migrate import upgrade_to_head
from app.domain import passphrase as policy
from app.errors import (
    PassphraseRejected,
    StorageError,
    VaultCorrupt,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from app.fsutil import (
    create_private,
    describe_os_error,
    make_private,
    private_dir,
    sweep_temps,
    write_atomic,
)
from app.models import DeviceIdentity
from app.paths import AppPaths, resource
from app.services.audit import AuditEvent, AuditService
from app.services.context import DeviceInfo, VaultContext
from app.services.drafts import DraftService
from app.services.records import Records
from app.services.restore_journal import finish_interrupted_restore
from app.services.settings import SettingsService
from app.services.workers import WorkerService
from app.settings import RECOVERY_KEY_CONFIRMED

log = logging.getLogger(__name__)

BLOCKLIST_FILE = ("security", "common-passwords.txt")
COMMON_WORDS_FILE = ("security", "common-words.txt")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common words and passwords without decoration (see `passphrase.undecorated`)."""
    path = resource(*COMMON_WORDS_FILE)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        log.warning("common-words list missing at %s", path)
        return frozenset()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def blocklist() -> frozenset[str]:
    path = resource(*BLOCKLIST_FILE)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        log.warning("passphrase blocklist missing at %s", path)
        return frozenset()
    return frozenset(
        "".join(ch for ch in line.strip().casefold() if not ch.isspace())
        for line in lines
        if line.strip() and not line.startswith("#")
    )


def passphrase_problems(passphrase: str) -> list[str]:
    """Dutch reasons a new passphrase is refused (empty when fine)."""
    return policy.problems(passphrase, blocklist(), common_words())


def unlock_delay(failures: int) -> float:
    """Seconds to wait before the next attempt after `failures` consecutive failures."""
    if failures <= 0:
        return 0.0
    return float(
        min(
            settings.UNLOCK_DELAY_MAX_SECONDS,
            settings.UNLOCK_DELAY_BASE_SECONDS * 2 ** (failures - 1),
        )
    )


@dataclass
class Failures:
    """Failed unlock attempts since the last success, kept beside the vault
    (`unlock-failures.json`, no secret): how many, when the last was (wall clock) and their
    times for the audit log."""

    count: int = 0
    last_at: float = 0.0
    stamps: list[str] = field(default_factory=list)

    MAX_STAMPS = 200

    def add(self, stamp: str, now: float) -> Failures:
        return Failures(self.count + 1, now, [*self.stamps, stamp][-self.MAX_STAMPS :])

    @classmethod
    def load(cls, path: Path) -> Failures:
        try:
            with path.open("rb") as fh:
                doc = json.loads(fh.read(64 * 1024).decode("utf-8"))
            count, last_at, stamps = doc["count"], doc["last_at"], doc["stamps"]
            if (
                isinstance(count, int)
                and isinstance(last_at, int | float)
                and isinstance(stamps, list)
                and all(isinstance(x, str) and len(x) <= 40 for x in stamps)
            ):
                return cls(max(0, count), float(last_at), stamps[-cls.MAX_STAMPS :])
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError, KeyError, TypeError):
            pass
        # Unreadable or edited: keep guessing slow rather than trusting it.
        log.warning("unlock failure record unreadable; assuming recent failures")
        return cls(3, time.time(), [])

    def save(self, path: Path) -> None:
        doc = {"count": self.count, "last_at": self.last_at, "stamps": self.stamps}
        write_atomic(path, json.dumps(doc).encode("utf-8"))


@dataclass(frozen=True)
class RecoveryStatus:
    created_at: str
    confirmed_stored: bool


@dataclass(frozen=True)
class CreatedVault:
    recovery_key: str
    vault: OpenVault


class VaultService:
    """Finds, creates and unlocks the vault in one data dir."""

    def __init__(
        self,
        paths: AppPaths,
        *,
        kdf_params: kdf.KdfParams | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.paths = paths
        self._kdf_params = kdf_params
        self._sleep = sleep
        self._clock = clock  # wall clock: the record of failures outlives this process
        self._unsaved = Failures()  # when the data dir cannot be written

    # --- state -------------------------------------------------------------------------------
    def exists(self) -> bool:
        self._finish_restore()
        return self.paths.header.exists()

    def _finish_restore(self) -> None:
        """A restore a crash interrupted is completed (or undone) before the vault is used."""
        try:
            finish_interrupted_restore(self.paths)
        except OSError as exc:
            raise StorageError(describe_os_error(exc, self.paths.data_dir)) from exc

    def retry_delay(self) -> float:
        """Seconds until the next unlock attempt is allowed (across processes)."""
        f = self._failures()
        if f.count <= 0:
            return 0.0
        wait = f.last_at + unlock_delay(f.count) - self._clock()
        # A clock set back must not lock the worker out for longer than the longest delay.
        return min(max(0.0, wait), float(settings.UNLOCK_DELAY_MAX_SECONDS))

    @property
    def failed_attempts(self) -> int:
        return self._failures().count

    def new_kdf_params(self) -> kdf.KdfParams:
        """Argon2id parameters for a new or changed passphrase: calibrated on this machine
        (median of several runs, at least 64 MiB and 3 passes), unless given to the service."""
        return self._kdf_params or kdf.calibrate()

    def _failures(self) -> Failures:
        saved = Failures.load(self.paths.failures)
        return saved if saved.count >= self._unsaved.count else self._unsaved

    # --- create ------------------------------------------------------------------------------
    def create(self, passphrase: str, *, device_label: str | None = None) -> CreatedVault:
        passphrase = policy.normalise(passphrase)
        problems = passphrase_problems(passphrase)
        if problems:
            raise PassphraseRejected(problems)
        if self.exists():
            raise VaultExists(str(self.paths.data_dir))
        if any(p.exists() for p in self.paths.database_sidecars()):
            raise VaultExists(str(self.paths.data_dir))
        try:
            private_dir(self.paths.data_dir)
            create_private(self.paths.database)  # SQLite gives -wal and -shm the same mode
        except OSError as exc:
            raise StorageError(describe_os_error(exc, self.paths.data_dir)) from exc
        params = self.new_kdf_params()
        data_key = bytearray(os.urandom(DATA_KEY_BYTES))
        recovery_key = recovery.generate()
        shown_key = recovery.format_key(recovery_key)
        header = new_header(data_key, passphrase, recovery_key, params)
        try:
            engine, forget = make_engine(self.paths.database, data_key)
            try:
                upgrade_to_head(engine)
                keys = generate_device_keypair()
                identity = DeviceIdentity(
                    device_id=str(uuid.uuid4()),
                    worker_id=str(uuid.uuid4()),
                    label=(device_label or socket.gethostname() or "laptop")[:200],
                    public_key=keys.public_raw,
                    private_key=keys.private_raw,
                    created_at=now_iso(),
                )
                ctx = VaultContext(engine, _device_info(identity))
                with ctx.transaction() as s:
                    s.add(identity)
                AuditService(ctx).record(AuditEvent.VAULT_CREATED)
                ctx.close()
            finally:
                forget()
            write_atomic(self.paths.header, header.to_json())
        except BaseException:
            # No header means no vault: leave nothing half-made behind.
            for p in self.paths.database_sidecars():
                p.unlink(missing_ok=True)
            raise
        log.info("vault created in %s", self.paths.data_dir)
        vault = self._open(header, data_key, event=AuditEvent.UNLOCK, must_change=False)
        _zero(data_key)
        return CreatedVault(recovery_key=shown_key, vault=vault)

    # --- unlock ------------------------------------------------------------------------------
    def read_header(self) -> VaultHeader:
        self._finish_restore()
        try:
            return read_header(self.paths.header)
        except FileNotFoundError as exc:
            raise VaultMissing(str(self.paths.data_dir)) from exc

    def _check_database_file(self) -> None:
        """A missing or empty vault.db is damage, reported before SQLite would create a new,
        empty database in its place."""
        try:
            size = self.paths.database.stat().st_size
        except FileNotFoundError:
            raise VaultCorrupt("databank ontbreekt") from None
        except OSError as exc:
            raise StorageError(describe_os_error(exc, self.paths.data_dir)) from exc
        if size == 0:
            raise VaultCorrupt("de databank is leeg (0 bytes)")

    def _wait_turn(self) -> None:
        delay = self.retry_delay()
        if delay > 0:
            self._sleep(delay)

    def _failed(self) -> float:
        """Count a failed attempt beside the vault, so the delay grows across processes and
        the next successful unlock (in any process) writes every failure to the audit log."""
        f = self._failures().add(now_iso(), self._clock())
        try:
            f.save(self.paths.failures)
            self._unsaved = Failures()
        except StorageError:
            log.warning("unlock failures cannot be recorded beside the vault")
            self._unsaved = f
        log.warning("unlock failed (attempt %d)", f.count)
        return unlock_delay(f.count)

    def unlock(self, passphrase: str) -> OpenVault:
        header = self.read_header()
        self._check_database_file()
        self._wait_turn()
        try:
            data_key = header.unwrap_with_passphrase(policy.normalise(passphrase))
        except aead.OpenFailed:
            raise WrongPassphrase(retry_after=self._failed()) from None
        return self._succeeded(header, data_key, AuditEvent.UNLOCK, must_change=False)

    def unlock_with_recovery_key(self, text: str) -> OpenVault:
        """Unlock with the recovery key; the returned vault demands a new passphrase."""
        header = self.read_header()
        self._check_database_file()
        key = recovery.parse_key(text)  # a typo is reported before any delay
        self._wait_turn()
        try:
            data_key = header.unwrap_with_recovery(key)
        except aead.OpenFailed:
            raise WrongRecoveryKey(retry_after=self._failed()) from None
        return self._succeeded(header, data_key, AuditEvent.UNLOCK_RECOVERY, must_change=True)

    def _succeeded(
        self, header: VaultHeader, data_key: bytearray, event: AuditEvent, *, must_change: bool
    ) -> OpenVault:
        try:
            return self._open(header, data_key, event=event, must_change=must_change)
        finally:
            _zero(data_key)

    def _open(
        self, header: VaultHeader, data_key: bytearray, *, event: AuditEvent, must_change: bool
    ) -> OpenVault:
        engine, forget = make_engine(self.paths.database, data_key)
        try:
            upgrade_to_head(engine)
            with engine.connect() as conn:
                from sqlalchemy.orm import Session

                with Session(conn) as s:
                    identity = s.scalars(select(DeviceIdentity)).first()
            if identity is None:
                raise VaultCorrupt("apparaatidentiteit ontbreekt")
            ctx = VaultContext(engine, _device_info(identity))
        except BaseException:
            engine.dispose()
            forget()
            raise
        vault = OpenVault(self, header, ctx, data_key, forget, must_change_passphrase=must_change)
        try:
            vault.settings.upgrade()
            vault.audit.drain_local()
        except BaseException:
            ctx.close()
            forget()
            _zero(vault._key)
            raise
        pending = self._failures()
        with ctx.transaction() as s:
            for stamp in pending.stamps:
                vault.audit.record(AuditEvent.UNLOCK_FAILED, at=stamp, session=s)
            vault.audit.record(event, session=s)
        self.paths.failures.unlink(missing_ok=True)
        self._unsaved = Failures()
        self._tighten()
        sweep_temps(self.paths.data_dir)
        log.info("vault unlocked")
        return vault

    def _tighten(self) -> None:
        """Vaults made before files were private: data dir 0700, its files 0600."""
        try:
            make_private(self.paths.data_dir)
            for p in (self.paths.header, *self.paths.database_sidecars()):
                make_private(p)
        except OSError as exc:
            log.warning("cannot make the vault files private: %s", type(exc).__name__)

    def _write_header(self, header: VaultHeader) -> None:
        write_atomic(self.paths.header, header.to_json())


class OpenVault:
    """An unlocked vault and its services. `lock()` closes everything and forgets the key."""

    def __init__(
        self,
        service: VaultService,
        header: VaultHeader,
        ctx: VaultContext,
        data_key: bytearray,
        forget: Callable[[], None],
        *,
        must_change_passphrase: bool,
    ) -> None:
        self._service = service
        self._header = header
        self._ctx: VaultContext | None = ctx
        self._key = bytearray(data_key)
        self._forget = forget
        self.must_change_passphrase = must_change_passphrase
        self.audit = AuditService(ctx)
        self.settings = SettingsService(ctx, self.audit)
        self.drafts = DraftService(ctx)
        self.workers = WorkerService(ctx, self.audit, Records(ctx))

    @property
    def paths(self) -> AppPaths:
        return self._service.paths

    @property
    def context(self) -> VaultContext:
        if self._ctx is None:
            raise VaultLocked()
        return self._ctx

    @property
    def device(self) -> DeviceInfo:
        return self.context.device

    @property
    def is_open(self) -> bool:
        return self._ctx is not None

    @property
    def header(self) -> VaultHeader:
        return self._header

    def data_key(self) -> bytearray:
        """A copy of the data key for backup and re-keying; the caller zeroes it."""
        if self._ctx is None:
            raise VaultLocked()
        return bytearray(self._key)

    def verify_database(self) -> None:
        """Check every page's HMAC and SQLite's integrity; VaultCorrupt (exit 2) when damaged.

        Reads the whole file once (about a second per 100 MB); changes nothing."""
        key = self.data_key()
        try:
            conn = connect_raw(self.paths.database, key)
        finally:
            _zero(key)
        try:
            problem = integrity_problem(conn)
        finally:
            conn.close()
        if problem is not None:
            log.warning("database integrity check failed")
            raise VaultCorrupt(problem)

    # --- passphrase and recovery key ---------------------------------------------------------
    def verify_passphrase(self, current: str) -> None:
        """Proof that the person at the keyboard knows the passphrase (AEAD, not a comparison)."""
        try:
            _zero(self._header.unwrap_with_passphrase(policy.normalise(current)))
        except aead.OpenFailed:
            raise WrongPassphrase("De huidige wachtwoordzin klopt niet.") from None

    def change_passphrase(self, new: str, *, current: str | None = None) -> None:
        """Re-wraps the data key only. `current` is required unless unlocked by recovery key."""
        if self._ctx is None:
            raise VaultLocked()
        new = policy.normalise(new)
        problems = passphrase_problems(new)
        if problems:
            raise PassphraseRejected(problems)
        if current is not None:
            self.verify_passphrase(current)
        elif not self.must_change_passphrase:
            raise WrongPassphrase("Geef eerst uw huidige wachtwoordzin.")
        # A new passphrase gets parameters calibrated now, on this machine (never fewer than
        # the floor), not the ones chosen when the vault was made.
        header = self._header.with_passphrase(self._key, new, self._service.new_kdf_params())
        self._service._write_header(header)
        self._header = header
        self.must_change_passphrase = False
        self.audit.record(AuditEvent.PASSPHRASE_CHANGED)
        log.info("passphrase changed")

    def renew_recovery_key(self, current: str | None = None) -> str:
        """A new recovery key replaces the old one (which stops working). Returns it formatted."""
        if self._ctx is None:
            raise VaultLocked()
        if current is not None:
            self.verify_passphrase(current)
        elif not self.must_change_passphrase:
            raise WrongPassphrase("Geef eerst uw huidige wachtwoordzin.")
        key = recovery.generate()
        header = self._header.with_recovery_key(self._key, key)
        self._service._write_header(header)
        self._header = header
        with self.context.transaction() as s:
            self.audit.record(AuditEvent.RECOVERY_KEY_RENEWED, session=s)
        self.settings.change(RECOVERY_KEY_CONFIRMED, False)
        return recovery.format_key(key)

    def confirm_recovery_key_stored(self) -> None:
        self.settings.change(RECOVERY_KEY_CONFIRMED, True)

    def recovery_status(self) -> RecoveryStatus:
        return RecoveryStatus(
            created_at=self._header.recovery_created_at,
            confirmed_stored=self.settings.value(RECOVERY_KEY_CONFIRMED),
        )

    # --- lock --------------------------------------------------------------------------------
    def lock(self) -> None:
        if self._ctx is None:
            return
        try:
            self.audit.record(AuditEvent.LOCK)
        except Exception as exc:
            # Locking happens whatever the log says (a damaged or a downgraded database).
            log.warning("lock not audited: %s", type(exc).__name__)
        finally:
            self._ctx.close()
            self._ctx = None
            self._forget()
            _zero(self._key)
            log.info("vault locked")


def _device_info(identity: DeviceIdentity) -> DeviceInfo:
    return DeviceInfo(
        device_id=identity.device_id,
        worker_id=identity.worker_id,
        label=identity.label,
        public_key=identity.public_key,
        created_at=identity.created_at,
    )


def _zero(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0
