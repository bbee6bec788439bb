"""`python -m app.server --data-dir DIR [--host H] [--port P] [--database-url URL]`."""

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
    a = p.parse_args(argv)
    return serve(a.data_dir, a.host, a.port, a.database_url)


if __name__ == "__main__":
    sys.exit(main())
