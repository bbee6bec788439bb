"""The vault's own commands: init, check, change-passphrase, backup, restore, demo."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import (
    EXIT_OK,
    CliError,
    PassphraseArgs,
    UnlockArgs,
    new_passphrase,
    opened,
    say,
    unlock,
    vault_service,
)
from app.cli.framework import Secrets, arguments, command, option


@arguments
class InitArgs(PassphraseArgs):
    device_label: str | None = option(
        "--device-label",
        metavar="NAAM",
        help="naam van dit toestel, zoals collega's en de coördinator het zien "
        "(standaard: de computernaam)",
        default=None,
    )


@command(
    "init",
    InitArgs,
    help="maak een nieuwe kluis en toon de herstelsleutel",
    description="Maak een nieuwe kluis. De wachtwoordzin wordt gevraagd (of gelezen van "
    "--passphrase-fd); de herstelsleutel verschijnt één keer op stdout.",
)
def cmd_init(args: InitArgs, secrets: Secrets) -> int:
    paths = args.paths
    service = vault_service(paths)
    if service.exists():
        from app.errors import VaultExists

        raise VaultExists(str(paths.data_dir))
    passphrase = new_passphrase(secrets, args.passphrase_fd)
    created = service.create(passphrase, device_label=args.device_label)
    created.vault.lock()
    say(f"Kluis aangemaakt in {paths.data_dir}.")
    say(
        "Uw herstelsleutel (wordt maar één keer getoond; bewaar ze op papier, apart van de laptop):"
    )
    print(created.recovery_key)
    return EXIT_OK


@arguments
class CheckArgs(UnlockArgs):
    pass


@command(
    "check",
    CheckArgs,
    help="ontgrendel, controleer de databank en de migraties, druk 'ok' af",
    description="Ontgrendel de kluis, voer de migraties uit en controleer de hele databank "
    "(de HMAC van elke pagina en de interne samenhang). Druk 'ok' af als alles in orde is; "
    "afsluitcode 2 bij schade.",
)
def cmd_check(args: CheckArgs, secrets: Secrets) -> int:
    with opened(args, secrets) as u:  # the header, the key, page 1 and the migrations
        u.vault.verify_database()  # every page's HMAC, then SQLite's integrity check
    print("ok")
    return EXIT_OK


@arguments
class ChangePassphraseArgs(UnlockArgs):
    new_passphrase_fd: int | None = option(
        "--new-passphrase-fd",
        metavar="N",
        help="lees de nieuwe wachtwoordzin van bestandsdescriptor N (mag dezelfde als "
        "--passphrase-fd zijn: dan eerst de huidige, dan de nieuwe regel)",
        default=None,
    )


@command(
    "change-passphrase",
    ChangePassphraseArgs,
    help="kies een nieuwe wachtwoordzin (herverpakt alleen de sleutel)",
    description="Kies een nieuwe wachtwoordzin. Geef de huidige wachtwoordzin, of de "
    "herstelsleutel (--recovery-key-fd) als u de wachtwoordzin vergeten bent.",
)
def cmd_change_passphrase(args: ChangePassphraseArgs, secrets: Secrets) -> int:
    u = unlock(args, secrets)
    try:
        u.vault.change_passphrase(
            new_passphrase(secrets, args.new_passphrase_fd), current=u.passphrase
        )
    finally:
        u.vault.lock()
    say("De wachtwoordzin is gewijzigd.")
    return EXIT_OK


@arguments
class BackupArgs(UnlockArgs):
    out: Path = option(
        "--out", metavar="BESTAND", help="het nieuwe back-upbestand (wordt nooit overschreven)"
    )


@command("backup", BackupArgs, help="maak een versleutelde back-up in een nieuw bestand")
def cmd_backup(args: BackupArgs, secrets: Secrets) -> int:
    from app.services.backup import backup_vault

    with opened(args, secrets) as u:
        result = backup_vault(u.vault, args.out)
    say(f"Back-up gemaakt: {result.path} ({result.size_bytes} bytes).")
    return EXIT_OK


@arguments
class RestoreArgs(UnlockArgs):
    source: Path = option("--from", metavar="BESTAND", help="het back-upbestand")


@command(
    "restore",
    RestoreArgs,
    help="zet een back-up terug (wordt eerst volledig gecontroleerd)",
    description="Zet een back-up terug. Gebruik de wachtwoordzin van toen de back-up "
    "gemaakt werd (--passphrase-fd), of de herstelsleutel (--recovery-key-fd). De huidige "
    "kluis wordt versleuteld opzijgezet in de datamap (vervangen-…).",
)
def cmd_restore(args: RestoreArgs, secrets: Secrets) -> int:
    from app.services.backup import restore_vault

    paths = args.paths
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
    say(f"Back-up teruggezet in {result.data_dir}.")
    if result.erasures_reapplied:
        say(
            f"Deze back-up is van vóór {result.erasures_reapplied} wissing(en) van personen: "
            "die personen werden opnieuw gewist en blijven gewist."
        )
    if not result.erasures_checked:
        say(
            "Let op: de vervangen kluis heeft een andere sleutel; wissingen die daarin gebeurden "
            "konden niet op de teruggezette gegevens toegepast worden."
        )
    if result.previous_kept_at is not None:
        say(f"De vorige kluis staat (versleuteld) in {result.previous_kept_at}.")
    return EXIT_OK


@arguments
class DemoArgs(UnlockArgs):
    clients: int = option(
        "--clients", metavar="N", help="aantal fictieve personen (1 tot 100000)", default=200
    )
    contacts: int = option(
        "--contacts",
        metavar="N",
        help="gemiddeld aantal contactmomenten per persoon (0 tot 1000)",
        default=50,
    )
    seed: int = option(
        "--seed",
        metavar="N",
        help="startwaarde van de toevalsgenerator: dezelfde waarde geeft dezelfde gegevens",
        default=7,
    )


@command(
    "demo",
    DemoArgs,
    help="maak (of vul) een kluis met fictieve mensen, contacten en vindplaatsen",
    description="Maak een kluis met fictieve gegevens, of vul een bestaande kluis aan. Een "
    "nieuwe kluis krijgt de wachtwoordzin van --passphrase-fd (of de prompt).",
)
def cmd_demo(args: DemoArgs, secrets: Secrets) -> int:
    from app.services.demo import generate_demo
    from app.services.field import FieldServices

    if not 1 <= args.clients <= 100_000:
        raise CliError("Kies tussen 1 en 100000 personen.")
    if not 0 <= args.contacts <= 1000:
        raise CliError("Kies tussen 0 en 1000 contactmomenten per persoon.")
    paths = args.paths
    service = vault_service(paths)
    if service.exists():
        vault = unlock(args, secrets, service).vault
    else:
        if args.recovery_key_fd is not None:
            raise CliError("Er is nog geen kluis om met een herstelsleutel te openen.")
        created = service.create(new_passphrase(secrets, args.passphrase_fd))
        vault = created.vault
        say(f"Kluis aangemaakt in {paths.data_dir}. Herstelsleutel:")
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
    say(
        f"\nDemogegevens: {summary.people} personen, {summary.contacts} contactmomenten, "
        f"{summary.vindplaatsen} vindplaatsen."
    )
    return EXIT_OK
