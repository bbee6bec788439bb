from __future__ import annotations

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class EsfProfile(SyncedRecord):
    """ESF+ participant data (Regulation (EU) 2021/1057, Annex I common indicators), optional,
    one per person, never on a client-facing document. Every answer is a code of its
    vocabulary, where "niet_gevraagd" and "wil_niet_zeggen" are real answers. The status at
    exit and six months later come from the closure and its follow-ups, not from here."""

    __tablename__ = "esf_profiles"
    __record_type__ = "esf_profile"
    __sync_fields__ = (
        "person_id", "entry_on", "gender", "labour_status", "education", "disability",
        "third_country", "foreign_background", "minority", "homeless", "deleted",
    )  # fmt: skip
    __table_args__ = (Index("ix_esf_profiles_person", "person_id"),)

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    entry_on: Mapped[str | None] = mapped_column(String(10))
    gender: Mapped[str] = mapped_column(String(40), nullable=False, default="niet_gevraagd")
    labour_status: Mapped[str] = mapped_column(String(40), nullable=False, default="niet_gevraagd")
    education: Mapped[str] = mapped_column(String(40), nullable=False, default="niet_gevraagd")
    disability: Mapped[str] = mapped_column(String(40), nullable=False, default="niet_gevraagd")
    third_country: Mapped[str] = mapped_column(String(40), nullable=False, default="niet_gevraagd")
    foreign_background: Mapped[str] = mapped_column(
        String(40), nullable=False, default="niet_gevraagd"
    )
    minority: Mapped[str] = mapped_column(String(40), nullable=False, default="niet_gevraagd")
    homeless: Mapped[str] = mapped_column(String(40), nullable=False, default="niet_gevraagd")
