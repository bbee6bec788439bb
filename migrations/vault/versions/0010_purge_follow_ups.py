"""Purges: several per person (follow-ups for records made concurrently elsewhere).

Revision ID: 0010_purge_follow_ups
Revises: 0009_sync
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0010_purge_follow_ups"
down_revision = "0009_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("purges") as batch:
        batch.drop_constraint("uq_purges_person_id", type_="unique")
        batch.create_index("ix_purges_person_id", ["person_id"])


def downgrade() -> None:
    with op.batch_alter_table("purges") as batch:
        batch.drop_index("ix_purges_person_id")
        batch.create_unique_constraint("uq_purges_person_id", ["person_id"])
