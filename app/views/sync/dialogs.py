"""Dialogs for joining a central store: a new organisation, an invite, teams, revoking."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.fonts import mono_font
from app.qt.tasks import TaskRunner
from app.views.widgets import (
    BusyIndicator,
    Feedback,
    PassphraseField,
    field_label,
    heading,
    paragraph,
)

if TYPE_CHECKING:
    from app.services.workers import WorkerRow, WorkerService
    from app.sync.service import SyncService

from app.views.workers import WorkerProfileForm

log = logging.getLogger(__name__)


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(32)
    return edit


def _code_label(name: str) -> QLabel:
    label = QLabel()
    font = mono_font()
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.3)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(16)
    label.setAccessibleName(name)
    return label


def check_server_url(url: str) -> str | None:
    """A Dutch error for an address that cannot be a central store, else None."""
    url = url.strip()
    if not url:
        return QCoreApplication.translate("SyncDialogs", "Type the address of the central store.")
    if not (url.startswith("https://") or url.startswith("http://")) or len(url) < 10:
        return QCoreApplication.translate(
            "SyncDialogs", "The address starts with https://, e.g. https://opslag.voorbeeld.be"
        )
    return None


def _buttons(
    accept: tuple[str, str],
    on_accept: Callable[[], Any],
    reject: tuple[str, str],
    on_reject: Callable[[], Any],
    *,
    cancel_default: bool = False,
) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's two buttons, each (text, accessible name); the accept button is the
    default unless `cancel_default` (for actions that cannot be undone)."""
    box = QDialogButtonBox()
    ok = box.addButton(accept[0], QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setAccessibleName(accept[1])
    cancel = box.addButton(reject[0], QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setAccessibleName(reject[1])
    (cancel if cancel_default else ok).setDefault(True)
    ok.clicked.connect(on_accept)
    cancel.clicked.connect(on_reject)
    return box, ok


class _TaskDialog(QDialog):
    """A modal form whose action runs on the task runner, with busy and feedback."""

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.setMinimumWidth(520)
        self.busy = BusyIndicator(
            QCoreApplication.translate("SyncDialogs", "Contacting the central store…"), self
        )
        self.feedback = Feedback(QCoreApplication.translate("SyncDialogs", "Feedback"), self)
        self.working = False

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        buttons: list[QPushButton],
    ) -> None:
        if self.working:
            return
        self.working = True
        self.feedback.clear_message()
        self.busy.start()
        for b in buttons:
            b.setEnabled(False)

        def settle() -> None:
            self.working = False
            self.busy.stop()
            for b in buttons:
                b.setEnabled(True)

        def finished(result: Any) -> None:
            settle()
            done(result)

        def failed(exc: BaseException) -> None:
            settle()
            if isinstance(exc, BrugfiguurError):
                self.feedback.show_errors([exc.message])
            else:
                log.error("sync dialog: %s", type(exc).__name__, exc_info=exc)
                self.feedback.show_errors(
                    [
                        QCoreApplication.translate(
                            "SyncDialogs", "That did not work; try again later."
                        )
                    ]
                )

        self.runner.submit(work, finished, failed, owner=self)


class NewOrganisationDialog(_TaskDialog):
    """Three steps: the store and a name; the organisation recovery key (once); a first team."""

    organisation_created = Signal()
    team_created = Signal(str)

    def __init__(
        self, sync: SyncService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, self.tr("Set up a new organisation"), parent)
        self.sync = sync
        self.setMinimumWidth(620)
        self.steps = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.busy)
        layout.addWidget(self.feedback)

        # Step 1: the store.
        form = QWidget()
        form.setAccessibleName(self.tr("Central store"))
        v = QVBoxLayout(form)
        v.addWidget(heading(self.tr("Set up a new organisation"), level=2))
        v.addWidget(
            paragraph(
                self.tr(
                    "Do this once, on the coordinator's laptop, right after the central store "
                    "was installed. This laptop becomes the first coordinator. The setup token "
                    "is in the file setup-token in the store's data folder."
                )
            )
        )
        self.url = _line(self.tr("Address of the central store"), "https://opslag.voorbeeld.be")
        v.addWidget(field_label(self.tr("Address of the central store"), self.url))
        v.addWidget(self.url)
        self.token = PassphraseField(self.tr("Setup token"), form)
        v.addWidget(field_label(self.tr("Setup token"), self.token))
        v.addWidget(self.token)
        self.name = _line(self.tr("Name of the organisation"), self.tr("e.g. VZW De Brug"))
        v.addWidget(field_label(self.tr("Name of the organisation"), self.name))
        v.addWidget(self.name)
        buttons, self.create_button = _buttons(
            (self.tr("Set up"), self.tr("Set up the organisation")),
            self.submit,
            (self.tr("Cancel"), self.tr("Cancel")),
            self.reject,
        )
        v.addStretch(1)
        v.addWidget(buttons)
        self.steps.addWidget(form)

        # Step 2: the organisation recovery key, shown once.
        key = QWidget()
        key.setAccessibleName(self.tr("Recovery key of the organisation"))
        v = QVBoxLayout(key)
        v.addWidget(heading(self.tr("Recovery key of the organisation"), level=2))
        v.addWidget(
            paragraph(
                self.tr(
                    "With this key the organisation can read its teams' data again if every "
                    "coordinator's laptop is lost. Write it down or print this screen, and "
                    "keep it offline in a locked place, away from the laptops. It is shown "
                    "only this once and is not stored anywhere."
                )
            )
        )
        self.key_label = _code_label(self.tr("Recovery key of the organisation"))
        self._org_key = ""  # only in memory while this step is shown
        v.addWidget(self.key_label)
        self.print_button = QPushButton(self.tr("Print as PDF…"), key)
        self.print_button.setAccessibleName(
            self.tr("Save the organisation's recovery key as a PDF to print")
        )
        self.print_button.clicked.connect(self.print_pdf)
        v.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.stored = QCheckBox(
            self.tr("I have written down the organisation's recovery key and stored it safely"),
            key,
        )
        self.stored.setAccessibleName(self.stored.text())
        v.addWidget(self.stored)
        self.key_continue = QPushButton(self.tr("Continue"), key)
        self.key_continue.setAccessibleName(self.tr("Continue"))
        self.key_continue.setMinimumHeight(36)
        self.key_continue.setEnabled(False)
        self.stored.toggled.connect(self.key_continue.setEnabled)
        self.key_continue.clicked.connect(self._key_stored)
        v.addStretch(1)
        v.addWidget(self.key_continue, 0, Qt.AlignmentFlag.AlignRight)
        self.steps.addWidget(key)

        # Step 3: the first team.
        team = QWidget()
        team.setAccessibleName(self.tr("First team"))
        v = QVBoxLayout(team)
        v.addWidget(heading(self.tr("The first team"), level=2))
        v.addWidget(
            paragraph(
                self.tr(
                    "A team shares one key: only its members' laptops can read what the team "
                    "records. Give the team a name your colleagues recognise."
                )
            )
        )
        self.team_name = _line(self.tr("Name of the team"), self.tr("e.g. Straathoekwerk Noord"))
        v.addWidget(field_label(self.tr("Name of the team"), self.team_name))
        v.addWidget(self.team_name)
        buttons, self.team_button = _buttons(
            (self.tr("Create team"), self.tr("Create team")),
            self.submit_team,
            (self.tr("Later"), self.tr("Create a team later")),
            self.accept,
        )
        v.addStretch(1)
        v.addWidget(buttons)
        self.steps.addWidget(team)

    def submit(self) -> None:
        url, token, name = self.url.text().strip(), self.token.text().strip(), self.name.text()
        problems = [p for p in (check_server_url(url),) if p]
        if not token:
            problems.append(self.tr("Type the setup token of the central store."))
        if not name.strip():
            problems.append(self.tr("Give the organisation a name."))
        if problems:
            self.feedback.show_errors(problems)
            return
        sync = self.sync
        self.run(
            lambda: sync.create_organisation(url, token, name.strip()),
            self._created,
            [self.create_button],
        )

    def print_pdf(self) -> None:
        from pathlib import Path

        from PySide6.QtCore import QDir
        from PySide6.QtWidgets import QFileDialog

        start = QDir.home().filePath("brugfiguur-herstelsleutel-organisatie.pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery key as PDF"), start, self.tr("PDF files (*.pdf)")
        )
        if chosen:
            dest = Path(chosen)
            self.write_pdf(dest if dest.suffix.lower() == ".pdf" else dest.with_suffix(".pdf"))

    def write_pdf(self, dest: Any) -> None:
        key, name, now = self._org_key, self.name.text().strip(), datetime.now()

        def work() -> Any:
            from app.documents.recovery_sheet import RecoverySheet, build_recovery_sheet

            return build_recovery_sheet(RecoverySheet(key, name, now, organisation=True), dest)

        self.run(
            work,
            lambda path: self.feedback.show_ok(self.tr("Saved as %1").replace("%1", str(path))),
            [self.print_button],
        )

    def _created(self, result: Any) -> None:
        self.token.clear()
        key = str(result.recovery_private_key)
        self._org_key = key
        groups = key.split("-")
        self.key_label.setText("\n".join("-".join(groups[i : i + 5]) for i in range(0, 14, 5)))
        self.stored.setChecked(False)
        self.steps.setCurrentIndex(1)
        self.organisation_created.emit()

    def _key_stored(self) -> None:
        if self.stored.isChecked():
            self.key_label.clear()
            self._org_key = ""
            self.feedback.clear_message()
            self.steps.setCurrentIndex(2)
            self.team_name.setFocus()

    def submit_team(self) -> None:
        name = self.team_name.text().strip()
        if not name:
            self.feedback.show_errors([self.tr("Give the team a name.")])
            return
        sync = self.sync
        self.run(lambda: sync.create_team(name), self._team_done, [self.team_button])

    def _team_done(self, team_id: Any) -> None:
        self.team_created.emit(str(team_id))
        self.accept()

    def reject(self) -> None:
        # The recovery key is shown only once: it cannot be closed away unconfirmed.
        if self.steps.currentIndex() == 1 or self.working:
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.steps.currentIndex() == 1 or self.working:
            event.ignore()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.key_label.clear()
        self._org_key = ""
        self.token.clear()
        super().done(result)


class JoinDialog(_TaskDialog):
    """A worker's laptop joins with the store address and a coordinator's invite code."""

    def __init__(
        self,
        sync: SyncService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        workers: WorkerService | None = None,
    ) -> None:
        super().__init__(runner, self.tr("Join with an invitation"), parent)
        self.sync = sync
        self.workers = workers
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Join with an invitation"), level=2))
        layout.addWidget(
            paragraph(
                self.tr(
                    "Your coordinator gives you the address of the central store and an "
                    "invitation code. The code works once and expires after a few days. After "
                    "joining, a coordinator's next sync approves this laptop; then your team's "
                    "data arrives."
                )
            )
        )
        self.url = _line(self.tr("Address of the central store"), "https://opslag.voorbeeld.be")
        layout.addWidget(field_label(self.tr("Address of the central store"), self.url))
        layout.addWidget(self.url)
        self.code = _line(self.tr("Invitation code"))
        self.code.setFont(mono_font())
        layout.addWidget(field_label(self.tr("Invitation code"), self.code))
        layout.addWidget(self.code)
        # Who joins: the team sees the worker's name, function and contact details.
        self.profile = WorkerProfileForm(self)
        self.profile.setVisible(workers is not None)
        if workers is not None:
            layout.addWidget(heading(self.tr("About you"), level=2))
            layout.addWidget(self.profile)
            runner.submit(workers.me, self._fill_profile, owner=self)
        layout.addWidget(self.busy)
        layout.addWidget(self.feedback)
        buttons, self.join_button = _buttons(
            (self.tr("Join"), self.tr("Join")),
            self.submit,
            (self.tr("Cancel"), self.tr("Cancel")),
            self.reject,
        )
        layout.addWidget(buttons)

    def _fill_profile(self, me: WorkerRow | None) -> None:
        """The saved profile, unless the worker already started typing."""
        if me is not None and not any(e.text() for e in self.profile.edits().values()):
            self.profile.set_row(me)

    def submit(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        problems = [p for p in (check_server_url(url),) if p]
        if not code:
            problems.append(self.tr("Type the invitation code."))
        if problems:
            self.feedback.show_errors(problems)
            return
        sync, workers = self.sync, self.workers
        profile = self.profile.profile()

        def work() -> None:
            if workers is not None:
                workers.save_profile(profile)  # refused before joining when incomplete
            sync.enrol(url, code)

        self.run(work, lambda _: self.accept(), [self.join_button])

    def done(self, result: int) -> None:
        self.code.clear()
        super().done(result)


class NewTeamDialog(_TaskDialog):
    created = Signal(str)

    def __init__(
        self, sync: SyncService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, self.tr("New team"), parent)
        self.sync = sync
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "A new team gets its own key. This laptop and the organisation's recovery "
                    "key receive it; invite colleagues to add their laptops."
                )
            )
        )
        self.name = _line(self.tr("Name of the team"), self.tr("e.g. Straathoekwerk Noord"))
        layout.addWidget(field_label(self.tr("Name of the team"), self.name))
        layout.addWidget(self.name)
        layout.addWidget(self.busy)
        layout.addWidget(self.feedback)
        buttons, self.ok_button = _buttons(
            (self.tr("Create team"), self.tr("Create team")),
            self.submit,
            (self.tr("Cancel"), self.tr("Cancel")),
            self.reject,
        )
        layout.addWidget(buttons)

    def submit(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.feedback.show_errors([self.tr("Give the team a name.")])
            return
        sync = self.sync

        def done(team_id: Any) -> None:
            self.created.emit(str(team_id))
            self.accept()

        self.run(lambda: sync.create_team(name), done, [self.ok_button])


class InviteDialog(_TaskDialog):
    """Teams, role and validity; then the code, shown once, to read out or pass on."""

    created = Signal()

    def __init__(
        self,
        sync: SyncService,
        runner: TaskRunner,
        teams: tuple[tuple[str, str], ...],
        *,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, self.tr("Make an invitation"), parent)
        self.sync = sync
        self._now = now
        self.steps = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.busy)
        layout.addWidget(self.feedback)

        form = QWidget()
        form.setAccessibleName(self.tr("Invitation"))
        v = QVBoxLayout(form)
        v.addWidget(
            paragraph(
                self.tr(
                    "An invitation lets one new laptop join. Choose its teams and role; the "
                    "code works once and expires after the days you choose."
                )
            )
        )
        self.teams = QListWidget(form)
        self.teams.setAccessibleName(self.tr("Teams of the new laptop"))
        self.teams.setMaximumHeight(120)
        for team_id, name in teams:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, team_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if len(teams) == 1 else Qt.CheckState.Unchecked
            )
            self.teams.addItem(item)
        v.addWidget(field_label(self.tr("Teams"), self.teams))
        v.addWidget(self.teams)
        self.role = QComboBox(form)
        self.role.setAccessibleName(self.tr("Role"))
        self.role.addItem(self.tr("Worker"), "worker")
        self.role.addItem(self.tr("Coordinator"), "coordinator")
        v.addWidget(field_label(self.tr("Role"), self.role))
        v.addWidget(self.role)
        self.days = QSpinBox(form)
        self.days.setRange(1, 7)
        self.days.setValue(3)
        self.days.setSuffix(self.tr(" day(s)"))
        self.days.setAccessibleName(self.tr("Days the invitation stays valid"))
        self.days.setMinimumHeight(30)
        v.addWidget(field_label(self.tr("Valid for"), self.days))
        v.addWidget(self.days)
        buttons, self.make_button = _buttons(
            (self.tr("Make invitation"), self.tr("Make invitation")),
            self.submit,
            (self.tr("Cancel"), self.tr("Cancel")),
            self.reject,
        )
        v.addWidget(buttons)
        self.steps.addWidget(form)

        shown = QWidget()
        shown.setAccessibleName(self.tr("Invitation code"))
        v = QVBoxLayout(shown)
        v.addWidget(heading(self.tr("Invitation code"), level=2))
        self.code_label = _code_label(self.tr("Invitation code"))
        v.addWidget(self.code_label)
        self.expiry = paragraph("")
        v.addWidget(self.expiry)
        close = QPushButton(self.tr("Close"), shown)
        close.setAccessibleName(self.tr("Close"))
        close.setMinimumHeight(36)
        close.clicked.connect(self.accept)
        v.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.steps.addWidget(shown)

    def chosen_teams(self) -> list[str]:
        return [
            str(self.teams.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.teams.count())
            if self.teams.item(i).checkState() == Qt.CheckState.Checked
        ]

    def code(self) -> str:
        return self.code_label.text()

    def submit(self) -> None:
        teams = self.chosen_teams()
        if not teams:
            self.feedback.show_errors([self.tr("Choose at least one team.")])
            return
        role, days = str(self.role.currentData()), self.days.value()
        sync = self.sync
        self.run(
            lambda: sync.create_invite(teams, role=role, days=days),
            lambda code: self._show_code(str(code), days),
            [self.make_button],
        )

    def _show_code(self, code: str, days: int) -> None:
        until = (self._now() + timedelta(days=days)).strftime("%d/%m/%Y %H:%M")
        self.code_label.setText(code)
        self.expiry.setText(
            self.tr(
                "Read the code out or pass it on in a safe way, together with the address of "
                "the central store. It is shown only now, works once and expires on %1."
            ).replace("%1", until)
        )
        self.expiry.setAccessibleName(self.expiry.text())
        self.steps.setCurrentIndex(1)
        self.created.emit()

    def done(self, result: int) -> None:
        self.code_label.clear()
        super().done(result)


class RevokeDialog(QDialog):
    """Asks once before revoking a device, and says what happens to the team key."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Revoke a device")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Revoke “%1”? From now on it cannot synchronise any more. Brugfiguur then "
                    "makes a new key for each of its teams, so it cannot read anything new. "
                    "What it already had stays on it: also lock or wipe the laptop if it was "
                    "lost or stolen."
                ).replace("%1", label)
            )
        )
        buttons, self.revoke_button = _buttons(
            (self.tr("Revoke"), self.tr("Revoke the device")),
            self.accept,
            (self.tr("Cancel"), self.tr("Cancel")),
            self.reject,
            cancel_default=True,
        )
        layout.addWidget(buttons)


class ConfirmDeletionDialog(QDialog):
    """A sync that would delete many records waits for this."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Confirm deletions")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(message))
        layout.addWidget(
            paragraph(
                self.tr(
                    "If you did not mean to delete this much, choose “Not now” and ask your "
                    "coordinator for help; nothing is sent until you confirm."
                )
            )
        )
        buttons, self.confirm_button = _buttons(
            (self.tr("Yes, synchronise"), self.tr("Yes, synchronise the deletions")),
            self.accept,
            (self.tr("Not now"), self.tr("Not now")),
            self.reject,
            cancel_default=True,
        )
        layout.addWidget(buttons)


class ApproveDialog(QDialog):
    """Before a coordinator approves an enrolled laptop: who it is, which teams and role it
    gets (from the invitation this laptop made), and its safety code to compare with the code
    on the laptop's own screen."""

    def __init__(
        self,
        label: str,
        teams: str,
        role: str,
        safety_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = self.tr("Approve a laptop")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "“%1” joined with your invitation for %2 as %3. Approve it only when the "
                    "safety code below is exactly the one on that laptop's screen "
                    "(Settings → Synchronisation). If they differ, someone else may be "
                    "pretending to be that laptop: do not approve it."
                )
                .replace("%1", label)
                .replace("%2", teams)
                .replace("%3", role)
            )
        )
        self.code = _code_label(self.tr("Safety code of the laptop"))
        groups = safety_code.split()
        self.code.setText(" ".join(groups[:4]) + "\n" + " ".join(groups[4:]))
        layout.addWidget(self.code)
        buttons, self.approve_button = _buttons(
            (self.tr("The codes are the same: approve"), self.tr("Approve the laptop")),
            self.accept,
            (self.tr("Cancel"), self.tr("Cancel")),
            self.reject,
            cancel_default=True,
        )
        layout.addWidget(buttons)
