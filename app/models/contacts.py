from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.record import SyncedRecord


class ContactMoment(SyncedRecord):
    """A contact (or an attempt): with one person, or a group activity with attendance."""

    __tablename__ = "contact_moments"
    __record_type__ = "contact_moment"
    __sync_fields__ = (
        "occurred_at", "duration_min", "channel", "vindplaats_id", "place", "initiator",
        "status", "life_domains", "summary", "private_note", "next_contact_at",
        "next_contact_note", "people", "others", "group_activity", "external_id", "deleted",
    )  # fmt: skip
    __table_args__ = (
        Index("ix_contact_moments_occurred", "occurred_at"),
        Index("ix_contact_moments_external_id", "external_id"),
    )

    occurred_at: Mapped[str] = mapped_column(String(16), nullable=False)
    duration_min: Mapped[int | None] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(40), nullable=False)
    vindplaats_id: Mapped[str | None] = mapped_column(String(36))
    place: Mapped[str | None] = mapped_column(String(200))
    initiator: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[str] = mapped_column(String(40), nullable=False)
    life_domains: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    private_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    next_contact_at: Mapped[str | None] = mapped_column(String(16))
    next_contact_note: Mapped[str | None] = mapped_column(Text)
    # [{"person_id": str, "attended": bool}]
    people: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    # [{"kind": "netwerk"|"professioneel", "network_member_id": str|None, "name": str,
    #   "organisation": str|None}]
    others: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    group_activity: Mapped[str | None] = mapped_column(String(200))
    external_id: Mapped[str | None] = mapped_column(String(100))  # key in an imported system


class ContactPerson(Base):
    """Local index: which people a contact moment concerns (rebuilt from `people`)."""

    __tablename__ = "contact_people"
    __table_args__ = (
        Index("ix_contact_people_person", "person_id", "occurred_at"),
        # Reports: a period's contacts by channel and status, with their people, from the
        # index alone.
        Index(
            "ix_contact_people_report",
            "occurred_at",
            "channel",
            "status",
            "contact_id",
            "person_id",
        ),
    )

    contact_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("contact_moments.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    attended: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    occurred_at: Mapped[str] = mapped_column(String(16), nullable=False)
    reached: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    channel: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(40), nullable=False, default="")


class Agreement(SyncedRecord):
    """An agreement or to-do, with an owner (the person, the worker or a partner) and a date."""

    __tablename__ = "agreements"
    __record_type__ = "agreement"
    __sync_fields__ = (
        "person_id", "contact_id", "description", "owner_kind", "owner_name", "due_on",
        "done_on", "external_id", "deleted",
    )  # fmt: skip
    __table_args__ = (
        Index("ix_agreements_person", "person_id", "due_on"),
        Index("ix_agreements_due", "due_on"),
        # Vandaag: open agreements by due date.
        Index("ix_agreements_open", "done_on", "due_on"),
        Index("ix_agreements_external_id", "external_id"),
    )

    person_id: Mapped[str | None] = mapped_column(String(36))
    contact_id: Mapped[str | None] = mapped_column(String(36))
    description: Mapped[str] = mapped_column(Text, nullable=False)
    owner_kind: Mapped[str] = mapped_column(String(20), nullable=False)
    owner_name: Mapped[str | None] = mapped_column(String(200))
    due_on: Mapped[str | None] = mapped_column(String(10))
    done_on: Mapped[str | None] = mapped_column(String(10))
    external_id: Mapped[str | None] = mapped_column(String(100))  # key in an imported system
