"""External ids: the key an imported record had in the team's previous system, so that importing
a corrected spreadsheet again updates records instead of duplicating them.

Revision ID: 0014_external_ids
Revises: 0013_workers
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_external_ids"
down_revision = "0013_workers"
branch_labels = None
depends_on = None

TABLES = ("people", "contact_moments", "agreements", "vindplaatsen", "organisations")
INDEXED = ("people", "contact_moments", "agreements")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("external_id", sa.String(length=100), nullable=True))
    for table in INDEXED:
        op.create_index(f"ix_{table}_external_id", table, ["external_id"])


def downgrade() -> None:
    for table in INDEXED:
        op.drop_index(f"ix_{table}_external_id", table_name=table)
    # SQLite's own DROP COLUMN, not a batch copy: recreating contact_moments would cascade
    # into contact_people (ON DELETE CASCADE) and empty it.
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN external_id")
