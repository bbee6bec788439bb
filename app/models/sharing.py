from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class Organisation(SyncedRecord):
    """A partner on the sociale kaart."""

    __tablename__ = "organisations"
    __record_type__ = "organisation"
    __sync_fields__ = (
        "name", "type", "life_domains", "measures", "address", "phone", "email", "website",
        "note", "external_id", "deleted",
    )  # fmt: skip

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    type: Mapped[str] = mapped_column(String(40), nullable=False)
    life_domains: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    measures: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(String(100))  # key in an imported system


class OrgContact(SyncedRecord):
    """A contact person at a partner organisation."""

    __tablename__ = "org_contacts"
    __record_type__ = "org_contact"
    __sync_fields__ = ("organisation_id", "name", "role", "phone", "email", "deleted")
    __table_args__ = (Index("ix_org_contacts_org", "organisation_id"),)

    organisation_id: Mapped[str] = mapped_column(String(36), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))


class Consent(SyncedRecord):
    """What the person agreed may be shared, with whom, for which purpose, how and how long."""

    __tablename__ = "consents"
    __record_type__ = "consent"
    __sync_fields__ = (
        "person_id", "categories", "organisation_ids", "contact_ids", "purposes", "given_how",
        "given_on", "valid_from", "valid_until", "withdrawn_on", "note", "deleted",
    )  # fmt: skip
    __table_args__ = (Index("ix_consents_person", "person_id"),)

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    categories: Mapped[list[str]] = mapped_column(JSON, nullable=False)
    organisation_ids: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    contact_ids: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    purposes: Mapped[list[str]] = mapped_column(JSON, nullable=False)
    given_how: Mapped[str] = mapped_column(String(20), nullable=False)
    given_on: Mapped[str] = mapped_column(String(10), nullable=False)
    valid_from: Mapped[str] = mapped_column(String(10), nullable=False)
    valid_until: Mapped[str | None] = mapped_column(String(10))
    withdrawn_on: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)


class Handover(SyncedRecord):
    """A referral or warm handover, tracked until the receiver reports back."""

    __tablename__ = "handovers"
    __record_type__ = "handover"
    __sync_fields__ = (
        "person_id", "type", "organisation_id", "contact_id", "purpose", "measure", "why_now",
        "goals", "job_target", "strengths", "practical", "admin", "early_warning", "employer",
        "planned_at", "place", "participants", "held_on", "status", "expected_feedback_on",
        "feedback_received_on", "feedback", "override_reason", "override_categories",
        "document_version", "deleted",
    )  # fmt: skip
    __table_args__ = (
        Index("ix_handovers_person", "person_id"),
        Index("ix_handovers_feedback", "expected_feedback_on"),
    )

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    type: Mapped[str] = mapped_column(String(40), nullable=False)
    organisation_id: Mapped[str] = mapped_column(String(36), nullable=False)
    contact_id: Mapped[str | None] = mapped_column(String(36))
    purpose: Mapped[str] = mapped_column(String(40), nullable=False)
    measure: Mapped[str | None] = mapped_column(String(40))
    why_now: Mapped[str] = mapped_column(Text, nullable=False, default="")
    goals: Mapped[str] = mapped_column(Text, nullable=False, default="")
    job_target: Mapped[str] = mapped_column(Text, nullable=False, default="")
    strengths: Mapped[str] = mapped_column(Text, nullable=False, default="")
    practical: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    admin: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    early_warning: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    employer: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    planned_at: Mapped[str | None] = mapped_column(String(16))
    place: Mapped[str | None] = mapped_column(String(300))
    participants: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    held_on: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(30), nullable=False)
    expected_feedback_on: Mapped[str | None] = mapped_column(String(10))
    feedback_received_on: Mapped[str | None] = mapped_column(String(10))
    feedback: Mapped[str | None] = mapped_column(Text)
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_categories: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    document_version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
