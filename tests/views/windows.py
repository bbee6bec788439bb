"""Every window and dialog of the app, built on a small demo vault, for the checks that must
hold for all of them (size, mnemonics, hit targets, contrast).

`catalogue()` maps the name of each window class to a function that builds it. A new dialog
class in app/views makes `uncovered()` non-empty until it is added here, so no window escapes
the checks.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

import app.views
from app.paths import AppPaths
from app.qt.clipboard import TimedClipboard
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.field import FieldServices
from app.services.vault import OpenVault, VaultService
from app.views.discreet import Discretion
from tests.conftest import FAST_KDF, PASSPHRASE

# Top-level windows that are no QDialog.
WINDOWS = ("SetupWindow", "UnlockWindow", "DemoWindow", "MainWindow")


@dataclass
class Ctx:
    service: VaultService
    vault: OpenVault
    field: FieldServices
    runner: TaskRunner
    gate: VaultGate
    discretion: Discretion
    parent: QWidget


def demo_vault(tmp: Path) -> tuple[VaultService, OpenVault, FieldServices]:
    from app.services.demo import generate_demo

    paths = AppPaths(data_dir=tmp / "data", log_dir=tmp / "logs")
    service = VaultService(paths, kdf_params=FAST_KDF, sleep=lambda _: None)
    created = service.create(PASSPHRASE, device_label="testlaptop")
    field = FieldServices(created.vault)
    generate_demo(field, 20, contacts_per_person=4)
    return service, created.vault, field


def _app_classes() -> Iterator[type]:
    for info in pkgutil.walk_packages(app.views.__path__, "app.views."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                yield value


def window_classes() -> set[str]:
    """Names of every concrete dialog or window class defined in app/views."""
    out = set()
    for cls in _app_classes():
        if cls.__name__.startswith("_"):
            continue
        if issubclass(cls, QDialog) or cls.__name__ in WINDOWS:
            out.add(cls.__name__)
    return out


def uncovered() -> set[str]:
    return window_classes() - set(catalogue_names()) - ABSTRACT


ABSTRACT = {"FormDialog", "DiscreetDialog"}  # bases, only used through their subclasses


def catalogue_names() -> list[str]:
    return list(_builders())


def _builders() -> dict[str, Callable[[Ctx], QWidget]]:
    from app.sync.service import SyncService
    from app.views import person_dialogs as pd
    from app.views import person_rights as pr
    from app.views import team
    from app.views.demo import DemoWindow
    from app.views.import_wizard import ImportWizard
    from app.views.main_window import MainWindow
    from app.views.pages import groups as gp
    from app.views.pages import locations as loc
    from app.views.pages.settings import ConfirmPassphraseDialog
    from app.views.passphrase import PassphraseDialog
    from app.views.quick_entry import QuickEntryDialog
    from app.views.recovery import RecoveryKeyDialog
    from app.views.reports import dialogs as rd
    from app.views.setup_window import SetupWindow
    from app.views.sharing import dialogs as sd
    from app.views.sharing.fiche_preview import FichePreviewDialog, OverrideDialog
    from app.views.shortcuts import ShortcutsDialog
    from app.views.sync import dialogs as syd
    from app.views.unlock import UnlockWindow

    def client(c: Ctx) -> str:
        return next(r.id for r in c.field.caseload.rows() if r.is_client)

    def pseudonym(c: Ctx) -> str:
        return next(r.id for r in c.field.caseload.rows() if not r.is_client)

    def orgs(c: Ctx) -> list:  # type: ignore[type-arg]
        return list(c.field.social_map.search())

    def handover(c: Ctx):  # type: ignore[no-untyped-def]
        for r in c.field.caseload.rows():
            hs = c.field.handovers.for_person(r.id)
            if hs:
                return hs[0]
        raise AssertionError("the demo vault has no handover")

    def consent(c: Ctx):  # type: ignore[no-untyped-def]
        for r in c.field.caseload.rows():
            cs = c.field.consents.for_person(r.id)
            if cs:
                return cs[0]
        raise AssertionError("the demo vault has no consent")

    def follow_up(c: Ctx):  # type: ignore[no-untyped-def]
        for r in c.field.caseload.rows():
            fs = c.field.trajectory.view(r.id).follow_ups
            if fs:
                return fs[0]
        raise AssertionError("the demo vault has no follow-up")

    def group(c: Ctx):  # type: ignore[no-untyped-def]
        return c.field.groups.groups()[0]

    def sync(c: Ctx) -> SyncService:
        return SyncService(c.vault.context)

    def quick(c: Ctx) -> QWidget:
        return QuickEntryDialog(
            c.field,
            c.runner,
            c.discretion,
            c.field.caseload.rows(),
            c.field.vindplaatsen.all(),
            c.field.contacts.defaults(),
            parent=c.parent,
        )

    def main(c: Ctx) -> QWidget:
        # Its own session of the vault: closing the window locks that one only.
        return MainWindow(c.service.unlock(PASSPHRASE), c.gate, c.runner)

    b: dict[str, Callable[[Ctx], QWidget]] = {
        "MainWindow": main,
        "SetupWindow": lambda c: SetupWindow(c.gate, c.runner),
        "UnlockWindow": lambda c: UnlockWindow(c.gate, c.runner),
        "DemoWindow": lambda c: DemoWindow(c.gate, c.runner, PASSPHRASE),
        "QuickEntryDialog": quick,
        "NewPseudonymDialog": lambda c: pd.NewPseudonymDialog(
            c.field, c.runner, c.discretion, c.field.vindplaatsen.all(), c.parent
        ),
        "UpgradeDialog": lambda c: pd.UpgradeDialog(
            c.field, c.runner, c.discretion, pseudonym(c), c.parent
        ),
        "TrajectoryDialog": lambda c: pd.TrajectoryDialog(
            c.field, c.runner, client(c), "phase", "kennismaking", c.parent
        ),
        "FollowUpResultDialog": lambda c: rd.FollowUpResultDialog(
            c.field, c.runner, follow_up(c), c.parent
        ),
        "PlanFollowUpsDialog": lambda c: rd.PlanFollowUpsDialog(
            c.field, c.runner, client(c), c.parent
        ),
        "SignalDialog": lambda c: rd.SignalDialog(
            c.field, c.runner, orgs(c), ("Straathoekwerk Gent",), None, c.parent
        ),
        "EsfDialog": lambda c: rd.EsfDialog(c.field, c.runner, client(c), None, c.parent),
        "ReportSettingsDialog": lambda c: rd.ReportSettingsDialog(
            c.field, c.runner, 5, (3, 12, 24), c.parent
        ),
        "NetworkDialog": lambda c: pd.NetworkDialog(c.field, c.runner, client(c), c.parent),
        "DrempelDialog": lambda c: pd.DrempelDialog(c.field, c.runner, client(c), None, c.parent),
        "WorkReadinessDialog": lambda c: pd.WorkReadinessDialog(
            c.field, c.runner, client(c), c.parent
        ),
        "AgreementDialog": lambda c: pd.AgreementDialog(c.field, c.runner, client(c), c.parent),
        "PersonEditDialog": lambda c: pr.PersonEditDialog(
            c.field, c.runner, c.discretion, c.field.people.get(client(c)), c.parent
        ),
        "EraseDialog": lambda c: pr.EraseDialog("Zoë", c.parent),
        "VindplaatsDialog": lambda c: loc.VindplaatsDialog(c.field, c.runner, None, c.parent),
        "PresenceDialog": lambda c: loc.PresenceDialog(
            c.field, c.runner, c.field.vindplaatsen.all()[0], c.parent
        ),
        "OrganisationDialog": lambda c: sd.OrganisationDialog(c.field, c.runner, None, c.parent),
        "OrgContactDialog": lambda c: sd.OrgContactDialog(c.field, c.runner, orgs(c)[0], c.parent),
        "ConsentDialog": lambda c: sd.ConsentDialog(
            c.field, c.runner, client(c), orgs(c), c.parent
        ),
        "WithdrawConsentDialog": lambda c: sd.WithdrawConsentDialog(
            c.field, c.runner, consent(c), c.parent
        ),
        "HandoverDialog": lambda c: sd.HandoverDialog(
            c.field, c.runner, client(c), orgs(c), c.parent
        ),
        "HeldDialog": lambda c: sd.HeldDialog(
            c.field, c.runner, handover(c).id, date.today(), c.parent
        ),
        "FeedbackDialog": lambda c: sd.FeedbackDialog(
            c.field, c.runner, handover(c).id, "VDAB Gent", c.parent
        ),
        "FichePreviewDialog": lambda c: FichePreviewDialog(
            c.field,
            c.runner,
            handover(c),
            TimedClipboard(c.parent),
            c.discretion,
            parent=c.parent,
        ),
        "OverrideDialog": lambda c: OverrideDialog(c.field, c.parent),
        "RecoveryKeyDialog": lambda c: RecoveryKeyDialog(
            "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", c.runner, parent=c.parent
        ),
        "PassphraseDialog": lambda c: PassphraseDialog(c.vault, c.runner, parent=c.parent),
        "ConfirmPassphraseDialog": lambda c: ConfirmPassphraseDialog(
            "Back-up terugzetten", "Typ uw wachtwoordzin.", c.parent
        ),
        "ShortcutsDialog": lambda c: ShortcutsDialog(
            [(QKeySequence("Ctrl+N"), "Nieuw contactmoment")], c.parent
        ),
        "NewOrganisationDialog": lambda c: syd.NewOrganisationDialog(sync(c), c.runner, c.parent),
        "JoinDialog": lambda c: syd.JoinDialog(sync(c), c.runner, c.parent),
        "NewTeamDialog": lambda c: syd.NewTeamDialog(sync(c), c.runner, c.parent),
        "InviteDialog": lambda c: syd.InviteDialog(
            sync(c), c.runner, (("t1", "Straathoekwerk Gent"),), parent=c.parent
        ),
        "RevokeDialog": lambda c: syd.RevokeDialog("laptop van An", c.parent),
        "ApproveDialog": lambda c: syd.ApproveDialog(
            "laptop van An", "Straathoekwerk Gent", "worker", "12345 67890 12345 67890", c.parent
        ),
        "ImportWizard": lambda c: ImportWizard(c.field, c.runner, c.parent),
        "ConfirmDeletionDialog": lambda c: syd.ConfirmDeletionDialog(
            "Er zouden 40 % van de gegevens verwijderd worden.", c.parent
        ),
        # Working as a team (issue 14).
        "GroupDialog": lambda c: gp.GroupDialog(
            c.field,
            c.runner,
            ([(w.id, w.name) for w in c.field.workers.workers()], []),
            group(c),
            c.parent,
        ),
        "EnrolDialog": lambda c: gp.EnrolDialog(
            c.field,
            c.runner,
            group(c),
            [(r.id, r.alias) for r in c.field.caseload.rows()][:8],
            c.parent,
        ),
        "SessionDialog": lambda c: gp.SessionDialog(c.field, c.runner, group(c), c.parent),
        "AttendanceDialog": lambda c: gp.AttendanceDialog(
            c.field,
            c.runner,
            c.field.groups.detail(group(c).id).sessions[0],
            [(m.person_id, m.alias) for m in c.field.groups.detail(group(c).id).members],
            c.parent,
        ),
        "HandOnDialog": lambda c: team.HandOnDialog(
            c.field,
            c.runner,
            c.field.workers.workers(),
            from_worker=c.field.workers.workers()[1],
            parent=c.parent,
        ),
    }
    return b


def catalogue() -> dict[str, Callable[[Ctx], QWidget]]:
    return _builders()
