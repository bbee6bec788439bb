"""What the sync commands tell the worker (issue 11): a coordinator's sync says it approved new
devices, an unapproved device's sync does not report success, and a refused second set-up is
plain Dutch without the store's code. In this process, against a real store on loopback."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import PASSPHRASE
from tests.server.helpers import LiveStore, live_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LiveStore]:
    d = tmp_path / "store"
    d.mkdir()
    with live_store(d, f"sqlite:///{d / 'store.db'}") as st:
        yield st


def cli(
    capfd: pytest.CaptureFixture[str], data_dir: Path, *args: str, **fds: str
) -> tuple[int, str, str]:
    """`main` with the passphrase and other secrets on pipes (`token="…"` → --token-fd)."""
    opened: list[int] = []
    extra: list[str] = []
    for flag, secret in {"passphrase": PASSPHRASE, **fds}.items():
        r, w = os.pipe()
        os.write(w, (secret + "\n").encode())
        os.close(w)
        opened.append(r)
        extra += [f"--{flag}-fd", str(r)]
    try:
        code = main([*args, "--data-dir", str(data_dir), *extra])
    finally:
        for fd in opened:
            os.close(fd)
    out, err = capfd.readouterr()
    return code, out.strip(), err


@pytest.mark.allow_logs("command sync failed: NotApproved", "command org-init failed: CliError")
def test_sync_messages(store: LiveStore, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    coord, worker, other = tmp_path / "coord", tmp_path / "worker", tmp_path / "ander"
    for d in (coord, worker, other):
        assert cli(capfd, d, "init")[0] == 0
    token = store.token()
    code, _, err = cli(capfd, coord, "org-init", "--server", store.base_url, "--name", "Gent",
                       token=token)  # fmt: skip
    assert code == 0, err
    # In this process: a refused set-up leaves no connection open (an unclosed socket would
    # be reported at the next garbage collection, failing the test).
    code, _, err = cli(capfd, other, "org-init", "--server", store.base_url, "--name", "Twee",
                       token=token)  # fmt: skip
    assert code == 1 and "al een organisatie" in err
    assert "organisation_exists" not in err

    team = cli(capfd, coord, "team-create", "--name", "Team Noord")[1]
    invite = cli(capfd, coord, "invite", "--team", team)[1]
    code, _, err = cli(capfd, worker, "enrol", "--server", store.base_url, invite=invite)
    assert code == 0, err
    code, _, err = cli(capfd, worker, "sync")  # before any coordinator approved it
    assert code == 1 and "nog niet goedgekeurd" in err and "Gesynchroniseerd" not in err
    # A coordinator's sync approves nothing by itself (protocol v2): it says who waits.
    code, _, err = cli(capfd, coord, "sync")
    assert code == 0 and "1 toestel(len) wacht(en) op goedkeuring" in err, err
    assert "approve --device ID --code CODE" in err
    code, _, err = cli(capfd, worker, "sync")
    assert code == 1 and "nog niet goedgekeurd" in err, err
    code, out, err = cli(capfd, coord, "devices")
    (waiting,) = [d for d in json.loads(out) if d["status"] == "pending"]
    code, _, err = cli(
        capfd, coord, "approve", "--device", waiting["device_id"], "--code", waiting["safety_code"]
    )
    assert code == 0, err
    code, _, err = cli(capfd, worker, "sync")
    assert code == 0 and "Gesynchroniseerd" in err, err
    code, _, err = cli(capfd, coord, "sync")
    assert code == 0 and "wacht" not in err  # nobody waits any more
