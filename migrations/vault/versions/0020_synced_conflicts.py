"""Conflicts as records of the team: every device sees a conflict a merge found, and a choice
or undo made on one device reaches the others. The local `conflicts` table stays until its
rows are written as synced conflicts (`app.sync.conflicts.Conflicts.drain_legacy`).

Revision ID: 0020_synced_conflicts
Revises: 0019_report_indexes
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_synced_conflicts"
down_revision = "0019_report_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_conflicts",
        sa.Column("subject_type", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("kept", sa.JSON(), nullable=True),
        sa.Column("kept_clock", sa.String(length=80), nullable=False),
        sa.Column("lost", sa.JSON(), nullable=True),
        sa.Column("lost_clock", sa.String(length=80), nullable=False),
        sa.Column("lost_by", sa.String(length=36), nullable=True),
        sa.Column("lost_device", sa.String(length=36), nullable=True),
        sa.Column("both_kept", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("resolved_at", sa.String(length=40), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("previous", sa.JSON(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.String(length=64), nullable=False),
        sa.Column("parent_revisions", sa.JSON(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index("ix_sync_conflicts_subject", "sync_conflicts", ["subject_type", "subject_id"])
    op.create_index("ix_sync_conflicts_person", "sync_conflicts", ["person_id"])


_LOCAL = (
    "field", "kept", "kept_clock", "lost", "lost_clock", "lost_by", "both_kept", "created_at",
    "status", "resolved_at", "previous",
)  # fmt: skip


def downgrade() -> None:
    # Synced conflicts go back to this device's local table, open ones and resolved alike.
    conn = op.get_bind()
    synced = sa.table(
        "sync_conflicts",
        *(sa.column(c) for c in ("subject_type", "subject_id", *_LOCAL)),
        sa.column("deleted", sa.Boolean()),
    )
    local = sa.table("conflicts", *(sa.column(c) for c in ("record_type", "record_id", *_LOCAL)))
    rows = conn.execute(
        sa.select(synced.c.subject_type, synced.c.subject_id, *(synced.c[c] for c in _LOCAL)).where(
            synced.c.deleted.is_(False)
        )
    ).all()
    for r in rows:
        conn.execute(
            sa.insert(local).values(
                dict(zip(("record_type", "record_id", *_LOCAL), r, strict=True))
            )
        )
    op.drop_index("ix_sync_conflicts_person", table_name="sync_conflicts")
    op.drop_index("ix_sync_conflicts_subject", table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
