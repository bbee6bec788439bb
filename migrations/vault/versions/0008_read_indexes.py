"""Covering indexes for Vandaag: open agreements by due date, current ZRM per person.

Revision ID: 0008_read_indexes
Revises: 0007_search_per_person
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0008_read_indexes"
down_revision = "0007_search_per_person"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One person's agreements in due order, without a sort; open agreements for Vandaag.
    op.drop_index("ix_agreements_person", table_name="agreements")
    op.create_index("ix_agreements_person", "agreements", ["person_id", "due_on"])
    op.create_index("ix_agreements_open", "agreements", ["done_on", "due_on"])
    op.create_index(
        "ix_zrm_assessments_current",
        "zrm_assessments",
        ["superseded", "deleted", "person_id", "assessed_on"],
    )


def downgrade() -> None:
    op.drop_index("ix_zrm_assessments_current", table_name="zrm_assessments")
    op.drop_index("ix_agreements_open", table_name="agreements")
    op.drop_index("ix_agreements_person", table_name="agreements")
    op.create_index("ix_agreements_person", "agreements", ["person_id"])
