"""ESF+ participant data: the common indicators of Annex I of Regulation (EU) 2021/1057,
optional, at most one record per person, never on a client-facing document. "Not asked" and
"does not want to say" are real answers; the status at exit and six months after exit come
from the closure and its follow-ups."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.errors import NotFound, ValidationError
from app.models import EsfProfile, Person
from app.services.base import FieldContext, from_iso, iso

NOT_ASKED = "niet_gevraagd"

# field → vocabulary of its answers
VOCABULARY = {
    "gender": "esf_gender",
    "labour_status": "esf_labour_status",
    "education": "esf_education",
    "disability": "esf_answer",
    "third_country": "esf_answer",
    "foreign_background": "esf_answer",
    "minority": "esf_answer",
    "homeless": "esf_answer",
}
LABELS = {
    "gender": "Geslacht",
    "labour_status": "Situatie op de arbeidsmarkt bij de start",
    "education": "Opleidingsniveau",
    "disability": "Persoon met een handicap",
    "third_country": "Onderdaan van een derde land",
    "foreign_background": "Buitenlandse herkomst",
    "minority": "Minderheid (ook gemarginaliseerde gemeenschappen zoals de Roma)",
    "homeless": "Dakloos of uitgesloten van huisvesting",
}


@dataclass(frozen=True)
class EsfInput:
    entry_on: date | None = None
    gender: str = NOT_ASKED
    labour_status: str = NOT_ASKED
    education: str = NOT_ASKED
    disability: str = NOT_ASKED
    third_country: str = NOT_ASKED
    foreign_background: str = NOT_ASKED
    minority: str = NOT_ASKED
    homeless: str = NOT_ASKED


@dataclass(frozen=True)
class EsfRow(EsfInput):
    id: str = ""
    person_id: str = ""


def _row(e: EsfProfile) -> EsfRow:
    return EsfRow(
        entry_on=from_iso(e.entry_on),
        **{name: getattr(e, name) for name in VOCABULARY},
        id=e.id,
        person_id=e.person_id,
    )


class EsfService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def _live(self, s: Session, person_id: str) -> EsfProfile | None:
        return s.scalar(
            select(EsfProfile)
            .where(EsfProfile.person_id == person_id, EsfProfile.deleted.is_(False))
            .order_by(EsfProfile.created_at, EsfProfile.id)
            .limit(1)
        )

    def get(self, person_id: str) -> EsfRow | None:
        with self._fc.ctx.read() as s:
            e = self._live(s, person_id)
            return _row(e) if e is not None else None

    def save(self, person_id: str, d: EsfInput) -> str:
        """Create or change the person's ESF+ data (only for a client file)."""
        fc = self._fc
        values: dict[str, object] = {}
        for f in fields(EsfInput):
            if f.name == "entry_on":
                continue
            code = getattr(d, f.name)
            values[f.name] = fc.vocab[VOCABULARY[f.name]].require(
                code, f.name, LABELS[f.name].lower()
            )
        if d.entry_on is not None:
            v.not_in_future(d.entry_on, fc.today(), "entry_on", "De start")
        values["entry_on"] = iso(d.entry_on)
        with fc.ctx.transaction() as s:
            p = fc.records.live(s, Person, person_id)
            if p is None:
                raise NotFound("Deze persoon")
            if not p.is_client:
                raise ValidationError(
                    "ESF+-gegevens horen bij een cliëntdossier: maak eerst een dossier met het "
                    "akkoord van de persoon.",
                    field="person_id",
                )
            e = self._live(s, person_id)
            if e is None:
                return fc.records.create(s, EsfProfile, {"person_id": person_id, **values}).id
            fc.records.update(s, e, values)
            return e.id

    def delete(self, person_id: str) -> None:
        fc = self._fc
        with fc.ctx.transaction() as s:
            e = self._live(s, person_id)
            if e is None:
                raise NotFound("Deze ESF+-gegevens")
            fc.records.delete(s, e)
