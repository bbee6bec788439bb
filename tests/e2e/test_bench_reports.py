"""bench/README.md's `python bench/reports.py [--clients 5000] [--vault DIR] [--runs 3]`, run
as written (small): every figure is printed, one `name: value unit` line each, and a second
run reuses the vault it made instead of generating another."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.e2e._support import ROOT

FIGURES = (
    "people",
    "team_report_year_compute",
    "team_report_year_compute_cpu",
    "team_report_tables",
    "team_report_suppression",
    "team_report_pdf_export",
    "team_report_pdf_export_cpu",
    "team_report_pdf_size",
    "team_report_xlsx_export",
    "esf_report_compute",
)
LINE = re.compile(r"^([a-z0-9_]+): ([0-9.]+) (s|count|KiB)$")


def run(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "bench/reports.py", *args],
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


def test_bench_reports_prints_every_figure_and_reuses_its_vault(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    first = run("--clients", "30", "--contacts", "3", "--vault", str(vault), "--runs", "1")
    assert set(first) == {"demo_generation", *FIGURES}
    assert first["people"] == 30 and first["team_report_tables"] >= 27
    assert first["team_report_pdf_size"] > 20  # KiB: a real PDF with its charts
    assert all(first[f] > 0 for f in FIGURES)
    again = run("--clients", "30", "--vault", str(vault), "--runs", "1")
    assert set(again) == set(FIGURES)  # no demo_generation: the vault was reused
    assert again["people"] == 30
