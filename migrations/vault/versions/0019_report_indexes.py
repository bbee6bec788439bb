"""Reports read two indexes instead of whole tables: the contact–people index keeps each
contact moment's channel and status (a period's contacts by channel and status, with their
people, from one range of `ix_contact_people_report`), and a ZRM measurement's levels and
clock are computed by SQLite from the record and kept in `ix_zrm_assessments_report` (the
scores JSON, about 2 kB a measurement, is no longer read for a report). The contact
moments' own report index, which the contact–people index replaces, goes.

Revision ID: 0019_report_indexes
Revises: 0018_reporting
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_report_indexes"
down_revision = "0018_reporting"
branch_labels = None
depends_on = None

# As app.models.zrm.REPORT_LEVEL_CODES when this migration was written (a later change to
# the codes is a migration of its own).
CODES = (
    "financien", "werk_opleiding", "tijdsbesteding", "huisvesting", "huiselijke_relaties",
    "geestelijke_gezondheid", "lichamelijke_gezondheid", "middelengebruik", "basale_adl",
    "instrumentele_adl", "sociaal_netwerk", "maatschappelijke_participatie", "justitie",
    "dagbesteding", "verslaving", "adl",
)  # fmt: skip
LEVELS = "json_extract(scores, {})".format(", ".join(f"'$.{c}.level'" for c in CODES))
ORDER = "coalesce(json_extract(field_clocks, '$.scores'), json_extract(field_clocks, '$.\"*\"'))"


def upgrade() -> None:
    # In place (no copy of the table): the defaults stay in the schema, the app always
    # writes both columns.
    op.add_column(
        "contact_people",
        sa.Column("channel", sa.String(length=40), nullable=False, server_default=""),
    )
    op.add_column(
        "contact_people",
        sa.Column("status", sa.String(length=40), nullable=False, server_default=""),
    )
    op.execute(
        "UPDATE contact_people SET channel = cm.channel, status = cm.status "
        "FROM contact_moments AS cm WHERE cm.id = contact_people.contact_id"
    )
    op.create_index(
        "ix_contact_people_report",
        "contact_people",
        ["occurred_at", "channel", "status", "contact_id", "person_id"],
        unique=False,
    )
    op.drop_index("ix_contact_moments_report", table_name="contact_moments")
    # Virtual generated columns can be added in place (SQLite computes them when read and
    # stores them only in the index).
    op.execute(
        f"ALTER TABLE zrm_assessments ADD COLUMN report_levels TEXT "
        f"GENERATED ALWAYS AS ({LEVELS}) VIRTUAL"
    )
    op.execute(
        f"ALTER TABLE zrm_assessments ADD COLUMN report_order TEXT "
        f"GENERATED ALWAYS AS ({ORDER}) VIRTUAL"
    )
    op.create_index(
        "ix_zrm_assessments_report",
        "zrm_assessments",
        [
            "superseded",
            "deleted",
            "person_id",
            "assessed_on",
            "id",
            "edition",
            "report_order",
            "report_levels",
        ],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_zrm_assessments_report", table_name="zrm_assessments")
    op.execute("ALTER TABLE zrm_assessments DROP COLUMN report_order")
    op.execute("ALTER TABLE zrm_assessments DROP COLUMN report_levels")
    op.create_index(
        "ix_contact_moments_report",
        "contact_moments",
        ["occurred_at", "deleted", "channel", "status", "id"],
        unique=False,
    )
    op.drop_index("ix_contact_people_report", table_name="contact_people")
    op.execute("ALTER TABLE contact_people DROP COLUMN status")
    op.execute("ALTER TABLE contact_people DROP COLUMN channel")
