"""What every importer shares: the environment of one run, a spreadsheet row whose cells are
read as typed values (collecting every problem in plain Dutch), and the plan for a row."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.domain import import_values as cv
from app.domain.import_kinds import FieldType, KindSpec, ValueMatch, match_value, value_key
from app.domain.vocab import Vocabularies
from app.errors import ValidationError
from app.models import SyncedRecord
from app.paths import resource
from app.services.base import FieldContext
from app.services.importing.mapping import ImportMapping

T = TypeVar("T")
NOON = time(12, 0)  # the time of a contact whose sheet gives only the day


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a row (or the file, row 0), said in plain Dutch. A `blocking`
    problem keeps the row out; a warning says what was done instead."""

    row: int
    column: str | None
    value: str
    message: str
    blocking: bool = True


@dataclass(frozen=True)
class PreviewRow:
    row: int
    action: Action
    values: tuple[tuple[str, str], ...]  # (field label, the value as it will be saved)
    changes: tuple[str, ...] = ()  # labels of the fields an update changes


@dataclass
class Plan:
    """What to do with a row; `values` are the record's fields (all of them for a new
    record, the changed ones for an update)."""

    row: int
    action: Action
    record_id: str
    values: dict[str, Any]
    preview: list[tuple[str, str]]
    changes: list[str] = field(default_factory=list)
    obj: SyncedRecord | None = None  # the loaded record of an update
    extra: dict[str, Any] = field(default_factory=dict)


@cache
def builtin_synonyms() -> dict[str, dict[str, str]]:
    doc = json.loads(resource("import", "value_synonyms.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, str]] = {}
    for name, pairs in doc["vocabularies"].items():
        out[name] = {value_key(k): v for k, v in pairs.items()}
    return out


class Env:
    """One run: the services' context, the kind, the mapping and the vocabularies (with the
    terms the mapping adds)."""

    def __init__(
        self, fc: FieldContext, spec: KindSpec, mapping: ImportMapping, vocab: Vocabularies
    ) -> None:
        self.fc = fc
        self.spec = spec
        self.mapping = mapping
        self.vocab = vocab
        self.today = fc.today()
        self.synonyms = builtin_synonyms()
        self.headers = mapping.mapped()  # field key → column header
        self.file_problems: list[Problem] = []
        self._matches: dict[tuple[str, str], ValueMatch] = {}
        self.previewing = True  # the run still wants "as saved" values for the preview

    def match(self, field_key: str, raw: str) -> ValueMatch:
        found = self._matches.get((field_key, raw))
        if found is None:
            spec = self.spec.field_spec(field_key)
            assert spec.vocab is not None
            found = match_value(
                self.vocab[spec.vocab],
                raw,
                self.synonyms.get(spec.vocab),
                self.mapping.values.get(field_key),
            )
            self._matches[(field_key, raw)] = found
        return found

    def label(self, vocabulary: str, code: str | None) -> str:
        return self.vocab[vocabulary].label(code)


class Row:
    """The cells of one spreadsheet row by field. Each reader returns the value, or None when
    the cell is empty or wrong; a wrong cell is recorded as a problem (row, column, value,
    why) and marks the row `failed`, so every problem of a row is reported at once."""

    def __init__(self, env: Env, number: int, cells: Mapping[str, cv.Cell]) -> None:
        self.env = env
        self.number = number
        self.cells = cells
        self.problems: list[Problem] = []

    @property
    def failed(self) -> bool:
        return any(p.blocking for p in self.problems)

    def column(self, key: str) -> str | None:
        return self.env.headers.get(key)

    def raw(self, key: str) -> cv.Cell:
        return self.cells.get(key)

    def has(self, key: str) -> bool:
        value = self.cells.get(key)
        if value is None:
            return False
        if not isinstance(value, str):
            return True
        stripped = value.strip()
        if not stripped:
            return False
        if stripped[0] != "#" and stripped.casefold() not in cv.EMPTY_MARKERS:
            return True  # not an empty marker such as "-" or "n.v.t.", nor an Excel error
        try:
            return cv.text(value) is not None
        except ValidationError:
            return True  # an Excel error value: there is something, and it is wrong

    def problem(
        self, key: str | None, message: str, *, value: str | None = None, blocking: bool = True
    ) -> None:
        shown = value if value is not None else (cv.shown(self.raw(key)) if key else "")
        column = self.column(key) if key else None
        self.problems.append(Problem(self.number, column, shown, message, blocking))

    def warn(self, key: str | None, message: str, *, value: str | None = None) -> None:
        self.problem(key, message, value=value, blocking=False)

    def read(self, key: str, convert: Callable[[cv.Cell], T]) -> T | None:
        if not self.has(key):
            return None
        try:
            return convert(self.raw(key))
        except ValidationError as exc:
            self.problem(key, exc.message)
            return None

    # --- typed readers ------------------------------------------------------------------------
    def text(self, key: str) -> str | None:
        long = self.env.spec.field_spec(key).type is FieldType.LONG_TEXT
        return self.read(key, cv.text if long else cv.one_line)

    def day(self, key: str, *, future_ok: bool = False) -> date | None:
        today = self.env.today
        return self.read(key, lambda c: cv.parse_date(c, today=today, future_ok=future_ok))

    def moment(self, key: str, *, future_ok: bool = False) -> tuple[date, time | None] | None:
        today = self.env.today
        return self.read(
            key, lambda c: cv.parse_datetime_parts(c, today=today, future_ok=future_ok)
        )

    def clock(self, key: str) -> time | None:
        return self.read(key, cv.parse_time)

    def minutes(self, key: str) -> int | None:
        return self.read(key, cv.parse_minutes)

    def flag(self, key: str) -> bool | None:
        return self.read(key, cv.parse_bool)

    def phone(self, key: str) -> str | None:
        found = self.read(key, cv.parse_phone)
        if found is None:
            return None
        number, rest = found
        if rest:
            self.warn(key, f"Alleen het eerste nummer wordt bewaard; '{rest}' niet.")
        return number

    def national_number(self, key: str) -> str | None:
        return self.read(key, cv.parse_national_number)

    def email(self, key: str) -> str | None:
        return self.read(key, cv.parse_email)

    def values(self, key: str) -> list[str]:
        return self.read(key, cv.split_values) or []

    def vocab(self, key: str, *, default: str | None = None) -> str | None:
        """A vocabulary code: the cell's value mapped, else the mapping's fixed value."""
        raw = self.read(key, cv.one_line)
        if raw is None:
            if self.failed and self.has(key):
                return None
            return self.env.mapping.defaults.get(key, default)
        found = self.env.match(key, raw)
        if found.code is None:
            self.unknown_value(key, raw)
        return found.code

    def vocab_all(self, key: str) -> list[str]:
        raws = self.values(key)
        codes: list[str] = []
        whole = self.read(key, cv.one_line)
        if whole is not None and len(raws) > 1:
            found = self.env.match(key, whole)  # a label that itself holds a comma
            if found.code is not None:
                return [found.code]
        for raw in raws:
            found = self.env.match(key, raw)
            if found.code is None:
                self.unknown_value(key, raw)
            else:
                codes.append(found.code)
        return cv.unique(codes)

    def unknown_value(self, key: str, raw: str) -> None:
        spec = self.env.spec.field_spec(key)
        self.problem(
            key,
            f"'{raw}' is geen bekende waarde voor {spec.label.lower()}. Koppel ze aan een "
            "waarde van de woordenlijst of voeg ze toe (stap Waarden).",
            value=raw,
        )

    def service_error(self, exc: ValidationError, fields: Mapping[str, str]) -> None:
        """A service's own validation refused the row: name the column it came from (or the
        field, when no column gives it)."""
        key = fields.get(exc.field or "", None)
        if key is not None and self.column(key) is None and self.env.spec.has(key):
            label = self.env.spec.field_spec(key).label
            self.problems.append(Problem(self.number, f"({label})", "", exc.message))
            return
        self.problem(key, exc.message, value=None if key else "")


def merge_text(existing: str | None, incoming: str | None) -> tuple[str | None, bool]:
    """A note on re-import never loses words typed in Brugfiguur since: the file's text
    replaces it only when it contains it; otherwise it is added below. (value, appended)."""
    if incoming is None or not incoming.strip():
        return existing, False
    if not existing or not existing.strip() or existing.strip() in incoming:
        return incoming, False
    if incoming.strip() in existing:
        return existing, False
    return f"{existing.rstrip()}\n\n{incoming}", True


def split_full_name(full: str) -> tuple[str | None, str | None]:
    """(given, family) of one name column: "Vermeulen, Zoë", "VERMEULEN Zoë", "Zoë Vermeulen",
    "Zoë Van den Broeck" (particles belong to the family name)."""
    s = " ".join(full.split())
    if "," in s:
        family, _, given = s.partition(",")
        return given.strip() or None, family.strip() or None
    parts = s.split(" ")
    if len(parts) == 1:
        return parts[0], None
    upper = [p for p in parts if p.isupper() and len(p) > 1]
    if upper and parts[0].isupper():
        n = next(i for i, p in enumerate(parts) if not (p.isupper() and len(p) > 1))
        return " ".join(parts[n:]) or None, " ".join(parts[:n])
    particles = {"van", "de", "der", "den", "ten", "ter", "vanden", "vander", "le", "la", "el"}
    for i in range(1, len(parts)):
        if parts[i].casefold() in particles:
            return " ".join(parts[:i]), " ".join(parts[i:])
    return " ".join(parts[:-1]), parts[-1]


def show_date(d: date | None) -> str:
    return "" if d is None else d.strftime("%d/%m/%Y")


def show_iso(iso: str | None) -> str:
    if not iso:
        return ""
    day = f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
    return f"{day} {iso[11:16]}" if len(iso) >= 16 else day


def at(day: date, t: time | None) -> datetime:
    return datetime.combine(day, t or NOON)


_ID = re.compile(r"\s+")


def external_key(value: str) -> str:
    """External ids compare without case and extra spaces ("cl-0042 " is "CL-0042")."""
    return _ID.sub(" ", value.strip()).casefold()


def release(s: Session, obj: SyncedRecord | None) -> None:
    """Forget a record the run no longer needs, so 50,000 rows do not pile up in memory."""
    if obj is None:
        return
    state = inspect(obj)
    if state.session_id == s.hash_key and not state.modified:
        s.expunge(obj)
