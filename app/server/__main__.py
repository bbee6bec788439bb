"""`python -m app.server --data-dir DIR [--host H] [--port P] [--database-url URL]
[--trusted-proxy ADDR]…`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.server import serve


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
    return serve(a.data_dir, a.host, a.port, a.database_url, a.trusted_proxy)


if __name__ == "__main__":
    sys.exit(main())
