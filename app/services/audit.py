"""The audit log: events with time, device, worker and record id, never content."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.crypto.header import now_iso
from app.models import AuditEntry
from app.services.context import VaultContext


class AuditEvent(StrEnum):
    VAULT_CREATED = "vault_created"
    UNLOCK = "unlock"
    UNLOCK_RECOVERY = "unlock_recovery"
    UNLOCK_FAILED = "unlock_failed"
    LOCK = "lock"
    PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105 - an event name
    RECOVERY_KEY_RENEWED = "recovery_key_renewed"
    BACKUP = "backup"
    RESTORE = "restore"
    SETTINGS_CHANGED = "settings_changed"
    PERSON_OPENED = "person_opened"
    RECORD_DELETED = "record_deleted"
    CONSENT_OVERRIDE = "consent_override"
    FICHE_EXPORTED = "fiche_exported"
    PERSON_COPY_EXPORTED = "person_copy_exported"
    MLP_SUMMARY_COPIED = "mlp_summary_copied"
    PERSON_EXPORTED = "person_exported"
    PERSON_ERASED = "person_erased"
    ZRM_PDF_EXPORTED = "zrm_pdf_exported"
    ZRM_CRITERIA_IMPORTED = "zrm_criteria_imported"
    # Working as a team.
    WORKER_PROFILE_SAVED = "worker_profile_saved"
    WORKER_CLAIMED = "worker_claimed"  # this device joined a worker known to the team
    WORKER_LEFT = "worker_left"
    WORKER_ACTIVE = "worker_active"
    CASELOAD_MOVED = "caseload_moved"
    GROUP_ATTENDANCE = "group_attendance"
    AGENDA_EXPORTED = "agenda_exported"
    IMPORTED = "import"
    SYNC_PURGE_APPLIED = "sync_purge_applied"
    SYNC_PURGE_REFUSED = "sync_purge_refused"
    SYNC_REFUSED = "sync_refused"
    SYNC_QUARANTINED = "sync_quarantined"
    SYNC_DEVICE_APPROVED = "sync_device_approved"
    SYNC_DEVICE_REVOKED = "sync_device_revoked"
    SYNC_PROTOCOL_V2 = "sync_protocol_v2"


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    event: str
    device_id: str
    device_label: str
    worker_id: str
    record_type: str | None
    record_id: str | None
    detail: str | None


class AuditService:
    def __init__(self, ctx: VaultContext) -> None:
        self._ctx = ctx

    def record(
        self,
        event: AuditEvent | str,
        *,
        record_type: str | None = None,
        record_id: str | None = None,
        detail: str | None = None,
        at: str | None = None,
        session: Session | None = None,
    ) -> None:
        """Append an entry; pass `session` to make it part of a larger transaction."""
        entry = AuditEntry(
            at=at or now_iso(),
            event=str(event),
            device_id=self._ctx.device.device_id,
            worker_id=self._ctx.device.worker_id,
            record_type=record_type,
            record_id=record_id,
            detail=detail,
        )
        if session is not None:
            session.add(entry)
            return
        with self._ctx.transaction() as s:
            s.add(entry)

    def count(self) -> int:
        with self._ctx.read() as s:
            return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)

    def entries(self, limit: int = 200, offset: int = 0) -> list[AuditRow]:
        """Newest first."""
        with self._ctx.read() as s:
            rows = s.scalars(
                select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit).offset(offset)
            ).all()
            label = self._ctx.device.label
            return [
                AuditRow(
                    id=r.id,
                    at=r.at,
                    event=r.event,
                    device_id=r.device_id,
                    device_label=label
                    if r.device_id == self._ctx.device.device_id
                    else r.device_id,
                    worker_id=r.worker_id,
                    record_type=r.record_type,
                    record_id=r.record_id,
                    detail=r.detail,
                )
                for r in rows
            ]
