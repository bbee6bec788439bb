"""The PyInstaller one-folder build: it builds, starts, shows its first window and works headless.

Slow (about a minute on two cores) but part of the default run: a bundle that cannot find its
resources, migrations or the SQLCipher extension only shows up here.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e._support import PASSPHRASE, ROOT, clean_env, describe, run_with_secrets

pytestmark = pytest.mark.slow

BUILD_TIMEOUT = 900
EXE_NAME = "brugfiguur-cli.exe" if sys.platform == "win32" else "brugfiguur"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once per test run; returns the path of the built executable."""
    tmp = tmp_path_factory.mktemp("pyinstaller")
    dist, work = tmp / "dist", tmp / "work"
    started = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, f"pyinstaller failed after {elapsed:.0f} s\n{describe(proc)}"
    print(f"pyinstaller build took {elapsed:.1f} s")
    exe = dist / "brugfiguur" / EXE_NAME
    assert exe.is_file(), f"no executable at {exe}"
    return exe


def test_bundle_contains_resources_and_migrations(built: Path) -> None:
    internal = built.parent / "_internal"
    root = internal if internal.is_dir() else built.parent
    assert (root / "resources" / "security" / "common-passwords.txt").is_file()
    assert any((root / "migrations").rglob("0001_*.py")), "migration scripts missing"
    # The icon set travels with its licence (ISC/MIT), and every icon the app names is there.
    from app.qt.icons import NAMES

    assert (root / "resources" / "icons" / "LICENSE").is_file()
    for name in NAMES:
        assert (root / "resources" / "icons" / f"{name}.svg").is_file(), name
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        qm = root / "resources" / "translations" / ts.with_suffix(".qm").name
        assert qm.is_file(), f"{qm.name} was not built into the bundle"


def test_built_help(built: Path) -> None:
    proc, _ = run_with_secrets([str(built), "--help"], timeout=60)
    assert proc.returncode == 0, describe(proc)
    for command in ("init", "check", "backup", "restore"):
        assert command in proc.stdout


def test_built_shows_setup_window_on_empty_data_dir(built: Path, tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    proc, _ = run_with_secrets(
        [str(built), "--data-dir", str(empty), "--exit-when-shown"], timeout=60
    )
    assert proc.returncode == 0, describe(proc)
    assert "window-shown: SetupWindow" in proc.stdout, describe(proc)
    # Showing the setup window must not create a vault.
    assert not (empty / "vault.json").exists()


def test_built_init_and_check_headless(built: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "kluis")
    proc, _ = run_with_secrets(
        [str(built), "--data-dir", data, "init", "--passphrase-fd", "{fd0}"],
        [PASSPHRASE],
        timeout=60,
    )
    assert proc.returncode == 0, describe(proc)
    proc, _ = run_with_secrets(
        [str(built), "--data-dir", data, "check", "--passphrase-fd", "{fd0}"],
        [PASSPHRASE],
        timeout=60,
    )
    assert proc.returncode == 0, describe(proc)
    assert proc.stdout.strip() == "ok"


def test_built_serve_answers_on_loopback(built: Path, tmp_path: Path) -> None:
    """`brugfiguur serve` in the bundle: the store's migrations and uvicorn are in it."""
    import signal

    import httpx

    from tests.server.helpers import free_port

    port = free_port()
    store = tmp_path / "opslag"
    out = tmp_path / "serve.txt"
    with out.open("wb") as fh:
        proc = subprocess.Popen(
            [str(built), "serve", "--data-dir", str(store), "--port", str(port)],
            env=clean_env(),
            stdin=subprocess.DEVNULL,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status = httpx.get(f"http://127.0.0.1:{port}/v2/health", timeout=1).json()
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert status is not None and status["status"] == "ok", out.read_text()
        assert (store / "setup-token").is_file()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0, out.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
