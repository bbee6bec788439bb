"""Reports on a small hand-made vault whose every figure is known (tests/db/report_vault.py),
and the exports that leave the team: read back as JSON, CSV, XLSX and PDF text, with small
cells suppressed and nothing recoverable."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from app.domain import suppression as sup
from app.domain.figures import Count, Hidden, Mark, Report, Share, Stat, Table
from app.errors import StorageError, ValidationError
from app.services.field import FieldServices
from app.services.reports import (
    ReportCancelled,
    ReportParams,
    Scope,
    ScopeKind,
    parse_period,
    quarter,
    year,
)
from app.services.vault import OpenVault
from tests.db import report_vault as rv

Y2026 = ReportParams(year(2026))


@pytest.fixture
def ids(field: FieldServices, clock_now: list[datetime]) -> rv.Ids:
    return rv.build(field, clock_now)


def cells(t: Table, row: str) -> list[object]:
    """A row's values as plain numbers (counts), fractions (shares), averages or marks."""
    for r in t.rows:
        if r.key == row:
            out: list[object] = []
            for v in r.values:
                if isinstance(v, Count):
                    out.append(v.value)
                elif isinstance(v, Share):
                    out.append(None if v.value is None else round(v.value, 3))
                elif isinstance(v, Stat):
                    out.append(None if v.value is None else round(v.value, 2))
                elif isinstance(v, Hidden):
                    out.append(v.text())
                else:
                    out.append(None)
            return out
    raise KeyError(row)


def test_every_figure_of_the_hand_made_vault(field: FieldServices, ids: rv.Ids) -> None:
    rep = field.reports.compute(Y2026)
    assert (rep.start, rep.end, rep.reference) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
        date(2026, 11, 20),
    )
    # reach: A, B, C, D, G met in 2026; A, C, G talked; A, C, G became clients
    funnel = rep.table("reach.funnel")
    assert cells(funnel, "new") == [5, 1.0]
    assert cells(funnel, "talk") == [3, 0.6]
    assert cells(funnel, "started") == [3, 0.6]
    places = rep.table("reach.vindplaats")
    assert cells(places, "plek") == [2, 1, 1]
    assert cells(places, "organisatie") == [0, 0, 0]  # E was met there, but in 2025
    assert cells(places, "_doorverwezen") == [2, 1, 1]
    assert cells(places, "_mond_aan_mond") == [1, 1, 1]
    assert cells(places, "total") == [5, 3, 3]
    referral = rep.table("reach.referral")
    assert cells(referral, "ocmw") == [1, 1, 1]
    assert cells(referral, f"org:{ids.vdab}") == [1, 0, 0]
    assert cells(referral, "total") == [2, 1, 1]
    # caseload on 20/11: F closed in 2025 is not in it
    caseload = rep.table("caseload.workers")
    assert cells(caseload, "An") == [2, 1, 0, 1, 4]  # A, B active; E nazorg; G closed
    assert cells(caseload, "Bram") == [0, 0, 1, 1, 2]  # D low flame; C closed
    assert cells(caseload, "total") == [2, 1, 1, 2, 6]
    # phases now: A orientering, B and D bereiken (D on a low flame), E opvolging
    now = rep.table("phases.now")
    assert cells(now, "bereiken") == [2, 0.5, 1]
    assert cells(now, "orientering") == [1, 0.25, 0]
    assert cells(now, "opvolging") == [1, 0.25, 0]
    assert cells(now, "total") == [4, None, 1]
    time = rep.table("phases.time")
    # kennismaking ended in 2026: A 61 and 30 days, C 42, E 198, G 242 → median 61;
    # A stepped back into it on 01/06
    assert cells(time, "kennismaking") == [5, 61, 0, None, 1, 1]
    assert cells(time, "bereiken") == [3, 15, 2, 229, 0, 0]  # now: B 255 d, D 203 d
    assert cells(time, "overdracht") == [1, 92, 0, None, 0, 0]
    assert cells(time, "total")[0] == 10 and cells(time, "total")[4:] == [1, 1]
    # contacts in 2026 (F's of 2025 not): the group contact counts once, with A and G
    contacts = rep.table("contacts.channels")
    assert cells(contacts, "vindplaats") == [1, 1, 0, 0, 2, 2]
    assert cells(contacts, "telefoon") == [1, 0, 1, 0, 2, 2]
    assert cells(contacts, "huisbezoek") == [1, 0, 0, 0, 1, 1]
    assert cells(contacts, "groep") == [1, 0, 0, 0, 1, 2]
    assert cells(contacts, "total") == [4, 1, 1, 0, 6, 5]
    # handovers: C to VDAB on time, A to VDAB not yet due, E to the OCMW without feedback
    receivers = rep.table("handovers.receivers")
    assert cells(receivers, ids.vdab) == [1, 0, 0, 1, 0, 2, 2]
    assert cells(receivers, ids.ocmw) == [0, 0, 1, 0, 0, 1, 1]
    assert cells(rep.table("handovers.types"), "vdab")[:6] == [1, 0, 0, 1, 0, 2]
    # outcomes: C job in the NEC, G a training; F's closure in 2025 does not count
    outcomes = rep.table("outcomes.categories")
    assert cells(outcomes, "job_nec") == [1, 1, 0.5]
    assert cells(outcomes, "opleiding") == [1, 1, 0.5]
    assert cells(outcomes, "niet_haalbaar") == [0, 0, 0.0]
    assert cells(outcomes, "total")[:2] == [2, 2]
    sustain = rep.table("outcomes.sustainability")
    # C's job: the 3-month follow-up falls on 01/12/2026, no result yet
    assert cells(sustain, "job.3") == [0, 0, 0, 0, 0, 0, 1, 1, None]
    # 3 months after the handovers: C still working (same employer), E looking for work
    assert cells(sustain, "overdracht.3") == [1, 0, 0, 1, 0, 0, 0, 2, 0.5]
    assert [r.key for r in sustain.rows] == ["job.3", "overdracht.3"]  # G's fall in 2027
    # ZRM: E from 2 to 4 (financiën) and 1 to 3 (huisvesting); A measured once
    zuid, noord, both = (rep.table(k) for k in ("zrm.team.Zuid", "zrm.team.Noord", "zrm.all"))
    assert cells(zuid, "financien") == [1, 2.0, 4.0, 2.0]
    assert cells(zuid, "huisvesting") == [1, 1.0, 3.0, 2.0]
    assert cells(zuid, "werk_opleiding") == [1, 2.0, 2.0, 0.0]
    assert cells(noord, "financien") == [0, None, None, None]
    assert both.rests_on == Count(2) and noord.rests_on == Count(1)
    # drempels of the caseload (F's is not): huisvesting for A and E, financiën solved
    drempels = rep.table("drempels.domains")
    assert cells(drempels, "huisvesting") == [1, 1, 0, 0, 2, 2, 0.333]
    assert cells(drempels, "financien") == [0, 0, 0, 1, 1, 0, 0.0]
    assert cells(drempels, "werk") == [0, 0, 0, 0, 0, 0, 0.0]
    # signals of 2026 (the one of 2025 not)
    themes = rep.table("signals.themes")
    assert cells(themes, "wachtlijst") == [1, 1, 0, 2, 4, 1]
    assert cells(themes, "taal") == [0, 0, 0, 0, 0, 0]
    orgs = rep.table("signals.organisations")
    assert cells(orgs, f"org:{ids.ocmw}") == [1]
    assert cells(orgs, "txt:huisvestingsmaatschappij") == [1]
    # ESF: participants A, C, E, G (F closed before 2026; B, D no client); closed: C, G
    gender = rep.table("esf.gender")
    assert cells(gender, "vrouw") == [1, 0.25, 1, 0.5]
    assert cells(gender, "niet_gevraagd") == [3, 0.75, 1, 0.5]
    assert cells(gender, "total") == [4, None, 2, None]
    age = rep.table("esf.age")  # A 36, C 61, E unknown, G 26 at the start
    assert [cells(age, k)[0] for k in ("jonger_30", "30_54", "55_plus", "onbekend")] == [
        1,
        1,
        1,
        1,
    ]
    assert cells(rep.table("esf.labour_status"), "langdurig_werkloos") == [1, 0.25, 1, 0.5]
    assert cells(rep.table("esf.homeless"), "ja") == [1, 0.25, 1, 0.5]
    leaving = rep.table("esf.exit")
    assert cells(leaving, "werkend") == [1, 0.25, 1, 0.5]  # the difference ESF makes
    assert cells(leaving, "opleiding") == [1, 0.25, 1, 0.5]
    assert cells(leaving, "loopt") == [2, 0.5, 0, 0.0]
    six = rep.table("esf.six_months")
    assert cells(six, "niet_opgevolgd") == [2, 0.5, 2, 1.0]  # G's six-month check: 2027


def test_follow_ups_are_planned_after_closures_handovers_and_for_esf(
    field: FieldServices, ids: rv.Ids
) -> None:
    terms = {
        (f.anchor, f.months, f.due_on)
        for pid in (ids.c, ids.g)
        for f in field.trajectory.view(pid).follow_ups
    }
    # C: after the handover held 10/06 and the job from 01/09 (3, 12, 24 months)
    assert ("overdracht", 3, date(2026, 9, 10)) in terms
    assert ("afsluiting", 24, date(2028, 9, 1)) in terms
    # G has ESF+ data: the training closure on 01/10 also gets the six-month follow-up
    assert ("afsluiting", 6, date(2027, 4, 1)) in terms
    assert ("afsluiting", 6, date(2027, 3, 1)) not in terms  # not for C: no ESF+ data
    # a job start planned by hand
    made = field.follow_ups.plan(ids.a, "job_start", date(2026, 11, 18))
    assert len(made) == 3
    with pytest.raises(ValidationError, match="al gepland"):
        field.follow_ups.plan(ids.a, "job_start", date(2026, 11, 18))
    with pytest.raises(ValidationError, match="toekomst"):
        field.follow_ups.record(made[0], rv_result("werkt_zelfde", date(2026, 12, 1)))


def rv_result(status: str, on: date):  # type: ignore[no-untyped-def]
    from app.services.follow_ups import FollowUpResult

    return FollowUpResult(status, on)


def test_scope_team_and_worker(field: FieldServices, ids: rv.Ids, vault: OpenVault) -> None:
    zuid = field.reports.compute(ReportParams(year(2026), Scope(ScopeKind.TEAM, "Zuid")))
    assert cells(zuid.table("caseload.workers"), "total") == [0, 1, 1, 0, 2]  # E and D
    assert cells(zuid.table("reach.funnel"), "new") == [1, 1.0]  # D
    assert cells(zuid.table("signals.themes"), "total")[3] == 0  # signals of 2026: Noord
    bram = field.reports.compute(ReportParams(year(2026), Scope(worker="Bram")))
    assert cells(bram.table("caseload.workers"), "total") == [0, 0, 1, 1, 2]
    mine = field.reports.compute(ReportParams(year(2026), Scope(ScopeKind.MINE)))
    assert cells(mine.table("caseload.workers"), "total") == [2, 1, 0, 1, 4]
    assert mine.scope_label == "Mijn caseload (An)"


def test_a_past_quarter_sees_the_states_of_then(field: FieldServices, ids: rv.Ids) -> None:
    q2 = field.reports.compute(ReportParams(quarter(2026, 2)))
    assert q2.reference == date(2026, 6, 30)
    # on 30/06: A back in kennismaking, B and C? C in overdracht, D low flame, E nazorg, G
    # in kennismaking; nobody closed in the quarter
    now = q2.table("phases.now")
    assert cells(now, "kennismaking")[0] == 2  # A, G
    assert cells(now, "overdracht")[0] == 1  # C
    assert cells(q2.table("caseload.workers"), "total")[3] == 0
    assert cells(q2.table("reach.funnel"), "new")[0] == 2  # C (05/04) and D (01/05)


def test_periods_parse_and_refuse() -> None:
    assert parse_period("2025") == year(2025)
    assert parse_period("2025-q2") == quarter(2025, 2)
    assert parse_period("2025-02").end == date(2025, 2, 28)
    assert parse_period("2025-03-01..2025-05-31").label == "01/03/2025 – 31/05/2025"
    assert quarter(2025, 4).label == "4e kwartaal 2025"
    for bad in ("vorig jaar", "2025-13", "2025-06-01..2025-01-01", "2025-Q5"):
        with pytest.raises(ValidationError):
            parse_period(bad)


def test_compute_reports_progress_and_stops_when_asked(field: FieldServices, ids: rv.Ids) -> None:
    seen: list[tuple[int, int, str]] = []
    field.reports.compute(Y2026, progress=lambda d, t, what: seen.append((d, t, what)))
    assert seen[0][:2] == (0, 12) and seen[-1] == (12, 12, "Klaar")
    calls = [0]

    def stop() -> bool:
        calls[0] += 1
        return calls[0] > 3

    with pytest.raises(ReportCancelled):
        field.reports.compute(Y2026, should_stop=stop)


# --- exports ----------------------------------------------------------------------------------


def _count(v: object) -> int:
    """A grid cell of the exact report: always a count."""
    assert isinstance(v, Count), v
    return v.value


def _all_hidden_protected(rep: Report, exact: Report, threshold: int) -> None:
    """Every small count is hidden in the export, and no hidden small count of a grid can be
    computed back from what is shown (brute force, as a reader would)."""
    from tests.unit.test_suppression import alternative_exists

    for t, e in zip(rep.tables(), exact.tables(), strict=True):
        for r, (row, erow) in enumerate(zip(t.rows, e.rows, strict=True)):
            for c, (v, ev) in enumerate(zip(row.values, erow.values, strict=True)):
                if isinstance(ev, Count) and ev.value < threshold:
                    assert isinstance(v, Hidden) and v.mark is Mark.SMALL, (t.key, r, c)
                if isinstance(v, Count):
                    assert v.value >= threshold
        for g in e.grids:
            cells_ = tuple(tuple(_count(e.rows[r].values[c]) for c in g.cols) for r in g.rows)
            grid = sup.Grid(cells_, g.total_col is not None, g.total_row is not None)
            mapping = {}
            for i, r in enumerate(g.rows):
                for j, c in enumerate(g.cols):
                    mapping[(i, j)] = (r, c)
                if g.total_col is not None:
                    mapping[(i, len(g.cols))] = (r, g.total_col)
            if g.total_row is not None:
                for j, c in enumerate(g.cols):
                    mapping[(len(g.rows), j)] = (g.total_row, c)
                if g.total_col is not None:
                    mapping[(len(g.rows), len(g.cols))] = (g.total_row, g.total_col)
            hidden = {}
            for gcell, (r, c) in mapping.items():
                v = t.rows[r].values[c]
                if isinstance(v, Hidden):
                    hidden[gcell] = (
                        sup.State.PRIMARY if v.mark is Mark.SMALL else sup.State.SECONDARY
                    )
            if len(hidden) > 12:
                continue  # brute force too slow; the unit tests cover the search itself
            for gcell, state in hidden.items():
                if state is sup.State.PRIMARY:
                    assert alternative_exists(grid, hidden, gcell, threshold), (t.key, gcell)


def test_exports_suppress_small_cells_and_nothing_is_recoverable(
    field: FieldServices, ids: rv.Ids
) -> None:
    exact = field.reports.compute(Y2026)
    for threshold in (3, 5):
        field.report_settings.set_threshold(threshold)
        rep = field.reports.suppressed(exact)
        assert rep.suppressed_threshold == threshold
        _all_hidden_protected(rep, exact, threshold)
    field.report_settings.set_threshold(3)
    contacts = field.reports.suppressed(exact).table("contacts.channels")
    # every channel is small, so only the totals of 4 reached and 6 contacts can stay
    assert cells(contacts, "huisbezoek") == ["<3"] * 6
    assert cells(contacts, "total")[0] == 4


def test_export_formats_read_back(field: FieldServices, ids: rv.Ids, tmp_path: Path) -> None:
    field.report_settings.set_threshold(3)
    before = field.context.audit.count()
    paths = {fmt: tmp_path / f"rapport.{fmt}" for fmt in ("pdf", "xlsx", "csv", "json")}
    for fmt, path in paths.items():
        field.reports.export(Y2026, fmt, path)
        assert path.stat().st_mode & 0o077 == 0  # private to the user
    assert field.context.audit.count() == before + 4
    events = [e for e in field.context.audit.entries(10) if e.event == "report_exported"]
    assert {e.detail.split()[0] for e in events if e.detail} == {"pdf", "xlsx", "csv", "json"}
    assert all("Ayla" not in (e.detail or "") for e in events)
    # JSON: every figure with its denominator
    doc = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert doc["format"] == "brugfiguur-report" and doc["suppression"] == {"threshold": 3}
    tables = {t["key"]: t for s in doc["sections"] for t in s["tables"]}
    funnel = {r["key"]: r["cells"] for r in tables["reach.funnel"]["rows"]}
    assert funnel["new"]["people"] == {"value": 5, "unit": "mensen", "denominator": 5,
                                        "denominator_unit": "nieuwe voorcontacten"}  # fmt: skip
    assert funnel["talk"]["share"] == {"value": 0.6, "numerator": 3, "denominator": 5}
    caseload = {r["key"]: r["cells"] for r in tables["caseload.workers"]["rows"]}
    # Bram's 2 is small; An's 4 is hidden too, or 6 - 4 would give it away
    assert caseload["Bram"]["total"] == {"value": None, "hidden": "<3"}
    assert caseload["An"]["total"] == {"value": None, "hidden": "x"}
    assert caseload["total"]["total"] == {"value": 6, "unit": "mensen", "denominator": 6}
    assert caseload["An"]["nazorg"] == {"value": None, "hidden": "<3"}
    for t in tables.values():
        for r in t["rows"]:
            for cell in r["cells"].values():
                assert (
                    "hidden" in cell
                    or cell["value"] is None
                    or "denominator" in cell
                    or ("rests_on" in cell)
                )
    text = paths["json"].read_text(encoding="utf-8")
    for name in ("Ayla", "Peeters", "Cleo", "Gust", "Aerts"):
        assert name not in text
    # CSV: one figure per line, semicolons, a BOM
    raw = paths["csv"].read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == ["onderdeel", "tabel", "rij", "kolom", "waarde", "noemer", "eenheid"]
    line = next(
        r for r in rows if r[1] == "Caseload per werker" and r[2] == "Totaal" and r[3] == "totaal"
    )
    assert line[4:6] == ["6", "6"]
    assert any(r[4] == "<3" for r in rows[2:])
    # XLSX: numbers are numbers, hidden cells their mark
    from openpyxl import load_workbook

    wb = load_workbook(paths["xlsx"])
    assert wb.sheetnames[0] == "Overzicht"
    assert "VERTROUWELIJK" in wb["Overzicht"]["A2"].value
    sheet = wb["Caseload per werker"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    an = next(v for v in values if v and v[0] == "An")
    assert an[1:6] == ["<3", "<3", "<3", "<3", "x"]
    total = next(v for v in values if v and v[0] == "Totaal")
    assert total[5] == 6 and isinstance(total[5], int)
    # PDF: marked, dated, with period and scope; no names
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(paths["pdf"]), "-"], capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip
    assert "VERTROUWELIJK" in pdf and "Teamrapport" in pdf
    assert "01/01/2026 – 31/12/2026" in pdf and "Alle teams op dit toestel" in pdf
    assert "Verordening (EU) 2021/1057" in pdf
    assert "Rust op" in pdf and "<3" in pdf
    for name in ("Ayla", "Peeters", "Cleo", "Gust"):
        assert name not in pdf
    # an existing file is never overwritten
    with pytest.raises(StorageError):
        field.reports.export(Y2026, "pdf", paths["pdf"])


def test_an_older_follow_up_payload_is_read_as_a_closure_follow_up() -> None:
    from app.domain.hlc import Stamp
    from app.models import Person
    from app.sync.apply import PayloadError, parse_payload

    fields = {
        "person_id": "p", "months": 3, "due_on": "2025-03-01", "done_on": "2025-03-02",
        "result": "werkt nog", "deleted": False,
    }  # fmt: skip
    old, new = Stamp(1_700_000_000_000, 0, "0a1b").encode(), Stamp(1_700_000_500_000, 0, "0a1b")
    clocks = dict.fromkeys(fields, old)
    clocks["done_on"] = new.encode()
    payload = {
        "fields": fields,
        "clocks": clocks,  # expanded, as an older device wrote them
        "meta": dict.fromkeys(("created_at", "created_by", "updated_at", "updated_by"), "x"),
    }
    inc = parse_payload("follow_up", "f", "r", (), payload)
    assert inc.fields["anchor"] == "afsluiting" and inc.fields["status"] == "onbekend"
    assert inc.fields["anchor_id"] is None and inc.fields["result"] == "werkt nog"
    assert inc.clocks["anchor"] == old and inc.clocks["status"] == old  # the oldest stamp
    # a person from before structured referral sources: free text is "andere"
    person: dict[str, object] = {
        name: None for name in Person.__sync_fields__ if not name.startswith("referral_k")
    }
    person.pop("referral_organisation_id")
    person.update(alias="Zoë", first_met_on="2025-01-01", first_met_how="doorverwijzing",
                  referral_source="De buurvrouw", is_client=False, languages=[],
                  interpreter_needed=False, radar_status="onbekend", target_groups=[],
                  deleted=False)  # fmt: skip
    inc = parse_payload("person", "p", "r", (), {**payload, "fields": person, "clocks": {"*": old}})
    assert (
        inc.fields["referral_kind"] == "andere" and inc.fields["referral_organisation_id"] is None
    )
    # a payload missing a field that has no upgrade is still refused
    broken = {k: v for k, v in fields.items() if k != "due_on"}
    with pytest.raises(PayloadError):
        parse_payload(
            "follow_up", "f", "r", (), {**payload, "fields": broken, "clocks": {"*": old}}
        )


# --- group work --------------------------------------------------------------------------------


def test_group_participation_counts_sessions_attendance_and_headcounts(
    field: FieldServices, ids: rv.Ids
) -> None:
    before = field.reports.compute(Y2026).table("contacts.channels")
    rv.add_groups(field, ids)
    rep = field.reports.compute(Y2026)
    t = rep.table("groups.participation")
    assert [r.label for r in t.rows] == ["Jobclub", "Kookatelier", "Totaal"]
    # sessions held in 2026, attendances, people who came at least once, unregistered
    assert cells(t, t.rows[0].key) == [2, 3, 2, 2]  # Ayla twice and Gust; not 21/09 or 2025
    assert cells(t, t.rows[1].key) == [2, 1, 1, 3]  # a session of unregistered people only
    assert cells(t, "total") == [4, 4, 3, 5]
    assert t.rests_on == Count(3, "groups.people")
    # Each noted session of a group with people enrolled is a group contact moment (the
    # absent on it too, as absent), counted once in the contacts: four in 2026.
    now_reached = cells(rep.table("contacts.channels"), "groep")[0]
    before_reached = cells(before, "groep")[0]
    assert isinstance(now_reached, int) and isinstance(before_reached, int)
    assert now_reached == before_reached + 4

    def scoped(scope: Scope) -> list[list[object]]:
        table = field.reports.compute(ReportParams(year(2026), scope)).table("groups.participation")
        return [[r.label, *cells(table, r.key)] for r in table.rows]

    # An's caseload (Ayla, Bert, Emre, Gust): the Jobclub only
    assert scoped(Scope(ScopeKind.MINE)) == [
        ["Jobclub", 2, 3, 2, 2],
        ["Totaal", 2, 3, 2, 2],
    ]
    # Bram's people (Cleo, Dani): the Kookatelier, which Bram organises, with Cleo once
    assert scoped(Scope(worker="Bram")) == [
        ["Kookatelier", 2, 1, 1, 3],
        ["Totaal", 2, 1, 1, 3],
    ]
    # Team Zuid (Dani, Emre): nobody came to anything
    assert scoped(Scope(ScopeKind.TEAM, "Zuid")) == [["Totaal", 0, 0, 0, 0]]
    # A quarter without sessions, and 2025 with the one session of December
    q3 = field.reports.compute(ReportParams(quarter(2026, 4))).table("groups.participation")
    assert cells(q3, "total") == [2, 1, 1, 3]
    old = field.reports.compute(ReportParams(year(2025))).table("groups.participation")
    assert cells(old, "total") == [1, 1, 1, 0]


def test_group_participation_leaves_the_team_suppressed(field: FieldServices, ids: rv.Ids) -> None:
    rv.add_groups(field, ids)
    exact = field.reports.compute(Y2026)
    field.report_settings.set_threshold(3)
    out = field.reports.suppressed(exact)
    t = out.table("groups.participation")
    # Sessions 2 + 2 = 4 would give both back: the total goes. Attendances 3 + 1: the 3
    # would give the 1 back. Unregistered 2 + 3: the 3 would give the 2 back. The people
    # column does not add up (one person may come to two groups): only its small cells go.
    assert cells(t, t.rows[0].key) == ["<3", "x", "<3", "<3"]
    assert cells(t, t.rows[1].key) == ["<3", "<3", "<3", "x"]
    assert cells(t, "total") == ["x", 4, 3, 5]
    _all_hidden_protected(out, exact, 3)
