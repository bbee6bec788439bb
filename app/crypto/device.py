"""The device's X25519 key pair, created with the vault and stored inside it (for sync)."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey


@dataclass(frozen=True)
class DeviceKeyPair:
    private_raw: bytes
    public_raw: bytes


def generate_device_keypair() -> DeviceKeyPair:
    private = X25519PrivateKey.generate()
    return DeviceKeyPair(
        private_raw=private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        ),
        public_raw=private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        ),
    )


def load_private_key(raw: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(raw)
