"""`python -m app`: the GUI by default, headless subcommands for scripting (see --help)."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
