"""The warm-handover fiche: real PDFs read back with pypdf and rendered with pdftoppm."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.fiche import NO_CONSENT, TITLES, build_fiche
from app.documents.fiche_data import AgreementLine, DomainLine, FicheData, NetworkLine, Party
from app.domain.zrm import RadarData

CANARIES = {
    "why_now": "KanarieWaaromNu",
    "goals": "KanarieDoelen",
    "job_target": "KanarieJobdoelwit",
    "strengths": "KanarieSterkte",
    "domains": "KanarieDomein",
    "practical": "KanariePraktisch",
    "network": "KanarieNetwerk",
    "admin": "KanarieAdmin",
    "route": "KanarieRoute",
    "agreements": "KanarieAfspraak",
    "feedback": "KanarieTerugkoppeling",
    "early_warning": "KanarieSignaal",
    "employer": "KanarieWerkgever",
}


def sample_fiche(*, canaries: bool = False) -> FicheData:
    """A realistic, fully consented fiche with fictional people and places."""

    def c(key: str, text: str) -> str:
        return f"{text} {CANARIES[key]}" if canaries else text

    person = Party("Persoon", "Zoë Vermeulen", None, "0470 12 34 56")
    worker = Party("Outreachwerker", "Jonas De Smet", "Outreach Gent-Zuid", "0489 65 43 21")
    receiver = Party("Ontvanger", "Amira El Idrissi", "VDAB Gent, Oriëntering", "09 123 45 67")
    return FicheData(
        generated_on=date(2025, 3, 14),
        document_version=3,
        person_label="Zoë Vermeulen",
        handover_type="Warme overdracht naar trajectbegeleiding",
        purpose="Oriëntering naar werk",
        parties=(person, worker, receiver),
        meeting_at=datetime(2025, 3, 18, 10, 0),
        meeting_place="Buurtcentrum De Brug, Sint-Pietersplein 5, Gent",
        has_consent=True,
        consent_lines=(
            "Gedeeld met toestemming van Zoë: motivatie, competenties, situatie, praktische "
            "punten, netwerk, administratie en traject.",
            "Toestemming mondeling gegeven op 10/03/2025, geldig tot 10/09/2025.",
        ),
        override_note=None,
        why_now=c(
            "why_now",
            "Mijn dochter gaat nu naar school. Ik wil terug werken en mijn eigen geld "
            "verdienen. Ik ben er klaar voor, maar ik wil niet alles opnieuw moeten vertellen.",
        ),
        goals=c(
            "goals",
            "Binnen zes maanden een deeltijdse job vinden, overdag, dicht bij huis. Ondertussen "
            "haar Nederlands verder oefenen.",
        ),
        job_target=c("job_target", "Keukenhulp of medewerker in een sociale kruidenier"),
        strengths=(
            c("strengths", "Betrouwbaar en altijd op tijd voor afspraken"),
            "Kookt graag en voor grote groepen (vrijwilliger bij de buurtmaaltijd)",
            "Spreekt Frans, Arabisch en steeds beter Nederlands",
        ),
        domains=(
            DomainLine(
                "Financiën",
                (("Schulden", "In behandeling bij het OCMW"), ("Geen bankkaart", "Opgelost")),
            ),
            DomainLine("Gezin en kinderen", (("Kinderopvang", c("domains", "Actief")),)),
            DomainLine("Mobiliteit", (("Geen rijbewijs", "Actief"),)),
            DomainLine("ZRM Financiën", (), 2, "Niet zelfredzaam"),
            DomainLine("ZRM Werk en opleiding", (), 2, "Beperkt zelfredzaam"),
            DomainLine("ZRM Huisvesting", (), 4, "Voldoende zelfredzaam"),
            DomainLine("ZRM Sociaal netwerk", (), 3, "Beperkt zelfredzaam"),
        ),
        radar=RadarData(
            axes=(
                "Financiën",
                "Werk en opleiding",
                "Tijdsbesteding",
                "Huisvesting",
                "Huiselijke relaties",
                "Geestelijke gezondheid",
                "Sociaal netwerk",
                "Maatschappelijke participatie",
            ),
            series={
                "Eerste meting": (1, 1, 2, 3, 3, 2, 2, 1),
                "Laatste meting": (2, 2, 3, 4, 3, 3, 3, 2),
                "Doel": (3, 4, 4, 4, 4, 3, 4, 3),
            },
        ),
        practical=(
            ("Kinderopvang en uren", c("practical", "Beschikbaar van 9 tot 15 uur")),
            ("Vervoer", "Fiets en bus; geen rijbewijs"),
            ("Taal", "Nederlands op A2-niveau; Frans vlot"),
            ("Hoe communiceren", "Liefst bellen of een spraakbericht, niet per brief"),
        ),
        network=(
            NetworkLine(
                "Lotte Claes",
                "Maatschappelijk werker",
                "OCMW Gent",
                c("network", "Schuldhulp; heeft het dossier"),
            ),
            NetworkLine("Karim Vermeulen", "Broer", None, "Past soms op de kinderen"),
        ),
        admin=(
            ("Inschrijving VDAB", "Ingeschreven als werkzoekende sinds 02/2025"),
            ("Mijn Loopbaan", c("admin", "Account actief")),
            ("Wie heeft het dossier", "OCMW Gent (Lotte Claes)"),
            ("Uitkering of inkomen", "Leefloon"),
        ),
        route=c("route", "Individuele beroepsopleiding (IBO) in de keuken — warme overdracht"),
        agreements=(
            AgreementLine(
                c("agreements", "Attest kinderopvang meebrengen"), "Zoë", date(2025, 3, 18)
            ),
            AgreementLine(
                "Oriënteringsgesprek inplannen bij VDAB", "Amira El Idrissi", date(2025, 3, 25)
            ),
            AgreementLine("Mee naar het eerste gesprek gaan", "Jonas De Smet", None),
        ),
        feedback=c(
            "feedback",
            "Amira El Idrissi koppelt terug aan Jonas De Smet uiterlijk op 08/04/2025.",
        ),
        early_warning=(
            ("Groen", c("early_warning", "Zoë komt naar de afspraken: niets extra nodig.")),
            ("Oranje", "Twee afspraken gemist: Amira belt Jonas, samen bellen we Zoë."),
            ("Rood", "Geen contact meer na twee weken: Jonas zoekt Zoë op in de buurt."),
        ),
        employer=None,
        signatures=(person, worker, receiver),
        withheld=(),
    )


def pdf_bytes(data: FicheData) -> bytes:
    buf = io.BytesIO()
    build_fiche(data, buf)
    return buf.getvalue()


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def flat(pdf: bytes) -> str:
    """All text with whitespace collapsed (extraction breaks lines where the layout does)."""
    return re.sub(r"\s+", " ", " ".join(page_texts(pdf)))


def render_pgm(pdf: bytes, tmp_path: Path, dpi: int = 50) -> list[tuple[int, int, bytes]]:
    """Rasterise every page with pdftoppm as greyscale PGM; (width, height, pixels) each."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), str(src), str(tmp_path / "page")], check=True
    )
    pages = []
    for f in sorted(tmp_path.glob("page*.pgm")):
        raw = f.read_bytes()
        m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
        assert m, "not a binary PGM"
        w, h = int(m[1]), int(m[2])
        pages.append((w, h, raw[m.end() : m.end() + w * h]))
    return pages


def dark_fraction(pixels: bytes) -> float:
    return sum(1 for b in pixels if b < 128) / max(len(pixels), 1)


# --- tests ---------------------------------------------------------------------------------


def test_consented_sections_and_texts_present() -> None:
    pdf = pdf_bytes(sample_fiche(canaries=True))
    text = flat(pdf)
    for key, title in TITLES.items():
        if key == "employer":
            continue  # not in this handover
        assert title in text, title
    for key, canary in CANARIES.items():
        if key != "employer":
            assert canary in text, key
    for expected in (
        "Zoë Vermeulen", "Amira El Idrissi", "VDAB Gent, Oriëntering", "Oriëntering naar werk",
        "dinsdag 18/03/2025 om 10.00 uur", "Buurtcentrum De Brug", "Attest kinderopvang",
        "25/03/2025", "Groen", "Oranje", "Rood", "Niet zelfredzaam", "Eerste meting",
        "Handtekening",
    ):  # fmt: skip
        assert expected in text, expected
    assert NO_CONSENT not in text


def test_accents_survive_extraction() -> None:
    text = flat(pdf_bytes(sample_fiche()))
    assert "Zoë" in text
    assert "Oriëntering" in text
    assert "Financiën" in text


def test_every_page_is_marked_and_numbered() -> None:
    data = dataclasses.replace(
        sample_fiche(),
        agreements=tuple(
            AgreementLine(f"Afspraak nummer {i} over de opvolging", "Jonas De Smet", None)
            for i in range(60)
        ),
    )
    pages = page_texts(pdf_bytes(data))
    n = len(pages)
    assert n >= 3
    for i, t in enumerate(pages, start=1):
        assert "Vertrouwelijk" in t
        assert "VERTROUWELIJK" in t
        assert f"pagina {i}/{n}" in t
        assert "14/03/2025" in t
        assert "versie 3" in t


@pytest.mark.parametrize(
    "absent",
    [
        ("why_now",),
        ("goals", "job_target", "strengths"),
        ("domains", "practical", "network", "admin"),
        ("route", "agreements", "feedback", "early_warning"),
        tuple(k for k in CANARIES if k != "employer"),
    ],
)
def test_sections_without_consent_are_entirely_absent(absent: tuple[str, ...]) -> None:
    changes: dict[str, object] = {k: None for k in absent}
    if "domains" in absent:
        changes["radar"] = None
    data = dataclasses.replace(sample_fiche(canaries=True), **changes)  # type: ignore[arg-type]
    text = flat(pdf_bytes(data))
    title_of = {"job_target": "goals"}
    for key in absent:
        assert CANARIES[key] not in text, key
        title = TITLES[title_of.get(key, key)]
        if key == "goals" and "job_target" not in absent:
            continue
        assert title not in text, title
    if "domains" in absent:
        assert "Zelfredzaamheid" not in text
        assert "Eerste meting" not in text  # the radar legend
    # what stays is still there
    for key in set(CANARIES) - set(absent) - {"employer"}:
        assert CANARIES[key] in text, key
    assert "Bevestiging en handtekeningen" in text


def test_partial_goals_section_keeps_the_part_that_was_shared() -> None:
    data = dataclasses.replace(sample_fiche(canaries=True), goals=None)
    text = flat(pdf_bytes(data))
    assert CANARIES["goals"] not in text
    assert CANARIES["job_target"] in text
    assert TITLES["goals"] not in text


def test_withheld_listed_and_override_boxed() -> None:
    data = dataclasses.replace(
        sample_fiche(),
        network=None,
        withheld=("Netwerk", "Zelfredzaamheidsmatrix"),
        override_note=(
            "Uitzondering op de toestemming: acuut risico op uithuiszetting (Huisvesting)."
        ),
    )
    text = flat(pdf_bytes(data))
    assert "Niet gedeeld: Netwerk, Zelfredzaamheidsmatrix." in text
    assert "acuut risico op uithuiszetting" in text
    assert TITLES["network"] not in text
    assert "Lotte Claes" in text  # still named elsewhere (administrative status)


def test_employer_section_only_when_present() -> None:
    without = flat(pdf_bytes(sample_fiche()))
    assert "Werkgever" not in without
    data = dataclasses.replace(
        sample_fiche(),
        employer=(("Werkgever", "Sociale kruidenier Het Pakhuis"), ("Functie", "Winkelhulp")),
    )
    assert "Sociale kruidenier Het Pakhuis" in flat(pdf_bytes(data))


def test_radar_absent_when_none_but_domain_table_stays() -> None:
    data = dataclasses.replace(sample_fiche(), radar=None)
    text = flat(pdf_bytes(data))
    assert "Eerste meting" not in text
    assert "Schulden" in text
    assert "Niet zelfredzaam" in text


def test_no_consent_fiche_holds_only_parties_and_meeting() -> None:
    full = sample_fiche(canaries=True)
    data = FicheData(
        generated_on=full.generated_on,
        document_version=2,
        person_label="Z.V.",
        handover_type=full.handover_type,
        purpose=full.purpose,
        parties=(Party("Persoon", "Z.V."), *full.parties[1:]),
        meeting_at=full.meeting_at,
        meeting_place=full.meeting_place,
        has_consent=False,
        consent_lines=("Er is geen geldige toestemming voor deze ontvanger.",),
        signatures=(Party("Persoon", "Z.V."), *full.signatures[1:]),
        withheld=("Alle inhoud (geen geldige toestemming)",),
    )
    pdf = pdf_bytes(data)
    text = flat(pdf)
    assert "geen geldige toestemming" in text.lower()
    assert "Geen toestemming" in text
    assert TITLES["parties"] in text and TITLES["meeting"] in text
    assert "Amira El Idrissi" in text and "Buurtcentrum De Brug" in text
    for key in set(TITLES) - {"parties", "meeting"}:
        assert TITLES[key] not in text, key
    for canary in CANARIES.values():
        assert canary not in text
    assert "Zoë" not in text
    assert "Handtekening" not in text
    assert len(page_texts(pdf)) == 1


def test_text_is_escaped_not_interpreted() -> None:
    data = dataclasses.replace(sample_fiche(), why_now="Ik wil <b>graag</b> & snel & goed.")
    assert "Ik wil <b>graag</b> & snel & goed." in flat(pdf_bytes(data))


def test_empty_consented_sections_say_so() -> None:
    data = dataclasses.replace(
        sample_fiche(), strengths=(), network=(), agreements=(), domains=(), radar=None
    )
    text = flat(pdf_bytes(data))
    assert TITLES["strengths"] in text and TITLES["network"] in text
    assert "Nog geen afspraken." in text
    assert "Geen drempels genoteerd." in text


def test_pages_render_and_are_not_blank(tmp_path: Path) -> None:
    pages = render_pgm(pdf_bytes(sample_fiche()), tmp_path)
    assert len(pages) >= 2
    for w, h, pixels in pages:
        assert w > 300 and h > 400
        assert len(pixels) == w * h
        assert 0.002 < dark_fraction(pixels) < 0.5


def test_builds_quickly() -> None:
    import time

    data = sample_fiche()
    t = time.perf_counter()
    pdf_bytes(data)
    assert time.perf_counter() - t < 5
