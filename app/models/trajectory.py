from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class PhaseEventRecord(SyncedRecord):
    """One dated step in a person's trajectory (append-only)."""

    __tablename__ = "phase_events"
    __record_type__ = "phase_event"
    __sync_fields__ = ("person_id", "kind", "on", "phase", "reason", "outcome", "deleted")
    __table_args__ = (Index("ix_phase_events_person", "person_id", "on"),)

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    on: Mapped[str] = mapped_column(String(10), nullable=False)
    phase: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    outcome: Mapped[str | None] = mapped_column(String(40))


class FollowUp(SyncedRecord):
    """A sustainability check 3, 12 or 24 months after a work outcome."""

    __tablename__ = "follow_ups"
    __record_type__ = "follow_up"
    __sync_fields__ = ("person_id", "months", "due_on", "done_on", "result", "deleted")
    __table_args__ = (Index("ix_follow_ups_due", "due_on"),)

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    months: Mapped[int] = mapped_column(Integer, nullable=False)
    due_on: Mapped[str] = mapped_column(String(10), nullable=False)
    done_on: Mapped[str | None] = mapped_column(String(10))
    result: Mapped[str | None] = mapped_column(Text)
