"""Protocol v2: the organisation's signed membership log, signed purges, the root key

Revision ID: 0002_protocol_v2
Revises: 0001_initial
Create Date: 2026-12-05

Existing data is kept: records, keys, devices and purges of a v1 organisation stay as they
are. Until a coordinator appends the log's genesis (the upgrade, docs/sync-protocol.md) the
store serves no team data under v2.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_protocol_v2"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org_log",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("stored_at_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_org_log")),
    )
    with op.batch_alter_table("organisations") as b:
        b.add_column(sa.Column("root_public_key", sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("purges") as b:
        b.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        b.add_column(sa.Column("signed_by", sa.String(length=36), nullable=True))
        b.add_column(sa.Column("signed_at_ms", sa.BigInteger(), nullable=True))
        b.add_column(sa.Column("signature", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("purges") as b:
        b.drop_column("signature")
        b.drop_column("signed_at_ms")
        b.drop_column("signed_by")
        b.drop_column("person_id")
    with op.batch_alter_table("organisations") as b:
        b.drop_column("root_public_key")
    op.drop_table("org_log")
