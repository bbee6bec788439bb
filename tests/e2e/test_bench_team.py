"""bench/README.md's `python bench/team.py [--clients 5000] [--vault DIR] [--runs 5]`, run as
written (small): every figure is printed, one `name: value unit` line each, with the counts
a demo team must give, and a second run reuses the vault it made."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.e2e._support import ROOT

FIGURES = (
    "people",
    "my_people",
    "open_caseload_list_with_workers",
    "vandaag_mine",
    "vandaag_team",
    "agenda_week_mine",
    "agenda_week_team",
    "agenda_week_team_items",
    "ics_export_4_weeks",
    "audit_page_200",
    "audit_one_person",
    "audit_entries_month",
    "audit_export_month_csv",
    "audit_export_month_pdf",
    "retention_due_list",
    "retention_files_due",
    "processing_record_pdf",
    "hand_on_caseload",
    "hand_on_caseload_people",
)
LINE = re.compile(r"^([a-z0-9_]+): ([0-9.]+) (ms|s|count)$")


def run(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "bench/team.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        m = LINE.match(line)
        assert m is not None, f"not a figure line: {line!r}"
        figures[m.group(1)] = float(m.group(2))
    return figures


def test_bench_team_prints_every_figure_and_reuses_its_vault(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    first = run("--clients", "40", "--contacts", "3", "--vault", str(vault), "--runs", "1")
    assert set(first) == {"demo_generation", *FIGURES}
    assert first["people"] >= 40
    assert 0 < first["my_people"] < first["people"]  # the demo is a team of four
    assert first["agenda_week_team_items"] > 0
    assert first["audit_entries_month"] >= first["people"]  # each file it opened, at least
    assert first["hand_on_caseload_people"] > 0
    # Again on the same vault: nothing generated, the first colleague's people are gone to
    # the second, so there is less to hand on.
    second = run("--clients", "40", "--contacts", "3", "--vault", str(vault), "--runs", "1")
    assert set(second) == set(FIGURES)
    assert second["people"] == first["people"]
    assert second["hand_on_caseload_people"] < first["hand_on_caseload_people"]
