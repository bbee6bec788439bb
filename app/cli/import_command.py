"""`import`: a team's spreadsheet into the vault, with the wizard's checks (app.import_command)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from app.cli.common import UnlockArgs, opened
from app.cli.framework import Secrets, arguments, command, option


@arguments
class ImportArgs(UnlockArgs):
    kind: Literal["people", "contacts", "agreements", "vindplaatsen", "partners"] = option(
        "--kind", help="wat het bestand bevat"
    )
    file: Path = option("--file", metavar="BESTAND", help="het rekenblad (.xlsx of .csv)")
    mapping: Path | None = option(
        "--mapping",
        metavar="KOPPELING",
        help="koppelbestand (JSON) zoals de wizard het bewaart",
        default=None,
    )
    dry_run: bool = option("--dry-run", help="alleen nakijken, niets importeren", default=False)
    valid_rows_only: bool = option(
        "--valid-rows-only",
        help="de goede rijen importeren, ook als andere een probleem hebben",
        default=False,
    )


@command(
    "import",
    ImportArgs,
    help="importeer een rekenblad (personen, contactmomenten, afspraken, vindplaatsen, "
    "sociale kaart)",
)
def cmd_import(args: ImportArgs, secrets: Secrets) -> int:
    from app.domain.import_kinds import Kind
    from app.import_command import ImportArgs as Typed
    from app.import_command import run_import
    from app.services.field import FieldServices

    typed = Typed(Kind(args.kind), args.file, args.mapping, args.dry_run, args.valid_rows_only)
    with opened(args, secrets) as u:
        return run_import(FieldServices(u.vault), typed)
