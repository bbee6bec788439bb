"""Plain data for the warm-handover fiche, the person's copy and the MLP summary.

The services fill these after applying the consent rule; the builders only lay them out. A
section that is None was not consented and is left out of the document entirely; its title is
listed in `withheld` so the fiche can say what was not shared. Private notes never appear here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.zrm import RadarData


@dataclass(frozen=True)
class Party:
    role: str  # "Persoon", "Outreachwerker", "Ontvanger", "Ander"
    name: str
    organisation: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class DomainLine:
    domain: str
    drempels: tuple[tuple[str, str], ...]  # (drempel label, status label)
    zrm_level: int | None = None
    zrm_label: str | None = None


@dataclass(frozen=True)
class NetworkLine:
    name: str
    relation: str
    organisation: str | None
    role: str | None  # what they do, e.g. life domains or "heeft het dossier"


@dataclass(frozen=True)
class AgreementLine:
    description: str
    owner: str
    due: date | None


@dataclass(frozen=True)
class FicheData:
    generated_on: date
    document_version: int
    person_label: str  # full name only when persoonsgegevens are consented, else the alias
    handover_type: str
    purpose: str
    parties: tuple[Party, ...]
    meeting_at: datetime | None
    meeting_place: str | None
    has_consent: bool
    consent_lines: tuple[str, ...]  # what is shared with whom, or that nothing is
    override_note: str | None = None
    why_now: str | None = None
    goals: str | None = None
    job_target: str | None = None
    strengths: tuple[str, ...] | None = None
    domains: tuple[DomainLine, ...] | None = None
    radar: RadarData | None = None
    practical: tuple[tuple[str, str], ...] | None = None
    network: tuple[NetworkLine, ...] | None = None
    admin: tuple[tuple[str, str], ...] | None = None
    route: str | None = None
    agreements: tuple[AgreementLine, ...] | None = None
    feedback: str | None = None
    early_warning: tuple[tuple[str, str], ...] | None = None  # (colour, what to do)
    employer: tuple[tuple[str, str], ...] | None = None
    signatures: tuple[Party, ...] = ()
    withheld: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PersonCopyData:
    """The person's own copy in simple Dutch: agreements and next steps, larger type."""

    generated_on: date
    person_name: str
    worker_name: str
    worker_phone: str | None
    receiver: str | None
    meeting_at: datetime | None
    meeting_place: str | None
    agreements: tuple[AgreementLine, ...]
    next_steps: tuple[str, ...]
    worker_email: str | None = None
    worker_function: str | None = None
