"""Team and organisation settings, synced like every record (app.settings.Level).

Revision ID: 0012_shared_settings
Revises: 0011_index_debt
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_shared_settings"
down_revision = "0011_index_debt"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.String(length=64), nullable=False),
        sa.Column("parent_revisions", sa.JSON(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "shared_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_settings")),
    )
    with op.batch_alter_table("shared_settings", schema=None) as batch_op:
        batch_op.create_index("ix_shared_settings_key", ["key"], unique=False)


def downgrade() -> None:
    op.drop_table("shared_settings")
