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


def _time(params: KdfParams) -> float:
    start = time.perf_counter()
    derive("calibration", b"\x00" * SALT_BYTES, params)
    return max(time.perf_counter() - start, 1e-4)


def calibrate(
    target_seconds: float = settings.KDF_TARGET_SECONDS,
    memory_kib: int = settings.KDF_MIN_MEMORY_KIB,
    lanes: int = 4,
    max_iterations: int = 32,
) -> KdfParams:
    """Pick the iteration count at `memory_kib` that takes about `target_seconds` here.

    The first pass pays for page faults and is thrown away; then we time a pass, scale, time
    the candidate once more and correct it, so a noisy first reading cannot halve the cost.
    """

    def params(iterations: int) -> KdfParams:
        return KdfParams(memory_kib, max(1, min(max_iterations, iterations)), lanes)

    _time(params(1))  # warm-up
    per_pass = _time(params(2)) / 2
    candidate = params(round(target_seconds / per_pass))
    measured = _time(candidate)
    corrected = params(round(candidate.iterations * target_seconds / measured))
    return corrected
