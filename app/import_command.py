"""`python -m app import` (declared in app/cli/import_command.py): a team's spreadsheet into
the vault from the command line, with the checks of the wizard and the mapping file it saves.

    python -m app import --kind people --file caseload.xlsx [--mapping koppeling.json]
                         [--dry-run] [--valid-rows-only]

Without a mapping, columns are mapped by their headers (as the wizard suggests); with one, its
choices win and new columns are suggested. Every problem is printed as `rij N · kolom ·
'waarde': why`. Exit 0: imported (or, with --dry-run, nothing in the way); 1: rows with
problems kept everything out (without --valid-rows-only), or another error.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.domain.import_kinds import Kind, spec

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.importing import ImportReport


@dataclass(frozen=True)
class ImportArgs:
    kind: Kind
    file: Path
    mapping: Path | None = None
    dry_run: bool = False
    valid_rows_only: bool = False


def _progress(out: TextIO, every_s: float = 2.0) -> Callable[[int, int | None], None]:
    last = [0.0]

    def show(done: int, total: int | None) -> None:
        now = time.monotonic()
        if out.isatty() and now - last[0] >= every_s:
            last[0] = now
            of = f" van ongeveer {total}" if total else ""
            print(f"… {done}{of} rijen", file=out, flush=True)

    return show


def print_report(report: ImportReport, out: TextIO) -> None:
    for p in report.problems:
        where = f"rij {p.row}" if p.row else "bestand"
        column = f" · {p.column}" if p.column else ""
        value = f" · '{p.value}'" if p.value else ""
        note = "" if p.blocking else "opmerking: "
        print(f"{where}{column}{value}: {note}{p.message}", file=out)
    if report.problem_total > len(report.problems):
        print(f"… en nog {report.problem_total - len(report.problems)} problemen.", file=out)
    print(
        f"{report.rows} rijen: {report.created} nieuw, {report.updated} bijgewerkt, "
        f"{report.unchanged} ongewijzigd, {report.skipped} met een probleem.",
        file=out,
    )
    for line in report.details:
        print(line, file=out)


def run_import(field: FieldServices, args: ImportArgs, out: TextIO = sys.stdout) -> int:
    """Check or import; print the problems and the summary. Returns the exit code."""
    imports = field.imports
    given = imports.load_mapping(args.mapping) if args.mapping is not None else None
    if given is not None and given.kind is not args.kind:
        from app.errors import BrugfiguurError

        raise BrugfiguurError(
            f"Het koppelbestand is voor {spec(given.kind).label.lower()}, niet voor "
            f"{spec(args.kind).label.lower()}."
        )
    inspection = imports.inspect(args.file, args.kind, given=given)
    info = inspection.info
    where = f"werkblad {info.sheet}, " if info.sheet else ""
    print(
        f"{spec(args.kind).label} uit {info.path.name} ({where}kopregel in rij {info.header_row})",
        file=out,
    )
    progress = _progress(sys.stderr)
    if args.dry_run:
        report = imports.check(args.file, inspection.mapping, progress)
        print_report(report, out)
        if report.skipped and not args.valid_rows_only:
            print("Proefdraai: zo zou er niets geïmporteerd worden.", file=out)
            return 1
        print("Proefdraai: er werd niets veranderd.", file=out)
        return 0
    report = imports.run(
        args.file,
        inspection.mapping,
        valid_only=args.valid_rows_only,
        progress=progress,
    )
    print_report(report, out)
    if report.refused:
        print(
            "Er werd niets geïmporteerd: verbeter de rijen met een probleem, of importeer "
            "alleen de goede rijen (--valid-rows-only).",
            file=out,
        )
        return 1
    print("Geïmporteerd." if report.written else "Er was niets te veranderen.", file=out)
    return 0
