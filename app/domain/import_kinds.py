"""What can be imported: per kind, the fields Brugfiguur fills, how a cell becomes each value,
and the column headers (Dutch and common English) that name them in a team's spreadsheet.

Pure data and matching rules: the header of a column is matched to a field, a value in a
vocabulary column to a code ("huisbez." → the home-visit channel). Labels are Dutch, like the
vocabularies' labels: they are what the template's columns are called.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from app.domain.import_values import fold, header_key
from app.domain.vocab import Vocabulary


class Kind(StrEnum):
    PEOPLE = "people"
    CONTACTS = "contacts"
    AGREEMENTS = "agreements"
    VINDPLAATSEN = "vindplaatsen"
    PARTNERS = "partners"


class FieldType(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # newlines kept (notes, summaries)
    LIST = "list"  # several free values in one cell (languages)
    DATE = "date"  # not in the future
    DATETIME = "datetime"  # a date, with the time of day when the cell has one
    FUTURE_DATE = "future_date"  # a due date: two-digit years nearest to today
    FUTURE_DATETIME = "future_datetime"
    TIME = "time"
    MINUTES = "minutes"
    BOOL = "bool"
    PHONE = "phone"
    NATIONAL_NUMBER = "national_number"
    EMAIL = "email"
    VOCAB = "vocab"  # one code of `vocab`
    VOCAB_MULTI = "vocab_multi"  # several codes of `vocab`
    PERSON = "person"  # alias or name of a person already in the vault (several: a group)
    VINDPLAATS = "vindplaats"  # the name of a vindplaats already in the vault
    OWNER = "owner"  # owner of an agreement: a vocabulary code, or a partner's name
    DONE = "done"  # done on a date, or done yes/no


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    type: FieldType
    headers: tuple[str, ...] = ()
    vocab: str | None = None
    required: bool = False
    help: str = ""
    example: str = ""


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    label: str
    fields: tuple[FieldSpec, ...]
    # At least one field of each group must be mapped (e.g. an alias or a name).
    required_groups: tuple[tuple[str, ...], ...] = ()
    # (full name field, given name field, family name field): a "Naam" column is the full
    # name, unless there is a "Voornaam" column beside it; then it is the family name.
    name_triples: tuple[tuple[str, str, str], ...] = ()
    intro: str = ""
    _by_key: dict[str, FieldSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key.update({f.key: f for f in self.fields})

    def field_spec(self, key: str) -> FieldSpec:
        return self._by_key[key]

    def has(self, key: str) -> bool:
        return key in self._by_key

    def keys(self) -> list[str]:
        return [f.key for f in self.fields]


def _f(
    key: str,
    label: str,
    type_: FieldType,
    headers: str = "",
    *,
    vocab: str | None = None,
    required: bool = False,
    help: str = "",
    example: str = "",
) -> FieldSpec:
    names = tuple(h.strip() for h in headers.split("|") if h.strip())
    return FieldSpec(key, label, type_, names, vocab, required, help, example)


T = FieldType
_EXTERNAL = "extern id|extern nummer|id|nr|nummer|ref|referentie|code|external id|external ref|key"
_PERSON_REFS = (
    _f(
        "person",
        "Persoon",
        T.PERSON,
        "persoon|personen|client|klant|deelnemer|deelnemers|naam|alias|roepnaam|"
        "person|people|participant|participants|name|client name",
        help="Alias of naam van een persoon die al in Brugfiguur staat; meerdere personen "
        "(een groepsactiviteit) gescheiden door ;",
        example="Kapitein",
    ),
    _f(
        "person_external_id",
        "Dossiernummer persoon",
        T.TEXT,
        "dossiernummer|dossiernr|dossier|klantnummer|klantnr|clientnummer|client nr|"
        "client id|person id|persoon id|klant id|id persoon|id client",
        help="Het dossiernummer waarmee de persoon werd geïmporteerd.",
    ),
    _f(
        "person_national_number",
        "Rijksregisternummer persoon",
        T.NATIONAL_NUMBER,
        "rijksregisternummer|rijksregisternr|rrn|insz|insz nummer|national number|niss",
    ),
    _f("person_given_name", "Voornaam persoon", T.TEXT, "voornaam|first name|given name"),
    _f(
        "person_family_name",
        "Familienaam persoon",
        T.TEXT,
        "familienaam|achternaam|last name|surname|family name",
    ),
    _f(
        "person_date_of_birth",
        "Geboortedatum persoon",
        T.DATE,
        "geboortedatum|geb datum|geboren|geboren op|date of birth|birth date|birthdate|dob",
        help="Helpt personen met dezelfde naam uit elkaar te houden.",
    ),
)
_PERSON_GROUP = ("person", "person_external_id", "person_national_number", "person_family_name")

PEOPLE = KindSpec(
    Kind.PEOPLE,
    "Personen",
    (
        _f(
            "external_id",
            "Dossiernummer",
            T.TEXT,
            _EXTERNAL + "|dossiernummer|dossiernr|dossier|klantnummer|klantnr|clientnummer|"
            "client nr|client id|person id|klant id",
            help="Het nummer uit het vorige systeem; bij een nieuwe import wordt de persoon "
            "bijgewerkt in plaats van dubbel aangemaakt.",
            example="CL-0042",
        ),
        _f(
            "alias",
            "Alias",
            T.TEXT,
            "alias|roepnaam|bijnaam|pseudoniem|schuilnaam|nickname|nick name|pseudonym",
            help="Roepnaam of pseudoniem. Leeg: de voornaam met de eerste letter van de "
            "familienaam.",
            example="Kapitein",
        ),
        _f(
            "given_name",
            "Voornaam",
            T.TEXT,
            "voornaam|voornamen|first name|firstname|given name|prenom",
            help="Alleen invullen als de persoon akkoord gaf met een dossier.",
            example="Zoë",
        ),
        _f(
            "family_name",
            "Familienaam",
            T.TEXT,
            "familienaam|achternaam|last name|lastname|surname|family name|nom",
            example="Vermeulen",
        ),
        _f(
            "full_name",
            "Naam",
            T.TEXT,
            "naam|volledige naam|naam en voornaam|naam voornaam|voornaam en naam|name|"
            "full name|client|klant|persoon",
            help="Voor- en familienaam in één kolom ('Zoë Vermeulen', 'VERMEULEN Zoë' of "
            "'Vermeulen, Zoë').",
        ),
        _f(
            "date_of_birth",
            "Geboortedatum",
            T.DATE,
            "geboortedatum|geb datum|geboren|geboren op|geboortedag|date of birth|birth date|"
            "birthdate|dob",
            help="dd/mm/jjjj",
            example="03/04/1985",
        ),
        _f(
            "phone",
            "Telefoon",
            T.PHONE,
            "telefoon|telefoonnummer|tel|tel nr|telnr|gsm|gsm nummer|gsmnummer|gsm nr|mobiel|"
            "mobiel nummer|phone|mobile|telephone|phone number|cell",
            help="Belgisch nummer (0470 12 34 56) of internationaal (+32 …)",
            example="0470 12 34 56",
        ),
        _f(
            "national_number",
            "Rijksregisternummer",
            T.NATIONAL_NUMBER,
            "rijksregisternummer|rijksregisternr|rijksregister|rrn|rr nummer|rr nr|insz|"
            "insz nummer|national number|national register number|niss",
            help="11 cijfers (85.07.30-033.28); wordt gecontroleerd.",
        ),
        _f(
            "languages",
            "Talen",
            T.LIST,
            "talen|taal|thuistaal|gesproken talen|moedertaal|languages|language",
            help="Gescheiden door ; of ,",
            example="Nederlands; Arabisch",
        ),
        _f(
            "worker",
            "Werker",
            T.TEXT,
            "werker|begeleider|outreacher|outreachwerker|straathoekwerker|toeleider|jobcoach|"
            "trajectbegeleider|consulent|medewerker|hulpverlener|verantwoordelijke|worker|"
            "caseworker|case worker|counsellor|counselor|coach",
            example="An",
        ),
        _f(
            "phase",
            "Fase",
            T.VOCAB,
            "fase|trajectfase|fase traject|fase in traject|phase|stage",
            vocab="phases",
            help="Waar de persoon nu staat in het traject.",
            example="Kennismaking en vertrouwen",
        ),
        _f(
            "phase_since",
            "Fase sinds",
            T.DATE,
            "fase sinds|in fase sinds|sinds|datum fase|fase datum|since|phase since",
            help="Leeg: de datum van de eerste ontmoeting.",
        ),
        _f(
            "outcome",
            "Uitkomst",
            T.VOCAB,
            "uitkomst|uitstroom|resultaat|afsluitreden|reden afsluiting|outcome|exit",
            vocab="outcomes",
            help="Alleen bij een afgesloten traject.",
        ),
        _f(
            "first_met_on",
            "Eerste ontmoeting",
            T.DATE,
            "eerste ontmoeting|eerste contact|datum eerste contact|eerste contactdatum|"
            "eerst ontmoet|startdatum|start|aanmelddatum|aangemeld op|datum aanmelding|"
            "intakedatum|intake|first contact|first met|start date|date first contact",
            help="Leeg: de datum van akkoord, van de fase, of anders vandaag.",
            example="12/01/2024",
        ),
        _f(
            "first_met_how",
            "Hoe ontmoet",
            T.VOCAB,
            "hoe ontmoet|hoe bereikt|bereikt via|eerste contact via|kanaal eerste contact|"
            "aanmeldingskanaal|how met|reached via|reached how",
            vocab="first_met",
            help="Leeg: 'Op een vindplaats' als er een vindplaats staat, 'Doorverwijzing' als "
            "er een verwijzer staat.",
            example="Op een vindplaats",
        ),
        _f(
            "vindplaats",
            "Vindplaats",
            T.VINDPLAATS,
            "vindplaats|waar ontmoet|plaats eerste contact|eerste vindplaats|where met|"
            "outreach location|outreach place",
            help="De naam van een vindplaats die al in Brugfiguur staat.",
            example="Bib Zuid",
        ),
        _f(
            "referral_source",
            "Doorverwezen door",
            T.TEXT,
            "doorverwezen door|doorverwijzer|verwijzer|verwijzende dienst|verwezen door|"
            "aanmelder|referral|referral source|referred by",
        ),
        _f(
            "target_groups",
            "Doelgroepen",
            T.VOCAB_MULTI,
            "doelgroep|doelgroepen|target group|target groups",
            vocab="target_groups",
            help="Gescheiden door ; — komen nooit op documenten voor de persoon.",
        ),
        _f(
            "agreed_on",
            "Akkoord op",
            T.DATE,
            "akkoord op|akkoord|datum akkoord|toestemming|datum toestemming|client sinds|"
            "dossier sinds|client since|consent date|agreed on",
            help="Wanneer de persoon akkoord ging met een dossier op naam. Leeg: de eerste "
            "ontmoeting.",
        ),
        _f(
            "note",
            "Notitie",
            T.LONG_TEXT,
            "notitie|notities|opmerking|opmerkingen|nota|notas|bemerkingen|commentaar|info|"
            "note|notes|remarks|comments|comment",
        ),
    ),
    required_groups=(("alias", "given_name", "full_name"),),
    name_triples=(("full_name", "given_name", "family_name"),),
    intro="Eén rij per persoon. Een alias volstaat; een naam alleen met akkoord van de persoon.",
)

CONTACTS = KindSpec(
    Kind.CONTACTS,
    "Contactmomenten",
    (
        _f(
            "external_id",
            "Contactnummer",
            T.TEXT,
            "contact id|contactnummer|registratienummer|registratie id|" + _EXTERNAL,
            help="Het nummer uit het vorige systeem; bij een nieuwe import wordt het "
            "contactmoment bijgewerkt.",
        ),
        *_PERSON_REFS,
        _f(
            "occurred_on",
            "Datum",
            T.DATETIME,
            "datum|contactdatum|datum contact|datum en uur|tijdstip|wanneer|dag|date|"
            "contact date|datetime|date time",
            required=True,
            help="dd/mm/jjjj, eventueel met uur (dd/mm/jjjj uu:mm)",
            example="18/11/2026 10:30",
        ),
        _f(
            "occurred_time",
            "Uur",
            T.TIME,
            "uur|tijd|beginuur|startuur|aanvangsuur|time|start time",
            help="uu:mm; zonder uur: 12:00",
        ),
        _f(
            "channel",
            "Kanaal",
            T.VOCAB,
            "kanaal|contactvorm|soort contact|type contact|contacttype|contactwijze|manier|"
            "vorm|via|channel|contact type|type|soort|medium",
            vocab="channels",
            required=True,
            example="Huisbezoek",
        ),
        _f(
            "duration",
            "Duur (min)",
            T.MINUTES,
            "duur|duurtijd|tijdsduur|minuten|duur in minuten|duur min|duration|minutes|length",
            help="Minuten (45) of uren en minuten (1u30)",
            example="30",
        ),
        _f(
            "status",
            "Bereikt",
            T.VOCAB,
            "bereikt|status|gelukt|persoon bereikt|reached|contact status",
            vocab="contact_status",
            help="Leeg: bereikt. Ook 'nee', 'no-show', 'afgezegd'.",
            example="Bereikt",
        ),
        _f(
            "vindplaats",
            "Vindplaats of plaats",
            T.VINDPLAATS,
            "vindplaats|plaats|locatie|waar|plek|place|location|where",
            help="De naam van een vindplaats in Brugfiguur; anders wordt het de plaats.",
            example="Bib Zuid",
        ),
        _f(
            "initiator",
            "Initiatief",
            T.VOCAB,
            "initiatief|op initiatief van|initiatiefnemer|initiator|initiated by",
            vocab="initiators",
            help="Leeg: de werker.",
        ),
        _f(
            "life_domains",
            "Levensdomeinen",
            T.VOCAB_MULTI,
            "levensdomein|levensdomeinen|domein|domeinen|thema|themas|onderwerp|onderwerpen|"
            "life domain|life domains|topics|topic|themes",
            vocab="life_domains",
            help="Gescheiden door ;",
            example="Huisvesting; Werk",
        ),
        _f(
            "summary",
            "Samenvatting",
            T.LONG_TEXT,
            "samenvatting|verslag|inhoud|omschrijving|beschrijving|gesprek|verloop|summary|"
            "description|report|content",
            help="Kan gedeeld worden (met toestemming).",
            example="Samen naar het OCMW gebeld over de huur.",
        ),
        _f(
            "private_note",
            "Privénotitie",
            T.LONG_TEXT,
            "privenotitie|prive notitie|interne notitie|notitie|notities|opmerking|opmerkingen|"
            "nota|vertrouwelijk|private note|internal note|note|notes|remarks",
            help="Wordt nooit afgedrukt of gedeeld.",
        ),
        _f(
            "next_contact",
            "Volgend contact",
            T.FUTURE_DATETIME,
            "volgend contact|volgende afspraak|volgende keer|next contact|next appointment",
        ),
        _f(
            "agreement",
            "Afspraak",
            T.TEXT,
            "afspraak|afspraken|to do|todo|actie|actiepunt|te doen|agreement|action|follow up",
            help="Een afspraak of to-do die uit dit contact kwam (eigenaar: de werker).",
        ),
        _f(
            "agreement_due",
            "Afspraak tegen",
            T.FUTURE_DATE,
            "afspraak tegen|tegen|deadline|vervaldatum|due|due date",
        ),
    ),
    required_groups=(_PERSON_GROUP,),
    name_triples=(("person", "person_given_name", "person_family_name"),),
    intro="Eén rij per contactmoment; de personen staan al in Brugfiguur.",
)

AGREEMENTS = KindSpec(
    Kind.AGREEMENTS,
    "Afspraken en to-do's",
    (
        _f("external_id", "Afspraaknummer", T.TEXT, "afspraak id|afspraaknummer|" + _EXTERNAL),
        *_PERSON_REFS,
        _f(
            "description",
            "Afspraak",
            T.TEXT,
            "afspraak|omschrijving|beschrijving|actie|actiepunt|taak|to do|todo|wat|"
            "description|task|agreement|action|what",
            required=True,
            example="Cv meebrengen",
        ),
        _f(
            "owner",
            "Wie",
            T.OWNER,
            "wie|eigenaar|verantwoordelijke|door wie|uitvoerder|owner|who|responsible",
            vocab="owner_kinds",
            help="De persoon, Werker, of de naam van een partner. Leeg: de werker.",
            example="De persoon",
        ),
        _f(
            "due_on",
            "Tegen",
            T.FUTURE_DATE,
            "tegen|deadline|vervaldatum|datum|uiterlijk|tegen wanneer|due|due date|date",
            example="30/11/2026",
        ),
        _f(
            "done_on",
            "Afgewerkt",
            T.DONE,
            "afgewerkt|afgewerkt op|gedaan|gedaan op|klaar|klaar op|afgerond|done|completed|"
            "finished",
            help="Een datum, of ja/nee (ja: vandaag).",
        ),
    ),
    required_groups=(_PERSON_GROUP,),
    name_triples=(("person", "person_given_name", "person_family_name"),),
    intro="Eén rij per afspraak of to-do; de personen staan al in Brugfiguur.",
)

VINDPLAATSEN = KindSpec(
    Kind.VINDPLAATSEN,
    "Vindplaatsen",
    (
        _f("external_id", "Vindplaatsnummer", T.TEXT, "vindplaats id|" + _EXTERNAL),
        _f(
            "name",
            "Naam",
            T.TEXT,
            "naam|vindplaats|naam vindplaats|plek|locatie|name|location|place",
            required=True,
            example="Bib Zuid",
        ),
        _f(
            "type",
            "Soort",
            T.VOCAB,
            "soort|type|categorie|soort vindplaats|type vindplaats|kind|category",
            vocab="vindplaats_types",
            required=True,
            example="Plek van het dagelijks leven (plein, park, schoolpoort, huisarts, bib)",
        ),
        _f(
            "area",
            "Wijk of gebied",
            T.TEXT,
            "wijk|buurt|gebied|deelgemeente|gemeente|stad|area|neighbourhood|district",
            example="Gent-Centrum",
        ),
        _f("address", "Adres", T.TEXT, "adres|straat|address|street"),
        _f(
            "best_times",
            "Beste momenten",
            T.TEXT,
            "beste moment|beste momenten|wanneer|dagen|uren|openingsuren|moment|best times|"
            "when|opening hours",
            example="Woensdagnamiddag",
        ),
        _f(
            "who_met",
            "Wie ontmoet je er",
            T.LONG_TEXT,
            "wie|wie ontmoet je er|doelpubliek|publiek|wie kom je tegen|who|audience|"
            "target audience",
        ),
        _f(
            "contact_person",
            "Contactpersoon",
            T.TEXT,
            "contactpersoon|contact|aanspreekpunt|contact person",
        ),
        _f(
            "contact_phone",
            "Telefoon",
            T.PHONE,
            "telefoon|tel|gsm|telefoon contactpersoon|telefoonnummer|phone",
        ),
        _f("note", "Notitie", T.LONG_TEXT, "notitie|opmerking|opmerkingen|nota|note|notes"),
        _f(
            "active",
            "Actief",
            T.BOOL,
            "actief|in gebruik|active",
            help="ja/nee; leeg: ja",
        ),
    ),
    intro="Eén rij per vindplaats.",
)

PARTNERS = KindSpec(
    Kind.PARTNERS,
    "Sociale kaart",
    (
        _f("external_id", "Partnernummer", T.TEXT, "partner id|organisatie id|" + _EXTERNAL),
        _f(
            "name",
            "Organisatie",
            T.TEXT,
            "organisatie|naam organisatie|naam|partner|dienst|organisation|organization|"
            "name|partner name",
            required=True,
            example="VDAB Gent",
        ),
        _f(
            "type",
            "Soort",
            T.VOCAB,
            "soort|type|sector|categorie|soort organisatie|type organisatie|category",
            vocab="organisation_types",
            required=True,
            example="VDAB",
        ),
        _f(
            "life_domains",
            "Levensdomeinen",
            T.VOCAB_MULTI,
            "levensdomeinen|levensdomein|domeinen|domein|thema|themas|life domains",
            vocab="life_domains",
            example="Werk; Onderwijs",
        ),
        _f(
            "measures",
            "Aanbod",
            T.VOCAB_MULTI,
            "aanbod|maatregelen|maatregel|trajecten|measures|offer|services",
            vocab="measures",
            example="Individuele beroepsopleiding (IBO)",
        ),
        _f("address", "Adres", T.TEXT, "adres|straat|address|street"),
        _f(
            "phone",
            "Telefoon",
            T.PHONE,
            "telefoon|tel|telefoonnummer|algemeen nummer|phone|telephone",
        ),
        _f("email", "E-mail", T.EMAIL, "e mail|email|mail|e mailadres|emailadres|mailadres"),
        _f("website", "Website", T.TEXT, "website|site|url|web|webpagina"),
        _f("note", "Notitie", T.LONG_TEXT, "notitie|opmerking|opmerkingen|nota|note|notes"),
        _f(
            "contact_name",
            "Contactpersoon",
            T.TEXT,
            "contactpersoon|naam contactpersoon|contact|aanspreekpunt|contact person|contact name",
            help="Meerdere contactpersonen: één rij per contactpersoon, met dezelfde organisatie.",
            example="Lies Peeters",
        ),
        _f("contact_role", "Functie", T.TEXT, "functie|rol|role|function|job title|title"),
        _f(
            "contact_phone",
            "Telefoon contactpersoon",
            T.PHONE,
            "telefoon contactpersoon|gsm contactpersoon|tel contactpersoon|contact phone|"
            "direct nummer",
        ),
        _f(
            "contact_email",
            "E-mail contactpersoon",
            T.EMAIL,
            "e mail contactpersoon|email contactpersoon|mail contactpersoon|contact email|"
            "contact e mail",
        ),
    ),
    intro="Eén rij per organisatie, of één rij per contactpersoon (de organisatie herhaald).",
)

KINDS: dict[Kind, KindSpec] = {
    k.kind: k for k in (PEOPLE, CONTACTS, AGREEMENTS, VINDPLAATSEN, PARTNERS)
}


def spec(kind: Kind | str) -> KindSpec:
    return KINDS[Kind(kind)]


# --- headers ---------------------------------------------------------------------------------
def _compact(key: str) -> str:
    return key.replace(" ", "")


@cache
def _header_index(kind: Kind) -> tuple[dict[str, str], dict[str, str], list[tuple[str, str]]]:
    """Header keys → field key: exact, without spaces, and all (for close matches); a field's
    own label first."""
    fields = KINDS[kind].fields
    pairs = [(header_key(f.label), f.key) for f in fields]  # labels before other names
    pairs += [(header_key(name), f.key) for f in fields for name in f.headers]
    exact: dict[str, str] = {}
    compact: dict[str, str] = {}
    for name, field_key in pairs:
        exact.setdefault(name, field_key)
        compact.setdefault(_compact(name), field_key)
    return exact, compact, [(_compact(n), k) for n, k in pairs]


def match_header(kind: KindSpec, header: str, *, close: bool = True) -> tuple[str, int] | None:
    """The field a column header names, with how sure: 3 exact, 2 without spaces, 1 close
    (a typo; only with `close`)."""
    key = header_key(header)
    if not key:
        return None
    exact, compact, pairs = _header_index(kind.kind)
    if key in exact:
        return exact[key], 3
    if _compact(key) in compact:
        return compact[_compact(key)], 2
    if not close:
        return None
    names = [n for n, _ in pairs]
    found = difflib.get_close_matches(_compact(key), names, n=1, cutoff=0.88)
    if found:
        return pairs[names.index(found[0])][1], 1
    return None


def suggest_mapping(kind: KindSpec, headers: Sequence[str]) -> dict[str, str | None]:
    """Each column header → the field it most likely holds (None: not imported). A field gets
    at most one column: the surest match, the leftmost on a tie."""
    candidates: list[tuple[int, int, str, str]] = []
    for position, header in enumerate(headers):
        found = match_header(kind, header)
        if found is not None:
            candidates.append((-found[1], position, header, found[0]))
    mapping: dict[str, str | None] = dict.fromkeys(headers)
    taken: set[str] = set()
    for _, _, header, field_key in sorted(candidates):
        if field_key not in taken and mapping[header] is None:
            mapping[header] = field_key
            taken.add(field_key)
    for full, given, family in kind.name_triples:
        # "Naam" beside "Voornaam" is the family name.
        if full in taken and given in taken and family not in taken:
            for header, key in mapping.items():
                if key == full:
                    mapping[header] = family
    return mapping


def missing_fields(
    kind: KindSpec, mapped: Iterable[str], defaults: Iterable[str] = ()
) -> list[str]:
    """Labels of what must be mapped and is not: required fields and required groups."""
    have = set(mapped) | set(defaults)
    out = [f.label for f in kind.fields if f.required and f.key not in have]
    for group in kind.required_groups:
        if not have & set(group):
            out.append(" of ".join(kind.field_spec(k).label for k in group))
    return out


# --- vocabulary values -------------------------------------------------------------------------
def value_key(text: str) -> str:
    """A vocabulary value as compared: "Huisbez." → "huisbez", "E-mail" → "e mail"."""
    return header_key(text)


@dataclass(frozen=True)
class ValueMatch:
    code: str | None
    how: str  # "code", "label", "synonym", "abbreviation", "chosen", "" (unknown)


def match_value(
    vocab: Vocabulary,
    raw: str,
    synonyms: Mapping[str, str] | None = None,
    chosen: Mapping[str, str] | None = None,
) -> ValueMatch:
    """The code a spreadsheet value stands for. `chosen` (the user's mapping, keyed by
    `value_key`) wins; then the code or label itself, a known synonym, and an unambiguous
    abbreviation ("huisbez." → huisbezoek). Retired codes still match (old data)."""
    key = value_key(raw)
    if chosen and key in chosen:
        code = chosen[key]
        return ValueMatch(code if code in vocab else None, "chosen")
    if not key:
        return ValueMatch(None, "")
    for t in vocab:
        if key in (value_key(t.code.replace("_", " ")), _compact(value_key(t.code))):
            return ValueMatch(t.code, "code")
    for t in vocab:
        if key == value_key(t.label) or fold(raw) == fold(t.label):
            return ValueMatch(t.code, "label")
    if synonyms:
        synonym = synonyms.get(key) or synonyms.get(_compact(key))
        if synonym is not None and synonym in vocab:
            return ValueMatch(synonym, "synonym")
    if len(_compact(key)) >= 3:
        starts = {
            t.code
            for t in vocab
            if value_key(t.label).startswith(key)
            or _compact(value_key(t.code)).startswith(_compact(key))
        }
        if len(starts) == 1:
            return ValueMatch(starts.pop(), "abbreviation")
        if not starts and len(_compact(key)) >= 4:
            words = {
                t.code for t in vocab if any(w.startswith(key) for w in value_key(t.label).split())
            }
            if len(words) == 1:
                return ValueMatch(words.pop(), "abbreviation")
    return ValueMatch(None, "")


def new_code(label: str, existing: Iterable[str]) -> str:
    """A vocabulary code for a label the organisation adds ("Straatfeest" → straatfeest)."""
    base = "_".join(value_key(label).split())[:36] or "waarde"
    taken = set(existing)
    code, n = base, 2
    while code in taken:
        code = f"{base}_{n}"
        n += 1
    return code
