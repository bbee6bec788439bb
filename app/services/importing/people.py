"""Importing people: pseudonyms and client files, their trajectory phase, and finding the
people a contact or agreement row names.

A row updates a person instead of adding one when it has the same external id, the same
national number, the same name and date of birth, or (a pseudonym) the same alias and first
meeting. Anything weaker (the same phone number, the same name without a birth date, the same
alias) is a *possible* duplicate: pointed out, never merged.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import trajectory as t
from app.domain.import_values import fold
from app.errors import ValidationError
from app.models import FollowUp, Person, PhaseEventRecord, Worker
from app.services.base import iso
from app.services.importing.rows import (
    Action,
    Env,
    Plan,
    Row,
    external_key,
    merge_text,
    release,
    show_date,
    split_full_name,
)
from app.services.local_index import EVERYTHING, rebuild_people
from app.services.people import ClientDetails, PeopleService, PseudonymInput
from app.services.trajectory import domain_event, load_events, phase_order

IMPORT_REASON = "Overgenomen bij de import"


@dataclass(frozen=True)
class PersonKey:
    id: str
    alias: str
    given: str | None
    family: str | None
    dob: str | None
    nn: str | None
    phone: str | None
    external_id: str | None
    first_met_on: str
    row: int = 0  # planned by this import, in this row (0: already in the vault)

    @property
    def name(self) -> str | None:
        return " ".join(p for p in (self.given, self.family) if p) or None

    def shown(self) -> str:
        return (
            f"{self.alias} ({self.name})" if self.name and self.name != self.alias else self.alias
        )


def _add(index: dict[str, list[str]], key: str | None, person_id: str) -> None:
    if key:
        ids = index.setdefault(key, [])
        if person_id not in ids:
            ids.append(person_id)


class PeopleIndex:
    """Everyone in the vault (and everyone this import plans) by every key that finds them."""

    def __init__(self, keys: Iterable[PersonKey] = ()) -> None:
        self.info: dict[str, PersonKey] = {}
        self.by_ext: dict[str, list[str]] = {}
        self.by_nn: dict[str, list[str]] = {}
        self.by_name: dict[str, list[str]] = {}
        self.by_alias: dict[str, list[str]] = {}
        self.by_phone: dict[str, list[str]] = {}
        for k in keys:
            self.add(k)

    @classmethod
    def load(cls, s: Session) -> PeopleIndex:
        rows = s.execute(
            select(
                Person.id,
                Person.alias,
                Person.given_name,
                Person.family_name,
                Person.date_of_birth,
                Person.national_number,
                Person.phone,
                Person.external_id,
                Person.first_met_on,
            ).where(Person.deleted.is_(False))
        )
        return cls(PersonKey(*r) for r in rows)

    def add(self, k: PersonKey) -> None:
        old = self.info.get(k.id)
        if old is not None:
            self._remove(old)
        self.info[k.id] = k
        _add(self.by_ext, external_key(k.external_id) if k.external_id else None, k.id)
        _add(self.by_nn, k.nn, k.id)
        if k.given and k.family:
            _add(self.by_name, fold(f"{k.given} {k.family}"), k.id)
            _add(self.by_name, fold(f"{k.family} {k.given}"), k.id)
        _add(self.by_alias, fold(k.alias), k.id)
        _add(self.by_phone, k.phone, k.id)

    def _remove(self, k: PersonKey) -> None:
        for index in (self.by_ext, self.by_nn, self.by_name, self.by_alias, self.by_phone):
            for ids in index.values():
                if k.id in ids:
                    ids.remove(k.id)

    def ids(self, index: dict[str, list[str]], key: str | None) -> list[str]:
        return list(index.get(key, [])) if key else []

    def find(self, text: str) -> list[str]:
        """People an alias, a name (either order), an external id or a national number in a
        contact or agreement row names."""
        key = fold(text)
        found = [
            *self.ids(self.by_alias, key),
            *self.ids(self.by_name, key),
            *self.ids(self.by_ext, external_key(text)),
        ]
        digits = "".join(c for c in text if c.isdigit())
        if len(digits) == 11 and len(digits) >= len(text.replace(" ", "")) - 4:
            found += self.ids(self.by_nn, digits)
        return list(dict.fromkeys(found))


# --- finding the people a row names ---------------------------------------------------------
def resolve_people(row: Row, index: PeopleIndex, *, single: bool) -> list[str]:
    """The people a contact or agreement row is about. Every reference must name exactly
    one person; several (separated by ;) make a group contact unless `single`."""
    dob = row.day("person_date_of_birth")

    def narrow(ids: list[str]) -> list[str]:
        if dob is None or len(ids) < 2:
            return ids
        return [i for i in ids if index.info[i].dob == dob.isoformat()]

    def one(ids: list[str], key: str, what: str, shown: str) -> str | None:
        ids = narrow(ids)
        if not ids:
            row.problem(
                key,
                f"Geen persoon gevonden met {what} '{shown}'. Importeer eerst de personen, of "
                "kijk de schrijfwijze na.",
                value=shown,
            )
            return None
        if len(ids) > 1:
            names = ", ".join(index.info[i].shown() for i in ids[:3])
            row.problem(
                key,
                f"'{shown}' past bij {len(ids)} personen ({names}{', …' if len(ids) > 3 else ''}"
                "). Voeg een kolom met dossiernummer of geboortedatum toe.",
                value=shown,
            )
            return None
        return ids[0]

    found: list[str | None] = []
    ext = row.text("person_external_id")
    nn = row.national_number("person_national_number")
    given, family = row.text("person_given_name"), row.text("person_family_name")
    if ext:
        found.append(one(index.ids(index.by_ext, external_key(ext)), "person_external_id",
                         "dossiernummer", ext))  # fmt: skip
    elif nn:
        found.append(one(index.ids(index.by_nn, nn), "person_national_number",
                         "rijksregisternummer", nn))  # fmt: skip
    elif family:
        name = f"{given} {family}" if given else family
        ids = (
            index.ids(index.by_name, fold(name))
            if given
            else [i for i, k in index.info.items() if k.family and fold(k.family) == fold(family)]
        )
        found.append(one(ids, "person_family_name", "naam", name))
    else:
        for part in row.values("person"):
            found.append(one(index.find(part), "person", "alias of naam", part))
    if row.failed:
        return []
    ids = list(dict.fromkeys(i for i in found if i))
    if not ids and not row.failed:
        row.problem(None, "Er staat niet bij over wie dit gaat (kolom Persoon).", value="")
    if single and len(ids) > 1:
        row.problem("person", "Een afspraak gaat over één persoon.")
        return []
    return ids


# --- importing people ------------------------------------------------------------------------
# Where the people service's own validation errors come from.
_FIELDS = {
    "alias": "alias",
    "first_met_on": "first_met_on",
    "first_met_how": "first_met_how",
    "vindplaats_id": "vindplaats",
    "referral_source": "referral_source",
    "target_groups": "target_groups",
    "given_name": "given_name",
    "family_name": "family_name",
    "agreed_on": "agreed_on",
    "date_of_birth": "date_of_birth",
    "national_number": "national_number",
    "phone": "phone",
    "on": "phase_since",
    "phase": "phase",
    "outcome": "outcome",
    "reason": "phase",
}

_TEXTS = ("note",)  # free text that is added to, never replaced (see merge_text)


def worker_id_for(row: Row, workers: dict[str, str], name: str | None) -> str | None:
    """The worker a person's worker column names: the one place that knows how a person refers
    to a worker (today: a `Worker` of the team, by name; the team is the sync team)."""
    if name is None:
        return None
    found = workers.get(fold(name))
    if found is None:
        row.problem(
            "worker",
            f"'{name}' is geen medewerker van het team. Kies een naam zoals hij bij de "
            "medewerkers staat, of laat de kolom leeg (dan volgt u de persoon op).",
        )
    return found


class PeopleImporter:
    def __init__(self, env: Env) -> None:
        self.env = env
        self.service = PeopleService(env.fc)
        self.index = PeopleIndex()
        self.vindplaatsen: dict[str, tuple[str, str]] = {}  # folded name → (id, name)
        self.touched: set[str] = set()
        self.order = phase_order(env.vocab)
        self.work_outcomes = {t_.code for t_ in env.vocab["outcomes"] if t_.attrs.get("work")}
        self._held: list[object] = []
        self.workers: dict[str, str] = {}  # folded name → worker id
        self.worker_names: dict[str, str] = {}

    def load(self, s: Session) -> None:
        from app.models import Vindplaats

        self.index = PeopleIndex.load(s)
        found = list(
            s.execute(
                select(Worker.id, Worker.name).where(
                    Worker.deleted.is_(False), Worker.active.is_(True)
                )
            )
        )
        self.workers = {fold(name): wid for wid, name in found}
        self.worker_names = {wid: name for wid, name in found}
        # Held here so the session's identity map keeps them (the service's checks get them).
        self._held = list(s.scalars(select(Vindplaats).where(Vindplaats.deleted.is_(False))))
        self.vindplaatsen = {
            fold(name): (vid, name)
            for vid, name in s.execute(
                select(Vindplaats.id, Vindplaats.name).where(Vindplaats.deleted.is_(False))
            )
        }
        if not self.env.headers.keys() & {"first_met_on", "agreed_on", "phase_since"}:
            self.env.file_problems.append(
                _file_warning(
                    "Er is geen kolom met de datum van de eerste ontmoeting: nieuwe personen "
                    f"krijgen de datum van vandaag ({show_date(self.env.today)})."
                )
            )

    # --- one row ------------------------------------------------------------------------------
    def plan(self, s: Session, row: Row) -> Plan | None:
        env = self.env
        ext = row.text("external_id")
        alias = row.text("alias")
        given, family = row.text("given_name"), row.text("family_name")
        full = row.text("full_name")
        if full and not (given and family):
            g, f = split_full_name(full)
            given, family = given or g, family or f
            if not row.has("given_name") and not row.has("family_name") and f is None:
                given = None
                alias = alias or g
        dob = row.day("date_of_birth")
        phone = row.phone("phone")
        nn = row.national_number("national_number")
        languages = row.values("languages")
        worker = worker_id_for(row, self.workers, row.text("worker"))
        phase = row.vocab("phase")
        since = row.day("phase_since")
        outcome = row.vocab("outcome")
        first_met = row.day("first_met_on")
        agreed = row.day("agreed_on")
        how = row.vocab("first_met_how")
        vp_name = row.text("vindplaats")
        vindplaats_id = None
        if vp_name is not None:
            found = self.vindplaatsen.get(fold(vp_name))
            vindplaats_id = found[0] if found else None
            if vindplaats_id is None:
                row.problem(
                    "vindplaats",
                    f"De vindplaats '{vp_name}' staat niet in Brugfiguur. Importeer eerst de "
                    "vindplaatsen, of kijk de schrijfwijze na.",
                )
        referral = row.text("referral_source")
        groups = row.vocab_all("target_groups")
        note = row.text("note")
        if row.failed:
            return None

        if (given is None) != (family is None):
            only = given or family
            row.warn(
                "given_name" if given else "family_name",
                "Alleen een voornaam of alleen een familienaam: bewaard als alias, zonder "
                "dossier op naam.",
                value=only or "",
            )
            alias = alias or only
            given = family = None
        client = given is not None and family is not None
        if not client and (dob is not None or nn is not None):
            row.warn(
                "national_number" if nn else "date_of_birth",
                "Geboortedatum en rijksregisternummer worden alleen bewaard bij een dossier op "
                "naam (voornaam en familienaam).",
            )
            dob = nn = None
        if alias is None and client:
            assert given is not None and family is not None
            alias = f"{given} {family[0]}."
        if alias is None:
            row.problem(None, "Geef een alias of een naam.", value="")
            return None

        # --- which person ---------------------------------------------------------------------
        idx = self.index
        match: str | None = None
        how_matched = ""
        if ext:
            ids = idx.ids(idx.by_ext, external_key(ext))
            if ids:
                match, how_matched = ids[0], "dossiernummer"
        if match is None and nn:
            ids = idx.ids(idx.by_nn, nn)
            if ids:
                match, how_matched = ids[0], "rijksregisternummer"
        if match is None and client and dob is not None:
            # Another dossier number is another record of the old system: at most a possible
            # duplicate (below), never the same person.
            ids = [
                i
                for i in idx.ids(idx.by_name, fold(f"{given} {family}"))
                if idx.info[i].dob == dob.isoformat()
                and not (
                    ext
                    and idx.info[i].external_id
                    and external_key(idx.info[i].external_id or "") != external_key(ext)
                )
            ]
            if len(ids) > 1:
                row.problem(
                    "given_name",
                    f"{len(ids)} personen hebben deze naam en geboortedatum; voeg een kolom met "
                    "dossiernummer of rijksregisternummer toe.",
                    value=f"{given} {family}",
                )
                return None
            if ids:
                match, how_matched = ids[0], "naam en geboortedatum"
        if match is None and not client and first_met is not None:
            ids = [
                i
                for i in idx.ids(idx.by_alias, fold(alias))
                if idx.info[i].name is None and idx.info[i].first_met_on == first_met.isoformat()
            ]
            if ids:
                match, how_matched = ids[0], "alias en eerste ontmoeting"
        if match is not None:
            key = idx.info[match]
            if key.row:
                row.problem(
                    "external_id" if how_matched == "dossiernummer" else None,
                    f"Deze persoon staat al in rij {key.row} (zelfde {how_matched}).",
                    value=ext or alias,
                )
                return None
            if nn and key.nn and key.nn != nn:
                row.problem("national_number", "Het rijksregisternummer verschilt van dat van "
                            f"{key.shown()}, die hetzelfde {how_matched} heeft.")  # fmt: skip
                return None
            if nn:
                other = [i for i in idx.ids(idx.by_nn, nn) if i != match]
                if other:
                    row.problem("national_number", "Dit rijksregisternummer hoort al bij "
                                f"{idx.info[other[0]].shown()}.")  # fmt: skip
                    return None
            if ext and key.external_id and external_key(key.external_id) != external_key(ext):
                row.problem(
                    "external_id",
                    f"{key.shown()} heeft al dossiernummer '{key.external_id}' (gevonden op "
                    f"{how_matched}).",
                )
                return None

        # --- the values, checked by the people service's own rules --------------------------
        existing = s.get(Person, match) if match else None
        if existing is not None and existing.deleted:
            existing = None
        first_met_on = first_met or (
            date.fromisoformat(existing.first_met_on)
            if existing is not None
            else (agreed or since or env.today)
        )
        if first_met is None and existing is None and env.headers.keys() & {"first_met_on"}:
            row.warn("first_met_on", f"Geen datum: {show_date(first_met_on)} wordt gebruikt.")
        if how is None:
            if vindplaats_id:
                how = "vindplaats"
            elif referral:
                how = "doorverwijzing"
            elif existing is not None:
                how = existing.first_met_how
        if how is None:
            row.problem(
                "first_met_how",
                "Hoe werd de persoon ontmoet? Vul de kolom 'Hoe ontmoet' in, of kies een vaste "
                "waarde bij de kolommen.",
                value="",
            )
            return None
        if existing is not None and vindplaats_id is None and how == existing.first_met_how:
            vindplaats_id = existing.first_met_vindplaats_id
        try:
            values = self.service._check_pseudonym(
                s,
                PseudonymInput(
                    alias=alias,
                    first_met_on=first_met_on,
                    first_met_how=how,
                    vindplaats_id=vindplaats_id,
                    referral_source=referral
                    if referral is not None
                    else (existing.referral_source if existing is not None else None),
                    note=note,
                    target_groups=tuple(groups),
                ),
            )
            values.pop("worker_id")  # this worker unless the sheet names another (below)
            if client:
                assert given is not None and family is not None
                was_client = existing is not None and existing.is_client
                agreed_on = agreed or (
                    date.fromisoformat(existing.client_since)
                    if was_client and existing is not None and existing.client_since
                    else first_met_on
                )
                details = ClientDetails(
                    given_name=given,
                    family_name=family,
                    agreed_on=agreed_on,
                    date_of_birth=dob,
                    phone=phone,
                    national_number=nn,
                    languages=tuple(languages),
                    target_groups=tuple(groups),
                    radar_status=existing.radar_status if existing is not None else "onbekend",
                )
                probe = Person(first_met_on=first_met_on.isoformat())
                client_values = self.service._check_client(probe, details)
                if existing is not None:
                    for k in ("interpreter_needed", "interpreter_language", "radar_status"):
                        client_values.pop(k)
                values.update(client_values)
            else:
                if phone is not None:
                    values["phone"] = phone
                if languages:
                    values["languages"] = languages
        except ValidationError as exc:
            row.service_error(exc, _FIELDS)
            return None
        if worker is not None:
            values["worker_id"] = worker
        elif existing is None:
            values["worker_id"] = self.env.fc.ctx.device.worker_id
        if ext:
            values["external_id"] = ext

        # --- what this row changes ----------------------------------------------------------
        touched = self._touched(row, client, existing)
        if existing is None:
            plan = self._plan_new(s, row, values, phase, since, outcome, first_met_on, ext)
        else:
            plan = self._plan_update(s, row, existing, values, touched, phase, since, outcome)
        if plan is None:
            return None
        possible = self._possible_duplicates(plan, alias, given, family, dob, phone, match)
        if possible:
            message = f"Mogelijk dezelfde persoon als {possible}."
            if env.mapping.possible_duplicates == "skip":
                row.problem(
                    None,
                    message + " Niet geïmporteerd; kies 'mogelijke dubbels toch importeren' "
                    "als het iemand anders is.",
                    value=alias,
                )
                return None
            row.warn(None, message + " Toch geïmporteerd als nieuwe persoon.", value=alias)
        final = existing
        self.index.add(
            PersonKey(
                plan.record_id,
                str(values.get("alias", final.alias if final is not None else alias)),
                given if client else (final.given_name if final is not None else None),
                family if client else (final.family_name if final is not None else None),
                iso(dob) if dob else (final.date_of_birth if final is not None else None),
                nn or (final.national_number if final is not None else None),
                phone or (final.phone if final is not None else None),
                ext or (final.external_id if final is not None else None),
                first_met_on.isoformat(),
                row.number,
            )
        )
        if self.env.previewing:
            plan.preview = self._preview(
                values, client, phase or (existing.phase if existing else None)
            )
        return plan

    def _touched(self, row: Row, client: bool, existing: Person | None) -> set[str]:
        env_keys = {k for k in self.env.headers if row.has(k)}
        out: set[str] = set()
        pairs = {
            "alias": ("alias",),
            "given_name": ("given_name", "family_name"),
            "family_name": ("given_name", "family_name"),
            "full_name": ("given_name", "family_name"),
            "date_of_birth": ("date_of_birth",),
            "phone": ("phone",),
            "national_number": ("national_number",),
            "languages": ("languages",),
            "worker": ("worker_id",),
            "first_met_on": ("first_met_on",),
            "first_met_how": ("first_met_how", "first_met_vindplaats_id"),
            "vindplaats": ("first_met_how", "first_met_vindplaats_id"),
            "referral_source": ("referral_source",),
            "target_groups": ("target_groups",),
            "agreed_on": ("client_since",),
            "note": ("note",),
            "external_id": ("external_id",),
        }
        for key in env_keys:
            out.update(pairs.get(key, ()))
        if client and existing is not None and not existing.is_client:
            out.update(("is_client", "client_since", "given_name", "family_name"))
        if not client:
            out -= {"given_name", "family_name", "date_of_birth", "national_number", "client_since"}
        return out

    def _events_new(
        self, row: Row, first_met_on: date, phase: str | None, since: date | None,
        outcome: str | None,
    ) -> list[t.PhaseEvent] | None:  # fmt: skip
        events = [t.PhaseEvent(t.EventKind.PHASE, first_met_on, t.FIRST_PHASE, "Eerste contact")]
        state = t.replay(events, self.order)
        return self._next_events(row, state, phase, since or first_met_on, outcome, events)

    def _next_events(
        self,
        row: Row,
        state: t.TrajectoryState,
        phase: str | None,
        on: date,
        outcome: str | None,
        events: list[t.PhaseEvent],
    ) -> list[t.PhaseEvent] | None:
        new: t.PhaseEvent | None = None
        if phase == t.CLOSED:
            if not state.closed:
                if outcome is None:
                    row.problem(
                        "outcome" if row.column("outcome") else "phase",
                        "Een afgesloten traject heeft een uitkomst: vul de kolom 'Uitkomst' in.",
                    )
                    return None
                new = t.PhaseEvent(t.EventKind.CLOSE, on, None, IMPORT_REASON, outcome)
        elif phase is not None:
            if state.closed:
                new = t.PhaseEvent(t.EventKind.REOPEN, on, phase, IMPORT_REASON)
            elif phase != state.phase:
                new = t.PhaseEvent(t.EventKind.PHASE, on, phase, IMPORT_REASON)
        elif outcome is not None and not state.closed:
            row.warn("outcome", "Een uitkomst zonder afgesloten fase wordt niet bewaard.")
        if new is not None:
            try:
                t.check_next(
                    state,
                    new,
                    today=self.env.today,
                    phases=self.order,
                    outcomes=self.env.vocab["outcomes"].codes(),
                )
            except ValidationError as exc:
                row.service_error(exc, _FIELDS)
                return None
            events = [*events, new]
        return events

    def _plan_new(
        self,
        s: Session,
        row: Row,
        values: dict[str, Any],
        phase: str | None,
        since: date | None,
        outcome: str | None,
        first_met_on: date,
        ext: str | None,
    ) -> Plan | None:
        events = self._events_new(row, first_met_on, phase, since, outcome)
        if events is None:
            return None
        person_id = str(uuid.uuid4())
        return Plan(row.number, Action.CREATE, person_id, values, [], extra={"events": events})

    def _plan_update(
        self,
        s: Session,
        row: Row,
        p: Person,
        values: dict[str, Any],
        touched: set[str],
        phase: str | None,
        since: date | None,
        outcome: str | None,
    ) -> Plan | None:
        changes: dict[str, Any] = {}
        labels: list[str] = []
        for key in touched:
            if key not in values:
                continue
            new = values[key]
            if key == "worker_id":
                if p.worker_id != new:
                    row.warn("worker", "Een import draagt niemand over: de werker blijft; draag "
                             "de persoon over vanuit het dossier.")  # fmt: skip
                continue
            if key in _TEXTS:
                new, appended = merge_text(getattr(p, key), new)
                if appended:
                    row.warn(key, "De notitie in Brugfiguur verschilt: die uit het bestand "
                             "werd eronder toegevoegd.")  # fmt: skip
            if getattr(p, key) != new:
                changes[key] = new
                labels.append(_LABELS.get(key, key))
        events: list[t.PhaseEvent] = []
        if phase is not None or outcome is not None:
            existing = [domain_event(r) for r in load_events(s, p.id)]
            state = t.replay(existing, self.order)
            found = self._next_events(row, state, phase, since or self.env.today, outcome, [])
            if found is None:
                return None
            events = found
            if events:
                labels.append("fase")
        action = Action.UPDATE if changes or events else Action.UNCHANGED
        plan = Plan(row.number, action, p.id, changes, [], sorted(set(labels)), obj=p)
        plan.extra["events"] = events
        if action is Action.UNCHANGED:
            release(s, p)
            plan.obj = None
        return plan

    def _possible_duplicates(
        self,
        plan: Plan,
        alias: str,
        given: str | None,
        family: str | None,
        dob: date | None,
        phone: str | None,
        match: str | None,
    ) -> str | None:
        """Who a new person may be, and why (never for a person that was matched)."""
        if plan.action is not Action.CREATE:
            return None
        idx = self.index
        reasons: dict[str, list[str]] = {}
        for i in idx.ids(idx.by_phone, phone):
            reasons.setdefault(i, []).append("zelfde telefoonnummer")
        if given and family:
            for i in idx.ids(idx.by_name, fold(f"{given} {family}")):
                other = idx.info[i].dob
                if dob is None or other is None:
                    reasons.setdefault(i, []).append("zelfde naam")
                elif other == dob.isoformat():
                    reasons.setdefault(i, []).append("zelfde naam en geboortedatum")
        else:
            for i in idx.ids(idx.by_alias, fold(alias)):
                if idx.info[i].name is None:
                    reasons.setdefault(i, []).append("zelfde alias")
        reasons.pop(match or "", None)
        if not reasons:
            return None
        who = [
            f"{idx.info[i].shown()}"
            + (f" in rij {idx.info[i].row}" if idx.info[i].row else "")
            + f" ({', '.join(r)})"
            for i, r in list(reasons.items())[:3]
        ]
        return "; ".join(who)

    def _preview(
        self, values: dict[str, Any], client: bool, phase: str | None
    ) -> list[tuple[str, str]]:
        voc = self.env.vocab
        out = [("Alias", str(values.get("alias", "")))]
        if values.get("given_name") or values.get("family_name"):
            out.append(("Naam", f"{values.get('given_name', '')} {values.get('family_name', '')}"))
        shown: dict[str, Callable[[Any], str]] = {
            "date_of_birth": lambda x: show_date(date.fromisoformat(x)),
            "first_met_on": lambda x: show_date(date.fromisoformat(x)),
            "client_since": lambda x: show_date(date.fromisoformat(x)),
            "first_met_how": lambda x: voc["first_met"].label(x),
            "target_groups": lambda x: ", ".join(voc["target_groups"].label(c) for c in x),
            "languages": lambda x: ", ".join(x),
        }
        for key in (
            "external_id", "date_of_birth", "phone", "national_number", "languages",
            "first_met_on", "first_met_how", "referral_source",
            "target_groups", "client_since", "note",
        ):  # fmt: skip
            value = values.get(key)
            if value in (None, "", []):
                continue
            convert = shown.get(key, str)
            out.append((_LABELS.get(key, key), str(convert(value))))
        if values.get("worker_id"):
            out.append(("Werker", self.worker_names.get(str(values["worker_id"]), "")))
        if values.get("first_met_vindplaats_id"):
            name = next(
                (
                    n
                    for i, n in self.vindplaatsen.values()
                    if i == values["first_met_vindplaats_id"]
                ),
                "",
            )
            out.append(("Vindplaats", name))
        if phase:
            out.append(("Fase", voc["phases"].label(phase)))
        return out

    # --- writing ------------------------------------------------------------------------------
    def write(self, s: Session, plans: list[Plan]) -> None:
        records = self.env.fc.records
        new = [p for p in plans if p.action is Action.CREATE]
        records.create_many(s, Person, [(p.record_id, p.values) for p in new])
        events: list[tuple[str, dict[str, Any]]] = []
        follow_ups: list[tuple[str, dict[str, Any]]] = []
        for p in plans:
            if p.action is Action.UPDATE and p.obj is not None and p.values:
                records.update(s, p.obj, p.values)
            for e in p.extra.get("events", []):
                events.append((str(uuid.uuid4()), _event_values(p.record_id, e)))
                if e.kind is t.EventKind.CLOSE and e.outcome in self.work_outcomes:
                    for months, due in t.follow_up_dates(e.on):
                        follow_ups.append(
                            (
                                str(uuid.uuid4()),
                                {
                                    "person_id": p.record_id,
                                    "months": months,
                                    "due_on": due.isoformat(),
                                    "done_on": None,
                                    "result": None,
                                },
                            )
                        )
            self.touched.add(p.record_id)
        records.create_many(s, PhaseEventRecord, events)
        records.create_many(s, FollowUp, follow_ups)
        s.flush()
        for p in plans:
            release(s, p.obj)

    def finish(self, s: Session) -> None:
        rebuild_people(
            s, self.env.vocab, sorted(self.touched), dict.fromkeys(self.touched, EVERYTHING)
        )


def _event_values(person_id: str, e: t.PhaseEvent) -> dict[str, Any]:
    return {
        "person_id": person_id,
        "kind": str(e.kind),
        "on": e.on.isoformat(),
        "phase": e.phase,
        "reason": e.reason,
        "outcome": e.outcome,
    }


def _file_warning(message: str) -> Any:
    from app.services.importing.rows import Problem

    return Problem(0, None, "", message, blocking=False)


_LABELS = {
    "alias": "Alias",
    "given_name": "Voornaam",
    "family_name": "Familienaam",
    "date_of_birth": "Geboortedatum",
    "phone": "Telefoon",
    "national_number": "Rijksregisternummer",
    "languages": "Talen",
    "worker_id": "Werker",
    "first_met_on": "Eerste ontmoeting",
    "first_met_how": "Hoe ontmoet",
    "first_met_vindplaats_id": "Vindplaats",
    "referral_source": "Doorverwezen door",
    "target_groups": "Doelgroepen",
    "client_since": "Akkoord op",
    "is_client": "Dossier op naam",
    "note": "Notitie",
    "external_id": "Dossiernummer",
}

__all__ = ["PeopleImporter", "PeopleIndex", "PersonKey", "replace", "resolve_people"]
