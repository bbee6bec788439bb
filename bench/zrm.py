"""ZRM figures (DESIGN.md §9): the tab with 50 assessments, team distance, the overview PDF.

    python bench/zrm.py [--vault DIR] [--clients 200] [--runs 5] [--screenshots DIR]

With --vault DIR an existing vault made by `python -m app demo` with the bench passphrase is
reused (or created there on first use); without it a small demo vault is generated in a
temporary directory. A person with 50 assessments is added to measure the tab. Prints one
`name: value unit` line per figure (medians of --runs runs). --screenshots DIR also saves
zrm-history.png and zrm-scoring.png there.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import BENCH_PASSPHRASE, report, scratch_dir

from app.crypto.kdf import KdfParams
from app.domain.zrm import DomainScore
from app.paths import AppPaths
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.vault import OpenVault, VaultService
from app.services.zrm import AssessmentInput, editions

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def person_with_history(field: FieldServices, n: int = 50) -> str:
    pid = field.people.create_pseudonym(
        PseudonymInput(
            alias="Meetpersoon", first_met_on=date(2021, 1, 4), first_met_how="mond_aan_mond"
        )
    )
    codes = editions()["2017"].codes()
    start = field.context.today() - timedelta(days=30 * n)
    for k in range(n):
        scores = {}
        for i, c in enumerate(codes):
            lvl = 1 + (k // 10 + i + (k * 7 + i * 3) % 3) % 5
            skip = (k + i) % 17 == 0
            scores[c] = DomainScore(
                c,
                None if skip else lvl,
                "niet besproken" if skip else None,
                None if skip else "observatie",
                target_level=min(5, lvl + 1) if not skip and k == n - 1 else None,
            )
        field.zrm.save(AssessmentInput(pid, start + timedelta(days=30 * k), "An", scores))
    return pid


def run(data_dir: Path, clients: int, runs: int, shots: Path | None) -> None:
    svc = VaultService(AppPaths(data_dir, data_dir / "logs"), kdf_params=FAST)
    vault: OpenVault = (
        svc.unlock(BENCH_PASSPHRASE) if svc.exists() else svc.create(BENCH_PASSPHRASE).vault
    )
    field = FieldServices(vault, now=datetime.now)
    if len(field.caseload.rows()) < clients:
        generate_demo(field, clients, contacts_per_person=2)
    pid = person_with_history(field)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.qt.fonts import apply_app_font
    from app.qt.i18n import install_translators
    from app.qt.tasks import TaskRunner
    from app.views.zrm import ZrmTab

    keep = install_translators(app)  # noqa: F841 - keep the translators alive
    apply_app_font(app)  # type: ignore[arg-type]
    runner = TaskRunner()

    def open_tab() -> ZrmTab:
        tab = ZrmTab(runner, field=field, vault=vault, person_id=pid, display_name="Meetpersoon")
        tab.resize(1280, 820)
        done: list[bool] = []
        tab.loaded.connect(lambda: done.append(True))
        tab.reload()
        while not done:
            app.processEvents()
        tab.show()
        tab.radar.grab()
        tab.line_chart.grab()
        return tab

    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        tab = open_tab()
        times.append(time.perf_counter() - t0)
        tab.close()
        tab.deleteLater()
        app.processEvents()
    report(
        "zrm_tab_open_50_assessments_with_charts", statistics.median(times) * 1000, "ms", "{:.1f}"
    )

    draw = []
    tab = open_tab()
    for _ in range(runs):
        t0 = time.perf_counter()
        tab.radar.grab()
        tab.line_chart.grab()
        draw.append(time.perf_counter() - t0)
    report("zrm_charts_draw", statistics.median(draw) * 1000, "ms", "{:.1f}")

    team = []
    for _ in range(runs):
        t0 = time.perf_counter()
        dist = field.zrm.team_distance()
        team.append(time.perf_counter() - t0)
    report("zrm_team_distance", statistics.median(team) * 1000, "ms", "{:.1f}")
    people = max((d.people for d in dist.values()), default=0)
    report("zrm_team_distance_people", people, "count", "{:.0f}")

    from app.documents.zrm_overview import build_zrm_overview

    data = tab.overview_data()
    assert data is not None
    pdf = []
    for _ in range(runs):
        t0 = time.perf_counter()
        build_zrm_overview(data, io.BytesIO())
        pdf.append(time.perf_counter() - t0)
    report("zrm_overview_pdf", statistics.median(pdf) * 1000, "ms", "{:.1f}")

    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        tab.grab().save(str(shots / "zrm-history.png"))
        tab.start_new()
        for key in "3241":
            tab.form.model.rows[tab.form.view.current_row()].level = int(key)
            tab.form.view.go_to(tab.form.view.current_row() + 1)
        tab.form.model.reset_all()
        tab.form.view.go_to(3)
        app.processEvents()
        tab.grab().save(str(shots / "zrm-scoring.png"))
        tab.form.stop_drafting()
    runner.wait_for_done()
    app.processEvents()
    vault.drafts.delete(f"zrm/{pid}")
    vault.lock()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--vault", type=Path)
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--screenshots", type=Path)
    args = ap.parse_args()
    if args.vault is not None:
        run(args.vault, args.clients, args.runs, args.screenshots)
    else:
        with scratch_dir("zrm") as d:
            run(d, args.clients, args.runs, args.screenshots)


if __name__ == "__main__":
    main()
