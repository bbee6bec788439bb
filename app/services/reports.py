"""Reports for the team and its funders, computed where the data is decrypted: on a
coordinator's laptop for the teams it holds, on a worker's laptop for their own caseload.

`ReportService.compute` reads the facts (`reports_queries`), builds the tables
(`reports_tables`) and returns a `Report` with exact figures for the screen. `export` writes
what may leave the team: small counts suppressed (`app.domain.figures.suppress`), as PDF,
XLSX, CSV or JSON, straight to the chosen path, audited. Long work reports progress and can
be stopped between steps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from app.domain.figures import Report, Section, suppress
from app.domain.trajectory import add_months
from app.errors import BrugfiguurError, ValidationError
from app.fsutil import write_new_file
from app.services import reports_queries as q
from app.services.audit import AuditEvent
from app.services.base import FieldContext
from app.services.report_settings import ReportSettings
from app.services.reports_tables import DEFINITIONS, ESF_SOURCE, Facts, Tables, Window
from app.services.trajectory import phase_order

FORMATS = ("pdf", "xlsx", "csv", "json")


class ReportCancelled(BrugfiguurError):
    code = "cancelled"  # stopped on request (app.qt.operations treats it as a cancel)

    def __init__(self) -> None:
        super().__init__("Het rapport werd gestopt; er werd niets bewaard.")


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        s, e = self.start, self.end
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
            return str(s.year)
        if s.day == 1 and e == add_months(s, 3) - timedelta(days=1) and s.month in (1, 4, 7, 10):
            return f"{(s.month - 1) // 3 + 1}e kwartaal {s.year}"
        if s.day == 1 and e == add_months(s, 1) - timedelta(days=1):
            return f"{MONTHS[s.month - 1]} {s.year}"
        return f"{s:%d/%m/%Y} – {e:%d/%m/%Y}"


MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31))


def quarter(y: int, n: int) -> Period:
    start = date(y, 3 * (n - 1) + 1, 1)
    return Period(start, add_months(start, 3) - timedelta(days=1))


def month(y: int, m: int) -> Period:
    start = date(y, m, 1)
    return Period(start, add_months(start, 1) - timedelta(days=1))


_ISO = r"\d{4}-\d{2}-\d{2}"


def parse_period(text: str) -> Period:
    """`2025`, `2025-Q2`, `2025-03` or `2025-01-01..2025-06-30` (ISO dates, both included)."""
    s = text.strip()
    try:
        if re.fullmatch(r"\d{4}", s):
            return year(int(s))
        if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", s):
            return quarter(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", s):
            return month(int(m[1]), int(m[2]))
        if m := re.fullmatch(rf"({_ISO})\.\.({_ISO})", s):
            start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
            if end < start:
                raise ValidationError("De periode eindigt vóór ze begint.", field="period")
            if (end - start).days > 366 * 10:
                raise ValidationError("Kies een periode van hoogstens tien jaar.", field="period")
            return Period(start, end)
    except ValueError:
        pass
    raise ValidationError(
        f"'{text}' is geen periode. Gebruik bv. 2025, 2025-Q2, 2025-03 of 2025-01-01..2025-06-30.",
        field="period",
    )


class ScopeKind(StrEnum):
    ALL = "all"  # everyone this laptop holds (the teams a coordinator belongs to)
    TEAM = "team"
    MINE = "mine"  # my own caseload


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind = ScopeKind.ALL
    team: str | None = None
    worker: str | None = None  # filter within the scope

    def label(self, my_name: str | None) -> str:
        if self.kind is ScopeKind.MINE:
            base = f"Mijn caseload ({my_name})" if my_name else "Mijn caseload"
        elif self.kind is ScopeKind.TEAM:
            base = f"Team {self.team}" if self.team else "Mensen zonder team"
        else:
            base = "Alle teams op dit toestel"
        if self.worker is not None and self.kind is not ScopeKind.MINE:
            base += f", werker {self.worker or '(geen werker)'}"
        return base


@dataclass(frozen=True)
class ReportParams:
    period: Period
    scope: Scope = Scope()
    esf_only: bool = False


@dataclass(frozen=True)
class ReportOptions:
    teams: tuple[str, ...]
    workers: tuple[str, ...]
    my_name: str | None
    threshold: int


def report_params(
    period: str | None,
    team: str | None,
    worker: str | None,
    esf_only: bool,
    *,
    today: date,
) -> ReportParams:
    """What the command line asks for: a period text (default: this year), a team, a worker."""
    chosen = parse_period(period) if period else year(today.year)
    scope = Scope(ScopeKind.TEAM, team, worker) if team is not None else Scope(worker=worker)
    return ReportParams(chosen, scope, esf_only=esf_only)


Progress = Callable[[int, int, str], None]
ShouldStop = Callable[[], bool]

STEPS = (
    "Gegevens lezen",
    "Bereik",
    "Caseload",
    "Fasen",
    "Contactmomenten",
    "Groepswerk",
    "Overdrachten",
    "Uitkomsten",
    "Zelfredzaamheidsmatrix",
    "Drempels",
    "Signalen",
    "ESF+",
)


class ReportService:
    def __init__(self, fc: FieldContext, settings: ReportSettings) -> None:
        self._fc = fc
        self._settings = settings

    def options(self) -> ReportOptions:
        with self._fc.ctx.read() as s:
            teams, workers = q.teams_and_workers(s)
            me = q.my_worker_name(s, self._fc.ctx.device.worker_id)
        return ReportOptions(tuple(teams), tuple(workers), me, self._settings.threshold())

    def default_period(self) -> Period:
        return year(self._fc.today().year)

    # --- computing ---------------------------------------------------------------------------
    def compute(
        self,
        params: ReportParams,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
    ) -> Report:
        """The report with exact figures (for the screen inside the team)."""
        fc = self._fc
        total = 2 if params.esf_only else len(STEPS)

        def step(i: int) -> None:
            if should_stop is not None and should_stop():
                raise ReportCancelled()
            if progress is not None:
                progress(i, total, STEPS[i] if not params.esf_only or i == 0 else "ESF+")

        today = fc.today()
        period = params.period
        w = Window(period.start, period.end, min(period.end, today))
        step(0)
        sigs: list[q.SignalFacts] = []
        sessions: list[q.GroupSessionFacts] = []
        with fc.ctx.read() as s:
            me = q.my_worker_name(s, fc.ctx.device.worker_id)
            if params.scope.kind is ScopeKind.MINE and not me:
                raise ValidationError(
                    "Uw profiel als werker is nog niet ingevuld: zonder naam is 'mijn "
                    "caseload' niet te bepalen.",
                    field="scope",
                )
            everyone = q.people(s)
            people = {pid: p for pid, p in everyone.items() if self._in_scope(p.member, params, me)}
            facts = Facts(
                people=people,
                events={pid: ev for pid, ev in q.phase_events(s).items() if pid in people},
                follow_ups=q.follow_ups(s),
                esf=q.esf_profiles(s),
            )
            if not params.esf_only:
                new = [p.id for p in people.values() if w.start <= p.first_met_on <= w.end]
                facts.vindplaats_types = q.vindplaats_types(s)
                facts.organisations = q.organisation_names(s)
                facts.reached = q.reached_by(s, new, w.end)
                facts.contacts = q.contact_counts(s, w.start, w.end, self._filter(params, me))
                facts.handovers = q.handovers(s)
                facts.drempels = q.drempels(s)
                facts.zrm = q.zrm(s, w.start, w.end)
                sigs = [
                    x for x in q.signals(s, w.start, w.end) if self._signal_in_scope(x, params, me)
                ]
                sessions = self._groups_in_scope(
                    q.group_sessions(s, w.start, w.end), people, params, me
                )
        tables = Tables(facts, w, fc.vocab, phase_order(fc.vocab))
        sections: list[Section] = []
        if params.esf_only:
            step(1)
            sections.append(tables.esf())
        else:
            step(1)
            sections.append(tables.reach())
            step(2)
            caseload_section, caseload = tables.caseload()
            sections.append(caseload_section)
            step(3)
            sections.append(tables.phases())
            step(4)
            sections.append(tables.contacts())
            step(5)
            sections.append(tables.groups(sessions))
            step(6)
            sections.append(tables.handovers())
            step(7)
            sections.append(tables.outcomes())
            step(8)
            sections.append(tables.zrm())
            step(9)
            sections.append(tables.drempels(caseload))
            step(10)
            sections.append(tables.signals(sigs))
            step(11)
            sections.append(tables.esf())
        if progress is not None:
            progress(total, total, "Klaar")
        title = "ESF+-rapport" if params.esf_only else "Teamrapport"
        return Report(
            title=title,
            start=period.start,
            end=period.end,
            reference=w.reference,
            period_label=period.label,
            scope_label=params.scope.label(me),
            generated_on=today,
            sections=tuple(sections),
            definitions=DEFINITIONS,
            sources=(ESF_SOURCE,),
        )

    @staticmethod
    def _filter(params: ReportParams, me: str | None) -> q.ScopeFilter:
        scope = params.scope
        if scope.kind is ScopeKind.MINE:
            return q.ScopeFilter(worker=me or "")
        team = (scope.team or "") if scope.kind is ScopeKind.TEAM else None
        return q.ScopeFilter(team, scope.worker)

    @staticmethod
    def _in_scope(member: q.Member, params: ReportParams, me: str | None) -> bool:
        scope = params.scope
        if scope.kind is ScopeKind.MINE:
            return member.worker == me
        if scope.kind is ScopeKind.TEAM and member.team != (scope.team or ""):
            return False
        return scope.worker is None or member.worker == scope.worker

    @staticmethod
    def _signal_in_scope(x: q.SignalFacts, params: ReportParams, me: str | None) -> bool:
        scope = params.scope
        if scope.kind is ScopeKind.MINE:
            return x.noted_by == me
        if scope.kind is ScopeKind.TEAM and x.team != (scope.team or ""):
            return False
        return scope.worker is None or x.noted_by == scope.worker

    @staticmethod
    def _groups_in_scope(
        sessions: list[q.GroupSessionFacts],
        people: Mapping[str, q.PersonFacts],
        params: ReportParams,
        me: str | None,
    ) -> list[q.GroupSessionFacts]:
        """Every group for all teams; otherwise the groups someone in scope came to, or that
        the worker in scope organises (a group of unregistered participants only)."""
        scope = params.scope
        if scope.kind is ScopeKind.ALL and scope.worker is None:
            return sessions
        worker = me if scope.kind is ScopeKind.MINE else scope.worker
        groups = {
            x.group_id
            for x in sessions
            if any(pid in people for pid in x.attended)
            or (worker is not None and x.organiser == worker)
        }
        return [x for x in sessions if x.group_id in groups]

    def suppressed(self, report: Report) -> Report:
        """What may leave the team (the organisation's threshold)."""
        return suppress(report, self._settings.threshold())

    # --- exporting ---------------------------------------------------------------------------
    def export(
        self,
        params: ReportParams,
        fmt: str,
        out: Path,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
    ) -> Report:
        """Compute, suppress small cells and write `out` (which must not exist); audited.
        Returns the report as written."""
        if fmt not in FORMATS:
            raise ValidationError(
                f"Onbekend formaat {fmt}: kies pdf, xlsx, csv of json.", field="format"
            )
        report = self.suppressed(self.compute(params, progress, should_stop))
        if should_stop is not None and should_stop():
            raise ReportCancelled()
        data = render(report, fmt)
        write_new_file(Path(out), data)
        scope = params.scope.kind.value + (" +werker" if params.scope.worker else "")
        self._fc.audit.record(
            AuditEvent.REPORT_EXPORTED,
            record_type="report",
            detail=f"{fmt} {report.start.isoformat()}..{report.end.isoformat()} {scope}"
            + (" esf" if params.esf_only else ""),
        )
        return report


def render(report: Report, fmt: str) -> bytes:
    """The bytes of an export in `fmt` (the report is suppressed already)."""
    if fmt == "pdf":
        from app.documents.report_pdf import build_report_pdf

        return build_report_pdf(report)
    if fmt == "xlsx":
        from app.documents.report_tabular import report_xlsx

        return report_xlsx(report)
    if fmt == "csv":
        from app.documents.report_tabular import report_csv

        return report_csv(report)
    from app.documents.report_tabular import report_json

    return report_json(report)


__all__ = [
    "FORMATS",
    "Period",
    "ReportCancelled",
    "ReportOptions",
    "ReportParams",
    "ReportService",
    "Scope",
    "ScopeKind",
    "month",
    "parse_period",
    "quarter",
    "render",
    "report_params",
    "year",
]
