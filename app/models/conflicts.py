from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class SyncedConflict(SyncedRecord):
    """A value that lost a concurrent edit, as a record of the team: every device sees it (the
    worker whose value lost too), and a choice or undo made anywhere travels like any edit.

    The id is derived from what conflicted (`app.sync.conflicts.conflict_id`), so two devices
    that merge the same pair of revisions make the same record. `lost_by` is the worker whose
    value lost and `lost_device` the device that wrote it (the node of its clock stamp);
    `person_id` the person the record is about, so an erasure takes the conflict along.
    `previous` holds the value before a choice, for undo."""

    __tablename__ = "sync_conflicts"
    __record_type__ = "conflict"
    __sync_fields__ = (
        "subject_type", "subject_id", "person_id", "field", "kept", "kept_clock", "lost",
        "lost_clock", "lost_by", "lost_device", "both_kept", "status", "resolved_at",
        "resolved_by", "previous", "deleted",
    )  # fmt: skip
    __table_args__ = (
        Index("ix_sync_conflicts_subject", "subject_type", "subject_id"),
        Index("ix_sync_conflicts_person", "person_id"),
    )

    subject_type: Mapped[str] = mapped_column(String(40), nullable=False)
    subject_id: Mapped[str] = mapped_column(String(36), nullable=False)
    person_id: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60), nullable=False)
    kept: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_clock: Mapped[str] = mapped_column(String(80), nullable=False)
    lost: Mapped[Any] = mapped_column(JSON, nullable=True)
    lost_clock: Mapped[str] = mapped_column(String(80), nullable=False)
    lost_by: Mapped[str | None] = mapped_column(String(36))
    lost_device: Mapped[str | None] = mapped_column(String(36))
    both_kept: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open")
    resolved_at: Mapped[str | None] = mapped_column(String(40))
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    previous: Mapped[Any] = mapped_column(JSON, nullable=True)
