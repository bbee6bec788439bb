"""Shared bits of the benchmarks: make `app` importable from a plain checkout, report figures."""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH_PASSPHRASE = "meten is weten, zei de brugfiguur op de fiets"


def report(name: str, value: float, unit: str, fmt: str = "{:.3f}") -> None:
    """One figure per line, `name: value unit`, flushed so a pipe sees it at once."""
    print(f"{name}: {fmt.format(value)} {unit}", flush=True)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


@contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix=f"brugfiguur-bench-{prefix}-") as d:
        yield Path(d)
