"""Fictional demo data with Flemish names and plausible distributions.

Everything is written through the record writer (revisions, field clocks and outbox entries,
exactly as the services write), in large transactions so that a 5,000-person vault with a
quarter of a million contact moments can be generated in minutes. The local indexes (contact
people, full-text search, cached phase and contact dates) are built along the way.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from app.domain import trajectory as t
from app.models import (
    Agreement,
    Consent,
    ContactMoment,
    ContactPerson,
    DrempelRecord,
    EsfProfile,
    FollowUp,
    Handover,
    NetworkMember,
    Organisation,
    OrgContact,
    Person,
    PhaseEventRecord,
    PresenceLog,
    Signal,
    Vindplaats,
    WorkReadinessItem,
    ZrmAssessment,
)
from app.services import search
from app.services.contacts import reindex_contact
from app.services.field import FieldServices
from app.services.trajectory import refresh_person_state

GIVEN = [
    "Zoë",
    "Noor",
    "Emma",
    "Lotte",
    "Fien",
    "Marie",
    "Julie",
    "Lena",
    "Yasmina",
    "Fatima",
    "Sarah",
    "Ines",
    "Amira",
    "Nora",
    "Lisa",
    "Hanne",
    "Jana",
    "Elif",
    "Aya",
    "Mila",
    "Sofie",
    "Kato",
    "Lore",
    "Eline",
    "Jens",
    "Lucas",
    "Arne",
    "Wout",
    "Bram",
    "Milan",
    "Ayoub",
    "Mohamed",
    "Youssef",
    "Rayan",
    "Stijn",
    "Pieter",
    "Dries",
    "Jonas",
    "Thomas",
    "Kevin",
    "Sven",
    "Tibo",
    "Elias",
    "Adam",
    "Ibrahim",
    "Senne",
    "Ruben",
    "Kobe",
    "Lars",
    "Jef",
    "Rik",
    "Bart",
    "Dirk",
    "Luc",
    "Marc",
    "Hilde",
    "Greet",
    "Rita",
    "Mieke",
    "Nadia",
    "Samira",
    "Kenza",
    "Dylan",
    "Jordy",
]
FAMILY = [
    name.replace("_", " ")
    for name in [
        "Peeters",
        "Janssens",
        "Maes",
        "Jacobs",
        "Mertens",
        "Willems",
        "Claes",
        "Goossens",
        "Wouters",
        "De_Smet",
        "Dubois",
        "Lambert",
        "Dupont",
        "Hermans",
        "Aerts",
        "Michiels",
        "Vermeulen",
        "Van_den_Broeck",
        "Desmet",
        "Vandenberghe",
        "Van_Damme",
        "De_Backer",
        "Verstraete",
        "Martens",
        "Stevens",
        "Pauwels",
        "Coppens",
        "Leroy",
        "Declercq",
        "Smets",
        "Vermeersch",
        "Cools",
        "Bogaert",
        "Van_Acker",
        "El_Amrani",
        "Benali",
        "Yilmaz",
        "Kaya",
        "Demir",
        "Diallo",
        "Bah",
        "Nowak",
        "Kowalski",
        "Popescu",
        "Haddou",
        "Ouali",
        "Verhaegen",
        "Segers",
        "Timmermans",
        "Baert",
        "Van_Hecke",
        "Dewulf",
        "Callens",
        "Vandamme",
        "Mahieu",
    ]
]
ALIASES = [
    "Kapitein",
    "Blondje",
    "Stille",
    "Rapper",
    "Kok",
    "Fietser",
    "Schaker",
    "Tekenaar",
    "Voetballer",
    "Dichter",
    "Muzikant",
    "Danser",
    "Lachebek",
    "Nachtuil",
    "Zanger",
    "Gamer",
    "Bakker",
    "Tuinier",
    "Lezer",
    "Reiziger",
]
AREAS = (
    "Gent-Centrum",
    "Sluizeken",
    "Rabot",
    "Brugse Poort",
    "Ledeberg",
    "Nieuw Gent",
    "Dampoort",
    "Muide",
    "Sint-Amandsberg",
    "Wondelgem",
)
SUMMARIES = (
    "Kort gesprek, gaat goed met de job-zoektocht.",
    "Samen de brief van het OCMW gelezen en een afspraak gemaakt.",
    "Wil graag een opleiding volgen, we bekijken de mogelijkheden.",
    "Praatte over de woning: de huur is te hoog, zoekt iets kleiners.",
    "Kinderopvang blijft een probleem op woensdagnamiddag.",
    "Was blij met de begeleiding naar de VDAB-afspraak.",
    "Heeft een sollicitatie gedaan bij een schoonmaakbedrijf.",
    "Moeilijke week; even luisteren was genoeg.",
    "Samen het cv bijgewerkt en een e-mail verstuurd.",
    "Wil nadenken over vrijwilligerswerk in het buurthuis.",
    "Vraagt hulp bij de administratie van de ziekteverzekering.",
    "Geen tijd vandaag, maakte een nieuwe afspraak.",
)
PRIVATE = (
    "Leek vermoeid.",
    "Let op: wantrouwig tegenover diensten.",
    "Familie geeft druk.",
    "Sprak over schulden; voorzichtig aanbrengen.",
    "",
    "",
    "",
    "",
)
TODOS = (
    "Afspraak OCMW bellen",
    "Cv meebrengen",
    "Formulier kinderopvang invullen",
    "Bellen naar de VDAB-consulent",
    "Rijbewijs theorie inplannen",
    "Huurcontract nakijken",
    "Doktersattest binnenbrengen",
    "Inschrijving taalles",
)


HANDOVER_TYPE_OF = {
    "vdab": "vdab", "ocmw": "ocmw", "gtb": "gtb", "werkgever": "werkgever",
    "sociale_economie": "werkgever", "caw": "welzijnspartner", "welzijn": "welzijnspartner",
    "ggz": "welzijnspartner",
}  # fmt: skip


@dataclass(frozen=True)
class DemoSummary:
    people: int
    contacts: int
    vindplaatsen: int
    presence_logs: int
    assessments: int = 0


def _w(rng: random.Random, options: list[tuple[Any, int]]) -> Any:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


class _Builder:
    def __init__(self, field: FieldServices, rng: random.Random, today: date) -> None:
        self.f = field
        self.rec = field.context.records
        self.rng = rng
        self.today = today
        self.voc = field.vocab
        self.contacts = 0
        self.closures = 0
        self.assessments = 0
        self.orgs: list[tuple[str, str, str]] = []
        self.worker_ids: list[str] = []
        # Report data (follow-up results, ESF+, signals) draws from its own generator, so the
        # rest of the demo stays as it was; seeded from the main generator's state, so the same
        # seed gives the same demo (a text seed is hashed the same way in every process).
        self.xrng = random.Random(repr(rng.getstate()[1][:8]))  # noqa: S311
        self.esf: set[str] = set()
        from app.services.zrm import editions

        self.zrm_codes = editions()["2017"].codes()

    def create(self, s: Session, model: Any, values: dict[str, Any]) -> Any:
        return self.rec.create(s, model, values)

    def vindplaatsen(self, s: Session, n: int) -> list[str]:
        ids = []
        names = [
            "Sint-Pietersplein",
            "Bib De Krook",
            "Jeugdhuis De Centrale",
            "Dagcentrum Dak",
            "Schoolpoort Sint-Lucas",
            "Moskee El Fath",
            "Huis van het Kind Rabot",
            "Buurtcentrum Brugse Poort",
            "Facebookgroep Gent Helpt",
            "Jobbeurs Flanders Expo",
            "Sportclub FC Ledeberg",
            "Station Dampoort",
            "Huisartsenpraktijk Muide",
            "Park De Blaarmeersen",
            "Vaste zitdag OCMW",
            "Straatfeest Sluizeken",
            "WhatsApp-groep moeders",
            "Marktplein Sint-Amandsberg",
            "Wijkgezondheidscentrum",
            "Koffiebar 't Kanaal",
            "Voedselbank",
            "Speelplein Nieuw Gent",
            "Dienstencentrum Wondelgem",
            "Sociaal restaurant",
            "Deur-aan-deur Rabotwijk",
        ]
        types = self.voc["vindplaats_types"].codes()
        for i in range(n):
            name = names[i % len(names)] + ("" if i < len(names) else f" {i // len(names) + 1}")
            vp = self.create(
                s,
                Vindplaats,
                {
                    "name": name,
                    "type": vindplaats_type(name, self.rng.choice(types)),
                    "area": self.rng.choice(AREAS),
                    "address": None,
                    "best_times": self.rng.choice(
                        ["ma-vr 10-12u", "woensdagnamiddag", "zaterdag markt", "dinsdag 14-16u"]
                    ),
                    "who_met": self.rng.choice(
                        [
                            "jongeren",
                            "moeders met kinderen",
                            "nieuwkomers",
                            "mensen zonder werk",
                            "buurtbewoners",
                        ]
                    ),
                    "contact_person": self.rng.choice([None, "Karim", "Els", "An", "Tom"]),
                    "contact_phone": None,
                    "note": None,
                    "active": self.rng.random() > 0.1,
                },
            )
            ids.append(vp.id)
            for _ in range(self.rng.randint(5, 30)):
                n_spoken = self.rng.randint(0, 25)
                bands: dict[str, int] = {}
                left = n_spoken
                for band in self.voc["age_bands"].codes():
                    k = self.rng.randint(0, left)
                    if k:
                        bands[band] = k
                    left -= k
                self.create(
                    s,
                    PresenceLog,
                    {
                        "vindplaats_id": vp.id,
                        "on": (self.today - timedelta(days=self.rng.randint(0, 700))).isoformat(),
                        "duration_min": self.rng.choice([60, 90, 120, 180]),
                        "people_spoken": n_spoken,
                        "age_bands": bands,
                        "topics": self.rng.sample(
                            self.voc["life_domains"].codes(), k=self.rng.randint(0, 3)
                        ),
                        "note": None,
                    },
                )
        return ids

    def person(self, s: Session, vindplaatsen: list[str], index: int, contacts_mean: int) -> None:
        rng = self.rng
        first_met = self.today - timedelta(days=rng.randint(20, 900))
        how = _w(rng, [("vindplaats", 6), ("doorverwijzing", 3), ("mond_aan_mond", 2)])
        is_client = rng.random() < 0.75
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        alias = given if rng.random() < 0.6 else f"{rng.choice(ALIASES)} {index}"
        dob = date(rng.randint(1960, 2006), rng.randint(1, 12), rng.randint(1, 28))
        values: dict[str, Any] = {
            "alias": alias,
            "first_met_on": first_met.isoformat(),
            "first_met_how": how,
            "first_met_vindplaats_id": rng.choice(vindplaatsen) if how == "vindplaats" else None,
            **demo_referral(self, rng.choice(["OCMW", "CAW", "school", "huisarts"]), how),
            "is_client": is_client,
            "client_since": (first_met + timedelta(days=rng.randint(7, 120))).isoformat()
            if is_client
            else None,
            "given_name": given if is_client else None,
            "family_name": family if is_client else None,
            "date_of_birth": dob.isoformat() if is_client else None,
            "phone": f"+324{rng.randint(70, 99)}{rng.randint(100000, 999999)}"
            if is_client
            else None,
            "national_number": None,
            "languages": rng.sample(
                ["nl", "fr", "ar", "tr", "en", "pl", "ro"], k=rng.randint(1, 2)
            ),
            "interpreter_needed": rng.random() < 0.15,
            "interpreter_language": None,
            "radar_status": _w(rng, [("onbekend", 4), ("elders_gekend", 3), ("vdab", 3)]),
            "target_groups": rng.sample(
                self.voc["target_groups"].codes(), k=_w(rng, [(0, 5), (1, 4), (2, 1)])
            ),
            "worker_id": rng.choice(self.worker_ids),
            "note": rng.choice(
                [None, None, "Komt vaak op woensdag naar het plein.", "Spreekt liever Frans."]
            ),
        }
        p = self.create(s, Person, values)
        if is_client:
            demo_esf(self, s, p)
        self._trajectory(s, p, first_met)
        self._contacts(s, p, first_met, vindplaatsen, contacts_mean)
        if is_client:
            self._situation(s, p)
            self._zrm(s, p, first_met)
            if self.orgs and p.phase in ("overdracht", "opvolging", "afgesloten"):
                self._handover(s, p, self.orgs)

    def _trajectory(self, s: Session, p: Person, first_met: date) -> None:
        rng = self.rng
        order = [
            "bereiken",
            "kennismaking",
            "contextvoorwaarden",
            "orientering",
            "overdracht",
            "opvolging",
        ]
        events: list[tuple[date, str, str | None, str, str | None]] = [
            (first_met, "fase", "bereiken", "Eerste contact", None)
        ]
        day, idx = first_met, 0
        target = rng.randint(0, 5)
        while idx < target and day < self.today - timedelta(days=20):
            day += timedelta(days=rng.randint(10, 90))
            if day >= self.today:
                break
            if rng.random() < 0.15 and idx > 1:
                idx -= 1
                reason = "Terugval: eerst weer contextvoorwaarden"
            else:
                idx += 1
                reason = rng.choice(
                    ["Vertrouwen groeit", "Klaar voor een volgende stap", "Situatie is stabieler"]
                )
            events.append((day, "fase", order[idx], reason, None))
        roll = rng.random()
        pending_closure: tuple[date, str] | None = None
        if roll < 0.22 and day < self.today - timedelta(days=5):
            closed_on = min(self.today, day + timedelta(days=rng.randint(5, 60)))
            codes = self.voc["outcomes"].codes()
            outcome = codes[self.closures % len(codes)]  # every outcome occurs
            self.closures += 1
            events.append((closed_on, "afsluiting", None, "", outcome))
            if rng.random() < 0.15 and closed_on < self.today - timedelta(days=30):
                events.append(
                    (
                        closed_on + timedelta(days=20),
                        "heropening",
                        None,
                        "Komt terug met een nieuwe vraag",
                        None,
                    )
                )
            else:
                pending_closure = (closed_on, outcome)
        elif roll < 0.32:
            events.append(
                (
                    min(self.today, day + timedelta(days=3)),
                    "lager_pitje",
                    None,
                    "Even geen energie voor een traject",
                    None,
                )
            )
        for e_on, e_kind, phase_code, e_reason, e_outcome in events:
            ev = self.create(
                s,
                PhaseEventRecord,
                {
                    "person_id": p.id,
                    "kind": e_kind,
                    "on": e_on.isoformat(),
                    "phase": phase_code,
                    "reason": e_reason,
                    "outcome": e_outcome,
                },
            )
            if pending_closure is not None and e_kind == "afsluiting":
                demo_follow_ups(self, s, p.id, "afsluiting", closed_on, ev.id, e_outcome)
        s.flush()
        refresh_person_state(self.voc, s, p)

    def _contacts(
        self, s: Session, p: Person, first_met: date, vindplaatsen: list[str], mean: int
    ) -> None:
        rng = self.rng
        n = max(1, int(rng.gauss(mean, mean / 3)))
        span = max(1, (self.today - first_met).days)
        channels = [
            ("vindplaats", 6),
            ("telefoon", 5),
            ("bericht", 5),
            ("huisbezoek", 2),
            ("wandelgesprek", 2),
            ("begeleiding", 2),
            ("email", 1),
            ("video", 1),
            ("triogesprek", 1),
            ("netwerk", 1),
            ("gevangenis", 1),
        ]
        domains = self.voc["life_domains"].codes()
        last_at = None
        cp_rows = []
        # The next contact is planned at the latest one, as the record is written (never set
        # afterwards behind the record writer's back: the synced revision must hold it).
        planned = None
        if not p.closed and rng.random() < 0.4:
            planned = (
                datetime.combine(
                    self.today + timedelta(days=rng.randint(0, 14)), datetime.min.time()
                )
                .replace(hour=rng.randint(9, 17))
                .isoformat(timespec="minutes")
            )
        for i in range(n):
            when = datetime.combine(
                first_met + timedelta(days=int(span * i / n)), datetime.min.time()
            ).replace(hour=rng.randint(8, 19), minute=rng.choice([0, 15, 30, 45]))
            status = _w(
                rng, [("bereikt", 75), ("niet_bereikt", 12), ("no_show", 8), ("geannuleerd", 5)]
            )
            channel = _w(rng, channels)
            summary = rng.choice(SUMMARIES) if status == "bereikt" else ""
            c = self.create(
                s,
                ContactMoment,
                {
                    "occurred_at": when.isoformat(timespec="minutes"),
                    "duration_min": rng.choice([5, 10, 15, 20, 30, 45, 60, 90]),
                    "channel": channel,
                    "vindplaats_id": rng.choice(vindplaatsen) if channel == "vindplaats" else None,
                    "place": None,
                    "initiator": _w(
                        rng, [("werker", 6), ("persoon", 3), ("netwerk", 1), ("partner", 1)]
                    ),
                    "status": status,
                    "life_domains": rng.sample(domains, k=rng.randint(0, 3))
                    if status == "bereikt"
                    else [],
                    "summary": summary,
                    "private_note": rng.choice(PRIVATE) if status == "bereikt" else "",
                    "next_contact_at": planned if i == n - 1 else None,
                    "next_contact_note": None,
                    "people": [{"person_id": p.id, "attended": True}],
                    "others": [],
                    "group_activity": None,
                },
            )
            cp_rows.append(
                {
                    "contact_id": c.id,
                    "person_id": p.id,
                    "attended": True,
                    "occurred_at": c.occurred_at,
                    "reached": status == "bereikt",
                    "channel": c.channel,
                    "status": status,
                }
            )
            if status == "bereikt" and rng.random() < 0.2:
                due = when.date() + timedelta(days=rng.randint(3, 30))
                self.create(
                    s,
                    Agreement,
                    {
                        "person_id": p.id,
                        "contact_id": c.id,
                        "description": rng.choice(TODOS),
                        "owner_kind": _w(rng, [("werker", 3), ("persoon", 3), ("partner", 1)]),
                        "owner_name": None,
                        "due_on": due.isoformat(),
                        "done_on": due.isoformat()
                        if due < self.today - timedelta(days=10) or rng.random() < 0.6
                        else None,
                    },
                )
            if status == "bereikt":
                last_at = c.occurred_at
        self.contacts += n
        p.next_contact_at = planned  # the local cache of what the latest contact plans
        s.flush()
        s.execute(insert(ContactPerson), cp_rows)
        p.last_contact_at = last_at
        s.execute(update(Person).where(Person.id == p.id).values(last_contact_at=last_at))
        search.reindex_person(s, p.id)

    def _zrm(self, s: Session, p: Person, first_met: date) -> None:
        """About five measurements per client over time, drifting upward, some cells unscored."""
        rng = self.rng
        codes = self.zrm_codes
        n = _w(rng, [(0, 1), (2, 2), (4, 3), (6, 3), (8, 1)])
        if n == 0:
            return
        levels = {c: rng.randint(1, 4) for c in codes}
        span = max(30, (self.today - first_met).days)
        for i in range(n):
            on = first_met + timedelta(days=int(span * (i + 0.5) / n))
            scores: dict[str, Any] = {}
            for c in codes:
                if i:
                    levels[c] = max(1, min(5, levels[c] + _w(rng, [(-1, 1), (0, 4), (1, 3)])))
                unscored = rng.random() < 0.06
                target = min(5, levels[c] + 1) if i == 0 and rng.random() < 0.5 else None
                scores[c] = {
                    "level": None if unscored else levels[c],
                    "not_scored_reason": "Niet besproken" if unscored else None,
                    "source": _w(rng, [("persoon", 4), ("observatie", 3), ("partner", 1)]),
                    "note": "",
                    "self_level": None,
                    "target_level": target,
                    "target_date": (on + timedelta(days=180)).isoformat() if target else None,
                }
            self.create(
                s,
                ZrmAssessment,
                {
                    "person_id": p.id,
                    "assessed_on": on.isoformat(),
                    "assessor": "An",
                    "edition": "2017",
                    "scores": scores,
                    "corrects_id": None,
                    "superseded": False,
                },
            )
            self.assessments += 1

    def organisations(self, s: Session) -> list[tuple[str, str, str]]:
        """A small sociale kaart: (organisation id, contact id, handover type)."""
        orgs = [
            ("VDAB Gent", "vdab", "vdab", ["werk", "onderwijs"], ["ibo", "bvs", "opleiding"]),
            ("OCMW Gent", "ocmw", "ocmw", ["financien", "huisvesting"], ["art60"]),
            (
                "GTB Oost-Vlaanderen",
                "gtb",
                "gtb",
                ["werk", "lichamelijke_gezondheid"],
                ["jobcoaching"],
            ),
            (
                "CAW Oost-Vlaanderen",
                "caw",
                "welzijnspartner",
                ["huisvesting", "huiselijke_relaties"],
                [],
            ),
            ("Maatwerkbedrijf Ateljee", "sociale_economie", "werkgever", ["werk"], ["maatwerk"]),
            ("Wijk-werken Gent", "welzijn", "tenderpartner", ["tijdsbesteding"], ["wijk_werken"]),
            ("Logistiek Zeehaven nv", "werkgever", "werkgever", ["werk"], []),
        ]
        out = []
        for name, kind, htype, domains, measures in orgs:
            o = self.create(
                s,
                Organisation,
                {
                    "name": name,
                    "type": kind,
                    "life_domains": domains,
                    "measures": measures,
                    "address": None,
                    "phone": None,
                    "email": None,
                    "website": None,
                    "note": None,
                },
            )
            c = self.create(
                s,
                OrgContact,
                {
                    "organisation_id": o.id,
                    "name": f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}",
                    "role": "trajectbegeleider",
                    "phone": None,
                    "email": None,
                },
            )
            out.append((o.id, c.id, htype))
        return out

    def _handover(self, s: Session, p: Person, orgs: list[tuple[str, str, str]]) -> None:
        """A consent and a handover with a triogesprek for people in the later phases."""
        rng = self.rng
        org_id, contact_id, htype = rng.choice(orgs)
        given = self.today - timedelta(days=rng.randint(10, 200))
        withdrawn = rng.random() < 0.05
        self.create(
            s,
            Consent,
            {
                "person_id": p.id,
                "categories": [
                    "persoonsgegevens",
                    "motivatie",
                    "competenties",
                    "situatie",
                    "zrm",
                    "praktisch",
                    "traject",
                    *(["netwerk"] if rng.random() < 0.5 else []),
                ],
                "organisation_ids": [org_id],
                "contact_ids": [],
                "purposes": ["warme_overdracht", "mlp"],
                "given_how": rng.choice(["mondeling", "schriftelijk"]),
                "given_on": given.isoformat(),
                "valid_from": given.isoformat(),
                "valid_until": (given + timedelta(days=rng.choice([90, 180, 365]))).isoformat(),
                "withdrawn_on": (given + timedelta(days=5)).isoformat() if withdrawn else None,
                "note": None,
            },
        )
        # A third is still ahead: the triogesprek is planned in the coming weeks.
        planned = (
            self.today + timedelta(days=rng.randint(1, 21))
            if rng.random() < 0.33
            else given + timedelta(days=rng.randint(3, 40))
        )
        held = planned < self.today
        feedback = held and rng.random() < 0.6
        handover = self.create(
            s,
            Handover,
            {
                "person_id": p.id,
                "type": htype,
                "organisation_id": org_id,
                "contact_id": contact_id,
                "purpose": "warme_overdracht",
                "measure": rng.choice(["ibo", "bvs", "opleiding", None]),
                "why_now": rng.choice(
                    [
                        "Ik wil terug aan het werk, nu de kinderen naar school gaan.",
                        "Ik ben er klaar voor: mijn woning is eindelijk in orde.",
                        "Ik wil een opleiding doen om sterker te staan.",
                    ]
                ),
                "goals": "Binnen zes maanden aan de slag in een job met vaste uren.",
                "job_target": rng.choice(["Magazijnier", "Keukenhulp", "Schoonmaak", "Kassier"]),
                "strengths": rng.choice(["Stipt en behulpzaam", "Sterk in teamwerk", "Handig"]),
                "practical": {
                    "kinderopvang": "Opvang tot 17 uur",
                    "vervoer": "Fiets, geen rijbewijs",
                },
                "admin": {"vdab": "Ingeschreven", "uitkering": "Leefloon"},
                "early_warning": {
                    "groen": "Komt op afspraken",
                    "oranje": "Mist een afspraak: bellen",
                    "rood": "Twee weken geen contact: huisbezoek",
                },
                "employer": {"werkgever": "Logistiek Zeehaven nv"} if htype == "werkgever" else {},
                "planned_at": datetime.combine(planned, datetime.min.time())
                .replace(hour=14)
                .isoformat(timespec="minutes"),
                "place": "Kantoor van de partner",
                "participants": [],
                "held_on": planned.isoformat() if held else None,
                "status": "feedback_ontvangen" if feedback else ("gehouden" if held else "gepland"),
                "expected_feedback_on": (planned + timedelta(days=14)).isoformat(),
                "feedback_received_on": (planned + timedelta(days=10)).isoformat()
                if feedback and planned + timedelta(days=10) <= self.today
                else None,
                "feedback": "Gestart, gaat goed." if feedback else None,
                "override_reason": None,
                "override_categories": [],
                "document_version": 0,
            },
        )
        if held:
            demo_follow_ups(self, s, p.id, "overdracht", planned, handover.id, None)

    def group_activities(self, s: Session, vindplaatsen: list[str], n: int) -> int:
        """Group contacts: one moment with several people and their attendance."""
        rng = self.rng
        people = [
            r[0]
            for r in s.execute(
                text("SELECT id FROM people WHERE deleted = 0 AND closed = 0 ORDER BY id")
            )
        ]
        if len(people) < 3:
            return 0
        for _ in range(n):
            group = rng.sample(people, k=min(len(people), rng.randint(3, 8)))
            when = datetime.combine(
                self.today - timedelta(days=rng.randint(1, 300)), datetime.min.time()
            ).replace(hour=14)
            attendance = [{"person_id": pid, "attended": rng.random() < 0.8} for pid in group]
            c = self.create(
                s,
                ContactMoment,
                {
                    "occurred_at": when.isoformat(timespec="minutes"),
                    "duration_min": 120,
                    "channel": "groep",
                    "vindplaats_id": rng.choice(vindplaatsen),
                    "place": None,
                    "initiator": "werker",
                    "status": "bereikt",
                    "life_domains": ["tijdsbesteding", "sociaal_netwerk"],
                    "summary": rng.choice(
                        [
                            "Kookatelier in het buurthuis.",
                            "Infosessie over jobs.",
                            "Wandeling en koffie.",
                        ]
                    ),
                    "private_note": "",
                    "next_contact_at": None,
                    "next_contact_note": None,
                    "people": attendance,
                    "others": [],
                    "group_activity": rng.choice(["Kookatelier", "Infosessie VDAB", "Praatcafé"]),
                },
            )
            s.flush()
            reindex_contact(s, c)
        return n

    def _situation(self, s: Session, p: Person) -> None:
        rng = self.rng
        voc = self.voc
        for _ in range(rng.randint(0, 4)):
            rel = rng.choice(voc["network_relations"].active())
            self.create(
                s,
                NetworkMember,
                {
                    "person_id": p.id,
                    "kind": rel.attrs.get("kind", "informeel"),
                    "relation": rel.code,
                    "name": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    "organisation": rel.label if rel.attrs.get("kind") == "professioneel" else None,
                    "life_domains": rng.sample(voc["life_domains"].codes(), k=rng.randint(0, 2)),
                    "contact_person": None,
                    "phone": None,
                    "since": None,
                    "holds_file": rel.attrs.get("kind") == "professioneel" and rng.random() < 0.3,
                    "note": None,
                },
            )
        for d in rng.sample(voc["drempels"].active(), k=rng.randint(0, 5)):
            self.create(
                s,
                DrempelRecord,
                {
                    "person_id": p.id,
                    "life_domain": d.attrs["domain"],
                    "drempel": d.code,
                    "status": rng.choice(voc["drempel_status"].codes()),
                    "since": None,
                    "note": None,
                },
            )
        for item in rng.sample(voc["work_readiness"].codes(), k=rng.randint(0, 4)):
            self.create(
                s,
                WorkReadinessItem,
                {
                    "person_id": p.id,
                    "item": item,
                    "assessment": rng.choice(["sterk", "voldoende", "werkpunt"]),
                    "note": None,
                },
            )


# The demo team: this vault's worker first (unless they already have a profile), then three
# colleagues. Fictional people, like everything in the demo.
DEMO_WORKERS = (
    ("An Claes", "straathoekwerker", "0489 12 34 56", "an.claes@outreach-gent.be"),
    ("Bram Peeters", "jobcoach", "0470 23 45 67", "bram.peeters@outreach-gent.be"),
    ("Yasmina El Amrani", "toeleider", "0486 34 56 78", "yasmina.elamrani@outreach-gent.be"),
    ("Koen Wouters", "trajectbegeleider", "0478 45 67 89", "koen.wouters@outreach-gent.be"),
)
DEMO_ORGANISATION = "Outreach Gent"


def demo_workers(field: FieldServices, s: Session) -> list[str]:
    """The ids of the demo team's workers, made where missing (this worker is the first)."""
    from app.domain.workers import fold
    from app.models import Worker

    rec = field.context.records
    me = field.context.ctx.device.worker_id
    existing = {
        fold(w.name): w.id for w in s.scalars(select(Worker).where(Worker.deleted.is_(False)))
    }
    ids: list[str] = []
    for i, (name, function, phone, email) in enumerate(DEMO_WORKERS):
        values = {
            "name": name,
            "function": function,
            "organisation": DEMO_ORGANISATION,
            "phone": "+32" + phone.replace(" ", "")[1:],
            "email": email,
            "active": True,
            "legacy": False,
        }
        if i == 0 and s.get(Worker, me) is None:
            rec.create(s, Worker, values, record_id=me)
            existing[fold(name)] = me
        if fold(name) not in existing:
            existing[fold(name)] = rec.create(s, Worker, values).id
        ids.append(existing[fold(name)])
    return ids


def demo_groups(
    field: FieldServices, rng: random.Random, worker_ids: list[str], vindplaatsen: list[str]
) -> int:
    """Two demo groups: a job club series (An) with sessions held and planned, and a cooking
    workshop (Yasmina) at a vindplaats, each with enrolled people, attendance and a headcount
    of people who came without being registered. Returns the contact moments written."""
    from app.services.groups import Attendance, GroupInput

    today = field.context.today()
    with field.context.ctx.read() as s:
        if s.execute(text("SELECT count(*) FROM groups")).scalar_one():
            return 0  # filled before
        people = [
            (pid, wid)
            for pid, wid in s.execute(
                text(
                    "SELECT id, worker_id FROM people WHERE deleted = 0 AND closed = 0 "
                    "AND first_met_on <= :d ORDER BY id"
                ),
                {"d": (today - timedelta(days=70)).isoformat()},
            )
        ]
    if len(people) < 8:
        return 0
    written = 0
    plans = (
        ("Jobclub: van cv tot gesprek", "reeks", 0, "Buurthuis De Sluis, Gent", None, 6, 4),
        ("Kookatelier", "groep", 2 % len(worker_ids), None, vindplaatsen[0], 5, 3),
    )
    for name, kind, organiser, place, vindplaats, size, held in plans:
        start = today - timedelta(days=7 * held + today.weekday() - 1)
        gid = field.groups.create(
            GroupInput(
                name,
                kind,
                start,
                organiser_id=worker_ids[organiser],
                vindplaats_id=vindplaats,
                place=place,
                ends_on=start + timedelta(days=7 * 8) if kind == "reeks" else None,
                description="Wekelijks samen werken aan een stap vooruit.",
            )
        )
        members = [pid for pid, _ in rng.sample(people, k=min(size, len(people)))]
        field.groups.enrol(gid, members, start)
        first = datetime.combine(start, datetime.min.time()).replace(hour=14)
        sessions = field.groups.plan_series(gid, first, held + 3, 7, 120)
        now = field.context.now()
        for i, sid in enumerate(sessions):
            if first + timedelta(days=7 * i) >= now:
                break
            came = tuple(pid for pid in members if rng.random() < 0.75)
            field.groups.record_attendance(
                sid,
                Attendance(
                    came,
                    unregistered=rng.randint(0, 4),
                    summary=rng.choice(
                        ["Cv's herwerkt.", "Oefengesprekken in duo's.", "Samen gekookt en gegeten."]
                    ),
                    life_domains=("werk",) if kind == "reeks" else ("sociaal_netwerk",),
                ),
            )
            written += 1
    return written


def generate_demo(
    field: FieldServices,
    clients: int,
    *,
    seed: int = 7,
    contacts_per_person: int = 50,
    vindplaatsen: int = 25,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 50,
) -> DemoSummary:
    rng = random.Random(seed)  # noqa: S311 - fictional data, not security
    b = _Builder(field, rng, field.context.today())
    ctx = field.context.ctx
    with ctx.transaction() as s:
        existing = [
            r[0]
            for r in s.execute(text("SELECT id FROM vindplaatsen WHERE deleted = 0 ORDER BY name"))
        ]
        vp_ids = existing or b.vindplaatsen(s, vindplaatsen)
        orgs = s.execute(
            text(
                "SELECT o.id, c.id, o.type FROM organisations o JOIN org_contacts c "
                "ON c.organisation_id = o.id WHERE o.deleted = 0"
            )
        ).all()
        b.orgs = [(o, c, HANDOVER_TYPE_OF.get(t, "andere")) for o, c, t in orgs] or b.organisations(
            s
        )
        b.worker_ids = demo_workers(field, s)
    presence = 0
    with ctx.read() as s:
        presence = int(s.execute(text("SELECT count(*) FROM presence_logs")).scalar_one())
    done = 0
    while done < clients:
        with ctx.transaction() as s, s.no_autoflush:
            for i in range(done, min(clients, done + batch)):
                b.person(s, vp_ids, i, contacts_per_person)
        done = min(clients, done + batch)
        if progress:
            progress(done, clients)
    with ctx.transaction() as s:
        b.contacts += b.group_activities(s, vp_ids, max(1, clients // 50))
        demo_signals(b, s, max(3, clients // 25))
    rng_groups = random.Random(seed + 14)  # noqa: S311 - fictional data, not security
    b.contacts += demo_groups(field, rng_groups, b.worker_ids, vp_ids)
    return DemoSummary(
        people=clients,
        contacts=b.contacts,
        vindplaatsen=len(vp_ids),
        presence_logs=presence,
        assessments=b.assessments,
    )


# --- report data: vindplaats types, referral sources, follow-up results, ESF+, signals --------

VINDPLAATS_TYPES = (
    ("plein", "plek"),
    ("bib", "plek"),
    ("schoolpoort", "plek"),
    ("station", "plek"),
    ("park", "plek"),
    ("marktplein", "plek"),
    ("speelplein", "plek"),
    ("huisarts", "plek"),
    ("jeugdhuis", "organisatie"),
    ("dagcentrum", "organisatie"),
    ("moskee", "organisatie"),
    ("huis van het kind", "organisatie"),
    ("buurtcentrum", "organisatie"),
    ("sportclub", "organisatie"),
    ("wijkgezondheidscentrum", "organisatie"),
    ("koffiebar", "organisatie"),
    ("voedselbank", "organisatie"),
    ("dienstencentrum", "organisatie"),
    ("sociaal restaurant", "organisatie"),
    ("facebook", "virtueel"),
    ("whatsapp", "virtueel"),
    ("jobbeurs", "activiteit"),
    ("straatfeest", "activiteit"),
    ("zitdag", "netwerk"),
    ("deur-aan-deur", "deur_aan_deur"),
)
REFERRAL_CODES = {"OCMW": "ocmw", "CAW": "caw", "school": "school_clb", "huisarts": "huisarts"}
SIGNALS = (
    ("wachtlijst", "huisvesting", "Wachtlijst voor een sociale woning van meer dan twee jaar"),
    ("wachtlijst", "geestelijke_gezondheid", "Maanden wachten op een eerste gesprek bij het CGG"),
    ("bereikbaarheid", "administratie", "Afspraken enkel nog online te maken"),
    ("taal", "werk", "Geen tolk bij het intakegesprek"),
    ("regelgeving", "financien", "Leefloon stopt bij een korte interimjob"),
    ("ontbrekend_aanbod", "kinderopvang", "Geen kinderopvang voor wie avondwerk doet"),
    ("kosten", "mobiliteit", "Abonnement openbaar vervoer te duur bij de start van een job"),
    ("doorverwijzing", "werk", "Doorverwijzing naar de trajectbegeleider blijft hangen"),
    (
        "administratie",
        "administratie",
        "Attest van de ziekteverzekering laat weken op zich wachten",
    ),
)


def vindplaats_type(name: str, fallback: str) -> str:
    """A vindplaats type that fits the place's name (the demo's names are telling)."""
    folded = name.casefold()
    for word, code in VINDPLAATS_TYPES:
        if word in folded:
            return code
    return fallback


def demo_referral(b: _Builder, text: str, how: str) -> dict[str, Any]:
    """Who referred someone: a partner of the sociale kaart for some, a code for the rest."""
    none = {"referral_source": None, "referral_kind": None, "referral_organisation_id": None}
    if how != "doorverwijzing":
        return none
    if b.orgs and b.xrng.random() < 0.35:
        return {**none, "referral_organisation_id": b.xrng.choice(b.orgs)[0]}
    return {**none, "referral_kind": REFERRAL_CODES.get(text, "andere")}


def demo_esf(b: _Builder, s: Session, p: Person) -> None:
    """ESF+ participant data for about half of the clients, with the answers a worker gets:
    often, but not always, asked."""
    rng = b.xrng
    if rng.random() > 0.5:
        return

    def answer(yes: float) -> str:
        options = [
            ("ja", int(yes * 80)),
            ("nee", int((1 - yes) * 80)),
            ("niet_gevraagd", 12),
            ("wil_niet_zeggen", 8),
        ]
        return str(_w(rng, options))

    b.create(
        s,
        EsfProfile,
        {
            "person_id": p.id,
            "entry_on": p.client_since,
            "gender": _w(
                rng,
                [
                    ("vrouw", 46),
                    ("man", 46),
                    ("non_binair", 2),
                    ("niet_gevraagd", 4),
                    ("wil_niet_zeggen", 2),
                ],
            ),
            "labour_status": _w(
                rng,
                [
                    ("werkloos", 25),
                    ("langdurig_werkloos", 35),
                    ("inactief", 30),
                    ("werkend", 5),
                    ("niet_gevraagd", 5),
                ],
            ),
            "education": _w(
                rng,
                [
                    ("isced_0_2", 50),
                    ("isced_3_4", 30),
                    ("isced_5_8", 8),
                    ("niet_gevraagd", 10),
                    ("wil_niet_zeggen", 2),
                ],
            ),
            "disability": answer(0.12),
            "third_country": answer(0.3),
            "foreign_background": answer(0.5),
            "minority": answer(0.1),
            "homeless": answer(0.08),
        },
    )
    b.esf.add(p.id)


def demo_follow_ups(
    b: _Builder,
    s: Session,
    person_id: str,
    anchor: str,
    anchor_on: date,
    anchor_id: str,
    outcome: str | None,
) -> None:
    """The follow-ups the services schedule (after a closure whose outcome asks for it, after
    a held handover; six months for ESF+ participants), with results for those that fell due:
    mostly still working after a job, less so the longer ago."""
    rng = b.xrng
    months: set[int] = set()
    if anchor == "overdracht":
        months |= set(t.FOLLOW_UP_MONTHS)
    else:
        term = b.voc["outcomes"].term(outcome or "")
        if term is not None and term.attrs.get("follow_up"):
            months |= set(t.FOLLOW_UP_MONTHS)
        if person_id in b.esf:
            months.add(6)
    work = bool(
        (term := b.voc["outcomes"].term(outcome or "")) is not None and term.attrs.get("work")
    )
    for m, due in t.follow_up_dates(anchor_on, sorted(months)):
        done = due <= b.today and rng.random() < 0.8
        status = None
        if done:
            keep = (0.8 if work else 0.45) - m / 100
            status = _w(
                rng,
                [
                    ("werkt_zelfde", int(keep * 60)),
                    ("werkt_andere", int(keep * 25)),
                    ("opleiding", 8 if outcome == "opleiding" else 3),
                    ("zoekt_werk", 15),
                    ("werkt_niet", 8),
                    ("onbekend", 6),
                ],
            )
        b.create(
            s,
            FollowUp,
            {
                "person_id": person_id,
                "months": m,
                "due_on": due.isoformat(),
                "done_on": min(b.today, due + timedelta(days=rng.randint(0, 20))).isoformat()
                if done
                else None,
                "result": None,
                "anchor": anchor,
                "anchor_on": anchor_on.isoformat(),
                "anchor_id": anchor_id,
                "status": status,
            },
        )


def demo_signals(b: _Builder, s: Session, n: int) -> None:
    """Structural signals noted over the last two years, some naming a partner."""
    rng = b.xrng
    workers = [name for name, *_ in DEMO_WORKERS]
    for _ in range(n):
        theme, domain, text = rng.choice(SIGNALS)
        org = rng.choice(b.orgs)[0] if b.orgs and rng.random() < 0.5 else None
        b.create(
            s,
            Signal,
            {
                "noted_on": (b.today - timedelta(days=rng.randint(0, 700))).isoformat(),
                "theme": theme,
                "life_domains": [domain],
                "organisation_id": org,
                "organisation_name": None
                if org
                else rng.choice([None, "Huisvestingsmaatschappij", "Ziekenfonds"]),
                "description": text,
                "people_count": rng.choice([None, None, 2, 3, 5, 8, 12]),
                "status": _w(rng, [("genoteerd", 5), ("doorgegeven", 4), ("opgevolgd", 2)]),
                "team": None,  # as the demo's people: no sync team yet
                "noted_by": rng.choice(workers),
            },
        )
