from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class Vindplaats(SyncedRecord):
    __tablename__ = "vindplaatsen"
    __record_type__ = "vindplaats"
    __sync_fields__ = (
        "name", "type", "area", "address", "best_times", "who_met", "contact_person",
        "contact_phone", "note", "active", "external_id", "deleted",
    )  # fmt: skip

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    type: Mapped[str] = mapped_column(String(40), nullable=False)
    area: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    best_times: Mapped[str | None] = mapped_column(String(300))
    who_met: Mapped[str | None] = mapped_column(Text)
    contact_person: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    external_id: Mapped[str | None] = mapped_column(String(100))  # key in an imported system


class PresenceLog(SyncedRecord):
    """A presence moment at a vindplaats with anonymous tallies: it belongs to no person."""

    __tablename__ = "presence_logs"
    __record_type__ = "presence_log"
    __sync_fields__ = (
        "vindplaats_id", "on", "duration_min", "people_spoken", "age_bands", "topics", "note",
        "deleted",
    )  # fmt: skip
    __table_args__ = (Index("ix_presence_logs_vindplaats", "vindplaats_id", "on"),)

    vindplaats_id: Mapped[str] = mapped_column(String(36), nullable=False)
    on: Mapped[str] = mapped_column(String(10), nullable=False)
    duration_min: Mapped[int | None] = mapped_column(Integer)
    people_spoken: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    age_bands: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    topics: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    note: Mapped[str | None] = mapped_column(Text)
