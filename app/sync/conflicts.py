"""Conflicts a merge found, kept as synced records of the team (`SyncedConflict`): every
device sees them with whose value lost, and a choice (keep what is there, take the other
value) or an undo made on any device travels like any edit.

A conflict's id is derived from what conflicted, so two devices that merge the same pair of
revisions make the same record; its own concurrent edits merge field by field without
conflicts of their own."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.crypto.header import now_iso
from app.domain.hlc import node_of
from app.errors import ValidationError
from app.models import (
    MODEL_BY_TYPE,
    ConflictRecord,
    ContactMoment,
    Person,
    PurgedRecord,
    RecordTeam,
    SyncedConflict,
)
from app.services.context import VaultContext
from app.services.records import Records
from app.sync.apply import FoundConflict, Incoming, refresh_local_indexes

# Fixed: every device derives the same id for the same conflict.
_NAMESPACE = uuid.UUID("6f1d3c1e-9b57-4c41-a7a4-2f0cf6f5d7b1")
CONFLICT_TYPE = SyncedConflict.__record_type__

Choice = Literal["accept", "kept", "lost"]
CHOICE_STATUS: dict[str, str] = {"accept": "accepted", "kept": "kept", "lost": "restored"}


def conflict_id(
    subject_type: str, subject_id: str, field: str, kept_clock: str, lost_clock: str
) -> str:
    """The same id on every device that finds this conflict."""
    key = f"{subject_type}/{subject_id}/{field}/{kept_clock}/{lost_clock}"
    return str(uuid.uuid5(_NAMESPACE, key))


@dataclass(frozen=True)
class ConflictRow:
    id: str
    record_type: str
    record_id: str
    field: str
    kept: Any
    lost: Any
    lost_by: str | None  # the worker whose value lost
    both_kept: bool
    created_at: str
    status: str
    resolved_at: str | None = None
    lost_device: str | None = None
    resolved_by: str | None = None
    person_id: str | None = None


def person_of(s: Session, subject_type: str, subject_id: str) -> str | None:
    """The one person a record is about (None for a group contact or a record about nobody)."""
    model = MODEL_BY_TYPE.get(subject_type)
    obj = s.get(model, subject_id) if model is not None else None
    if obj is None:
        return None
    if isinstance(obj, Person):
        return obj.id
    if isinstance(obj, ContactMoment):
        people = {str(p.get("person_id")) for p in obj.people if isinstance(p, dict)}
        return people.pop() if len(people) == 1 else None
    owner = getattr(obj, "person_id", None)
    return owner if isinstance(owner, str) else None


def _write(
    s: Session,
    records: Records,
    subject_type: str,
    subject_id: str,
    values: dict[str, Any],
    team: str | None,
) -> bool:
    cid = conflict_id(
        subject_type, subject_id, values["field"], values["kept_clock"], values["lost_clock"]
    )
    if (
        s.get(SyncedConflict, cid) is not None
        or s.get(PurgedRecord, (CONFLICT_TYPE, cid)) is not None
    ):
        return False  # the same merge, made on another device, already reached this one
    if team is None:
        row = s.get(RecordTeam, (subject_type, subject_id))
        team = row.team_id if row is not None else None
    records.create(
        s,
        SyncedConflict,
        {
            "subject_type": subject_type,
            "subject_id": subject_id,
            "person_id": person_of(s, subject_type, subject_id),
            **values,
        },
        record_id=cid,
    )
    if team is not None and s.get(RecordTeam, (CONFLICT_TYPE, cid)) is None:
        # The conflict goes to the team of the record it is about.
        s.add(RecordTeam(record_type=CONFLICT_TYPE, record_id=cid, team_id=team))
    return True


def record_conflicts(
    s: Session, records: Records, inc: Incoming, found: Iterable[FoundConflict], team: str | None
) -> int:
    """Write the conflicts a merge of `inc` found as synced conflicts; returns how many are new."""
    written = 0
    for f in found:
        written += _write(
            s,
            records,
            inc.record_type,
            inc.record_id,
            {
                "field": f.field,
                "kept": f.kept,
                "kept_clock": f.kept_clock,
                "lost": f.lost,
                "lost_clock": f.lost_clock,
                "lost_by": f.lost_by,
                "lost_device": f.lost_device,
                "both_kept": f.both_kept,
                "status": "open",
            },
            team,
        )
    return written


def drain_legacy(s: Session, records: Records) -> int:
    """Conflicts kept in the local table before they synced become synced conflicts."""
    moved = 0
    for c in list(s.scalars(select(ConflictRecord).order_by(ConflictRecord.id))):
        if MODEL_BY_TYPE.get(c.record_type) is not None:
            moved += _write(
                s,
                records,
                c.record_type,
                c.record_id,
                {
                    "field": c.field,
                    "kept": c.kept,
                    "kept_clock": c.kept_clock,
                    "lost": c.lost,
                    "lost_clock": c.lost_clock,
                    "lost_by": c.lost_by,
                    "lost_device": node_of(c.lost_clock),
                    "both_kept": c.both_kept,
                    "status": c.status,
                    "resolved_at": c.resolved_at,
                    "previous": c.previous,
                },
                None,
            )
        s.delete(c)
    return moved


class Conflicts:
    def __init__(self, ctx: VaultContext) -> None:
        self._ctx = ctx

    def _find(self, s: Session, conflict_id: str) -> SyncedConflict:
        """A conflict by its id or by an unambiguous start of it (at least 6 characters)."""
        c = s.get(SyncedConflict, conflict_id)
        if c is None and len(conflict_id) >= 6:
            matches = list(
                s.scalars(
                    select(SyncedConflict).where(
                        SyncedConflict.id.startswith(conflict_id, autoescape=True)
                    )
                )
            )
            if len(matches) > 1:
                raise ValidationError(
                    f"Meer dan één conflict begint met {conflict_id}; geef meer tekens."
                )
            c = matches[0] if matches else None
        if c is None or c.deleted:
            raise ValidationError(f"Er is geen conflict {conflict_id}.")
        return c

    def resolve_conflict(self, conflict_id: str, choice: str, records: Records) -> str:
        """`choice`: "accept" (keep what is there now), "kept" or "lost" (write that value as a
        new edit, which syncs like any other). The value before is remembered for `undo`.
        Returns the conflict's full id."""
        if choice not in CHOICE_STATUS:
            raise ValueError(choice)
        with self._ctx.transaction() as s:
            drain_legacy(s, records)
            c = self._find(s, conflict_id)
            if c.status != "open":
                raise ValidationError("Dit conflict is al behandeld.")
            obj = s.get(MODEL_BY_TYPE[c.subject_type], c.subject_id)
            if obj is None:
                raise ValidationError("Het gegeven bestaat niet meer.")
            previous = {"value": getattr(obj, c.field)}
            if choice != "accept":
                records.update(s, obj, {c.field: c.kept if choice == "kept" else c.lost})
                _refresh_after_edit(s, obj)
            records.update(
                s,
                c,
                {
                    "status": CHOICE_STATUS[choice],
                    "resolved_at": now_iso(),
                    "resolved_by": self._ctx.device.worker_id,
                    "previous": previous,
                },
            )
            return c.id

    def undo_conflict(self, conflict_id: str, records: Records) -> str:
        """Put back the value from before the choice and reopen the conflict."""
        with self._ctx.transaction() as s:
            drain_legacy(s, records)
            c = self._find(s, conflict_id)
            if c.status == "open":
                raise ValidationError("Er is niets om ongedaan te maken.")
            obj = s.get(MODEL_BY_TYPE[c.subject_type], c.subject_id)
            if (
                obj is not None
                and c.status in ("kept", "restored")
                and isinstance(c.previous, dict)
                and "value" in c.previous
            ):
                records.update(s, obj, {c.field: c.previous["value"]})
                _refresh_after_edit(s, obj)
            records.update(
                s, c, {"status": "open", "resolved_at": None, "resolved_by": None, "previous": None}
            )
            return c.id

    def open_count(self, s: Session) -> int:
        legacy = s.scalar(
            select(func.count()).select_from(ConflictRecord).where(ConflictRecord.status == "open")
        )
        synced = s.scalar(
            select(func.count())
            .select_from(SyncedConflict)
            .where(SyncedConflict.status == "open", SyncedConflict.deleted.is_(False))
        )
        return int(legacy or 0) + int(synced or 0)

    def conflicts(
        self, *, open_only: bool = True, records: Records | None = None
    ) -> list[ConflictRow]:
        """Newest first. Conflicts still in the local table of an older version are written as
        synced conflicts first (with `records`, or a writer of this vault)."""
        with self._ctx.read() as s:
            legacy = bool(s.scalar(select(func.count()).select_from(ConflictRecord)))
        if legacy:
            with self._ctx.transaction() as s:
                drain_legacy(s, records or Records(self._ctx))
        with self._ctx.read() as s:
            q = (
                select(SyncedConflict)
                .where(SyncedConflict.deleted.is_(False))
                .order_by(SyncedConflict.created_at.desc(), SyncedConflict.id)
            )
            if open_only:
                q = q.where(SyncedConflict.status == "open")
            return [
                ConflictRow(
                    c.id,
                    c.subject_type,
                    c.subject_id,
                    c.field,
                    c.kept,
                    c.lost,
                    c.lost_by,
                    c.both_kept,
                    c.created_at,
                    c.status,
                    c.resolved_at,
                    c.lost_device,
                    c.resolved_by,
                    c.person_id,
                )
                for c in s.scalars(q)
            ]


def _refresh_after_edit(s: Session, obj: Any) -> None:
    s.flush()
    refresh_local_indexes(s, obj, previous_people=())


__all__ = ["CONFLICT_TYPE", "ConflictRow", "Conflicts", "conflict_id", "record_conflicts"]
