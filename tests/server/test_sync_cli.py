"""The headless sync commands against a real store: org-init, team-create, invite, enrol,
sync, devices, revoke — secrets only through file descriptors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.server.helpers import LiveStore, live_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LiveStore]:
    d = tmp_path / "store"
    d.mkdir()
    with live_store(d, f"sqlite:///{d / 'store.db'}") as st:
        yield st


def cli(
    data_dir: Path, *args: str, fds: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m app ARGS` with the passphrase on one pipe and other secrets on others."""
    opened: list[int] = []
    extra: list[str] = []
    for flag, secret in {"--passphrase-fd": PASSPHRASE, **(fds or {})}.items():
        r, w = os.pipe()
        os.write(w, (secret + "\n").encode())
        os.close(w)
        opened.append(r)
        extra += [flag, str(r)]
    try:
        return subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args, *extra],
            capture_output=True,
            text=True,
            pass_fds=opened,
            stdin=subprocess.DEVNULL,
            timeout=120,
            cwd=ROOT,
        )
    finally:
        for fd in opened:
            os.close(fd)


def ok(p: subprocess.CompletedProcess[str]) -> str:
    assert p.returncode == 0, p.stderr
    return p.stdout.strip()


def test_headless_enrol_sync_devices_revoke(store: LiveStore, tmp_path: Path) -> None:
    coord, worker = tmp_path / "coord", tmp_path / "worker"
    ok(cli(coord, "init"))
    ok(cli(worker, "init"))
    recovery = ok(
        cli(
            coord,
            "org-init",
            "--server",
            store.base_url,
            "--name",
            "Outreach Gent",
            fds={"--token-fd": store.token()},
        )
    )
    assert len(recovery.replace("-", "")) == 52
    team = ok(cli(coord, "team-create", "--name", "Team Noord"))
    code = ok(cli(coord, "invite", "--team", team))
    p = cli(worker, "enrol", "--server", store.base_url, fds={"--invite-fd": code})
    assert p.returncode == 0, p.stderr
    safety = p.stderr.split("Veiligheidscode van dit toestel: ")[1].strip()
    assert len(safety.split()) == 8
    p = cli(worker, "enrol", "--server", store.base_url, fds={"--invite-fd": code})
    assert p.returncode == 1 and "al ingeschreven" in p.stderr
    p = cli(worker, "sync")
    assert p.returncode == 1 and "nog niet goedgekeurd" in p.stderr and safety in p.stderr
    pending = [d for d in json.loads(ok(cli(coord, "devices"))) if d["status"] == "pending"]
    assert [d["safety_code"] for d in pending] == [safety]
    p = cli(coord, "approve", "--device", pending[0]["device_id"], "--code", "1" * 40)
    assert p.returncode == 1 and "veiligheidscode klopt niet" in p.stderr
    ok(cli(coord, "approve", "--device", pending[0]["device_id"], "--code", safety))
    ok(cli(coord, "demo", "--clients", "3", "--contacts", "2"))
    ok(cli(coord, "sync"))
    p = cli(worker, "sync")
    assert p.returncode == 0, p.stderr
    assert "ontvangen" in p.stderr
    assert "Ontvangen: 100%" in p.stderr  # progress on stderr; the last step always shows
    people = json.loads(ok(cli(worker, "people")))
    assert len(people) == 3
    devices = json.loads(ok(cli(coord, "devices")))
    worker_id = next(d["device_id"] for d in devices if d["role"] == "worker")
    ok(cli(coord, "revoke", "--device", worker_id))
    p = cli(worker, "sync")
    assert p.returncode == 1 and "ingetrokken" in p.stderr


def test_sync_without_enrolment_and_unreachable_store(tmp_path: Path) -> None:
    d = tmp_path / "v"
    ok(cli(d, "init"))
    p = cli(d, "sync")
    assert p.returncode == 1 and "niet ingeschreven" in p.stderr
    p = cli(d, "enrol", "--server", "http://127.0.0.1:9", fds={"--invite-fd": "geen.code"})
    assert p.returncode == 1 and "uitnodigingscode" in p.stderr.lower()
