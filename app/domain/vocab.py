"""Vocabularies as data: versioned code lists with Dutch labels, extendable by the organisation.

A built-in list ships in `resources/vocab/NAME.json`. An organisation may add a file of the
same name in `<data dir>/vocabularies/`: its items are appended (new codes) or relabel existing
codes, and `"retired": [codes]` hides codes from pickers while old records keep their label.
Codes are never removed, so history stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.errors import ValidationError

_CODE = re.compile(r"^[a-z0-9_]{1,40}$")


class VocabularyError(ValueError):
    """A vocabulary file is malformed (message in Dutch)."""


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    attrs: Mapping[str, Any] = field(default_factory=dict)
    retired: bool = False


@dataclass(frozen=True)
class Vocabulary:
    name: str
    version: int
    terms: tuple[Term, ...]

    def __contains__(self, code: object) -> bool:
        return any(t.code == code for t in self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def active(self) -> list[Term]:
        return [t for t in self.terms if not t.retired]

    def codes(self) -> list[str]:
        return [t.code for t in self.terms]

    def term(self, code: str) -> Term | None:
        return next((t for t in self.terms if t.code == code), None)

    def label(self, code: str | None) -> str:
        if code is None:
            return ""
        t = self.term(code)
        return t.label if t else code

    def require(self, code: str | None, field_name: str, what: str) -> str:
        if code is None or code not in self:
            raise ValidationError(f"Kies een geldige waarde voor {what}.", field=field_name)
        return code

    def require_all(self, codes: list[str], field_name: str, what: str) -> list[str]:
        unknown = [c for c in codes if c not in self]
        if unknown:
            raise ValidationError(
                f"Onbekende waarde(n) voor {what}: {', '.join(unknown)}.", field=field_name
            )
        return list(dict.fromkeys(codes))


def parse(doc: object, expected_name: str) -> Vocabulary:
    if not isinstance(doc, dict):
        raise VocabularyError(f"Woordenlijst {expected_name}: geen JSON-object.")
    if doc.get("vocabulary") != expected_name:
        raise VocabularyError(f"Woordenlijst {expected_name}: veld 'vocabulary' klopt niet.")
    version = doc.get("version")
    if not isinstance(version, int) or version < 1:
        raise VocabularyError(f"Woordenlijst {expected_name}: ongeldige 'version'.")
    items = doc.get("items")
    if not isinstance(items, list):
        raise VocabularyError(f"Woordenlijst {expected_name}: 'items' ontbreekt.")
    terms = [_term(item, expected_name) for item in items]
    codes = [t.code for t in terms]
    if len(set(codes)) != len(codes):
        raise VocabularyError(f"Woordenlijst {expected_name}: dubbele codes.")
    return Vocabulary(expected_name, version, tuple(terms))


def _term(item: object, name: str) -> Term:
    if not isinstance(item, dict):
        raise VocabularyError(f"Woordenlijst {name}: elk item is een object.")
    code, label = item.get("code"), item.get("label")
    if not isinstance(code, str) or not _CODE.match(code):
        raise VocabularyError(f"Woordenlijst {name}: ongeldige code {code!r}.")
    if not isinstance(label, str) or not label.strip() or len(label) > 200:
        raise VocabularyError(f"Woordenlijst {name}: ongeldig label voor {code}.")
    attrs = {k: v for k, v in item.items() if k not in ("code", "label")}
    return Term(code, label.strip(), attrs)


def extend(base: Vocabulary, doc: object) -> Vocabulary:
    """The organisation's additions applied on top of the built-in list."""
    if not isinstance(doc, dict) or doc.get("vocabulary") != base.name:
        raise VocabularyError(f"Uitbreiding van {base.name}: veld 'vocabulary' klopt niet.")
    items = doc.get("items", [])
    retired = doc.get("retired", [])
    if not isinstance(items, list) or not isinstance(retired, list):
        raise VocabularyError(f"Uitbreiding van {base.name}: 'items' en 'retired' zijn lijsten.")
    terms = {t.code: t for t in base.terms}
    order = [t.code for t in base.terms]
    for item in items:
        t = _term(item, base.name)
        if t.code in terms:
            old = terms[t.code]
            terms[t.code] = Term(t.code, t.label, {**old.attrs, **t.attrs})
        else:
            terms[t.code] = t
            order.append(t.code)
    for code in retired:
        if code not in terms:
            raise VocabularyError(f"Uitbreiding van {base.name}: onbekende code {code!r}.")
        old = terms[code]
        terms[code] = Term(old.code, old.label, old.attrs, retired=True)
    version = doc.get("version", base.version)
    if not isinstance(version, int):
        raise VocabularyError(f"Uitbreiding van {base.name}: ongeldige 'version'.")
    return Vocabulary(base.name, max(base.version, version), tuple(terms[c] for c in order))


class Vocabularies(Mapping[str, Vocabulary]):
    def __init__(self, lists: Mapping[str, Vocabulary]) -> None:
        self._lists = dict(lists)

    def __getitem__(self, name: str) -> Vocabulary:
        return self._lists[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lists)

    def __len__(self) -> int:
        return len(self._lists)
