"""Argon2id key derivation with per-machine calibration."""

from __future__ import annotations

import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app import settings
from app.errors import VaultCorrupt

KEY_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int

    def validate(self) -> None:
        """Refuse parameters a tampered header could use to exhaust the machine."""
        if not (8 <= self.memory_kib <= settings.KDF_MAX_MEMORY_KIB):
            raise VaultCorrupt("ongeldige sleutelparameters")
        if not (1 <= self.iterations <= settings.KDF_MAX_ITERATIONS):
            raise VaultCorrupt("ongeldige sleutelparameters")
        if not (1 <= self.lanes <= settings.KDF_MAX_LANES):
            raise VaultCorrupt("ongeldige sleutelparameters")
        if self.memory_kib < 8 * self.lanes:
            raise VaultCorrupt("ongeldige sleutelparameters")


def derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    params.validate()
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def calibrate(
    target_seconds: float = settings.KDF_TARGET_SECONDS,
    memory_kib: int = settings.KDF_MIN_MEMORY_KIB,
    lanes: int = 4,
    max_iterations: int = 16,
) -> KdfParams:
    """Pick the iteration count at `memory_kib` that takes about `target_seconds` here.

    Times one pass and scales; with at least 64 MiB one pass usually costs 0.1–0.3 s.
    """
    salt = b"\x00" * SALT_BYTES
    probe = KdfParams(memory_kib=memory_kib, iterations=1, lanes=lanes)
    start = time.perf_counter()
    derive("calibration", salt, probe)
    one = max(time.perf_counter() - start, 1e-4)
    iterations = round(target_seconds / one)
    iterations = max(1, min(max_iterations, iterations))
    return KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=lanes)
