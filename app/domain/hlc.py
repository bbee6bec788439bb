"""Hybrid logical clocks (Kulkarni et al.): wall-clock milliseconds plus a counter plus the node.

Stamps order causally related events correctly even when wall clocks drift, and order
concurrent events deterministically (the node id breaks ties). Their text form sorts like the
stamps themselves, so the database can compare them as strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_PATTERN = re.compile(r"^(\d{15}):(\d{6}):([0-9a-f-]{1,36})$")
MAX_COUNTER = 999_999


class ClockSkew(Exception):
    """A remote stamp lies too far in the future of this machine's clock."""

    def __init__(self, ahead_ms: int) -> None:
        super().__init__(f"remote clock ahead by {ahead_ms} ms")
        self.ahead_ms = ahead_ms


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.wall_ms:015d}:{self.counter:06d}:{self.node}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        m = _PATTERN.match(text)
        if m is None:
            raise ValueError("not an HLC stamp")
        return cls(int(m.group(1)), int(m.group(2)), m.group(3))


def node_of(text: str) -> str | None:
    """The node (device) that made a stamp, or None for text that is no stamp."""
    try:
        return Stamp.decode(text).node
    except ValueError:
        return None


class HybridClock:
    def __init__(
        self,
        node: str,
        wall_ms: Callable[[], int],
        last: Stamp | None = None,
        *,
        max_skew_ms: int = 5 * 60 * 1000,
    ) -> None:
        self.node = node
        self._wall = wall_ms
        self._last = last or Stamp(0, 0, node)
        self.max_skew_ms = max_skew_ms

    @property
    def last(self) -> Stamp:
        return self._last

    def now(self) -> Stamp:
        """A stamp for a local event, later than every stamp seen so far."""
        wall = self._wall()
        if wall > self._last.wall_ms:
            stamp = Stamp(wall, 0, self.node)
        else:
            stamp = self._bump(self._last.wall_ms, self._last.counter)
        self._last = stamp
        return stamp

    def observe(self, remote: Stamp) -> Stamp:
        """Merge a stamp received from elsewhere; refuses one too far in the future."""
        wall = self._wall()
        ahead = remote.wall_ms - wall
        if ahead > self.max_skew_ms:
            raise ClockSkew(ahead)
        top = max(wall, self._last.wall_ms, remote.wall_ms)
        if top == self._last.wall_ms == remote.wall_ms:
            counter = max(self._last.counter, remote.counter)
        elif top == self._last.wall_ms:
            counter = self._last.counter
        elif top == remote.wall_ms:
            counter = remote.counter
        else:
            self._last = Stamp(top, 0, self.node)
            return self._last
        self._last = self._bump(top, counter)
        return self._last

    def catch_up(self, seen: Stamp) -> None:
        """Never hand out a stamp below one already seen (checked for skew elsewhere)."""
        if seen > self._last:
            self._last = Stamp(seen.wall_ms, seen.counter, self.node)

    def _bump(self, wall: int, counter: int) -> Stamp:
        if counter >= MAX_COUNTER:
            return Stamp(wall + 1, 0, self.node)
        return Stamp(wall, counter + 1, self.node)
