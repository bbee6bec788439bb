"""The two lanes and the operation helper: work off the GUI thread, network apart from the
vault, progress and cancel, errors in Dutch, changes announced once (also after the owner went)."""

from __future__ import annotations

import threading
from functools import partial

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.errors import ValidationError
from app.qt.changes import AGREEMENTS, CONTACTS, PEOPLE, SOCIAL_MAP, ZRM, Changes
from app.qt.operations import NETWORK, Cancelled, Progress, ProgressReport, run, run_long
from app.qt.tasks import TaskRunner
from app.views.widgets import Feedback


def test_a_slow_network_call_never_holds_up_vault_work(qtbot: QtBot, runner: TaskRunner) -> None:
    """While a network call waits (here: on an event the test controls), saves on the vault
    lane go through one after the other; the network call finishes afterwards."""
    release = threading.Event()
    order: list[str] = []
    threads: dict[str, int] = {}

    def network_call() -> str:
        threads["network"] = threading.get_ident()
        assert release.wait(10)
        return "pulled"

    def save(n: int) -> int:
        threads["vault"] = threading.get_ident()
        return n

    owner = QWidget()
    run(runner, network_call, owner=owner, done=order.append, lane=NETWORK)
    for n in range(3):
        run(runner, partial(save, n), owner=owner, done=lambda v: order.append(f"save {v}"))
    qtbot.waitUntil(lambda: len(order) == 3)
    assert order == ["save 0", "save 1", "save 2"]  # the network call is still waiting
    release.set()
    qtbot.waitUntil(lambda: order[-1] == "pulled")
    assert threads["network"] != threads["vault"] != threading.get_ident()


def test_changes_are_announced_even_when_the_owner_is_gone(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    seen: list[Changes] = []
    runner.changes.changed.connect(seen.append)
    done: list[int] = []
    owner = QWidget()
    release = threading.Event()
    run(
        runner,
        lambda: release.wait(10) and 7,
        owner=owner,
        done=done.append,
        changes=lambda result: Changes.of(CONTACTS, person=f"p{result}"),
    )
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner))
    release.set()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [Changes.of(CONTACTS, person="p7")]
    assert done == []  # the closed dialog is not called back


@pytest.mark.allow_logs(r"operation failed: KeyError")
def test_errors_become_one_dutch_message_and_busy_widgets_come_back(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    page = QWidget()
    feedback = Feedback("Meldingen", page)
    button = QPushButton("Bewaren", page)
    notices: list[str] = []
    runner.changes.notice.connect(notices.append)

    def refuse() -> None:
        raise ValidationError("Beschrijf de afspraak.", field="description")

    op = run(runner, refuse, owner=page, report=feedback, busy=[button])
    assert not button.isEnabled()  # while it runs
    with qtbot.waitSignal(op.finished):
        pass
    assert button.isEnabled()
    assert "Beschrijf de afspraak." in feedback.text()

    def crash() -> None:
        raise KeyError("secret-id")  # an unexpected error: logged, never shown raw

    op = run(runner, crash, owner=page, failure="Niet bewaard.")
    with qtbot.waitSignal(op.finished):
        pass
    assert notices == ["Niet bewaard."]
    assert all("secret-id" not in n for n in notices)


def test_long_work_reports_progress_and_stops_when_cancelled(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    started = threading.Event()
    go_on = threading.Event()
    reports: list[ProgressReport] = []
    outcome: list[str] = []

    def work(progress: Progress) -> str:
        for i in range(1, 1_000_000):
            progress(i, 1_000_000, "bezig")
            if i == 10:
                started.set()
                assert go_on.wait(10)
            progress.check()
        return "af"

    op = run_long(
        runner,
        work,
        owner=None,
        done=outcome.append,
        progress=reports.append,
        cancelled=lambda: outcome.append("gestopt"),
        changes=Changes.of(SOCIAL_MAP),
        interval_ms=0,
    )
    assert started.wait(10)
    qtbot.waitUntil(lambda: bool(reports))
    assert reports[-1].text == "bezig" and 0 < (reports[-1].fraction or 0) < 1
    assert op.cancel()
    go_on.set()
    with qtbot.waitSignal(op.finished):
        pass
    assert outcome == ["gestopt"]
    assert op.was_cancelled and not op.running
    assert not op.cancel()


def test_cancelled_is_not_an_error(qtbot: QtBot, runner: TaskRunner) -> None:
    notices: list[str] = []
    runner.changes.notice.connect(notices.append)

    def work(progress: Progress) -> None:
        raise Cancelled

    op = run_long(runner, work, owner=None)
    with qtbot.waitSignal(op.finished):
        pass
    assert notices == [] and op.was_cancelled


def test_changes_touch_only_what_a_screen_shows() -> None:
    zoe = Changes.of(CONTACTS, AGREEMENTS, person="zoe")
    assert zoe.touches({CONTACTS})
    assert zoe.touches({CONTACTS}, "zoe")
    assert not zoe.touches({CONTACTS}, "mo")  # Mo's file stays as it is
    assert not zoe.touches({ZRM, SOCIAL_MAP})
    assert Changes.everything().touches({ZRM}, "mo")
    assert (zoe | Changes.of(PEOPLE, person="mo")).people == frozenset({"zoe", "mo"})
    assert (zoe | Changes.of(PEOPLE)).people is None
    with pytest.raises(ValueError):
        Changes.of("contactmomenten")


def test_network_work_hands_pages_to_the_vault_lane_so_saves_interleave(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """The shape of a sync on two lanes: round trips on the network lane, each pulled page
    applied in its own short job on the vault lane (`runner.call`), so a save queued while the
    sync runs is done between two pages, not after the whole sync."""
    log: list[str] = []
    fetched = [threading.Event() for _ in range(4)]
    save_queued = threading.Event()

    def sync(progress: Progress) -> int:
        for page in range(4):
            fetched[page].set()  # "the page came back from the store"
            if page == 1:
                assert save_queued.wait(10)  # the worker saves while the sync is under way
            runner.call(partial(log.append, f"page {page}"))
            progress(page + 1, 4)
        return 4

    seen: list[Changes] = []
    runner.changes.changed.connect(seen.append)
    op = run_long(runner, sync, owner=None, lane=NETWORK, changes=Changes.everything())
    assert fetched[1].wait(10)
    run(runner, lambda: log.append("save"), owner=None, changes=Changes.of(CONTACTS))
    save_queued.set()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert log.index("save") < log.index("page 3")  # not held up by the rest of the sync
    assert log.count("save") == 1 and [x for x in log if x != "save"] == [
        "page 0",
        "page 1",
        "page 2",
        "page 3",
    ]
    assert Changes.everything() in seen


def test_calling_a_lane_from_the_gui_thread_is_refused(runner: TaskRunner) -> None:
    with pytest.raises(RuntimeError):
        runner.call(lambda: 1)
    with pytest.raises(RuntimeError), runner.turn():
        pass


def test_a_turn_on_the_vault_lane_keeps_other_vault_work_out_until_it_ends(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """`runner.turn()` from the network lane: the block runs on the network thread while the
    vault lane waits; a save queued during the turn runs right after it, not during it and not
    after the rest of the network work; nested turns run at once and `call` inside is refused."""
    log: list[str] = []
    inside = threading.Event()
    save_queued = threading.Event()
    between = threading.Event()

    def sync() -> str:
        with runner.turn():
            inside.set()
            assert save_queued.wait(10)
            log.append("page 0 start")
            with runner.turn():  # nested: no second turn to wait for
                log.append("page 0 nested")
            with pytest.raises(RuntimeError):
                runner.call(lambda: None)  # would wait for itself
            log.append("page 0 end")
        assert between.wait(10)  # the save ran between the turns
        with runner.turn():
            log.append("page 1")
        return threading.current_thread().name

    op = run(runner, sync, owner=None, lane=NETWORK)
    assert inside.wait(10)
    def save() -> None:
        log.append("save")
        between.set()

    done = run(runner, save, owner=None)
    save_queued.set()
    # Either may have finished already: wait for their state, not for a signal gone by.
    qtbot.waitUntil(lambda: not done.running and not op.running, timeout=10_000)
    assert log == ["page 0 start", "page 0 nested", "page 0 end", "save", "page 1"]
