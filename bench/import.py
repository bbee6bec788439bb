"""Importing a team's spreadsheets (DESIGN.md §9: 5,000 people + 50,000 contact moments from
XLSX in under 60 s and 400 MB).

    python bench/import.py [--people 5000] [--contacts 50000]

Writes realistic XLSX files in a temporary directory first, in a child process (as Excel
writes them, with their size at the top of each sheet), so their making does not count in the
memory figure: a caseload
with names, birth dates as date cells, phone numbers as text, national numbers for a third,
phases, vindplaatsen; a contact log with dates as date cells, times as text, the team's own
channel words such as "huisbez." and "tel", durations, reached yes/no, life domains and a
summary), then imports vindplaatsen, people and contacts through `ImportService.run` into a
fresh vault, each in its own transaction, and re-imports the contact log unchanged. Prints one
`name: value unit` line per figure; `import_peak_rss` is the peak resident memory of the
process that imports.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from _common import BENCH_PASSPHRASE, report, scratch_dir

from app.crypto.kdf import KdfParams
from app.domain.import_kinds import Kind
from app.paths import AppPaths
from app.services.field import FieldServices
from app.services.vault import VaultService

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
GIVEN = ["Zoë", "Noor", "Emma", "Yasmina", "Fatima", "Jens", "Lucas", "Ayoub", "Mohamed",
         "Stijn", "Hilde", "Kenza", "Dylan", "Elif", "Senne", "Marie", "Rayan", "Ines"]  # fmt: skip
FAMILY = ["Peeters", "Janssens", "Maes", "Vermeulen", "De Smet", "El Amrani", "Yilmaz",
          "Diallo", "Van den Broeck", "Claes", "Nowak", "Benali", "Aerts", "Dubois"]  # fmt: skip
CHANNELS = ["huisbez.", "tel", "Telefoon", "straat", "WhatsApp", "mail", "wandeling",
            "Huisbezoek", "vindplaats", "begeleiding"]  # fmt: skip
DOMAINS = ["werk", "huisvesting", "Financiën", "geld", "psychisch", "taal", "papieren"]
PHASES = ["Bereiken", "kennismaking", "Contextvoorwaarden", "oriëntering", "nazorg"]
AREAS = ["Gent-Centrum", "Rabot", "Brugse Poort", "Ledeberg", "Dampoort", "Muide"]


def national_number(born: date, serial: int) -> str:
    body = f"{born:%y%m%d}{serial:03d}"
    base = int(("2" if born.year >= 2000 else "") + body)
    return f"{body}{97 - base % 97:02d}"


def phone(i: int) -> str:
    """A distinct Belgian mobile number per person, written as people do ("0470 12 34 56")."""
    d = f"0{470_000_000 + i * 1_013}"
    return f"{d[:4]} {d[4:6]} {d[6:8]} {d[8:]}"


def write_files(folder: Path, people: int, contacts: int, rng: random.Random) -> tuple[Path, ...]:
    from openpyxl import Workbook

    today = date.today()
    # Normal (not write-only) workbooks: like Excel's, they give each sheet's size up front.
    vp = folder / "vindplaatsen.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Vindplaatsen"
    ws.append(["Naam", "Soort", "Wijk"])
    places = [f"Vindplaats {i:02d}" for i in range(25)]
    for name in places:
        ws.append([name, rng.choice(["plein", "jeugdhuis", "bib", "online"]), rng.choice(AREAS)])
    wb.save(vp)

    pp = folder / "caseload.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Caseload"
    ws.append(["Dossiernr", "Voornaam", "Naam", "Geboortedatum", "GSM", "Rijksregisternr",
               "Fase", "Eerste contact", "Vindplaats", "Opmerking"])  # fmt: skip
    for i in range(people):
        # Everyone a different birth date: a real caseload has no two identical people.
        born = date(1960, 1, 1) + timedelta(days=(i * 3) % 16_400)
        first = today - timedelta(days=rng.randint(60, 900))
        ws.append(
            [
                f"CL-{i:05d}",
                rng.choice(GIVEN),
                rng.choice(FAMILY),
                datetime.combine(born, datetime.min.time()),
                phone(i),
                national_number(born, i % 997 + 1) if i % 3 == 0 else None,
                rng.choice(PHASES),
                first.strftime("%d/%m/%Y"),
                rng.choice(places),
                "Kent de buurt goed; wil werken in de logistiek." if i % 4 == 0 else None,
            ]
        )
    wb.save(pp)

    cp = folder / "contactmomenten.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Contacten"
    ws.append(["Dossiernummer", "Datum", "Uur", "Soort contact", "Duur", "Bereikt",
               "Thema's", "Verslag"])  # fmt: skip
    for i in range(contacts):
        # Each person's contacts on different days (a real log has no exact duplicates).
        day = today - timedelta(days=1 + (i // people) * 3 + rng.randint(0, 1))
        ws.append(
            [
                f"CL-{i % people:05d}",
                datetime.combine(day, datetime.min.time()),
                f"{rng.randint(8, 19)}u{rng.choice(['00', '15', '30', '45'])}",
                rng.choice(CHANNELS),
                rng.choice([10, 20, 30, 45, 60, "1u30"]),
                "ja" if rng.random() < 0.85 else "nee",
                "; ".join(rng.sample(DOMAINS, k=rng.randint(0, 2))),
                f"Gesprek nr. {i} over de week, afspraken overlopen en samen gebeld.",
            ]
        )
    wb.save(cp)
    return vp, pp, cp


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--contacts", type=int, default=50_000)
    parser.add_argument("--make-files", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    rng = random.Random(15)
    if args.make_files:
        write_files(Path(args.make_files), args.people, args.contacts, rng)
        return
    with scratch_dir("import") as tmp:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, __file__, "--people", str(args.people), "--contacts",
             str(args.contacts), "--make-files", str(tmp)],
            check=True,
        )  # fmt: skip
        vp, pp, cp = (
            tmp / n for n in ("vindplaatsen.xlsx", "caseload.xlsx", "contactmomenten.xlsx")
        )
        report("xlsx_files_written", time.perf_counter() - start, "s", "{:.1f}")
        report("xlsx_contacts_file_size", cp.stat().st_size / 2**20, "MB", "{:.1f}")
        rss_before = peak_rss_mb()
        data = tmp / "vault"
        svc = VaultService(AppPaths(data, data / "logs"), kdf_params=FAST)
        vault = svc.create(BENCH_PASSPHRASE).vault
        try:
            field = FieldServices(vault)
            imports = field.imports
            total = cpu = 0.0
            for kind, path, name in (
                (Kind.VINDPLAATSEN, vp, "import_vindplaatsen"),
                (Kind.PEOPLE, pp, "import_people"),
                (Kind.CONTACTS, cp, "import_contacts"),
            ):
                start, start_cpu = time.perf_counter(), time.process_time()
                mapping = imports.inspect(path, kind).mapping
                result = imports.run(path, mapping, valid_only=False)
                elapsed = time.perf_counter() - start
                total += elapsed
                cpu += time.process_time() - start_cpu
                assert result.written and not result.skipped, result.problems[:5]
                report(name, elapsed, "s", "{:.2f}")
                report(f"{name}_rows", result.created, "count", "{:.0f}")
            report("import_people_and_contacts_total", total, "s", "{:.1f}")
            # CPU time of this process: what the import costs without other work on the cores.
            report("import_people_and_contacts_cpu", cpu, "s", "{:.1f}")
            report("import_peak_rss", peak_rss_mb(), "MB", "{:.0f}")
            report("rss_before_import", rss_before, "MB", "{:.0f}")
            start = time.perf_counter()
            mapping = imports.inspect(cp, Kind.CONTACTS).mapping
            again = imports.run(cp, mapping, valid_only=False)
            report("reimport_contacts_unchanged", time.perf_counter() - start, "s", "{:.2f}")
            assert again.created == 0 and again.unchanged == args.contacts, again
            start = time.perf_counter()
            check = imports.check(cp, mapping)
            report("check_contacts", time.perf_counter() - start, "s", "{:.2f}")
            assert check.problem_total == 0
        finally:
            vault.lock()


if __name__ == "__main__":
    main()
