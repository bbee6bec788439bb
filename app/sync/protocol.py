"""The sync wire protocol, shared by the central store (app.server) and the devices (app.sync).

See docs/sync-protocol.md. Everything here is plain Python: request signing with Ed25519,
invite codes, and strict validation of every JSON body that crosses the network.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.sync.envelope import canonical

PROTOCOL_VERSION = 2  # paths are /v2/…; any /v1/ request is refused with 426
VERSION = "BF2"  # in every signed request: a v1 signature never verifies here
OUTDATED_MESSAGE = (
    "Deze centrale opslag spreekt protocol v2; werk Brugfiguur bij op dit toestel om verder te "
    "synchroniseren."
)
MAX_SKEW_MS = 5 * 60 * 1000
NONCE_WINDOW_MS = 2 * MAX_SKEW_MS
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_REVISION_BYTES = 256 * 1024
MAX_PUSH_REVISIONS = 500
MAX_PULL_LIMIT = 1000

H_DEVICE = "X-Bf-Device"
H_TIME = "X-Bf-Time"
H_NONCE = "X-Bf-Nonce"
H_SIGNATURE = "X-Bf-Signature"

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_REV = re.compile(r"^[0-9a-f]{64}$")
_TYPE = re.compile(r"^[a-z_]{1,40}$")


class ProtocolError(ValueError):
    """A request or response does not follow the protocol (never echo its content)."""


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: object, *, max_bytes: int = MAX_REVISION_BYTES, what: str = "value") -> bytes:
    if not isinstance(text, str) or len(text) > (max_bytes * 4) // 3 + 4:
        raise ProtocolError(f"{what}: expected base64 within size limits")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise ProtocolError(f"{what}: invalid base64") from exc


def uuid_str(value: object, what: str) -> str:
    if not isinstance(value, str) or not _UUID.match(value):
        raise ProtocolError(f"{what}: expected a lower-case UUID")
    return value


def revision_str(value: object, what: str = "revision") -> str:
    if not isinstance(value, str) or not _REV.match(value):
        raise ProtocolError(f"{what}: expected 64 hex digits")
    return value


def record_type_str(value: object) -> str:
    if not isinstance(value, str) or not _TYPE.match(value):
        raise ProtocolError("record_type: invalid")
    return value


def int_in(value: object, lo: int, hi: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise ProtocolError(f"{what}: expected an integer in [{lo}, {hi}]")
    return value


def obj(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError(f"{what}: expected an object")
    return value


# --- request signatures -----------------------------------------------------------------------


def signing_input(
    method: str, path: str, body: bytes, time_ms: int, nonce: str, device_id: str
) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return "\n".join(
        [VERSION, method.upper(), path, digest, str(time_ms), nonce, device_id]
    ).encode()


def sign_request(
    key: Ed25519PrivateKey, device_id: str, method: str, path: str, body: bytes, time_ms: int
) -> dict[str, str]:
    nonce = base64.urlsafe_b64encode(os.urandom(16)).decode().rstrip("=")
    sig = key.sign(signing_input(method, path, body, time_ms, nonce, device_id))
    return {H_DEVICE: device_id, H_TIME: str(time_ms), H_NONCE: nonce, H_SIGNATURE: b64e(sig)}


@dataclass(frozen=True)
class SignedHeaders:
    device_id: str
    time_ms: int
    nonce: str
    signature: bytes


def parse_signed_headers(headers: Mapping[str, str]) -> SignedHeaders:
    try:
        device = uuid_str(headers[H_DEVICE], "device")
        time_ms = int(headers[H_TIME])
        nonce = headers[H_NONCE]
        sig = b64d(headers[H_SIGNATURE], max_bytes=64, what="signature")
    except (KeyError, ValueError) as exc:
        raise ProtocolError("missing or malformed authentication headers") from exc
    if not re.fullmatch(r"[A-Za-z0-9_-]{16,32}", nonce) or len(sig) != 64:
        raise ProtocolError("malformed nonce or signature")
    return SignedHeaders(device, time_ms, nonce, sig)


def verify_request(
    public_key: Ed25519PublicKey, h: SignedHeaders, method: str, path: str, body: bytes
) -> bool:
    try:
        public_key.verify(
            h.signature, signing_input(method, path, body, h.time_ms, h.nonce, h.device_id)
        )
    except InvalidSignature:
        return False
    return True


# --- invites ----------------------------------------------------------------------------------
# An invite code is `<invite id>.<secret>`: the id goes to the server, the secret never does.
# The enrolling device proves it holds the secret with an HMAC over its public keys, so the
# coordinator can check that the server did not swap in keys of its own before wrapping the
# team key for them.


@dataclass(frozen=True)
class InviteCode:
    """`<invite id>.<secret>.<root fingerprint>`: the id goes to the store, the secret never
    does, and the fingerprint pins the organisation's root key (protocol v2) so the enrolling
    device trusts no organisation the store would show it instead."""

    invite_id: str
    secret: bytes
    root_fingerprint: bytes

    def text(self) -> str:
        def enc(raw: bytes) -> str:
            return base64.urlsafe_b64encode(raw).decode().rstrip("=")

        return f"{self.invite_id}.{enc(self.secret)}.{enc(self.root_fingerprint)}"


def new_invite(root_fingerprint: bytes) -> InviteCode:
    import uuid

    return InviteCode(str(uuid.uuid4()), secrets.token_bytes(16), root_fingerprint)


def parse_invite(text: str) -> InviteCode:
    """Raises ProtocolError for anything but a v2 invite code (a v1 code has no fingerprint)."""
    try:
        invite_id, secret, fp = text.strip().split(".")
        raw = base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))
        root = base64.urlsafe_b64decode(fp + "=" * (-len(fp) % 4))
    except ValueError as exc:
        raise ProtocolError("not an invite code") from exc
    if len(raw) != 16 or len(root) != 16:
        raise ProtocolError("not an invite code")
    return InviteCode(uuid_str(invite_id, "invite"), raw, root)


def enrolment_proof(secret: bytes, device: Mapping[str, Any]) -> bytes:
    return hmac.new(secret, canonical(dict(device)), hashlib.sha256).digest()


def check_enrolment_proof(secret: bytes, device: Mapping[str, Any], proof: bytes) -> bool:
    return hmac.compare_digest(enrolment_proof(secret, device), proof)
