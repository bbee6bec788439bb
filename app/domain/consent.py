"""The one consent rule: which parts of a person's record may go to which recipient, for which
purpose, on which day. Every output about a person (fiche, the person's copy, the MLP summary,
exports) asks this function; private notes are never part of any output at all.

Sensitive categories (health, addiction, justice) are shared only when a consent names them.
An override adds categories for one output; the caller must have checked the passphrase, stored
the reason and written an audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

SENSITIVE = frozenset({"gezondheid", "verslaving", "justitie"})
ALL_CATEGORIES = frozenset({
    "persoonsgegevens", "motivatie", "competenties", "situatie", "zrm", "praktisch", "netwerk",
    "administratie", "traject", *SENSITIVE,
})  # fmt: skip


class ConsentState(StrEnum):
    VALID = "geldig"
    NOT_YET = "nog_niet_geldig"
    EXPIRED = "verlopen"
    WITHDRAWN = "ingetrokken"


@dataclass(frozen=True)
class ConsentRecord:
    id: str
    categories: frozenset[str]
    organisation_ids: frozenset[str]
    contact_ids: frozenset[str]
    purposes: frozenset[str]
    valid_from: date
    valid_until: date | None = None
    withdrawn_on: date | None = None

    def state(self, on: date) -> ConsentState:
        if self.withdrawn_on is not None and self.withdrawn_on <= on:
            return ConsentState.WITHDRAWN
        if on < self.valid_from:
            return ConsentState.NOT_YET
        if self.valid_until is not None and on > self.valid_until:
            return ConsentState.EXPIRED
        return ConsentState.VALID


@dataclass(frozen=True)
class Recipient:
    organisation_id: str | None = None
    contact_id: str | None = None
    contact_organisation_id: str | None = None  # the organisation the contact works for
    person_self: bool = False  # the person's own copy


@dataclass(frozen=True)
class Scope:
    categories: frozenset[str]
    consent_ids: tuple[str, ...] = ()
    overridden: frozenset[str] = frozenset()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def allows(self, category: str) -> bool:
        return category in self.categories

    @property
    def has_consent(self) -> bool:
        return bool(self.consent_ids) or bool(self.overridden)


def _covers_recipient(c: ConsentRecord, r: Recipient) -> bool:
    if r.contact_id is not None and r.contact_id in c.contact_ids:
        return True
    orgs = {o for o in (r.organisation_id, r.contact_organisation_id) if o}
    return bool(orgs & c.organisation_ids)


def scope_for(
    consents: Iterable[ConsentRecord],
    recipient: Recipient,
    purpose: str,
    on: date,
    *,
    override: Iterable[str] = (),
) -> Scope:
    if recipient.person_self:
        return Scope(ALL_CATEGORIES, (), frozenset(), ("Kopie voor de persoon zelf.",))
    allowed: set[str] = set()
    used: list[str] = []
    notes: list[str] = []
    for c in consents:
        if not _covers_recipient(c, recipient) or purpose not in c.purposes:
            continue
        state = c.state(on)
        if state is ConsentState.VALID:
            allowed |= c.categories & ALL_CATEGORIES
            used.append(c.id)
        elif state is ConsentState.EXPIRED:
            notes.append(
                f"Een toestemming voor deze ontvanger is verlopen op {c.valid_until:%d/%m/%Y}."
            )
        elif state is ConsentState.WITHDRAWN:
            notes.append(
                "Een toestemming voor deze ontvanger werd ingetrokken op "
                f"{c.withdrawn_on:%d/%m/%Y}."
            )
        else:
            notes.append(
                f"Een toestemming voor deze ontvanger geldt pas vanaf {c.valid_from:%d/%m/%Y}."
            )
    extra = frozenset(override) & ALL_CATEGORIES
    if not used and not extra:
        notes.insert(0, "Er is geen geldige toestemming voor deze ontvanger en dit doel.")
    return Scope(frozenset(allowed) | extra, tuple(used), extra - frozenset(allowed), tuple(notes))


def sensitive_category_of_domain(domain_attrs: Mapping[str, object]) -> str | None:
    """Life domains carry `"sensitive": "health" | "addiction" | "justice"` in the vocabulary."""
    value = domain_attrs.get("sensitive")
    return (
        {"health": "gezondheid", "addiction": "verslaving", "justice": "justitie"}.get(str(value))
        if value
        else None
    )


def domain_allowed(domain_attrs: Mapping[str, object], scope: Scope, base_category: str) -> bool:
    """A life-domain item may be shared when its base category is allowed and, for a sensitive
    domain, its sensitive category too."""
    if not scope.allows(base_category):
        return False
    sensitive = sensitive_category_of_domain(domain_attrs)
    return sensitive is None or scope.allows(sensitive)
