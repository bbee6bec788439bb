"""Translations complete and compiled; the GUI entry point starts fast and says so."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.paths import BUNDLE_ROOT
from app.qt import i18n


def test_ts_has_every_message_translated() -> None:
    root = ET.parse(i18n.ts_path()).getroot()
    assert root.get("language", "").startswith("nl")
    messages = root.findall("context/message")
    assert len(messages) > 100
    problems = []
    for m in messages:
        source = m.findtext("source") or ""
        t = m.find("translation")
        assert t is not None
        if t.get("type") in {"unfinished", "vanished", "obsolete"}:
            problems.append(f"{t.get('type')}: {source}")
            continue
        forms = (
            [f.text or "" for f in t.findall("numerusform")] if m.get("numerus") else [t.text or ""]
        )
        if not all(f.strip() for f in forms):
            problems.append(f"empty: {source}")
        if "%1" in source and not all("%1" in f for f in forms):
            problems.append(f"lost %1: {source}")
        if "%n" in source and not all("%n" in f for f in forms):
            problems.append(f"lost %n: {source}")
    assert not problems, "\n".join(problems)


def test_ts_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    """Every tr() string in the GUI sources is in the committed .ts."""
    tool = i18n._tool("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    files = [
        str(f)
        for src in i18n.SOURCES
        for f in (
            (BUNDLE_ROOT / src).rglob("*.py")
            if (BUNDLE_ROOT / src).is_dir()
            else [BUNDLE_ROOT / src]
        )
    ]
    subprocess.run(
        [tool, *files, "-locations", "none", "-ts", str(fresh)], check=True, capture_output=True
    )

    def keys(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in root.findall("context")
            for m in c.findall("message")
            if (
                m.find("translation") is None
                or m.find("translation").get("type") not in {"vanished", "obsolete"}
            )  # type: ignore[union-attr]
        }

    missing = keys(fresh) - keys(i18n.ts_path())
    assert not missing, f"run `python -m app.qt.i18n update` and translate: {sorted(missing)}"


def test_build_and_on_the_fly_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if i18n._tool("pyside6-lrelease") is None:
        pytest.skip("pyside6-lrelease not installed")
    ts = tmp_path / "brugfiguur_nl.ts"
    ts.write_bytes(i18n.ts_path().read_bytes())
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    qm = i18n.ensure_compiled()
    assert qm == tmp_path / "brugfiguur_nl.qm" and qm.stat().st_size > 1000
    # A newer .ts makes the .qm stale: it is compiled again.
    os.utime(qm, (1, 1))
    assert i18n.ensure_compiled() == qm
    assert qm.stat().st_mtime > 1
    assert i18n.main(["build"]) == 0


def _run_gui(data_dir: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        "from app.main import run_gui\n"
        "from app.paths import AppPaths\n"
        f"sys.exit(run_gui(AppPaths.resolve({str(data_dir)!r}), exit_when_shown=True))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=BUNDLE_ROOT,
        check=False,
    )


def test_run_gui_shows_setup_window_for_an_empty_data_dir(tmp_path: Path) -> None:
    result = _run_gui(tmp_path / "leeg")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["window-shown: SetupWindow"]


def test_run_gui_shows_unlock_window_for_an_existing_vault(created: object, paths: object) -> None:
    from app.paths import AppPaths

    assert isinstance(paths, AppPaths)
    result = _run_gui(paths.data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["window-shown: UnlockWindow"]


def test_first_window_does_not_import_the_database_layer() -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import tempfile\n"
        "from app.paths import AppPaths\n"
        "from app.qt.tasks import TaskRunner\n"
        "from app.qt.vaultgate import VaultGate\n"
        "from app.views.controller import AppController\n"
        "c = AppController(VaultGate(AppPaths.resolve(tempfile.mkdtemp())), TaskRunner())\n"
        "c.first().show()\n"
        "heavy = sorted(m for m in ('sqlalchemy', 'alembic', 'reportlab', 'sqlcipher3')"
        " if m in sys.modules)\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=BUNDLE_ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
