"""What the field-registration services share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from app.domain.vocab import Vocabularies
from app.services.audit import AuditService
from app.services.context import VaultContext
from app.services.records import Records
from app.services.settings import SettingsService


class FieldContext:
    """The vault context, the record writer, vocabularies and 'today' (injectable for tests)."""

    def __init__(
        self,
        ctx: VaultContext,
        audit: AuditService,
        vocab: Vocabularies,
        *,
        records: Records | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.ctx = ctx
        self.audit = audit
        self.vocab = vocab
        self.records = records or Records(ctx)
        self.settings = SettingsService(ctx, audit, self.records)
        self.now = now

    def today(self) -> date:
        return self.now().date()


def iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def iso_minutes(dt: datetime | None) -> str | None:
    return None if dt is None else dt.replace(second=0, microsecond=0).isoformat(timespec="minutes")


def from_iso(s: str | None) -> date | None:
    return None if s is None else date.fromisoformat(s)


def from_iso_minutes(s: str | None) -> datetime | None:
    return None if s is None else datetime.fromisoformat(s)
