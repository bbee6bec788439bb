"""The central store's HTTP API (docs/sync-protocol.md) as a Starlette application.

Each request: per-IP rate limit → body read with a size limit (413 while reading) → in a worker
thread: authentication (signature, revocation, clock, nonce; per-device rate limit) and the
operation, each in one database transaction → JSON response. Errors are `{"error": code}` and
never echo the request. The access log has method, path, status, device id, sizes and the
duration only.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import os
import secrets
import time
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import anyio.to_thread
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.server import wire
from app.server.db import checkpoint, make_engine, read_tx, upgrade, write_tx
from app.server.errors import ApiError, invalid
from app.server.faults import Faults
from app.server.ratelimit import Limits, TokenBuckets, retry_after
from app.server.store import Caller, SignedRequest, Store
from app.sync.codes import ErrorCode
from app.sync.protocol import (
    H_DEVICE,
    MAX_BODY_BYTES,
    OUTDATED_MESSAGE,
    PROTOCOL_VERSION,
    ProtocolError,
    uuid_str,
)

log = logging.getLogger("brugfiguur.server")
access = logging.getLogger("brugfiguur.server.access")

SETUP_TOKEN_FILE = "setup-token"  # noqa: S105 - a file name
H_SETUP_TOKEN = "X-Bf-Setup-Token"  # noqa: S105 - a header name
UNSIGNED_MAX_BODY = 64 * 1024


@dataclass(frozen=True)
class Ctx:
    """What a handler gets: the verified caller (signed endpoints), the parsed body, the path
    parameters and the raw query string."""

    caller: Caller | None
    body: Mapping[str, Any] | None
    params: Mapping[str, str]
    query: str
    headers: Mapping[str, str]
    now_ms: int


Handler = Callable[[Any, Ctx], tuple[int, dict[str, Any]]]


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    path: str
    handler: Handler
    signed: bool = True
    write: bool = True  # False: authenticate in its own transaction, then a read snapshot
    json_body: bool = True
    after_commit: str | None = None  # fault point between commit and response


def _setup_token_path(data_dir: Path) -> Path:
    return data_dir / SETUP_TOKEN_FILE


def ensure_setup_token(data_dir: Path, organisation_exists: bool) -> Path | None:
    """Create the one-time setup token (mode 0600) while no organisation exists; remove it
    once one does. Returns the file's path when a token is waiting to be used."""
    path = _setup_token_path(data_dir)
    if organisation_exists:
        path.unlink(missing_ok=True)
        return None
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_urlsafe(32) + "\n")
    return path


def _read_setup_token(data_dir: Path) -> str | None:
    try:
        value = _setup_token_path(data_dir).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return value or None


def _json_response(
    status: int, body: Mapping[str, Any], headers: Mapping[str, str] | None = None
) -> Response:
    return JSONResponse(dict(body), status_code=status, headers=dict(headers or {}))


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise invalid()
        if int(declared) > limit:
            raise ApiError(413, ErrorCode.TOO_LARGE)
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise ApiError(413, ErrorCode.TOO_LARGE)
        chunks.append(chunk)
    return b"".join(chunks)


def _target(request: Request) -> str:
    """The signed request target: the path, plus "?" and the raw query string if any."""
    query = request.scope.get("query_string", b"").decode("latin-1")
    path: str = request.scope["path"]
    return f"{path}?{query}" if query else path


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_proxies(values: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or networks (`10.0.0.5`, `10.0.0.0/24`) whose X-Forwarded-For is believed."""
    return tuple(ipaddress.ip_network(v.strip(), strict=False) for v in values if v.strip())


def _in(host: str, networks: tuple[Network, ...]) -> bool:
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(addr in n for n in networks)


def client_address(peer: str, forwarded_for: str | None, proxies: tuple[Network, ...]) -> str:
    """The address the per-IP rate limit counts: the TCP peer, unless the peer is a configured
    proxy; then the nearest X-Forwarded-For hop that is not itself a configured proxy. From
    anyone else the header is ignored, so a client cannot choose its own address."""
    if not forwarded_for or not _in(peer, proxies):
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return peer  # a malformed chain: count the proxy itself
        if not _in(hop, proxies):
            return hop
    return peer


def log_safe(text: str, limit: int = 200) -> str:
    """A request path as one harmless log token: anything outside printable ASCII (newlines,
    escapes, spaces) is escaped, so a path cannot start a forged log line."""
    out = "".join(
        c
        if 33 <= ord(c) <= 126 and c != "\\"
        else f"\\x{ord(c):02x}"
        if ord(c) < 256
        else f"\\u{ord(c):04x}"
        for c in text[:limit]
    )
    return out + ("..." if len(text) > limit else "")


def _claimed_device(request: Request) -> str:
    try:
        return uuid_str(request.headers.get(H_DEVICE), "device")
    except ProtocolError:
        return "-"


def create_app(
    database_url: str,
    *,
    data_dir: Path,
    clock: Callable[[], float] = time.time,
    limits: Limits | None = None,
    faults: Faults | None = None,
    trusted_proxies: Iterable[str] = (),
) -> Starlette:
    """The store on `database_url`, migrated to head (a newer database raises StoreTooNew)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    engine: Engine = make_engine(database_url)
    try:
        upgrade(engine)
        store_limits = limits or Limits()
        ip_buckets = TokenBuckets(store_limits.ip)
        device_buckets = TokenBuckets(store_limits.device)
        unsigned_buckets = TokenBuckets(store_limits.unsigned)
        store = Store(charge_device=device_buckets.take)
        proxies = parse_proxies(trusted_proxies)
        fault = faults if faults is not None else Faults.from_env()
        with read_tx(engine) as conn:
            exists = store.organisation_exists(conn)
        token_path = ensure_setup_token(data_dir, exists)
    except BaseException:
        engine.dispose()
        raise
    if token_path is not None:
        log.info("no organisation yet: the one-time setup token is in %s", token_path)
    if fault.armed:
        log.warning("fault injection armed at %s", fault.armed)

    def now_ms() -> int:
        return int(clock() * 1000)

    # --- handlers (run in a worker thread, inside a transaction) --------------------------------

    def h_health(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        conn.execute(text("SELECT 1"))
        return 200, {"status": "ok", "server_time_ms": ctx.now_ms}

    def h_organisation(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.body is not None
        if store.organisation_exists(conn):
            raise ApiError(409, ErrorCode.ORGANISATION_EXISTS)
        expected = _read_setup_token(data_dir)
        given = ctx.headers.get(H_SETUP_TOKEN, "")
        if expected is None or not secrets.compare_digest(
            given.encode("utf-8", "replace"), expected.encode("ascii")
        ):
            raise ApiError(403, ErrorCode.BAD_SETUP_TOKEN)
        return 201, store.bootstrap(conn, ctx.body, ctx.now_ms)

    def h_teams_get(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.caller is not None
        return 200, store.list_teams(conn, ctx.caller)

    def h_invites(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.caller is not None and ctx.body is not None
        return store.create_invite(conn, ctx.caller, ctx.body, ctx.now_ms)

    def h_enrol(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.body is not None
        return store.enrol(conn, ctx.body, ctx.now_ms)

    def h_devices(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.caller is not None
        return 200, store.list_devices(conn, ctx.caller)

    def h_log_get(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.caller is not None
        try:
            req = wire.log_query_in(ctx.query)
        except ProtocolError:
            raise invalid() from None
        return 200, store.read_log(conn, ctx.caller, req)

    def h_log_post(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.caller is not None and ctx.body is not None
        return 200, store.append_log(conn, ctx.caller, ctx.body, ctx.now_ms)

    def h_me(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.caller is not None
        return 200, store.me(conn, ctx.caller, ctx.now_ms)

    def h_push(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.caller is not None and ctx.body is not None
        try:
            req = wire.push_in(ctx.body)
        except ProtocolError:
            raise invalid() from None
        return 200, store.push(conn, ctx.caller, req, ctx.now_ms)

    def h_pull(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.caller is not None
        try:
            req = wire.pull_in(ctx.query)
        except ProtocolError:
            raise invalid() from None
        result = store.pull(conn, ctx.caller, req)
        fault.hit("mid_pull")
        return 200, result

    def h_purge(conn: Any, ctx: Ctx) -> tuple[int, dict[str, Any]]:
        assert ctx.caller is not None and ctx.body is not None
        try:
            req = wire.purge_in(ctx.body)
        except ProtocolError:
            raise invalid() from None
        return 200, store.purge(conn, ctx.caller, req, ctx.now_ms)

    v = f"/v{PROTOCOL_VERSION}"
    endpoints = [
        Endpoint(
            "health", "GET", f"{v}/health", h_health, signed=False, write=False, json_body=False
        ),
        Endpoint("organisation", "POST", f"{v}/organisation", h_organisation, signed=False),
        Endpoint("teams_list", "GET", f"{v}/teams", h_teams_get, write=False, json_body=False),
        Endpoint("invites", "POST", f"{v}/invites", h_invites),
        Endpoint(
            "enrol",
            "POST",
            f"{v}/enrol",
            h_enrol,
            signed=False,
            after_commit="after_enrol_before_response",
        ),
        Endpoint("devices", "GET", f"{v}/devices", h_devices, write=False, json_body=False),
        Endpoint("log_read", "GET", f"{v}/log", h_log_get, write=False, json_body=False),
        Endpoint(
            "log_append",
            "POST",
            f"{v}/log",
            h_log_post,
            after_commit="after_team_keys_before_response",
        ),
        Endpoint("me", "GET", f"{v}/me", h_me, write=False, json_body=False),
        Endpoint("push", "POST", f"{v}/push", h_push, after_commit="after_store_before_response"),
        Endpoint("pull", "GET", f"{v}/pull", h_pull, write=False, json_body=False),
        Endpoint(
            "purge", "POST", f"{v}/purge", h_purge, after_commit="after_purge_before_response"
        ),
    ]

    # --- the request pipeline ------------------------------------------------------------------

    def run(
        ep: Endpoint, req: SignedRequest, params: Mapping[str, str], query: str
    ) -> tuple[int, dict[str, Any]]:
        """In a worker thread: authenticate, parse and run one endpoint."""
        now = now_ms()

        def ctx(caller: Caller | None) -> Ctx:
            body: Mapping[str, Any] | None = None
            if ep.json_body:
                try:
                    body = wire.parse_json(req.body)
                except ProtocolError:
                    raise invalid() from None
            elif req.body:
                raise invalid()  # GETs and the revoke action carry no body
            if ep.name not in ("pull", "log_read") and query:
                raise invalid()  # only pull and the log take query parameters
            return Ctx(caller, body, params, query, req.headers, now)

        if ep.name == "push":
            fault.hit("before_store")
        caller: Caller | None = None
        if ep.write:
            with write_tx(engine) as conn:
                if ep.signed:
                    caller = store.authenticate(conn, req, now)
                result = ep.handler(conn, ctx(caller))
            if ep.name == "organisation":
                # Committed: the one-time token is spent.
                _setup_token_path(data_dir).unlink(missing_ok=True)
            if ep.name == "purge":
                # Committed: the erased ciphertext leaves the WAL too.
                checkpoint(engine)
            return result
        if ep.signed:
            with write_tx(engine) as conn:
                caller = store.authenticate(conn, req, now)
        request_ctx = ctx(caller)
        with read_tx(engine) as conn:
            return ep.handler(conn, request_ctx)

    def make(ep: Endpoint) -> Callable[[Request], Any]:
        limit = MAX_BODY_BYTES if ep.signed else UNSIGNED_MAX_BODY

        async def endpoint(request: Request) -> Response:
            started = time.perf_counter()
            size_in = 0
            device = _claimed_device(request)
            try:
                peer = request.client.host if request.client else "-"
                ip = client_address(peer, request.headers.get("x-forwarded-for"), proxies)
                wait = ip_buckets.take(ip)
                if wait <= 0 and not ep.signed and ep.name != "health":
                    wait = unsigned_buckets.take(ip)
                if wait > 0:
                    raise ApiError(
                        429, ErrorCode.RATE_LIMITED, headers={"Retry-After": retry_after(wait)}
                    )
                body = await _read_body(request, limit)
                size_in = len(body)
                signed = SignedRequest(request.headers, request.method, _target(request), body)
                params = {k: str(v) for k, v in request.path_params.items()}
                query = request.scope.get("query_string", b"").decode("latin-1")
                status, result = await anyio.to_thread.run_sync(
                    partial(run, ep, signed, params, query)
                )
                if ep.after_commit:
                    fault.hit(ep.after_commit)
                response = _json_response(status, result)
            except ApiError as exc:
                response = _json_response(exc.status, exc.body(), exc.headers)
            except IntegrityError:
                # Two instances created the same thing at once; the loser retries and sees it.
                response = _json_response(409, {"error": ErrorCode.CONFLICT})
            except OperationalError:
                log.exception("database unavailable on %s", ep.name)
                response = _json_response(
                    503, {"error": ErrorCode.UNAVAILABLE}, {"Retry-After": "5"}
                )
            except Exception:
                log.exception("internal error on %s", ep.name)
                response = _json_response(500, {"error": ErrorCode.INTERNAL})
            access.info(
                "%s %s %d device=%s in=%d out=%d ms=%.1f",
                log_safe(request.method, 10),
                log_safe(request.scope["path"]),
                response.status_code,
                device,
                size_in,
                len(response.body),
                (time.perf_counter() - started) * 1000,
            )
            return response

        return endpoint

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        code = {404: ErrorCode.NOT_FOUND, 405: ErrorCode.METHOD_NOT_ALLOWED}.get(
            status, ErrorCode.INVALID_REQUEST
        )
        headers = exc.headers if isinstance(exc, HTTPException) else None
        access.info(
            "%s %s %d device=- in=0 out=0",
            log_safe(request.method, 10),
            log_safe(request.scope["path"]),
            status,
        )
        return _json_response(status, {"error": code}, headers)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            engine.dispose()

    async def outdated(request: Request) -> Response:
        """Any v1 request: a clear refusal that names the protocol the store speaks."""
        access.info(
            "%s %s 426 device=%s in=0 out=0",
            log_safe(request.method, 10),
            log_safe(request.scope["path"]),
            _claimed_device(request),
        )
        return _json_response(
            426,
            {
                "error": ErrorCode.PROTOCOL_OUTDATED,
                "protocol": PROTOCOL_VERSION,
                "message": OUTDATED_MESSAGE,
            },
        )

    routes = [Route(ep.path, make(ep), methods=[ep.method], name=ep.name) for ep in endpoints]
    routes.append(Route("/v1/{rest:path}", outdated, methods=["GET", "POST"], name="v1"))
    app = Starlette(
        routes=routes, exception_handlers={HTTPException: http_error}, lifespan=lifespan
    )
    app.state.engine = engine
    return app
