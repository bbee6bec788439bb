from __future__ import annotations

from sqlalchemy import JSON, Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class NetworkMember(SyncedRecord):
    """Someone around the person: informal (family, buddy) or professional (a service)."""

    __tablename__ = "network_members"
    __record_type__ = "network_member"
    __sync_fields__ = (
        "person_id", "kind", "relation", "name", "organisation", "life_domains",
        "contact_person", "phone", "since", "holds_file", "note", "deleted",
    )  # fmt: skip
    __table_args__ = (Index("ix_network_members_person", "person_id"),)

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    relation: Mapped[str] = mapped_column(String(40), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    organisation: Mapped[str | None] = mapped_column(String(200))
    life_domains: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    contact_person: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    since: Mapped[str | None] = mapped_column(String(10))
    holds_file: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    note: Mapped[str | None] = mapped_column(Text)


class DrempelRecord(SyncedRecord):
    __tablename__ = "drempels"
    __record_type__ = "drempel"
    __sync_fields__ = ("person_id", "life_domain", "drempel", "status", "since", "note", "deleted")
    __table_args__ = (Index("ix_drempels_person", "person_id"),)

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    life_domain: Mapped[str] = mapped_column(String(40), nullable=False)
    drempel: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(40), nullable=False)
    since: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)


class WorkReadinessItem(SyncedRecord):
    """Work-readiness (attitude, motivation, competences): kept apart from life domains."""

    __tablename__ = "work_readiness"
    __record_type__ = "work_readiness"
    __sync_fields__ = ("person_id", "item", "assessment", "note", "deleted")
    __table_args__ = (Index("ix_work_readiness_person", "person_id"),)

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    item: Mapped[str] = mapped_column(String(40), nullable=False)
    assessment: Mapped[str] = mapped_column(String(20), nullable=False)  # sterk/ok/werkpunt
    note: Mapped[str | None] = mapped_column(Text)
