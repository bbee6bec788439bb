"""Working as a team: caseload transfers, group work (groups, members, sessions).

Revision ID: 0016_team_work
Revises: 0015_sync_trust
Create Date: 2026-11-23
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0016_team_work"
down_revision = "0015_sync_trust"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column[Any]]:
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
        "caseload_transfers",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("from_worker_id", sa.String(length=36), nullable=True),
        sa.Column("to_worker_id", sa.String(length=36), nullable=False),
        sa.Column("on", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=True),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caseload_transfers")),
    )
    with op.batch_alter_table("caseload_transfers", schema=None) as batch_op:
        batch_op.create_index("ix_caseload_transfers_person", ["person_id", "on"], unique=False)
        batch_op.create_index("ix_caseload_transfers_to", ["to_worker_id", "on"], unique=False)
    op.create_table(
        "groups",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("organiser_id", sa.String(length=36), nullable=False),
        sa.Column("vindplaats_id", sa.String(length=36), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("starts_on", sa.String(length=10), nullable=False),
        sa.Column("ends_on", sa.String(length=10), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groups")),
    )
    op.create_table(
        "group_members",
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("joined_on", sa.String(length=10), nullable=False),
        sa.Column("left_on", sa.String(length=10), nullable=True),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_members")),
    )
    with op.batch_alter_table("group_members", schema=None) as batch_op:
        batch_op.create_index("ix_group_members_group", ["group_id"], unique=False)
        batch_op.create_index("ix_group_members_person", ["person_id"], unique=False)
    op.create_table(
        "group_sessions",
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("starts_at", sa.String(length=16), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=True),
        sa.Column("topic", sa.String(length=300), nullable=False),
        sa.Column("unregistered", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_sessions")),
    )
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_group_sessions_group", ["group_id", "starts_at"], unique=False)
        batch_op.create_index("ix_group_sessions_at", ["starts_at"], unique=False)


def downgrade() -> None:
    op.drop_table("group_sessions")
    op.drop_table("group_members")
    op.drop_table("groups")
    op.drop_table("caseload_transfers")
