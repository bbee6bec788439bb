"""`serve`: run the central store (docs/central-store.md)."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.cli.common import DataDirArgs, UsageError
from app.cli.framework import Secrets, arguments, command, option
from app.paths import DATA_DIR_ENV

DATABASE_URL_ENV = "BRUGFIGUUR_DATABASE_URL"  # the same name app.server reads


@arguments
class ServeArgs(DataDirArgs):
    data_dir: Path | None = option(
        "--data-dir",
        metavar="DIR",
        help="map van de opslag: databank, logs, eenmalige installatiesleutel "
        f"(standaard ${DATA_DIR_ENV})",
        default=None,
    )
    host: str = option(
        "--host",
        metavar="ADRES",
        help="luisteradres (standaard 127.0.0.1; zet de opslag achter een TLS-proxy)",
        default="127.0.0.1",
    )
    port: int = option("--port", metavar="POORT", help="poort (standaard 8470)", default=8470)
    database_url: str | None = option(
        "--database-url",
        metavar="URL",
        help=f"databank, bv. postgresql+psycopg://gebruiker@host/naam (standaard "
        f"${DATABASE_URL_ENV}, anders SQLite in de datamap). Nooit met een wachtwoord: dat "
        f"hoort in ${DATABASE_URL_ENV} of in ~/.pgpass, niet op de opdrachtregel",
        default=None,
    )
    trusted_proxy: tuple[str, ...] = option(
        "--trusted-proxy",
        metavar="ADRES",
        help="adres of netwerk van een reverse proxy waarvan X-Forwarded-For geloofd wordt "
        "(herhaalbaar; standaard $BRUGFIGUUR_TRUSTED_PROXIES, anders geen)",
        default=(),
    )


@contextmanager
def _term_interrupts() -> Iterator[None]:
    """SIGTERM stops the store like Ctrl+C. While it runs uvicorn handles both and shuts down
    gracefully; it raises the signal again afterwards, which then ends this command."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@command(
    "serve",
    ServeArgs,
    help="start de centrale opslag (achter een TLS-proxy zetten)",
    description="Start de centrale opslag van de organisatie (zie docs/central-store.md). "
    f"De datamap (--data-dir of ${DATA_DIR_ENV}) bevat de SQLite-databank, de logs en de "
    "eenmalige installatiesleutel. Stoppen met Ctrl+C of SIGTERM.",
)
def cmd_serve(args: ServeArgs, secrets: Secrets) -> int:
    from app.server import PASSWORD_IN_URL, serve, url_has_password

    explicit = args.data_dir or os.environ.get(DATA_DIR_ENV)
    if not explicit:
        raise UsageError(
            f"Geef de map van de opslag met --data-dir DIR (of ${DATA_DIR_ENV}); er werd niets "
            "gestart."
        )
    if args.database_url is not None and url_has_password(args.database_url):
        raise UsageError(PASSWORD_IN_URL)
    try:
        with _term_interrupts():
            return serve(
                Path(explicit),
                args.host,
                args.port,
                args.database_url,
                list(args.trusted_proxy) or None,
            )
    except KeyboardInterrupt:
        print("brugfiguur store: stopped", flush=True)
        return 0
