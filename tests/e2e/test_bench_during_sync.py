"""`python bench/during_sync.py` as bench/README.md and the README show it, on a tiny team: it
runs a real first sync against the store on loopback while saving and searching, and prints its
figures one per line."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.e2e._support import ROOT, clean_env


def test_the_during_sync_benchmark_runs_and_prints_its_figures() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "bench/during_sync.py",
            "--clients",
            "6",
            "--contacts",
            "4",
            "--pause-ms",
            "10",
        ],
        cwd=ROOT,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    figures = dict(re.findall(r"^(\w+): ([\d.]+) ", done.stdout, re.MULTILINE))
    assert figures["first_sync_people_on_device"] == "26"  # the team's six and its own 20
    for name in ("search_during_sync_p95", "sync_vault_turn_p95", "search_ranked_keystroke_p95"):
        assert float(figures[name]) > 0, name
    assert all(
        re.match(r"^(#|\w+: [\d.]+ \S+$)", line) for line in done.stdout.splitlines()
    ), done.stdout
