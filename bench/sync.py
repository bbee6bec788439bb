"""Sync figures (DESIGN.md §9: first sync of a new device < 30 s, 100 changes < 1 s, loopback).

    python bench/sync.py [--clients 5000] [--contacts 50] [--database-url URL] [--devices 50]

A PostgreSQL URL holds a password: give it in BRUGFIGUUR_DATABASE_URL rather than on the
command line (it reaches the store process by environment too).

Starts the real central store in a subprocess on 127.0.0.1 (SQLite in a temporary directory,
or the PostgreSQL database given with --database-url; its rate limits are lifted, since here
every device shares one address and 50 enrolments would otherwise wait minutes). A coordinator
vault is filled with `generate_demo` (the same generator as `python -m app demo`), pushes
everything, and a freshly enrolled device pulls the whole team. Then 100 edits travel from
one device to the other, and 50 lightweight devices (each with its own signing key, signing
its own requests) push and pull at once in a team of their own.
Prints one `name: value unit` line per figure; `#` lines are remarks.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from _common import BENCH_PASSPHRASE, ROOT, report, scratch_dir
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy import inspect as sa_inspect

from app.crypto.kdf import KdfParams
from app.models import MODEL_BY_TYPE, ContactPerson, OutboxEntry, Person
from app.paths import AppPaths
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.local_index import rebuild_people
from app.services.vault import OpenVault, VaultService
from app.services.vocabularies import builtin
from app.sync import envelope
from app.sync.apply import insert_rows
from app.sync.engine import PULL_PAGE, PULL_TRANSACTION_RECORDS
from app.sync.protocol import b64d, b64e, enrolment_proof, parse_invite
from app.sync.service import SyncService
from app.sync.transport import HttpTransport

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)

_STORE = (
    "import uvicorn; from pathlib import Path; "
    "from app.server import _setup_logging; from app.server.app import create_app; "
    "from app.server.ratelimit import Limits, Rate; "
    "d = Path({data_dir!r}); _setup_logging(d / 'logs'); big = Rate(1e6, 1e6); "
    "import os; url = os.environ['BRUGFIGUUR_DATABASE_URL']; "
    "app = create_app(url, data_dir=d, limits=Limits(big, big, big)); "
    "uvicorn.run(app, host='127.0.0.1', port={port}, log_config=None, access_log=False)"
)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_store(data_dir: Path, url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    # The URL (a PostgreSQL one holds a password) goes by environment, not command line.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRUGFIGUUR_DATABASE_URL": url}
    env.pop("BRUGFIGUUR_FAULT", None)
    log = (data_dir / "store-output.txt").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-c", _STORE.format(data_dir=str(data_dir), port=port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the store exited with {proc.returncode}")
        try:
            if httpx.get(base + "/v2/health", timeout=1.0).status_code == 200:
                return proc, base
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the store did not start")


def new_vault(root: Path, name: str) -> OpenVault:
    d = root / name
    return (
        VaultService(AppPaths(d, d / "logs"), kdf_params=FAST)
        .create(BENCH_PASSPHRASE, device_label=name)
        .vault
    )


def count(vault: OpenVault, model: Any) -> int:
    with vault.context.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def plain_bulk_insert(source: OpenVault, target: OpenVault) -> float:
    """Seconds to insert every synced record of `source` into the empty `target` directly,
    then rebuild the local indexes of every person (what a first sync ends up writing)."""
    tables: list[tuple[Any, list[dict[str, Any]]]] = []
    with source.context.read() as s:
        for model in [*MODEL_BY_TYPE.values(), ContactPerson]:
            keys = [a.key for a in sa_inspect(model).column_attrs]
            rows = [{k: getattr(r, k) for k in keys} for r in s.scalars(select(model))]
            tables.append((model, rows))
    start = time.perf_counter()
    step = PULL_TRANSACTION_RECORDS
    for model, rows in tables:
        for i in range(0, len(rows), step):
            with target.context.transaction(durable=False) as s:
                insert_rows(s, model, rows[i : i + step])
    with target.context.transaction() as s:
        ids = list(s.scalars(select(Person.id)))
    with target.context.transaction() as s:
        rebuild_people(s, builtin(), ids)
    return time.perf_counter() - start


def verify_log_once(sync: SyncService) -> int:
    """Verify the device's stored membership log from genesis (what every sync does for the
    statements it has not seen; here all of them); the number of statements."""
    from app.models import TrustState, TrustStatement
    from app.sync import trust

    with sync.link.ctx.read() as s:
        state = s.scalars(select(TrustState)).one()
        query = select(TrustStatement).order_by(TrustStatement.seq)
        rows = [r.statement for r in s.scalars(query)]
    trust.verify_log(rows, state.root_fingerprint)
    return len(rows)


# --- 50 lightweight devices ---------------------------------------------------------------------


@dataclass
class LightDevice:
    device_id: str
    sign: Ed25519PrivateKey
    kem: X25519PrivateKey
    transport: HttpTransport
    key: bytes = b""
    cursor: int = 0

    def public(self, label: str) -> dict[str, str]:
        def raw(k: Any) -> bytes:
            out: bytes = k.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw
            )
            return out

        return {
            "device_id": self.device_id,
            "label": label,
            "sign_public_key": b64e(raw(self.sign)),
            "kem_public_key": b64e(raw(self.kem)),
        }


def light_devices(base: str, coord: SyncService, team: str, n: int) -> list[LightDevice]:
    devices = []
    for i in range(n):
        invite = parse_invite(coord.create_invite([team]))
        sign, kem = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
        device_id = str(uuid.uuid4())
        d = LightDevice(
            device_id, sign, kem, HttpTransport(base, device_id=device_id, sign_key=sign)
        )
        public = d.public(f"bench-{i}")
        d.transport.post(
            "/v2/enrol",
            {
                "invite_id": invite.invite_id,
                "device": public,
                "proof": b64e(enrolment_proof(invite.secret, public)),
            },
            signed=False,
        )
        devices.append(d)
    coord.approve_pending()
    for d in devices:
        me = d.transport.get("/v2/me")
        w = next(w for w in me["wrapped_keys"] if w["team_id"] == team)
        d.key = envelope.unwrap_team_key(
            b64d(w["wrapped"], max_bytes=256),
            team_id=team,
            epoch=int(w["epoch"]),
            recipient_id=d.device_id,
            recipient_private=d.kem,
        )
    return devices


def device_cycle(d: LightDevice, team: str, records: int) -> None:
    """Push a few new records, then pull everything new (all pages)."""
    revisions = []
    for _ in range(records):
        meta = envelope.RecordMeta(
            team, "person", str(uuid.uuid4()), os.urandom(32).hex(), (), d.device_id, 1
        )
        payload = {"fields": {"alias": "Bench", "note": "x" * 200}, "clocks": {}, "meta": {}}
        revisions.append(
            {
                "record_type": meta.record_type,
                "record_id": meta.record_id,
                "revision": meta.revision,
                "parents": [],
                "epoch": 1,
                "ciphertext": b64e(envelope.seal_record(d.key, meta, payload)),
            }
        )
    d.transport.post("/v2/push", {"team_id": team, "revisions": revisions})
    while True:
        page = d.transport.get(f"/v2/pull?team={team}&after={d.cursor}&limit=500")
        d.cursor = int(page["next_after"])
        if not page.get("more"):
            return


def concurrent(devices: list[LightDevice], team: str, cycles: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    barrier = threading.Barrier(len(devices))

    def run(d: LightDevice) -> None:
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=30)
        for _ in range(cycles):
            start = time.perf_counter()
            try:
                device_cycle(d, team, 5)
            except Exception:  # counted, not raised: the figure is the error count
                with lock:
                    errors[0] += 1
                continue
            with lock:
                latencies.append(time.perf_counter() - start)

    threads = [threading.Thread(target=run, args=(d,), daemon=True) for d in devices]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 300
    for t in threads:
        t.join(timeout=max(0.0, deadline - time.monotonic()))
    errors[0] += sum(cycles for t in threads if t.is_alive())  # still stuck: counted as failed
    return latencies, errors[0]


# --- the run ------------------------------------------------------------------------------------


def run(root: Path, clients: int, contacts: int, database_url: str | None, n_devices: int) -> None:
    url = database_url or f"sqlite:///{root / 'store' / 'store.db'}"
    proc, base = start_store(root / "store", url)
    try:
        coord_vault = new_vault(root, "coordinator")
        coord = SyncService(coord_vault.context)
        coord.create_organisation(base, (root / "store" / "setup-token").read_text(), "Bench")
        team = coord.create_team("Demoteam")

        start = time.perf_counter()
        summary = generate_demo(FieldServices(coord_vault), clients, contacts_per_person=contacts)
        report("demo_generation_s", time.perf_counter() - start, "s", "{:.2f}")
        records = count(coord_vault, OutboxEntry)
        print(
            f"# demo team: {clients} people, {summary.contacts} contact moments, "
            f"{records} records in all ({'PostgreSQL' if database_url else 'SQLite'} store)"
        )
        report("first_sync_records", records, "count", "{:.0f}")

        start = time.perf_counter()
        coord.sync_once()
        report("first_sync_push_s", time.perf_counter() - start, "s", "{:.2f}")
        print("# (the coordinator's whole first sync: push everything, pull its own back)")

        new = new_vault(root, "nieuwe-laptop")
        new_sync = SyncService(new.context)
        new_sync.enrol(base, coord.create_invite([team]))
        coord.approve_pending()
        start = time.perf_counter()
        first = new_sync.sync_once()
        pull = time.perf_counter() - start
        got = count(new, Person)
        pages = max(1, -(-first.pulled // PULL_PAGE))
        report("first_sync_pull_new_device_s", pull, "s", "{:.2f}")
        report("first_sync_records_per_s", records / pull, "records/s", "{:.0f}")
        report("first_sync_people_on_new_device", got, "count", "{:.0f}")
        print(
            "# verification (protocol v2) = checking each pulled item's device against the "
            "verified roster and each purge's signature; the membership log itself is "
            "verified once per sync"
        )
        report("pull_verification_ms_per_page", first.verify_s * 1000 / pages, "ms", "{:.2f}")
        start = time.perf_counter()
        log_statements = verify_log_once(new_sync)
        report(
            f"log_verification_{log_statements}_statements_ms",
            (time.perf_counter() - start) * 1000,
            "ms",
            "{:.1f}",
        )
        bulk = plain_bulk_insert(new, new_vault(root, "bulk-insert"))
        print(
            "# plain local bulk insert = the same records copied from the new device into a "
            "fresh vault (executemany, as many per transaction as a pull) and its local indexes "
            "rebuilt: the first sync without network, store, decryption or merge checks"
        )
        report("local_bulk_insert_s", bulk, "s", "{:.2f}")
        report("first_sync_vs_bulk_insert_ratio", pull / bulk, "x", "{:.2f}")

        # 100 changes on the new device travel to the coordinator.
        field = FieldServices(new)
        with new.context.read() as s:
            ids = list(s.scalars(select(Person.id).limit(100)))
        if len(ids) < 100:
            print(f"# only {len(ids)} people: the 100 edits revisit them (use --clients >= 100)")
        for i in range(100):
            field.people.update(ids[i % len(ids)], note=f"Bijgewerkt {i} {time.time_ns()}")
        start = time.perf_counter()
        new_sync.sync_once()
        pushed = time.perf_counter() - start
        start = time.perf_counter()
        coord.sync_once()
        pulled = time.perf_counter() - start
        print("# incremental = the editing device's sync (push 100) + the other's (pull 100)")
        report("incremental_push_100_changes_s", pushed, "s", "{:.3f}")
        report("incremental_pull_100_changes_s", pulled, "s", "{:.3f}")
        report("incremental_sync_100_changes_s", pushed + pulled, "s", "{:.3f}")
        new_sync.close()
        new.lock()

        bench_team = coord.create_team("Bankteam")
        devices = light_devices(base, coord, bench_team, n_devices)
        latencies, errors = concurrent(devices, bench_team, cycles=3)
        print(
            f"# {n_devices} devices at once, 3 cycles each: push 5 records, pull all new "
            "(latency per cycle)"
        )
        if latencies:
            q = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else latencies * 19
            report(
                f"concurrent_{n_devices}_p50_ms",
                statistics.median(latencies) * 1000,
                "ms",
                "{:.0f}",
            )
            report(f"concurrent_{n_devices}_p95_ms", q[18] * 1000, "ms", "{:.0f}")
        report(f"concurrent_{n_devices}_errors", errors, "count", "{:.0f}")
        for d in devices:
            d.transport.close()
        coord.close()
        coord_vault.lock()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=5000)
    ap.add_argument("--contacts", type=int, default=50, help="contact moments per person")
    ap.add_argument(
        "--database-url",
        default=os.environ.get("BRUGFIGUUR_DATABASE_URL"),
        help="PostgreSQL URL; better in $BRUGFIGUUR_DATABASE_URL (default: SQLite)",
    )
    ap.add_argument("--devices", type=int, default=50)
    args = ap.parse_args()
    with scratch_dir("sync") as d:
        run(d, args.clients, args.contacts, args.database_url, args.devices)


if __name__ == "__main__":
    main()
