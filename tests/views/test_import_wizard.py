"""The import wizard in the main window: a caseload spreadsheet with problems, mapped, checked,
imported (valid rows only), with a value added to the organisation's list; Stop changes
nothing; locking stops an import."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.import_kinds import Kind
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.vault import CreatedVault
from app.services.vindplaatsen import VindplaatsInput
from app.views.import_wizard import ADD, ImportWizard
from app.views.main_window import MainWindow
from tests.views.conftest import FakeClock, open_main_window, visible_texts


@pytest.fixture
def window(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    clock: FakeClock,
    clock_now: list[datetime],
) -> Iterator[MainWindow]:
    w = open_main_window(qtbot, created, gate, runner, clock, clock_now)
    assert w.field is not None
    w.field.vindplaatsen.create(VindplaatsInput("Bib Zuid", "plek"))
    yield w
    w.close()


def caseload_file(tmp_path: Path, extra: int = 0) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Caseload team Gent"])
    ws.merge_cells("A1:G1")
    ws.append(["Nr", "Voornaam", "Naam", "Geboortedatum", "GSM", "Soort contact", "Vindplaats"])
    ws.append(["CL-1", "Zoë", "Vermeulen", datetime(1985, 7, 30), "0470 12 34 56", "straat",
               "Bib Zuid"])  # fmt: skip
    ws.append(["CL-2", "Jan", "Peeters", "31/02/1990", "0486 11 22 33", "straat", "Bib Zuid"])
    ws.append(["CL-3", "Noor", "Claes", "03/04/01", None, "moskee", None])
    for i in range(extra):
        ws.append([f"X-{i}", "Voornaam", f"Naam{i}", None, None, "straat", "Bib Zuid"])
    f = tmp_path / "caseload.xlsx"
    wb.save(f)
    return f


def _next(qtbot: QtBot, wizard: ImportWizard, expected: int) -> None:
    """Next, and wait for the page (the step's file work runs on the task runner)."""
    with qtbot.waitSignal(wizard.currentIdChanged, timeout=20_000) as blocker:
        wizard.next()
    assert blocker.args == [expected]


def _open(window: MainWindow, qtbot: QtBot) -> ImportWizard:
    window.open_import()
    wizard = window.import_wizard
    assert isinstance(wizard, ImportWizard)
    qtbot.waitExposed(wizard)
    return wizard


def test_a_caseload_through_the_wizard(
    window: MainWindow, qtbot: QtBot, qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    field = window.field
    assert field is not None
    wizard = _open(window, qtbot)
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData(str(Kind.PEOPLE)))
    page.set_file(caseload_file(tmp_path))
    _next(qtbot, wizard, ImportWizard.COLUMNS)

    # Columns: mapped from the headers under the merged title; "Soort contact" is no person
    # field, so the user maps it to "how met", and "Nr" to the dossier number.
    combos = wizard.columns_page.combos
    assert combos["Voornaam"].currentData() == "given_name"
    assert combos["Naam"].currentData() == "family_name"  # beside Voornaam
    assert combos["Geboortedatum"].currentData() == "date_of_birth"
    assert combos["Nr"].currentData() == "external_id"
    combos["Soort contact"].setCurrentIndex(combos["Soort contact"].findData("first_met_how"))
    assert wizard.columns_page.isComplete()
    texts = visible_texts(wizard)
    assert "Caseload team Gent" not in texts and "Voornaam" in texts and "Zoë" in " ".join(texts)
    _next(qtbot, wizard, ImportWizard.VALUES)

    # Values: "straat" is known (a vindplaats), "moskee" is not: the user adds it.
    choices = {(f, raw): combo for f, _, raw, combo in wizard.values_page.choices}
    straat = choices[("first_met_how", "straat")]
    assert straat.currentData() == "vindplaats"
    moskee = choices[("first_met_how", "moskee")]
    assert moskee.currentData() is None
    assert "✗ moskee" in " ".join(visible_texts(wizard))
    moskee.setCurrentIndex(moskee.findData(ADD))
    _next(qtbot, wizard, ImportWizard.CHECK)

    # The check: Jan's impossible birth date, the preview as it will be saved.
    check = wizard.check_page
    qtmodeltester.check(check.problems)  # type: ignore[no-untyped-call]
    qtmodeltester.check(check.preview)  # type: ignore[no-untyped-call]
    problems = [(p.row, p.column, p.value) for p in check.problems.rows if p.blocking]
    assert problems == [(4, "Geboortedatum", "31/02/1990")]
    shown = visible_texts(wizard)
    assert "'31/02/1990' bestaat niet: die maand heeft geen 31 dagen." in shown
    assert "Zoë Vermeulen" in shown and "+32470123456" in shown
    assert (
        "3 rijen gelezen, 2 nieuw, 0 bij te werken, 0 ongewijzigd. "
        "1 rij heeft een probleem en wordt niet geïmporteerd."
    ) in shown
    assert not check.isComplete()  # "nothing while a row has a problem" is chosen
    check.valid_only.setChecked(True)
    assert check.isComplete()
    mapping_file = tmp_path / "koppeling.json"
    check.save_mapping(mapping_file)
    qtbot.waitUntil(lambda: mapping_file.exists(), timeout=10_000)

    with qtbot.waitSignal(wizard.imported, timeout=30_000):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.DONE, timeout=10_000)
    done = " ".join(visible_texts(wizard))
    assert "2 nieuwe records" in done and "1 rij weggelaten wegens een probleem" in done
    rows = {r.alias: r for r in field.caseload.rows()}
    assert set(rows) == {"Zoë V.", "Noor C."}
    assert field.people.get(rows["Noor C."].id).first_met_how == "moskee"
    assert field.vocab["first_met"].label("moskee") == "moskee"
    assert '"first_met_how": "Soort contact"' not in mapping_file.read_text()
    assert '"Soort contact": "first_met_how"' in mapping_file.read_text()
    # The caseload page shows them without a restart.
    wizard.accept()
    window.go_to(window.pages.index(window.caseload))
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 2, timeout=10_000)


def test_stop_changes_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    field = window.field
    assert field is not None
    wizard = _open(window, qtbot)
    wizard.file_page.set_file(caseload_file(tmp_path, extra=1500))
    _next(qtbot, wizard, ImportWizard.COLUMNS)
    combos = wizard.columns_page.combos
    combos["Soort contact"].setCurrentIndex(combos["Soort contact"].findData("first_met_how"))
    _next(qtbot, wizard, ImportWizard.VALUES)
    _next(qtbot, wizard, ImportWizard.CHECK)
    wizard.check_page.valid_only.setChecked(True)
    wizard.next()
    assert wizard.currentId() == ImportWizard.RUN
    wizard.run_page.stop_button.click()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=30_000)
    assert "De import werd gestopt. Er werd niets veranderd." in visible_texts(wizard)
    assert field.caseload.rows() == []


def test_locking_stops_an_import(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    field = window.field
    assert field is not None
    wizard = _open(window, qtbot)
    wizard.file_page.set_file(caseload_file(tmp_path, extra=1500))
    _next(qtbot, wizard, ImportWizard.COLUMNS)
    combos = wizard.columns_page.combos
    combos["Soort contact"].setCurrentIndex(combos["Soort contact"].findData("first_met_how"))
    combo: QComboBox = combos["Nr"]
    combo.setCurrentIndex(0)  # not imported: a user's change is kept
    _next(qtbot, wizard, ImportWizard.VALUES)
    _next(qtbot, wizard, ImportWizard.CHECK)
    wizard.check_page.valid_only.setChecked(True)
    wizard.next()
    with qtbot.waitSignal(window.locked, timeout=30_000):
        window.lock()
    assert wizard.stop.is_set()
    with qtbot.waitSignal(window.unlocked, timeout=30_000):
        window.unlock_panel.passphrase.setText("lange zomeravond aan de schelde")
        window.unlock_panel.submit()
    assert window.field is not None and window.field.caseload.rows() == []


def test_a_template_from_the_first_step(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    wizard = _open(window, qtbot)
    out = tmp_path / "sjabloon.xlsx"
    wizard.file_page.kind.setCurrentIndex(wizard.file_page.kind.findData(str(Kind.CONTACTS)))
    wizard.file_page.save_template(Kind.CONTACTS, out)
    qtbot.waitUntil(lambda: out.exists() and not wizard.busy, timeout=10_000)
    assert "Sjabloon bewaard: sjabloon.xlsx" in " ".join(visible_texts(wizard))
    headers = [c.value for c in openpyxl.load_workbook(out).worksheets[0][1]]
    assert "Kanaal *" in headers and "Datum *" in headers
