"""The typed command line in this process: typed values from the parser, and one unlock path
that honours --recovery-key-fd for every command that opens the vault."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.cli import build_parser, main
from app.cli.common import PassphraseArgs, UnlockArgs
from app.cli.field_commands import ExportPersonArgs, FicheArgs
from app.cli.framework import commands
from app.cli.sync_commands import InviteArgs
from app.crypto import recovery
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.vault import CreatedVault


def _typed(argv: list[str]) -> object:
    ns = build_parser().parse_args(argv)
    return commands()[ns.command].build(ns)


def test_arguments_arrive_typed() -> None:
    fiche = _typed(["fiche", "--handover", "h1", "--out", "f.pdf", "--password-fd", "5"])
    assert fiche == FicheArgs(
        data_dir=None,
        passphrase_fd=None,
        recovery_key_fd=None,
        handover="h1",
        out=Path("f.pdf"),
        password_fd=5,
    )
    invite = _typed(["invite", "--team", "a", "--team", "b", "--days", "2"])
    assert isinstance(invite, InviteArgs)
    assert (invite.team, invite.role, invite.days) == (("a", "b"), "worker", 2)
    export = _typed(["--data-dir", "/x", "export-person", "--person", "p", "--format", "json",
                     "--out", "o.json"])  # fmt: skip
    assert isinstance(export, ExportPersonArgs) and export.data_dir == Path("/x")
    after = _typed(["--data-dir", "/x", "check", "--data-dir", "/y"])
    assert isinstance(after, UnlockArgs) and after.data_dir == Path("/y")


def test_every_vault_command_offers_a_documented_secret_source() -> None:
    for name, cmd in commands().items():
        if name == "serve":
            assert not issubclass(cmd.args, PassphraseArgs)
            continue
        assert issubclass(cmd.args, PassphraseArgs), name
    no_recovery = {n for n, c in commands().items() if not issubclass(c.args, UnlockArgs)}
    assert no_recovery == {"init", "erase-person", "serve"}


@pytest.fixture
def vault_dir(created: CreatedVault) -> Iterator[tuple[Path, str, str]]:
    """A vault with one person and its recovery key; locked so the commands open it."""
    field = FieldServices(created.vault)
    pid = field.people.create_pseudonym(PseudonymInput("Zoë", date(2026, 1, 5), "mond_aan_mond"))
    data_dir = created.vault.paths.data_dir
    created.vault.lock()
    yield data_dir, created.recovery_key, pid


def _pipe(secret: str) -> str:
    r, w = os.pipe()
    os.write(w, (secret + "\n").encode())
    os.close(w)
    return str(r)


@pytest.mark.parametrize(
    "argv",
    [
        ["people"],
        ["handovers"],
        ["check"],
        ["export-person", "--format", "json", "--out", "{tmp}/export.json", "--person", "{pid}"],
    ],
)
def test_recovery_key_opens_every_command(
    vault_dir: tuple[Path, str, str],
    tmp_path: Path,
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 11: these commands accepted --recovery-key-fd and then asked for a passphrase."""
    data_dir, key, pid = vault_dir
    fd = _pipe(key)
    try:
        argv = [a.format(tmp=tmp_path, pid=pid) for a in argv]
        code = main([*argv, "--data-dir", str(data_dir), "--recovery-key-fd", fd])
    finally:
        os.close(int(fd))
    out, err = capsys.readouterr()
    assert code == 0, err
    if argv[0] == "people":
        assert [p["id"] for p in json.loads(out)] == [pid]
    if argv[0] == "export-person":
        assert json.loads((tmp_path / "export.json").read_text())["person"]["id"] == pid


def test_erase_person_does_not_offer_the_recovery_key(
    vault_dir: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, _, pid = vault_dir
    with pytest.raises(SystemExit) as exit_:
        main(["erase-person", "--person", pid, "--data-dir", str(data_dir),
              "--recovery-key-fd", "0"])  # fmt: skip
    assert exit_.value.code == 2
    assert "--recovery-key-fd" in capsys.readouterr().err


@pytest.mark.allow_logs("unlock failed", "command people failed: WrongRecoveryKey")
def test_wrong_recovery_key_exits_2(
    vault_dir: tuple[Path, str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    data_dir, key, _ = vault_dir
    other = recovery.format_key(recovery.generate())
    assert other != key
    fd = _pipe(other)
    try:
        code = main(["people", "--data-dir", str(data_dir), "--recovery-key-fd", fd])
    finally:
        os.close(int(fd))
    assert code == 2
    assert "herstelsleutel past niet" in capsys.readouterr().err
