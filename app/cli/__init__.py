"""Command line: the GUI by default, and headless commands for scripting, support and tests.

Secrets are read from a prompt or from a file descriptor (`--passphrase-fd N`), never from the
command line. Exit codes: 0 ok, 2 wrong passphrase or recovery key, unusable vault or a command
called wrongly, 1 other errors. Messages to the worker go to stderr, in Dutch.

Adding a subcommand (say `report`):

1. Write `app/cli/report_command.py` with a typed arguments class and a handler::

       from app.cli.common import EXIT_OK, UnlockArgs, opened
       from app.cli.framework import Secrets, arguments, command, option

       @arguments
       class ReportArgs(UnlockArgs):          # --data-dir, --passphrase-fd, --recovery-key-fd
           year: int = option("--year", metavar="JAAR", help="het jaar van het rapport")
           out: Path | None = option("--out", metavar="BESTAND", help="…", default=None)

       @command("report", ReportArgs, help="één regel voor --help")
       def cmd_report(args: ReportArgs, secrets: Secrets) -> int:
           with opened(args, secrets) as u:   # the one unlock path; locks afterwards
               ...                             # args.year is an int, args.out a Path | None
           return EXIT_OK

   Base classes: `DataDirArgs` (no vault secret), `PassphraseArgs` (the passphrase only),
   `UnlockArgs` (passphrase or recovery key). Option types: see `app/cli/framework.py`.
2. Add the module's name to `COMMAND_MODULES` below (the order is the order in `--help`).
3. Document it in the README's command table with every option; `tests/e2e/
   test_documented_commands.py` fails until the row exists, and then runs the row as written,
   so give it a scenario there.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_VAULT,
    CliError,
    SecretSource,
    UsageError,
)
from app.cli.framework import Command, add_options, commands
from app.errors import BrugfiguurError, VaultError
from app.paths import DATA_DIR_ENV, AppPaths

log = logging.getLogger("brugfiguur.cli")

# Modules whose import registers their commands, in the order of --help.
COMMAND_MODULES = (
    "app.cli.vault_commands",
    "app.cli.field_commands",
    "app.cli.report_command",
    "app.cli.import_command",
    "app.cli.sync_commands",
    "app.cli.serve_command",
)

_DESCRIPTION = """\
Brugfiguur: versleutelde caseload voor outreachwerkers.

Zonder opdracht start de grafische toepassing. De opdrachten hieronder werken zonder venster
('brugfiguur OPDRACHT --help' toont hun opties). Wachtwoordzinnen en sleutels worden gevraagd,
of gelezen van een bestandsdescriptor (--passphrase-fd N), nooit van de opdrachtregel.

Afsluitcodes: 0 gelukt; 2 verkeerde wachtwoordzin of herstelsleutel, onbruikbare kluis of een
verkeerd gebruikte opdracht; 1 andere fouten.
"""


def _load_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name)


def build_parser() -> argparse.ArgumentParser:
    _load_commands()
    parser = argparse.ArgumentParser(
        prog="brugfiguur",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Brugfiguur {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=None,
        help=f"map van de kluis (standaard: ${DATA_DIR_ENV} of de gebruikersdatamap)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open een wegwerpkluis met fictieve gegevens (de wachtwoordzin staat op het scherm)",
    )
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for cmd in commands().values():
        p = sub.add_parser(
            cmd.name,
            help=cmd.help,
            description=cmd.description or cmd.help[:1].upper() + cmd.help[1:] + ".",
        )
        add_options(p, cmd.args)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    ns = parser.parse_args(argv)
    name: str | None = ns.command
    if name is None:
        from app.main import run_gui

        data_dir: Path | None = ns.data_dir
        demo: bool = ns.demo
        exit_when_shown: bool = ns.exit_when_shown
        return run_gui(AppPaths.resolve(data_dir), demo=demo, exit_when_shown=exit_when_shown)
    return run_command(commands()[name], ns)


def run_command(cmd: Command[object], ns: argparse.Namespace) -> int:
    """Run one subcommand with logging, and turn every error into a Dutch message and the
    documented exit code."""
    if cmd.name == "serve":  # the store logs to its own data dir
        return _run(cmd, ns, None)
    data_dir: Path | None = getattr(ns, "data_dir", None)
    paths = AppPaths.resolve(data_dir)
    from app.logs import setup_logging

    setup_logging(paths.log_dir)
    log.info("command %s", cmd.name)
    return _run(cmd, ns, paths)


def _run(cmd: Command[object], ns: argparse.Namespace, paths: AppPaths | None) -> int:
    secrets = SecretSource()
    where = paths.log_dir if paths is not None else "de logmap"
    try:
        return cmd.invoke(ns, secrets)
    except BrugfiguurError as exc:
        if paths is not None:  # `serve` logs nothing before its own log is set up
            log.warning("command %s failed: %s", cmd.name, type(exc).__name__)
        print(f"Fout: {exc.message}", file=sys.stderr)
        return EXIT_VAULT if isinstance(exc, VaultError) else exc.exit_code
    except KeyboardInterrupt:
        print("Afgebroken; er werd niets gewijzigd.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError) and paths is not None:
            from app.db.errors import translate

            err = translate(exc, paths.data_dir)
            print(f"Fout: {err.message}", file=sys.stderr)
            log.warning("command %s failed: database error", cmd.name)
            return EXIT_VAULT if isinstance(err, VaultError) else EXIT_ERROR
        log.exception("command %s crashed", cmd.name)
        print(
            f"Onverwachte fout ({type(exc).__name__}). Details staan in het logbestand in {where}.",
            file=sys.stderr,
        )
        return EXIT_ERROR


__all__ = [
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_VAULT",
    "CliError",
    "SecretSource",
    "UsageError",
    "build_parser",
    "main",
]
