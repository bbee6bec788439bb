from __future__ import annotations

from types import MappingProxyType

from sqlalchemy import JSON, Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class Person(SyncedRecord):
    """Someone the worker meets: a pseudonym first, a client file only with their agreement."""

    __tablename__ = "people"
    __record_type__ = "person"
    __sync_fields__ = (
        "alias", "first_met_on", "first_met_how", "first_met_vindplaats_id", "referral_source",
        "is_client", "client_since", "given_name", "family_name", "date_of_birth", "phone",
        "national_number", "languages", "interpreter_needed", "interpreter_language",
        "radar_status", "target_groups", "worker_id", "note", "referral_kind",
        "referral_organisation_id", "external_id", "deleted",
    )  # fmt: skip
    # Before structured referral sources, a referral was free text: "other" with that text.
    __sync_upgrades__ = MappingProxyType(
        {
            "referral_kind": lambda f: "andere" if f.get("referral_source") else None,
            "referral_organisation_id": lambda _: None,
        }
    )
    __table_args__ = (
        Index("ix_people_phase", "phase"),
        Index("ix_people_worker", "worker_id"),
        Index("ix_people_external_id", "external_id"),
    )

    alias: Mapped[str] = mapped_column(String(100), nullable=False)
    first_met_on: Mapped[str] = mapped_column(String(10), nullable=False)
    first_met_how: Mapped[str] = mapped_column(String(40), nullable=False)
    first_met_vindplaats_id: Mapped[str | None] = mapped_column(String(36))
    referral_source: Mapped[str | None] = mapped_column(String(200))  # free text for "andere"
    referral_kind: Mapped[str | None] = mapped_column(String(40))  # vocabulary referral_sources
    referral_organisation_id: Mapped[str | None] = mapped_column(String(36))  # sociale kaart
    is_client: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    client_since: Mapped[str | None] = mapped_column(String(10))
    given_name: Mapped[str | None] = mapped_column(String(100))
    family_name: Mapped[str | None] = mapped_column(String(100))
    date_of_birth: Mapped[str | None] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(20))
    national_number: Mapped[str | None] = mapped_column(String(11))
    languages: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    interpreter_language: Mapped[str | None] = mapped_column(String(60))
    radar_status: Mapped[str] = mapped_column(String(40), nullable=False, default="onbekend")
    target_groups: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    # The worker who follows the person (a `Worker` id); the team is the sync team.
    worker_id: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str | None] = mapped_column(Text)
    # The key of this record in the system it was imported from (re-imports update it).
    external_id: Mapped[str | None] = mapped_column(String(100))
    # Local caches, recomputed from synced records (never synced themselves).
    phase: Mapped[str | None] = mapped_column(String(40))
    low_flame: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    closed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    last_contact_at: Mapped[str | None] = mapped_column(String(16))
    next_contact_at: Mapped[str | None] = mapped_column(String(16))
