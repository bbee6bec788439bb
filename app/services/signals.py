"""Structural signals (signaalfunctie): barriers of the system that workers see in the field —
a waiting list, a rule, a missing service — noted with a theme, life domains, the organisation
concerned and at most a number of people, never a name. Synced like every record, listed and
counted in the reports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.errors import NotFound, ValidationError
from app.models import Organisation, Person, Signal, Worker
from app.services.base import FieldContext
from app.services.people import fold

MAX_DESCRIPTION = 2000
MAX_PEOPLE = 100_000
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class SignalInput:
    noted_on: date
    theme: str
    description: str
    life_domains: tuple[str, ...] = ()
    organisation_id: str | None = None
    organisation_name: str | None = None
    people_count: int | None = None
    status: str = "genoteerd"
    team: str | None = None


class NamesSuspected(ValidationError):
    """The description seems to name someone; the form asks before saving anyway."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(
            "Deze omschrijving lijkt een naam of alias uit uw caseload te bevatten. Een "
            "signaal gaat over het systeem, niet over een persoon: laat namen weg.",
            field="description",
        )
        self.names = names


@dataclass(frozen=True)
class SignalRow:
    id: str
    noted_on: date
    theme: str
    description: str
    life_domains: tuple[str, ...]
    organisation_id: str | None
    organisation: str | None  # the name to show
    people_count: int | None
    status: str
    team: str | None
    noted_by: str | None


def _words(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


def names_in(text: str, people: list[tuple[str, str | None, str | None]]) -> list[str]:
    """Aliases and names of people in the vault that `text` contains as whole words: a signal
    is about the system and must not name anyone. `people` are (alias, given, family)."""
    words = _words(text)
    if not words:
        return []
    joined = " " + " ".join(words) + " "
    found: list[str] = []
    for alias, given, family in people:
        candidates = [alias]
        if given and family:
            candidates.append(f"{given} {family}")
        if family and len(family) > 3:
            candidates.append(family)
        for name in candidates:
            key = " ".join(_words(name))
            if len(key) >= 3 and f" {key} " in joined and name not in found:
                found.append(name)
    return found


class SignalService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def _values(self, s: Session, d: SignalInput) -> dict[str, object]:
        fc = self._fc
        voc = fc.vocab
        v.not_in_future(d.noted_on, fc.today(), "noted_on", "Een signaal")
        description = v.required(d.description, "description", "Een korte omschrijving")
        if len(description) > MAX_DESCRIPTION:
            raise ValidationError(
                f"Een omschrijving heeft hoogstens {MAX_DESCRIPTION} tekens.", field="description"
            )
        if d.people_count is not None and not 1 <= d.people_count <= MAX_PEOPLE:
            raise ValidationError(
                "Het aantal mensen is een getal vanaf 1 (of laat het leeg).",
                field="people_count",
            )
        org_id = d.organisation_id or None
        if org_id is not None and fc.records.live(s, Organisation, org_id) is None:
            raise ValidationError(
                "Deze organisatie staat niet (meer) op de sociale kaart.", field="organisation_id"
            )
        name = (d.organisation_name or "").strip() or None
        if name is not None and len(name) > 200:
            raise ValidationError("Hoogstens 200 tekens.", field="organisation_name")
        me = s.get(Worker, self._fc.ctx.device.worker_id)
        noted_by = me.name.strip()[:100] or None if me is not None else None
        return {
            "noted_on": d.noted_on.isoformat(),
            "theme": voc["signal_themes"].require(d.theme, "theme", "het thema"),
            "life_domains": voc["life_domains"].require_all(
                list(d.life_domains), "life_domains", "levensdomeinen"
            ),
            "organisation_id": org_id,
            "organisation_name": None if org_id else name,
            "description": description,
            "people_count": d.people_count,
            "status": voc["signal_status"].require(d.status, "status", "de stand van zaken"),
            "team": (d.team or "").strip() or None,
            "noted_by": noted_by,
        }

    def _check_names(self, s: Session, description: str, allow_names: bool) -> None:
        if allow_names:
            return
        people = [
            (a, g, f)
            for a, g, f in s.execute(
                select(Person.alias, Person.given_name, Person.family_name).where(
                    Person.deleted.is_(False)
                )
            )
        ]
        found = names_in(description, people)
        if found:
            raise NamesSuspected(found)

    def create(self, d: SignalInput, *, allow_names: bool = False) -> str:
        """Note a signal. A description that seems to name someone in the vault is refused
        (NamesSuspected) unless `allow_names` (the worker checked: it is no one's name)."""
        with self._fc.ctx.transaction() as s:
            values = self._values(s, d)
            self._check_names(s, str(values["description"]), allow_names)
            return self._fc.records.create(s, Signal, values).id

    def update(self, signal_id: str, d: SignalInput, *, allow_names: bool = False) -> bool:
        with self._fc.ctx.transaction() as s:
            sig = self._get(s, signal_id)
            values = self._values(s, d)
            self._check_names(s, str(values["description"]), allow_names)
            values.pop("noted_by")  # who noted it stays
            return self._fc.records.update(s, sig, values)

    def delete(self, signal_id: str) -> None:
        with self._fc.ctx.transaction() as s:
            self._fc.records.delete(s, self._get(s, signal_id))

    def _get(self, s: Session, signal_id: str) -> Signal:
        sig = self._fc.records.live(s, Signal, signal_id)
        if sig is None:
            raise NotFound("Dit signaal")
        return sig

    def get(self, signal_id: str) -> SignalRow:
        with self._fc.ctx.read() as s:
            return self._rows(s, [self._get(s, signal_id)])[0]

    def all(self) -> list[SignalRow]:
        """Every signal, newest first."""
        with self._fc.ctx.read() as s:
            sigs = list(
                s.scalars(
                    select(Signal)
                    .where(Signal.deleted.is_(False))
                    .order_by(Signal.noted_on.desc(), Signal.created_at.desc())
                )
            )
            return self._rows(s, sigs)

    @staticmethod
    def _rows(s: Session, sigs: list[Signal]) -> list[SignalRow]:
        names = {o.id: o.name for o in s.scalars(select(Organisation))}
        return [
            SignalRow(
                x.id,
                date.fromisoformat(x.noted_on),
                x.theme,
                x.description,
                tuple(x.life_domains),
                x.organisation_id,
                names.get(x.organisation_id, "(onbekende organisatie)")
                if x.organisation_id
                else x.organisation_name,
                x.people_count,
                x.status,
                x.team,
                x.noted_by,
            )
            for x in sigs
        ]
