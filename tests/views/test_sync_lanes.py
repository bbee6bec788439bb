"""Working on while a sync runs (issue 13 point 1): the window's first sync of a team runs on
the network lane against a real store on 127.0.0.1 whose answer to one pull the test holds back.
Meanwhile a contact moment is typed and saved, the caseload search answers, the Stop button and
locking work at once; released, the sync finishes and both devices hold the same records."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import ContactMoment, Person, TeamState
from app.qt.sync_scheduler import CANCELLED, IDLE
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.vault import CreatedVault, OpenVault
from app.sync import engine as sync_engine
from app.sync.service import SyncService
from app.sync.transport import HttpTransport
from app.views.main_window import MainWindow
from app.views.quick_entry import QuickEntryDialog
from tests.server.helpers import LiveStore, live_store
from tests.server.sync_support import Laptop, organisation
from tests.views.conftest import FakeClock

NOW = datetime(2026, 11, 20, 10, 30)
PAGE = 20  # items per pull, so the team comes in several pages
HELD_PULL = 2  # the second pull's answer waits for the test
TIMEOUT_MS = 60_000
GIVE_UP_S = 60.0  # a failed test never leaves the sync thread waiting for ever


class HeldPulls:
    """Holds the store's answer to the `nth` pull request until the test releases it (the
    request itself went through: the store did its work and answered)."""

    def __init__(self, nth: int = HELD_PULL) -> None:
        self.nth = nth
        self.pulls = 0
        self.holding = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Lock()

    def answered(self, path: str) -> None:
        if not path.startswith("/v2/pull"):
            return
        with self._lock:
            self.pulls += 1
            held = self.pulls == self.nth
        if held:
            self.holding.set()
            self.release.wait(GIVE_UP_S)

    def service(self, vault: OpenVault) -> SyncService:
        """The window's sync service, its transport holding that answer."""
        held = self

        class HeldTransport(HttpTransport):
            def request(
                self,
                method: str,
                path: str,
                body: Mapping[str, Any] | None = None,
                *,
                signed: bool = True,
                headers: Mapping[str, str] | None = None,
            ) -> dict[str, Any]:
                answer = super().request(method, path, body, signed=signed, headers=headers)
                held.answered(path)
                return answer

        def transport(
            url: str, device_id: str | None, key: Ed25519PrivateKey | None
        ) -> HttpTransport:
            return HeldTransport(url, device_id=device_id, sign_key=key)

        return SyncService(vault.context, transport_factory=transport)


@dataclass
class Scene:
    store: LiveStore
    coord: Laptop
    team: str
    window: MainWindow
    vault: OpenVault  # the window's vault, for reading back
    field: FieldServices
    held: HeldPulls
    alias: str


ALIAS = "Quirijn"  # a person of this laptop's own; the demo team has no such alias


@pytest.fixture
def scene(
    qtbot: QtBot,
    tmp_path: Path,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Scene]:
    """A coordinator whose team holds a small demo caseload on a real store; this window's
    laptop holds one person of its own, is enrolled and approved, and has not synced yet."""
    monkeypatch.setattr(sync_engine, "PULL_PAGE", PAGE)
    monkeypatch.setattr(sync_engine, "SHARED_APPLY_MAX", 7)
    d = tmp_path / "store"
    d.mkdir()
    with live_store(d, f"sqlite:///{d / 'store.db'}") as store:
        coord = Laptop(tmp_path, "coordinator")
        held = HeldPulls()
        try:
            team = organisation(store.base_url, store.token(), coord)
            generate_demo(coord.field, 12, contacts_per_person=5, vindplaatsen=2)
            coord.sync_once()
            field = FieldServices(created.vault, now=lambda: NOW)
            field.people.create_pseudonym(
                PseudonymInput(ALIAS, date(2026, 11, 1), "mond_aan_mond", note="eerste keer")
            )
            own = SyncService(created.vault.context)
            own.enrol(store.base_url, coord.sync.create_invite([team]))
            own.close()
            coord.sync.approve_pending()
            w = MainWindow(
                created.vault,
                gate,
                runner,
                clock=clock,
                idle_check_ms=600_000,
                field_factory=lambda v: FieldServices(v, now=lambda: NOW),
                sync_factory=held.service,
                sync_check_ms=600_000,  # the tests start the sync themselves
            )
            qtbot.addWidget(w)
            w.resize(1280, 720)
            with qtbot.waitSignal(w.unlocked):
                w.show()
            qtbot.waitExposed(w)
            qtbot.waitUntil(lambda: w.scheduler.state.enrolled, timeout=TIMEOUT_MS)
            yield Scene(store, coord, team, w, created.vault, field, held, ALIAS)
        finally:
            held.release.set()  # never leave the sync thread waiting
            runner.wait_for_done()
            coord.close()


def _sync_until_held(qtbot: QtBot, s: Scene) -> None:
    """Start the sync; wait until the first page is applied and the second is held."""
    w = s.window
    assert w.scheduler.sync_now()
    qtbot.waitUntil(s.held.holding.is_set, timeout=TIMEOUT_MS)

    def first_page_applied() -> bool:
        p = w.scheduler.state.progress
        return p is not None and p.phase == "pull" and p.done > 0

    qtbot.waitUntil(first_page_applied, timeout=TIMEOUT_MS)
    assert w.scheduler.running


def _records(vault: OpenVault) -> set[tuple[str, str, str]]:
    with vault.context.read() as s:
        return {("person", p.id, p.revision) for p in s.scalars(select(Person))} | {
            ("contact", c.id, c.revision) for c in s.scalars(select(ContactMoment))
        }


def _coord_records(coord: Laptop) -> set[tuple[str, str, str]]:
    return {("person", i, v[-1]) for i, v in coord.people().items()} | {
        ("contact", i, v[-1]) for i, v in coord.contacts().items()
    }


def _release(qtbot: QtBot, s: Scene) -> Any:
    """Let the store's held answer through; the sync's report once it finished."""
    with qtbot.waitSignal(s.window.scheduler.synced, timeout=TIMEOUT_MS) as done:
        s.held.release.set()
    return done.args[0]


def test_a_contact_moment_saves_and_search_answers_while_the_first_sync_waits(
    qtbot: QtBot, scene: Scene
) -> None:
    s, w = scene, scene.window
    _sync_until_held(qtbot, s)

    # Search as you type on the caseload, while the store's answer is still held.
    w.go_to(w.pages.index(w.caseload))
    with qtbot.waitSignal(w.caseload.searched, timeout=TIMEOUT_MS):
        QTest.keyClicks(w.caseload.search, "quiri")
    shown = [w.caseload.proxy.index(r, 0).data() for r in range(w.caseload.proxy.rowCount())]
    assert shown == [s.alias]
    assert w.scheduler.running and not s.held.release.is_set()

    # A street contact typed into quick entry and saved, the sync still waiting.
    w.activateWindow()
    with qtbot.waitSignal(w.quick.opened, timeout=TIMEOUT_MS) as opened:
        QTest.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = opened.args[0]
    assert isinstance(dialog, QuickEntryDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.picker)
    QTest.keyClicks(dialog.picker, "quiri")
    QTest.keyClick(dialog.picker, Qt.Key.Key_Return)
    dialog.summary.setFocus()
    QTest.keyClicks(dialog.summary, "Koffie aan de bib, vraagt naar huurpremie")
    dialog.domains.set_codes(["huisvesting"])
    with qtbot.waitSignal(w.quick.saved, timeout=TIMEOUT_MS) as saved:
        QTest.keyClick(dialog.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    contact = s.field.contacts.get(saved.args[0])
    assert contact.summary == "Koffie aan de bib, vraagt naar huurpremie"
    assert w.scheduler.running and s.held.pulls == HELD_PULL  # still on the held page

    # Released: the first sync finishes; the next one sends the new contact; both converge.
    report = _release(qtbot, s)
    assert report.pulled > PAGE
    assert w.scheduler.state.phase == IDLE
    with qtbot.waitSignal(w.scheduler.synced, timeout=TIMEOUT_MS):
        assert w.scheduler.sync_now()
    s.coord.sync_once()
    mine = _records(s.vault)
    assert contact.id in {i for kind, i, _ in mine if kind == "contact"}
    assert mine == _coord_records(s.coord)


def test_stop_ends_a_waiting_sync_keeping_what_arrived_and_the_next_one_completes(
    qtbot: QtBot, scene: Scene
) -> None:
    s, w = scene, scene.window
    _sync_until_held(qtbot, s)
    qtbot.waitUntil(w.sync_status.stop_button.isVisible)
    with qtbot.waitSignal(w.scheduler.cancelled, timeout=TIMEOUT_MS):
        w.sync_status.stop_button.click()
        s.held.release.set()  # the page on its way is applied, then the sync stops
    assert w.scheduler.state.code == CANCELLED and not w.scheduler.running
    with s.vault.context.read() as db:
        state = db.get(TeamState, s.team)
        cursor = state.cursor if state is not None else 0
    arrived = _records(s.vault)
    assert cursor > 0 and len(arrived) < len(_coord_records(s.coord))
    with qtbot.waitSignal(w.scheduler.synced, timeout=TIMEOUT_MS):
        assert w.scheduler.sync_now()
    s.coord.sync_once()
    assert _records(s.vault) == _coord_records(s.coord)


def test_locking_does_not_wait_for_a_sync_that_waits_on_the_store(
    qtbot: QtBot, scene: Scene, runner: TaskRunner
) -> None:
    s, w = scene, scene.window
    _sync_until_held(qtbot, s)
    with qtbot.waitSignal(w.locked, timeout=TIMEOUT_MS):
        w.lock()
    assert not s.held.release.is_set()  # locked while the store's answer was still held
    assert not s.vault.is_open
    s.held.release.set()
    assert runner.wait_for_done()  # the sync thread ends on the locked vault, quietly
