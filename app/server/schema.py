"""The central store's tables (SQLAlchemy Core). The migrations in migrations/server create them.

The store keeps routing metadata and ciphertext only; see docs/central-store.md for the exact
set of what it can see. Times are unix milliseconds; binary values are raw bytes.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

ID = 36  # lower-case UUIDs
REV = 64  # hex SHA-256 revision ids

organisations = Table(
    "organisations",
    metadata,
    # Exactly one row: the primary key is always 1, so a second bootstrap cannot insert.
    Column("singleton", Integer, primary_key=True, autoincrement=False),
    Column("organisation_id", String(ID), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("recovery_public_key", LargeBinary, nullable=False),
    Column("created_at_ms", BigInteger, nullable=False),
    # v2: the root signing key of the log's genesis (None for a v1 organisation not yet moved)
    Column("root_public_key", LargeBinary, nullable=True),
)

# v2: the organisation's membership log (app.sync.trust), append-only; verified before append.
org_log = Table(
    "org_log",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False),
    Column("statement", Text, nullable=False),  # the signed statement, JSON as received
    Column("stored_at_ms", BigInteger, nullable=False),
)

teams = Table(
    "teams",
    metadata,
    Column("team_id", String(ID), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("current_epoch", Integer, nullable=False),
    # The next server sequence number; only read and written under the team's row lock.
    Column("next_seq", BigInteger, nullable=False),
    Column("created_by", String(ID), nullable=False),
    Column("created_at_ms", BigInteger, nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("device_id", String(ID), primary_key=True),
    Column("label", String(200), nullable=False),
    Column("role", String(20), nullable=False),  # worker | coordinator
    Column("status", String(20), nullable=False),  # pending | active | revoked
    Column("sign_public_key", LargeBinary, nullable=False),
    Column("kem_public_key", LargeBinary, nullable=False),
    Column("invite_id", String(ID), nullable=True),
    Column("enrol_proof", LargeBinary, nullable=True),
    Column("enrolled_at_ms", BigInteger, nullable=False),
    Column("revoked_at_ms", BigInteger, nullable=True),
)

device_teams = Table(
    "device_teams",
    metadata,
    Column("device_id", String(ID), ForeignKey("devices.device_id"), primary_key=True),
    Column("team_id", String(ID), ForeignKey("teams.team_id"), primary_key=True),
    Index("ix_device_teams_team", "team_id"),
)

team_keys = Table(
    "team_keys",
    metadata,
    Column("team_id", String(ID), ForeignKey("teams.team_id"), primary_key=True),
    Column("epoch", Integer, primary_key=True),
    Column("recipient_kind", String(10), primary_key=True),  # device | recovery
    Column("recipient_id", String(ID), primary_key=True),
    Column("wrapped", LargeBinary, nullable=False),
    Column("created_by", String(ID), nullable=False),
    Column("created_at_ms", BigInteger, nullable=False),
    Index("ix_team_keys_recipient", "recipient_id"),
)

invites = Table(
    "invites",
    metadata,
    Column("invite_id", String(ID), primary_key=True),
    Column("team_ids", Text, nullable=False),  # JSON list of team ids
    Column("role", String(20), nullable=False),
    Column("expires_at_ms", BigInteger, nullable=False),
    Column("created_by", String(ID), nullable=False),
    Column("created_at_ms", BigInteger, nullable=False),
    Column("used_by", String(ID), nullable=True),
    Column("used_at_ms", BigInteger, nullable=True),
)

# Current leaves only: storing a revision deletes the leaves it names as parents.
records = Table(
    "records",
    metadata,
    Column("team_id", String(ID), ForeignKey("teams.team_id"), primary_key=True),
    Column("revision", String(REV), primary_key=True),
    Column("record_type", String(40), nullable=False),
    Column("record_id", String(ID), nullable=False),
    Column("parents", Text, nullable=False),  # JSON list of revision ids
    Column("device_id", String(ID), nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("stored_at_ms", BigInteger, nullable=False),
    UniqueConstraint("team_id", "seq", name="uq_records_team_seq"),
    Index("ix_records_record", "team_id", "record_id"),
)

# Revision ids that a stored revision replaced: never stored again.
superseded = Table(
    "superseded",
    metadata,
    Column("team_id", String(ID), ForeignKey("teams.team_id"), primary_key=True),
    Column("revision", String(REV), primary_key=True),
)

# Record ids erased by a purge: revisions of them are refused for ever.
purged = Table(
    "purged",
    metadata,
    Column("team_id", String(ID), ForeignKey("teams.team_id"), primary_key=True),
    Column("record_id", String(ID), primary_key=True),
    Column("record_type", String(40), primary_key=True),
)

purges = Table(
    "purges",
    metadata,
    Column("team_id", String(ID), ForeignKey("teams.team_id"), primary_key=True),
    Column("purge_id", String(ID), primary_key=True),
    Column("record_refs", Text, nullable=False),  # JSON [[record_type, record_id], ...]
    Column("seq", BigInteger, nullable=False),
    Column("stored_at_ms", BigInteger, nullable=False),
    # v2: the erasure as its author signed it (app.sync.trust.SignedPurge); None for v1 purges
    Column("person_id", String(ID), nullable=True),
    Column("signed_by", String(ID), nullable=True),
    Column("signed_at_ms", BigInteger, nullable=True),
    Column("signature", LargeBinary, nullable=True),
    UniqueConstraint("team_id", "seq", name="uq_purges_team_seq"),
)

# Request nonces per device, kept for protocol.NONCE_WINDOW_MS to refuse replays.
nonces = Table(
    "nonces",
    metadata,
    Column("device_id", String(ID), primary_key=True),
    Column("nonce", String(32), primary_key=True),
    Column("seen_at_ms", BigInteger, nullable=False),
    Index("ix_nonces_seen_at_ms", "seen_at_ms"),
)
