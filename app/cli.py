"""Command line: the GUI by default, and headless commands for scripting, support and tests.

Secrets are read from a prompt or from a file descriptor (`--passphrase-fd N`), never from the
command line. Exit codes: 0 ok, 2 wrong passphrase or bad vault, 1 other errors. Messages to
the worker go to stderr, in Dutch.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app import __version__
from app.errors import BrugfiguurError, VaultError
from app.paths import DATA_DIR_ENV, AppPaths

if TYPE_CHECKING:
    from app.services.vault import OpenVault, VaultService

log = logging.getLogger("brugfiguur.cli")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_VAULT = 2

_DESCRIPTION = """\
Brugfiguur: versleutelde caseload voor outreachwerkers.

Zonder opdracht start de grafische toepassing. De opdrachten hieronder werken zonder venster.
Wachtwoordzinnen worden gevraagd, of gelezen van een bestandsdescriptor (--passphrase-fd N),
nooit van de opdrachtregel.

Afsluitcodes: 0 gelukt, 2 verkeerde wachtwoordzin of onbruikbare kluis, 1 andere fouten.
"""


class CliError(BrugfiguurError):
    pass


class SecretSource:
    """Reads secrets line by line from file descriptors, or prompts on a terminal."""

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
            line = fh.readline()
            if not line:
                raise CliError(f"Geen wachtwoordzin ontvangen op bestandsdescriptor {fd}.")
            return line[:-1] if line.endswith("\n") else line
        if not sys.stdin.isatty():
            raise CliError(
                "Geen terminal om de wachtwoordzin te vragen: gebruik --passphrase-fd N."
            )
        import getpass

        return getpass.getpass(prompt)


def _common(parser: argparse.ArgumentParser, *, secret: bool = True) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"map van de kluis (standaard: ${DATA_DIR_ENV} of de gebruikersdatamap)",
    )
    if secret:
        parser.add_argument(
            "--passphrase-fd",
            metavar="N",
            type=int,
            default=None,
            help="lees de wachtwoordzin (één regel) van bestandsdescriptor N",
        )
        parser.add_argument(
            "--recovery-key-fd",
            metavar="N",
            type=int,
            default=None,
            help="ontgrendel met de herstelsleutel, gelezen van bestandsdescriptor N",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brugfiguur",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Brugfiguur {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help=f"map van de kluis (standaard: ${DATA_DIR_ENV} of de gebruikersdatamap)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open een wegwerpkluis met fictieve gegevens"
    )
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")

    p = sub.add_parser("init", help="maak een nieuwe kluis en toon de herstelsleutel")
    _common(p)
    p.add_argument("--device-label", metavar="NAAM", default=None, help="naam van dit toestel")

    p = sub.add_parser(
        "demo", help="maak (of vul) een kluis met fictieve mensen, contacten en vindplaatsen"
    )
    _common(p)
    p.add_argument("--clients", metavar="N", type=int, default=200, help="aantal personen")
    p.add_argument(
        "--contacts",
        metavar="N",
        type=int,
        default=50,
        help="gemiddeld aantal contactmomenten per persoon",
    )
    p.add_argument("--seed", type=int, default=7, help=argparse.SUPPRESS)

    p = sub.add_parser("people", help="druk de personen af als JSON (id, alias, naam)")
    _common(p)

    p = sub.add_parser("handovers", help="druk de overdrachten af als JSON")
    _common(p)
    p.add_argument("--person", metavar="ID", default=None)

    p = sub.add_parser("fiche", help="maak de overdrachtsfiche (PDF) van een overdracht")
    _common(p)
    p.add_argument("--handover", metavar="ID", required=True)
    p.add_argument("--out", metavar="BESTAND", required=True, type=Path)
    p.add_argument(
        "--password-fd",
        metavar="N",
        type=int,
        default=None,
        help="beveilig de PDF (AES-256) met een wachtwoord gelezen van descriptor N",
    )

    p = sub.add_parser("export-person", help="exporteer alles over één persoon (AVG art. 15/20)")
    _common(p)
    p.add_argument("--person", metavar="ID", required=True)
    p.add_argument("--format", choices=("pdf", "json"), required=True)
    p.add_argument("--out", metavar="BESTAND", required=True, type=Path)

    p = sub.add_parser(
        "erase-person",
        help="wis een persoon (AVG art. 17); bevestigd met de wachtwoordzin",
    )
    _common(p)
    p.add_argument("--person", metavar="ID", required=True)

    p = sub.add_parser(
        "org-init",
        help="zet een nieuwe organisatie op bij de centrale opslag (dit toestel wordt coördinator)",
    )
    _common(p)
    p.add_argument("--server", metavar="URL", required=True)
    p.add_argument("--name", required=True, help="naam van de organisatie")
    p.add_argument(
        "--token-fd",
        metavar="N",
        type=int,
        default=None,
        help="lees de eenmalige installatiesleutel van de opslag van descriptor N",
    )

    p = sub.add_parser("team-create", help="maak een team (coördinator)")
    _common(p)
    p.add_argument("--name", required=True)

    p = sub.add_parser("invite", help="maak een eenmalige uitnodigingscode (coördinator)")
    _common(p)
    p.add_argument("--team", metavar="ID", action="append", required=True)
    p.add_argument("--role", choices=("worker", "coordinator"), default="worker")
    p.add_argument("--days", type=int, default=3)

    p = sub.add_parser("enrol", help="sluit dit toestel aan met een uitnodigingscode")
    _common(p)
    p.add_argument("--server", metavar="URL", required=True)
    p.add_argument(
        "--invite-fd",
        metavar="N",
        type=int,
        default=None,
        help="lees de uitnodigingscode van descriptor N",
    )

    p = sub.add_parser("sync", help="één synchronisatie met de centrale opslag (0 = volledig)")
    _common(p)
    p.add_argument(
        "--confirm-mass-deletion",
        action="store_true",
        help="bevestig dat veel verwijderingen de bedoeling zijn",
    )

    p = sub.add_parser("devices", help="toestellen van de organisatie als JSON (coördinator)")
    _common(p)

    p = sub.add_parser("revoke", help="trek een toestel in en vernieuw de teamsleutels")
    _common(p)
    p.add_argument("--device", metavar="ID", required=True)

    p = sub.add_parser(
        "serve", help="start de centrale opslag (ASGI op uvicorn; achter een TLS-proxy zetten)"
    )
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="map van de opslag (databank, logs, eenmalige installatiesleutel)",
    )
    p.add_argument("--host", default="127.0.0.1", help="adres (standaard 127.0.0.1)")
    p.add_argument("--port", type=int, default=8470, help="poort (standaard 8470)")
    p.add_argument(
        "--database-url",
        metavar="URL",
        default=None,
        help="PostgreSQL (postgresql+psycopg://…); standaard $BRUGFIGUUR_DATABASE_URL "
        "of SQLite in de datamap",
    )

    p = sub.add_parser("check", help="ontgrendel, voer migraties uit en druk 'ok' af")
    _common(p)

    p = sub.add_parser(
        "change-passphrase",
        help="kies een nieuwe wachtwoordzin (herverpakt alleen de sleutel)",
    )
    _common(p)
    p.add_argument(
        "--new-passphrase-fd",
        metavar="N",
        type=int,
        default=None,
        help="lees de nieuwe wachtwoordzin van bestandsdescriptor N",
    )

    p = sub.add_parser("backup", help="maak een versleutelde back-up in een nieuw bestand")
    _common(p)
    p.add_argument("--out", metavar="BESTAND", required=True, type=Path, help="doelbestand")

    p = sub.add_parser(
        "restore",
        help="zet een back-up terug (wordt eerst volledig gecontroleerd)",
        description="Zet een back-up terug. Gebruik de wachtwoordzin van toen de back-up "
        "gemaakt werd, of de herstelsleutel. De huidige kluis wordt versleuteld "
        "opzijgezet in de datamap (vervangen-…).",
    )
    _common(p)
    p.add_argument("--from", dest="source", metavar="BESTAND", required=True, type=Path)
    return parser


def _paths(args: argparse.Namespace) -> AppPaths:
    return AppPaths.resolve(getattr(args, "data_dir", None))


def _service(paths: AppPaths) -> VaultService:
    from app.services.vault import VaultService

    return VaultService(paths)


def _open(args: argparse.Namespace, secrets: SecretSource, service: VaultService) -> OpenVault:
    """Unlock by passphrase or recovery key; on a terminal, three tries with growing delays."""
    from app.errors import WrongPassphrase, WrongRecoveryKey

    tries = 3 if (args.passphrase_fd is None and args.recovery_key_fd is None) else 1
    for attempt in range(tries):
        try:
            if args.recovery_key_fd is not None:
                return service.unlock_with_recovery_key(
                    secrets.read(args.recovery_key_fd, "Herstelsleutel: ")
                )
            return service.unlock(secrets.read(args.passphrase_fd, "Wachtwoordzin: "))
        except (WrongPassphrase, WrongRecoveryKey) as exc:
            if attempt == tries - 1:
                raise
            print(exc.message, file=sys.stderr)
    raise AssertionError("unreachable")


def _new_passphrase(secrets: SecretSource, fd: int | None) -> str:
    first = secrets.read(fd, "Nieuwe wachtwoordzin: ")
    if fd is None and secrets.read(None, "Herhaal de nieuwe wachtwoordzin: ") != first:
        raise CliError("De twee wachtwoordzinnen verschillen. Er werd niets gewijzigd.")
    return first


def cmd_init(args: argparse.Namespace, secrets: SecretSource) -> int:
    paths = _paths(args)
    service = _service(paths)
    if service.exists():
        from app.errors import VaultExists

        raise VaultExists(str(paths.data_dir))
    passphrase = _new_passphrase(secrets, args.passphrase_fd)
    created = service.create(passphrase, device_label=args.device_label)
    created.vault.lock()
    print(f"Kluis aangemaakt in {paths.data_dir}.", file=sys.stderr)
    print(
        "Uw herstelsleutel (wordt maar één keer getoond; bewaar ze op papier, apart van de "
        "laptop):",
        file=sys.stderr,
    )
    print(created.recovery_key)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, secrets: SecretSource) -> int:
    vault = _open(args, secrets, _service(_paths(args)))
    vault.lock()
    print("ok")
    return EXIT_OK


def cmd_change_passphrase(args: argparse.Namespace, secrets: SecretSource) -> int:
    service = _service(_paths(args))
    if args.recovery_key_fd is not None:
        vault = _open(args, secrets, service)
        current = None
    else:
        current = secrets.read(args.passphrase_fd, "Huidige wachtwoordzin: ")
        vault = service.unlock(current)
    try:
        vault.change_passphrase(_new_passphrase(secrets, args.new_passphrase_fd), current=current)
    finally:
        vault.lock()
    print("De wachtwoordzin is gewijzigd.", file=sys.stderr)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, secrets: SecretSource) -> int:
    from app.services.backup import backup_vault

    vault = _open(args, secrets, _service(_paths(args)))
    try:
        result = backup_vault(vault, args.out)
    finally:
        vault.lock()
    print(f"Back-up gemaakt: {result.path} ({result.size_bytes} bytes).", file=sys.stderr)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, secrets: SecretSource) -> int:
    from app.services.backup import restore_vault

    paths = _paths(args)
    if args.recovery_key_fd is not None:
        result = restore_vault(
            paths,
            args.source,
            recovery_key=secrets.read(args.recovery_key_fd, "Herstelsleutel: "),
        )
    else:
        result = restore_vault(
            paths,
            args.source,
            passphrase=secrets.read(args.passphrase_fd, "Wachtwoordzin van de back-up: "),
        )
    print(f"Back-up teruggezet in {result.data_dir}.", file=sys.stderr)
    if result.previous_kept_at is not None:
        print(f"De vorige kluis staat (versleuteld) in {result.previous_kept_at}.", file=sys.stderr)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, secrets: SecretSource) -> int:
    from app.services.demo import generate_demo
    from app.services.field import FieldServices

    if not 1 <= args.clients <= 100_000:
        raise CliError("Kies tussen 1 en 100000 personen.")
    paths = _paths(args)
    service = _service(paths)
    if service.exists():
        vault = _open(args, secrets, service)
    else:
        created = service.create(_new_passphrase(secrets, args.passphrase_fd))
        vault = created.vault
        print(f"Kluis aangemaakt in {paths.data_dir}. Herstelsleutel:", file=sys.stderr)
        print(created.recovery_key)

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} personen", end="", file=sys.stderr, flush=True)

    try:
        summary = generate_demo(
            FieldServices(vault),
            args.clients,
            seed=args.seed,
            contacts_per_person=args.contacts,
            progress=progress,
        )
    finally:
        vault.lock()
    print(
        f"\nDemogegevens: {summary.people} personen, {summary.contacts} contactmomenten, "
        f"{summary.vindplaatsen} vindplaatsen.",
        file=sys.stderr,
    )
    return EXIT_OK


def _field(args: argparse.Namespace, secrets: SecretSource) -> tuple[OpenVault, Any, str]:
    """Unlock by passphrase (kept for confirmations) and build the field services."""
    from app.services.field import FieldServices

    service = _service(_paths(args))
    passphrase = secrets.read(args.passphrase_fd, "Wachtwoordzin: ")
    vault = service.unlock(passphrase)
    return vault, FieldServices(vault), passphrase


def cmd_people(args: argparse.Namespace, secrets: SecretSource) -> int:
    import json

    vault, field, _ = _field(args, secrets)
    try:
        rows = [{"id": r.id, "alias": r.alias, "name": r.full_name} for r in field.caseload.rows()]
    finally:
        vault.lock()
    print(json.dumps(rows, ensure_ascii=False))
    return EXIT_OK


def cmd_handovers(args: argparse.Namespace, secrets: SecretSource) -> int:
    import json

    vault, field, _ = _field(args, secrets)
    try:
        ids = [args.person] if args.person else [r.id for r in field.caseload.rows()]
        rows = [
            {
                "id": h.id,
                "person_id": h.person_id,
                "type": h.type,
                "organisation": h.organisation_name,
                "status": h.status,
                "planned_at": h.planned_at.isoformat() if h.planned_at else None,
            }
            for pid in ids
            for h in field.handovers.for_person(pid)
        ]
    finally:
        vault.lock()
    print(json.dumps(rows, ensure_ascii=False))
    return EXIT_OK


def cmd_fiche(args: argparse.Namespace, secrets: SecretSource) -> int:
    vault, field, _ = _field(args, secrets)
    try:
        password = (
            secrets.read(args.password_fd, "Wachtwoord voor de PDF: ")
            if args.password_fd is not None
            else None
        )
        data = field.handovers.export_fiche(args.handover, args.out, password=password)
    finally:
        vault.lock()
    if not data.has_consent:
        print(
            "Let op: er is geen geldige toestemming; de fiche bevat alleen de partijen en het "
            "gesprek.",
            file=sys.stderr,
        )
    print(f"Fiche gemaakt: {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_export_person(args: argparse.Namespace, secrets: SecretSource) -> int:
    vault, field, _ = _field(args, secrets)
    try:
        field.rights.export(args.person, args.format, args.out)
    finally:
        vault.lock()
    print(f"Export gemaakt: {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_erase_person(args: argparse.Namespace, secrets: SecretSource) -> int:
    vault, field, passphrase = _field(args, secrets)
    try:
        purge = field.rights.erase(args.person, passphrase)
    finally:
        vault.lock()
    print(f"Persoon gewist ({len(purge.record_refs)} gegevens).", file=sys.stderr)
    return EXIT_OK


@contextmanager
def _sync(args: argparse.Namespace, secrets: SecretSource) -> Iterator[Any]:
    """The sync service of the unlocked vault; closed and locked again afterwards."""
    from app.services.sync import SyncService

    vault = _open(args, secrets, _service(_paths(args)))
    sync = SyncService(vault.context)
    try:
        yield sync
    finally:
        sync.close()
        vault.lock()


def cmd_org_init(args: argparse.Namespace, secrets: SecretSource) -> int:
    with _sync(args, secrets) as sync:
        token = secrets.read(args.token_fd, "Installatiesleutel van de opslag: ")
        org = sync.create_organisation(args.server, token, args.name)
    print("Organisatie aangemaakt; dit toestel is coördinator.", file=sys.stderr)
    print(
        "Herstelsleutel van de organisatie (eenmalig getoond; druk af en bewaar offline):",
        file=sys.stderr,
    )
    print(org.recovery_private_key)
    return EXIT_OK


def cmd_team_create(args: argparse.Namespace, secrets: SecretSource) -> int:
    with _sync(args, secrets) as sync:
        team_id = sync.create_team(args.name)
    print(team_id)
    return EXIT_OK


def cmd_invite(args: argparse.Namespace, secrets: SecretSource) -> int:
    with _sync(args, secrets) as sync:
        code = sync.create_invite(args.team, args.role, args.days)
    print(f"Eenmalige uitnodiging, {args.days} dagen geldig:", file=sys.stderr)
    print(code)
    return EXIT_OK


def cmd_enrol(args: argparse.Namespace, secrets: SecretSource) -> int:
    with _sync(args, secrets) as sync:
        sync.enrol(args.server, secrets.read(args.invite_fd, "Uitnodigingscode: "))
    print(
        "Aangesloten. Na goedkeuring door een coördinator kan dit toestel synchroniseren.",
        file=sys.stderr,
    )
    return EXIT_OK


def _sync_progress(every_s: float = 2.0) -> Callable[[Any], None]:
    """Progress of a long sync on stderr, at most every `every_s` seconds."""
    last = [0.0]

    def show(p: Any) -> None:
        now = time.monotonic()
        if now - last[0] < every_s and not (p.total and p.done >= p.total):
            return
        last[0] = now
        what = "Versturen" if p.phase == "push" else "Ontvangen"
        amount = f"{p.done * 100 // p.total}%" if p.total else str(p.done)
        print(f"{what}: {amount}", file=sys.stderr, flush=True)

    return show


def cmd_sync(args: argparse.Namespace, secrets: SecretSource) -> int:
    stop = threading.Event()
    with _sync(args, secrets) as sync:
        # Ctrl+C stops between batches: what arrived stays, the next sync goes on from there.
        previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
        try:
            report = sync.sync_once(
                confirm_mass_deletion=args.confirm_mass_deletion,
                progress=_sync_progress(),
                should_stop=stop.is_set,
            )
            status = sync.status()
        finally:
            signal.signal(signal.SIGINT, previous)
    print(
        f"Gesynchroniseerd: {report.pushed} verstuurd, {report.pulled} ontvangen, "
        f"{report.merged} samengevoegd, {status.open_conflicts} open conflicten.",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_devices(args: argparse.Namespace, secrets: SecretSource) -> int:
    import json

    with _sync(args, secrets) as sync:
        devices = sync.devices()
    keep = ("device_id", "label", "role", "status", "teams", "missing_keys")
    print(json.dumps([{k: d.get(k) for k in keep} for d in devices], ensure_ascii=False))
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace, secrets: SecretSource) -> int:
    with _sync(args, secrets) as sync:
        teams = sync.revoke(args.device)
    print(
        f"Toestel ingetrokken; teamsleutels vernieuwd voor {len(teams)} team(s).", file=sys.stderr
    )
    return EXIT_OK


COMMANDS = {
    "org-init": cmd_org_init,
    "team-create": cmd_team_create,
    "invite": cmd_invite,
    "enrol": cmd_enrol,
    "sync": cmd_sync,
    "devices": cmd_devices,
    "revoke": cmd_revoke,
    "people": cmd_people,
    "handovers": cmd_handovers,
    "fiche": cmd_fiche,
    "export-person": cmd_export_person,
    "erase-person": cmd_erase_person,
    "demo": cmd_demo,
    "init": cmd_init,
    "check": cmd_check,
    "change-passphrase": cmd_change_passphrase,
    "backup": cmd_backup,
    "restore": cmd_restore,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "serve":
        from app.server import serve

        return serve(args.data_dir.resolve(), args.host, args.port, args.database_url)
    if args.command is None:
        from app.main import run_gui

        return run_gui(
            AppPaths.resolve(args.data_dir), demo=args.demo, exit_when_shown=args.exit_when_shown
        )
    paths = _paths(args)
    from app.logs import setup_logging

    setup_logging(paths.log_dir)
    log.info("command %s", args.command)
    secrets = SecretSource()
    try:
        return COMMANDS[args.command](args, secrets)
    except BrugfiguurError as exc:
        log.warning("command %s failed: %s", args.command, type(exc).__name__)
        print(f"Fout: {exc.message}", file=sys.stderr)
        return EXIT_VAULT if isinstance(exc, VaultError) else exc.exit_code
    except KeyboardInterrupt:
        print("Afgebroken; er werd niets gewijzigd.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            from app.db.errors import translate

            err = translate(exc, paths.data_dir)
            print(f"Fout: {err.message}", file=sys.stderr)
            log.warning("command %s failed: database error", args.command)
            return EXIT_VAULT if isinstance(err, VaultError) else EXIT_ERROR
        log.exception("command %s crashed", args.command)
        print(
            f"Onverwachte fout ({type(exc).__name__}). Details staan in het logbestand in "
            f"{paths.log_dir}.",
            file=sys.stderr,
        )
        return EXIT_ERROR
