"""Shared helpers for the sync convergence and fault-injection tests: laptops (real vaults with
a sync service whose transport records every answer), a store process that can be killed and
restarted on the same port and database, a loopback TCP proxy that drops or stalls connections,
and readers for the store's database."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine, event, text
from sqlalchemy import select as sa_select

from app.models import ContactMoment, OutboxEntry, Person
from app.paths import AppPaths
from app.services.field import FieldServices
from app.services.vault import OpenVault, VaultService
from app.sync.engine import SyncReport
from app.sync.service import SyncService
from app.sync.transport import HttpTransport
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.server.helpers import ROOT, LiveStore, free_port, wait_healthy

NOW = datetime(2026, 11, 20, 10, 0)
PERSON_FIELDS = Person.__sync_fields__
CONTACT_FIELDS = ContactMoment.__sync_fields__

Clock = Callable[[], float]


# --- a transport that remembers what the store answered -------------------------------------------


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str  # without query string
    answer: dict[str, Any]


Rewrite = Callable[[str, dict[str, Any]], dict[str, Any]]


class RecordingTransport(HttpTransport):
    """Records every answer; `rewrites` (path without query → function of the full path and
    the answer) lets a test play a store that lies in its answers."""

    def __init__(
        self,
        *args: Any,
        log: list[Exchange],
        rewrites: dict[str, Rewrite] | None = None,
        watch: TurnWatch | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._log = log
        self._rewrites = rewrites if rewrites is not None else {}
        self._watch = watch

    def request(
        self,
        method: str,
        path: str,
        body: Mapping[str, Any] | None = None,
        *,
        signed: bool = True,
        headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        if self._watch is not None:
            self._watch.network(path)
        answer = super().request(method, path, body, signed=signed, headers=headers)
        bare = path.split("?", 1)[0]
        rewrite = self._rewrites.get(bare)
        if rewrite is not None:
            answer = rewrite(path, answer)
        self._log.append(Exchange(method, bare, answer))
        return answer


# --- a vault lane for laptops that share their vault, as the app does -----------------------------


class TurnWatch:
    """The app's vault lane in miniature (`SyncService.use_vault_lane`): a turn is a lock, so
    the sync's vault steps stay serial with other threads' work. It records every statement a
    sync runs outside a turn and refuses a network call made inside one: in the app either
    would be a sync step that bypasses the vault lane or holds it while waiting on the store."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._local = threading.local()
        self.turns = 0
        self.syncing: int | None = None  # the thread running sync_once
        self.outside: list[str] = []  # statements a sync ran outside a turn

    def holding(self) -> bool:
        return bool(getattr(self._local, "depth", 0))

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._lock:
            depth = getattr(self._local, "depth", 0)
            self._local.depth = depth + 1
            self.turns += depth == 0
            try:
                yield
            finally:
                self._local.depth = depth

    def statement(self, statement: str) -> None:
        # On the syncing thread only: a lying store's rewrites (tests) read the vault from
        # the thread that fetches pages ahead.
        if self.syncing == threading.get_ident() and not self.holding():
            self.outside.append(statement.split("\n", 1)[0][:80])

    def network(self, path: str) -> None:
        assert not self.holding(), f"network call {path} while holding the vault's turn"


# --- laptops --------------------------------------------------------------------------------------


class Laptop:
    """A device: a real vault (fast KDF), its field services and a sync service whose
    transport records every answer of the store in `log`. `shared=True` syncs as the app does,
    each vault step in a turn of a `TurnWatch` (`watch`); `sync_once` then checks that no
    statement ran outside a turn and no network call inside one."""

    def __init__(
        self,
        root: Path,
        name: str,
        *,
        clock: Clock = time.time,
        timeout: float = 30.0,
        client_hooks: dict[str, list[Callable[..., Any]]] | None = None,
        shared: bool = False,
    ) -> None:
        self.name = name
        self.watch: TurnWatch | None = TurnWatch() if shared else None
        self.data_dir = root / name
        self.log: list[Exchange] = []
        self.rewrites: dict[str, Rewrite] = {}  # the store's answers as this laptop sees them
        self.clock = clock
        self.timeout = timeout
        self.client_hooks = client_hooks
        svc = VaultService(AppPaths(self.data_dir, self.data_dir / "logs"), kdf_params=FAST_KDF)
        self._attach(svc.create(PASSPHRASE, device_label=name).vault)

    @property
    def device_id(self) -> str:
        return self.vault.device.device_id

    def people(self) -> dict[str, tuple[Any, ...]]:
        """Every person row (tombstones too): synced fields and revision."""
        with self.vault.context.read() as s:
            return {
                p.id: (*(getattr(p, n) for n in PERSON_FIELDS), p.revision)
                for p in s.scalars(sa_select(Person))
            }

    def contacts(self) -> dict[str, tuple[Any, ...]]:
        with self.vault.context.read() as s:
            return {
                c.id: (*(getattr(c, n) for n in CONTACT_FIELDS), c.revision)
                for c in s.scalars(sa_select(ContactMoment))
            }

    def outbox(self) -> list[tuple[str, str, str]]:
        """Queued revisions of the data. Audit entries are left out: every lock, unlock and
        file opened writes one (they sync too; tests/server/test_team_work.py)."""
        with self.vault.context.read() as s:
            return [
                (e.record_type, e.record_id, e.revision)
                for e in s.scalars(
                    sa_select(OutboxEntry)
                    .where(OutboxEntry.record_type != "audit_entry")
                    .order_by(OutboxEntry.id)
                )
            ]

    def push_statuses(self) -> list[str]:
        return [
            str(r["status"])
            for x in self.log
            if x.path == "/v2/push"
            for r in x.answer.get("results", [])
        ]

    def statuses_of(self, queued: list[tuple[str, str, str]]) -> list[str]:
        """The store's latest answer for each of these queued revisions, in their order (a
        pass may push more, e.g. its own audit entry)."""
        latest = {
            str(r["revision"]): str(r["status"])
            for x in self.log
            if x.path == "/v2/push"
            for r in x.answer.get("results", [])
        }
        return [latest.get(rev, "never pushed") for _, _, rev in queued]

    def sync_once(self) -> SyncReport:
        if self.watch is None:
            return self.sync.sync_once(confirm_mass_deletion=True)
        self.watch.syncing = threading.get_ident()
        try:
            return self.sync.sync_once(confirm_mass_deletion=True)
        finally:
            self.watch.syncing = None
            outside, self.watch.outside = self.watch.outside, []
            assert not outside, f"vault statements outside a turn: {outside[:3]}"

    def close(self) -> None:
        self.sync.close()
        if self.vault.is_open:
            self.vault.lock()

    def reopen(self) -> None:
        """Lock and unlock again (as after a crash or a restart of the app)."""
        self.close()
        svc = VaultService(AppPaths(self.data_dir, self.data_dir / "logs"), kdf_params=FAST_KDF)
        self._attach(svc.unlock(PASSPHRASE))

    def _attach(self, vault: OpenVault) -> None:
        self.vault: OpenVault = vault
        self.field: FieldServices = FieldServices(vault, now=lambda: NOW)

        def factory(
            url: str, device_id: str | None, key: Ed25519PrivateKey | None
        ) -> HttpTransport:
            client = httpx.Client(
                base_url=url.rstrip("/"), timeout=self.timeout, event_hooks=self.client_hooks
            )
            return RecordingTransport(
                url,
                device_id=device_id,
                sign_key=key,
                clock=self.clock,
                log=self.log,
                rewrites=self.rewrites,
                watch=self.watch,
                client=client,
            )

        self.sync: SyncService = SyncService(
            vault.context, transport_factory=factory, clock=self.clock
        )
        if self.watch is not None:
            watch = self.watch
            self.sync.use_vault_lane(watch.turn)
            event.listen(
                vault.context.engine,
                "before_cursor_execute",
                lambda _conn, _cursor, statement, *_rest: watch.statement(statement),
            )


def organisation(url: str, token: str, coord: Laptop, team: str = "Team Noord") -> str:
    coord.sync.create_organisation(url, token, "Outreach Gent")
    return coord.sync.create_team(team)


def enrol(coord: Laptop, laptop: Laptop, url: str, team_ids: list[str]) -> None:
    laptop.sync.enrol(url, coord.sync.create_invite(team_ids))
    coord.sync.approve_pending()
    laptop.sync_once()  # fetches its team keys


def sync_until_quiet(laptops: list[Laptop], max_rounds: int = 8) -> int:
    """Sync every laptop in turn until a whole round pushes nothing (no revision, no purge)
    and every outbox is empty: then every laptop has pulled the store's final state. Returns
    the rounds used."""
    for n in range(1, max_rounds + 1):
        reports = [lt.sync_once() for lt in laptops]
        pushed = sum(r.pushed + r.purges_pushed for r in reports)
        if pushed == 0 and not any(lt.outbox() for lt in laptops):
            return n
    raise AssertionError(f"sync did not become quiet in {max_rounds} rounds")


# --- a store process that can be killed and restarted on the same port ----------------------------


_GENEROUS = (
    "import sys, uvicorn; from pathlib import Path; "
    "from app.server import _setup_logging; from app.server.app import create_app; "
    "from app.server.ratelimit import Limits, Rate; "
    "d = Path({data_dir!r}); _setup_logging(d / 'logs'); big = Rate(1e6, 1e6); "
    "import os; url = os.environ['BRUGFIGUUR_DATABASE_URL']; "
    "app = create_app(url, data_dir=d, limits=Limits(big, big, big)); "
    "uvicorn.run(app, host='127.0.0.1', port={port}, log_config=None, access_log=False)"
)
_REAL = (
    "import sys; from pathlib import Path; from app.server import serve; "
    "sys.exit(serve(Path({data_dir!r}), '127.0.0.1', {port}, None))"
)


class StoreProcess:
    """The real store in a subprocess on 127.0.0.1, on a port that stays the same across
    restarts (devices keep their server URL). `generous=True` lifts the rate limits (for tests
    that enrol many devices from one address); otherwise it is exactly `app.server.serve`."""

    def __init__(self, data_dir: Path, database_url: str, *, generous: bool = False) -> None:
        self.data_dir = data_dir
        self.database_url = database_url
        self.generous = generous
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.output = data_dir.parent / f"store-output-{self.port}.txt"
        data_dir.mkdir(parents=True, exist_ok=True)

    def token(self) -> str:
        return (self.data_dir / "setup-token").read_text().strip()

    def start(self, fault: str | None = None) -> StoreProcess:
        assert self.process is None or self.process.poll() is not None
        env = {k: v for k, v in os.environ.items() if k != "BRUGFIGUUR_FAULT"}
        env["PYTHONPATH"] = str(ROOT)
        # In the environment, never on the command line: a PostgreSQL URL holds a password.
        env["BRUGFIGUUR_DATABASE_URL"] = self.database_url
        if fault:
            env["BRUGFIGUUR_FAULT"] = fault
        code = (_GENEROUS if self.generous else _REAL).format(
            data_dir=str(self.data_dir), port=self.port
        )
        deadline = time.monotonic() + 20
        while True:  # the port can take a moment to come free after a kill
            with self.output.open("ab") as out:
                self.process = subprocess.Popen(
                    [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=out, stderr=out
                )
            try:
                wait_healthy(self.base_url, self.process, timeout=30)
                return self
            except RuntimeError:
                if self.process.poll() is None or time.monotonic() > deadline:
                    self.stop()
                    raise
                time.sleep(0.2)

    def killed(self, timeout: float = 10.0) -> bool:
        """Wait for the process to die of its armed fault (SIGKILL)."""
        assert self.process is not None
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return self.process.returncode == -signal.SIGKILL

    def stop(self) -> None:
        p = self.process
        if p is None or p.poll() is not None:
            return
        p.terminate()
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

    def restart(self, fault: str | None = None) -> StoreProcess:
        self.stop()
        return self.start(fault)

    def live(self) -> LiveStore:
        assert self.process is not None
        return LiveStore(self.base_url, self.data_dir, self.process, self.output)


@contextmanager
def store_process(
    data_dir: Path, database_url: str, *, generous: bool = False, fault: str | None = None
) -> Iterator[StoreProcess]:
    sp = StoreProcess(data_dir, database_url, generous=generous)
    try:
        yield sp.start(fault)
    finally:
        sp.stop()


# --- the store's database, read from outside ------------------------------------------------------


def store_records(database_url: str) -> list[tuple[str, str, str, int]]:
    """(record_type, record_id, revision, seq) of every stored leaf."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT record_type, record_id, revision, seq FROM records ORDER BY seq")
            ).all()
            return [(str(a), str(b), str(c), int(d)) for a, b, c, d in rows]
    finally:
        engine.dispose()


def store_execute(database_url: str, sql: str, params: Mapping[str, Any]) -> Any:
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), dict(params))
            return result.all() if result.returns_rows else result.rowcount
    finally:
        engine.dispose()


# --- a loopback TCP proxy that can drop or stall connections --------------------------------------


class Proxy:
    """Forwards 127.0.0.1:<port> to the store. Modes, checked on every chunk a client sends:
    `pass`; `drop` (close the connection without an answer); `stall` (hold it, answer nothing,
    close after `stall_s`); `cut_push` (forward a push, swallow the store's answer, close: the
    store stored it but the device never hears of it). Threads are daemons and every
    wait is bounded."""

    def __init__(self, target_port: int, *, stall_s: float = 3.0) -> None:
        self.target = ("127.0.0.1", target_port)
        self.mode = "pass"
        self.stall_s = stall_s
        self.connections = 0
        self._stop = threading.Event()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.2)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, daemon=True)
        self._accepter.start()

    def close(self) -> None:
        self._stop.set()
        self._accepter.join(timeout=5)
        self._listener.close()
        for t in self._threads:
            t.join(timeout=5)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        swallow = False
        try:
            client.settimeout(5)
            deadline = time.monotonic() + 120
            while not self._stop.is_set() and time.monotonic() < deadline:
                socks = [client] if upstream is None else [client, upstream]
                ready, _, _ = select.select(socks, [], [], 0.1)
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    if sock is client:
                        mode = self.mode
                        if mode == "drop":
                            return
                        if mode == "stall":
                            self._stop.wait(self.stall_s)
                            return
                        if mode == "cut_push" and data.startswith(b"POST /v2/push"):
                            swallow = True
                        if upstream is None:
                            upstream = socket.create_connection(self.target, timeout=5)
                        upstream.sendall(data)
                    else:
                        if swallow:
                            return  # the store answered; the device never hears it
                        client.sendall(data)
        except OSError:
            return
        finally:
            with suppress(OSError):
                client.close()
            if upstream is not None:
                with suppress(OSError):
                    upstream.close()


# --- a sync in another process, killed at a client fault point ------------------------------------

_CLIENT_SYNC = (
    "from pathlib import Path; from app.paths import AppPaths; "
    "from app.services.vault import VaultService; from app.sync.service import SyncService; "
    "from tests.conftest import FAST_KDF, PASSPHRASE; "
    "d = Path({data_dir!r}); "
    "v = VaultService(AppPaths(d, d / 'logs'), kdf_params=FAST_KDF).unlock(PASSPHRASE); "
    "SyncService(v.context).sync_once(confirm_mass_deletion=True); v.lock(); print('done')"
)


def sync_in_subprocess(laptop: Laptop, fault: str) -> subprocess.CompletedProcess[str]:
    """Lock the laptop's vault, run one sync of it in a child process with
    BRUGFIGUUR_CLIENT_FAULT armed (the child dies of SIGKILL there), unlock it again."""
    laptop.close()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["BRUGFIGUUR_CLIENT_FAULT"] = fault
    try:
        return subprocess.run(
            [sys.executable, "-c", _CLIENT_SYNC.format(data_dir=str(laptop.data_dir))],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        laptop.reopen()
