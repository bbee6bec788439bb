"""Argon2id key derivation with per-machine calibration, a floor and upper bounds.

Policy (README, "Security model"):

* new and changed passphrases get at least 64 MiB and at least 3 passes, calibrated to about
  half a second on this machine from the median of several timed runs (so one busy moment
  cannot halve the cost), with at most `MAX_ITERATIONS` passes;
* a header is refused before anything is derived when its parameters exceed the upper bounds
  below: at most 256 MiB, 32 passes, 8 lanes, and at most 2 GiB·passes in all (64 MiB × 32),
  so a tampered header cannot make an unlock take gigabytes of memory or a minute of time.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app.errors import VaultCorrupt

KEY_BYTES = 32
SALT_BYTES = 16

TARGET_SECONDS = 0.5
MIN_MEMORY_KIB = 64 * 1024  # floor for every new or changed passphrase
MIN_ITERATIONS = 3
LANES = 4
CALIBRATION_RUNS = 5

# Upper bounds for parameters read from a header.
MAX_MEMORY_KIB = 256 * 1024
MAX_ITERATIONS = 32
MAX_LANES = 8
MAX_COST_KIB_PASSES = MIN_MEMORY_KIB * MAX_ITERATIONS  # memory × passes: 2 GiB·passes


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int

    def validate(self) -> None:
        """Refuse parameters a tampered header could use to exhaust the machine (before any
        derivation)."""
        ok = (
            1 <= self.lanes <= MAX_LANES
            and 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
            and self.memory_kib * self.iterations <= MAX_COST_KIB_PASSES
        )
        if not ok:
            raise VaultCorrupt("ongeldige sleutelparameters")

    @property
    def meets_floor(self) -> bool:
        """At least the floor for a new passphrase (64 MiB, 3 passes)."""
        return self.memory_kib >= MIN_MEMORY_KIB and self.iterations >= MIN_ITERATIONS


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


def iterations_for(per_pass_seconds: float, target_seconds: float = TARGET_SECONDS) -> int:
    """Passes that take about `target_seconds` at `per_pass_seconds` each, within the floor and
    the cap."""
    wanted = round(target_seconds / max(per_pass_seconds, 1e-4))
    cap = min(MAX_ITERATIONS, MAX_COST_KIB_PASSES // MIN_MEMORY_KIB)
    return max(MIN_ITERATIONS, min(cap, wanted))


def calibrate(
    target_seconds: float = TARGET_SECONDS,
    runs: int = CALIBRATION_RUNS,
    timer: Callable[[KdfParams], float] = _time,
) -> KdfParams:
    """Argon2id parameters for a new passphrase: 64 MiB, `LANES` lanes, and the number of passes
    that takes about `target_seconds` here (never fewer than 3).

    The first derivation pays for page faults and is thrown away; then `runs` derivations of
    two passes each are timed and their median taken, so a moment when the machine was busy
    neither halves nor doubles the cost."""
    two = KdfParams(MIN_MEMORY_KIB, 2, LANES)
    timer(two)  # warm-up
    per_pass = statistics.median(timer(two) for _ in range(max(1, runs))) / 2
    return KdfParams(MIN_MEMORY_KIB, iterations_for(per_pass, target_seconds), LANES)
