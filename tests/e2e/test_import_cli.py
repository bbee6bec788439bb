"""`python -m app import`, run exactly as docs/import.md shows it (bash, a fresh vault with the
production KDF), on files made the way Excel and LibreOffice write them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl

from app.domain.import_kinds import Kind
from app.services.importing import ImportMapping
from tests.e2e._support import ROOT, clean_env, describe, run_with_secrets

DOC_PASSPHRASE = "een lange zin die niemand raadt"


def documented_block() -> str:
    text = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- import-example -->\n```bash\n(.*?)```", text, re.S)
    assert m, "docs/import.md lost its example"
    return m.group(1)


def make_files(folder: Path) -> None:
    (folder / "vindplaatsen.csv").write_bytes(
        "Naam;Soort;Wijk\r\nBib Zuid;bib;Gent-Centrum\r\nJeugdhuis De Kroon;jeugdhuis;Rabot\r\n"
        ";;\r\n".encode("cp1252")
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Caseload team Gent"])
    ws.merge_cells("A1:F1")
    ws.append(["Dossiernr", "Voornaam", "Naam", "Geb. datum", "Vindplaats", "Bron"])
    ws.append(["CL-1", "Zoë", "Vermeulen", datetime(1985, 7, 30), "Bib Zuid", "straat"])
    ws.append(["CL-2", "Jan", "Peeters", "31/02/1990", "Bib Zuid", "straat"])
    ws.append(["CL-3", "Noor", "Claes", "03/04/01", "Jeugdhuis De Kroon", "via via"])
    wb.save(folder / "caseload.xlsx")
    mapping = ImportMapping(Kind.PEOPLE).with_columns(
        {
            "Dossiernr": "external_id",
            "Voornaam": "given_name",
            "Naam": "family_name",
            "Geb. datum": "date_of_birth",
            "Vindplaats": "vindplaats",
            "Bron": "first_met_how",
        }
    )
    (folder / "koppeling.json").write_text(mapping.to_json(), encoding="utf-8")


def test_the_documented_import_commands(tmp_path: Path) -> None:
    make_files(tmp_path)
    env = clean_env()
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        ["bash", "-c", documented_block()],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, describe(proc)
    out = proc.stdout
    assert "Vindplaatsen uit vindplaatsen.csv (kopregel in rij 1)" in out
    assert "2 rijen: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 met een probleem." in out
    # The dry run: every problem, nothing imported; the import: the valid rows.
    line = (
        "rij 4 · Geb. datum · '31/02/1990': '31/02/1990' bestaat niet: die maand heeft geen 31 "
        "dagen."
    )
    assert out.count(line) == 2
    assert "Proefdraai: zo zou er niets geïmporteerd worden." in out
    assert (
        "3 rijen: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 met een probleem.\nGeïmporteerd." in out
    )
    assert DOC_PASSPHRASE not in proc.stdout + proc.stderr
    people, _ = run_with_secrets(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(tmp_path / "kluis"),
            "people",
            "--passphrase-fd",
            "{fd0}",
        ],
        [DOC_PASSPHRASE],
    )
    assert people.returncode == 0, describe(people)
    names = sorted(p["name"] for p in json.loads(people.stdout))
    assert names == ["Noor Claes", "Zoë Vermeulen"]


def test_refused_import_exits_1_and_changes_nothing(tmp_path: Path) -> None:
    make_files(tmp_path)
    data = str(tmp_path / "kluis")
    app = [sys.executable, "-m", "app", "--data-dir", data]
    proc, _ = run_with_secrets([*app, "init", "--passphrase-fd", "{fd0}"], [DOC_PASSPHRASE])
    assert proc.returncode == 0, describe(proc)
    places, _ = run_with_secrets(
        [
            *app,
            "import",
            "--kind",
            "vindplaatsen",
            "--file",
            str(tmp_path / "vindplaatsen.csv"),
            "--passphrase-fd",
            "{fd0}",
        ],
        [DOC_PASSPHRASE],
    )
    assert places.returncode == 0, describe(places)
    proc, _ = run_with_secrets(
        [
            *app,
            "import",
            "--kind",
            "people",
            "--file",
            str(tmp_path / "caseload.xlsx"),
            "--mapping",
            str(tmp_path / "koppeling.json"),
            "--passphrase-fd",
            "{fd0}",
        ],
        [DOC_PASSPHRASE],
    )
    assert proc.returncode == 1, describe(proc)
    assert "Er werd niets geïmporteerd" in proc.stdout
    people, _ = run_with_secrets([*app, "people", "--passphrase-fd", "{fd0}"], [DOC_PASSPHRASE])
    assert json.loads(people.stdout) == []
    wrong, _ = run_with_secrets(
        [
            *app,
            "import",
            "--kind",
            "contacts",
            "--file",
            str(tmp_path / "caseload.xlsx"),
            "--mapping",
            str(tmp_path / "koppeling.json"),
            "--passphrase-fd",
            "{fd0}",
        ],
        [DOC_PASSPHRASE],
    )
    assert wrong.returncode == 1
    assert "Fout: Het koppelbestand is voor personen, niet voor contactmomenten." in wrong.stderr
