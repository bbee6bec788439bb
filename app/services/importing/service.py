"""The import use case: look at a file, map it, check every row, import in one transaction.

A run reads the file row by row, plans each row (new record, update, unchanged, or skipped
for a problem), and, unless it is a check, writes the planned records through the record
writer — revisions, field clocks and outbox entries, so imported records sync, count in
reports and can be exported and erased like any other — with the local indexes rebuilt once
at the end and an audit entry. All of it is one transaction: a cancelled, failed or refused
import (a problem row when the user chose "all or nothing") leaves the vault as it was.
Vocabulary terms the user chose to add are written to the organisation's vocabulary files
first and put back when the transaction does not commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from app.domain import import_values as cv
from app.domain.import_kinds import (
    FieldSpec,
    FieldType,
    Kind,
    KindSpec,
    match_header,
    missing_fields,
    spec,
    suggest_mapping,
    value_key,
)
from app.domain.vocab import Vocabularies
from app.errors import BrugfiguurError
from app.fsutil import write_atomic
from app.services import vocabularies
from app.services.audit import AuditEvent
from app.services.base import FieldContext
from app.services.importing.contacts import AgreementsImporter, ContactsImporter
from app.services.importing.mapping import (
    ImportMapping,
    load_mapping,
    parse_mapping,
    vocabularies_with,
)
from app.services.importing.people import PeopleImporter
from app.services.importing.places import PartnersImporter, VindplaatsenImporter
from app.services.importing.rows import Action, Env, Plan, PreviewRow, Problem, Row
from app.services.importing.sources import Source, SourceInfo, open_source

BATCH = 1000
PREVIEW_ROWS = 25
MAX_PROBLEMS = 5000
STOP_EVERY = 100

Progress = Callable[[int, int | None], None]
ShouldStop = Callable[[], bool]


class ImportCancelled(BrugfiguurError):
    def __init__(self) -> None:
        super().__init__("De import werd gestopt. Er werd niets veranderd.")


class ImportRefused(BrugfiguurError):
    """The mapping lacks what every row needs (Dutch message)."""


class _RollBack(Exception):
    """Internal: end the transaction without committing (all or nothing, with problems)."""


class Importer(Protocol):
    def load(self, s: Session) -> None: ...
    def plan(self, s: Session, row: Row) -> Plan | None: ...
    def write(self, s: Session, plans: list[Plan]) -> None: ...
    def finish(self, s: Session) -> None: ...


IMPORTERS: dict[Kind, Callable[[Env], Importer]] = {
    Kind.PEOPLE: PeopleImporter,
    Kind.CONTACTS: ContactsImporter,
    Kind.AGREEMENTS: AgreementsImporter,
    Kind.VINDPLAATSEN: VindplaatsenImporter,
    Kind.PARTNERS: PartnersImporter,
}


@dataclass(frozen=True)
class Inspection:
    """A file as the wizard's first steps show it."""

    info: SourceInfo
    mapping: ImportMapping  # the suggested (or given) column mapping
    samples: tuple[tuple[str, ...], ...]  # first values per column


@dataclass(frozen=True)
class ValueUse:
    raw: str
    count: int
    code: str | None
    how: str  # see ValueMatch.how; "" = unknown


@dataclass(frozen=True)
class ValueColumn:
    field: str
    label: str
    vocabulary: str
    terms: tuple[tuple[str, str], ...]  # (code, label) the user may choose, active ones
    values: tuple[ValueUse, ...]

    @property
    def unknown(self) -> int:
        return sum(1 for v in self.values if v.code is None)


@dataclass(frozen=True)
class ImportReport:
    kind: Kind
    written: bool  # the vault changed
    rows: int
    created: int
    updated: int
    unchanged: int
    skipped: int
    problems: tuple[Problem, ...]
    problem_total: int
    preview: tuple[PreviewRow, ...]
    refused: bool = False  # all or nothing, and some rows had problems
    details: tuple[str, ...] = ()

    @property
    def blocking(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.blocking)

    @property
    def importable(self) -> int:
        return self.created + self.updated


@dataclass
class _Tally:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_total: int = 0
    preview: list[PreviewRow] = field(default_factory=list)

    def add_problems(self, problems: list[Problem]) -> None:
        self.problem_total += len(problems)
        room = MAX_PROBLEMS - len(self.problems)
        if room > 0:
            self.problems.extend(problems[:room])


def _known(kind: KindSpec) -> Callable[[str], bool]:
    return lambda header: match_header(kind, header, close=False) is not None


def _example_row(kind: KindSpec, cells: dict[str, cv.Cell]) -> bool:
    """The template's example row, left in as it was: every column the template gives an
    example for holds exactly that example."""
    examples = [f for f in kind.fields if f.example]
    if not all(f.key in cells and cells[f.key] is not None for f in examples):
        return False
    return all(value_key(f.example) == value_key(cv.shown(cells[f.key])) for f in examples)


class ImportService:
    def __init__(self, fc: FieldContext, data_dir: Path | None) -> None:
        self._fc = fc
        self._data_dir = data_dir

    # --- looking at a file ----------------------------------------------------------------------
    def open(self, path: Path, mapping: ImportMapping) -> Source:
        return open_source(
            path, sheet=mapping.sheet, header_row=mapping.header_row, known=_known(mapping.spec)
        )

    def inspect(
        self,
        path: Path,
        kind: Kind,
        *,
        sheet: str | None = None,
        header_row: int | None = None,
        given: ImportMapping | None = None,
    ) -> Inspection:
        """Open the file, find its header and suggest the mapping of its columns. With a
        saved mapping (`given`), its choices win and new columns are suggested."""
        k = spec(kind)
        base = given or ImportMapping(kind)
        sheet = sheet if sheet is not None else base.sheet
        header_row = header_row if header_row is not None else base.header_row
        with open_source(path, sheet=sheet, header_row=header_row, known=_known(k)) as source:
            samples = tuple(tuple(x) for x in source.samples())
        suggested = suggest_mapping(k, source.info.columns)
        if given is not None:
            taken = {f for h, f in given.columns.items() if f and h in source.info.columns}
            for header in source.info.columns:
                if header in given.columns:
                    suggested[header] = given.columns[header]
                elif suggested[header] in taken:
                    suggested[header] = None
        columns = {h: suggested[h] for h in source.info.columns}
        mapping = ImportMapping(
            kind,
            columns,
            base.values,
            base.defaults,
            base.new_terms,
            base.possible_duplicates,
            source.info.sheet if sheet is not None else None,
            header_row,
        )
        return Inspection(source.info, mapping, samples)

    def missing(self, mapping: ImportMapping) -> list[str]:
        return missing_fields(mapping.spec, mapping.mapped(), mapping.defaults)

    def value_columns(
        self,
        path: Path,
        mapping: ImportMapping,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
    ) -> list[ValueColumn]:
        """Every distinct value of each vocabulary column, how often, and what it maps to."""
        k = mapping.spec
        env = Env(self._fc, k, mapping, self._vocab(mapping))
        fields = [f for f in k.fields if f.vocab is not None and f.key in env.headers]
        with self.open(path, mapping) as source:
            return self._value_columns(env, fields, source, progress, should_stop)

    def _value_columns(
        self,
        env: Env,
        fields: list[FieldSpec],
        source: Source,
        progress: Progress | None,
        should_stop: ShouldStop | None,
    ) -> list[ValueColumn]:
        counts: dict[str, dict[str, tuple[str, int]]] = {f.key: {} for f in fields}
        positions = {f.key: source.info.columns.index(env.headers[f.key]) for f in fields}
        for n, row in enumerate(source.rows(), start=1):
            if should_stop is not None and n % STOP_EVERY == 0 and should_stop():
                raise ImportCancelled()
            if progress is not None and n % 500 == 0:
                progress(n, source.info.rows_estimate)
            for f in fields:
                cell = row.cells[positions[f.key]]
                try:
                    raws = (
                        cv.split_values(cell)
                        if f.type is FieldType.VOCAB_MULTI
                        else [x for x in [cv.one_line(cell)] if x]
                    )
                except BrugfiguurError:
                    continue
                for raw in raws:
                    key = value_key(raw)
                    first, count = counts[f.key].get(key, (raw, 0))
                    counts[f.key][key] = (first, count + 1)
        out = []
        for f in fields:
            assert f.vocab is not None
            vocab = env.vocab[f.vocab]
            uses = []
            for raw, count in counts[f.key].values():
                found = env.match(f.key, raw)
                uses.append(ValueUse(raw, count, found.code, found.how))
            uses.sort(key=lambda u: (u.code is not None, -u.count, u.raw.casefold()))
            out.append(
                ValueColumn(
                    f.key,
                    f.label,
                    f.vocab,
                    tuple((t.code, t.label) for t in vocab.active()),
                    tuple(uses),
                )
            )
        return out

    # --- checking and importing ---------------------------------------------------------------
    def check(
        self,
        path: Path,
        mapping: ImportMapping,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
    ) -> ImportReport:
        """Everything an import would do and every problem, without writing anything."""
        return self._run(path, mapping, write=False, valid_only=True, progress=progress,
                         should_stop=should_stop)  # fmt: skip

    def run(
        self,
        path: Path,
        mapping: ImportMapping,
        *,
        valid_only: bool,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
    ) -> ImportReport:
        """Import. `valid_only`: rows with problems are left out and the others imported;
        otherwise any problem row means nothing is imported (`refused`)."""
        return self._run(path, mapping, write=True, valid_only=valid_only, progress=progress,
                         should_stop=should_stop)  # fmt: skip

    def _vocab(self, mapping: ImportMapping) -> Vocabularies:
        return vocabularies_with(self._fc.vocab, mapping.new_terms)

    def _run(
        self,
        path: Path,
        mapping: ImportMapping,
        *,
        write: bool,
        valid_only: bool,
        progress: Progress | None,
        should_stop: ShouldStop | None,
    ) -> ImportReport:
        missing = self.missing(mapping)
        if missing:
            raise ImportRefused("Koppel eerst een kolom aan: " + "; ".join(missing) + ".")
        with self.open(path, mapping) as source:
            return self._run_source(source, mapping, write, valid_only, progress, should_stop)

    def _run_source(
        self,
        source: Source,
        mapping: ImportMapping,
        write: bool,
        valid_only: bool,
        progress: Progress | None,
        should_stop: ShouldStop | None,
    ) -> ImportReport:
        k = mapping.spec
        absent = [h for h in mapping.mapped().values() if h not in source.info.columns]
        if absent:
            raise ImportRefused(
                "Deze kolommen uit de koppeling staan niet in het bestand: "
                + ", ".join(f"'{h}'" for h in absent)
                + "."
            )
        env = Env(self._fc, k, mapping, self._vocab(mapping))
        importer = IMPORTERS[k.kind](env)
        tally = _Tally()
        positions = {key: source.info.columns.index(h) for key, h in env.headers.items()}
        total = source.info.rows_estimate
        refused = False

        def rows(s: Session) -> None:
            nonlocal refused
            importer.load(s)
            tally.add_problems(env.file_problems)
            pending: list[Plan] = []
            for n, src in enumerate(source.rows(), start=1):
                if should_stop is not None and n % STOP_EVERY == 0 and should_stop():
                    raise ImportCancelled()
                if progress is not None and n % 250 == 0:
                    progress(n, total)
                cells = {key: src.cells[i] for key, i in positions.items()}
                if _example_row(k, cells):
                    tally.add_problems(
                        [
                            Problem(
                                src.number,
                                None,
                                "",
                                "De voorbeeldrij van het sjabloon werd overgeslagen.",
                                blocking=False,
                            )
                        ]
                    )
                    continue
                tally.rows += 1
                row = Row(env, src.number, cells)
                env.previewing = len(tally.preview) < PREVIEW_ROWS
                plan = importer.plan(s, row)
                tally.add_problems(row.problems)
                if plan is None or row.failed:
                    tally.skipped += 1
                    continue
                if plan.action is Action.CREATE:
                    tally.created += 1
                elif plan.action is Action.UPDATE:
                    tally.updated += 1
                else:
                    tally.unchanged += 1
                if len(tally.preview) < PREVIEW_ROWS:
                    tally.preview.append(
                        PreviewRow(plan.row, plan.action, tuple(plan.preview), tuple(plan.changes))
                    )
                if write and plan.action in (Action.CREATE, Action.UPDATE):
                    if tally.skipped and not valid_only:
                        continue  # all or nothing: collect the problems, write no more
                    pending.append(plan)
                    if len(pending) >= BATCH:
                        importer.write(s, pending)
                        pending = []
            if progress is not None:
                progress(tally.rows, tally.rows)
            if not write:
                return
            if tally.skipped and not valid_only:
                refused = True
                raise _RollBack()
            importer.write(s, pending)
            importer.finish(s)
            self._fc.audit.record(
                AuditEvent.IMPORTED,
                record_type=str(k.kind),
                detail=(
                    f"{tally.created} nieuw, {tally.updated} bijgewerkt, "
                    f"{tally.unchanged} ongewijzigd, {tally.skipped} overgeslagen"
                ),
                session=s,
            )

        written = False
        if not write:
            with self._vocabularies(mapping, env.vocab, False), self._fc.ctx.read() as s:
                rows(s)
        else:
            try:
                with self._vocabularies(mapping, env.vocab, True), self._fc.ctx.transaction() as s:
                    rows(s)
                written = tally.created + tally.updated > 0
            except _RollBack:
                written = False
        details = tuple(getattr(importer, "details", lambda: [])()) if written else ()
        return ImportReport(
            kind=k.kind,
            written=written,
            rows=tally.rows,
            created=tally.created,
            updated=tally.updated,
            unchanged=tally.unchanged,
            skipped=tally.skipped,
            problems=tuple(tally.problems),
            problem_total=tally.problem_total,
            preview=tuple(tally.preview),
            refused=refused,
            details=details,
        )

    @contextmanager
    def _vocabularies(
        self, mapping: ImportMapping, vocab: Vocabularies, write: bool
    ) -> Iterator[None]:
        """The services check the run's rows against the vocabularies with the mapping's new
        terms. An import writes those terms to the organisation's vocabulary files first and
        puts the files back when it does not commit; a check writes nothing."""
        before = self._fc.vocab
        previous: dict[str, bytes | None] = {}
        try:
            if write and self._data_dir is not None:
                for name, terms in mapping.new_terms.items():
                    previous[name] = vocabularies.add_terms(
                        self._data_dir, name, [(t.code, t.label) for t in terms]
                    )
            self._fc.vocab = vocab
            yield
        except BaseException:
            self._fc.vocab = before
            if self._data_dir is not None:
                for name, content in previous.items():
                    vocabularies.restore(self._data_dir, name, content)
            raise
        self._fc.vocab = (
            vocabularies.load(self._data_dir) if previous and self._data_dir else before
        )

    # --- mapping files and templates ------------------------------------------------------------
    def load_mapping(self, path: Path) -> ImportMapping:
        return load_mapping(path, self._fc.vocab)

    def parse_mapping(self, doc: object) -> ImportMapping:
        return parse_mapping(doc, self._fc.vocab)

    @staticmethod
    def save_mapping(mapping: ImportMapping, out: Path) -> None:
        write_atomic(out, mapping.to_json().encode("utf-8"))

    def write_template(self, kind: Kind, out: Path) -> None:
        """An XLSX template for `kind`: its columns, an example row, drop-down lists from the
        organisation's vocabularies (and the vindplaatsen), and a sheet that explains each
        column. Holds no personal data."""
        from sqlalchemy import select

        from app.documents.import_template import build_template
        from app.models import Vindplaats

        with self._fc.ctx.read() as s:
            names = sorted(
                s.scalars(
                    select(Vindplaats.name).where(
                        Vindplaats.deleted.is_(False), Vindplaats.active.is_(True)
                    )
                ),
                key=str.casefold,
            )
        write_atomic(out, build_template(spec(kind), self._fc.vocab, names))
