"""What the commands share: exit codes, secrets from file descriptors or a prompt, the common
options and the one unlock path."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.cli.framework import Secrets, arguments, option
from app.errors import BrugfiguurError
from app.paths import DATA_DIR_ENV, AppPaths

if TYPE_CHECKING:
    from app.services.vault import OpenVault, VaultService

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_VAULT = 2


class CliError(BrugfiguurError):
    """A problem with how a command was called (exit 1)."""


class UsageError(BrugfiguurError):
    """A command that cannot run as called, such as `serve` without a data directory (exit 2)."""

    exit_code = 2


class SecretSource:
    """Reads secrets line by line from file descriptors, or prompts on a terminal.

    Several secrets may come from one descriptor, one line each (`--passphrase-fd 3
    --new-passphrase-fd 3`)."""

    def __init__(self) -> None:
        self._files: dict[int, TextIO] = {}

    def read(self, fd: int | None, prompt: str) -> str:
        if fd is not None:
            fh = self._files.get(fd)
            if fh is None:
                try:
                    fh = os.fdopen(fd, "r", encoding="utf-8", closefd=False)
                except OSError as exc:
                    raise CliError(f"Bestandsdescriptor {fd} kan niet gelezen worden.") from exc
                self._files[fd] = fh
            try:
                line = fh.readline()
            except (OSError, UnicodeDecodeError) as exc:
                raise CliError(f"Bestandsdescriptor {fd} kan niet gelezen worden.") from exc
            if not line:
                raise CliError(f"Geen geheim ontvangen op bestandsdescriptor {fd}.")
            return line[:-1] if line.endswith("\n") else line
        if not sys.stdin.isatty():
            raise CliError(
                "Geen terminal om de wachtwoordzin of sleutel te vragen: geef hem via een "
                "bestandsdescriptor (--passphrase-fd N, --recovery-key-fd N …)."
            )
        import getpass

        return getpass.getpass(prompt)


_DATA_DIR_HELP = f"map van de kluis (standaard: ${DATA_DIR_ENV} of de gebruikersdatamap)"


@arguments
class DataDirArgs:
    """Every command that works on a data directory."""

    data_dir: Path | None = option("--data-dir", metavar="DIR", help=_DATA_DIR_HELP, default=None)

    @property
    def paths(self) -> AppPaths:
        return AppPaths.resolve(self.data_dir)


@arguments
class PassphraseArgs(DataDirArgs):
    """Commands that need the passphrase itself (a new one for `init`, a confirmation for
    `erase-person`): no recovery key."""

    passphrase_fd: int | None = option(
        "--passphrase-fd",
        metavar="N",
        help="lees de wachtwoordzin (één regel) van bestandsdescriptor N in plaats van te vragen",
        default=None,
    )


@arguments
class UnlockArgs(PassphraseArgs):
    """Commands that open the vault: by passphrase or by recovery key."""

    recovery_key_fd: int | None = option(
        "--recovery-key-fd",
        metavar="N",
        help="ontgrendel met de herstelsleutel (noodsleutel), gelezen van bestandsdescriptor N",
        default=None,
    )


def vault_service(paths: AppPaths) -> VaultService:
    from app.services.vault import VaultService

    return VaultService(paths)


@dataclass
class Unlocked:
    vault: OpenVault
    passphrase: str | None  # None when opened with the recovery key


def unlock(args: PassphraseArgs, secrets: Secrets, service: VaultService | None = None) -> Unlocked:
    """The one unlock path: by recovery key when `--recovery-key-fd` is given, else by
    passphrase. On a terminal (no descriptor) three tries, with the vault's growing delay."""
    from app.errors import WrongPassphrase, WrongRecoveryKey

    service = service or vault_service(args.paths)
    recovery_fd = args.recovery_key_fd if isinstance(args, UnlockArgs) else None
    tries = 3 if (args.passphrase_fd is None and recovery_fd is None) else 1
    for attempt in range(tries):
        try:
            if recovery_fd is not None:
                key = secrets.read(recovery_fd, "Herstelsleutel: ")
                return Unlocked(service.unlock_with_recovery_key(key), None)
            passphrase = secrets.read(args.passphrase_fd, "Wachtwoordzin: ")
            return Unlocked(service.unlock(passphrase), passphrase)
        except (WrongPassphrase, WrongRecoveryKey) as exc:
            if attempt == tries - 1:
                raise
            print(exc.message, file=sys.stderr)
    raise AssertionError("unreachable")


@contextmanager
def opened(args: PassphraseArgs, secrets: Secrets) -> Iterator[Unlocked]:
    """The unlocked vault for the duration of a command; locked again afterwards."""
    u = unlock(args, secrets)
    try:
        yield u
    finally:
        u.vault.lock()


def new_passphrase(secrets: Secrets, fd: int | None) -> str:
    first = secrets.read(fd, "Nieuwe wachtwoordzin: ")
    if fd is None and secrets.read(None, "Herhaal de nieuwe wachtwoordzin: ") != first:
        raise CliError("De twee wachtwoordzinnen verschillen. Er werd niets gewijzigd.")
    return first


def say(message: str) -> None:
    """A message for the worker (stderr, Dutch)."""
    print(message, file=sys.stderr)
