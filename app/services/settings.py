"""Settings, typed by their declaration in `app.settings` (the one registry).

A worker's own settings (`Level.WORKER`) are JSON values in the vault's `settings` table.
Team and organisation settings are `SharedSetting` records, one per setting and team, written
through the record writer so they sync like everything else; the newest value wins. Only a
coordinator changes those once the vault is enrolled (a vault on its own has no coordinator,
so its user may change everything).

Stored values are versioned: `SettingsService.upgrade()` runs at every unlock and brings
values stored by older versions to the shape of today's declarations (`UPGRADES`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings as registry
from app.errors import NotAllowed, ValidationError
from app.models import RecordTeam, Setting, SharedSetting, SyncConfig, TeamState
from app.services.audit import AuditEvent, AuditService
from app.services.context import DeviceInfo, VaultContext
from app.services.records import Records
from app.settings import Level, SettingSpec, SettingValueError

log = logging.getLogger(__name__)

T = TypeVar("T")

VERSION_KEY = "settings_version"
LEGACY_WORKERS_KEY = "upgrade_legacy_workers"  # set aside by vault migration 0013_workers
_MISSING = object()


def not_allowed(spec: SettingSpec[Any]) -> NotAllowed:
    who = "de organisatie" if spec.level is Level.ORGANISATION else "het team"
    return NotAllowed(f"{spec.description}: alleen een coördinator kan dit wijzigen voor {who}.")


# --- reading and writing inside a caller's session ------------------------------------------


def _raw_local(s: Session, key: str) -> object:
    with s.no_autoflush:
        row = s.get(Setting, key)
    if row is None:
        return _MISSING
    try:
        return json.loads(row.value)
    except ValueError:
        return _MISSING


def _shared_rows(s: Session, key: str) -> list[SharedSetting]:
    return list(
        s.scalars(
            select(SharedSetting).where(SharedSetting.key == key, SharedSetting.deleted.is_(False))
        )
    )


def _raw_shared(s: Session, key: str) -> object:
    rows = _shared_rows(s, key)
    if not rows:
        return _MISSING
    newest = max(rows, key=lambda r: (r.clock("value"), r.id))
    return newest.value


def read_value(s: Session, spec: SettingSpec[T]) -> T:
    """The setting's value: what is stored if it fits the declaration, else the default."""
    raw = _raw_shared(s, spec.key) if spec.level.shared else _raw_local(s, spec.key)
    return spec.default if raw is _MISSING else spec.parse(raw)


def is_coordinator(s: Session) -> bool | None:
    """True for a coordinator's device, False for a worker's, None when not enrolled."""
    cfg = s.scalars(select(SyncConfig)).first()
    return None if cfg is None else cfg.role == "coordinator"


def may_change(s: Session, spec: SettingSpec[Any]) -> bool:
    return spec.level is Level.WORKER or is_coordinator(s) is not False


def _write_local(s: Session, key: str, value: object) -> None:
    encoded = json.dumps(value)
    with s.no_autoflush:
        row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded


def _write_shared(s: Session, records: Records, key: str, value: object) -> None:
    rows = _shared_rows(s, key)
    for row in rows:
        records.update(s, row, {"value": value})
    routed = {
        t
        for (t,) in s.execute(
            select(RecordTeam.team_id).where(
                RecordTeam.record_type == SharedSetting.__record_type__,
                RecordTeam.record_id.in_([r.id for r in rows]),
            )
        )
    }
    teams = [t for t in s.scalars(select(TeamState.team_id)) if t not in routed]
    if not rows and not teams:
        records.create(s, SharedSetting, {"key": key, "value": value})
    for team in teams:
        obj = records.create(s, SharedSetting, {"key": key, "value": value})
        s.add(RecordTeam(record_type=SharedSetting.__record_type__, record_id=obj.id, team_id=team))


def _audit_detail(spec: SettingSpec[Any], value: object) -> str:
    """The key, with the value when it is a number or a choice (never free text)."""
    if isinstance(spec, registry.TextSetting):
        return spec.key
    return f"{spec.key}={json.dumps(value)}"[:200]


# --- upgrades of stored values ----------------------------------------------------------------


@dataclass(frozen=True)
class UpgradeContext:
    session: Session
    records: Records
    device: DeviceInfo

    def stored(self, key: str) -> object:
        """A worker-level stored value as JSON, or None when absent or unreadable."""
        raw = _raw_local(self.session, key)
        return None if raw is _MISSING else raw

    def store(self, key: str, value: object) -> None:
        _write_local(self.session, key, value)

    def remove(self, key: str) -> None:
        row = self.session.get(Setting, key)
        if row is not None:
            self.session.delete(row)


@dataclass(frozen=True)
class Upgrade:
    version: int  # the settings version this step brings the vault to
    description: str
    run: Callable[[UpgradeContext], None]


def _v1_check_declared_values(u: UpgradeContext) -> None:
    """Stored values are checked against their declarations. Older versions stored the ZRM
    interval as bare text (`3`), read Vandaag's weeks with `int()` and let other values be
    whatever JSON came in; a value that does not fit (unreadable, wrong type, out of range)
    is removed, so the declared default applies, and the key (never the value) is logged."""
    for spec in registry.declared(Level.WORKER, internal=None):
        row = u.session.get(Setting, spec.key)
        if row is None:
            continue
        try:
            value = json.loads(row.value)
            spec.check(value)
        except (ValueError, SettingValueError):
            log.warning("stored setting %s did not fit its declaration; default applies", spec.key)
            u.session.delete(row)


def _v2_worker_profiles(u: UpgradeContext) -> None:
    """Worker profiles replace the three loose settings older versions kept for documents
    (`worker_name`, `worker_phone`, `organisation_name`): they become this worker's profile
    record, which syncs. Names typed as a person's worker (set aside by migration
    0013_workers under `upgrade_legacy_workers`) become workers of their own, with the id
    every device derives from the name; when one of them is this worker's own name, this
    device takes that worker's id, so the people typed with it are this worker's."""
    from app.domain.workers import fold
    from app.models import DeviceIdentity, Worker
    from app.services.workers import WorkerProfile, check_profile

    s = u.session
    legacy = u.stored(LEGACY_WORKERS_KEY)
    names = {str(k): str(v) for k, v in legacy.items()} if isinstance(legacy, dict) else {}
    for worker_id, name in names.items():
        if s.get(Worker, worker_id) is None and name.strip():
            u.records.create(
                s,
                Worker,
                {"name": name.strip()[:100], "active": True, "legacy": True},
                record_id=worker_id,
            )
    u.remove(LEGACY_WORKERS_KEY)
    old = {k: u.stored(k) for k in ("worker_name", "worker_phone", "organisation_name")}
    for key in old:
        u.remove(key)
    name = old["worker_name"] if isinstance(old["worker_name"], str) else ""
    if not name.strip():
        return
    me = u.device.worker_id
    same = [wid for wid, n in names.items() if fold(n) == fold(name)]
    if len(same) == 1:
        # This worker's people were typed with their name: take that worker's id.
        ident = s.scalars(select(DeviceIdentity)).one()
        ident.worker_id = me = same[0]
    values: dict[str, object] = {"name": name.strip()[:100]}
    for key, field in (("worker_phone", "phone"), ("organisation_name", "organisation")):
        text = old[key]
        if isinstance(text, str) and text.strip():
            try:
                values[field] = check_profile(WorkerProfile(name, **{field: text}))[field]
            except ValidationError:
                log.warning("stored %s did not fit a worker profile; left out", key)
    w = s.get(Worker, me)
    if w is None:
        u.records.create(s, Worker, {**values, "active": True, "legacy": False}, record_id=me)
    else:
        u.records.update(s, w, {**values, "legacy": False, "active": True})


UPGRADES: tuple[Upgrade, ...] = (
    Upgrade(1, "stored values checked against their declarations", _v1_check_declared_values),
    Upgrade(2, "worker profiles instead of loose settings and typed names", _v2_worker_profiles),
)


def stored_version(s: Session) -> int:
    raw = _raw_local(s, VERSION_KEY)
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else 0


def run_upgrades(s: Session, records: Records, device: DeviceInfo) -> list[int]:
    """Every step after the stored version, in order, in the caller's transaction. Returns
    the versions applied. A vault from a newer app is left as it is."""
    current = stored_version(s)
    applied: list[int] = []
    if current >= registry.SETTINGS_VERSION:
        return applied
    u = UpgradeContext(s, records, device)
    for step in UPGRADES:
        if current < step.version <= registry.SETTINGS_VERSION:
            step.run(u)
            s.flush()
            applied.append(step.version)
    _write_local(s, VERSION_KEY, registry.SETTINGS_VERSION)
    return applied


# --- the service --------------------------------------------------------------------------------


class SettingsService:
    def __init__(
        self, ctx: VaultContext, audit: AuditService, records: Records | None = None
    ) -> None:
        self._ctx = ctx
        self._audit = audit
        self._records = records

    def _writer(self) -> Records:
        if self._records is None:
            self._records = Records(self._ctx)
        return self._records

    def value(self, spec: SettingSpec[T]) -> T:
        with self._ctx.read() as s:
            return read_value(s, spec)

    def values(self, specs: list[SettingSpec[Any]]) -> dict[str, Any]:
        with self._ctx.read() as s:
            return {spec.key: read_value(s, spec) for spec in specs}

    def may_change(self, spec: SettingSpec[Any]) -> bool:
        with self._ctx.read() as s:
            return may_change(s, spec)

    def change(self, spec: SettingSpec[T], value: object) -> T:
        """Check the value against the declaration and the asker's role, store it, audit it.
        Returns the value as stored (text trimmed). Raises `ValidationError` or `NotAllowed`."""
        if registry.REGISTRY.get(spec.key) is not spec:
            raise ValueError(f"setting {spec.key!r} is not declared")
        try:
            checked = spec.check(value)
        except SettingValueError as exc:
            raise ValidationError(exc.message, field=spec.key) from None
        with self._ctx.transaction() as s:
            if not may_change(s, spec):
                raise not_allowed(spec)
            if (
                read_value(s, spec) == checked
                and (_raw_shared(s, spec.key) if spec.level.shared else _raw_local(s, spec.key))
                is not _MISSING
            ):
                return checked
            if spec.level.shared:
                _write_shared(s, self._writer(), spec.key, checked)
            else:
                _write_local(s, spec.key, checked)
            if not spec.internal:
                self._audit.record(
                    AuditEvent.SETTINGS_CHANGED, detail=_audit_detail(spec, checked), session=s
                )
        return checked

    def upgrade(self) -> list[int]:
        """Bring stored values to today's declarations (at unlock)."""
        from app.models import DeviceIdentity

        with self._ctx.transaction() as s:
            applied = run_upgrades(s, self._writer(), self._ctx.device)
            worker_id = s.scalars(select(DeviceIdentity.worker_id)).one()
        if worker_id != self._ctx.device.worker_id:  # an upgrade gave this device a worker
            self._ctx.device = replace(self._ctx.device, worker_id=worker_id)
        if applied:
            log.info("settings upgraded to version %d", applied[-1])
        return applied
