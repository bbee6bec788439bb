"""Erasing records from this vault: the one deletion both a local GDPR erasure
(app.services.rights) and a purge pulled from the central store (app.sync) perform."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import (
    MODEL_BY_TYPE,
    ConflictRecord,
    ContactMoment,
    ContactPerson,
    OutboxEntry,
    PurgedRecord,
    RecordHistory,
    SearchDoc,
    SyncedConflict,
    SyncedRecord,
)
from app.services import search


def people_of(obj: SyncedRecord) -> tuple[str, ...]:
    if isinstance(obj, ContactMoment):
        return tuple(p["person_id"] for p in obj.people)
    return ()


def purge_records(s: Session, refs: list[tuple[str, str]]) -> int:
    """Delete erased records everywhere locally and refuse them from now on."""
    removed = 0
    queue = list(refs)
    seen: set[tuple[str, str]] = set()
    while queue:
        record_type, record_id = queue.pop(0)
        if (record_type, record_id) in seen:
            continue
        seen.add((record_type, record_id))
        model = MODEL_BY_TYPE.get(record_type)
        if s.get(PurgedRecord, (record_type, record_id)) is None:
            s.add(PurgedRecord(record_type=record_type, record_id=record_id))
        if model is None:
            continue
        obj = s.get(model, record_id)
        if obj is not None:
            people = people_of(obj)
            s.delete(obj)
            removed += 1
            if isinstance(obj, ContactMoment):
                s.execute(delete(ContactPerson).where(ContactPerson.contact_id == record_id))
                s.flush()
                for pid in people:
                    search.reindex_person(s, pid)
        if record_type == "person":
            search.remove(s, record_id)
            s.execute(delete(SearchDoc).where(SearchDoc.person_id == record_id))
        s.execute(
            delete(OutboxEntry).where(
                OutboxEntry.record_type == record_type, OutboxEntry.record_id == record_id
            )
        )
        s.execute(
            delete(RecordHistory).where(
                RecordHistory.record_type == record_type, RecordHistory.record_id == record_id
            )
        )
        s.execute(
            delete(ConflictRecord).where(
                ConflictRecord.record_type == record_type, ConflictRecord.record_id == record_id
            )
        )
        # The conflicts about an erased record hold its values: they go with it.
        queue.extend(
            (SyncedConflict.__record_type__, c)
            for c in s.scalars(
                select(SyncedConflict.id).where(
                    SyncedConflict.subject_type == record_type,
                    SyncedConflict.subject_id == record_id,
                )
            )
        )
    return removed


def erased_people(s: Session) -> set[str]:
    return set(
        s.scalars(select(PurgedRecord.record_id).where(PurgedRecord.record_type == "person"))
    )


def purge_person_leftovers(s: Session, person_id: str, records: Any) -> list[tuple[str, str]]:
    """Everything about an erased person that an erasure elsewhere could not list (made
    concurrently on this device): deleted, and returned so a follow-up purge reaches the store.
    A group contact goes on for the others, without this person (as a new revision)."""
    from app.services.contacts import reindex_contact
    from app.services.erasure import records_about

    # Collected from the records' own fields, deleted ones included (see app.services.erasure).
    about = records_about(s, person_id)
    refs = list(about.records)
    for c in about.shared_contacts:
        others = [p for p in c.people if p["person_id"] != person_id]
        records.update(s, c, {"people": others})
        reindex_contact(s, c, (person_id,))
    purge_records(s, refs)
    return refs
