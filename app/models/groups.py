from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class Group(SyncedRecord):
    """Group work: a running group or a series of sessions, with an organiser, a place
    (a vindplaats or an address) and dates."""

    __tablename__ = "groups"
    __record_type__ = "group"
    __sync_fields__ = (
        "name", "kind", "organiser_id", "vindplaats_id", "place", "starts_on", "ends_on",
        "description", "deleted",
    )  # fmt: skip

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # groep | reeks
    organiser_id: Mapped[str] = mapped_column(String(36), nullable=False)
    vindplaats_id: Mapped[str | None] = mapped_column(String(36))
    place: Mapped[str | None] = mapped_column(String(300))
    starts_on: Mapped[str] = mapped_column(String(10), nullable=False)
    ends_on: Mapped[str | None] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")


class GroupMember(SyncedRecord):
    """A person enrolled in a group, from a date (and until one, when they stop)."""

    __tablename__ = "group_members"
    __record_type__ = "group_member"
    __sync_fields__ = ("group_id", "person_id", "joined_on", "left_on", "deleted")
    __table_args__ = (
        Index("ix_group_members_group", "group_id"),
        Index("ix_group_members_person", "person_id"),
    )

    group_id: Mapped[str] = mapped_column(String(36), nullable=False)
    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    joined_on: Mapped[str] = mapped_column(String(10), nullable=False)
    left_on: Mapped[str | None] = mapped_column(String(10))


class GroupSession(SyncedRecord):
    """One session of a group. Who of the enrolled people came is the session's contact
    moment (`contact_id`, a group contact with attendance); people who came without being
    registered are only counted (`unregistered`)."""

    __tablename__ = "group_sessions"
    __record_type__ = "group_session"
    __sync_fields__ = (
        "group_id", "starts_at", "duration_min", "topic", "unregistered", "contact_id",
        "deleted",
    )  # fmt: skip
    __table_args__ = (
        Index("ix_group_sessions_group", "group_id", "starts_at"),
        Index("ix_group_sessions_at", "starts_at"),
    )

    group_id: Mapped[str] = mapped_column(String(36), nullable=False)
    starts_at: Mapped[str] = mapped_column(String(16), nullable=False)
    duration_min: Mapped[int | None] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    unregistered: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    contact_id: Mapped[str | None] = mapped_column(String(36))
