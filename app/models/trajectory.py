from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

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


def _legacy_status(fields: Mapping[str, Any]) -> str | None:
    """A follow-up from before structured results: done means 'result unknown' (the free
    text stays as its note)."""
    return "onbekend" if fields.get("done_on") else None


class FollowUp(SyncedRecord):
    """A sustainability check some months after a closure, a warm handover, a job start or a
    training start (the anchor), with a structured result (`status`, vocabulary
    follow_up_status) on `done_on` and an optional note (`result`)."""

    __tablename__ = "follow_ups"
    __record_type__ = "follow_up"
    __sync_fields__ = (
        "person_id", "months", "due_on", "done_on", "result", "anchor", "anchor_on",
        "anchor_id", "status", "deleted",
    )  # fmt: skip
    __sync_upgrades__ = MappingProxyType(
        {
            "anchor": lambda _: "afsluiting",
            "anchor_on": lambda _: None,
            "anchor_id": lambda _: None,
            "status": _legacy_status,
        }
    )
    __table_args__ = (
        Index("ix_follow_ups_due", "due_on"),
        Index("ix_follow_ups_person", "person_id"),
    )

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    months: Mapped[int] = mapped_column(Integer, nullable=False)
    due_on: Mapped[str] = mapped_column(String(10), nullable=False)
    done_on: Mapped[str | None] = mapped_column(String(10))
    result: Mapped[str | None] = mapped_column(Text)  # the note beside the structured status
    anchor: Mapped[str] = mapped_column(String(40), nullable=False, default="afsluiting")
    anchor_on: Mapped[str | None] = mapped_column(String(10))
    anchor_id: Mapped[str | None] = mapped_column(String(36))  # the handover or phase event
    status: Mapped[str | None] = mapped_column(String(40))
