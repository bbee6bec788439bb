"""ZRM tab: keyboard-only scoring, drafts, visible corrections, charts, PDF export, criteria."""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.zrm import DomainScore, RadarData
from app.qt.tasks import TaskRunner
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.vault import OpenVault
from app.services.zrm import AssessmentInput, editions
from app.views.zrm import LineChart, RadarChart, ZrmSettingsBox, ZrmTab, related_zrm_domains
from app.views.zrm.models import COL_LEVEL, COL_REASON, CellsModel, ScoringModel

CODES = editions()["2017"].codes()


def _person(field: FieldServices, alias: str = "Rosa") -> str:
    return field.people.create_pseudonym(
        PseudonymInput(alias=alias, first_met_on=date(2025, 1, 1), first_met_how="mond_aan_mond")
    )


def _scores(level: int, **over: int | None) -> dict[str, DomainScore]:
    out = {}
    for code in CODES:
        lvl = over.get(code, level)
        out[code] = DomainScore(code, lvl, None if lvl else "niet besproken", "persoon")
    return out


def _tab(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault, pid: str
) -> ZrmTab:
    tab = ZrmTab(
        runner, field=field, vault=vault, person_id=pid, display_name="Rosa", assessor="An"
    )
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    return tab


def _painted(img: QImage, background: QColor) -> int:
    """Pixels (sampled) that differ from the background."""
    bg = background.rgb()
    return sum(
        1
        for y in range(0, img.height(), 3)
        for x in range(0, img.width(), 3)
        if img.pixel(x, y) != bg
    )


def test_score_all_domains_with_keys_only(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault
) -> None:
    pid = _person(field)
    tab = _tab(qtbot, runner, field, vault, pid)
    qtbot.keyClick(tab.new_button, Qt.Key.Key_Space)  # the button has Alt+N too
    view = tab.form.view
    assert tab.stack.currentWidget() is tab.form
    assert view.hasFocus() or QApplication.focusWidget() is view
    levels = [2, 3, 1, 4, 5, 2, 3, 3, 4, 2, 1, 5, 3]
    keys = 0
    started = time.perf_counter()
    for lvl in levels:
        qtbot.keyClick(view, str(lvl))
        keys += 1
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        keys += 1
    elapsed = time.perf_counter() - started
    assert keys == 14 and elapsed < 60
    hist = field.zrm.history(pid)
    assert len(hist) == 1
    assert [hist[0].scores[c].level for c in CODES] == levels
    assert hist[0].assessed_on == date(2026, 11, 20)
    assert vault.drafts.load(f"zrm/{pid}") is None
    assert tab.stack.currentIndex() == 0


def test_not_scored_reason_target_and_own_score_by_keys(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault
) -> None:
    pid = _person(field)
    tab = _tab(qtbot, runner, field, vault, pid)
    tab.start_new()
    tab.form.assessor.setText("An")
    view = tab.form.view
    qtbot.keyClicks(view, "T4E2")  # target 4 and own score 2 for financiën, row stays
    qtbot.keyClick(view, "3")  # score 3, move to werk
    qtbot.keyClick(view, "N")  # not scored: the reason editor opens
    assert view.currentIndex().column() == COL_REASON
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view
    qtbot.keyClicks(editor, "niet besproken")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate closes the editor queued
    qtbot.waitUntil(lambda: view.currentIndex().row() == 2, timeout=5000)
    assert view.currentIndex().column() == COL_LEVEL
    qtbot.keyClicks(view, "B")  # source: persoon
    for _ in CODES[2:]:
        qtbot.keyClick(view, "4")
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    s = field.zrm.history(pid)[0].scores
    assert s["financien"].level == 3 and s["financien"].target_level == 4
    assert s["financien"].self_level == 2
    assert s["financien"].target_date == date(2027, 5, 20)
    assert s["werk_opleiding"].level is None
    assert s["werk_opleiding"].not_scored_reason == "niet besproken"
    assert s["tijdsbesteding"].source == "persoon"


def test_errors_are_shown_on_the_row_and_nothing_is_saved(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault
) -> None:
    pid = _person(field)
    tab = _tab(qtbot, runner, field, vault, pid)
    tab.start_new()
    tab.form.assessor.clear()
    view = tab.form.view
    qtbot.keyClicks(view, "3" * 12)  # justitie left open
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Justitie" in tab.form.feedback.text()
    assert view.currentIndex().row() == 12
    assert tab.form.model.rows[12].error
    # the assessor is empty: the service's error lands next to that field
    qtbot.keyClick(view, "2")
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.form.assessor_error.isVisible(), timeout=10_000)
    assert "Wie nam de meting af?" in tab.form.assessor_error.text()
    assert field.zrm.history(pid) == []


def test_draft_is_kept_and_restored(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault
) -> None:
    pid = _person(field)
    tab = _tab(qtbot, runner, field, vault, pid)
    tab.start_new()
    tab.form.assessor.setText("Bram")
    qtbot.keyClicks(tab.form.view, "245")
    tab.form.flush_draft()
    runner.wait_for_done()
    qtbot.waitUntil(lambda: vault.drafts.load(f"zrm/{pid}") is not None, timeout=5000)
    draft = vault.drafts.load(f"zrm/{pid}")
    assert draft is not None and draft["rows"]["tijdsbesteding"]["level"] == 5

    again = _tab(qtbot, runner, field, vault, pid)
    assert again.discard_button.isVisible()
    again.start_new()
    assert again.form.assessor.text() == "Bram"
    assert [r.level for r in again.form.model.rows[:3]] == [2, 4, 5]
    assert again.form.view.currentIndex().row() == 0


def test_correction_is_visible_in_the_history(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault
) -> None:
    pid = _person(field)
    first = field.zrm.save(AssessmentInput(pid, date(2026, 2, 1), "An", _scores(2)))
    tab = _tab(qtbot, runner, field, vault, pid)
    assert tab.correct_button.isEnabled()
    tab.start_correction()
    assert tab.form.corrects_id == first
    view = tab.form.view
    view.go_to(0)
    qtbot.keyClick(view, "4")  # financiën 2 → 4
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 2, timeout=5000)
    hist = field.zrm.history(pid)
    assert hist[0].superseded and hist[0].corrected_by == hist[1].id
    m = tab.history_model
    statuses = [m.data(m.index(r, 3)) for r in range(2)]
    assert statuses[0].startswith("Correctie van")
    assert statuses[1].startswith("Gecorrigeerd op ")
    stamp = r"\d\d/\d\d/\d{4} \d\d:\d\d"
    assert re.search(
        rf"Gecorrigeerd op {stamp}: vervangen door de versie van 01/02/2026", statuses[1]
    )
    assert re.search(rf"bewaard op {stamp}$", statuses[0])
    # the newest (the correction) is selected: the old value is shown struck through
    d = tab.detail_model
    assert d.data(d.index(0, 1)) == "4"
    assert d.data(d.index(0, 2)) == "2"
    assert d.data(d.index(0, 2), Qt.ItemDataRole.FontRole).strikeOut()
    assert d.data(d.index(1, 2)) == ""  # unchanged domains show no previous value


def test_distance_travelled_is_honest_and_low_scores_link_to_drempels(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault
) -> None:
    pid = _person(field)
    field.zrm.save(AssessmentInput(pid, date(2026, 2, 1), "An", _scores(2, justitie=None)))
    field.zrm.save(AssessmentInput(pid, date(2026, 8, 1), "An", _scores(3, huisvesting=1)))
    tab = _tab(qtbot, runner, field, vault, pid)
    m = tab.progress_model
    rows = {m.payload(r): [m.data(m.index(r, c)) for c in range(6)] for r in range(m.rowCount())}
    assert rows["financien"][3] == "+1"
    assert rows["huisvesting"][3] == "−1"
    assert rows["justitie"][3] == "—"  # one score only: no invented change
    assert rows["justitie"][4] == "—"
    assert tab.drempel_links() == ["huisvesting"]
    assert "Bekijk drempels (huisvesting)" in tab.links_label.text()
    with qtbot.waitSignal(tab.openDrempels) as sig:
        tab.links_label.linkActivated.emit("huisvesting")
    assert sig.args == ["huisvesting"]
    assert ("huisvesting", "Huisvesting") in related_zrm_domains("huisvesting")
    assert tab.radar.axis_count() == 13
    assert tab.line_chart.point_count() == 2


def test_radar_and_line_chart_draw(qtbot: QtBot) -> None:
    axes = tuple(d.label for d in editions()["2017"].domains)
    data = RadarData(
        axes,
        {
            "Eerste meting": (1,) * 13,
            "Laatste meting": (3, None, 4, 2, 5, 3, 3, 2, 4, 4, 1, 2, 3),
            "Doel": (4,) * 13,
        },
    )
    radar = RadarChart()
    qtbot.addWidget(radar)
    radar.resize(500, 480)
    blank = radar.grab().toImage()
    radar.set_data(data)
    img = radar.grab().toImage()
    bg = radar.palette().color(radar.backgroundRole())
    assert radar.axis_count() == 13 and radar.drawn_spokes == 13
    assert _painted(img, bg) > 3 * _painted(blank, bg) + 1000
    assert "—" in radar.accessibleDescription()  # the missing score is said, not invented

    small = RadarChart()
    qtbot.addWidget(small)
    small.set_data(RadarData(axes[:11], {"Laatste meting": (2,) * 11}))
    small.resize(400, 400)
    small.grab()
    assert small.axis_count() == 11 and small.drawn_spokes == 11

    line = LineChart()
    qtbot.addWidget(line)
    line.resize(480, 220)
    line.set_history(
        "Huisvesting",
        ((date(2025, 1, 1), 1), (date(2025, 6, 1), 2), (date(2026, 1, 1), 4)),
        (5, date(2026, 9, 1)),
    )
    img = line.grab().toImage()
    assert line.point_count() == 3 and line.drawn_points == 3
    assert _painted(img, line.palette().color(line.backgroundRole())) > 300


def test_models_pass_the_model_tester(qtmodeltester: object, qapp: QApplication) -> None:
    from app.views.zrm.models import Cell

    cells = CellsModel(["a", "b"])
    cells.set_rows([([Cell("x"), Cell("y", strike=True)], 1), ([Cell("z"), Cell("w")], 2)])
    qtmodeltester.check(cells)  # type: ignore[attr-defined]
    sheet = ScoringModel(editions()["2017"])
    sheet.rows[0].level = 3
    sheet.rows[1].not_scored = True
    qtmodeltester.check(sheet)  # type: ignore[attr-defined]


def test_pdf_export_is_audited_and_never_overwrites(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault, tmp_path: Path
) -> None:
    pid = _person(field)
    field.zrm.save(AssessmentInput(pid, date(2026, 2, 1), "An", _scores(2)))
    tab = _tab(qtbot, runner, field, vault, pid)
    assert tab.pdf_button.isEnabled()
    out = tmp_path / "rosa.pdf"
    with qtbot.waitSignal(tab.exported, timeout=20_000):
        tab.export_pdf(out)
    assert out.read_bytes().startswith(b"%PDF")
    audit = [e for e in vault.audit.entries() if e.event == "zrm_pdf_exported"]
    assert len(audit) == 1 and audit[0].record_id == pid
    size = out.stat().st_size
    with qtbot.waitSignal(tab.failed, timeout=20_000) as sig:
        tab.export_pdf(out)
    assert "al een bestand" in sig.args[0]
    assert out.stat().st_size == size
    assert len([e for e in vault.audit.entries() if e.event == "zrm_pdf_exported"]) == 1


def test_criteria_import_all_or_nothing(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault, tmp_path: Path
) -> None:
    pid = _person(field)
    tab = _tab(qtbot, runner, field, vault, pid)
    bad = tmp_path / "criteria.json"
    bad.write_text(json.dumps({"edition": "2017", "criteria": {"financien": {"1": "x"}}}))
    with qtbot.waitSignal(tab.failed, timeout=10_000) as sig:
        tab.import_criteria_file(bad)
    assert "domeinen" in sig.args[0] and tab.feedback.isVisible()
    assert field.zrm.criteria() == {}
    good = tmp_path / "criteria.csv"
    lines = ["domain,level,criterion"] + [
        f"{c},{lvl},Criterium {c} niveau {lvl}" for c in CODES for lvl in range(1, 6)
    ]
    good.write_text("\n".join(lines), encoding="utf-8")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.import_criteria_file(good)
    assert len(field.zrm.criteria()) == 65
    tab.start_new()
    qtbot.keyClick(tab.form.view, "3")
    tab.form.view.go_to(0)
    assert "Criterium financien niveau 3" in tab.form.criteria_view.toPlainText()


def test_settings_box_sets_the_interval(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices
) -> None:
    box = ZrmSettingsBox(runner)
    qtbot.addWidget(box)
    assert not box.isEnabled()
    with qtbot.waitSignal(box.loaded, timeout=10_000):
        box.set_field(field)
    assert box.months.value() == 3
    with qtbot.waitSignal(box.saved, timeout=10_000):
        box.months.setValue(6)
    assert field.zrm.interval_months() == 6


def test_lock_clears_everything(
    qtbot: QtBot, runner: TaskRunner, field: FieldServices, vault: OpenVault
) -> None:
    pid = _person(field)
    field.zrm.save(AssessmentInput(pid, date(2026, 2, 1), "An", _scores(2)))
    tab = _tab(qtbot, runner, field, vault, pid)
    tab.set_services(None, None)
    assert tab.history_model.rowCount() == 0 and tab.radar.axis_count() == 0
    assert not tab.new_button.isEnabled()
    assert all(w.property("text") != "An" for w in tab.findChildren(QWidget))
