"""Named fault points for the device side of sync, for fault-injection tests only.

With `BRUGFIGUUR_CLIENT_FAULT=<point>` (or `<point>@<n>` for the n-th time) the process kills
itself with SIGKILL at that point, as a laptop that loses power would. Unset: nothing happens.
Points: `after_push_before_ack` (the store stored the revisions, the local acknowledgement did
not commit), `mid_pull` (a pulled batch applied but not committed).
"""

from __future__ import annotations

import os
import signal

ENV = "BRUGFIGUUR_CLIENT_FAULT"
_counts: dict[str, int] = {}


def hit(point: str) -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    name, _, nth = spec.partition("@")
    if name != point:
        return
    _counts[point] = _counts.get(point, 0) + 1
    if _counts[point] >= int(nth or "1"):
        os.kill(os.getpid(), signal.SIGKILL)
