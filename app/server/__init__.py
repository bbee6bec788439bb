"""The central store service (DESIGN.md §6, docs/sync-protocol.md, docs/central-store.md).

`serve()` is the entry point behind `python -m app serve` and `python -m app.server`. No Qt.
"""

from __future__ import annotations

import ipaddress
import logging
import logging.handlers
import os
import sys
from pathlib import Path

DATABASE_URL_ENV = "BRUGFIGUUR_DATABASE_URL"
TRUSTED_PROXIES_ENV = "BRUGFIGUUR_TRUSTED_PROXIES"  # comma-separated addresses or networks
PASSWORD_IN_URL = (
    "Zet geen wachtwoord in --database-url: iedereen op deze machine ziet de opdrachtregel "
    f"(ps). Gebruik ${DATABASE_URL_ENV} of ~/.pgpass; er werd niets gestart."
)


def url_has_password(url: str) -> bool:
    """A database URL with a password in it (which must not be given on a command line)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).password is not None
    except ArgumentError:
        return False  # the store reports a bad URL itself


LOG_FILE = "store.log"
LOG_MAX_BYTES = 5_000_000
LOG_BACKUPS = 10

log = logging.getLogger("brugfiguur.server")


def _setup_logging(log_dir: Path) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    for noisy in ("sqlalchemy", "alembic", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # uvicorn's own access log would add client addresses and query strings; ours is leaner.
    logging.getLogger("uvicorn.access").disabled = True
    return path


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    data_dir: Path,
    host: str,
    port: int,
    database_url: str | None,
    trusted_proxies: list[str] | None = None,
) -> int:
    """Run the central store until interrupted; the process exit code.

    `database_url` None means env BRUGFIGUUR_DATABASE_URL, else SQLite in data_dir/store.db.
    `trusted_proxies` None means env BRUGFIGUUR_TRUSTED_PROXIES (comma-separated), else none:
    X-Forwarded-For is believed only from those addresses or networks.
    Logs go to data_dir/logs/store.log (rotated). Nothing secret is printed: when no
    organisation exists yet, only the path of the one-time setup token file is shown.
    """
    import uvicorn

    from app.server.app import create_app
    from app.server.db import StoreTooNew, default_database_url

    os.umask(0o077)  # the database, its WAL, the token and the logs: owner only
    data_dir = data_dir.expanduser().resolve()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    log_path = _setup_logging(data_dir / "logs")
    url = database_url or os.environ.get(DATABASE_URL_ENV) or default_database_url(data_dir)
    proxies = (
        trusted_proxies
        if trusted_proxies is not None
        else os.environ.get(TRUSTED_PROXIES_ENV, "").split(",")
    )
    try:
        app = create_app(url, data_dir=data_dir, trusted_proxies=proxies)
    except StoreTooNew:
        print(
            "brugfiguur store: the database was created by a newer version; not starting",
            file=sys.stderr,
        )
        log.error("refusing to start: database newer than this store")
        return 2
    except Exception as exc:  # a bad URL or an unreachable database
        print(f"brugfiguur store: cannot open the database ({type(exc).__name__})", file=sys.stderr)
        log.exception("cannot open the database")
        return 1
    token = data_dir / "setup-token"
    if token.exists():
        print(f"brugfiguur store: no organisation yet; the one-time setup token is in {token}")
    if not _is_loopback(host):
        print(
            "brugfiguur store: warning: listening beyond loopback; the store speaks plain HTTP "
            "and belongs behind a TLS reverse proxy",
            file=sys.stderr,
        )
    print(f"brugfiguur store: listening on http://{host}:{port} (log: {log_path})", flush=True)
    log.info("starting on %s:%d (%s)", host, port, url.split(":", 1)[0])
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,
        access_log=False,
        proxy_headers=False,  # the store reads X-Forwarded-For itself, from its proxies only
        server_header=False,
        timeout_graceful_shutdown=10,
    )
    server = uvicorn.Server(config)
    server.run()
    return 0 if server.started else 1
