"""Sync protocol v2: the pinned root and verified head, the local copy of the membership log,
and the quarantine of pulled items that could not be accepted.

Revision ID: 0015_sync_trust
Revises: 0014_external_ids
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_sync_trust"
down_revision = "0014_external_ids"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_trust",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("root_fingerprint", sa.LargeBinary(length=16), nullable=False),
        sa.Column("head_seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("refused", sa.String(length=80), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_trust")),
    )
    op.create_table(
        "sync_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("statement", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_log")),
    )
    op.create_table(
        "sync_quarantine",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=True),
        sa.Column("record_id", sa.String(length=64), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("epoch", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("item", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_quarantine")),
    )
    op.create_index(
        "ix_sync_quarantine_team", "sync_quarantine", ["team_id", "status"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_sync_quarantine_team", table_name="sync_quarantine")
    op.drop_table("sync_quarantine")
    op.drop_table("sync_log")
    op.drop_table("sync_trust")
