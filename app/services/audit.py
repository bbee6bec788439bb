"""The audit log: events with time, device, worker and record id, never content.

Entries are synced records (`AuditEntry`), so they reach the coordinator's device encrypted,
like everything else: a coordinator sees and exports the team's entries (who opened, printed,
exported, erased or handed on what), per person or per period; a worker sees their own. An
erasure keeps the entries about the person: they hold ids only.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from app.models import (
    AuditEntry,
    Consent,
    ContactPerson,
    Handover,
    LocalAuditEntry,
    SyncConfig,
    Worker,
    ZrmAssessment,
)
from app.services.context import VaultContext

if TYPE_CHECKING:
    from app.services.records import Records

log = logging.getLogger(__name__)


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
    REPORT_EXPORTED = "report_exported"
    IMPORTED = "import"
    SYNC_PURGE_APPLIED = "sync_purge_applied"
    SYNC_PURGE_REFUSED = "sync_purge_refused"
    SYNC_REFUSED = "sync_refused"
    SYNC_QUARANTINED = "sync_quarantined"
    SYNC_DEVICE_APPROVED = "sync_device_approved"
    SYNC_DEVICE_REVOKED = "sync_device_revoked"
    SYNC_PROTOCOL_V2 = "sync_protocol_v2"
    # Sync and trust (approval and revocation: SYNC_DEVICE_APPROVED, SYNC_DEVICE_REVOKED).
    ORGANISATION_CREATED = "organisation_created"
    TEAM_CREATED = "team_created"
    DEVICE_ENROLLED = "device_enrolled"
    TEAM_KEY_ROTATED = "team_key_rotated"
    SYNC = "sync"
    # The DPO's questions.
    AUDIT_EXPORTED = "audit_exported"
    RETENTION_RUN = "retention_run"
    PROCESSING_RECORD_EXPORTED = "processing_record_exported"


@dataclass(frozen=True)
class AuditRow:
    id: str
    at: str
    event: str
    device_id: str
    device_label: str
    worker_id: str
    record_type: str | None
    record_id: str | None
    detail: str | None
    worker_name: str | None = None


@dataclass(frozen=True)
class AuditFilter:
    """Which entries: about one person (their id and their records' ids), in a period (dates
    inclusive, local), of one worker. A worker's device only ever shows its worker's own."""

    person_id: str | None = None
    since: date | None = None
    until: date | None = None
    worker_id: str | None = None


# The events in words, for exports that leave the app (Dutch, like every document; the screen
# shows the same words through its translations).
EVENT_LABELS = {
    "vault_created": "Kluis gemaakt",
    "unlock": "Ontgrendeld",
    "unlock_recovery": "Ontgrendeld met de noodsleutel",
    "unlock_failed": "Mislukte poging tot ontgrendelen",
    "lock": "Vergrendeld",
    "passphrase_changed": "Wachtwoordzin gewijzigd",
    "recovery_key_renewed": "Nieuwe noodsleutel gemaakt",
    "backup": "Back-up gemaakt",
    "restore": "Back-up teruggezet",
    "settings_changed": "Instelling gewijzigd",
    "person_opened": "Persoonsdossier geopend",
    "record_deleted": "Gegeven verwijderd",
    "consent_override": "Gedeeld buiten de toestemming (met reden)",
    "fiche_exported": "Overdrachtsfiche geëxporteerd",
    "person_copy_exported": "Kopie voor de persoon geëxporteerd",
    "mlp_summary_copied": "MLP-samenvatting gekopieerd",
    "person_exported": "Alles over een persoon geëxporteerd",
    "person_erased": "Persoon gewist",
    "zrm_pdf_exported": "ZRM-overzicht geëxporteerd",
    "zrm_criteria_imported": "Officiële ZRM-criteria ingelezen",
    "worker_profile_saved": "Profiel van een medewerker bewaard",
    "worker_claimed": "Toestel sloot aan bij een bestaand profiel",
    "worker_left": "Medewerker verliet het team",
    "worker_active": "Medewerker opnieuw actief",
    "caseload_moved": "Caseload overgedragen",
    "group_attendance": "Aanwezigheden van een groepssessie genoteerd",
    "agenda_exported": "Agenda geëxporteerd",
    "import": "Rekenblad geïmporteerd",
    "organisation_created": "Organisatie opgezet op de centrale opslag",
    "team_created": "Team gemaakt",
    "device_enrolled": "Toestel ingeschreven bij de opslag",
    "sync_device_approved": "Laptop goedgekeurd",
    "sync_device_revoked": "Laptop ingetrokken",
    "sync_purge_applied": "Wisopdracht van de centrale opslag toegepast",
    "sync_purge_refused": "Wisopdracht van de centrale opslag geweigerd",
    "sync_refused": "Synchronisatie geweigerd: niet ondertekend door een coördinator",
    "sync_quarantined": "Gegevens van de centrale opslag apart gezet",
    "sync_protocol_v2": "Synchronisatie overgeschakeld naar protocol v2",
    "team_key_rotated": "Teamsleutel vernieuwd",
    "sync": "Gesynchroniseerd",
    "audit_exported": "Auditlog geëxporteerd",
    "retention_run": "Bewaartermijn: vervallen dossiers gewist",
    "processing_record_exported": "Register van verwerkingen geëxporteerd",
    "report_exported": "Rapport geëxporteerd",
}

CSV_COLUMNS = (
    "tijdstip",
    "gebeurtenis",
    "medewerker",
    "medewerker_id",
    "toestel_id",
    "soort_gegeven",
    "gegeven_id",
    "details",
)


class AuditService:
    def __init__(self, ctx: VaultContext, records: Records | None = None) -> None:
        self._ctx = ctx
        self._records = records

    def _writer(self) -> Records:
        if self._records is None:
            from app.services.records import Records

            self._records = Records(self._ctx)
        return self._records

    # --- writing -------------------------------------------------------------------------------
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
        values = {
            # Milliseconds: entries of one second keep their order across devices too.
            "at": at or datetime.now(UTC).isoformat(timespec="milliseconds"),
            "event": str(event),
            "device_id": self._ctx.device.device_id,
            "worker_id": self._ctx.device.worker_id,
            "record_type": record_type,
            "record_id": record_id,
            "detail": detail[:200] if detail else detail,
        }
        if session is not None:
            self._writer().create(session, AuditEntry, values)
            return
        with self._ctx.transaction() as s:
            self._writer().create(s, AuditEntry, values)

    def drain_local(self) -> int:
        """Entries in the old local table (a vault from before audit entries synced, or an
        entry a restore wrote) become synced entries, keeping their time. At unlock."""
        with self._ctx.transaction() as s:
            rows = list(s.scalars(select(LocalAuditEntry).order_by(LocalAuditEntry.id)))
            for r in rows:
                self._writer().create(
                    s,
                    AuditEntry,
                    {
                        "at": r.at,
                        "event": r.event,
                        "device_id": r.device_id,
                        "worker_id": r.worker_id,
                        "record_type": r.record_type,
                        "record_id": r.record_id,
                        "detail": r.detail,
                    },
                )
            if rows:
                s.execute(delete(LocalAuditEntry))
        if rows:
            log.info("%d local audit entries now sync", len(rows))
        return len(rows)

    # --- reading -------------------------------------------------------------------------------
    def _query(self, s: Session, f: AuditFilter | None) -> Select[Any]:
        f = f or AuditFilter()
        q = select(AuditEntry).where(AuditEntry.deleted.is_(False))
        cfg = s.scalars(select(SyncConfig)).first()
        if cfg is not None and cfg.role != "coordinator":
            q = q.where(AuditEntry.worker_id == self._ctx.device.worker_id)  # own entries only
        if f.worker_id is not None:
            q = q.where(AuditEntry.worker_id == f.worker_id)
        if f.since is not None:
            q = q.where(AuditEntry.at >= _utc_start(f.since))
        if f.until is not None:
            q = q.where(AuditEntry.at < _utc_start(f.until + timedelta(days=1)))
        if f.person_id is not None:
            ids = about_person(s, f.person_id)
            q = q.where(AuditEntry.record_id.in_(ids))
        return q

    def count(self, f: AuditFilter | None = None) -> int:
        with self._ctx.read() as s:
            q = self._query(s, f).with_only_columns(func.count()).order_by(None)
            return int(s.scalar(q) or 0)

    def entries(
        self, limit: int = 200, offset: int = 0, f: AuditFilter | None = None
    ) -> list[AuditRow]:
        """Newest first."""
        with self._ctx.read() as s:
            rows: list[AuditEntry] = list(
                s.scalars(
                    self._query(s, f)
                    .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                    .limit(limit)
                    .offset(offset)
                )
            )
            names = dict(s.execute(select(Worker.id, Worker.name)).all())
            me, label = self._ctx.device.device_id, self._ctx.device.label
            return [
                AuditRow(
                    id=r.id,
                    at=r.at,
                    event=r.event,
                    device_id=r.device_id,
                    device_label=label if r.device_id == me else r.device_id[:8],
                    worker_id=r.worker_id,
                    record_type=r.record_type,
                    record_id=r.record_id,
                    detail=r.detail,
                    worker_name=names.get(r.worker_id),
                )
                for r in rows
            ]

    def is_team_view(self) -> bool:
        """True when this device sees the whole team's entries (a coordinator, or a vault on
        its own); a worker's device sees its worker's."""
        with self._ctx.read() as s:
            cfg = s.scalars(select(SyncConfig)).first()
        return cfg is None or cfg.role == "coordinator"

    # --- exports (the DPO's questions) ---------------------------------------------------------
    def export(
        self,
        out: Path,
        fmt: str,
        f: AuditFilter | None = None,
        *,
        labels: dict[str, str] | None = None,
        person_label: str | None = None,
    ) -> int:
        """The filtered entries as CSV or PDF, straight to `out` (must not exist); audited.
        `labels` gives event names in words (the screen's); returns the number of entries."""
        from app.fsutil import write_new_file

        if fmt not in ("csv", "pdf"):
            raise ValueError(fmt)
        rows = self.entries(1_000_000, 0, f)
        words = {**EVENT_LABELS, **(labels or {})}
        if fmt == "csv":
            buf = io.StringIO(newline="")
            writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
            writer.writerow(CSV_COLUMNS)
            for r in reversed(rows):  # oldest first in a file
                writer.writerow(
                    [
                        r.at,
                        words.get(r.event, r.event),
                        _csv_safe(r.worker_name or ""),
                        r.worker_id,
                        r.device_id,
                        r.record_type or "",
                        r.record_id or "",
                        _csv_safe(r.detail or ""),
                    ]
                )
            data = ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8
        else:
            from app.documents.audit_export import AuditExportData, build_audit_export

            fl = f or AuditFilter()
            pdf = io.BytesIO()
            build_audit_export(
                AuditExportData(
                    generated_on=date.today(),
                    since=fl.since,
                    until=fl.until,
                    person=person_label,
                    worker=rows[0].worker_name if fl.worker_id and rows else None,
                    team=self.is_team_view(),
                    rows=tuple(
                        (
                            r.at,
                            words.get(r.event, r.event),
                            r.worker_name or r.worker_id[:8],
                            r.device_label,
                            f"{r.record_type or ''} {r.record_id or ''}".strip(),
                            r.detail or "",
                        )
                        for r in reversed(rows)
                    ),
                ),
                pdf,
            )
            data = pdf.getvalue()
        write_new_file(Path(out), data)
        self.record(
            AuditEvent.AUDIT_EXPORTED,
            record_type="person" if f is not None and f.person_id else None,
            record_id=f.person_id if f is not None else None,
            detail=f"{fmt}, {len(rows)} regels",
        )
        return len(rows)


def queued_types(s: Session) -> dict[str, int]:
    """Queued revisions by record type (before a sync pass)."""
    from app.models import OutboxEntry

    rows = s.execute(
        select(OutboxEntry.record_type, func.count()).group_by(OutboxEntry.record_type)
    ).all()
    return {str(t): int(n) for t, n in rows}


class PassReport(Protocol):
    """What the audit of a sync pass reads from its report (app.sync.engine.SyncReport)."""

    pushed: int
    merged: int
    purged: int
    purges_pushed: int
    changed_types: dict[str, int]


def audit_sync_pass(
    audit: AuditService, s: Session, report: PassReport, queued: dict[str, int]
) -> bool:
    """Audit a sync pass that moved something besides audit entries: otherwise every pass
    would push the entry of the pass before it, and an idle laptop would write one an
    interval for ever. Returns whether an entry was written."""
    own = AuditEntry.__record_type__
    sent = sum(n for t, n in queued.items() if t != own)
    received = sum(n for t, n in report.changed_types.items() if t != own)
    if not (sent or received or report.purged or report.purges_pushed):
        return False
    detail = (
        f"verstuurd {report.pushed}, ontvangen {received}, samengevoegd {report.merged}, "
        f"gewist {report.purged + report.purges_pushed}"
    )
    audit.record(AuditEvent.SYNC, detail=detail, session=s)
    return True


def about_person(s: Session, person_id: str) -> list[str]:
    """The person's id and the ids of records about them (contacts, handovers, consents, ZRM)
    that audit entries may name; after an erasure only the person's id is left."""
    ids = [person_id]
    ids += list(
        s.scalars(select(ContactPerson.contact_id).where(ContactPerson.person_id == person_id))
    )
    for model in (Handover, Consent, ZrmAssessment):
        ids += list(s.scalars(select(model.id).where(model.person_id == person_id)))
    return ids


def _utc_start(day: date) -> str:
    """Entries carry UTC timestamps (`now_iso`); a local day starts at its local midnight,
    so compare with that moment in UTC, in the same text form."""
    local = datetime.combine(day, datetime.min.time()).astimezone()
    return local.astimezone(UTC).isoformat(timespec="seconds")


def _csv_safe(text: str) -> str:
    """No formula injection when the file is opened in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
