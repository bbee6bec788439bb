"""Application-wide limits, and the one registry of settings.

Every setting a person can change is declared here, once, with its type, default, range and
who may change it (`Level`). `app.services.settings.SettingsService` reads and writes them;
nothing else spells a setting's key. Stored values are versioned (`SETTINGS_VERSION`): when a
declaration changes in a way old stored values do not fit, add an upgrade step in
`app.services.settings.UPGRADES` and raise the version (tests/db/test_settings.py holds the
values older versions stored).

Declaring a setting (this module has no I/O and imports nothing of the app):

    REPORT_SUPPRESSION = declare(IntSetting(
        key="report_suppression_threshold", default=5, minimum=2, maximum=50,
        level=Level.ORGANISATION, description="Kleinste aantal personen in een cel van een export",
    ))

then `vault.settings.value(REPORT_SUPPRESSION)` is an `int` (the default until someone changes
it, whatever is stored), `vault.settings.change(REPORT_SUPPRESSION, 10)` checks the value and
who is asking, stores it and writes an audit entry; a service that holds a session already uses
`app.services.settings.read_value(session, REPORT_SUPPRESSION)`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

DEFAULT_AUTO_LOCK_MINUTES = 5
MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 120

MIN_PASSPHRASE_LENGTH = 12
MAX_PASSPHRASE_LENGTH = 1024

# Argon2id's floor, calibration and the bounds a header may ask for live with the KDF
# (app/crypto/kdf.py), where they are enforced.

# Growing delay after failed unlocks: 1 s, 2 s, 4 s … capped.
UNLOCK_DELAY_BASE_SECONDS = 1.0
UNLOCK_DELAY_MAX_SECONDS = 30.0

LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


# --- the settings registry -------------------------------------------------------------------

T = TypeVar("T")


class Level(StrEnum):
    """Who may change a setting, and so where it lives.

    WORKER: the worker, for themselves; kept in this vault only (auto-lock, sync interval).
    COORDINATOR: a coordinator, as the team's working agreement; synced to the team.
    ORGANISATION: a coordinator on behalf of the organisation (retention, the record of
    processing); synced to every team the coordinator belongs to.

    A vault that is not enrolled with a central store has no coordinator: its one user may
    change everything. Synced values reach the other devices with the next sync."""

    WORKER = "worker"
    COORDINATOR = "coordinator"
    ORGANISATION = "organisation"

    @property
    def shared(self) -> bool:
        return self is not Level.WORKER


class SettingValueError(ValueError):
    """A value does not fit its declaration; `message` is Dutch and says what would."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, kw_only=True)
class SettingSpec(Generic[T]):
    """A declared setting. Subclasses say what a valid value is (`check`)."""

    key: str
    default: T
    level: Level
    description: str  # Dutch: what it governs (errors, the audit screen, the DPO's record)
    internal: bool = False  # state the app keeps for itself: never shown, never audited

    def check(self, value: object) -> T:
        """The value as stored, or `SettingValueError` with a Dutch reason."""
        raise NotImplementedError

    def parse(self, stored: object) -> T:
        """A stored value, or the default when it no longer fits the declaration."""
        try:
            return self.check(stored)
        except SettingValueError:
            return self.default


@dataclass(frozen=True, kw_only=True)
class IntSetting(SettingSpec[int]):
    minimum: int
    maximum: int
    unit: str = ""  # Dutch, plural: "minuten"

    def __post_init__(self) -> None:
        if not self.minimum <= self.default <= self.maximum:
            raise ValueError(f"default of {self.key} outside its range")

    def check(self, value: object) -> int:
        if isinstance(value, float) and value.is_integer() and math.isfinite(value):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingValueError(f"{self.description}: geef een geheel getal.")
        if not self.minimum <= value <= self.maximum:
            unit = f" {self.unit}" if self.unit else ""
            raise SettingValueError(
                f"{self.description}: kies tussen {self.minimum} en {self.maximum}{unit}."
            )
        return value


@dataclass(frozen=True, kw_only=True)
class BoolSetting(SettingSpec[bool]):
    def check(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise SettingValueError(f"{self.description}: kies ja of nee.")
        return value


@dataclass(frozen=True, kw_only=True)
class TextSetting(SettingSpec[str]):
    max_length: int = 200
    multiline: bool = False

    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise SettingValueError(f"{self.description}: geef een tekst.")
        text = value.strip()
        if not self.multiline and ("\n" in text or "\r" in text):
            raise SettingValueError(f"{self.description}: één regel, zonder regeleinde.")
        if len(text) > self.max_length:
            raise SettingValueError(f"{self.description}: hoogstens {self.max_length} tekens.")
        if any(ord(c) < 32 and c not in "\n\t" for c in text):
            raise SettingValueError(f"{self.description}: bevat tekens die niet kunnen.")
        return text


@dataclass(frozen=True, kw_only=True)
class ChoiceSetting(SettingSpec[str]):
    choices: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.default not in self.choices:
            raise ValueError(f"default of {self.key} is not one of its choices")

    def check(self, value: object) -> str:
        if not isinstance(value, str) or value not in self.choices:
            raise SettingValueError(f"{self.description}: kies een van {', '.join(self.choices)}.")
        return value


@dataclass(frozen=True, kw_only=True)
class IntListSetting(SettingSpec[tuple[int, ...]]):
    """A few whole numbers (e.g. follow-up terms in months), kept sorted and unique."""

    minimum: int
    maximum: int
    max_items: int
    unit: str = ""

    def check(self, value: object) -> tuple[int, ...]:
        if not isinstance(value, list | tuple) or not value:
            raise SettingValueError(f"{self.description}: geef minstens één getal.")
        out: set[int] = set()
        for item in value:
            if isinstance(item, bool) or not isinstance(item, int):
                raise SettingValueError(f"{self.description}: geef gehele getallen.")
            if not self.minimum <= item <= self.maximum:
                unit = f" {self.unit}" if self.unit else ""
                raise SettingValueError(
                    f"{self.description}: elk getal tussen {self.minimum} en {self.maximum}{unit}."
                )
            out.add(item)
        if len(out) > self.max_items:
            raise SettingValueError(f"{self.description}: hoogstens {self.max_items} getallen.")
        return tuple(sorted(out))


REGISTRY: dict[str, SettingSpec[Any]] = {}

S = TypeVar("S", bound=SettingSpec[Any])


def declare(spec: S) -> S:
    """Add a setting to the registry (once per key); returns it for a module constant."""
    if not spec.key or len(spec.key) > 100 or not spec.key.replace("_", "").isalnum():
        raise ValueError(f"setting key {spec.key!r}: lower-case letters, digits and _")
    if spec.key in REGISTRY:
        raise ValueError(f"setting {spec.key!r} declared twice")
    spec.check(spec.default)  # a default must be a valid value
    REGISTRY[spec.key] = spec
    return spec


def declared(
    level: Level | None = None, *, internal: bool | None = False
) -> list[SettingSpec[Any]]:
    """Declared settings, in declaration order (optionally of one level)."""
    return [
        s
        for s in REGISTRY.values()
        if (level is None or s.level is level) and (internal is None or s.internal == internal)
    ]


def defaults() -> Mapping[str, object]:
    return {k: s.default for k, s in REGISTRY.items()}


# The version of the stored values' shape; raise it with every upgrade step.
SETTINGS_VERSION = 2

# --- the worker's own ------------------------------------------------------------------------

AUTO_LOCK_MINUTES = declare(
    IntSetting(
        key="auto_lock_minutes",
        default=DEFAULT_AUTO_LOCK_MINUTES,
        minimum=MIN_AUTO_LOCK_MINUTES,
        maximum=MAX_AUTO_LOCK_MINUTES,
        unit="minuten",
        level=Level.WORKER,
        description="Vergrendelen na minuten zonder gebruik",
    )
)
SYNC_INTERVAL_MINUTES = declare(
    IntSetting(
        key="sync_interval_minutes",
        default=10,
        minimum=1,
        maximum=240,
        unit="minuten",
        level=Level.WORKER,
        description="Synchroniseren om de zoveel minuten",
    )
)
MLP_CLIPBOARD_SECONDS = declare(
    IntSetting(
        key="mlp_clipboard_seconds",
        default=60,
        minimum=10,
        maximum=600,
        unit="seconden",
        level=Level.WORKER,
        description="Een gekopieerde MLP-samenvatting wissen na seconden",
    )
)
STALE_AFTER_WEEKS = declare(
    IntSetting(
        key="stale_after_weeks",
        default=4,
        minimum=1,
        maximum=52,
        unit="weken",
        level=Level.WORKER,
        description="Op Vandaag tonen wie zo veel weken geen contact had",
    )
)
ZRM_INTERVAL_MONTHS = declare(
    IntSetting(
        key="zrm_interval_months",
        default=3,
        minimum=1,
        maximum=24,
        unit="maanden",
        level=Level.WORKER,
        description="Een nieuwe ZRM-meting na maanden",
    )
)
RECOVERY_KEY_CONFIRMED = declare(
    BoolSetting(
        key="recovery_key_confirmed",
        default=False,
        level=Level.WORKER,
        description="De noodsleutel is veilig bewaard",
        internal=True,
    )
)


# --- the organisation's rules -----------------------------------------------------------------

# Five years after closure: the ESF+ rule that the documents behind a funded trajectory stay
# available for checks for five years (Regulation (EU) 2021/1060, art. 82), the funding most of
# these teams run on; no longer, because GDPR art. 5(1)(e) asks for the shortest period that
# serves the purpose. An organisation under other rules (an OCMW's archive list, a
# subsidy agreement) sets its own number.
RETENTION_YEARS = declare(
    IntSetting(
        key="retention_years",
        default=5,
        minimum=1,
        maximum=30,
        unit="jaar",
        level=Level.ORGANISATION,
        description="Een afgesloten dossier wissen na jaren",
    )
)

# The record of processing activities (GDPR art. 30), kept by the organisation.
CONTROLLER_NAME = declare(
    TextSetting(
        key="controller_name",
        default="",
        max_length=200,
        level=Level.ORGANISATION,
        description="Naam van de organisatie (verwerkingsverantwoordelijke)",
    )
)
CONTROLLER_CONTACT = declare(
    TextSetting(
        key="controller_contact",
        default="",
        max_length=300,
        level=Level.ORGANISATION,
        description="Adres en contact van de organisatie",
    )
)
DPO_CONTACT = declare(
    TextSetting(
        key="dpo_contact",
        default="",
        max_length=300,
        level=Level.ORGANISATION,
        description="Functionaris voor gegevensbescherming (naam en contact)",
    )
)
PROCESSING_PURPOSES = declare(
    TextSetting(
        key="processing_purposes",
        default=(
            "Mensen die moeilijk bereikt worden, opzoeken en begeleiden naar werk, opleiding "
            "en hulp (outreach, trajectbegeleiding, warme overdracht naar partners).\n"
            "Opvolgen van trajecten en afspraken, ook na de overdracht (nazorg).\n"
            "Verantwoording aan subsidiegevers met geanonimiseerde cijfers (zoals ESF+)."
        ),
        max_length=2000,
        multiline=True,
        level=Level.ORGANISATION,
        description="Doeleinden van de verwerking",
    )
)
STORE_LOCATION = declare(
    TextSetting(
        key="store_location",
        default="",
        max_length=300,
        level=Level.ORGANISATION,
        description="Waar de centrale opslag staat (land, hostingpartner)",
    )
)
SECURITY_MEASURES = declare(
    TextSetting(
        key="security_measures",
        default="",
        max_length=2000,
        multiline=True,
        level=Level.ORGANISATION,
        description="Bijkomende organisatorische beveiligingsmaatregelen",
    )
)
# Reports that leave the team hide counts under this number (and whatever would give them
# away); five is the usual floor for published social statistics.
REPORT_SUPPRESSION_THRESHOLD = declare(
    IntSetting(
        key="report_suppression_threshold",
        default=5,
        minimum=3,
        maximum=50,
        unit="personen",
        level=Level.ORGANISATION,
        description="Kleinste aantal dat een rapport buiten het team toont",
    )
)
# How lasting a job, training or handover was: follow-ups this many months later (people with
# ESF+ data also get the six-month one after a closure, for the ESF+ result indicators).
FOLLOW_UP_MONTHS = declare(
    IntListSetting(
        key="follow_up_months",
        default=(3, 12, 24),
        minimum=1,
        maximum=60,
        max_items=6,
        unit="maanden",
        level=Level.ORGANISATION,
        description="Opvolging na zoveel maanden",
    )
)

# Quick entry asks once for a life domain when none is ticked (the figures on life domains rest
# on it); an organisation that does not report on life domains turns the question off.
CONTACT_REQUIRES_LIFE_DOMAIN = declare(
    BoolSetting(
        key="contact_requires_life_domain",
        default=True,
        level=Level.ORGANISATION,
        description="Bij een contactmoment vragen naar het levensdomein",
    )
)
