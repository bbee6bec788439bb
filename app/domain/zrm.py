"""Zelfredzaamheidsmatrix: editions as data, assessment rules, distance travelled.

Editions map their domains onto the 2017 domains (`canonical`), so progress can be followed
across an edition change where a domain means the same thing; where it does not (2013's
'dagbesteding' or 'adl'), no change is computed: a change is never invented.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.errors import ValidationError

LEVELS = (1, 2, 3, 4, 5)
SOURCES = ("persoon", "observatie", "partner", "dossier")
CANONICAL_EDITION = "2017"


class ZrmDataError(ValueError):
    """An edition or criteria file is malformed (Dutch message)."""


@dataclass(frozen=True)
class ZrmDomain:
    code: str
    label: str
    description: str
    life_domains: tuple[str, ...]
    canonical: str | None


@dataclass(frozen=True)
class Edition:
    edition: str
    title: str
    levels: Mapping[int, str]
    domains: tuple[ZrmDomain, ...]

    def domain(self, code: str) -> ZrmDomain | None:
        return next((d for d in self.domains if d.code == code), None)

    def codes(self) -> list[str]:
        return [d.code for d in self.domains]


def parse_edition(doc: object) -> Edition:
    if not isinstance(doc, dict) or doc.get("instrument") != "zrm":
        raise ZrmDataError("Geen ZRM-definitie.")
    edition = doc.get("edition")
    levels = doc.get("levels")
    domains = doc.get("domains")
    if (
        not isinstance(edition, str)
        or not isinstance(levels, list)
        or not isinstance(domains, list)
    ):
        raise ZrmDataError("ZRM-definitie onvolledig.")
    level_map = {}
    for item in levels:
        if not isinstance(item, dict) or item.get("level") not in LEVELS:
            raise ZrmDataError("ZRM-niveaus moeten 1 tot 5 zijn.")
        level_map[int(item["level"])] = str(item["label"])
    if sorted(level_map) != list(LEVELS):
        raise ZrmDataError("ZRM-niveaus moeten 1 tot 5 zijn.")
    parsed = []
    for d in domains:
        if not isinstance(d, dict) or not isinstance(d.get("code"), str):
            raise ZrmDataError("Elk ZRM-domein heeft een code.")
        canonical = d["code"] if edition == CANONICAL_EDITION else d.get("same_as_2017")
        parsed.append(
            ZrmDomain(
                d["code"],
                str(d.get("label", d["code"])),
                str(d.get("description", "")),
                tuple(d.get("life_domains", ())),
                canonical,
            )
        )
    if len({d.code for d in parsed}) != len(parsed):
        raise ZrmDataError("Dubbele ZRM-domeinen.")
    return Edition(edition, str(doc.get("title", edition)), level_map, tuple(parsed))


# --- assessments ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DomainScore:
    domain: str
    level: int | None = None
    not_scored_reason: str | None = None
    source: str | None = None
    note: str = ""
    self_level: int | None = None
    target_level: int | None = None
    target_date: date | None = None


@dataclass(frozen=True)
class Assessment:
    id: str
    person_id: str
    assessed_on: date
    assessor: str
    edition: str
    scores: Mapping[str, DomainScore]
    order_key: str = ""


def validate(a: Assessment, edition: Edition, today: date) -> None:
    """Dutch ValidationErrors for anything the scoring screen must refuse."""
    if a.assessed_on > today:
        raise ValidationError("Een meting kan niet in de toekomst liggen.", field="assessed_on")
    if not a.assessor.strip():
        raise ValidationError("Wie nam de meting af?", field="assessor")
    unknown = set(a.scores) - set(edition.codes())
    if unknown:
        raise ValidationError(
            f"Onbekende domeinen voor editie {edition.edition}: {', '.join(sorted(unknown))}.",
            field="scores",
        )
    for code, s in a.scores.items():
        label = (edition.domain(code) or ZrmDomain(code, code, "", (), None)).label
        for lvl, what in (
            (s.level, "score"),
            (s.self_level, "eigen score"),
            (s.target_level, "doel"),
        ):
            if lvl is not None and lvl not in LEVELS:
                raise ValidationError(
                    f"{label}: de {what} moet tussen 1 en 5 liggen.", field=f"{code}.{what}"
                )
        if s.level is None and not (s.not_scored_reason or "").strip():
            raise ValidationError(
                f"{label}: geef een score of een reden waarom niet gescoord werd.",
                field=f"{code}.level",
            )
        if s.level is not None and s.source is not None and s.source not in SOURCES:
            raise ValidationError(f"{label}: onbekende bron.", field=f"{code}.source")
        if s.target_date is not None:
            if s.target_level is None:
                raise ValidationError(
                    f"{label}: een doeldatum hoort bij een doelscore.", field=f"{code}.target_level"
                )
            if s.target_date <= a.assessed_on:
                raise ValidationError(
                    f"{label}: de doeldatum moet na de datum van de meting liggen.",
                    field=f"{code}.target_date",
                )


def canonical_scores(a: Assessment, editions: Mapping[str, Edition]) -> dict[str, DomainScore]:
    ed = editions.get(a.edition)
    out: dict[str, DomainScore] = {}
    if ed is None:
        return out
    for code, s in a.scores.items():
        d = ed.domain(code)
        if d is not None and d.canonical is not None:
            out[d.canonical] = s
    return out


@dataclass(frozen=True)
class DomainProgress:
    domain: str
    first_level: int | None
    first_on: date | None
    latest_level: int | None
    latest_on: date | None
    change_total: int | None
    change_recent: int | None
    target_level: int | None
    target_date: date | None
    history: tuple[tuple[date, int], ...] = field(default_factory=tuple)

    @property
    def target_reached(self) -> bool | None:
        if self.target_level is None or self.latest_level is None:
            return None
        return self.latest_level >= self.target_level


def progress(
    assessments: Iterable[Assessment], editions: Mapping[str, Edition]
) -> dict[str, DomainProgress]:
    """Per canonical domain: first, latest, the change between them, the latest change, target."""
    ordered = sorted(assessments, key=lambda a: (a.assessed_on, a.order_key))
    per = [(a, canonical_scores(a, editions)) for a in ordered]
    domains = (
        [d.code for d in editions[CANONICAL_EDITION].domains]
        if CANONICAL_EDITION in editions
        else []
    )
    for _, sc in per:
        domains += [c for c in sc if c not in domains]
    result: dict[str, DomainProgress] = {}
    for code in domains:
        history = [
            (a.assessed_on, sc[code].level)
            for a, sc in per
            if code in sc and sc[code].level is not None
        ]
        hist: list[tuple[date, int]] = [(d, int(lv)) for d, lv in history if lv is not None]
        first = hist[0] if hist else None
        latest = hist[-1] if hist else None
        change_total = latest[1] - first[1] if len(hist) >= 2 and first and latest else None
        change_recent = None
        if len(per) >= 2:
            (_, last_sc), (_, prev_sc) = per[-1], per[-2]
            a_last, a_prev = last_sc.get(code), prev_sc.get(code)
            if a_last and a_prev and a_last.level is not None and a_prev.level is not None:
                change_recent = a_last.level - a_prev.level
        target_level, target_date = None, None
        for _, sc in reversed(per):
            s = sc.get(code)
            if s is not None and s.target_level is not None:
                target_level, target_date = s.target_level, s.target_date
                break
        result[code] = DomainProgress(
            code,
            first[1] if first else None,
            first[0] if first else None,
            latest[1] if latest else None,
            latest[0] if latest else None,
            change_total,
            change_recent,
            target_level,
            target_date,
            tuple(hist),
        )
    return result


@dataclass(frozen=True)
class TeamDistance:
    domain: str
    mean_change: float | None
    people: int


def team_distance(per_person: Iterable[Mapping[str, DomainProgress]]) -> dict[str, TeamDistance]:
    """Average distance travelled per domain over people with at least two scores there."""
    changes: dict[str, list[int]] = {}
    for prog in per_person:
        for code, p in prog.items():
            changes.setdefault(code, [])
            if p.change_total is not None:
                changes[code].append(p.change_total)
    return {
        code: TeamDistance(code, statistics.fmean(v) if v else None, len(v))
        for code, v in changes.items()
    }


@dataclass(frozen=True)
class RadarData:
    axes: tuple[str, ...]  # domain labels
    series: Mapping[str, tuple[int | None, ...]]  # "Eerste meting" / "Laatste meting" / "Doel"


def radar(prog: Mapping[str, DomainProgress], edition: Edition) -> RadarData:
    """The same figures for the on-screen chart and the PDF chart."""
    codes = [d.code for d in edition.domains]
    return RadarData(
        axes=tuple(d.label for d in edition.domains),
        series={
            "Eerste meting": tuple(prog[c].first_level if c in prog else None for c in codes),
            "Laatste meting": tuple(prog[c].latest_level if c in prog else None for c in codes),
            "Doel": tuple(prog[c].target_level if c in prog else None for c in codes),
        },
    )


# --- official criteria import ---------------------------------------------------------------------


def parse_criteria(raw: bytes, filename: str, edition: Edition) -> dict[tuple[str, int], str]:
    """JSON `{"edition": "2017", "criteria": {domain: {"1": text, …, "5": text}}}` or CSV with
    columns `domain,level,criterion`. Every domain of the edition and every level must be there,
    and nothing else."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ZrmDataError("Het criteriabestand is geen UTF-8-tekst.") from exc
    cells: dict[tuple[str, int], str] = {}
    if filename.lower().endswith(".json"):
        import json

        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ZrmDataError(f"Het criteriabestand is geen geldige JSON ({exc.msg}).") from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("criteria"), dict):
            raise ZrmDataError("Het criteriabestand mist het veld 'criteria'.")
        if str(doc.get("edition")) != edition.edition:
            raise ZrmDataError(
                f"Dit criteriabestand is voor editie {doc.get('edition')}, niet {edition.edition}."
            )
        for domain, per_level in doc["criteria"].items():
            if not isinstance(per_level, dict):
                raise ZrmDataError(f"Domein {domain}: verwacht vijf niveaus.")
            for lvl, crit in per_level.items():
                cells[(str(domain), _level(lvl))] = crit if isinstance(crit, str) else ""
    elif filename.lower().endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is None or not {"domain", "level", "criterion"} <= set(
            reader.fieldnames
        ):
            raise ZrmDataError(
                "Het CSV-bestand heeft de kolommen domain, level en criterion nodig."
            )
        for row in reader:
            key = (row["domain"].strip(), _level(row["level"]))
            if key in cells:
                raise ZrmDataError(f"Dubbele cel: {key[0]} niveau {key[1]}.")
            cells[key] = row["criterion"] or ""
    else:
        raise ZrmDataError("Kies een .json- of .csv-bestand.")
    domains = {d for d, _ in cells}
    expected = set(edition.codes())
    if domains != expected:
        extra, missing = sorted(domains - expected), sorted(expected - domains)
        raise ZrmDataError(
            f"Het bestand heeft {len(domains)} domeinen, editie {edition.edition} heeft er "
            f"{len(expected)}."
            + (f" Onbekend: {', '.join(extra)}." if extra else "")
            + (f" Ontbreekt: {', '.join(missing)}." if missing else "")
        )
    empty = [
        f"{d} niveau {lv}"
        for d in edition.codes()
        for lv in LEVELS
        if not cells.get((d, lv), "").strip()
    ]
    if empty:
        raise ZrmDataError(
            f"Lege of ontbrekende cellen: {', '.join(empty[:6])}"
            + (" …" if len(empty) > 6 else "")
            + "."
        )
    return {k: v.strip() for k, v in cells.items()}


def _level(value: object) -> int:
    try:
        lvl = int(str(value).strip())
    except ValueError:
        raise ZrmDataError(f"Ongeldig niveau {value!r}: gebruik 1 tot 5.") from None
    if lvl not in LEVELS:
        raise ZrmDataError(f"Ongeldig niveau {lvl}: gebruik 1 tot 5.")
    return lvl


def levels_of(scores: Sequence[DomainScore]) -> list[int | None]:
    return [s.level for s in scores]
