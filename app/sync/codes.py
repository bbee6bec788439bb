"""Names that cross the wire, shared by the central store (app.server) and the devices: error
codes, item kinds, push statuses, roles and recipient kinds. Both sides use these enums, never
free strings, so a renamed code breaks the type check instead of a sync."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """The `error` of a refused request (`{"error": code}`), and the code of a client-side
    `SyncError` (the last group never crosses the wire)."""

    # authentication and transport
    UNAUTHENTICATED = "unauthenticated"
    UNKNOWN_DEVICE = "unknown_device"
    BAD_SIGNATURE = "bad_signature"
    REVOKED = "revoked"
    CLOCK_SKEW = "clock_skew"
    REPLAY = "replay"
    RATE_LIMITED = "rate_limited"
    TOO_LARGE = "too_large"
    INVALID_REQUEST = "invalid_request"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    PROTOCOL_OUTDATED = "protocol_outdated"
    UNAVAILABLE = "unavailable"
    INTERNAL = "internal"
    CONFLICT = "conflict"
    FORBIDDEN = "forbidden"
    NOT_APPROVED = "not_approved"
    # organisation, teams, invites, devices
    BAD_SETUP_TOKEN = "bad_setup_token"  # noqa: S105 - an error code
    ORGANISATION_EXISTS = "organisation_exists"
    TEAM_EXISTS = "team_exists"
    UNKNOWN_TEAM = "unknown_team"
    INVITE_EXISTS = "invite_exists"
    INVITE_INVALID = "invite_invalid"
    DEVICE_EXISTS = "device_exists"
    CANNOT_REVOKE_SELF = "cannot_revoke_self"
    # keys and epochs
    RECOVERY_KEY_MISSING = "recovery_key_missing"
    UNKNOWN_RECIPIENT = "unknown_recipient"
    KEY_CONFLICT = "key_conflict"
    ROTATION_INCOMPLETE = "rotation_incomplete"
    EPOCH_CONFLICT = "epoch_conflict"
    UNKNOWN_EPOCH = "unknown_epoch"
    # the membership log
    LOG_CONFLICT = "log_conflict"
    BAD_STATEMENT = "bad_statement"
    # client side only
    ERROR = "error"
    UNREACHABLE = "unreachable"
    BAD_RESPONSE = "bad_response"
    NOT_ENROLLED = "not_enrolled"
    NO_TEAM = "no_team"
    NO_TEAM_KEY = "no_team_key"
    BAD_RECORD = "bad_record"
    PARTIAL_ACK = "partial_ack"
    MASS_DELETION = "mass_deletion"
    CANCELLED = "cancelled"
    UNTRUSTED = "untrusted"
    INSECURE_URL = "insecure_url"
    PURGE_PENDING = "purge_pending"


class ItemKind(StrEnum):
    """What a pulled item is."""

    REVISION = "revision"
    PURGE = "purge"


class PushStatus(StrEnum):
    """What the store did with one pushed revision."""

    STORED = "stored"
    DUPLICATE = "duplicate"
    SUPERSEDED = "superseded"
    PURGED = "purged"


class Role(StrEnum):
    WORKER = "worker"
    COORDINATOR = "coordinator"


class DeviceStatus(StrEnum):
    PENDING = "pending"  # enrolled, no coordinator's approval yet: no team data
    ACTIVE = "active"
    REVOKED = "revoked"


class RecipientKind(StrEnum):
    """Who a wrapped team key is for."""

    DEVICE = "device"
    RECOVERY = "recovery"
