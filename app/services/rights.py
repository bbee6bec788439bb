"""The rights of the person (GDPR art. 15, 17, 20): export everything about them, and erase them.

Erasure deletes the payloads (rows, outbox revisions, search index, drafts), keeps a purge
record with ids only for the coming sync, writes an audit entry without content, then merges
the full-text index and truncates the WAL so no erased text lingers in the file.
"""

from __future__ import annotations

import io
import json
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from app.crypto.header import now_iso
from app.errors import NotFound
from app.fsutil import write_new_file
from app.models import (
    FTS_TABLE,
    Agreement,
    Consent,
    ContactMoment,
    ContactPerson,
    Draft,
    DrempelRecord,
    EsfProfile,
    FollowUp,
    Handover,
    NetworkMember,
    Person,
    PhaseEventRecord,
    Purge,
    SyncedRecord,
    Worker,
    WorkReadinessItem,
    ZrmAssessment,
)
from app.services.audit import AuditEvent
from app.services.base import FieldContext
from app.services.sync_purge import purge_person_leftovers, purge_records

log = logging.getLogger(__name__)

EXPORT_FORMAT = "brugfiguur-person-export"
EXPORT_VERSION = 1
SCHEMA_FILE = ("schemas", "person-export.schema.json")

_PER_PERSON: tuple[tuple[str, type[SyncedRecord]], ...] = (
    ("trajectory", PhaseEventRecord),
    ("follow_ups", FollowUp),
    ("agreements", Agreement),
    ("network", NetworkMember),
    ("drempels", DrempelRecord),
    ("work_readiness", WorkReadinessItem),
    ("zrm_assessments", ZrmAssessment),
    ("consents", Consent),
    ("handovers", Handover),
    ("esf_participant", EsfProfile),
)
_META = ("id", "created_at", "updated_at")


def _person_col(model: type[SyncedRecord]) -> Any:
    """The `person_id` column of a per-person record type."""
    return getattr(model, "person_id")  # noqa: B009 - not every SyncedRecord has one


def _plain(obj: SyncedRecord) -> dict[str, Any]:
    out = {k: getattr(obj, k) for k in _META}
    out.update({k: v for k, v in obj.payload().items() if k != "deleted"})
    return out


class RightsService:
    def __init__(self, fc: FieldContext, verify_passphrase: Callable[[str], None] | None) -> None:
        self._fc = fc
        self._verify = verify_passphrase

    def verify(self, passphrase: str) -> None:
        if self._verify is None:
            raise NotFound("Wachtwoordcontrole")
        self._verify(passphrase)

    def _person(self, s: Session, person_id: str) -> Person:
        p = self._fc.records.live(s, Person, person_id)
        if p is None:
            raise NotFound("Deze persoon")
        return p

    # --- export (art. 15 and 20) ---------------------------------------------------------------
    def export_document(self, person_id: str) -> dict[str, Any]:
        """Everything about one person, as plain JSON-able data (schema in resources/schemas)."""
        with self._fc.ctx.read() as s:
            p = self._person(s, person_id)
            doc: dict[str, Any] = {
                "format": EXPORT_FORMAT,
                "version": EXPORT_VERSION,
                "exported_at": now_iso(),
                "person": _plain(p),
            }
            worker = s.get(Worker, p.worker_id) if p.worker_id else None
            doc["person"]["worker_name"] = worker.name if worker is not None else None
            for key, model in _PER_PERSON:
                rows = s.scalars(
                    select(model)
                    .where(_person_col(model) == person_id, model.deleted.is_(False))
                    .order_by(model.created_at)
                )
                doc[key] = [_plain(r) for r in rows]
            contacts = s.scalars(
                select(ContactMoment)
                .join(ContactPerson, ContactPerson.contact_id == ContactMoment.id)
                .where(ContactPerson.person_id == person_id, ContactMoment.deleted.is_(False))
                .order_by(ContactMoment.occurred_at)
            )
            out = []
            for c in contacts:
                row = _plain(c)
                # Other participants of a group contact are other people's data.
                row["people"] = [x for x in c.people if x["person_id"] == person_id]
                row["group_size"] = len(c.people)
                out.append(row)
            doc["contacts"] = out
        return doc

    def export(self, person_id: str, fmt: str, out: Path) -> None:
        """Write the export straight to `out` (must not exist); audited, without content."""
        from app.services.handovers import write_pdf

        doc = self.export_document(person_id)
        if fmt == "json":
            data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            write_new_file(Path(out), data)
        elif fmt == "pdf":
            from app.documents.person_export import build_person_export

            buf = io.BytesIO()
            build_person_export(doc, buf)
            write_pdf(out, buf.getvalue(), None)
        else:
            raise ValueError(fmt)
        self._fc.audit.record(
            AuditEvent.PERSON_EXPORTED, record_type="person", record_id=person_id, detail=fmt
        )

    # --- erasure (art. 17) -------------------------------------------------------------------
    def erase(self, person_id: str, passphrase: str) -> Purge:
        self.verify(passphrase)
        purge = self.erase_verified(person_id)
        self.compact()
        return purge

    def erase_verified(self, person_id: str, *, reason: str | None = None) -> Purge:
        """Erase once the asker proved they know the passphrase (the one purge path: a
        pulled purge performs the same deletion). `reason` goes into the audit entry (no
        content: e.g. the retention rule). Call `compact()` after the last one."""
        fc = self._fc
        with fc.ctx.transaction() as s:
            self._person(s, person_id)
            # The same deletion a purge pulled from the store performs: every record about
            # the person (group contacts go on without them), then the person, all refused
            # from now on; outbox revisions, search documents and history go with them.
            refs = [
                (Person.__record_type__, person_id),
                *purge_person_leftovers(s, person_id, fc.records),
            ]
            purge_records(s, refs[:1])
            s.execute(
                delete(Draft).where(
                    or_(Draft.key.contains(person_id), Draft.payload.contains(person_id))
                )
            )
            purge = Purge(
                id=str(uuid.uuid4()),
                person_id=person_id,
                record_refs=[list(r) for r in refs],
                erased_at=now_iso(),
                erased_by=fc.ctx.device.worker_id,
            )
            s.add(purge)
            fc.audit.record(
                AuditEvent.PERSON_ERASED,
                record_type="person",
                record_id=person_id,
                detail=f"{len(refs)} records" + (f", {reason}" if reason else ""),
                session=s,
            )
        log.info("person erased (%d records)", len(refs))
        return purge

    def compact(self) -> None:
        """Merge the full-text index so deleted tokens leave its segments, then fold the WAL
        into the (secure_delete) database and truncate it: no erased text lingers."""
        with self._fc.ctx.engine.connect() as conn:
            conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608
            conn.commit()
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
