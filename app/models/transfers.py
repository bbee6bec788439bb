from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class CaseloadTransfer(SyncedRecord):
    """A person handed on from one worker to another inside the team, with a short note for
    the receiver: together they say who followed the person when (append-only)."""

    __tablename__ = "caseload_transfers"
    __record_type__ = "caseload_transfer"
    __sync_fields__ = (
        "person_id", "from_worker_id", "to_worker_id", "on", "note", "batch_id", "deleted",
    )  # fmt: skip
    __table_args__ = (
        Index("ix_caseload_transfers_person", "person_id", "on"),
        Index("ix_caseload_transfers_to", "to_worker_id", "on"),
    )

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    from_worker_id: Mapped[str | None] = mapped_column(String(36))
    to_worker_id: Mapped[str] = mapped_column(String(36), nullable=False)
    on: Mapped[str] = mapped_column(String(10), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    batch_id: Mapped[str | None] = mapped_column(String(36))  # a whole caseload moved at once
