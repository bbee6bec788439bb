"""Convergence of devices syncing through the real store (DESIGN.md §1.2, §6, §10).

A Hypothesis state machine drives two or three device vaults of one team through random
offline work (create, edit, delete, contact moments, erasure) and syncs in random order; when
every device has synced until quiet they must hold the same records, field for field and
revision for revision, and every value that lost a concurrent edit must be kept: the final
value, inside a joined note, or in some device's conflict table.

Causality is tracked with a small model: each write remembers which earlier writes its device
knew of (its own, and everything on the store at its last sync), so a value overwritten by a
write that had seen it is superseded, not lost.

Two scenarios the machine cannot reach on one machine's clock are deterministic tests below
(both were bugs found by this suite and are fixed).
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from app.domain import validation as v
from app.models import ContactMoment
from app.services.contacts import ContactInput, Participant
from app.services.people import PseudonymInput
from app.sync.conflicts import ConflictRow
from tests.conftest import PASSPHRASE
from tests.server.sync_support import (
    PERSON_FIELDS,
    Laptop,
    StoreProcess,
    enrol,
    organisation,
    store_process,
    sync_until_quiet,
)

EDITABLE = ("alias", "note", "phone", "referral_source")
ALIASES = ("Rosa", "Jo", "Mo", "Zoë", "Kris")
PHONES = (None, "0470 12 34 56", "+32 486 11 22 33", "09 123 45 67")
REFERRALS = (None, "school", "huisarts", "OCMW", "buurtwerk")
WORDS = ("werk", "huisvesting", "schulden", "gezondheid", "familie", "opleiding")


@dataclass(frozen=True)
class Write:
    wid: int
    device: int
    record_id: str
    field: str
    value: Any
    known: frozenset[int]  # the write ids its device knew of (its own write included)


class SyncMachine(RuleBasedStateMachine):
    """Devices of one fresh team per example; the coordinator (shared across examples, since
    a store bootstraps one organisation) only creates the team and approves the devices."""

    store: ClassVar[StoreProcess]
    coord: ClassVar[Laptop]
    root: ClassVar[Path]
    examples: ClassVar[itertools.count[int]] = itertools.count()
    stats: ClassVar[Counter[str]] = Counter()

    def __init__(self) -> None:
        super().__init__()
        self.devices: list[Laptop] = []
        self.known: list[set[int]] = []
        self.server_known: set[int] = set()
        self.writes: list[Write] = []
        self.ids = itertools.count()
        self.erased: set[str] = set()
        self.contacts_of: dict[str, set[str]] = {}
        self.dir = self.root / f"example-{next(self.examples)}"

    @initialize(n=st.integers(2, 3))
    def team(self, n: int) -> None:
        team = self.coord.sync.create_team(f"Team {self.dir.name}")
        for i in range(n):
            lt = Laptop(self.dir, f"toestel-{i}", shared=i % 2 == 1)  # as the app syncs
            self.devices.append(lt)
            self.known.append(set())
            enrol(self.coord, lt, self.store.base_url, [team])
        # Two people everyone holds from the start, so edits soon collide.
        first = self.devices[0]
        for alias in ("Rosa", "Jo"):
            pid = first.field.people.create_pseudonym(
                PseudonymInput(alias, date(2026, 1, 1), "mond_aan_mond", note=f"start {alias}"),
                allow_duplicate=True,
            )
            for name, value in (("alias", alias), ("note", f"start {alias}"), ("deleted", False)):
                self._write(0, pid, name, value)
        for i in (0, *range(len(self.devices))):
            self.sync(i)

    # --- helpers ------------------------------------------------------------------------------
    def _device(self, i: int) -> tuple[int, Laptop]:
        i %= len(self.devices)
        return i, self.devices[i]

    def _live_people(self, lt: Laptop) -> list[str]:
        return sorted(pid for pid, row in lt.people().items() if not row[-2])  # -2: deleted

    def _pick(self, lt: Laptop, k: int) -> str | None:
        ids = self._live_people(lt)
        return ids[k % len(ids)] if ids else None

    def _write(self, dev: int, record_id: str, field: str, value: Any) -> None:
        wid = next(self.ids)
        self.known[dev].add(wid)
        self.writes.append(Write(wid, dev, record_id, field, value, frozenset(self.known[dev])))

    # --- rules --------------------------------------------------------------------------------
    @rule(d=st.integers(0, 2), alias=st.sampled_from(ALIASES), word=st.sampled_from(WORDS))
    def create_pseudonym(self, d: int, alias: str, word: str) -> None:
        dev, lt = self._device(d)
        note = f"{word} {next(self.ids)}"
        pid = lt.field.people.create_pseudonym(
            PseudonymInput(alias, date(2026, 1, 1), "mond_aan_mond", note=note),
            allow_duplicate=True,
        )
        for name in ("alias", "note", "deleted"):
            self._write(dev, pid, name, {"alias": alias, "note": note, "deleted": False}[name])

    @rule(
        d=st.integers(0, 2),
        k=st.integers(0, 50),
        field=st.sampled_from(EDITABLE),
        choice=st.integers(0, 4),
    )
    def edit(self, d: int, k: int, field: str, choice: int) -> None:
        self._edit(d, k, field, choice)

    @rule(
        d=st.integers(0, 2),
        k=st.integers(0, 50),
        field=st.sampled_from(EDITABLE),
        choice=st.integers(0, 4),
    )
    def edit_more(self, d: int, k: int, field: str, choice: int) -> None:
        self._edit(d, k, field, choice)  # a second rule: edits are twice as likely

    def _edit(self, d: int, k: int, field: str, choice: int) -> None:
        dev, lt = self._device(d)
        pid = self._pick(lt, k)
        if pid is None:
            return
        value: Any
        if field == "alias":
            value = ALIASES[choice % len(ALIASES)]
        elif field == "phone":
            value = PHONES[choice % len(PHONES)]
        elif field == "referral_source":
            value = REFERRALS[choice % len(REFERRALS)]
        else:
            value = None if choice == 0 else f"{WORDS[choice % len(WORDS)]} {next(self.ids)}"
        if lt.field.people.update(pid, **{field: value}):
            stored = v.normalise_phone(value) if field == "phone" and value else value
            self._write(dev, pid, field, stored)

    @rule(d=st.integers(0, 2), k=st.integers(0, 50))
    def delete(self, d: int, k: int) -> None:
        dev, lt = self._device(d)
        pid = self._pick(lt, k)
        if pid is not None:
            lt.field.people.delete(pid)
            self._write(dev, pid, "deleted", True)

    @rule(d=st.integers(0, 2), k=st.integers(0, 50), word=st.sampled_from(WORDS))
    def add_contact(self, d: int, k: int, word: str) -> None:
        _, lt = self._device(d)
        pid = self._pick(lt, k)
        if pid is not None:
            cid = lt.field.contacts.create(
                ContactInput(
                    datetime(2026, 11, 19, 9, 0),
                    "telefoon",
                    (Participant(pid),),
                    summary=f"Gesprek over {word}",
                )
            )
            self.contacts_of.setdefault(pid, set()).add(cid)

    @precondition(lambda self: len(self.erased) < 2)
    @rule(d=st.integers(0, 2), k=st.integers(0, 50))
    def erase(self, d: int, k: int) -> None:
        _, lt = self._device(d)
        pid = self._pick(lt, k)
        if pid is not None:
            lt.field.rights.erase(pid, PASSPHRASE)
            self.erased.add(pid)

    @rule(d=st.integers(0, 2))
    def sync(self, d: int) -> None:
        dev, lt = self._device(d)
        lt.sync_once()
        self.server_known |= self.known[dev]
        self.known[dev] |= self.server_known

    # --- the end state --------------------------------------------------------------------------
    def teardown(self) -> None:
        try:
            if self.devices:
                self._check_converged()
        finally:
            for lt in self.devices:
                lt.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    def _check_converged(self) -> None:
        sync_until_quiet(self.devices)
        self.stats["examples checked"] += 1
        self.stats["writes"] += len(self.writes)
        people = [lt.people() for lt in self.devices]
        contacts = [lt.contacts() for lt in self.devices]
        for i in range(1, len(self.devices)):
            assert people[i] == people[0], f"people differ between device 0 and {i}"
            assert contacts[i] == contacts[0], f"contact moments differ between 0 and {i}"
        final = people[0]
        for pid in self.erased:
            assert pid not in final, "an erased person came back"
        # Contact moments of erased people made on the erasing device are gone; see
        # test_erasure_reaches_contact_moments_made_concurrently for those made elsewhere.
        conflicts: list[ConflictRow] = [
            c for lt in self.devices for c in lt.sync.conflicts(open_only=False)
        ]
        for w in self.writes:
            if w.record_id in self.erased:
                continue
            if any(
                o.record_id == w.record_id and o.field == w.field and w.wid in o.known
                for o in self.writes
                if o.wid != w.wid
            ):
                continue  # overwritten by a write that had seen it
            assert w.record_id in final, "a person that was never erased is missing"
            value = final[w.record_id][PERSON_FIELDS.index(w.field)]
            if value == w.value:
                continue
            if w.field == "note" and isinstance(value, str) and w.value and w.value in value:
                self.stats["kept in a joined note"] += 1
                continue
            kept = [
                c.lost
                for c in conflicts
                if c.record_id == w.record_id and c.field == w.field and c.record_type == "person"
            ]
            self.stats["kept in the conflict table"] += 1
            if w.field == "note" and any(
                isinstance(x, str) and isinstance(w.value, str) and w.value in x for x in kept
            ):
                continue  # kept inside a joined note that lost, in turn, to a later write
            assert w.value in kept, (
                f"{w.field}={w.value!r} written on device {w.device} was lost: final "
                f"{value!r}, conflicts {kept!r}"
            )


@pytest.fixture
def machine_store() -> Iterator[StoreProcess]:
    root = Path(tempfile.mkdtemp(prefix="bf-convergence-"))
    try:
        with store_process(
            root / "store", f"sqlite:///{root / 'store' / 'store.db'}", generous=True
        ) as sp:
            coord = Laptop(root, "coordinator")
            organisation(sp.base_url, sp.token(), coord)
            SyncMachine.store, SyncMachine.coord, SyncMachine.root = sp, coord, root
            try:
                yield sp
            finally:
                coord.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_devices_converge_and_keep_every_losing_value(machine_store: StoreProcess) -> None:
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            # Shrinking a failure of this machine can take many minutes of real syncs; the
            # failing steps are printed as they were generated.
            # Real syncs depend on wall-clock stamps, so a stored example cannot be replayed
            # step for step: no example database, no reuse.
            phases=[Phase.explicit, Phase.generate],
            database=None,
            print_blob=True,
        ),
    )
    print(dict(SyncMachine.stats))


# --- deterministic scenarios ----------------------------------------------------------------------


@pytest.fixture
def team_store(tmp_path: Path) -> Iterator[tuple[StoreProcess, Laptop, str]]:
    with store_process(tmp_path / "store", f"sqlite:///{tmp_path / 'store' / 'store.db'}") as sp:
        coord = Laptop(tmp_path, "coordinator")
        team = organisation(sp.base_url, sp.token(), coord)
        try:
            yield sp, coord, team
        finally:
            coord.close()


def test_an_edit_on_a_laptop_with_a_slow_clock_is_not_lost(
    team_store: tuple[StoreProcess, Laptop, str], tmp_path: Path
) -> None:
    sp, coord, team = team_store
    slow = 120.0  # two minutes behind: well inside the 5-minute skew the protocol accepts
    b = Laptop(tmp_path, "traag", clock=lambda: time.time() - slow)
    b.field.context.records._wall = lambda: int((time.time() - slow) * 1000)
    c = Laptop(tmp_path, "laptop-c")
    for lt in (b, c):
        enrol(coord, lt, sp.base_url, [team])
    pid = coord.field.people.create_pseudonym(
        PseudonymInput("Rosa", date(2026, 1, 1), "mond_aan_mond")
    )
    coord.field.people.update(pid, referral_source="school")
    sync_until_quiet([coord, b, c])
    # b saw "school" and replaces it; c meanwhile edits another field of the same person.
    assert b.field.people.update(pid, referral_source="huisarts")
    assert c.field.people.update(pid, note="Zoekt werk")
    b.sync_once()
    c.sync_once()
    sync_until_quiet([coord, b, c])
    try:
        final = coord.field.people.get(pid)
        lost = [
            x.lost
            for lt in (coord, b, c)
            for x in lt.sync.conflicts(open_only=False)
            if x.field == "referral_source"
        ]
        assert final.note == "Zoekt werk"
        assert final.referral_source == "huisarts" or "huisarts" in lost, (
            f"b's edit vanished: referral_source={final.referral_source!r}, conflicts {lost}"
        )
    finally:
        b.close()
        c.close()


def test_erasure_reaches_contact_moments_made_concurrently(
    team_store: tuple[StoreProcess, Laptop, str], tmp_path: Path
) -> None:
    sp, coord, team = team_store
    b = Laptop(tmp_path, "laptop-b")
    enrol(coord, b, sp.base_url, [team])
    pid = coord.field.people.create_pseudonym(
        PseudonymInput("Zoë", date(2026, 1, 1), "mond_aan_mond")
    )
    sync_until_quiet([coord, b])
    b.field.contacts.create(
        ContactInput(
            datetime(2026, 11, 19, 9, 0),
            "telefoon",
            (Participant(pid),),
            summary="Vertelde over haar schulden",
        )
    )
    coord.field.rights.erase(pid, PASSPHRASE)
    coord.sync_once()
    sync_until_quiet([coord, b])
    try:
        for lt in (coord, b):
            with lt.vault.context.read() as s:
                left = [
                    c.summary
                    for c in s.query(ContactMoment)
                    if any(p["person_id"] == pid for p in c.people)
                ]
            assert left == [], f"{lt.name} still holds a contact moment of the erased person"
    finally:
        b.close()
