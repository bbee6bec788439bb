"""The cryptography of sync (DESIGN.md §6), with `cryptography`'s vetted constructions only.

- A team shares a random 256-bit team key per *epoch*; revoking a device starts a new epoch.
- A team key reaches a device (or the organisation's recovery key) wrapped with HPKE
  (RFC 9180: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM) for that recipient's X25519
  public key; the HPKE `info` binds team, epoch and recipient, so a wrapped key cannot be
  replayed to another recipient or epoch.
- A record revision travels as AES-256-GCM ciphertext under the team key of its epoch, with all
  routing metadata the server sees as associated data: the server can route but not read, and
  any change to the metadata or the ciphertext fails the tag on the devices.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

TEAM_KEY_BYTES = 32
NONCE_BYTES = 12
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


class EnvelopeError(Exception):
    """A wrapped key or record did not verify: wrong key, wrong recipient, or tampered."""


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def new_team_key() -> bytes:
    return os.urandom(TEAM_KEY_BYTES)


def _wrap_info(team_id: str, epoch: int, recipient_id: str) -> bytes:
    return canonical(
        {
            "v": 1,
            "use": "brugfiguur/team-key",
            "team": team_id,
            "epoch": epoch,
            "recipient": recipient_id,
        }
    )


def wrap_team_key(
    team_key: bytes,
    *,
    team_id: str,
    epoch: int,
    recipient_id: str,
    recipient_public: X25519PublicKey,
) -> bytes:
    if len(team_key) != TEAM_KEY_BYTES:
        raise ValueError("team keys are 256 bits")
    return _SUITE.encrypt(team_key, recipient_public, info=_wrap_info(team_id, epoch, recipient_id))


def unwrap_team_key(
    wrapped: bytes,
    *,
    team_id: str,
    epoch: int,
    recipient_id: str,
    recipient_private: X25519PrivateKey,
) -> bytes:
    try:
        key = _SUITE.decrypt(
            wrapped, recipient_private, info=_wrap_info(team_id, epoch, recipient_id)
        )
    except (InvalidTag, ValueError) as exc:
        raise EnvelopeError("team key does not open for this device") from exc
    if len(key) != TEAM_KEY_BYTES:
        raise EnvelopeError("team key has the wrong length")
    return key


@dataclass(frozen=True)
class RecordMeta:
    """What the server sees of a revision; all of it is authenticated as associated data."""

    team_id: str
    record_type: str
    record_id: str
    revision: str
    parents: tuple[str, ...]
    device_id: str
    epoch: int

    def aad(self) -> bytes:
        return canonical(
            {
                "v": 1,
                "team": self.team_id,
                "type": self.record_type,
                "id": self.record_id,
                "rev": self.revision,
                "parents": sorted(self.parents),
                "device": self.device_id,
                "epoch": self.epoch,
            }
        )


def seal_record(team_key: bytes, meta: RecordMeta, payload: Mapping[str, Any]) -> bytes:
    """nonce || AES-256-GCM(payload JSON) with the metadata as associated data."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(team_key).encrypt(nonce, canonical(dict(payload)), meta.aad())


def open_record(team_key: bytes, meta: RecordMeta, sealed: bytes) -> dict[str, Any]:
    if len(sealed) < NONCE_BYTES + 16:
        raise EnvelopeError("ciphertext too short")
    try:
        plain = AESGCM(team_key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], meta.aad())
    except InvalidTag as exc:
        raise EnvelopeError("record does not verify (wrong team key or tampered)") from exc
    value = json.loads(plain)
    if not isinstance(value, dict):
        raise EnvelopeError("record payload is not an object")
    return value
