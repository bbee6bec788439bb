"""The organisation's membership log (protocol v2): who belongs, with which keys and role, in
which teams, and which team key each epoch has — as a chain of signed statements that the
store keeps and serves but cannot change.

Every statement names the organisation, its position (`seq`, from 1) and the hash of the one
before it (`prev`), and is signed with Ed25519:

- `genesis` (seq 1) is signed by the organisation's root key, made on the first coordinator's
  device at `org-init`. Its fingerprint travels in every invite code, so a device pins the root
  out of band. Genesis carries the root key, the organisation recovery public key and the first
  coordinator device.
- every later statement is signed by a device that the statements before it made an active
  coordinator: `team` (a new team; its signer is a member), `add_device` (approval of an
  enrolled device with its keys, role and teams), `role`, `revoke`, and `epoch` (a team's new
  key epoch with a commitment to the key, so a key the store chose is refused).

`verify_log` replays statements into a `Roster`, refusing anything unsigned, out of order,
forked or unauthorised. The store runs the same checks before it appends (so an honest store
never serves a broken chain); devices run them again and trust only what they verified.

Plain Python and `cryptography`, no I/O: shared by app.server and the client engine.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.sync.codes import Role
from app.sync.envelope import canonical

LOG_VERSION = 2
_STATEMENT_DOMAIN = b"brugfiguur/v2/statement\n"
_PURGE_DOMAIN = b"brugfiguur/v2/purge\n"
_COMMIT_DOMAIN = b"brugfiguur/v2/team-key-commitment\n"
_SAFETY_DOMAIN = b"brugfiguur/v2/safety-code\n"
ROOT_SIGNER = "root"
FINGERPRINT_BYTES = 16  # in invite codes: 128 bits of SHA-256 over the root public key
MAX_STATEMENT_BYTES = 16 * 1024
MAX_TEAMS = 1000
# A worker may erase one person's records, at most this many at once; more needs a
# coordinator's signature (and every device asks before applying it).
WORKER_PURGE_MAX = 500


class StatementKind(StrEnum):
    GENESIS = "genesis"
    TEAM = "team"
    ADD_DEVICE = "add_device"
    ROLE = "role"
    REVOKE = "revoke"
    EPOCH = "epoch"


class TrustError(ValueError):
    """A statement, a chain or a signed object does not verify. `reason` is a short code for
    logs and audit entries (never personal data)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- encodings ---------------------------------------------------------------------------------


def _b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64d(value: object, size: int, what: str) -> bytes:
    if not isinstance(value, str) or len(value) > 4 * size:
        raise TrustError(f"bad_{what}")
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise TrustError(f"bad_{what}") from None
    if len(raw) != size:
        raise TrustError(f"bad_{what}")
    return raw


def _str(value: object, what: str, max_len: int = 200) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= max_len:
        raise TrustError(f"bad_{what}")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise TrustError(f"bad_{what}")
    return value


def _int(value: object, what: str, lo: int = 0, hi: int = 2**62) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise TrustError(f"bad_{what}")
    return value


def public_raw(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(root_public: bytes) -> bytes:
    """What an invite code carries to pin the organisation's root key."""
    return hashlib.sha256(b"brugfiguur/v2/root\n" + root_public).digest()[:FINGERPRINT_BYTES]


def fingerprint_text(root_public: bytes) -> str:
    return base64.urlsafe_b64encode(fingerprint(root_public)).decode().rstrip("=")


def parse_fingerprint(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        raise TrustError("bad_fingerprint") from None
    if len(raw) != FINGERPRINT_BYTES:
        raise TrustError("bad_fingerprint")
    return raw


def safety_code(*public_keys: bytes) -> str:
    """A code people compare by reading it aloud: 8 groups of 5 digits (about 130 bits) from
    SHA-256 over the public keys, like Signal's safety numbers."""
    digest = hashlib.sha256(_SAFETY_DOMAIN + b"".join(public_keys)).digest()
    groups = []
    for i in range(8):
        chunk = int.from_bytes(digest[i * 4 : i * 4 + 4], "big")
        groups.append(f"{chunk % 100000:05d}")
    return " ".join(groups)


def device_safety_code(sign_public: bytes, kem_public: bytes) -> str:
    return safety_code(sign_public, kem_public)


def key_commitment(key: bytes, *, organisation_id: str, team_id: str, epoch: int) -> bytes:
    """Commits an epoch statement to its team key without revealing it (HMAC-SHA256 under the
    key over the statement's context): a device refuses an unwrapped key that does not match,
    so a key the store chose is never used."""
    context = _COMMIT_DOMAIN + canonical(
        {"organisation_id": organisation_id, "team_id": team_id, "epoch": epoch}
    )
    return hmac.new(key, context, hashlib.sha256).digest()


# --- statements --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """One verified-shape statement as it travels (`raw`, a JSON object) plus its hash."""

    raw: Mapping[str, Any]
    seq: int
    prev: str
    signer: str
    kind: StatementKind
    body: Mapping[str, Any]
    at_ms: int
    signature: bytes

    @property
    def hash(self) -> str:
        return statement_hash(self.raw)


def _signed_part(raw: Mapping[str, Any]) -> bytes:
    return _STATEMENT_DOMAIN + canonical({k: v for k, v in raw.items() if k != "sig"})


def statement_hash(raw: Mapping[str, Any]) -> str:
    return hashlib.sha256(_STATEMENT_DOMAIN + canonical(dict(raw))).hexdigest()


def make_statement(
    key: Ed25519PrivateKey,
    *,
    organisation_id: str,
    seq: int,
    prev: str,
    signer: str,
    kind: StatementKind,
    body: Mapping[str, Any],
    at_ms: int,
) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "v": LOG_VERSION,
        "org": organisation_id,
        "seq": seq,
        "prev": prev,
        "by": signer,
        "at_ms": at_ms,
        "kind": str(kind),
        "body": dict(body),
    }
    raw["sig"] = _b64e(key.sign(_signed_part(raw)))
    return raw


def parse_statement(value: object) -> Statement:
    if not isinstance(value, dict):
        raise TrustError("bad_statement")
    if set(value) != {"v", "org", "seq", "prev", "by", "at_ms", "kind", "body", "sig"}:
        raise TrustError("bad_statement")
    if len(canonical(value)) > MAX_STATEMENT_BYTES or value["v"] != LOG_VERSION:
        raise TrustError("bad_statement")
    try:
        kind = StatementKind(value["kind"])
    except ValueError:
        raise TrustError("bad_kind") from None
    body = value["body"]
    if not isinstance(body, dict):
        raise TrustError("bad_statement")
    prev = value["prev"]
    if not isinstance(prev, str) or (prev and len(prev) != 64):
        raise TrustError("bad_prev")
    return Statement(
        raw=value,
        seq=_int(value["seq"], "seq", 1),
        prev=prev,
        signer=_str(value["by"], "signer", 36),
        kind=kind,
        body=body,
        at_ms=_int(value["at_ms"], "time"),
        signature=_b64d(value["sig"], 64, "signature"),
    )


# --- the roster a chain builds -----------------------------------------------------------------


@dataclass
class DeviceEntry:
    device_id: str
    label: str
    sign_public: bytes
    kem_public: bytes
    role: str
    active: bool = True
    teams: set[str] = field(default_factory=set)
    added_seq: int = 0
    # team -> the epoch current when this device was revoked (what it may still have written)
    revoked_epochs: dict[str, int] = field(default_factory=dict)

    @property
    def safety_code(self) -> str:
        return device_safety_code(self.sign_public, self.kem_public)


@dataclass
class TeamEntry:
    team_id: str
    name: str
    created_by: str
    epoch: int = 0
    commitments: dict[int, bytes] = field(default_factory=dict)


@dataclass
class Roster:
    """Everything a verified chain says: the organisation, its root and recovery keys, its
    devices with role, status and teams, and each team's epochs with their key commitments."""

    organisation_id: str
    name: str
    root_public: bytes
    recovery_public: bytes
    devices: dict[str, DeviceEntry] = field(default_factory=dict)
    teams: dict[str, TeamEntry] = field(default_factory=dict)
    seq: int = 0
    head: str = ""

    def active(self, device_id: str) -> DeviceEntry | None:
        d = self.devices.get(device_id)
        return d if d is not None and d.active else None

    def coordinator(self, device_id: str) -> DeviceEntry | None:
        d = self.active(device_id)
        return d if d is not None and d.role == Role.COORDINATOR else None

    def members(self, team_id: str) -> list[DeviceEntry]:
        """The team's active members: the only devices a team key is wrapped for."""
        return sorted(
            (d for d in self.devices.values() if d.active and team_id in d.teams),
            key=lambda d: d.device_id,
        )

    def is_member(self, device_id: str, team_id: str) -> bool:
        d = self.active(device_id)
        return d is not None and team_id in d.teams

    def may_have_written(self, device_id: str, team_id: str, epoch: int) -> bool:
        """Whether a revision under `epoch` from `device_id` can be genuine: written by a
        current member, or by a revoked one under an epoch it still held."""
        d = self.devices.get(device_id)
        if d is None:
            return False
        if d.active:
            return team_id in d.teams
        last = d.revoked_epochs.get(team_id)
        return last is not None and epoch <= last

    @property
    def root_fingerprint(self) -> bytes:
        return fingerprint(self.root_public)

    @property
    def safety_code(self) -> str:
        return safety_code(self.root_public)


def _device_body(body: Mapping[str, Any]) -> tuple[str, str, bytes, bytes]:
    return (
        _str(body.get("device_id"), "device_id", 36),
        _str(body.get("label"), "label"),
        _b64d(body.get("sign_public_key"), 32, "sign_key"),
        _b64d(body.get("kem_public_key"), 32, "kem_key"),
    )


def _role(value: object) -> str:
    if value not in (Role.WORKER, Role.COORDINATOR):
        raise TrustError("bad_role")
    return str(value)


def _team_ids(value: object, roster: Roster) -> set[str]:
    if not isinstance(value, list) or len(value) > MAX_TEAMS:
        raise TrustError("bad_teams")
    ids = {_str(t, "team_id", 36) for t in value}
    if len(ids) != len(value) or not ids <= set(roster.teams):
        raise TrustError("unknown_team")
    return ids


def _verify_signature(key: bytes, st: Statement) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(st.signature, _signed_part(st.raw))
    except (InvalidSignature, ValueError):
        raise TrustError("bad_signature") from None


def genesis_roster(st: Statement, pinned: bytes | None) -> Roster:
    """The roster genesis starts; `pinned` is the root fingerprint this device trusts (None
    only where the caller has another way to decide, e.g. the store or an upgrade)."""
    if st.seq != 1 or st.prev or st.kind != StatementKind.GENESIS or st.signer != ROOT_SIGNER:
        raise TrustError("bad_genesis")
    body = st.body
    org = _str(st.raw.get("org"), "organisation", 36)
    if body.get("organisation_id") != org:
        raise TrustError("bad_genesis")
    root = _b64d(body.get("root_public_key"), 32, "root_key")
    if pinned is not None and not hmac.compare_digest(fingerprint(root), pinned):
        raise TrustError("root_mismatch")
    _verify_signature(root, st)
    recovery = _b64d(body.get("recovery_public_key"), 32, "recovery_key")
    dev = body.get("device")
    if not isinstance(dev, dict):
        raise TrustError("bad_genesis")
    device_id, label, sign, kem = _device_body(dev)
    roster = Roster(org, _str(body.get("name"), "name"), root, recovery)
    roster.devices[device_id] = DeviceEntry(
        device_id, label, sign, kem, Role.COORDINATOR, added_seq=1
    )
    roster.seq, roster.head = 1, st.hash
    return roster


def apply_statement(roster: Roster, st: Statement) -> None:
    """Verify one statement against the roster so far and apply it (raises TrustError and
    leaves the roster unchanged when it does not verify)."""
    if st.raw.get("org") != roster.organisation_id:
        raise TrustError("wrong_organisation")
    if st.seq != roster.seq + 1 or st.prev != roster.head:
        raise TrustError("broken_chain")
    if st.kind == StatementKind.GENESIS:
        raise TrustError("bad_genesis")
    signer = roster.coordinator(st.signer)
    if signer is None:
        raise TrustError("signer_not_coordinator")
    _verify_signature(signer.sign_public, st)
    body = st.body
    if st.kind == StatementKind.TEAM:
        team_id = _str(body.get("team_id"), "team_id", 36)
        if team_id in roster.teams or len(roster.teams) >= MAX_TEAMS:
            raise TrustError("team_exists")
        roster.teams[team_id] = TeamEntry(team_id, _str(body.get("name"), "name"), st.signer)
        signer.teams.add(team_id)
    elif st.kind == StatementKind.ADD_DEVICE:
        device_id, label, sign, kem = _device_body(body)
        if device_id in roster.devices:
            raise TrustError("device_exists")
        role = _role(body.get("role"))
        teams = _team_ids(body.get("teams"), roster)
        if not teams <= signer.teams:
            raise TrustError("signer_not_in_team")
        _str(body.get("invite_id"), "invite_id", 36)
        roster.devices[device_id] = DeviceEntry(
            device_id, label, sign, kem, role, teams=teams, added_seq=st.seq
        )
    elif st.kind == StatementKind.ROLE:
        target = roster.active(_str(body.get("device_id"), "device_id", 36))
        if target is None:
            raise TrustError("unknown_device")
        target.role = _role(body.get("role"))
    elif st.kind == StatementKind.REVOKE:
        target = roster.active(_str(body.get("device_id"), "device_id", 36))
        if target is None or target.device_id == st.signer:
            raise TrustError("unknown_device")
        target.active = False
        target.revoked_epochs = {t: roster.teams[t].epoch for t in target.teams}
    elif st.kind == StatementKind.EPOCH:
        team = roster.teams.get(_str(body.get("team_id"), "team_id", 36))
        if team is None:
            raise TrustError("unknown_team")
        if team.team_id not in signer.teams:
            raise TrustError("signer_not_in_team")
        epoch = _int(body.get("epoch"), "epoch", 1, 1_000_000)
        if epoch != team.epoch + 1:
            raise TrustError("epoch_out_of_order")
        team.commitments[epoch] = _b64d(body.get("commitment"), 32, "commitment")
        team.epoch = epoch
    roster.seq, roster.head = st.seq, st.hash


def verify_log(statements: Iterable[object], pinned: bytes | None) -> Roster:
    """Replay a whole chain from genesis (raises TrustError at the first bad statement)."""
    it = iter(statements)
    first = next(it, None)
    if first is None:
        raise TrustError("empty_log")
    roster = genesis_roster(parse_statement(first), pinned)
    for raw in it:
        apply_statement(roster, parse_statement(raw))
    return roster


def extend(roster: Roster, statements: Iterable[object]) -> Roster:
    """`roster` plus further statements (in place; raises TrustError at the first bad one,
    having applied the ones before it)."""
    for raw in statements:
        apply_statement(roster, parse_statement(raw))
    return roster


# --- statement bodies (what clients sign) ------------------------------------------------------


def genesis_body(
    *,
    organisation_id: str,
    name: str,
    root_public: bytes,
    recovery_public: bytes,
    device: Mapping[str, str],
) -> dict[str, Any]:
    return {
        "organisation_id": organisation_id,
        "name": name,
        "root_public_key": _b64e(root_public),
        "recovery_public_key": _b64e(recovery_public),
        "device": dict(device),
    }


def epoch_body(team_id: str, epoch: int, commitment: bytes) -> dict[str, Any]:
    return {"team_id": team_id, "epoch": epoch, "commitment": _b64e(commitment)}


# --- signed purges -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedPurge:
    """A GDPR erasure as its author signed it: bound to the organisation, the team, the person
    it is about and the exact record ids."""

    organisation_id: str
    team_id: str
    purge_id: str
    person_id: str
    record_refs: tuple[tuple[str, str], ...]
    signer: str
    at_ms: int
    signature: bytes

    def signed_part(self) -> bytes:
        return _PURGE_DOMAIN + canonical(
            {
                "org": self.organisation_id,
                "team_id": self.team_id,
                "purge_id": self.purge_id,
                "person_id": self.person_id,
                "record_refs": [list(r) for r in self.record_refs],
                "by": self.signer,
                "at_ms": self.at_ms,
            }
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "purge_id": self.purge_id,
            "person_id": self.person_id,
            "record_refs": [list(r) for r in self.record_refs],
            "signed_by": self.signer,
            "signed_at_ms": self.at_ms,
            "signature": _b64e(self.signature),
        }


def sign_purge(
    key: Ed25519PrivateKey,
    *,
    organisation_id: str,
    team_id: str,
    purge_id: str,
    person_id: str,
    record_refs: Iterable[tuple[str, str]],
    signer: str,
    at_ms: int,
) -> SignedPurge:
    unsigned = SignedPurge(
        organisation_id,
        team_id,
        purge_id,
        person_id,
        tuple((str(t), str(i)) for t, i in record_refs),
        signer,
        at_ms,
        b"",
    )
    return SignedPurge(**{**unsigned.__dict__, "signature": key.sign(unsigned.signed_part())})


def parse_purge(organisation_id: str, team_id: str, item: Mapping[str, Any]) -> SignedPurge:
    """A pulled or pushed purge with its signature (not yet checked against a roster)."""
    refs = item.get("record_refs")
    if not isinstance(refs, list) or not refs or len(refs) > 100_000:
        raise TrustError("bad_purge")
    parsed: list[tuple[str, str]] = []
    for r in refs:
        if not isinstance(r, list) or len(r) != 2:
            raise TrustError("bad_purge")
        parsed.append((_str(r[0], "record_type", 40), _str(r[1], "record_id", 64)))
    return SignedPurge(
        organisation_id,
        team_id,
        _str(item.get("purge_id"), "purge_id", 36),
        _str(item.get("person_id"), "person_id", 36),
        tuple(parsed),
        _str(item.get("signed_by"), "signer", 36),
        _int(item.get("signed_at_ms"), "time"),
        _b64d(item.get("signature"), 64, "signature"),
    )


def verify_purge(roster: Roster, purge: SignedPurge) -> DeviceEntry:
    """The purge's author, when the signature verifies and the author is a current member of
    the team (raises TrustError otherwise). Whether the author may erase that much, and that
    many, is `purge_authority`'s question."""
    author = roster.active(purge.signer)
    if author is None or purge.team_id not in author.teams:
        raise TrustError("purge_not_member")
    try:
        Ed25519PublicKey.from_public_bytes(author.sign_public).verify(
            purge.signature, purge.signed_part()
        )
    except InvalidSignature:
        raise TrustError("purge_bad_signature") from None
    return author


def purge_signature_ok(sign_public: bytes, purge: SignedPurge) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(purge.signature, purge.signed_part())
    except (InvalidSignature, ValueError):
        return False
    return True


def hmac_equal(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)
