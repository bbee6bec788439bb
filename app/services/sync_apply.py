"""Applying a pulled revision to the local vault: insert, fast-forward, ignore, or merge.

Field clocks decide: a version whose every field stamp is at least the other's dominates it.
Concurrent versions are merged field by field (`app.domain.merge`) against the last common
version (`sync_base`); the merge becomes a new local revision with both parents, queued for
push, and every value that lost is written to the conflict table. Local indexes (search,
contact people, cached trajectory state) are refreshed for what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.crypto.header import now_iso
from app.domain.hlc import Stamp
from app.domain.merge import Version, merge
from app.domain.revisions import revision_id
from app.models import (
    MODEL_BY_TYPE,
    ConflictRecord,
    ContactMoment,
    ContactPerson,
    OutboxEntry,
    Person,
    PhaseEventRecord,
    PurgedRecord,
    SearchDoc,
    SyncBase,
    SyncedRecord,
)
from app.services import search

# Free text that must never lose words: concurrent edits keep both texts.
NOTE_FIELDS = frozenset({
    "note", "summary", "private_note", "reason", "why_now", "goals", "strengths", "feedback",
    "next_contact_note", "who_met", "best_times", "result",
})  # fmt: skip
_META_KEYS = ("created_at", "created_by", "updated_at", "updated_by")


class Outcome(StrEnum):
    INSERTED = "inserted"
    SAME = "same"
    FAST_FORWARD = "fast_forward"
    OLDER = "older"
    MERGED = "merged"
    PURGED = "purged"


class PayloadError(ValueError):
    """A decrypted payload does not have the shape of its record type."""


@dataclass(frozen=True)
class Incoming:
    record_type: str
    record_id: str
    revision: str
    parents: tuple[str, ...]
    fields: Mapping[str, Any]
    clocks: Mapping[str, str]  # as stored: compact ("*" plus edited fields) or expanded
    meta: Mapping[str, str]


def parse_payload(
    record_type: str,
    record_id: str,
    revision: str,
    parents: tuple[str, ...],
    payload: Mapping[str, Any],
) -> Incoming:
    """Validate a decrypted payload against the record type (it came from the network)."""
    model = MODEL_BY_TYPE.get(record_type)
    if model is None:
        raise PayloadError(f"unknown record type {record_type}")
    fields, clocks, meta = payload.get("fields"), payload.get("clocks"), payload.get("meta")
    if not isinstance(fields, dict) or set(fields) != set(model.__sync_fields__):
        raise PayloadError("fields do not match the record type")
    if not isinstance(clocks, dict) or not clocks:
        raise PayloadError("clocks missing")
    for name, stamp in clocks.items():
        if name != "*" and name not in model.__sync_fields__:
            raise PayloadError("clock for an unknown field")
        Stamp.decode(str(stamp))  # raises ValueError on garbage
    if "*" not in clocks and set(clocks) != set(model.__sync_fields__):
        raise PayloadError("clocks incomplete")
    if not isinstance(meta, dict) or any(not isinstance(meta.get(k), str) for k in _META_KEYS):
        raise PayloadError("meta missing")
    if not isinstance(fields.get("deleted"), bool):
        raise PayloadError("deleted must be a boolean")
    return Incoming(
        record_type,
        record_id,
        revision,
        parents,
        dict(fields),
        {str(k): str(v) for k, v in clocks.items()},
        dict(meta),
    )


def expand(clocks: Mapping[str, str], names: tuple[str, ...]) -> dict[str, str]:
    return {n: clocks.get(n) or clocks["*"] for n in names}


def _dominates(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    return all(a[n] >= b[n] for n in a)


def apply_incoming(s: Session, inc: Incoming, *, device_worker: str) -> Outcome:
    """Apply one pulled revision inside the caller's transaction."""
    if s.get(PurgedRecord, (inc.record_type, inc.record_id)) is not None:
        return Outcome.PURGED
    model = MODEL_BY_TYPE[inc.record_type]
    names = model.__sync_fields__
    local = s.get(model, inc.record_id)
    remote_clocks = expand(inc.clocks, names)
    if local is None:
        obj = model(
            id=inc.record_id,
            revision=inc.revision,
            parent_revisions=list(inc.parents),
            field_clocks=dict(inc.clocks),
            **{k: inc.meta[k] for k in _META_KEYS},
            **inc.fields,
        )
        s.add(obj)
        s.flush()
        _set_base(s, inc.record_type, inc.record_id, inc.revision, inc.fields, remote_clocks)
        refresh_local_indexes(s, obj, previous_people=())
        return Outcome.INSERTED
    if local.revision == inc.revision:
        _set_base(s, inc.record_type, inc.record_id, inc.revision, inc.fields, remote_clocks)
        return Outcome.SAME
    local_clocks = local.clocks()
    before_people = _people_of(local)
    if _dominates(remote_clocks, local_clocks):
        _overwrite(local, inc.fields, dict(inc.clocks), inc.revision, list(inc.parents), inc.meta)
        # Our queued revisions of this record are dominated: every field of theirs is older.
        s.execute(
            delete(OutboxEntry).where(
                OutboxEntry.record_type == inc.record_type, OutboxEntry.record_id == inc.record_id
            )
        )
        _set_base(s, inc.record_type, inc.record_id, inc.revision, inc.fields, remote_clocks)
        s.flush()
        refresh_local_indexes(s, local, previous_people=before_people)
        return Outcome.FAST_FORWARD
    if _dominates(local_clocks, remote_clocks):
        # We are ahead: the remote version is an ancestor of ours, which the outbox will push.
        _set_base(s, inc.record_type, inc.record_id, inc.revision, inc.fields, remote_clocks)
        return Outcome.OLDER
    base_row = s.get(SyncBase, (inc.record_type, inc.record_id))
    base = Version(base_row.fields, base_row.clocks) if base_row is not None else None
    merged = merge(
        Version(local.payload(), local_clocks),
        Version(inc.fields, remote_clocks),
        NOTE_FIELDS,
        base,
    )
    parents = sorted([local.revision, inc.revision])
    rev = revision_id(inc.record_type, inc.record_id, parents, merged.fields, merged.clocks)
    _overwrite(local, merged.fields, merged.clocks, rev, parents, None)
    local.updated_at = max(local.updated_at, inc.meta["updated_at"])
    local_won = {n for n in names if merged.clocks[n] == local_clocks[n]}
    for c in merged.conflicts:
        s.add(
            ConflictRecord(
                record_type=inc.record_type,
                record_id=inc.record_id,
                field=c.field,
                kept=c.kept,
                kept_clock=c.kept_clock,
                lost=c.lost,
                lost_clock=c.lost_clock,
                lost_by=device_worker if c.field in local_won else inc.meta.get("updated_by"),
                both_kept=c.both_kept,
                created_at=now_iso(),
            )
        )
    s.execute(
        delete(OutboxEntry).where(
            OutboxEntry.record_type == inc.record_type, OutboxEntry.record_id == inc.record_id
        )
    )
    s.add(
        OutboxEntry(
            record_type=inc.record_type,
            record_id=inc.record_id,
            revision=rev,
            parents=parents,
            payload={
                "fields": merged.fields,
                "clocks": merged.clocks,
                "meta": {k: getattr(local, k) for k in _META_KEYS},
            },
            created_at=now_iso(),
        )
    )
    _set_base(s, inc.record_type, inc.record_id, inc.revision, inc.fields, remote_clocks)
    s.flush()
    refresh_local_indexes(s, local, previous_people=before_people)
    return Outcome.MERGED


def _overwrite(
    obj: SyncedRecord,
    fields: Mapping[str, Any],
    clocks: dict[str, str],
    rev: str,
    parents: list[str],
    meta: Mapping[str, str] | None,
) -> None:
    for k, v in fields.items():
        setattr(obj, k, v)
    obj.field_clocks = clocks
    obj.revision = rev
    obj.parent_revisions = parents
    if meta is not None:
        obj.updated_at, obj.updated_by = meta["updated_at"], meta["updated_by"]


def _set_base(
    s: Session,
    record_type: str,
    record_id: str,
    rev: str,
    fields: Mapping[str, Any],
    clocks: Mapping[str, str],
) -> None:
    row = s.get(SyncBase, (record_type, record_id))
    if row is None:
        s.add(
            SyncBase(
                record_type=record_type,
                record_id=record_id,
                revision=rev,
                fields=dict(fields),
                clocks=dict(clocks),
            )
        )
    else:
        row.revision, row.fields, row.clocks = rev, dict(fields), dict(clocks)


def mark_pushed(
    s: Session, record_type: str, record_id: str, revision: str, payload: Mapping[str, Any]
) -> None:
    """After the store acknowledged our revision, it is the common version."""
    model = MODEL_BY_TYPE.get(record_type)
    if model is None:
        return
    _set_base(
        s,
        record_type,
        record_id,
        revision,
        payload["fields"],
        expand(payload["clocks"], model.__sync_fields__),
    )


def _people_of(obj: SyncedRecord) -> tuple[str, ...]:
    if isinstance(obj, ContactMoment):
        return tuple(p["person_id"] for p in obj.people)
    return ()


def refresh_local_indexes(s: Session, obj: SyncedRecord, previous_people: tuple[str, ...]) -> None:
    """Rebuild what the services keep beside the records: search, contact people, phase."""
    from app.services import vocabularies
    from app.services.contacts import reindex_contact
    from app.services.trajectory import refresh_person_state

    if isinstance(obj, Person):
        search.reindex_person(s, obj.id)
    elif isinstance(obj, ContactMoment):
        reindex_contact(s, obj, previous_people)
    elif isinstance(obj, PhaseEventRecord):
        person = s.get(Person, obj.person_id)
        if person is not None:
            refresh_person_state(vocabularies.builtin(), s, person)


def purge_records(s: Session, refs: list[tuple[str, str]]) -> int:
    """Delete erased records everywhere locally and refuse them from now on."""
    removed = 0
    for record_type, record_id in refs:
        model = MODEL_BY_TYPE.get(record_type)
        if s.get(PurgedRecord, (record_type, record_id)) is None:
            s.add(PurgedRecord(record_type=record_type, record_id=record_id))
        if model is None:
            continue
        obj = s.get(model, record_id)
        if obj is not None:
            people = _people_of(obj)
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
            delete(SyncBase).where(
                SyncBase.record_type == record_type, SyncBase.record_id == record_id
            )
        )
        s.execute(
            delete(ConflictRecord).where(
                ConflictRecord.record_type == record_type, ConflictRecord.record_id == record_id
            )
        )
    return removed


__all__ = [
    "Incoming",
    "Outcome",
    "apply_incoming",
    "mark_pushed",
    "parse_payload",
    "purge_records",
    "select",
]
