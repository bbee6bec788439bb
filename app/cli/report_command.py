"""The team report as a file for funders and steering: `report`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from app.cli.common import EXIT_OK, UnlockArgs, opened, say
from app.cli.framework import Secrets, arguments, command, option


@arguments
class ReportArgs(UnlockArgs):
    period: str | None = option(
        "--period",
        metavar="PERIODE",
        help="2025, 2025-Q2, 2025-03 of 2025-01-01..2025-06-30 (standaard: dit jaar)",
        default=None,
    )
    team: str | None = option("--team", metavar="TEAM", help="alleen dit team", default=None)
    worker: str | None = option(
        "--worker", metavar="NAAM", help="alleen de mensen van deze werker", default=None
    )
    esf: bool = option("--esf", help="alleen het ESF+-beeld (afgesloten trajecten)", default=False)
    format: Literal["pdf", "xlsx", "csv", "json"] = option(
        "--format", help="pdf, xlsx, csv of json (JSON: elk cijfer met zijn noemer)"
    )
    out: Path = option("--out", metavar="BESTAND", help="het nieuwe bestand")


@command(
    "report",
    ReportArgs,
    help="maak het teamrapport (kleine aantallen verborgen) als PDF, XLSX, CSV of JSON",
    description="Het teamrapport voor een periode, zoals het het team mag verlaten: aantallen "
    "onder de drempel van de organisatie verborgen, ook waar totalen ze zouden verraden. "
    "Elke export komt in het auditlog.",
)
def cmd_report(args: ReportArgs, secrets: Secrets) -> int:
    from app.services.field import FieldServices
    from app.services.reports import report_params

    with opened(args, secrets) as u:
        field = FieldServices(u.vault)
        params = report_params(
            args.period, args.team, args.worker, args.esf, today=field.context.today()
        )
        report = field.reports.export(params, args.format, args.out)
    say(
        f"Rapport {report.period_label} ({report.scope_label}) opgeslagen in {args.out}; "
        f"aantallen onder {report.suppressed_threshold} verborgen."
    )
    return EXIT_OK
