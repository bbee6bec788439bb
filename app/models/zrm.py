from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Computed, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.record import SyncedRecord

# The domains whose levels reports read, in a fixed order (every edition's codes: 2017, then
# those only 2013 has). The order is part of the vault's schema (`report_levels` below and its
# index): a new edition with new codes needs a migration that appends them.
REPORT_LEVEL_CODES = (
    "financien", "werk_opleiding", "tijdsbesteding", "huisvesting", "huiselijke_relaties",
    "geestelijke_gezondheid", "lichamelijke_gezondheid", "middelengebruik", "basale_adl",
    "instrumentele_adl", "sociaal_netwerk", "maatschappelijke_participatie", "justitie",
    "dagbesteding", "verslaving", "adl",
)  # fmt: skip
REPORT_LEVELS_SQL = "json_extract(scores, {})".format(
    ", ".join(f"'$.{code}.level'" for code in REPORT_LEVEL_CODES)
)
REPORT_ORDER_SQL = (
    "coalesce(json_extract(field_clocks, '$.scores'), json_extract(field_clocks, '$.\"*\"'))"
)


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
        # Reports read every current measurement's levels from this index alone: the levels
        # (a JSON array in REPORT_LEVEL_CODES order) and the scores' clock are computed by
        # SQLite from the record and kept only in the index, not the whole scores.
        Index(
            "ix_zrm_assessments_report",
            "superseded",
            "deleted",
            "person_id",
            "assessed_on",
            "id",
            "edition",
            "report_order",
            "report_levels",
        ),
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
    # Local, computed by SQLite (never written, never synced): see REPORT_LEVEL_CODES.
    report_levels: Mapped[str | None] = mapped_column(
        Text, Computed(REPORT_LEVELS_SQL, persisted=False)
    )
    report_order: Mapped[str | None] = mapped_column(
        Text, Computed(REPORT_ORDER_SQL, persisted=False)
    )


class ZrmCriterion(Base):
    """An official cell criterion imported by the organisation (never altered by the app)."""

    __tablename__ = "zrm_criteria"

    edition: Mapped[str] = mapped_column(String(10), primary_key=True)
    domain: Mapped[str] = mapped_column(String(40), primary_key=True)
    level: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    source_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    imported_at: Mapped[str] = mapped_column(String(40), nullable=False)
