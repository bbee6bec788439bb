"""`python -m app.server --data-dir DIR [--host H] [--port P] [--database-url URL]
[--trusted-proxy ADDR]…`: the store alone, without the client's code (the same store as
`python -m app serve`, with the same refusal of a password in --database-url)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.server import PASSWORD_IN_URL, serve, url_has_password


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m app.server", description="Brugfiguur central store")
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    p.add_argument("--database-url", default=None)
    p.add_argument(
        "--trusted-proxy",
        action="append",
        default=None,
        metavar="ADDR",
        help="address or network of a reverse proxy whose X-Forwarded-For is believed",
    )
    a = p.parse_args(argv)
    data_dir: Path = a.data_dir
    host: str = a.host
    port: int = a.port
    database_url: str | None = a.database_url
    trusted: list[str] | None = a.trusted_proxy
    if database_url is not None and url_has_password(database_url):
        print(PASSWORD_IN_URL, file=sys.stderr)
        return 2
    return serve(data_dir, host, port, database_url, trusted)


if __name__ == "__main__":
    sys.exit(main())
