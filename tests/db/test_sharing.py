"""Consent-bound sharing against a real vault: sociale kaart, consents, handovers, the fiche's
data after the consent rule, overrides, the MLP summary, and the rights of the person."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest

from app.errors import NotFound, StorageError, ValidationError, WrongPassphrase
from app.paths import resource
from app.services.field import FieldServices
from app.services.handovers import HandoverInput, Override
from app.services.sharing import ConsentInput
from tests.conftest import CANARY, PASSPHRASE
from tests.db.conftest import HEALTH, PRIVATE, WHY


def _text(data: object) -> str:
    return json.dumps(data, default=str, ensure_ascii=False)


def test_no_consent_fiche_holds_only_parties_and_meeting(field: FieldServices, sharing) -> None:  # type: ignore[no-untyped-def]
    data = field.handovers.fiche_data(sharing["h"])
    assert not data.has_consent and "geen geldige toestemming" in " ".join(data.consent_lines)
    assert data.person_label == "Zoë" and data.meeting_place and data.why_now is None
    assert data.domains is None and data.agreements is None and data.radar is None
    assert "Vermeulen" not in _text(data) and CANARY not in _text(data)


def test_consented_sections_only_and_never_private_notes(field: FieldServices, sharing) -> None:  # type: ignore[no-untyped-def]
    field.consents.record(
        ConsentInput(
            sharing["pid"],
            ("persoonsgegevens", "motivatie", "situatie", "zrm", "traject", "netwerk"),
            ("warme_overdracht",),
            "schriftelijk",
            date(2026, 11, 1),
            organisation_ids=(sharing["vdab"],),
            valid_until=date(2027, 5, 1),
        )
    )
    data = field.handovers.fiche_data(sharing["h"])
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


def test_expired_or_withdrawn_consent_and_another_recipient(field: FieldServices, sharing) -> None:  # type: ignore[no-untyped-def]
    cid = field.consents.record(
        ConsentInput(
            sharing["pid"],
            ("motivatie",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 6, 1),
            organisation_ids=(sharing["vdab"],),
            valid_until=date(2026, 10, 1),
        )
    )
    assert not field.handovers.fiche_data(sharing["h"]).has_consent
    assert "verlopen" in " ".join(field.handovers.fiche_data(sharing["h"]).consent_lines)
    field.consents.record(
        ConsentInput(
            sharing["pid"],
            ("motivatie",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 11, 1),
            organisation_ids=(sharing["ocmw"],),
        )
    )
    assert not field.handovers.fiche_data(sharing["h"]).has_consent  # consent for OCMW, not VDAB
    ok = field.consents.record(
        ConsentInput(
            sharing["pid"],
            ("motivatie",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 11, 1),
            contact_ids=(sharing["lies"],),
        )
    )
    assert field.handovers.fiche_data(sharing["h"]).why_now == WHY
    field.consents.withdraw(ok, date(2026, 11, 20))
    assert not field.handovers.fiche_data(sharing["h"]).has_consent
    with pytest.raises(ValidationError):
        field.consents.withdraw(ok, date(2026, 11, 20))
    _ = cid


def test_override_needs_reason_and_passphrase_and_is_audited(
    field: FieldServices, sharing, vault
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        field.handovers.fiche_data(sharing["h"], Override("", ("praktisch",), PASSPHRASE))
    with pytest.raises(WrongPassphrase):
        field.handovers.fiche_data(
            sharing["h"], Override("dringend", ("praktisch",), "fout fout fout")
        )
    assert "consent_override" not in [e.event for e in vault.audit.entries()]
    override = Override(
        "Persoon stemde mondeling in tijdens het gesprek", ("praktisch",), PASSPHRASE
    )
    preview = field.handovers.fiche_data(sharing["h"], override)  # checked, not yet recorded
    assert preview.practical and "consent_override" not in [e.event for e in vault.audit.entries()]
    data = field.handovers.fiche_data(sharing["h"], override, record_override=True)
    assert data.practical == (("Kinderopvang en uren", "Opvang tot 17 uur"),)
    assert data.override_note and "mondeling" in data.override_note
    entry = next(e for e in vault.audit.entries() if e.event == "consent_override")
    assert entry.record_id == sharing["h"] and "mondeling" not in (entry.detail or "")


def test_recipient_missing_from_the_sociale_kaart(field: FieldServices, sharing) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        field.handovers.create(HandoverInput(sharing["pid"], "vdab", "onbekend-id"))
    assert "sociale kaart" in info.value.message
    with pytest.raises(ValidationError):
        field.handovers.create(
            HandoverInput(sharing["pid"], "ocmw", sharing["ocmw"], contact_id=sharing["lies"])
        )


def test_handover_input_round_trips_for_editing(field: FieldServices, sharing) -> None:  # type: ignore[no-untyped-def]
    before = field.handovers.input(sharing["h"])
    assert before.why_now == WHY and before.practical == {"kinderopvang": "Opvang tot 17 uur"}
    assert field.handovers.update(sharing["h"], before) is False  # nothing changed
    from dataclasses import replace

    assert field.handovers.update(sharing["h"], replace(before, job_target="Chauffeur"))
    assert field.handovers.input(sharing["h"]).job_target == "Chauffeur"


def test_feedback_tracking_and_overdue(field: FieldServices, sharing, clock_now) -> None:  # type: ignore[no-untyped-def]
    assert field.handovers.overdue_feedback() == []
    clock_now[0] = datetime(2026, 12, 15, 9, 0)
    overdue = field.handovers.overdue_feedback(sharing["vdab"])
    assert [h.id for h in overdue] == [sharing["h"]]
    field.handovers.mark_held(sharing["h"], date(2026, 11, 25))
    field.handovers.record_feedback(sharing["h"], date(2026, 12, 15), "Start IBO op 5 januari")
    assert field.handovers.overdue_feedback() == []
    assert field.handovers.get(sharing["h"]).status == "feedback_ontvangen"


def test_mlp_summary_is_consent_filtered(field: FieldServices, sharing) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        field.handovers.mlp_summary(sharing["h"])
    field.consents.record(
        ConsentInput(
            sharing["pid"],
            ("motivatie", "traject"),
            ("mlp",),
            "mondeling",
            date(2026, 11, 1),
            organisation_ids=(sharing["vdab"],),
        )
    )
    text = field.handovers.mlp_summary(sharing["h"])
    assert "Magazijnier" in text and "IBO" in text.upper()
    assert "Huisvesting" not in text and CANARY not in text


def test_export_json_validates_and_erasure_leaves_no_trace(
    field: FieldServices, sharing, vault, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    field.consents.record(
        ConsentInput(
            sharing["pid"],
            ("motivatie",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 11, 1),
            organisation_ids=(sharing["vdab"],),
        )
    )
    out = tmp_path / "export.json"
    field.rights.export(sharing["pid"], "json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(resource("schemas", "person-export.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["person"]["family_name"] == "Vermeulen" and len(doc["contacts"]) == 1
    with pytest.raises(StorageError):
        field.rights.export(sharing["pid"], "json", out)  # never overwrites
    with pytest.raises(WrongPassphrase):
        field.rights.erase(sharing["pid"], "niet de juiste zin")
    purge = field.rights.erase(sharing["pid"], PASSPHRASE)
    assert ["person", sharing["pid"]] in purge.record_refs
    with pytest.raises(NotFound):
        field.people.get(sharing["pid"])
    assert field.caseload.search("Vermeulen") == [] and field.caseload.search("opleiding") == []
    # Nothing of the person inside the decrypted database either.
    dump = _dump_every_table(vault)
    for needle in (CANARY, "Vermeulen", "Klaar voor een opleiding", "Magazijnier"):
        assert needle.lower().encode() not in dump, needle
    # The full-text index's own segments hold tokens in binary form: none of the erased words.
    for token in ("vermeulen", "magazijnier", "opleiding"):
        assert token.encode() not in dump, token
    entry = next(e for e in vault.audit.entries() if e.event == "person_erased")
    assert entry.record_id == sharing["pid"] and "Vermeulen" not in (entry.detail or "")
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
