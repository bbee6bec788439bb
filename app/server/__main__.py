"""`python -m app.server …`: the same typed `serve` command as `python -m app serve …` (one
parser, one set of checks: a password in --database-url is refused on both)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from app.cli import main as cli_main

    return cli_main(["serve", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
