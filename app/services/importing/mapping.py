"""The mapping of a spreadsheet onto Brugfiguur: which column holds which field, what the
team's own words in vocabulary columns mean, fixed values for fields the sheet lacks, and terms
the organisation adds to its vocabularies. The wizard saves it as JSON; the command line takes
the same file (`--mapping`), so a corrected spreadsheet is imported the same way again.

```json
{
  "format": "brugfiguur-import-mapping", "version": 1, "kind": "contacts",
  "sheet": null, "header_row": null,
  "columns": {"Datum": "occurred_on", "Klant": "person", "Wat": null},
  "values": {"channel": {"huisbez": "huisbezoek"}},
  "defaults": {"initiator": "werker"},
  "new_terms": {"channels": [{"code": "straatfeest", "label": "Straatfeest"}]},
  "possible_duplicates": "skip"
}
```

`values` is keyed by the value as compared (case, accents and punctuation ignored). The file
holds no personal data: column names, vocabulary words and codes only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.domain.import_kinds import FieldType, Kind, KindSpec, spec, value_key
from app.domain.vocab import Term, Vocabularies, Vocabulary, VocabularyError
from app.domain.vocab import parse as parse_vocabulary
from app.errors import BrugfiguurError

FORMAT = "brugfiguur-import-mapping"
VERSION = 1
MAX_BYTES = 1024 * 1024
DUPLICATES = ("skip", "import")


class MappingError(BrugfiguurError):
    """A mapping file that cannot be used (Dutch message)."""


@dataclass(frozen=True)
class NewTerm:
    code: str
    label: str


@dataclass(frozen=True)
class ImportMapping:
    kind: Kind
    columns: Mapping[str, str | None] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    defaults: Mapping[str, str] = field(default_factory=dict)
    new_terms: Mapping[str, tuple[NewTerm, ...]] = field(default_factory=dict)
    possible_duplicates: str = "skip"
    sheet: str | None = None
    header_row: int | None = None

    @property
    def spec(self) -> KindSpec:
        return spec(self.kind)

    def mapped(self) -> dict[str, str]:
        """field key → column header, for the columns that are imported."""
        return {f: h for h, f in self.columns.items() if f is not None}

    def with_columns(self, columns: Mapping[str, str | None]) -> ImportMapping:
        return replace(self, columns=dict(columns))

    def with_value(self, field_key: str, raw: str, code: str | None) -> ImportMapping:
        values = {k: dict(v) for k, v in self.values.items()}
        chosen = values.setdefault(field_key, {})
        if code is None:
            chosen.pop(value_key(raw), None)
        else:
            chosen[value_key(raw)] = code
        return replace(self, values=values)

    def with_new_term(self, vocabulary: str, term: NewTerm) -> ImportMapping:
        terms = {k: tuple(v) for k, v in self.new_terms.items()}
        existing = terms.get(vocabulary, ())
        if all(t.code != term.code for t in existing):
            terms[vocabulary] = (*existing, term)
        return replace(self, new_terms=terms)

    def with_default(self, field_key: str, code: str | None) -> ImportMapping:
        defaults = dict(self.defaults)
        if code is None:
            defaults.pop(field_key, None)
        else:
            defaults[field_key] = code
        return replace(self, defaults=defaults)

    # --- JSON ------------------------------------------------------------------------------------
    def to_json(self) -> str:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "kind": str(self.kind),
            "sheet": self.sheet,
            "header_row": self.header_row,
            "columns": dict(self.columns),
            "values": {k: dict(sorted(v.items())) for k, v in sorted(self.values.items()) if v},
            "defaults": dict(sorted(self.defaults.items())),
            "new_terms": {
                k: [{"code": t.code, "label": t.label} for t in v]
                for k, v in sorted(self.new_terms.items())
                if v
            },
            "possible_duplicates": self.possible_duplicates,
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def vocabularies_with(
    vocab: Vocabularies, new_terms: Mapping[str, tuple[NewTerm, ...]]
) -> Vocabularies:
    """The vocabularies with the terms a mapping adds (for checking before they are saved)."""
    lists = dict(vocab)
    for name, terms in new_terms.items():
        base = lists[name]
        have = {t.code for t in base}
        added = tuple(Term(t.code, t.label) for t in terms if t.code not in have)
        lists[name] = Vocabulary(base.name, base.version, base.terms + added)
    return Vocabularies(lists)


def _str_map(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise MappingError(f"Het koppelbestand is ongeldig: '{what}' is geen object.")
    return dict(value)


def parse_mapping(doc: object, vocab: Vocabularies) -> ImportMapping:
    """A mapping from JSON, checked against the kind's fields and the vocabularies."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise MappingError("Dit is geen koppelbestand van Brugfiguur.")
    if doc.get("version") != VERSION:
        raise MappingError("Deze versie van het koppelbestand wordt niet ondersteund.")
    try:
        kind = Kind(str(doc.get("kind")))
    except ValueError:
        raise MappingError(
            "Het koppelbestand noemt geen geldige soort (people, contacts, agreements, "
            "vindplaatsen of partners)."
        ) from None
    k = spec(kind)
    columns: dict[str, str | None] = {}
    for header, key in _str_map(doc.get("columns", {}), "columns").items():
        if key is not None and (not isinstance(key, str) or not k.has(key)):
            raise MappingError(f"Kolom '{header}': onbekend veld '{key}' voor {k.label}.")
        columns[header] = key
    terms: dict[str, tuple[NewTerm, ...]] = {}
    for name, items in _str_map(doc.get("new_terms", {}), "new_terms").items():
        if name not in vocab or not isinstance(items, list):
            raise MappingError(f"Nieuwe termen voor een onbekende woordenlijst '{name}'.")
        try:
            checked = parse_vocabulary({"vocabulary": name, "version": 1, "items": items}, name)
        except VocabularyError as exc:
            raise MappingError(str(exc)) from exc
        terms[name] = tuple(NewTerm(t.code, t.label) for t in checked)
    extended = vocabularies_with(vocab, terms)
    values: dict[str, dict[str, str]] = {}
    for key, chosen in _str_map(doc.get("values", {}), "values").items():
        if not k.has(key) or k.field_spec(key).vocab is None:
            raise MappingError(f"Waarden voor '{key}', dat geen keuzeveld is van {k.label}.")
        vocabulary = extended[str(k.field_spec(key).vocab)]
        out_values: dict[str, str] = {}
        for raw, code in _str_map(chosen, f"values.{key}").items():
            if not isinstance(code, str) or code not in vocabulary:
                raise MappingError(
                    f"'{raw}' wordt gekoppeld aan '{code}', dat niet in de woordenlijst "
                    f"{vocabulary.name} staat."
                )
            out_values[value_key(raw)] = code
        values[key] = out_values
    defaults: dict[str, str] = {}
    for key, code in _str_map(doc.get("defaults", {}), "defaults").items():
        if not k.has(key) or k.field_spec(key).type is not FieldType.VOCAB:
            raise MappingError(f"Een vaste waarde kan alleen voor een keuzeveld ('{key}').")
        vocabulary = extended[str(k.field_spec(key).vocab)]
        if not isinstance(code, str) or code not in vocabulary:
            raise MappingError(f"Vaste waarde '{code}' staat niet in {vocabulary.name}.")
        defaults[key] = code
    duplicates = doc.get("possible_duplicates", "skip")
    if duplicates not in DUPLICATES:
        raise MappingError("'possible_duplicates' is 'skip' of 'import'.")
    sheet = doc.get("sheet")
    header_row = doc.get("header_row")
    if sheet is not None and not isinstance(sheet, str):
        raise MappingError("'sheet' is de naam van een werkblad.")
    if header_row is not None and (not isinstance(header_row, int) or header_row < 1):
        raise MappingError("'header_row' is een rijnummer.")
    return ImportMapping(kind, columns, values, defaults, terms, str(duplicates), sheet, header_row)


def load_mapping(path: Path, vocab: Vocabularies) -> ImportMapping:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise MappingError(f"{path.name} is te groot voor een koppelbestand.")
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise MappingError(f"Het koppelbestand {path} bestaat niet.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MappingError(f"{path.name} is geen geldig koppelbestand: {exc}") from exc
    return parse_mapping(doc, vocab)
