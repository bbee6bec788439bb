"""Per-vault settings, stored as JSON values inside the encrypted vault."""

from __future__ import annotations

import json
from typing import Any

from app import settings as defaults
from app.errors import ValidationError
from app.models import Setting
from app.services.audit import AuditEvent, AuditService
from app.services.context import VaultContext

AUTO_LOCK_MINUTES = "auto_lock_minutes"
RECOVERY_CONFIRMED = "recovery_key_confirmed"


class SettingsService:
    def __init__(self, ctx: VaultContext, audit: AuditService) -> None:
        self._ctx = ctx
        self._audit = audit

    def get(self, key: str, default: Any = None) -> Any:
        with self._ctx.read() as s:
            row = s.get(Setting, key)
            return default if row is None else json.loads(row.value)

    def set(self, key: str, value: Any, *, audit: bool = True) -> None:
        with self._ctx.transaction() as s:
            row = s.get(Setting, key)
            encoded = json.dumps(value)
            if row is None:
                s.add(Setting(key=key, value=encoded))
            else:
                row.value = encoded
            if audit:
                self._audit.record(AuditEvent.SETTINGS_CHANGED, detail=key, session=s)

    @property
    def auto_lock_minutes(self) -> int:
        value = self.get(AUTO_LOCK_MINUTES, defaults.DEFAULT_AUTO_LOCK_MINUTES)
        return value if isinstance(value, int) else defaults.DEFAULT_AUTO_LOCK_MINUTES

    def set_auto_lock_minutes(self, minutes: int) -> None:
        lo, hi = defaults.MIN_AUTO_LOCK_MINUTES, defaults.MAX_AUTO_LOCK_MINUTES
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not lo <= minutes <= hi:
            raise ValidationError(
                f"Kies een wachttijd tussen {lo} en {hi} minuten.", field=AUTO_LOCK_MINUTES
            )
        self.set(AUTO_LOCK_MINUTES, minutes)
