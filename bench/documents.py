"""Document figures (DESIGN.md §9: a warm-handover fiche in < 500 ms).

    python bench/documents.py [--runs 5]

Builds, through the services exactly as the app does, a full fiche (every section consented,
ZRM radar included) and a person's PDF export with 500 contact moments. Prints medians.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, datetime, timedelta

from _common import BENCH_PASSPHRASE, report, scratch_dir

from app.crypto.kdf import KdfParams
from app.domain.zrm import DomainScore
from app.paths import AppPaths
from app.services.contacts import AgreementInput, ContactInput, Participant
from app.services.field import FieldServices
from app.services.handovers import HandoverInput
from app.services.people import ClientDetails, PseudonymInput
from app.services.sharing import ConsentInput, OrganisationInput
from app.services.situation import DrempelInput, NetworkInput
from app.services.vault import VaultService
from app.services.zrm import AssessmentInput, editions

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with scratch_dir("documents") as d:
        vault = (
            VaultService(AppPaths(d / "v", d / "logs"), kdf_params=FAST)
            .create(BENCH_PASSPHRASE)
            .vault
        )
        field = FieldServices(vault)
        today = field.context.today()
        org = field.social_map.create(OrganisationInput("VDAB Gent", "vdab", measures=("ibo",)))
        pid = field.people.create_pseudonym(
            PseudonymInput("Zoë", today - timedelta(days=900), "mond_aan_mond")
        )
        field.people.upgrade_to_client(
            pid, ClientDetails("Zoë", "Vermeulen", today - timedelta(days=800))
        )
        start = datetime.combine(today - timedelta(days=700), datetime.min.time())
        for i in range(500):
            field.contacts.create(
                ContactInput(
                    occurred_at=start + timedelta(days=i, hours=10),
                    channel="telefoon",
                    people=(Participant(pid),),
                    summary=f"Gesprek {i} over werk, woning en opleiding",
                    agreements=(
                        AgreementInput(
                            f"Afspraak {i}", "persoon", due_on=today + timedelta(days=30)
                        ),
                    )
                    if i % 50 == 0
                    else (),
                )
            )
        for dom in ("huisvesting", "financien", "werk", "geestelijke_gezondheid"):
            field.situation.add_drempel(pid, DrempelInput(dom, "actief"))
        field.situation.add_network_member(pid, NetworkInput("informeel", "familie", "Mama"))
        codes = editions()["2017"].codes()
        for k in range(3):
            field.zrm.save(
                AssessmentInput(
                    pid,
                    today - timedelta(days=300 - 100 * k),
                    "An",
                    {
                        c: DomainScore(
                            c,
                            min(5, 2 + k),
                            None,
                            "persoon",
                            target_level=4,
                            target_date=today + timedelta(days=90),
                        )
                        for c in codes
                    },
                )
            )
        field.consents.record(
            ConsentInput(
                pid,
                tuple(field.vocab["consent_categories"].codes()),
                ("warme_overdracht",),
                "schriftelijk",
                today,
                organisation_ids=(org,),
            )
        )
        h = field.handovers.create(
            HandoverInput(
                pid,
                "vdab",
                org,
                measure="ibo",
                why_now="Ik ben er klaar voor.",
                goals="Werk",
                job_target="Magazijnier",
                strengths="Stipt",
                practical={"kinderopvang": "tot 17 uur", "vervoer": "fiets"},
                admin={"vdab": "ingeschreven"},
                early_warning={"groen": "ok", "rood": "bellen"},
                planned_at=datetime.combine(today + timedelta(days=3), datetime.min.time()),
                place="VDAB",
                expected_feedback_on=today + timedelta(days=17),
            )
        )
        fiche, export = [], []
        for i in range(args.runs):
            t = time.perf_counter()
            field.handovers.export_fiche(h, d / f"fiche-{i}.pdf")
            fiche.append(time.perf_counter() - t)
        for i in range(max(3, args.runs // 2)):
            t = time.perf_counter()
            field.rights.export(pid, "pdf", d / f"export-{i}.pdf")
            export.append(time.perf_counter() - t)
        report("fiche_full_pdf_median", statistics.median(fiche) * 1000, "ms", "{:.0f}")
        report(
            "person_export_pdf_500_contacts_median",
            statistics.median(export) * 1000,
            "ms",
            "{:.0f}",
        )
        vault.lock()
    _ = date


if __name__ == "__main__":
    main()
