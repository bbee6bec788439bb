"""Countable data for reports: structured follow-ups, referral sources, structural signals and
ESF+ participant data.

Existing follow-ups become follow-ups after a closure; those done before structured results
get the status "onbekend" (their free text stays as the note). A free-text referral source
becomes "andere" with that text. The same rules read older payloads pulled from the store
(`__sync_upgrades__` on the models), so every device agrees.

Revision ID: 0018_reporting
Revises: 0017_synced_audit
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_reporting"
down_revision = "0017_synced_audit"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column[object]]:
    """The columns every synced record carries (a fresh set per table)."""
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
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("anchor", sa.String(length=40), nullable=False, server_default="afsluiting")
        )
        batch_op.add_column(sa.Column("anchor_on", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("anchor_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("status", sa.String(length=40), nullable=True))
        batch_op.create_index("ix_follow_ups_person", ["person_id"], unique=False)
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.alter_column("anchor", server_default=None)
    op.execute("UPDATE follow_ups SET status = 'onbekend' WHERE done_on IS NOT NULL")

    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("referral_kind", sa.String(length=40), nullable=True))
        batch_op.add_column(
            sa.Column("referral_organisation_id", sa.String(length=36), nullable=True)
        )
    op.execute(
        "UPDATE people SET referral_kind = 'andere' "
        "WHERE referral_source IS NOT NULL AND referral_source != ''"
    )

    with op.batch_alter_table("contact_moments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_moments_report",
            ["occurred_at", "deleted", "channel", "status", "id"],
            unique=False,
        )

    op.create_table(
        "signals",
        sa.Column("noted_on", sa.String(length=10), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("life_domains", sa.JSON(), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("organisation_name", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("people_count", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=True),
        sa.Column("noted_by", sa.String(length=100), nullable=True),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signals")),
    )
    with op.batch_alter_table("signals", schema=None) as batch_op:
        batch_op.create_index("ix_signals_noted_on", ["noted_on"], unique=False)

    op.create_table(
        "esf_profiles",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("entry_on", sa.String(length=10), nullable=True),
        sa.Column("gender", sa.String(length=40), nullable=False),
        sa.Column("labour_status", sa.String(length=40), nullable=False),
        sa.Column("education", sa.String(length=40), nullable=False),
        sa.Column("disability", sa.String(length=40), nullable=False),
        sa.Column("third_country", sa.String(length=40), nullable=False),
        sa.Column("foreign_background", sa.String(length=40), nullable=False),
        sa.Column("minority", sa.String(length=40), nullable=False),
        sa.Column("homeless", sa.String(length=40), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_esf_profiles")),
    )
    with op.batch_alter_table("esf_profiles", schema=None) as batch_op:
        batch_op.create_index("ix_esf_profiles_person", ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contact_moments", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_moments_report")
    with op.batch_alter_table("esf_profiles", schema=None) as batch_op:
        batch_op.drop_index("ix_esf_profiles_person")
    op.drop_table("esf_profiles")
    with op.batch_alter_table("signals", schema=None) as batch_op:
        batch_op.drop_index("ix_signals_noted_on")
    op.drop_table("signals")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("referral_organisation_id")
        batch_op.drop_column("referral_kind")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_ups_person")
        batch_op.drop_column("status")
        batch_op.drop_column("anchor_id")
        batch_op.drop_column("anchor_on")
        batch_op.drop_column("anchor")
