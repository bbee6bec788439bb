"""Index debt: people whose local indexes a pull rebuilds once, after applying its pages.

Revision ID: 0011_index_debt
Revises: 0010_purge_follow_ups
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_index_debt"
down_revision = "0010_purge_follow_ups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "index_debt",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("kinds", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_index_debt")),
    )


def downgrade() -> None:
    op.drop_table("index_debt")
