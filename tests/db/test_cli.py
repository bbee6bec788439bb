"""The headless commands in real subprocesses: passphrases by fd, exit codes, Dutch messages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

NEW = "een nieuwe wachtwoordzin voor de bus"


def run(
    args: Sequence[str],
    secrets: Sequence[str] = (),
    *,
    fd_flags: Sequence[str] = ("--passphrase-fd",),
    wrap: Sequence[str] = (),
    preexec: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m app ARGS`, feeding each secret line through its own pipe fd."""
    fds: list[int] = []
    extra: list[str] = []
    for flag, secret in zip(fd_flags, secrets, strict=False):
        r, w = os.pipe()
        os.write(w, (secret + "\n").encode())
        os.close(w)
        fds.append(r)
        extra += [flag, str(r)]
    try:
        return subprocess.run(
            [*wrap, sys.executable, "-m", "app", *args, *extra],
            capture_output=True,
            text=True,
            pass_fds=fds,
            stdin=subprocess.DEVNULL,
            timeout=120,
            preexec_fn=preexec,
            env={**os.environ, **(env or {})},
            cwd=Path(__file__).resolve().parents[2],
        )
    finally:
        for fd in fds:
            os.close(fd)


@pytest.fixture(scope="module")
def cli_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli") / "data"
    p = run(["init", "--data-dir", str(d)], [PASSPHRASE])
    assert p.returncode == 0, p.stderr
    assert "Kluis aangemaakt" in p.stderr
    key = p.stdout.strip()
    assert len(key.split("-")) == 14
    (d.parent / "recovery.txt").write_text(key)
    return d


def _copy(src: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "kopie"
    shutil.copytree(src, dst)
    return dst


def test_help_documents_every_command() -> None:
    p = run(["--help"])
    assert p.returncode == 0
    for cmd in ("init", "check", "change-passphrase", "backup", "restore"):
        assert cmd in p.stdout
    assert "--passphrase-fd" in p.stdout and "Afsluitcodes" in p.stdout


def test_check_prints_ok(cli_vault: Path) -> None:
    p = run(["check", "--data-dir", str(cli_vault)], [PASSPHRASE])
    assert (p.returncode, p.stdout.strip()) == (0, "ok"), p.stderr


def test_data_dir_from_the_environment(cli_vault: Path) -> None:
    p = run(["check"], [PASSPHRASE], env={"BRUGFIGUUR_DATA_DIR": str(cli_vault)})
    assert (p.returncode, p.stdout.strip()) == (0, "ok"), p.stderr


def test_wrong_passphrase_exits_2_in_dutch(cli_vault: Path) -> None:
    p = run(["check", "--data-dir", str(cli_vault)], ["dit is helemaal fout"])
    assert p.returncode == 2
    assert "wachtwoordzin klopt niet" in p.stderr
    assert "dit is helemaal fout" not in p.stderr + p.stdout


def test_no_terminal_and_no_fd_is_a_clear_error(cli_vault: Path) -> None:
    p = run(["check", "--data-dir", str(cli_vault)])
    assert p.returncode == 1
    assert "--passphrase-fd" in p.stderr


def test_missing_vault_exits_2(tmp_path: Path) -> None:
    p = run(["check", "--data-dir", str(tmp_path / "leeg")], [PASSPHRASE])
    assert p.returncode == 2 and "nog geen kluis" in p.stderr


def test_init_refuses_an_existing_vault_and_weak_passphrases(
    cli_vault: Path, tmp_path: Path
) -> None:
    p = run(["init", "--data-dir", str(cli_vault)], [PASSPHRASE])
    assert p.returncode == 2 and "al een kluis" in p.stderr
    p = run(["init", "--data-dir", str(tmp_path / "nieuw")], ["kort"])
    assert p.returncode == 1 and "minstens 12 tekens" in p.stderr
    assert not (tmp_path / "nieuw" / "vault.json").exists()


def test_change_passphrase_then_recovery(cli_vault: Path, tmp_path: Path) -> None:
    d = _copy(cli_vault, tmp_path)
    p = run(
        ["change-passphrase", "--data-dir", str(d)],
        [PASSPHRASE, NEW],
        fd_flags=("--passphrase-fd", "--new-passphrase-fd"),
    )
    assert p.returncode == 0, p.stderr
    assert run(["check", "--data-dir", str(d)], [PASSPHRASE]).returncode == 2
    assert run(["check", "--data-dir", str(d)], [NEW]).returncode == 0
    key = (cli_vault.parent / "recovery.txt").read_text()
    p = run(
        ["change-passphrase", "--data-dir", str(d)],
        [key, PASSPHRASE],
        fd_flags=("--recovery-key-fd", "--new-passphrase-fd"),
    )
    assert p.returncode == 0, p.stderr
    assert run(["check", "--data-dir", str(d)], [PASSPHRASE]).returncode == 0


def test_same_fd_can_carry_both_passphrases(cli_vault: Path, tmp_path: Path) -> None:
    d = _copy(cli_vault, tmp_path)
    r, w = os.pipe()
    os.write(w, f"{PASSPHRASE}\n{NEW}\n".encode())
    os.close(w)
    try:
        p = subprocess.run(
            [
                sys.executable,
                "-m",
                "app",
                "change-passphrase",
                "--data-dir",
                str(d),
                "--passphrase-fd",
                str(r),
                "--new-passphrase-fd",
                str(r),
            ],
            capture_output=True,
            text=True,
            pass_fds=[r],
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
    finally:
        os.close(r)
    assert p.returncode == 0, p.stderr
    assert run(["check", "--data-dir", str(d)], [NEW]).returncode == 0


def test_backup_and_restore(cli_vault: Path, tmp_path: Path) -> None:
    d = _copy(cli_vault, tmp_path)
    out = tmp_path / "b.bfbackup"
    p = run(["backup", "--data-dir", str(d), "--out", str(out)], [PASSPHRASE])
    assert p.returncode == 0, p.stderr
    p = run(["backup", "--data-dir", str(d), "--out", str(out)], [PASSPHRASE])
    assert p.returncode == 1 and "bestaat al" in p.stderr
    target = tmp_path / "terug"
    p = run(["restore", "--data-dir", str(target), "--from", str(out)], ["verkeerde zin hier"])
    assert p.returncode == 2
    assert not (target / "vault.json").exists()
    p = run(["restore", "--data-dir", str(target), "--from", str(out)], [PASSPHRASE])
    assert p.returncode == 0, p.stderr
    assert run(["check", "--data-dir", str(target)], [PASSPHRASE]).returncode == 0


def test_tampered_header_exits_2_and_changes_nothing(cli_vault: Path, tmp_path: Path) -> None:
    d = _copy(cli_vault, tmp_path)
    header = d / "vault.json"
    header.write_bytes(header.read_bytes()[:-40])
    before = {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()}
    p = run(["check", "--data-dir", str(d)], [PASSPHRASE])
    assert p.returncode == 2 and "beschadigd" in p.stderr
    assert {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()} == before


def _needs_namespaces() -> None:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare(1) to mount a small file system")
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("mount namespaces are not available here")


def test_full_disk_during_backup_leaves_nothing_behind(cli_vault: Path, tmp_path: Path) -> None:
    """A real full disk: the backup target is a 64 KiB tmpfs, smaller than the backup."""
    _needs_namespaces()
    d = _copy(cli_vault, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    script = (
        'mount -t tmpfs -o size=64k tmpfs "$0" && head -c 40000 /dev/zero > "$0/foto.jpg" '
        '&& "$@"; rc=$?; ls -A "$0" > "$0.listing"; exit $rc'
    )
    p = run(
        ["backup", "--data-dir", str(d), "--out", str(usb / "b.bfbackup")],
        [PASSPHRASE],
        wrap=["unshare", "-m", "sh", "-c", script, str(usb)],
    )
    assert p.returncode == 1, p.stderr
    assert "schijf is vol" in p.stderr, p.stderr
    # Only the file that was already there: no partial backup, no temp file.
    assert (tmp_path / "usb.listing").read_text().split() == ["foto.jpg"]
    assert run(["check", "--data-dir", str(d)], [PASSPHRASE]).returncode == 0


def _read_only_wrapper(directory: Path) -> list[str]:
    """Run the child with `directory` read-only: a bind mount for root, file modes otherwise."""
    if os.geteuid() != 0:
        directory.chmod(0o555)
        return []
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to make a read-only mount as root")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("mount namespaces are not available here")
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, str(directory)]


def test_read_only_data_dir(cli_vault: Path, tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    wrap = _read_only_wrapper(ro)
    p = run(["init", "--data-dir", str(ro / "data")], [PASSPHRASE], wrap=wrap)
    assert p.returncode == 1
    assert "alleen-lezen" in p.stderr, p.stderr
    # An existing vault on a read-only disk: a clear message, no change.
    d = _copy(cli_vault, tmp_path)
    before = {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()}
    p = run(["check", "--data-dir", str(d)], [PASSPHRASE], wrap=_read_only_wrapper(d))
    assert p.returncode in (1, 2)
    assert "alleen-lezen" in p.stderr, p.stderr
    assert {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()} == before
