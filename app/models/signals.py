from __future__ import annotations

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class Signal(SyncedRecord):
    """A structural signal (signaalfunctie): a barrier of the system, not of a person — a
    waiting list, a rule, a missing service. It names no one: at most how many people it
    touches, as a number."""

    __tablename__ = "signals"
    __record_type__ = "signal"
    __sync_fields__ = (
        "noted_on", "theme", "life_domains", "organisation_id", "organisation_name",
        "description", "people_count", "status", "team", "noted_by", "deleted",
    )  # fmt: skip
    __table_args__ = (Index("ix_signals_noted_on", "noted_on"),)

    noted_on: Mapped[str] = mapped_column(String(10), nullable=False)
    theme: Mapped[str] = mapped_column(String(40), nullable=False)
    life_domains: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    organisation_id: Mapped[str | None] = mapped_column(String(36))  # on the sociale kaart
    organisation_name: Mapped[str | None] = mapped_column(String(200))  # when it is not
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    people_count: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(40), nullable=False, default="genoteerd")
    team: Mapped[str | None] = mapped_column(String(100))
    noted_by: Mapped[str | None] = mapped_column(String(100))
