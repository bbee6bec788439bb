from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.record import SyncedRecord


class ZrmAssessment(SyncedRecord):
    """One ZRM measurement. A correction is a new assessment that `corrects` the old one, which
    is kept (marked superseded) so the correction stays visible."""

    __tablename__ = "zrm_assessments"
    __record_type__ = "zrm_assessment"
    __sync_fields__ = (
        "person_id", "assessed_on", "assessor", "edition", "scores", "corrects_id",
        "superseded", "deleted",
    )  # fmt: skip
    __table_args__ = (
        Index("ix_zrm_assessments_person", "person_id", "assessed_on"),
        # Covers "latest current measurement per person" without reading the scores.
        Index("ix_zrm_assessments_current", "superseded", "deleted", "person_id", "assessed_on"),
    )

    person_id: Mapped[str] = mapped_column(String(36), nullable=False)
    assessed_on: Mapped[str] = mapped_column(String(10), nullable=False)
    assessor: Mapped[str] = mapped_column(String(200), nullable=False)
    edition: Mapped[str] = mapped_column(String(10), nullable=False)
    # {domain: {"level", "not_scored_reason", "source", "note", "self_level", "target_level",
    #           "target_date"}}
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    corrects_id: Mapped[str | None] = mapped_column(String(36))
    superseded: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class ZrmCriterion(Base):
    """An official cell criterion imported by the organisation (never altered by the app)."""

    __tablename__ = "zrm_criteria"

    edition: Mapped[str] = mapped_column(String(10), primary_key=True)
    domain: Mapped[str] = mapped_column(String(40), primary_key=True)
    level: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    source_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    imported_at: Mapped[str] = mapped_column(String(40), nullable=False)
