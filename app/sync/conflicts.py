"""Conflicts a merge recorded: the values that lost a concurrent edit, kept so the worker
can review them, choose the other value, or undo that choice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto.header import now_iso
from app.errors import ValidationError
from app.models import MODEL_BY_TYPE, ConflictRecord
from app.services.context import VaultContext
from app.sync.apply import refresh_local_indexes


@dataclass(frozen=True)
class ConflictRow:
    id: int
    record_type: str
    record_id: str
    field: str
    kept: Any
    lost: Any
    lost_by: str | None
    both_kept: bool
    created_at: str
    status: str
    resolved_at: str | None = None


class Conflicts:
    def __init__(self, ctx: VaultContext) -> None:
        self._ctx = ctx

    def resolve_conflict(self, conflict_id: int, choice: str, records: Any) -> None:
        """`choice`: "accept" (keep what is there now), "kept" or "lost" (write that value as a
        new edit, which syncs like any other). The value before is remembered for `undo`."""
        if choice not in ("accept", "kept", "lost"):
            raise ValueError(choice)
        with self._ctx.transaction() as s:
            c = s.get(ConflictRecord, conflict_id)
            if c is None or c.status != "open":
                raise ValidationError("Dit conflict is al behandeld.")
            obj = s.get(MODEL_BY_TYPE[c.record_type], c.record_id)
            if obj is None:
                raise ValidationError("Het gegeven bestaat niet meer.")
            c.previous = {"value": getattr(obj, c.field)}
            if choice != "accept":
                records.update(s, obj, {c.field: c.kept if choice == "kept" else c.lost})
                _refresh_after_edit(s, obj)
            c.status = {"accept": "accepted", "kept": "kept", "lost": "restored"}[choice]
            c.resolved_at = now_iso()

    def undo_conflict(self, conflict_id: int, records: Any) -> None:
        """Put back the value from before the choice and reopen the conflict."""
        with self._ctx.transaction() as s:
            c = s.get(ConflictRecord, conflict_id)
            if c is None or c.status == "open":
                raise ValidationError("Er is niets om ongedaan te maken.")
            obj = s.get(MODEL_BY_TYPE[c.record_type], c.record_id)
            if obj is not None and c.status in ("kept", "restored") and c.previous is not None:
                records.update(s, obj, {c.field: c.previous["value"]})
                _refresh_after_edit(s, obj)
            c.status, c.resolved_at, c.previous = "open", None, None

    def conflicts(self, *, open_only: bool = True) -> list[ConflictRow]:
        with self._ctx.read() as s:
            q = select(ConflictRecord).order_by(ConflictRecord.id.desc())
            if open_only:
                q = q.where(ConflictRecord.status == "open")
            return [
                ConflictRow(
                    c.id,
                    c.record_type,
                    c.record_id,
                    c.field,
                    c.kept,
                    c.lost,
                    c.lost_by,
                    c.both_kept,
                    c.created_at,
                    c.status,
                    c.resolved_at,
                )
                for c in s.scalars(q)
            ]


def _refresh_after_edit(s: Session, obj: Any) -> None:
    s.flush()
    refresh_local_indexes(s, obj, previous_people=())
