"""Render the screens to docs/*.png: `python -m tests.views.make_screenshots [outdir]`.

Uses the offscreen platform, a throwaway vault with a fast KDF, and waits on signals.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget

from app.paths import AppPaths
from app.qt.fonts import apply_app_font
from app.qt.i18n import install_translators
from app.qt.tasks import TaskRunner
from app.qt.theme import apply_theme
from app.qt.vaultgate import VaultGate
from app.services.vault import VaultService
from tests.conftest import FAST_KDF, PASSPHRASE

SCREEN = (1366, 768)  # the field laptop


def wait_for(
    signal: SignalInstance | None = None,
    until: Callable[[], bool] | None = None,
    timeout_ms: int = 10_000,
) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    timer = QTimer()
    timer.setInterval(10)
    if until is not None:
        timer.timeout.connect(lambda: until() and loop.quit())
        timer.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()


def field_for(main: object):  # type: ignore[no-untyped-def]
    field = getattr(main, "field", None)
    assert field is not None
    return field


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(out / name))
    print(out / name)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("docs")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    keep = install_translators(app)
    apply_app_font(app)
    apply_theme(app, dark=False)
    runner = TaskRunner()
    data = Path(tempfile.mkdtemp(prefix="bf-shots-"))
    paths = AppPaths(data_dir=data / "data", log_dir=data / "logs")
    service = VaultService(paths, kdf_params=FAST_KDF, sleep=lambda _: None)
    gate = VaultGate.wrap(service)

    from app.views.controller import AppController
    from app.views.setup_window import SetupWindow
    from app.views.unlock import UnlockWindow

    # Setup, with live feedback on a weak passphrase.
    setup = SetupWindow(gate, runner)
    setup.resize(720, 660)
    setup.show()
    setup.form.first.setText("zomer2024")
    save(setup, out, "setup.png")

    # Recovery key step.
    setup.form.first.setText(PASSPHRASE)
    setup.form.repeat.setText(PASSPHRASE)
    setup.submit()
    wait_for(until=lambda: setup.on_recovery_step)
    settle(app)
    save(setup, out, "recovery-key.png")
    vault = None

    def got(v: object) -> None:
        nonlocal vault
        vault = v

    setup.finished.connect(got)
    setup.recovery.stored.setChecked(True)
    setup.recovery.continue_button.click()
    wait_for(until=lambda: setup.on_profile_step)
    setup.profile.name.setText("An Claes")
    setup.profile.function.setText("straathoekwerker")
    setup.profile.organisation.setText("Outreach Gent")
    setup.profile.phone.setText("0489 12 34 56")
    setup.start_button.click()
    wait_for(setup.finished)
    assert vault is not None
    setup.hide()
    from app.services.demo import generate_demo
    from app.services.field import FieldServices

    generate_demo(FieldServices(vault), 40, contacts_per_person=8)  # type: ignore[arg-type]
    vault.lock()  # type: ignore[attr-defined]

    # Unlock after a wrong passphrase.
    unlock = UnlockWindow(gate, runner)
    unlock.show()
    unlock.panel.passphrase.setText("verkeerde wachtwoordzin")
    unlock.panel.submit()
    wait_for(until=lambda: unlock.panel.error.isVisible())
    save(unlock, out, "unlock.png")
    wait_for(until=lambda: unlock.panel.unlock_button.isEnabled(), timeout_ms=5_000)
    unlock.panel.passphrase.setText(PASSPHRASE)

    controller = AppController(gate, runner, use_dbus=False)
    controller.first_window = unlock
    unlock.unlocked.connect(controller.open_main)
    unlock.panel.submit()
    wait_for(controller.main_window_shown)
    main = controller.main_window
    assert main is not None
    main.resize(*SCREEN)
    wait_for(until=lambda: not main.is_locked and main.screens.currentWidget() is main.shell)
    main.today.note.setPlainText("Bellen naar het OCMW over de huurwaarborg (dinsdag).")

    main.go_to(main.pages.index(main.settings))
    wait_for(main.settings.loaded, timeout_ms=2_000)
    settle(app)
    save(main, out, "settings.png")

    main.go_to(main.pages.index(main.audit))
    wait_for(main.audit.loaded, timeout_ms=2_000)
    settle(app)
    save(main, out, "audit-log.png")

    # Field registration (issue 3).
    main.go_to(0)
    wait_for(main.today.loaded, timeout_ms=5_000)
    settle(app)
    save(main, out, "today.png")
    main.go_to(main.pages.index(main.caseload))
    wait_for(until=lambda: main.caseload.model.rowCount() > 0, timeout_ms=5_000)
    # Search as you type: names first, each row saying where it matched.
    named = next(r for r in main.caseload.model.rows if r.is_client and r.given_name)
    main.caseload.search.setText((named.given_name or "")[:3].lower())
    wait_for(main.caseload.searched, timeout_ms=5_000)
    settle(app)
    save(main, out, "caseload.png")
    main.caseload.search.clear()
    client = max(
        (r for r in main.caseload.model.rows if r.is_client and not r.closed),
        key=lambda r: len(field_for(main).contacts.agreements(r.id)),
    )
    main.open_person(client.id)
    wait_for(main.person_file.loaded, timeout_ms=5_000)
    main.person_file.tabs.setCurrentIndex(0)  # the overview: where the person stands
    settle(app)
    save(main, out, "person-file.png")
    # Consent, sociale kaart and warm handover (issue 5).
    runner.wait_for_done()
    settle(app)
    field = main.field
    assert field is not None and main.vault is not None

    def score(pid: str) -> tuple[int, int, int]:
        hs = field.handovers.for_person(pid)
        return (len(field.consents.for_person(pid)) > 0, len(hs) > 0, len(hs))

    with_handover = max((r.id for r in main.caseload.model.rows), key=score)
    sharing = main.person_file.sharing_tab
    main.open_person(with_handover)
    wait_for(sharing.loaded, timeout_ms=5_000)
    main.person_file.tabs.setCurrentWidget(sharing)
    sharing.handover_table.selectRow(0)
    settle(app)
    save(main, out, "consent.png")
    preview = sharing.open_preview()
    assert preview is not None
    wait_for(preview.loaded, timeout_ms=10_000)
    preview.resize(860, 900)
    settle(app)
    save(preview, out, "fiche-preview.png")
    preview.reject()
    main.go_to(main.pages.index(main.social_map))
    wait_for(main.social_map.loaded, timeout_ms=5_000)
    overdue = {h.organisation_id for h in main.social_map.overdue}
    rows = main.social_map.model.rows
    pick = next((i for i, o in enumerate(rows) if o.id in overdue), 0)
    main.social_map.table.selectRow(pick)
    settle(app)
    save(main, out, "sociale-kaart.png")

    main.go_to(main.pages.index(main.caseload))
    main.quick.open()
    wait_for(main.quick.opened, timeout_ms=5_000)
    dialog = main.quick.dialog
    assert dialog is not None
    dialog.resize(900, 700)  # as it opens on a 1366 × 768 laptop
    dialog.picker.setText("an")
    settle(app)
    save(dialog, out, "quick-entry.png")
    dialog.reject()
    main.discretion.set_on(True)
    settle(app)
    save(main, out, "discreet-mode.png")
    main.discretion.set_on(False)

    # Reports (issue 12): the team's figures with charts, the signals, and the PDF.
    shoot_reports(app, main, out, data)

    # Settings → Synchronisatie against a real store on loopback: the organisation's and this
    # laptop's safety codes, a laptop waiting for approval, and the approval dialog with its
    # safety code to compare.
    sync_screens(app, main, runner, out, data)

    # Working as a team (issue 14): the week by day and group work, at 1366×768.
    main.resize(1366, 768)
    main.go_to(main.pages.index(main.agenda))
    wait_for(main.agenda.loaded, timeout_ms=5_000)
    agenda = main.agenda
    agenda.whose.setCurrentIndex(agenda.whose.findData("__team__"))  # the coordinator's view
    agenda.whose.activated.emit(agenda.whose.currentIndex())
    wait_for(agenda.loaded, timeout_ms=5_000)
    week = agenda.week
    if week is not None and sum(1 for i in week.items if i.day >= week.start) < 8:
        agenda.next_button.click()  # late in the week: show the coming one
        wait_for(agenda.loaded, timeout_ms=5_000)
    settle(app)
    save(main, out, "agenda.png")
    main.go_to(main.pages.index(main.groups))
    wait_for(main.groups.loaded, timeout_ms=5_000)
    held = [i for i, x in enumerate(main.groups.session_model.rows) if x.held]
    if held:
        main.groups.session_table.selectRow(held[-1])
    settle(app)
    save(main, out, "groups.png")
    main.resize(1100, 720)

    # A long sync in the status bar: determinate progress while receiving, with Stop.
    from app.sync.engine import SyncProgress
    from tests.views.test_sync_progress import RELEASE, SteppedService

    main.go_to(main.pages.index(main.caseload))
    syncing = SteppedService()
    main.scheduler.start(syncing)
    wait_for(until=lambda: main.scheduler.state.enrolled, timeout_ms=5_000)
    main.scheduler.sync_now()
    syncing.steps.put(SyncProgress("pull", 2_250, 5_000))
    wait_for(until=lambda: main.sync_status.bar.value() == 45, timeout_ms=5_000)
    settle(app)
    save(main, out, "sync-progress.png")
    syncing.steps.put(RELEASE)
    wait_for(main.scheduler.synced, timeout_ms=5_000)

    # The dark palette (the system's scheme decides; here it is forced), in a window made
    # after the switch, as it is when the system is dark at start.
    apply_theme(app, dark=True)
    from app.views.main_window import MainWindow

    assert main.vault is not None
    dark = MainWindow(main.vault, gate, runner, clipboard=main.clipboard)
    dark.resize(*SCREEN)
    dark.show()
    wait_for(dark.today.loaded, timeout_ms=5_000)
    settle(app)
    save(dark, out, "today-dark.png")
    dark.hide()  # not closed: closing would lock the vault the other window still uses
    apply_theme(app, dark=False)
    settle(app)
    from tests.views.import_screenshots import shoot_import_wizard

    shoot_import_wizard(main, out, save, wait_for)

    main.go_to(0)
    main.lock()
    wait_for(main.locked)
    settle(app)
    save(main, out, "locked.png")
    main.hide()
    runner.wait_for_done()
    del keep
    return 0


def shoot_reports(app: QApplication, main: Any, out: Path, data: Path) -> None:
    import subprocess

    page = main.reports
    main.go_to(main.pages.index(page))
    wait_for(page.computed, timeout_ms=30_000)
    settle(app)
    save(main, out, "reports.png")
    bar = page.scroll_area.verticalScrollBar()
    page.as_exported.setChecked(True)  # small numbers hidden on the vault lane, then shown
    wait_for(until=lambda: page.exported_view is not None, timeout_ms=30_000)
    settle(app)

    def caseload_block() -> QWidget | None:
        return next(
            (
                w
                for w in page.content.findChildren(QWidget)
                if w.accessibleName() == "Caseload per werker" and w.isVisible()
            ),
            None,
        )

    wait_for(until=lambda: caseload_block() is not None, timeout_ms=10_000)
    block = caseload_block()
    assert block is not None
    bar.setValue(block.y())
    settle(app)
    save(main, out, "reports-exported.png")
    page.as_exported.setChecked(False)
    bar.setValue(0)
    page.tabs.setCurrentIndex(1)
    settle(app)
    save(main, out, "signals.png")
    page.tabs.setCurrentIndex(0)
    pdf = data / "rapport.pdf"
    assert main.field is not None
    main.field.reports.export(page.params(), "pdf", pdf)
    for first, name in ((1, "report-pdf-page1"), (3, "report-pdf-page3")):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", str(first), "-l", str(first), "-singlefile",
             str(pdf), str(out / name)],
            check=True,
        )  # fmt: skip
        print(out / f"{name}.png")


def sync_screens(app: QApplication, main: Any, runner: TaskRunner, out: Path, data: Path) -> None:
    from app.sync.service import SyncService
    from tests.server.helpers import live_store

    store_dir = data / "store"
    store_dir.mkdir()
    with live_store(store_dir, f"sqlite:///{store_dir / 'store.db'}") as store:
        sync = main.sync
        assert sync is not None
        sync.create_organisation(store.base_url, store.token(), "Outreach Gent")
        team = sync.create_team("Team Noord")
        other = (
            VaultService(
                AppPaths(data / "werklaptop", data / "werklaptop-logs"), kdf_params=FAST_KDF
            )
            .create(PASSPHRASE, device_label="werklaptop Sara")
            .vault
        )
        other_sync = SyncService(other.context)
        other_sync.enrol(store.base_url, sync.create_invite([team]))
        box = main.settings.sync_box
        main.go_to(main.pages.index(main.settings))
        main.scheduler.start(sync)
        main.scheduler.sync_now()
        wait_for(until=lambda: main.scheduler.state.phase == "idle", timeout_ms=30_000)
        box.load_devices()
        wait_for(box.devices_loaded, timeout_ms=10_000)
        wait_for(until=lambda: "Veiligheidscode" in box.codes.text(), timeout_ms=10_000)
        runner.wait_for_done()  # every load the sync started has delivered its rows
        settle(app)

        def pending_selected() -> bool:
            labels = [r.label for r in box.devices_model.rows]
            if "werklaptop Sara" in labels:
                box.devices_view.selectRow(labels.index("werklaptop Sara"))
            return bool(box.approve_button.isEnabled())

        wait_for(until=pending_selected, timeout_ms=10_000)
        settle(app)
        save(box, out, "sync-settings.png")  # the section itself, wherever it is scrolled
        dialog = box.ask_approve()
        assert dialog is not None
        wait_for(until=dialog.isVisible, timeout_ms=5_000)
        dialog.adjustSize()
        settle(app)
        save(dialog, out, "sync-approve.png")
        dialog.reject()
        runner.wait_for_done()
        conflict_screen(app, main, runner, out, other, other_sync)
        main.scheduler.stop()
        runner.wait_for_done()
        other_sync.close()
        other.lock()


def conflict_screen(
    app: QApplication, main: Any, runner: TaskRunner, out: Path, other: Any, other_sync: Any
) -> None:
    """Sara's laptop and this one give Kevin a new phone number while apart: the conflicts
    screen on this laptop, with whose value lost."""
    from datetime import date

    from app.services.field import FieldServices
    from app.services.people import PseudonymInput
    from app.services.workers import WorkerProfile

    sync = main.sync
    sync.approve_pending()
    other_sync.sync_once()
    mine, hers = field_for(main), FieldServices(other)
    hers.workers.save_profile(WorkerProfile(name="Sara Peeters", function="straathoekwerker"))
    pid = mine.people.create_pseudonym(PseudonymInput("Kevin", date(1994, 3, 2), "mond_aan_mond"))
    mine.people.update(pid, phone="0470 11 22 33", note="Slaapt in de nachtopvang")
    sync.sync_once()
    other_sync.sync_once()
    hers.people.update(pid, phone="0486 77 88 99", note="Zoekt een studio in Ledeberg")
    mine.people.update(pid, phone="0470 44 55 66", note="Afspraak bij het OCMW op dinsdag")
    mine.people.update(pid, alias="Kevin D.")
    sync.sync_once()
    other_sync.sync_once()
    sync.sync_once()
    page = main.conflicts
    main.show_conflicts()
    wait_for(page.loaded, timeout_ms=10_000)
    runner.wait_for_done()
    settle(app)
    save(main, out, "sync-conflicts.png")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
