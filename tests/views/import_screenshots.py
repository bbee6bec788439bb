"""Screenshots of the import wizard for docs/ (called by make_screenshots.py): a caseload
spreadsheet as a team keeps it, with a title, its own words and a few problems, at 1366×768."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtWidgets import QApplication, QWidget

from app.views.main_window import MainWindow


def _caseload(folder: Path, vindplaats: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Caseload 2026"
    ws.append(["Caseload team Brugse Poort — vertrouwelijk"])
    ws.merge_cells("A1:J1")
    ws.append(
        [
            "Dossiernr",
            "Voornaam",
            "Naam",
            "Geb. datum",
            "GSM",
            "Fase",
            "Eerste contact",
            "Hoe bereikt",
            "Vindplaats",
            "Opmerking",
        ]
    )
    rows: list[list[Any]] = [
        [
            "BP-101",
            "Yasmina",
            "El Khatib",
            datetime(1994, 3, 12),
            "0486 12 34 56",
            "kennismaking",
            "14/01/26",
            "straat",
            vindplaats,
            "Zoekt een opleiding in de zorg.",
        ],
        [
            "BP-102",
            "Dries",
            "Van Acker",
            "31/02/1988",
            "0472 98 76 54",
            "nazorg",
            "02/02/26",
            "via via",
            vindplaats,
            "",
        ],
        [
            "BP-103",
            "Fatou",
            "Diallo",
            datetime(2001, 7, 30),
            "4,70123E+08",
            "Oriëntering",
            "10/03/26",
            "moskee",
            vindplaats,
            "Spreekt Frans en wat Nederlands.",
        ],
        [
            "BP-104",
            "Kevin",
            "Declercq",
            "12/11/1979",
            "09 223 45 67",
            "context",
            "21/03/26",
            "doorverwezen",
            vindplaats,
            "Verwezen door het CAW.",
        ],
        [
            "BP-105",
            "Amira",
            "Benali",
            "05/05/1999",
            "0477 11 22 33",
            "overdracht",
            "03/04/26",
            "jobbeurs",
            vindplaats,
            "",
        ],
    ]
    for row in rows:
        ws.append(row)
    path = folder / "caseload-brugse-poort.xlsx"
    wb.save(path)
    return path


def shoot_import_wizard(
    main: MainWindow,
    out: Path,
    save: Callable[[QWidget, Path, str], None],
    wait_for: Callable[..., None],
) -> None:
    from app.domain.import_kinds import Kind
    from app.views.import_wizard import ADD, ImportWizard

    field = main.field
    assert field is not None
    folder = Path(tempfile.mkdtemp(prefix="bf-import-shots-"))
    vindplaats = field.vindplaatsen.all()[0].name
    main.open_import()
    wizard = main.import_wizard
    assert isinstance(wizard, ImportWizard)
    wizard.resize(1366, 768)
    wizard.file_page.kind.setCurrentIndex(wizard.file_page.kind.findData(str(Kind.PEOPLE)))
    wizard.file_page.set_file(_caseload(folder, vindplaats))

    def step(page: int) -> None:
        wizard.next()
        wait_for(until=lambda: wizard.currentId() == page and not wizard.busy, timeout_ms=20_000)
        QApplication.processEvents()

    step(ImportWizard.COLUMNS)
    save(wizard, out, "import-columns.png")
    step(ImportWizard.VALUES)
    for f, _, raw, combo in wizard.values_page.choices:
        if (f, raw) == ("first_met_how", "moskee"):
            combo.setCurrentIndex(combo.findData(ADD))
    save(wizard, out, "import-values.png")
    step(ImportWizard.CHECK)
    wizard.check_page.valid_only.setChecked(True)
    save(wizard, out, "import-check.png")
    wizard.reject()
