"""The report's tables, computed from the facts `reports_queries` reads: plain functions of
the facts, the period and the vocabularies, each figure with the people it rests on. What
counts as what (a real conversation, a trajectory started, feedback on time…) is written next
to the code that applies it and repeated in the report's glossary (`DEFINITIONS`).

`people` in the facts are the people in scope already; contacts, handovers, follow-ups,
drempels and ZRM measurements are counted only for them.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain import trajectory as t
from app.domain import zrm as z
from app.domain.figures import (
    Chart,
    ChartKind,
    Column,
    Count,
    GridSpec,
    Row,
    Section,
    Stat,
    Table,
    Unit,
    Value,
    column_grids,
    count,
    share,
)
from app.domain.vocab import Vocabularies
from app.services.reports_queries import (
    ESF_FIELDS,
    ContactCounts,
    DrempelFacts,
    EsfFacts,
    EventFacts,
    FollowUpFacts,
    GroupSessionFacts,
    HandoverFacts,
    PersonFacts,
    SignalFacts,
    ZrmFacts,
)

NO_WORKER_LABEL = "(geen werker)"
NO_TEAM_LABEL = "(geen team)"
ESF_SOURCE = (
    "Verordening (EU) 2021/1057 tot oprichting van het Europees Sociaal Fonds Plus (ESF+), "
    "bijlage I: gemeenschappelijke output- en resultaatindicatoren voor deelnemers."
)
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("Nieuw voorcontact", "Een persoon die in de periode voor het eerst ontmoet werd."),
    (
        "Echt gesprek",
        "Minstens één contactmoment met de status 'bereikt' waarbij de persoon aanwezig was, "
        "tot het einde van de periode.",
    ),
    (
        "Traject gestart",
        "De persoon gaf akkoord voor een cliëntdossier (datum van akkoord), tot het einde van "
        "de periode.",
    ),
    (
        "Caseload",
        "De toestand op de peildatum (einde van de periode, of vandaag): actief, nazorg (fase "
        "opvolging), op een lager pitje; afgesloten telt wie in de periode afsloot.",
    ),
    (
        "Stap terug",
        "Een faseovergang naar een eerdere fase (niet bij heropenen), geteld op de dag zelf.",
    ),
    (
        "Terugkoppeling",
        "Tijdig: ontvangen op of vóór de afgesproken datum; laat: erna; ontbreekt: niet "
        "ontvangen en de datum is voorbij; nog niet: de datum komt nog (of er is geen).",
    ),
    (
        "Duurzaamheid",
        "Opvolgingen die in de periode vielen, met hun resultaat. Aandeel aan het werk = werkt "
        "(bij dezelfde of een andere werkgever) op het aantal met een gekend resultaat.",
    ),
    (
        "Afgelegde weg (ZRM)",
        "Per domein: eerste en laatste score tot het einde van de periode, voor wie in de "
        "periode gemeten werd en minstens twee scores in dat domein heeft. Niets wordt "
        "ingevuld waar niet gescoord werd.",
    ),
    (
        "Groepswerk",
        "Sessies van een groep of reeks die in de periode plaatsvonden (aanwezigheid of een "
        "telling genoteerd); een aanwezigheid is een ingeschreven persoon die kwam. Wie kwam "
        "zonder ingeschreven te zijn, wordt alleen geteld.",
    ),
    (
        "Drempels",
        "Drempels van de mensen in de caseload, met hun huidige status; een open drempel is "
        "niet opgelost.",
    ),
    (
        "ESF-beeld",
        "Enkel wie in de periode een traject afsloot (ESF rekent alleen afgesloten trajecten), "
        "naast alle deelnemers met een traject in de periode. Kenmerken bij de start komen uit "
        "de ESF+-gegevens; 'niet gevraagd' als die ontbreken.",
    ),
)


@dataclass
class Facts:
    """Everything read from the vault for one report (`people`: those in scope)."""

    people: Mapping[str, PersonFacts]
    events: Mapping[str, Sequence[EventFacts]] = field(default_factory=dict)
    vindplaats_types: Mapping[str, str] = field(default_factory=dict)
    organisations: Mapping[str, str] = field(default_factory=dict)
    reached: set[str] = field(default_factory=set)
    contacts: ContactCounts = field(default_factory=lambda: ContactCounts({}, {}, 0))
    handovers: Sequence[HandoverFacts] = ()
    follow_ups: Sequence[FollowUpFacts] = ()
    drempels: Sequence[DrempelFacts] = ()
    zrm: Mapping[str, Sequence[ZrmFacts]] = field(default_factory=dict)
    signals: Sequence[SignalFacts] = ()
    esf: Mapping[str, EsfFacts] = field(default_factory=dict)


@dataclass(frozen=True)
class Window:
    start: date
    end: date
    reference: date  # states ("now") are taken at the end of this day

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.start <= d <= self.end


# --- the trajectory over time -------------------------------------------------------------------


@dataclass(frozen=True)
class Closure:
    event_id: str
    on: date
    outcome: str | None


@dataclass(frozen=True)
class Trajectory:
    now: t.TrajectoryState  # at the end of the reference day
    before: t.TrajectoryState  # at the end of the day before the period
    closures: tuple[Closure, ...]  # every move into "closed", in order
    steps_back: tuple[tuple[date, str], ...]  # (day, the earlier phase stepped back into)
    active_in_period: bool  # an event in the period, or open at some moment of it


def trajectory(events: Sequence[EventFacts], order: Sequence[str], w: Window) -> Trajectory:
    """One pass over the person's events in replay order, with the rules of
    `app.domain.trajectory` (`_fold`): the state the day before the period and at the
    reference day, every move into "closed" and every step back. Equal to replaying the
    events up to those days (tests/unit/test_report_history.py checks it); one pass without
    building a state per event keeps a 5,000-person report under a second."""
    rank = {p: i for i, p in enumerate(order)}
    ordered = sorted(events, key=lambda x: (x.event.on, x.event.order_key))
    phase: str | None = None
    closed = low = False
    outcome: str | None = None
    closed_on: date | None = None
    spans: list[list[object]] = []  # [phase, start, end]
    steps = 0
    closures: list[Closure] = []
    back: list[tuple[date, str]] = []
    snaps: dict[str, t.TrajectoryState] = {}
    in_period = False

    def snapshot() -> t.TrajectoryState:
        return t.TrajectoryState(
            phase=phase,
            closed=closed,
            outcome=outcome,
            closed_on=closed_on,
            low_flame=low,
            spans=tuple(t.PhaseSpan(str(a), b, c) for a, b, c in spans),  # type: ignore[arg-type]
            steps_back=steps,
        )

    def enter(new: str, on: date, counted: bool) -> None:
        nonlocal phase, steps
        if spans and spans[-1][2] is None:
            spans[-1][2] = on
        spans.append([new, on, None])
        if counted and phase in rank and new in rank and rank[new] < rank[phase]:
            steps += 1
            back.append((on, new))
        phase = new

    for x in ordered:
        e = x.event
        if "before" not in snaps and e.on >= w.start:
            snaps["before"] = snapshot()
        if "now" not in snaps and e.on > w.reference:
            snaps["now"] = snapshot()
        in_period = in_period or w.start <= e.on <= w.end
        kind = e.kind
        if kind is t.EventKind.PHASE and e.phase and e.phase != t.CLOSED:
            if not closed and e.phase != phase:
                enter(e.phase, e.on, True)
        elif kind is t.EventKind.LOW_FLAME_ON:
            low = True
        elif kind is t.EventKind.LOW_FLAME_OFF:
            low = False
        elif kind is t.EventKind.CLOSE:
            if closed:
                outcome = e.outcome or outcome
            else:
                enter(t.CLOSED, e.on, False)
                closed, outcome, closed_on, low = True, e.outcome, e.on, False
                closures.append(Closure(x.id, e.on, e.outcome))
        elif kind is t.EventKind.REOPEN and closed:
            before_closure = next((str(sp[0]) for sp in reversed(spans) if sp[0] != t.CLOSED), None)
            enter(e.phase or before_closure or t.FIRST_PHASE, e.on, False)
            closed, outcome, closed_on = False, None, None
    final = snapshot()
    now = snaps.get("now", final)
    before = snaps.get("before", final)
    return Trajectory(now, before, tuple(closures), tuple(back), in_period or not before.closed)


def caseload_status(tr: Trajectory, w: Window) -> str | None:
    """actief | nazorg | lager_pitje | afgesloten (closed in the period) | None (not in the
    caseload: closed before the period)."""
    st = tr.now
    if st.phase is None:
        return None
    if st.closed:
        return "afgesloten" if st.closed_on is not None and st.closed_on >= w.start else None
    if st.low_flame:
        return "lager_pitje"
    if st.phase == "opvolging":
        return "nazorg"
    return "actief"


# --- table helpers -----------------------------------------------------------------------------


def _label(vocab: Vocabularies, name: str, code: str | None) -> str:
    return vocab[name].label(code) if code else "(onbekend)"


def _codes(vocab: Vocabularies, name: str, seen: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Every code of a vocabulary (retired ones only when they occur), then unknown codes."""
    v = vocab[name]
    seen_set = set(seen)
    out = [(x.code, x.label) for x in v if not x.retired or x.code in seen_set]
    known = {c for c, _ in out}
    out += [(c, c) for c in sorted(seen_set - known)]
    return out


def _attrs(vocab: Vocabularies, name: str, code: str) -> Mapping[str, object]:
    term = vocab[name].term(code)
    return term.attrs if term is not None else {}


def _breakdown(
    key: str,
    title: str,
    categories: Sequence[tuple[str, str]],
    columns: Sequence[Column],
    counts: Mapping[str, Sequence[int]],
    totals: Sequence[int],
    *,
    total_keys: Sequence[str | None] | None = None,
    base: Count,
    base_label: str,
    note: str = "",
    chart: Chart | None = None,
    row_keys: Mapping[str, Sequence[str | None]] | None = None,
) -> Table:
    """Rows per category and a total row; every column adds up over the rows (a grid of its
    own: the columns are no partition of each other)."""
    width = len(columns)
    rows: list[Row] = []
    for code, label in categories:
        vals = counts.get(code, [0] * width)
        keys = (row_keys or {}).get(code, [None] * width)
        rows.append(Row(code, label, tuple(count(v, k) for v, k in zip(vals, keys, strict=True))))
    for i in range(width):
        added = sum(v.value for r in rows if isinstance(v := r.values[i], Count))
        if added != totals[i]:
            raise AssertionError(f"{key}: column {i} adds up to {added}, not {totals[i]}")
    tk = total_keys or [None] * width
    rows.append(
        Row("total", "Totaal", tuple(count(v, k) for v, k in zip(totals, tk, strict=True)), True)
    )
    total_row = len(rows) - 1
    grids = column_grids(tuple(range(total_row)), range(width), total_row)
    return Table(key, title, tuple(columns), tuple(rows), base, base_label, note, grids, chart)


def _cross(
    key: str,
    title: str,
    categories: Sequence[tuple[str, str]],
    columns: Sequence[Column],
    cells: Mapping[str, Sequence[int]],
    *,
    total_label: str = "totaal",
    total_unit: Unit | None = None,
    extra: Sequence[tuple[Column, Mapping[str, Value], Value]] = (),
    total_keys: Sequence[str | None] | None = None,
    grand_key: str | None = None,
    base: Count,
    base_label: str,
    note: str = "",
    chart: Chart | None = None,
    col_totals: bool = True,
) -> Table:
    """A cross table: categories × columns with a total column and (optionally) a total row,
    all one grid; `extra` columns (not additive) follow, each with a value per category and
    one for the total row."""
    width = len(columns)
    cols = [*columns, Column("total", total_label, total_unit), *(c for c, _, _ in extra)]
    rows: list[Row] = []
    for code, label in categories:
        vals = list(cells.get(code, [0] * width))
        rows.append(
            Row(
                code,
                label,
                (
                    *(count(v) for v in vals),
                    count(sum(vals)),
                    *(values.get(code) for _, values, _ in extra),
                ),
            )
        )
    grid_rows = tuple(range(len(rows)))
    total_row: int | None = None
    if col_totals:
        sums = [sum(cells.get(c, [0] * width)[i] for c, _ in categories) for i in range(width)]
        tk = total_keys or [None] * width
        rows.append(
            Row(
                "total",
                "Totaal",
                (
                    *(count(v, k) for v, k in zip(sums, tk, strict=True)),
                    count(sum(sums), grand_key),
                    *(tot for _, _, tot in extra),
                ),
                True,
            )
        )
        total_row = len(rows) - 1
    grid = GridSpec(grid_rows, tuple(range(width)), width, total_row)
    return Table(key, title, tuple(cols), tuple(rows), base, base_label, note, (grid,), chart)


def _people_value(ids: set[str]) -> Count:
    return count(len(ids))


# --- the builder ------------------------------------------------------------------------------


class Tables:
    """Builds the sections of one report from its facts."""

    def __init__(self, facts: Facts, w: Window, vocab: Vocabularies, order: Sequence[str]):
        self.f = facts
        self.w = w
        self.vocab = vocab
        self.order = list(order)
        self.tr: dict[str, Trajectory] = {
            pid: trajectory(facts.events.get(pid, ()), self.order, w) for pid in facts.people
        }

    # --- reach -----------------------------------------------------------------------------
    def reach(self) -> Section:
        w, f = self.w, self.f
        new = {p.id for p in f.people.values() if p.first_met_on in w}
        talk = new & f.reached
        started = {
            pid
            for pid in new
            if f.people[pid].is_client
            and f.people[pid].client_since is not None
            and f.people[pid].client_since <= w.end  # type: ignore[operator]
        }
        base = count(len(new), "reach.new")
        stages = [
            ("new", "Nieuwe voorcontacten", new, "reach.new"),
            ("talk", "Met een echt gesprek", talk, "reach.talk"),
            ("started", "Traject gestart", started, "reach.started"),
        ]
        funnel = Table(
            "reach.funnel",
            "Van eerste ontmoeting tot traject",
            (Column("people", "mensen", Unit.PEOPLE), Column("share", "van de nieuwe")),
            tuple(
                Row(code, label, (count(len(ids), k), share(len(ids), len(new), (i, 0), (0, 0))))
                for i, (code, label, ids, k) in enumerate(stages)
            ),
            base,
            "nieuwe voorcontacten",
            chart=Chart(ChartKind.FUNNEL, (0,)),
        )
        stage_cols = (
            Column("new", "nieuw", Unit.PEOPLE),
            Column("talk", "echt gesprek", Unit.PEOPLE),
            Column("started", "traject gestart", Unit.PEOPLE),
        )

        def tally(key_of: Mapping[str, str]) -> dict[str, list[int]]:
            out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
            for pid, k in key_of.items():
                row = out[k]
                row[0] += 1
                row[1] += pid in talk
                row[2] += pid in started
            return out

        # by vindplaats type (and the other ways people were reached)
        kind_of: dict[str, str] = {}
        for pid in new:
            p = f.people[pid]
            if p.first_met_how == "vindplaats":
                kind_of[pid] = f.vindplaats_types.get(p.vindplaats_id or "", "vindplaats_onbekend")
            elif p.first_met_how == "doorverwijzing":
                kind_of[pid] = "_doorverwezen"
            else:
                kind_of[pid] = "_" + p.first_met_how
        counts = tally(kind_of)
        vp_codes = [c for c in counts if not c.startswith("_")]
        cats = _codes(self.vocab, "vindplaats_types", vp_codes)
        cats = [
            (c, lbl if c != "vindplaats_onbekend" else "Vindplaats onbekend") for c, lbl in cats
        ]
        other = sorted(c for c in counts if c.startswith("_") and c != "_doorverwezen")
        cats += [("_doorverwezen", "Niet via een vindplaats: doorverwezen")]
        cats += [
            (c, "Niet via een vindplaats: " + _label(self.vocab, "first_met", c[1:]).lower())
            for c in other
        ]
        totals = [len(new), len(talk), len(started)]
        referred = {pid for pid, k in kind_of.items() if k == "_doorverwezen"}
        ref_keys = ["reach.referred.new", "reach.referred.talk", "reach.referred.started"]
        by_place = _breakdown(
            "reach.vindplaats",
            "Bereik naar soort vindplaats",
            cats,
            stage_cols,
            counts,
            totals,
            total_keys=["reach.new", "reach.talk", "reach.started"],
            row_keys={"_doorverwezen": ref_keys},
            base=base,
            base_label="nieuwe voorcontacten",
            chart=Chart(ChartKind.BARS, (0,)),
        )
        # by referral source (only people who were referred)
        src_of: dict[str, str] = {}
        for pid in referred:
            p = f.people[pid]
            if p.referral_organisation_id:
                src_of[pid] = "org:" + p.referral_organisation_id
            else:
                src_of[pid] = p.referral_kind or "andere"
        rcounts = tally(src_of)
        vocab_codes = [c for c in rcounts if not c.startswith("org:")]
        rcats = [
            (c, lbl)
            for c, lbl in _codes(self.vocab, "referral_sources", vocab_codes)
            if c != "andere"
        ]
        orgs = sorted(
            (c for c in rcounts if c.startswith("org:")),
            key=lambda c: f.organisations.get(c[4:], "").casefold(),
        )
        rcats += [(c, f.organisations.get(c[4:], "(onbekende partner)")) for c in orgs]
        rcats.append(("andere", self.vocab["referral_sources"].label("andere")))
        rtotals = [len(referred), len(referred & talk), len(referred & started)]
        by_source = _breakdown(
            "reach.referral",
            "Bereik naar verwijzer (wie doorverwezen werd)",
            rcats,
            stage_cols,
            rcounts,
            rtotals,
            total_keys=ref_keys,
            base=count(len(referred), "reach.referred.new"),
            base_label="doorverwezen nieuwe voorcontacten",
            chart=Chart(ChartKind.BARS, (0,)),
        )
        return Section(
            "reach",
            "Bereik",
            "Wie in de periode voor het eerst ontmoet werd, hoeveel van hen een echt gesprek "
            "hadden en een traject startten, naar soort vindplaats en naar verwijzer.",
            (funnel, by_place, by_source),
        )

    # --- caseload ---------------------------------------------------------------------------
    def caseload(self) -> tuple[Section, dict[str, str]]:
        w, f = self.w, self.f
        statuses = [
            ("actief", "actief"),
            ("nazorg", "nazorg"),
            ("lager_pitje", "lager pitje"),
            ("afgesloten", "afgesloten in de periode"),
        ]
        status_of: dict[str, str] = {}
        for pid, p in f.people.items():
            if p.first_met_on > w.reference:
                continue
            st = caseload_status(self.tr[pid], w)
            if st is not None:
                status_of[pid] = st
        cells: dict[str, list[int]] = defaultdict(lambda: [0] * len(statuses))
        index = {code: i for i, (code, _) in enumerate(statuses)}
        for pid, st in status_of.items():
            cells[f.people[pid].member.worker][index[st]] += 1
        workers = sorted(cells, key=lambda x: (x == "", x.casefold()))
        cats = [(wk, wk or NO_WORKER_LABEL) for wk in workers]
        table = _cross(
            "caseload.workers",
            "Caseload per werker",
            cats,
            [Column(c, lbl, Unit.PEOPLE) for c, lbl in statuses],
            cells,
            total_unit=Unit.PEOPLE,
            total_keys=[f"caseload.{c}" for c, _ in statuses],
            grand_key="caseload.total",
            base=count(len(status_of), "caseload.total"),
            base_label="mensen in de caseload",
            note=f"Toestand op {w.reference:%d/%m/%Y}.",
            chart=Chart(ChartKind.STACKED, (0, 1, 2, 3)),
        )
        return (
            Section(
                "caseload",
                "Caseload per werker",
                "Wie actief gevolgd wordt, in nazorg is, op een lager pitje staat, of in de "
                "periode afsloot.",
                (table,),
            ),
            status_of,
        )

    # --- phases -----------------------------------------------------------------------------
    def phases(self) -> Section:
        w, f = self.w, self.f
        phases = [(x.code, x.label) for x in self.vocab["phases"] if not x.attrs.get("closed")]
        now: dict[str, set[str]] = defaultdict(set)
        low: dict[str, set[str]] = defaultdict(set)
        days_now: dict[str, list[int]] = defaultdict(list)
        for pid, p in f.people.items():
            st = self.tr[pid].now
            if p.first_met_on > w.reference or st.closed or st.phase is None:
                continue
            now[st.phase].add(pid)
            if st.low_flame:
                low[st.phase].add(pid)
            if st.spans:
                days_now[st.phase].append(st.spans[-1].days(w.reference))
        open_total = sum(len(v) for v in now.values())
        low_total = sum(len(v) for v in low.values())
        cats = phases + [(c, c) for c in sorted(set(now) - {c for c, _ in phases})]
        rows = []
        for i, (code, label) in enumerate(cats):
            n = len(now.get(code, ()))
            rows.append(
                Row(
                    code,
                    label,
                    (
                        count(n, f"phases.now.{code}"),
                        share(n, open_total, (i, 0), (len(cats), 0)),
                        count(len(low.get(code, ()))),
                    ),
                )
            )
        rows.append(
            Row(
                "total",
                "Totaal",
                (count(open_total, "phases.open"), None, count(low_total, "caseload.lager_pitje")),
                True,
            )
        )
        now_table = Table(
            "phases.now",
            "In welke fase staan de mensen nu",
            (
                Column("people", "mensen", Unit.PEOPLE),
                Column("share", "aandeel"),
                Column("low", "waarvan op een lager pitje", Unit.PEOPLE),
            ),
            tuple(rows),
            count(open_total, "phases.open"),
            "mensen met een lopend traject",
            f"Toestand op {w.reference:%d/%m/%Y}.",
            column_grids(tuple(range(len(cats))), (0, 2), len(cats)),
            Chart(ChartKind.BARS, (0,)),
        )
        # time per phase: spans that ended in the period; steps back in the period
        done: dict[str, list[int]] = defaultdict(list)
        done_people: dict[str, set[str]] = defaultdict(set)
        back: Counter[str] = Counter()
        back_people: dict[str, set[str]] = defaultdict(set)
        for pid in f.people:
            tr = self.tr[pid]
            for span in tr.now.spans:
                if span.phase == t.CLOSED or span.end is None:
                    continue
                if w.start <= span.end <= w.reference:
                    done[span.phase].append((span.end - span.start).days)
                    done_people[span.phase].add(pid)
            for day, phase in tr.steps_back:
                if w.start <= day <= w.reference:
                    back[phase] += 1
                    back_people[phase].add(pid)
        time_rows = []
        for i, (code, label) in enumerate(cats):
            spans = done.get(code, [])
            current = days_now.get(code, [])
            time_rows.append(
                Row(
                    code,
                    label,
                    (
                        count(len(spans)),
                        Stat(
                            statistics.median(spans) if spans else None,
                            len(spans),
                            "median",
                            ((i, 0),),
                        ),
                        count(len(now.get(code, ())), f"phases.now.{code}"),
                        Stat(
                            statistics.median(current) if current else None,
                            len(current),
                            "median",
                            ((i, 2),),
                        ),
                        count(back.get(code, 0)),
                        count(len(back_people.get(code, ()))),
                    ),
                )
            )
        all_back_people = set().union(*back_people.values()) if back_people else set()
        time_rows.append(
            Row(
                "total",
                "Totaal",
                (
                    count(sum(len(v) for v in done.values())),
                    None,
                    count(open_total, "phases.open"),
                    None,
                    count(sum(back.values())),
                    count(len(all_back_people)),
                ),
                True,
            )
        )
        time_table = Table(
            "phases.time",
            "Tijd per fase en stappen terug",
            (
                Column("spans", "afgeronde periodes", Unit.SPANS),
                Column("median_days", "mediaan (dagen)", Unit.DAYS),
                Column("now", "nu in deze fase", Unit.PEOPLE),
                Column("median_now", "nu: mediaan tot nu (dagen)", Unit.DAYS),
                Column("back", "stappen terug hierheen", Unit.STEPS_BACK),
                Column("back_people", "mensen met een stap terug", Unit.PEOPLE),
            ),
            tuple(time_rows),
            count(
                len(
                    {pid for s in done_people.values() for pid in s}
                    | {pid for s in now.values() for pid in s}
                )
            ),
            "mensen",
            "Afgeronde periodes: een fase die in de periode eindigde. Stappen terug: in de "
            "periode.",
            column_grids(tuple(range(len(cats))), (0, 4), len(cats)),
            Chart(ChartKind.BARS, (1,)),
        )
        return Section(
            "phases",
            "Fasen",
            "Waar de mensen nu staan, hoe lang een fase duurt, en hoe vaak iemand een stap "
            "terug zet (terugvallen mag: het traject is niet lineair).",
            (now_table, time_table),
        )

    # --- contacts ---------------------------------------------------------------------------
    def contacts(self) -> Section:
        counts = self.f.contacts
        seen_status = {st for _, st in counts.by_channel_status}
        seen_channel = {ch for ch, _ in counts.by_channel_status}
        statuses = _codes(self.vocab, "contact_status", seen_status)
        channels = _codes(self.vocab, "channels", seen_channel)
        cells: dict[str, list[int]] = {
            ch: [counts.by_channel_status.get((ch, st), 0) for st, _ in statuses]
            for ch, _ in channels
        }
        people = {ch: count(counts.people_by_channel.get(ch, 0)) for ch, _ in channels}
        everyone = counts.people
        table = _cross(
            "contacts.channels",
            "Contactmomenten naar kanaal en of de persoon bereikt werd",
            channels,
            [Column(c, lbl.lower(), Unit.CONTACTS) for c, lbl in statuses],
            cells,
            total_label="contactmomenten",
            total_unit=Unit.CONTACTS,
            extra=[
                (
                    Column("people", "mensen", Unit.PEOPLE),
                    people,
                    count(everyone, "contacts.people"),
                )
            ],
            base=count(everyone, "contacts.people"),
            base_label="mensen met een contactmoment",
            note="Een groepscontact telt één keer, met iedereen die erbij was.",
            chart=Chart(ChartKind.STACKED, tuple(range(len(statuses)))),
        )
        return Section(
            "contacts",
            "Contactmomenten",
            "Alle contactmomenten in de periode, ook pogingen die niemand bereikten: "
            "outreach is herhalen.",
            (table,),
        )

    # --- group work --------------------------------------------------------------------------
    def groups(self, sessions: Sequence[GroupSessionFacts]) -> Section:
        """Per group: the sessions held in the period, the attendances of people in scope,
        how many of them came at least once, and the headcount of people who came without
        being registered. A person in two groups counts once in the total of people."""
        f = self.f
        held = [x for x in sessions if x.on in self.w]
        names = {x.group_id: x.group_name for x in held}
        order = sorted(names, key=lambda g: (names[g].casefold(), g))
        n_sessions: Counter[str] = Counter()
        attendances: Counter[str] = Counter()
        unregistered: Counter[str] = Counter()
        people: dict[str, set[str]] = defaultdict(set)
        for x in held:
            came = [pid for pid in x.attended if pid in f.people]
            n_sessions[x.group_id] += 1
            attendances[x.group_id] += len(came)
            unregistered[x.group_id] += x.unregistered
            people[x.group_id].update(came)
        everyone = {pid for ids in people.values() for pid in ids}
        rows = [
            Row(
                g,
                names[g],
                (
                    count(n_sessions[g]),
                    count(attendances[g]),
                    _people_value(people[g]),
                    count(unregistered[g]),
                ),
            )
            for g in order
        ]
        rows.append(
            Row(
                "total",
                "Totaal",
                (
                    count(sum(n_sessions.values())),
                    count(sum(attendances.values())),
                    count(len(everyone), "groups.people"),
                    count(sum(unregistered.values())),
                ),
                True,
            )
        )
        total_row = len(rows) - 1
        table = Table(
            "groups.participation",
            "Deelname aan groepswerk",
            (
                Column("sessions", "sessies", Unit.SESSIONS),
                Column("attended", "aanwezigheden van ingeschreven mensen", Unit.ATTENDANCES),
                Column("people", "mensen die minstens één keer kwamen", Unit.PEOPLE),
                Column("unregistered", "niet ingeschreven deelnemers (opgeteld)", Unit.ATTENDANCES),
            ),
            tuple(rows),
            count(len(everyone), "groups.people"),
            "mensen die aan groepswerk deelnamen",
            "Wie in twee groepen kwam, telt één keer in het totaal van de mensen.",
            # no group, no sums: a total of nothing is known to be zero
            column_grids(tuple(range(total_row)), (0, 1, 3), total_row) if order else (),
            Chart(ChartKind.STACKED, (1, 3)),
        )
        return Section(
            "groups",
            "Groepswerk",
            "Sessies van groepen en reeksen die in de periode plaatsvonden, met wie er kwam.",
            (table,),
        )

    # --- handovers --------------------------------------------------------------------------
    FEEDBACK = (
        ("tijdig", "tijdig"),
        ("laat", "laat"),
        ("ontbreekt", "ontbreekt"),
        ("nog_niet", "nog niet verwacht"),
        ("geannuleerd", "geannuleerd"),
    )

    def feedback(self, h: HandoverFacts) -> str:
        if h.status == "geannuleerd":
            return "geannuleerd"
        got, due = h.feedback_received_on, h.expected_feedback_on
        if got is not None and got <= self.w.reference:
            return "laat" if due is not None and got > due else "tijdig"
        if due is not None and due < self.w.reference:
            return "ontbreekt"
        return "nog_niet"

    def handovers(self) -> Section:
        f = self.f
        mine = [h for h in f.handovers if h.person_id in f.people and h.on in self.w]
        cols = [Column(c, lbl, Unit.HANDOVERS) for c, lbl in self.FEEDBACK]
        index = {c: i for i, (c, _) in enumerate(self.FEEDBACK)}
        everyone = {h.person_id for h in mine}

        def table(
            key: str, title: str, group: Mapping[str, str], cats: list[tuple[str, str]]
        ) -> Table:
            cells: dict[str, list[int]] = defaultdict(lambda: [0] * len(cols))
            people: dict[str, set[str]] = defaultdict(set)
            for h in mine:
                cells[group[h.id]][index[self.feedback(h)]] += 1
                people[group[h.id]].add(h.person_id)
            return _cross(
                key,
                title,
                cats,
                cols,
                cells,
                total_label="overdrachten",
                total_unit=Unit.HANDOVERS,
                extra=[
                    (
                        Column("people", "mensen", Unit.PEOPLE),
                        {c: _people_value(people.get(c, set())) for c, _ in cats},
                        count(len(everyone), "handovers.people"),
                    )
                ],
                total_keys=[f"handovers.{c}" for c, _ in self.FEEDBACK],
                grand_key="handovers.total",
                base=count(len(everyone), "handovers.people"),
                base_label="mensen met een overdracht",
                chart=Chart(ChartKind.STACKED, tuple(range(len(cols)))),
            )

        by_org = {h.id: h.organisation_id for h in mine}
        orgs = sorted(set(by_org.values()), key=lambda o: f.organisations.get(o, "").casefold())
        receivers = table(
            "handovers.receivers",
            "Overdrachten naar ontvanger, met de terugkoppeling",
            by_org,
            [(o, f.organisations.get(o, "(onbekende organisatie)")) for o in orgs],
        )
        by_type = {h.id: h.type for h in mine}
        types = table(
            "handovers.types",
            "Overdrachten naar soort",
            by_type,
            _codes(self.vocab, "handover_types", set(by_type.values())),
        )
        return Section(
            "handovers",
            "Warme overdrachten",
            "Overdrachten met een triogesprek (of gepland) in de periode, en of de ontvanger "
            f"terugkoppelde (stand op {self.w.reference:%d/%m/%Y}).",
            (receivers, types),
        )

    # --- outcomes and sustainability ----------------------------------------------------------
    def closures_in_period(self) -> list[tuple[str, Closure]]:
        return [(pid, c) for pid in self.f.people for c in self.tr[pid].closures if c.on in self.w]

    def outcomes(self) -> Section:
        closed = self.closures_in_period()
        cats = _codes(self.vocab, "outcomes", {c.outcome or "" for _, c in closed} - {""})
        n: Counter[str] = Counter(c.outcome or "" for _, c in closed)
        people: dict[str, set[str]] = defaultdict(set)
        for pid, c in closed:
            people[c.outcome or ""].add(pid)
        if n.get(""):
            cats.append(("", "(geen uitkomst)"))
        total = len(closed)
        rows = [
            Row(
                code,
                label,
                (
                    count(n.get(code, 0)),
                    count(len(people.get(code, ()))),
                    share(n.get(code, 0), total, (i, 0), (len(cats), 0)),
                ),
            )
            for i, (code, label) in enumerate(cats)
        ]
        everyone = {pid for pid, _ in closed}
        rows.append(
            Row(
                "total",
                "Totaal",
                (count(total, "outcomes.total"), count(len(everyone)), None),
                True,
            )
        )
        outcome_table = Table(
            "outcomes.categories",
            "Uitkomsten van de trajecten die in de periode afsloten",
            (
                Column("closures", "trajecten", Unit.TRAJECTORIES),
                Column("people", "mensen", Unit.PEOPLE),
                Column("share", "aandeel"),
            ),
            tuple(rows),
            count(len(everyone)),
            "mensen die afsloten",
            grids=column_grids(tuple(range(len(cats))), (0,), len(cats)),
            chart=Chart(ChartKind.BARS, (0,)),
        )
        return Section(
            "outcomes",
            "Uitkomsten en duurzaamheid",
            "Niet alleen hoeveel mensen doorstroomden, ook hoe het hen 3, 12 en 24 maanden later "
            "vergaat.",
            (outcome_table, self.sustainability()),
        )

    def anchor_group(self, fu: FollowUpFacts, outcome_of: Mapping[str, str | None]) -> str:
        """job | opleiding | overdracht | afsluiting (another closure)."""
        if fu.anchor == "job_start":
            return "job"
        if fu.anchor == "opleiding_start":
            return "opleiding"
        if fu.anchor == "overdracht":
            return "overdracht"
        if fu.anchor_id is None:
            return "job"  # before structured follow-ups, only work outcomes had follow-ups
        outcome = outcome_of.get(fu.anchor_id)
        term = self.vocab["outcomes"].term(outcome or "")
        if term is not None and term.attrs.get("work"):
            return "job"
        if outcome == "opleiding":
            return "opleiding"
        return "afsluiting"

    def sustainability(self) -> Table:
        f, w = self.f, self.w
        outcome_of = {c.event_id: c.outcome for tr in self.tr.values() for c in tr.closures}
        statuses = _codes(
            self.vocab, "follow_up_status", {x.status or "" for x in f.follow_ups} - {""}
        )
        cols = [*(Column(c, lbl.lower(), Unit.FOLLOW_UPS) for c, lbl in statuses)]
        cols.append(Column("none", "nog geen resultaat", Unit.FOLLOW_UPS))
        index = {c: i for i, (c, _) in enumerate(statuses)}
        groups = [
            ("job", "Na een job"),
            ("opleiding", "Na een opleiding"),
            ("overdracht", "Na een warme overdracht"),
            ("afsluiting", "Na een andere afsluiting"),
        ]
        cells: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0] * len(cols))
        for fu in f.follow_ups:
            if fu.person_id not in f.people or fu.due_on not in w:
                continue
            row = cells[(self.anchor_group(fu, outcome_of), fu.months)]
            if fu.done_on is not None and fu.done_on <= w.reference and fu.status in index:
                row[index[fu.status]] += 1
            else:
                row[-1] += 1
        attrs = {c: _attrs(self.vocab, "follow_up_status", c) for c, _ in statuses}
        working = [i for i, (c, _) in enumerate(statuses) if attrs[c].get("working")]
        unknown = [i for i, (c, _) in enumerate(statuses) if attrs[c].get("unknown")]
        known = [i for i in range(len(statuses)) if i not in unknown]
        rows: list[Row] = []
        for gcode, glabel in groups:
            for months in sorted({m for g, m in cells if g == gcode}):
                vals = cells[(gcode, months)]
                r = len(rows)
                part = sum(vals[i] for i in working)
                whole = sum(vals[i] for i in known)
                rows.append(
                    Row(
                        f"{gcode}.{months}",
                        f"{glabel} · {months} maanden",
                        (
                            *(count(v) for v in vals),
                            count(sum(vals)),
                            share(part, whole, *((r, i) for i in known)),
                        ),
                    )
                )
        total_col = len(cols)
        table_cols = (
            *cols,
            Column("due", "te volgen", Unit.FOLLOW_UPS),
            Column("working", "aan het werk (van gekend)"),
        )
        people = {
            fu.person_id for fu in f.follow_ups if fu.person_id in f.people and fu.due_on in w
        }
        return Table(
            "outcomes.sustainability",
            "Duurzaamheid: opvolgingen die in de periode vielen",
            table_cols,
            tuple(rows),
            count(len(people)),
            "mensen met een opvolging",
            "Aandeel aan het werk: werkt (dezelfde of een andere werkgever) op wie een gekend "
            "resultaat heeft.",
            (GridSpec(tuple(range(len(rows))), tuple(range(len(cols))), total_col, None),),
            Chart(ChartKind.BARS, (total_col + 1,), scale_max=1.0),
        )

    # --- ZRM -------------------------------------------------------------------------------------
    def zrm(self) -> Section:
        f, w = self.f, self.w
        editions = z_editions()
        canonical = editions[z.CANONICAL_EDITION]
        canon = {
            code: {d.code: d.canonical for d in ed.domains if d.canonical is not None}
            for code, ed in editions.items()
        }
        by_team: dict[str, list[Mapping[str, tuple[int, int]]]] = defaultdict(list)
        measured: dict[str, set[str]] = defaultdict(set)
        for pid, measurements in f.zrm.items():
            if pid not in f.people or not any(r.assessed_on in w for r in measurements):
                continue
            team = f.people[pid].member.team
            prog = first_and_latest(measurements, canon)
            by_team[team].append(prog)
            by_team["*"].append(prog)
            measured[team].add(pid)
            measured["*"].add(pid)
        teams = sorted((x for x in by_team if x != "*"), key=lambda x: (x == "", x.casefold()))
        groups = [(x, x or NO_TEAM_LABEL) for x in teams]
        if len(teams) != 1:
            groups.append(("*", "Alle teams samen"))
        tables = []
        for code, label in groups:
            progs = by_team.get(code, [])
            rows: list[Row] = []
            for i, d in enumerate(canonical.domains):
                pairs = [p[d.code] for p in progs if d.code in p]
                n = len(pairs)
                first = statistics.fmean(a for a, _ in pairs) if n else None
                latest = statistics.fmean(b for _, b in pairs) if n else None
                rows.append(
                    Row(
                        d.code,
                        d.label,
                        (
                            count(n),
                            Stat(first, n, "mean", ((i, 0),)),
                            Stat(latest, n, "mean", ((i, 0),)),
                            Stat(
                                latest - first
                                if n and first is not None and latest is not None
                                else None,
                                n,
                                "mean",
                                ((i, 0),),
                            ),
                        ),
                    )
                )
            tables.append(
                Table(
                    "zrm.all" if code == "*" else f"zrm.team.{code or 'none'}",
                    f"Afgelegde weg op de zelfredzaamheidsmatrix — {label}",
                    (
                        Column("people", "mensen", Unit.PEOPLE),
                        Column("first", "gem. eerste score", Unit.LEVELS),
                        Column("latest", "gem. laatste score", Unit.LEVELS),
                        Column("change", "verschil", Unit.LEVELS),
                    ),
                    tuple(rows),
                    count(len(measured.get(code, ()))),
                    "mensen met een ZRM-meting in de periode",
                    "Per domein alleen wie er minstens twee scores heeft.",
                    chart=Chart(ChartKind.RANGE, (1, 2), scale_min=1.0, scale_max=5.0),
                )
            )
        return Section(
            "zrm",
            "Zelfredzaamheidsmatrix: afgelegde weg",
            "De afgelegde weg per domein, van de eerste naar de laatste meting (1 acute "
            "problematiek … 5 volledig zelfredzaam).",
            tuple(tables),
        )

    # --- drempels ------------------------------------------------------------------------------
    def drempels(self, caseload: Mapping[str, str]) -> Section:
        f, w = self.f, self.w
        statuses = _codes(self.vocab, "drempel_status", {d.status for d in f.drempels})
        index = {c: i for i, (c, _) in enumerate(statuses)}
        resolved = {c for c, _ in statuses if c == "opgelost"}
        cells: dict[str, list[int]] = defaultdict(lambda: [0] * len(statuses))
        open_people: dict[str, set[str]] = defaultdict(set)
        for d in f.drempels:
            if d.person_id not in caseload or (d.since is not None and d.since > w.reference):
                continue
            cells[d.life_domain][index[d.status]] += 1
            if d.status not in resolved:
                open_people[d.life_domain].add(d.person_id)
        domains = _codes(self.vocab, "life_domains", set(cells))
        base_n = len(caseload)
        n_cats = len(domains)
        prevalence = {
            code: share(len(open_people.get(code, ())), base_n, (i, len(statuses) + 1))
            for i, (code, _) in enumerate(domains)
        }
        everyone = {pid for s in open_people.values() for pid in s}
        table = _cross(
            "drempels.domains",
            "Drempels per levensdomein en status",
            domains,
            [Column(c, lbl.lower(), Unit.DREMPELS) for c, lbl in statuses],
            cells,
            total_label="drempels",
            total_unit=Unit.DREMPELS,
            extra=[
                (
                    Column("people", "mensen met een open drempel", Unit.PEOPLE),
                    {c: _people_value(open_people.get(c, set())) for c, _ in domains},
                    count(len(everyone)),
                ),
                (
                    Column("prevalence", "van de caseload"),
                    prevalence,
                    share(len(everyone), base_n, (n_cats, len(statuses) + 1)),
                ),
            ],
            base=count(base_n, "caseload.total"),
            base_label="mensen in de caseload",
            note=f"Huidige status van de drempels; caseload op {w.reference:%d/%m/%Y}.",
            chart=Chart(ChartKind.STACKED, tuple(range(len(statuses)))),
        )
        return Section(
            "drempels",
            "Drempels",
            "Hoe vaak drempels voorkomen per levensdomein, en hoe ver ze staan.",
            (table,),
        )

    # --- signals -------------------------------------------------------------------------------
    def signals(self, sigs: Sequence[SignalFacts]) -> Section:
        f = self.f
        statuses = _codes(self.vocab, "signal_status", {x.status for x in sigs})
        themes = _codes(self.vocab, "signal_themes", {x.theme for x in sigs})
        index = {c: i for i, (c, _) in enumerate(statuses)}
        cells: dict[str, list[int]] = defaultdict(lambda: [0] * len(statuses))
        touched: dict[str, int] = defaultdict(int)
        with_count: dict[str, int] = defaultdict(int)
        for x in sigs:
            cells[x.theme][index[x.status]] += 1
            if x.people_count:
                touched[x.theme] += x.people_count
                with_count[x.theme] += 1
        theme_table = _cross(
            "signals.themes",
            "Structurele signalen per thema",
            themes,
            [Column(c, lbl.lower(), Unit.SIGNALS) for c, lbl in statuses],
            cells,
            total_label="signalen",
            total_unit=Unit.SIGNALS,
            extra=[
                (
                    Column("touched", "mensen geraakt (opgeteld)", Unit.PEOPLE),
                    {c: count(touched.get(c, 0)) for c, _ in themes},
                    count(sum(touched.values())),
                ),
                (
                    Column("with_count", "signalen met een aantal", Unit.SIGNALS),
                    {c: count(with_count.get(c, 0)) for c, _ in themes},
                    count(sum(with_count.values())),
                ),
            ],
            total_keys=[f"signals.{c}" for c, _ in statuses],
            grand_key="signals.total",
            base=count(len(sigs), "signals.total"),
            base_label="signalen",
            note="Een signaal noemt niemand; het aantal mensen is een schatting van wie het "
            "noteerde en kan overlappen.",
            chart=Chart(ChartKind.STACKED, tuple(range(len(statuses)))),
        )
        # the people-touched column adds up too
        theme_table = _with_grid(
            theme_table,
            GridSpec(tuple(range(len(themes))), (len(statuses) + 1,), None, len(themes)),
        )
        org_of: Counter[str] = Counter()
        label_of: dict[str, str] = {}
        for x in sigs:
            if x.organisation_id:
                k = "org:" + x.organisation_id
                label_of[k] = f.organisations.get(x.organisation_id, "(onbekende organisatie)")
            elif x.organisation_name:
                k = "txt:" + x.organisation_name.casefold()
                label_of.setdefault(k, x.organisation_name)
            else:
                k = "none"
                label_of[k] = "(geen organisatie genoemd)"
            org_of[k] += 1
        orgs = sorted(org_of, key=lambda k: (k == "none", label_of[k].casefold()))
        org_table = _breakdown(
            "signals.organisations",
            "Structurele signalen per betrokken organisatie",
            [(k, label_of[k]) for k in orgs],
            [Column("signals", "signalen", Unit.SIGNALS)],
            {k: [v] for k, v in org_of.items()},
            [len(sigs)],
            total_keys=["signals.total"],
            base=count(len(sigs), "signals.total"),
            base_label="signalen",
            chart=Chart(ChartKind.BARS, (0,)),
        )
        return Section(
            "signals",
            "Structurele signalen",
            "Drempels van het systeem die werkers zagen: wachtlijsten, regels, ontbrekend aanbod.",
            (theme_table, org_table),
        )

    # --- ESF+ -------------------------------------------------------------------------------------
    def esf(self) -> Section:
        f, w = self.f, self.w
        full: set[str] = set()
        exit_of: dict[str, Closure] = {}
        for pid, p in f.people.items():
            tr = self.tr[pid]
            if not p.is_client or p.client_since is None or p.client_since > w.end:
                continue
            if not tr.active_in_period:
                continue  # closed before the period, and nothing happened in it
            full.add(pid)
            closures = [c for c in tr.closures if c.on in w]
            if closures:
                exit_of[pid] = closures[-1]
        closed = set(exit_of)

        def entry(pid: str) -> date:
            e = f.esf.get(pid)
            p = f.people[pid]
            return (e.entry_on if e and e.entry_on else None) or p.client_since or p.first_met_on

        def answer(pid: str, name: str) -> str:
            e = f.esf.get(pid)
            return e.answers.get(name, "niet_gevraagd") if e else "niet_gevraagd"

        def age_band(pid: str) -> str:
            dob = f.people[pid].date_of_birth
            if dob is None:
                return "onbekend"
            day = entry(pid)
            age = day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
            return "jonger_30" if age < 30 else ("55_plus" if age >= 55 else "30_54")

        exit_status = {pid: self._exit_status(c) for pid, c in exit_of.items()}
        six = {pid: self._six_months(pid, c) for pid, c in exit_of.items()}

        blocks: list[tuple[str, str, list[tuple[str, str]], Mapping[str, str]]] = []
        esf_labels = {
            "gender": ("Geslacht", "esf_gender"),
            "labour_status": ("Situatie op de arbeidsmarkt bij de start", "esf_labour_status"),
            "education": ("Opleidingsniveau (ISCED)", "esf_education"),
            "disability": ("Persoon met een handicap", "esf_answer"),
            "third_country": ("Onderdaan van een derde land", "esf_answer"),
            "foreign_background": ("Buitenlandse herkomst", "esf_answer"),
            "minority": (
                "Minderheid (ook gemarginaliseerde gemeenschappen zoals de Roma)",
                "esf_answer",
            ),
            "homeless": ("Dakloos of uitgesloten van huisvesting", "esf_answer"),
        }
        for name in ESF_FIELDS:
            title, vocab = esf_labels[name]
            answers = {pid: answer(pid, name) for pid in full}
            blocks.append((name, title, _codes(self.vocab, vocab, set(answers.values())), answers))
            if name == "gender":
                blocks.append(
                    (
                        "age",
                        "Leeftijd bij de start",
                        [
                            ("jonger_30", "jonger dan 30"),
                            ("30_54", "30 tot 54"),
                            ("55_plus", "55 of ouder"),
                            ("onbekend", "geboortedatum onbekend"),
                        ],
                        {pid: age_band(pid) for pid in full},
                    )
                )
        exit_cats = [
            ("werkend", "aan het werk, ook als zelfstandige"),
            ("opleiding", "in onderwijs of opleiding"),
            ("werkzoekend", "zoekt werk"),
            ("inactief", "inactief"),
            ("onbekend", "onbekend"),
            ("loopt", "traject loopt nog"),
        ]
        blocks.append(
            (
                "exit",
                "Bij het verlaten van het traject",
                exit_cats,
                {pid: exit_status.get(pid, "loopt") for pid in full},
            )
        )
        six_cats = [
            ("werkend", "aan het werk, ook als zelfstandige"),
            ("ander", "niet aan het werk"),
            ("onbekend", "opgevolgd, resultaat onbekend"),
            ("niet_opgevolgd", "niet (of nog niet) opgevolgd"),
            ("loopt", "traject loopt nog"),
        ]
        blocks.append(
            (
                "six_months",
                "Zes maanden na het verlaten",
                six_cats,
                {pid: six.get(pid, "loopt") for pid in full},
            )
        )
        esf_tables: list[Table] = []
        for name, title, cats, values in blocks:
            n_full: Counter[str] = Counter(values[pid] for pid in full)
            n_closed: Counter[str] = Counter(values[pid] for pid in closed)
            rows: list[Row] = []
            total_row = len(cats)
            for i, (code, label) in enumerate(cats):
                a, b = n_full.get(code, 0), n_closed.get(code, 0)
                rows.append(
                    Row(
                        code,
                        label,
                        (
                            count(a),
                            share(a, len(full), (i, 0), (total_row, 0)),
                            count(b),
                            share(b, len(closed), (i, 2), (total_row, 2)),
                        ),
                    )
                )
            rows.append(
                Row(
                    "total",
                    "Deelnemers",
                    (count(len(full), "esf.full"), None, count(len(closed), "esf.closed"), None),
                    True,
                )
            )
            esf_tables.append(
                Table(
                    f"esf.{name}",
                    title,
                    (
                        Column("full", "alle deelnemers", Unit.PEOPLE),
                        Column("full_share", "aandeel"),
                        Column("closed", "ESF: afgesloten", Unit.PEOPLE),
                        Column("closed_share", "aandeel"),
                    ),
                    tuple(rows),
                    count(len(full), "esf.full"),
                    "deelnemers met een traject in de periode",
                    grids=column_grids(tuple(range(total_row)), (0, 2), total_row),
                    chart=Chart(ChartKind.BARS, (1, 3), scale_max=1.0)
                    if name in ("exit", "six_months")
                    else None,
                )
            )
        return Section(
            "esf",
            "ESF+: het ESF-beeld naast het volledige beeld",
            "ESF rekent alleen afgesloten trajecten: het ESF-beeld toont wie in de periode "
            "afsloot, naast alle deelnemers met een traject in de periode. Bron van de "
            "indicatoren: " + ESF_SOURCE,
            tuple(esf_tables),
        )

    def _exit_status(self, c: Closure) -> str:
        term = self.vocab["outcomes"].term(c.outcome or "")
        value = term.attrs.get("esf_exit") if term is not None else None
        return (
            str(value)
            if value in ("werkend", "opleiding", "werkzoekend", "inactief")
            else "onbekend"
        )

    def _six_months(self, pid: str, c: Closure) -> str:
        """From the six-month follow-up of this closure (by its id, or its date)."""
        for fu in self.f.follow_ups:
            if fu.person_id != pid or fu.anchor != "afsluiting" or fu.months != 6:
                continue
            if fu.anchor_id != c.event_id and fu.anchor_on != c.on:
                continue
            if fu.done_on is None or fu.done_on > self.w.reference or fu.status is None:
                return "niet_opgevolgd"
            term = self.vocab["follow_up_status"].term(fu.status)
            if term is not None and term.attrs.get("working"):
                return "werkend"
            if term is not None and term.attrs.get("unknown"):
                return "onbekend"
            return "ander"
        return "niet_opgevolgd"


def first_and_latest(
    measurements: Iterable[ZrmFacts], canon: Mapping[str, Mapping[str, str]]
) -> dict[str, tuple[int, int]]:
    """Per canonical ZRM domain with at least two scores: (first, latest) score, in the order
    of `app.domain.zrm.progress` (date, then clock); unscored cells are skipped, nothing is
    invented. The same figures as `progress` (tests check it), without its other work."""
    first: dict[str, int] = {}
    latest: dict[str, int] = {}
    twice: set[str] = set()
    for r in sorted(measurements, key=lambda x: (x.assessed_on, x.order_key)):
        mapping = canon.get(r.edition)
        if mapping is None:
            continue
        levels = r.levels
        for code, domain in mapping.items():
            level = levels.get(code)
            if type(level) is not int:  # unscored (None), or anything that is no level
                continue
            if domain in first:
                twice.add(domain)
            else:
                first[domain] = level
            latest[domain] = level
    return {d: (first[d], latest[d]) for d in twice}


def _with_grid(table: Table, grid: GridSpec) -> Table:
    from dataclasses import replace

    return replace(table, grids=(*table.grids, grid))


def z_editions() -> dict[str, z.Edition]:
    from app.services.zrm import editions

    return editions()


def shift(d: date, days: int) -> date:
    return d + timedelta(days=days)
