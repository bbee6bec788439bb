"""Central store: organisation, teams, devices, keys, invites, leaves, purges, nonces

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22 08:53:48.292167
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("sign_public_key", sa.LargeBinary(), nullable=False),
        sa.Column("kem_public_key", sa.LargeBinary(), nullable=False),
        sa.Column("invite_id", sa.String(length=36), nullable=True),
        sa.Column("enrol_proof", sa.LargeBinary(), nullable=True),
        sa.Column("enrolled_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("revoked_at_ms", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_devices")),
    )
    op.create_table(
        "invites",
        sa.Column("invite_id", sa.String(length=36), nullable=False),
        sa.Column("team_ids", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("expires_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("created_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("used_by", sa.String(length=36), nullable=True),
        sa.Column("used_at_ms", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("invite_id", name=op.f("pk_invites")),
    )
    op.create_table(
        "nonces",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("seen_at_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "nonce", name=op.f("pk_nonces")),
    )
    op.create_index("ix_nonces_seen_at_ms", "nonces", ["seen_at_ms"], unique=False)

    op.create_table(
        "organisations",
        sa.Column("singleton", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("recovery_public_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("singleton", name=op.f("pk_organisations")),
        sa.UniqueConstraint("organisation_id", name=op.f("uq_organisations_organisation_id")),
    )
    op.create_table(
        "teams",
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("current_epoch", sa.Integer(), nullable=False),
        sa.Column("next_seq", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("created_at_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_teams")),
    )
    op.create_table(
        "device_teams",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.device_id"], name=op.f("fk_device_teams_device_id_devices")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.team_id"], name=op.f("fk_device_teams_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("device_id", "team_id", name=op.f("pk_device_teams")),
    )
    op.create_index("ix_device_teams_team", "device_teams", ["team_id"], unique=False)

    op.create_table(
        "purged",
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.team_id"], name=op.f("fk_purged_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("team_id", "record_id", "record_type", name=op.f("pk_purged")),
    )
    op.create_table(
        "purges",
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("purge_id", sa.String(length=36), nullable=False),
        sa.Column("record_refs", sa.Text(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("stored_at_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.team_id"], name=op.f("fk_purges_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("team_id", "purge_id", name=op.f("pk_purges")),
        sa.UniqueConstraint("team_id", "seq", name="uq_purges_team_seq"),
    )
    op.create_table(
        "records",
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.String(length=64), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("parents", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("stored_at_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.team_id"], name=op.f("fk_records_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("team_id", "revision", name=op.f("pk_records")),
        sa.UniqueConstraint("team_id", "seq", name="uq_records_team_seq"),
    )
    op.create_index("ix_records_record", "records", ["team_id", "record_id"], unique=False)

    op.create_table(
        "superseded",
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.team_id"], name=op.f("fk_superseded_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("team_id", "revision", name=op.f("pk_superseded")),
    )
    op.create_table(
        "team_keys",
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("recipient_kind", sa.String(length=10), nullable=False),
        sa.Column("recipient_id", sa.String(length=36), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("created_at_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.team_id"], name=op.f("fk_team_keys_team_id_teams")
        ),
        sa.PrimaryKeyConstraint(
            "team_id", "epoch", "recipient_kind", "recipient_id", name=op.f("pk_team_keys")
        ),
    )
    op.create_index("ix_team_keys_recipient", "team_keys", ["recipient_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_team_keys_recipient", table_name="team_keys")

    op.drop_table("team_keys")
    op.drop_table("superseded")
    op.drop_index("ix_records_record", table_name="records")

    op.drop_table("records")
    op.drop_table("purges")
    op.drop_table("purged")
    op.drop_index("ix_device_teams_team", table_name="device_teams")

    op.drop_table("device_teams")
    op.drop_table("teams")
    op.drop_table("organisations")
    op.drop_index("ix_nonces_seen_at_ms", table_name="nonces")

    op.drop_table("nonces")
    op.drop_table("invites")
    op.drop_table("devices")
