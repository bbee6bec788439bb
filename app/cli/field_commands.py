"""Commands on the caseload: people, handovers, fiche, export-person, erase-person."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from app.cli.common import EXIT_OK, PassphraseArgs, UnlockArgs, opened, say
from app.cli.framework import Secrets, arguments, command, option


@arguments
class PeopleArgs(UnlockArgs):
    pass


@command("people", PeopleArgs, help="druk de personen af als JSON (id, alias, naam)")
def cmd_people(args: PeopleArgs, secrets: Secrets) -> int:
    from app.services.field import FieldServices

    with opened(args, secrets) as u:
        field = FieldServices(u.vault)
        rows = [{"id": r.id, "alias": r.alias, "name": r.full_name} for r in field.caseload.rows()]
    print(json.dumps(rows, ensure_ascii=False))
    return EXIT_OK


@arguments
class HandoversArgs(UnlockArgs):
    person: str | None = option(
        "--person", metavar="ID", help="alleen de overdrachten van deze persoon", default=None
    )


@command("handovers", HandoversArgs, help="druk de overdrachten af als JSON")
def cmd_handovers(args: HandoversArgs, secrets: Secrets) -> int:
    from app.services.field import FieldServices

    with opened(args, secrets) as u:
        field = FieldServices(u.vault)
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
    print(json.dumps(rows, ensure_ascii=False))
    return EXIT_OK


@arguments
class FicheArgs(UnlockArgs):
    handover: str = option("--handover", metavar="ID", help="de overdracht (id uit handovers)")
    out: Path = option("--out", metavar="BESTAND", help="het nieuwe PDF-bestand")
    password_fd: int | None = option(
        "--password-fd",
        metavar="N",
        help="beveilig de PDF (AES-256) met een wachtwoord gelezen van bestandsdescriptor N",
        default=None,
    )


@command(
    "fiche",
    FicheArgs,
    help="maak de overdrachtsfiche (PDF) van een overdracht",
    description="Maak de fiche voor een warme overdracht. Alleen wat de toestemming van de "
    "persoon toelaat komt erin; private notities nooit.",
)
def cmd_fiche(args: FicheArgs, secrets: Secrets) -> int:
    from app.services.field import FieldServices

    with opened(args, secrets) as u:
        password = (
            secrets.read(args.password_fd, "Wachtwoord voor de PDF: ")
            if args.password_fd is not None
            else None
        )
        data = FieldServices(u.vault).handovers.export_fiche(
            args.handover, args.out, password=password
        )
    if not data.has_consent:
        say(
            "Let op: er is geen geldige toestemming; de fiche bevat alleen de partijen en het "
            "gesprek."
        )
    say(f"Fiche gemaakt: {args.out}")
    return EXIT_OK


@arguments
class ExportPersonArgs(UnlockArgs):
    person: str = option("--person", metavar="ID", help="de persoon (id uit people)")
    format: Literal["pdf", "json"] = option(
        "--format", help="pdf om te lezen, json om over te dragen (AVG art. 20)"
    )
    out: Path = option("--out", metavar="BESTAND", help="het nieuwe bestand")


@command(
    "export-person",
    ExportPersonArgs,
    help="exporteer alles over één persoon (AVG art. 15/20)",
)
def cmd_export_person(args: ExportPersonArgs, secrets: Secrets) -> int:
    from app.services.field import FieldServices

    with opened(args, secrets) as u:
        FieldServices(u.vault).rights.export(args.person, args.format, args.out)
    say(f"Export gemaakt: {args.out}")
    return EXIT_OK


@arguments
class ErasePersonArgs(PassphraseArgs):
    person: str = option("--person", metavar="ID", help="de persoon (id uit people)")


@command(
    "erase-person",
    ErasePersonArgs,
    help="wis een persoon (AVG art. 17); bevestigd met de wachtwoordzin",
    description="Wis alles over één persoon op dit toestel en, bij de volgende synchronisatie, "
    "bij de centrale opslag en op de andere toestellen. De wachtwoordzin (niet de "
    "herstelsleutel) bevestigt de wissing. Oudere back-ups bevatten de persoon nog: een "
    "teruggezette back-up wist de persoon opnieuw.",
)
def cmd_erase_person(args: ErasePersonArgs, secrets: Secrets) -> int:
    from app.services.field import FieldServices

    with opened(args, secrets) as u:
        assert u.passphrase is not None  # PassphraseArgs: never the recovery key
        purge = FieldServices(u.vault).rights.erase(args.person, u.passphrase)
    say(f"Persoon gewist ({len(purge.record_refs)} gegevens).")
    return EXIT_OK
