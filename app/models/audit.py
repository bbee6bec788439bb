from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.record import SyncedRecord


class AuditEntry(SyncedRecord):
    """Who did what when, by record id; never content. Synced (encrypted, like every record)
    so that a coordinator sees the team's entries; kept when a person is erased (ids only)."""

    __tablename__ = "audit_entries"
    __record_type__ = "audit_entry"
    __sync_fields__ = (
        "at", "event", "device_id", "worker_id", "record_type", "record_id", "detail", "deleted",
    )  # fmt: skip
    __table_args__ = (
        Index("ix_audit_entries_at", "at"),
        Index("ix_audit_entries_record", "record_id"),
    )

    at: Mapped[str] = mapped_column(String(40), nullable=False)
    event: Mapped[str] = mapped_column(String(50), nullable=False)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    worker_id: Mapped[str] = mapped_column(String(36), nullable=False)
    record_type: Mapped[str | None] = mapped_column(String(50))
    record_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(200))


class LocalAuditEntry(Base):
    """The audit log of versions before audit entries synced, and an inbox for entries written
    without the app (a restore): moved into `AuditEntry` records at the next unlock."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(40), nullable=False)
    event: Mapped[str] = mapped_column(String(50), nullable=False)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    worker_id: Mapped[str] = mapped_column(String(36), nullable=False)
    record_type: Mapped[str | None] = mapped_column(String(50))
    record_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(200))
