"""Columns mapped by their Dutch or English headers, the team's own words mapped to codes, and
the mapping file that the wizard saves and the command line reads."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.import_kinds import (
    AGREEMENTS,
    CONTACTS,
    KINDS,
    PARTNERS,
    PEOPLE,
    VINDPLAATSEN,
    Kind,
    match_value,
    missing_fields,
    new_code,
    suggest_mapping,
    value_key,
)
from app.services import vocabularies
from app.services.importing.mapping import (
    ImportMapping,
    MappingError,
    NewTerm,
    parse_mapping,
)
from app.services.importing.rows import builtin_synonyms, split_full_name

VOC = vocabularies.builtin()


def test_a_caseload_sheet_maps_itself() -> None:
    headers = [
        "Dossiernr.",
        "Naam",
        "Voornaam",
        "Geb. datum",
        "GSM-nummer",
        "Rijksregisternr",
        "Begeleider",
        "Fase",
        "Sinds",
        "Doorverwezen door",
        "Opmerkingen",
        "Kolom L",
    ]
    got = suggest_mapping(PEOPLE, headers)
    assert got == {
        "Dossiernr.": "external_id",
        "Naam": "family_name",  # beside "Voornaam": the family name
        "Voornaam": "given_name",
        "Geb. datum": "date_of_birth",
        "GSM-nummer": "phone",
        "Rijksregisternr": "national_number",
        "Begeleider": "worker",
        "Fase": "phase",
        "Sinds": "phase_since",
        "Doorverwezen door": "referral_source",
        "Opmerkingen": "note",
        "Kolom L": None,
    }


def test_one_name_column_is_the_full_name_and_english_headers_work() -> None:
    got = suggest_mapping(PEOPLE, ["Name", "Date of birth", "Phone", "Nickname", "Notes"])
    assert got == {
        "Name": "full_name",
        "Date of birth": "date_of_birth",
        "Phone": "phone",
        "Nickname": "alias",
        "Notes": "note",
    }


def test_a_contact_log_maps_itself_with_a_typo() -> None:
    got = suggest_mapping(
        CONTACTS,
        [
            "Klantnummer",
            "Datum",
            "Uur",
            "Soort contact",
            "Duur (min)",
            "Bereikt?",
            "Thema's",
            "Verslag",
            "Opmerking",
            "Volgende afsrpaak",
        ],
    )
    assert got["Klantnummer"] == "person_external_id"
    assert got["Datum"] == "occurred_on" and got["Uur"] == "occurred_time"
    assert got["Soort contact"] == "channel" and got["Duur (min)"] == "duration"
    assert got["Bereikt?"] == "status" and got["Thema's"] == "life_domains"
    assert got["Verslag"] == "summary"
    assert got["Opmerking"] == "private_note"  # a plain note is never shared
    assert got["Volgende afsrpaak"] == "next_contact"  # close enough


def test_each_field_takes_one_column() -> None:
    got = suggest_mapping(PEOPLE, ["Telefoon", "GSM"])
    assert sorted(v for v in got.values() if v) == ["phone"]
    assert got["Telefoon"] == "phone"


@pytest.mark.parametrize("kind", list(KINDS.values()), ids=lambda k: k.kind)
def test_every_fields_own_label_maps_back(kind) -> None:  # type: ignore[no-untyped-def]
    labels = [f.label for f in kind.fields]
    assert suggest_mapping(kind, labels) == {f.label: f.key for f in kind.fields}


def test_what_must_be_mapped() -> None:
    assert missing_fields(CONTACTS, ["occurred_on", "channel"]) == [
        "Persoon of Dossiernummer persoon of Rijksregisternummer persoon of Familienaam persoon"
    ]
    assert missing_fields(VINDPLAATSEN, ["name"]) == ["Soort"]
    assert missing_fields(VINDPLAATSEN, ["name"], defaults=["type"]) == []
    assert missing_fields(PEOPLE, ["full_name"]) == []
    assert missing_fields(AGREEMENTS, ["person"]) == ["Afspraak"]
    assert missing_fields(PARTNERS, ["name", "type"]) == []


@pytest.mark.parametrize(
    ("vocab", "raw", "code", "how"),
    [
        ("channels", "huisbez.", "huisbezoek", "abbreviation"),
        ("channels", "Huisbezoek", "huisbezoek", "code"),
        ("channels", "HB", "huisbezoek", "synonym"),
        ("channels", "tel", "telefoon", "synonym"),
        ("channels", "WhatsApp", "bericht", "synonym"),
        ("channels", "E-mail", "email", "label"),
        ("channels", "Sms / WhatsApp / Messenger / sociale media", "bericht", "label"),
        ("contact_status", "nee", "niet_bereikt", "synonym"),
        ("contact_status", "no-show", "no_show", "code"),
        ("phases", "Oriëntering", "orientering", "code"),
        ("phases", "nazorg", "opvolging", "synonym"),
        ("life_domains", "Financiën", "financien", "code"),
        ("life_domains", "Verslaving / middelengebruik", "verslaving", "label"),
        ("life_domains", "geld", "financien", "synonym"),
        ("measures", "Art. 60", "art60", "synonym"),
        ("channels", "straatfeest", None, ""),
    ],
)
def test_team_words_map_to_codes(vocab: str, raw: str, code: str | None, how: str) -> None:
    found = match_value(VOC[vocab], raw, builtin_synonyms().get(vocab))
    assert (found.code, found.how) == (code, how)


def test_the_users_choice_wins_and_ambiguous_abbreviations_do_not_guess() -> None:
    channels = VOC["channels"]
    assert match_value(channels, "b", None).code is None
    assert match_value(channels, "be", None).code is None  # begeleiding? bericht?
    chosen = {value_key("straatfeest"): "groep"}
    assert match_value(channels, "Straatfeest", None, chosen).code == "groep"


def test_new_codes_for_new_terms() -> None:
    assert new_code("Straatfeest", []) == "straatfeest"
    assert new_code("Bezoek in de moskee!", ["bezoek_in_de_moskee"]) == "bezoek_in_de_moskee_2"


@pytest.mark.parametrize(
    ("full", "given", "family"),
    [
        ("Zoë Vermeulen", "Zoë", "Vermeulen"),
        ("Vermeulen, Zoë", "Zoë", "Vermeulen"),
        ("VERMEULEN Zoë", "Zoë", "VERMEULEN"),
        ("VAN DEN BROECK Jan", "Jan", "VAN DEN BROECK"),
        ("Jan Van den Broeck", "Jan", "Van den Broeck"),
        ("Anna Maria De Smet", "Anna Maria", "De Smet"),
        ("Mohamed El Amrani", "Mohamed", "El Amrani"),
        ("Zoë", "Zoë", None),
    ],
)
def test_one_name_column_split(full: str, given: str, family: str | None) -> None:
    assert split_full_name(full) == (given, family)


# --- the mapping file ----------------------------------------------------------------------------
def test_the_mapping_file_round_trips() -> None:
    m = (
        ImportMapping(Kind.CONTACTS)
        .with_columns({"Klant": "person", "Datum": "occurred_on", "Soort": "channel", "X": None})
        .with_new_term("channels", NewTerm("straatfeest", "Straatfeest"))
        .with_value("channel", "Straatfeest!", "straatfeest")
        .with_value("channel", "huisbez.", "huisbezoek")
        .with_default("initiator", "persoon")
    )
    doc = json.loads(m.to_json())
    assert doc["format"] == "brugfiguur-import-mapping" and doc["kind"] == "contacts"
    assert doc["values"]["channel"] == {"huisbez": "huisbezoek", "straatfeest": "straatfeest"}
    again = parse_mapping(doc, VOC)
    assert again == m


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"format": "iets anders"}, "geen koppelbestand"),
        ({"kind": "klanten"}, "geen geldige soort"),
        ({"columns": {"Datum": "wanneer"}}, "onbekend veld"),
        ({"values": {"channel": {"hb": "helikopter"}}}, "niet in de woordenlijst"),
        ({"values": {"summary": {"x": "y"}}}, "geen keuzeveld"),
        ({"defaults": {"channel": "helikopter"}}, "staat niet in"),
        ({"new_terms": {"channels": [{"code": "Straat Feest", "label": "x"}]}}, "ongeldige code"),
        ({"possible_duplicates": "merge"}, "skip"),
    ],
)
def test_a_wrong_mapping_file_is_refused_in_dutch(change: dict[str, object], says: str) -> None:
    doc = json.loads(ImportMapping(Kind.CONTACTS).to_json())
    doc.update(change)
    with pytest.raises(MappingError) as err:
        parse_mapping(doc, VOC)
    assert says in err.value.message


@given(st.text(max_size=30))
def test_value_keys_ignore_case_accents_and_punctuation(raw: str) -> None:
    assert value_key(raw.upper() + ".") == value_key(raw.lower())
