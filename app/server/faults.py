"""Fault injection for end-to-end tests: the store SIGKILLs itself at a named point.

Off unless the environment variable BRUGFIGUUR_FAULT is set when the store starts, to
`<point>` (the first time the point is reached) or `<point>@<n>` (the n-th time). Points:

- `before_store`                  push: body read, before its transaction starts
- `after_store_before_response`   push: committed, before the response is sent
- `mid_pull`                      pull: read from the database, before the response is sent
- `after_purge_before_response`   purge: committed, before the response is sent
- `after_team_keys_before_response`  team-keys: committed, before the response is sent
- `after_enrol_before_response`   enrol: committed, before the response is sent
"""

from __future__ import annotations

import os
import signal
import threading

ENV = "BRUGFIGUUR_FAULT"
POINTS = frozenset(
    {
        "before_store",
        "after_store_before_response",
        "mid_pull",
        "after_purge_before_response",
        "after_team_keys_before_response",
        "after_enrol_before_response",
    }
)


class Faults:
    def __init__(self, spec: str | None) -> None:
        self._point: str | None = None
        self._nth = 1
        self._hits = 0
        self._lock = threading.Lock()
        if spec:
            point, _, nth = spec.partition("@")
            if point not in POINTS or (nth and not nth.isdigit()) or nth == "0":
                raise ValueError(f"{ENV}: unknown fault point")
            self._point = point
            self._nth = int(nth) if nth else 1

    @classmethod
    def from_env(cls) -> Faults:
        return cls(os.environ.get(ENV))

    @property
    def armed(self) -> str | None:
        return self._point

    def hit(self, point: str) -> None:
        if self._point != point:
            return
        with self._lock:
            self._hits += 1
            due = self._hits == self._nth
        if due:
            os.kill(os.getpid(), signal.SIGKILL)
