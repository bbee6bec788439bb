"""Token-bucket rate limits, in memory and per store instance.

With several instances behind a load balancer each one counts on its own, so the effective
limit is the per-instance limit times the number of instances. Nothing here matters for
correctness; it only sheds abusive load.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rate:
    per_second: float
    burst: float


@dataclass(frozen=True)
class Limits:
    """Per source IP (every request), per device (signed requests, after the signature checks)
    and per source IP for the unsigned bootstrap/enrol endpoints."""

    ip: Rate = Rate(per_second=50.0, burst=200.0)
    device: Rate = Rate(per_second=20.0, burst=100.0)
    unsigned: Rate = Rate(per_second=0.2, burst=10.0)


class TokenBuckets:
    MAX_KEYS = 50_000

    def __init__(self, rate: Rate, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._rate = rate
        self._now = monotonic
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)

    def take(self, key: str) -> float:
        """0.0 if allowed, else the seconds to wait before the next token."""
        now = self._now()
        with self._lock:
            tokens, at = self._buckets.get(key, (self._rate.burst, now))
            tokens = min(self._rate.burst, tokens + (now - at) * self._rate.per_second)
            if tokens >= 1.0:
                self._store(key, tokens - 1.0, now)
                return 0.0
            self._store(key, tokens, now)
            if self._rate.per_second <= 0:
                return 3600.0
            return (1.0 - tokens) / self._rate.per_second

    def _store(self, key: str, tokens: float, now: float) -> None:
        if len(self._buckets) >= self.MAX_KEYS and key not in self._buckets:
            # Forget buckets that have refilled: they behave exactly like new ones.
            full = [
                k
                for k, (t, a) in self._buckets.items()
                if t + (now - a) * self._rate.per_second >= self._rate.burst
            ]
            for k in full:
                del self._buckets[k]
            if len(self._buckets) >= self.MAX_KEYS:
                self._buckets.clear()
        self._buckets[key] = (tokens, now)


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
