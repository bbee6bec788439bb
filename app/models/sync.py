from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class SyncConfig(Base):
    """This device's enrolment with the central store (one row). The Ed25519 signing key lives
    only here, inside the encrypted vault."""

    __tablename__ = "sync_config"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(500), nullable=False)
    organisation_id: Mapped[str] = mapped_column(String(36), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    home_team_id: Mapped[str | None] = mapped_column(String(36))
    sign_private_key: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    enrolled_at: Mapped[str] = mapped_column(String(40), nullable=False)
    last_sync_at: Mapped[str | None] = mapped_column(String(40))


class TeamKey(Base):
    """A team key of one epoch, unwrapped at enrolment or rotation, kept inside the vault."""

    __tablename__ = "team_keys"

    team_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)


class TeamState(Base):
    """A team this device belongs to and how far it has pulled."""

    __tablename__ = "team_state"

    team_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    current_epoch: Mapped[int] = mapped_column(Integer, nullable=False)
    cursor: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class RecordTeam(Base):
    """Which team a record is shared with (local routing for push)."""

    __tablename__ = "record_teams"

    record_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(36), nullable=False)


class RecordHistory(Base):
    """The ancestry of a record's current revision: `[[revision, compact clocks], …]`, oldest
    first, at most 50. It tells a pulled revision apart as newer, older or concurrent, and
    gives the common ancestor's clocks for a three-way merge (so only real conflicts count)."""

    __tablename__ = "record_history"

    record_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entries: Mapped[list[list[Any]]] = mapped_column(JSON, nullable=False)


class ConflictRecord(Base):
    """A value that lost a concurrent edit: kept so the worker can review, choose or undo."""

    __tablename__ = "conflicts"
    __table_args__ = (Index("ix_conflicts_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(String(40), nullable=False)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False)
    field: Mapped[str] = mapped_column(String(60), nullable=False)
    kept: Mapped[Any] = mapped_column(JSON)
    kept_clock: Mapped[str] = mapped_column(String(80), nullable=False)
    lost: Mapped[Any] = mapped_column(JSON)
    lost_clock: Mapped[str] = mapped_column(String(80), nullable=False)
    lost_by: Mapped[str | None] = mapped_column(String(36))
    both_kept: Mapped[bool] = mapped_column(nullable=False, default=False)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open")
    resolved_at: Mapped[str | None] = mapped_column(String(40))
    previous: Mapped[Any] = mapped_column(JSON, nullable=True)  # value before a choice (undo)


class PurgedRecord(Base):
    """A record erased somewhere (GDPR): never accepted again, from any push or pull."""

    __tablename__ = "purged_records"

    record_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class TrustState(Base):
    """What this device trusts about its organisation (protocol v2; one row): the root key's
    fingerprint it pinned from its invite code (or made at org-init), and the highest verified
    head of the membership log. A log that goes back from here is refused."""

    __tablename__ = "sync_trust"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[str] = mapped_column(String(36), nullable=False)
    root_fingerprint: Mapped[bytes] = mapped_column(LargeBinary(16), nullable=False)
    head_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    head_hash: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    # The last refusal (a reason code, never content), shown in Settings → Synchronisatie.
    refused: Mapped[str | None] = mapped_column(String(80))


class TrustStatement(Base):
    """A verified statement of the organisation's membership log, as signed."""

    __tablename__ = "sync_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
    statement: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)


class QuarantineEntry(Base):
    """A pulled item this device could not accept (does not decrypt, verify or validate, or
    an unauthorised purge): kept as it came, still encrypted, with who pushed it and why; the
    rest of the sync goes on."""

    __tablename__ = "sync_quarantine"
    __table_args__ = (Index("ix_sync_quarantine_team", "team_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(36), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    record_type: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(64))
    device_id: Mapped[str | None] = mapped_column(String(64))
    epoch: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(40), nullable=False)
    item: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    received_at: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open")
