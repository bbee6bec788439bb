"""What a write changed, announced once so that every screen refreshes only what it shows.

A write (an operation run on the vault lane, a sync that pulled records) announces a `Changes`:
the kinds of data it touched and, when it knows, whose. Screens subscribe to the one
`ChangeBus` of the vault lane and reload only when a change touches what they show, e.g. the
person file reloads for contacts of *its* person, the caseload for any person or contact,
Vandaag for agreements and contacts, the sociale kaart never for a contact moment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

# Kinds of data. A screen lists the kinds it shows (`Page.watches`).
PEOPLE = "people"  # a person's details, pseudonym → client, deletion, erasure
CONTACTS = "contacts"  # contact moments (and the contact dates they imply)
AGREEMENTS = "agreements"  # agreements and to-dos
TRAJECTORY = "trajectory"  # phases, low flame, closure, follow-ups
SITUATION = "situation"  # network, drempels, work readiness
ZRM = "zrm"  # assessments, targets, reminders
SHARING = "sharing"  # consents, handovers, feedback
SOCIAL_MAP = "social_map"  # organisations and their contact people
VINDPLAATSEN = "vindplaatsen"  # vindplaatsen and presence moments
SETTINGS = "settings"  # vault settings (worker name, organisation, checks)
CONFLICTS = "conflicts"  # sync conflicts resolved or undone
SIGNALS = "signals"  # structural signals (barriers of the system, no person)

ALL_KINDS = frozenset(
    {
        PEOPLE,
        CONTACTS,
        AGREEMENTS,
        TRAJECTORY,
        SITUATION,
        ZRM,
        SHARING,
        SOCIAL_MAP,
        VINDPLAATSEN,
        SETTINGS,
        CONFLICTS,
        SIGNALS,
    }
)


@dataclass(frozen=True)
class Changes:
    """Kinds of data that changed; `people` the ids of the people concerned (None: anyone).

    A change to one person's contacts is `Changes.of(CONTACTS, person=pid)`; a pull that may
    have touched anything is `Changes.everything()`."""

    kinds: frozenset[str]
    people: frozenset[str] | None = None

    @classmethod
    def of(
        cls, *kinds: str, person: str | None = None, people: Iterable[str] | None = None
    ) -> Changes:
        unknown = set(kinds) - ALL_KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")
        who: frozenset[str] | None = None
        if person is not None or people is not None:
            who = frozenset([*([person] if person else []), *(people or ())])
        return cls(frozenset(kinds), who)

    @classmethod
    def everything(cls) -> Changes:
        return cls(ALL_KINDS, None)

    def touches(self, kinds: Iterable[str], person: str | None = None) -> bool:
        """Whether a screen that shows `kinds` (of `person`, when given) must reload."""
        if not self.kinds & frozenset(kinds):
            return False
        return person is None or self.people is None or person in self.people

    def __or__(self, other: Changes) -> Changes:
        people = None if self.people is None or other.people is None else self.people | other.people
        return Changes(self.kinds | other.kinds, people)


class ChangeBus(QObject):
    """`changed(Changes)` after a write; `notice(str)` for a short message in the status bar
    (a Dutch sentence: saved, failed, stopped)."""

    changed = Signal(object)
    notice = Signal(str)

    def announce(self, changes: Changes) -> None:
        if changes.kinds:
            self.changed.emit(changes)
