"""Consent-bound sharing against a real vault: sociale kaart, consents, handovers, the fiche's
data after the consent rule, overrides, the MLP summary, and the rights of the person."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest

from app.domain.zrm import DomainScore
from app.errors import NotFound, StorageError, ValidationError, WrongPassphrase
from app.paths import resource
from app.services.contacts import AgreementInput, ContactInput, Participant
from app.services.field import FieldServices
from app.services.handovers import HandoverInput, Override
from app.services.people import ClientDetails, PseudonymInput
from app.services.sharing import ConsentInput, OrganisationInput
from app.services.situation import DrempelInput, NetworkInput
from app.services.zrm import AssessmentInput, editions
from tests.conftest import CANARY, PASSPHRASE

PRIVATE = "PRIVE-" + CANARY
HEALTH = "GEZONDHEID-" + CANARY
WHY = "WAAROM-" + CANARY


@pytest.fixture
def setup(field: FieldServices) -> dict[str, str]:
    vdab = field.social_map.create(OrganisationInput("VDAB Gent", "vdab", measures=("ibo", "bvs")))
    lies = field.social_map.add_contact(vdab, "Lies Peeters", "trajectbegeleider")
    ocmw = field.social_map.create(OrganisationInput("OCMW Gent", "ocmw"))
    pid = field.people.create_pseudonym(PseudonymInput("Zoë", date(2026, 1, 5), "mond_aan_mond"))
    field.people.upgrade_to_client(pid, ClientDetails("Zoë", "Vermeulen", date(2026, 2, 1)))
    field.contacts.create(
        ContactInput(
            occurred_at=datetime(2026, 11, 18, 10, 0),
            channel="telefoon",
            people=(Participant(pid),),
            summary="Klaar voor een opleiding",
            private_note=PRIVATE,
            agreements=(AgreementInput("Cv meebrengen", "persoon", due_on=date(2026, 11, 30)),),
        )
    )
    field.situation.add_drempel(pid, DrempelInput("huisvesting", "actief", "geen_woning"))
    field.situation.add_drempel(
        pid, DrempelInput("geestelijke_gezondheid", "in_behandeling", "psychisch", note=HEALTH)
    )
    field.situation.add_network_member(
        pid, NetworkInput("professioneel", "ggz", "Dr. X", life_domains=("geestelijke_gezondheid",))
    )
    field.situation.add_network_member(pid, NetworkInput("informeel", "familie", "Mama"))
    scores = {c: DomainScore(c, 3, None, "persoon") for c in editions()["2017"].codes()}
    field.zrm.save(AssessmentInput(pid, date(2026, 10, 1), "An", scores))
    h = field.handovers.create(
        HandoverInput(
            pid,
            "vdab",
            vdab,
            contact_id=lies,
            measure="ibo",
            why_now=WHY,
            job_target="Magazijnier",
            practical={"kinderopvang": "Opvang tot 17 uur"},
            planned_at=datetime(2026, 11, 25, 14, 0),
            place="VDAB Gent, Kortrijksesteenweg",
            expected_feedback_on=date(2026, 12, 9),
        )
    )
    return {"vdab": vdab, "lies": lies, "ocmw": ocmw, "pid": pid, "h": h}


def _text(data: object) -> str:
    return json.dumps(data, default=str, ensure_ascii=False)


def test_no_consent_fiche_holds_only_parties_and_meeting(field: FieldServices, setup) -> None:  # type: ignore[no-untyped-def]
    data = field.handovers.fiche_data(setup["h"])
    assert not data.has_consent and "geen geldige toestemming" in " ".join(data.consent_lines)
    assert data.person_label == "Zoë" and data.meeting_place and data.why_now is None
    assert data.domains is None and data.agreements is None and data.radar is None
    assert "Vermeulen" not in _text(data) and CANARY not in _text(data)


def test_consented_sections_only_and_never_private_notes(field: FieldServices, setup) -> None:  # type: ignore[no-untyped-def]
    field.consents.record(
        ConsentInput(
            setup["pid"],
            ("persoonsgegevens", "motivatie", "situatie", "zrm", "traject", "netwerk"),
            ("warme_overdracht",),
            "schriftelijk",
            date(2026, 11, 1),
            organisation_ids=(setup["vdab"],),
            valid_until=date(2027, 5, 1),
        )
    )
    data = field.handovers.fiche_data(setup["h"])
    text = _text(data)
    assert data.has_consent and data.person_label == "Zoë Vermeulen"
    assert (
        data.why_now == WHY
        and data.agreements
        and data.agreements[0].description == "Cv meebrengen"
    )
    assert data.practical is None and "Praktische aandachtspunten" in data.withheld
    # Sensitive health: not consented, so neither the drempel, its note, the GGZ contact nor
    # the ZRM health scores.
    assert HEALTH not in text and PRIVATE not in text and "Dr. X" not in text
    labels = [d.domain for d in data.domains or ()]
    assert "Huisvesting" in labels and "Geestelijke gezondheid" not in labels
    assert data.radar is not None
    axes = dict(zip(data.radar.axes, data.radar.series["Laatste meting"], strict=True))
    assert axes["Geestelijke gezondheid"] is None and axes["Financiën"] == 3
    assert [n.name for n in data.network or ()] == ["Mama"]


def test_expired_or_withdrawn_consent_and_another_recipient(field: FieldServices, setup) -> None:  # type: ignore[no-untyped-def]
    cid = field.consents.record(
        ConsentInput(
            setup["pid"],
            ("motivatie",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 6, 1),
            organisation_ids=(setup["vdab"],),
            valid_until=date(2026, 10, 1),
        )
    )
    assert not field.handovers.fiche_data(setup["h"]).has_consent
    assert "verlopen" in " ".join(field.handovers.fiche_data(setup["h"]).consent_lines)
    field.consents.record(
        ConsentInput(
            setup["pid"],
            ("motivatie",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 11, 1),
            organisation_ids=(setup["ocmw"],),
        )
    )
    assert not field.handovers.fiche_data(setup["h"]).has_consent  # consent for OCMW, not VDAB
    ok = field.consents.record(
        ConsentInput(
            setup["pid"],
            ("motivatie",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 11, 1),
            contact_ids=(setup["lies"],),
        )
    )
    assert field.handovers.fiche_data(setup["h"]).why_now == WHY
    field.consents.withdraw(ok, date(2026, 11, 20))
    assert not field.handovers.fiche_data(setup["h"]).has_consent
    with pytest.raises(ValidationError):
        field.consents.withdraw(ok, date(2026, 11, 20))
    _ = cid


def test_override_needs_reason_and_passphrase_and_is_audited(
    field: FieldServices, setup, vault
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        field.handovers.fiche_data(setup["h"], Override("", ("praktisch",), PASSPHRASE))
    with pytest.raises(WrongPassphrase):
        field.handovers.fiche_data(
            setup["h"], Override("dringend", ("praktisch",), "fout fout fout")
        )
    assert "consent_override" not in [e.event for e in vault.audit.entries()]
    data = field.handovers.fiche_data(
        setup["h"],
        Override("Persoon stemde mondeling in tijdens het gesprek", ("praktisch",), PASSPHRASE),
    )
    assert data.practical == (("Kinderopvang en uren", "Opvang tot 17 uur"),)
    assert data.override_note and "mondeling" in data.override_note
    entry = next(e for e in vault.audit.entries() if e.event == "consent_override")
    assert entry.record_id == setup["h"] and "mondeling" not in (entry.detail or "")


def test_recipient_missing_from_the_sociale_kaart(field: FieldServices, setup) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        field.handovers.create(HandoverInput(setup["pid"], "vdab", "onbekend-id"))
    assert "sociale kaart" in info.value.message
    with pytest.raises(ValidationError):
        field.handovers.create(
            HandoverInput(setup["pid"], "ocmw", setup["ocmw"], contact_id=setup["lies"])
        )


def test_feedback_tracking_and_overdue(field: FieldServices, setup, clock_now) -> None:  # type: ignore[no-untyped-def]
    assert field.handovers.overdue_feedback() == []
    clock_now[0] = datetime(2026, 12, 15, 9, 0)
    overdue = field.handovers.overdue_feedback(setup["vdab"])
    assert [h.id for h in overdue] == [setup["h"]]
    field.handovers.mark_held(setup["h"], date(2026, 11, 25))
    field.handovers.record_feedback(setup["h"], date(2026, 12, 15), "Start IBO op 5 januari")
    assert field.handovers.overdue_feedback() == []
    assert field.handovers.get(setup["h"]).status == "feedback_ontvangen"


def test_mlp_summary_is_consent_filtered(field: FieldServices, setup) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        field.handovers.mlp_summary(setup["h"])
    field.consents.record(
        ConsentInput(
            setup["pid"],
            ("motivatie", "traject"),
            ("mlp",),
            "mondeling",
            date(2026, 11, 1),
            organisation_ids=(setup["vdab"],),
        )
    )
    text = field.handovers.mlp_summary(setup["h"])
    assert "Magazijnier" in text and "IBO" in text.upper()
    assert "Huisvesting" not in text and CANARY not in text


def test_export_json_validates_and_erasure_leaves_no_trace(
    field: FieldServices, setup, vault, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    field.consents.record(
        ConsentInput(
            setup["pid"],
            ("motivatie",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 11, 1),
            organisation_ids=(setup["vdab"],),
        )
    )
    out = tmp_path / "export.json"
    field.rights.export(setup["pid"], "json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(resource("schemas", "person-export.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["person"]["family_name"] == "Vermeulen" and len(doc["contacts"]) == 1
    with pytest.raises(StorageError):
        field.rights.export(setup["pid"], "json", out)  # never overwrites
    with pytest.raises(WrongPassphrase):
        field.rights.erase(setup["pid"], "niet de juiste zin")
    purge = field.rights.erase(setup["pid"], PASSPHRASE)
    assert ["person", setup["pid"]] in purge.record_refs
    with pytest.raises(NotFound):
        field.people.get(setup["pid"])
    assert field.caseload.search("Vermeulen") == [] and field.caseload.search("opleiding") == []
    # Nothing of the person inside the decrypted database either.
    dump = _dump_every_table(vault)
    for needle in (CANARY, "Vermeulen", "Klaar voor een opleiding", "Magazijnier"):
        assert needle.lower().encode() not in dump, needle
    # The full-text index's own segments hold tokens in binary form: none of the erased words.
    for token in ("vermeulen", "magazijnier", "opleiding"):
        assert token.encode() not in dump, token
    entry = next(e for e in vault.audit.entries() if e.event == "person_erased")
    assert entry.record_id == setup["pid"] and "Vermeulen" not in (entry.detail or "")
    # Raw files: nothing in clear (the vault is encrypted, and the WAL was truncated).
    for p in vault.paths.data_dir.rglob("*"):
        if p.is_file() and p != out:
            assert CANARY.encode() not in p.read_bytes()


def _dump_every_table(vault) -> bytes:  # type: ignore[no-untyped-def]
    """Every value of every table (FTS shadow tables included), lower-cased bytes."""
    conn = vault.context.engine.raw_connection()
    try:
        cur = conn.cursor()
        names = [r[0] for r in cur.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        chunks: list[bytes] = []
        for name in names:
            for row in cur.execute(f'SELECT * FROM "{name}"'):
                for value in row:
                    if isinstance(value, bytes):
                        chunks.append(value.lower())
                    elif value is not None:
                        chunks.append(str(value).lower().encode())
        return b"\n".join(chunks)
    finally:
        conn.close()
