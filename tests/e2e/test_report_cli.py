"""`python -m app report`: the README's example, run as written, and every format with its
options, against a real vault whose figures are known (tests/db/report_vault.py)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.services.field import FieldServices
from app.services.vault import VaultService
from tests.conftest import FAST_KDF
from tests.db import report_vault as rv
from tests.e2e._support import ROOT, clean_env, run_with_secrets

README_PASSPHRASE = "een lange zin die niemand raadt"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    data = tmp_path / "kluis"
    service = VaultService(AppPaths(data, data / "logs"), kdf_params=FAST_KDF)
    vault = service.create(README_PASSPHRASE).vault
    now = [rv.TODAY]
    rv.build(FieldServices(vault, now=lambda: now[0]), now)
    vault.lock()
    return data


def _readme_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- report-example -->\n```bash\n(.*?)```", text, re.S)
    assert m, "the README's report example is gone"
    return m.group(1)


def test_the_readme_example_runs_as_written(vault_dir: Path) -> None:
    block = _readme_block()
    env = clean_env()
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block],
        cwd=vault_dir.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = vault_dir.parent / "rapport-2026.xlsx"
    assert out.exists() and out.stat().st_mode & 0o077 == 0
    assert "verborgen" in proc.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(out)["Caseload per werker"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert next(r for r in rows if r and r[0] == "Totaal")[5] == 6


def test_json_team_worker_esf_and_errors(vault_dir: Path) -> None:
    base = [sys.executable, "-m", "app", "--data-dir", str(vault_dir), "report"]
    out = vault_dir.parent / "noord.json"
    proc, _ = run_with_secrets(
        [
            *base,
            "--period",
            "2026",
            "--team",
            "Noord",
            "--format",
            "json",
            "--out",
            str(out),
            "--passphrase-fd",
            "{fd0}",
        ],
        [README_PASSPHRASE],
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["scope"] == "Team Noord" and doc["suppression"] == {"threshold": 5}
    tables = {t["key"]: t for s in doc["sections"] for t in s["tables"]}
    funnel = {r["key"]: r["cells"] for r in tables["reach.funnel"]["rows"]}
    # Noord met A, B, C, G in 2026: 4 is small, so hidden, as every small count in an export
    assert funnel["new"]["people"] == {"value": None, "hidden": "<5"}
    for t in tables.values():
        for r in t["rows"]:
            for cell in r["cells"].values():
                v = cell.get("value")
                if isinstance(v, int) and "numerator" not in cell and "statistic" not in cell:
                    assert v >= 5, (t["key"], r["key"], cell)
    # only the ESF+ view, for one worker
    esf = vault_dir.parent / "esf.csv"
    proc, _ = run_with_secrets(
        [
            *base,
            "--esf",
            "--worker",
            "An",
            "--format",
            "csv",
            "--out",
            str(esf),
            "--passphrase-fd",
            "{fd0}",
        ],
        [README_PASSPHRASE],
    )
    assert proc.returncode == 0, proc.stderr
    text = esf.read_text(encoding="utf-8-sig")
    assert "ESF+" in text and "Caseload per werker" not in text
    # a period that is none, and an existing file: Dutch messages, exit 1, nothing written
    bad, _ = run_with_secrets(
        [
            *base,
            "--period",
            "vorig jaar",
            "--format",
            "pdf",
            "--out",
            str(vault_dir.parent / "x.pdf"),
            "--passphrase-fd",
            "{fd0}",
        ],
        [README_PASSPHRASE],
    )
    assert bad.returncode == 1 and "geen periode" in bad.stderr
    assert not (vault_dir.parent / "x.pdf").exists()
    again, _ = run_with_secrets(
        [*base, "--format", "json", "--out", str(out), "--passphrase-fd", "{fd0}"],
        [README_PASSPHRASE],
    )
    assert again.returncode == 1 and "bestaat al" in again.stderr
    wrong, _ = run_with_secrets(
        [
            *base,
            "--format",
            "json",
            "--out",
            str(vault_dir.parent / "y.json"),
            "--passphrase-fd",
            "{fd0}",
        ],
        ["niet de juiste wachtwoordzin"],
    )
    assert wrong.returncode == 2 and not (vault_dir.parent / "y.json").exists()
