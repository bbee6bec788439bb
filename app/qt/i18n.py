"""Translations: our own brugfiguur_<lang>.ts/.qm plus Qt's qtbase catalogue.

`python -m app.qt.i18n build` compiles every .ts to .qm (setup scripts and build.spec call it).
`python -m app.qt.i18n update` re-runs pyside6-lupdate over the GUI sources.
At runtime a missing or stale .qm is compiled on the fly when pyside6-lrelease is available.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import BUNDLE_ROOT, resource

log = logging.getLogger(__name__)

LANGUAGE = "nl"
LOCALE = QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium)
TRANSLATIONS = resource("translations")
CATALOGUE = "brugfiguur"
SOURCES = ("app/main.py", "app/qt", "app/views")


def ts_path(language: str = LANGUAGE) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str = LANGUAGE) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.qm"


def _tool(name: str) -> str | None:
    """pyside6-lrelease / -lupdate beside the running interpreter, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def compile_ts(ts: Path, qm: Path) -> bool:
    tool = _tool("pyside6-lrelease")
    if tool is None:
        return False
    result = subprocess.run(
        [tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        log.warning("pyside6-lrelease failed for %s: %s", ts.name, result.stderr.strip())
        return False
    return True


def ensure_compiled(language: str = LANGUAGE) -> Path | None:
    """The .qm for `language`, compiled first if it is missing or older than the .ts."""
    ts, qm = ts_path(language), qm_path(language)
    stale = ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)
    if stale and not compile_ts(ts, qm):
        log.warning("translations %s are missing or stale and could not be compiled", qm.name)
    return qm if qm.exists() else None


def install_translators(app: QCoreApplication, language: str = LANGUAGE) -> list[QTranslator]:
    """Load Qt's own and our catalogue into `app`; returns the translators (keep them alive)."""
    QLocale.setDefault(LOCALE)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    else:
        log.warning("Qt's own %s translations not found in %s", language, qt_dir)
    qm = ensure_compiled(language)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no %s translations loaded; the interface will be in English", language)
    return installed


def build() -> int:
    ok = True
    for ts in sorted(TRANSLATIONS.glob(f"{CATALOGUE}_*.ts")):
        qm = ts.with_suffix(".qm")
        if compile_ts(ts, qm):
            print(f"{ts.name} -> {qm.name}")
        else:
            print(f"failed: {ts.name}", file=sys.stderr)
            ok = False
    return 0 if ok else 1


def update() -> int:
    tool = _tool("pyside6-lupdate")
    if tool is None:
        print("pyside6-lupdate not found", file=sys.stderr)
        return 1
    files: list[str] = []
    for src in SOURCES:
        p = BUNDLE_ROOT / src
        files.extend(str(f) for f in (sorted(p.rglob("*.py")) if p.is_dir() else [p]))
    cmd = [tool, *files, "-locations", "none", "-ts", str(ts_path())]
    return subprocess.run(cmd, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["build"]:
        return build()
    if args == ["update"]:
        return update()
    print("usage: python -m app.qt.i18n build|update", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
