"""The recovery key: 256 random bits shown once as 14 groups of 4 characters.

Crockford base32 (no I, L, O, U) with a 4-character checksum so a typo is reported as a typo,
not as a wrong key. The key wraps the data key through HKDF-SHA256 and AES-256-GCM.
"""

from __future__ import annotations

import hashlib
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import MalformedRecoveryKey

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(_ALPHABET)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
KEY_BYTES = 32
_KEY_CHARS = 52  # ceil(256 / 5)
_CHECK_CHARS = 4


def _b32(data: bytes, chars: int) -> str:
    n = int.from_bytes(data, "big") << (chars * 5 - len(data) * 8)
    return "".join(_ALPHABET[(n >> (5 * (chars - 1 - i))) & 31] for i in range(chars))


def _checksum(key: bytes) -> str:
    """20 bits of SHA-256 over the key: catches typos, reveals nothing useful."""
    digest = hashlib.sha256(b"brugfiguur-recovery" + key).digest()
    n = int.from_bytes(digest[:3], "big") >> 4
    return "".join(_ALPHABET[(n >> (5 * (_CHECK_CHARS - 1 - i))) & 31] for i in range(_CHECK_CHARS))


def generate() -> bytes:
    return os.urandom(KEY_BYTES)


def format_key(key: bytes) -> str:
    text = _b32(key, _KEY_CHARS) + _checksum(key)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_key(text: str) -> bytes:
    """Accepts any spacing, dashes and case; O/I/L are read as 0/1/1."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    if len(cleaned) != _KEY_CHARS + _CHECK_CHARS or any(ch not in _DECODE for ch in cleaned):
        raise MalformedRecoveryKey()
    n = 0
    for ch in cleaned[:_KEY_CHARS]:
        n = (n << 5) | _DECODE[ch]
    extra_bits = _KEY_CHARS * 5 - KEY_BYTES * 8
    if n & ((1 << extra_bits) - 1):
        raise MalformedRecoveryKey()
    key = (n >> extra_bits).to_bytes(KEY_BYTES, "big")
    given = "".join(_ALPHABET[_DECODE[c]] for c in cleaned[_KEY_CHARS:])
    if given != _checksum(key):
        raise MalformedRecoveryKey()
    return key


def wrapping_key(recovery_key: bytes, salt: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"brugfiguur/recovery-wrap/v1"
    ).derive(recovery_key)
