"""Application-wide defaults and limits (not per-vault values: those live in the vault)."""

from __future__ import annotations

DEFAULT_AUTO_LOCK_MINUTES = 5
MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 120

MIN_PASSPHRASE_LENGTH = 12
MAX_PASSPHRASE_LENGTH = 1024

# Argon2id: at least 64 MiB, calibrated to about half a second on this machine.
KDF_MIN_MEMORY_KIB = 64 * 1024
KDF_TARGET_SECONDS = 0.5
# Sanity bounds for parameters read from a header (a tampered header must not exhaust memory).
KDF_MAX_MEMORY_KIB = 4 * 1024 * 1024
KDF_MAX_ITERATIONS = 64
KDF_MAX_LANES = 16

# Growing delay after failed unlocks: 1 s, 2 s, 4 s … capped.
UNLOCK_DELAY_BASE_SECONDS = 1.0
UNLOCK_DELAY_MAX_SECONDS = 30.0

LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
