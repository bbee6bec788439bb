"""All field-registration services of one unlocked vault, sharing one record writer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.domain.vocab import Vocabularies
from app.services import vocabularies
from app.services.agenda import AgendaService
from app.services.base import FieldContext
from app.services.caseload import CaseloadService
from app.services.contacts import ContactService
from app.services.esf import EsfService
from app.services.follow_ups import FollowUpService
from app.services.groups import GroupService
from app.services.handovers import HandoverService
from app.services.importing import ImportService
from app.services.people import PeopleService
from app.services.processing import ProcessingRecordService
from app.services.report_settings import ReportSettings
from app.services.reports import ReportService
from app.services.retention import RetentionService
from app.services.rights import RightsService
from app.services.sharing import ConsentService, SocialMapService
from app.services.signals import SignalService
from app.services.situation import SituationService
from app.services.trajectory import TrajectoryService
from app.services.transfers import TransferService
from app.services.vault import OpenVault
from app.services.vindplaatsen import VindplaatsService
from app.services.workers import WorkerService
from app.services.zrm import ZrmService


class FieldServices:
    def __init__(self, vault: OpenVault, *, now: Callable[[], datetime] = datetime.now) -> None:
        self.context = FieldContext(
            vault.context, vault.audit, vocabularies.load(vault.paths.data_dir), now=now
        )
        self.settings = self.context.settings
        self.people = PeopleService(self.context)
        self.trajectory = TrajectoryService(self.context)
        self.contacts = ContactService(self.context)
        self.vindplaatsen = VindplaatsService(self.context)
        self.situation = SituationService(self.context)
        self.caseload = CaseloadService(self.context)
        self.zrm = ZrmService(self.context)
        self.social_map = SocialMapService(self.context)
        self.consents = ConsentService(self.context)
        self.handovers = HandoverService(self.context, vault.verify_passphrase)
        self.rights = RightsService(self.context, vault.verify_passphrase)
        self.workers = WorkerService(self.context.ctx, vault.audit, self.context.records)
        # Reports and the countable data they rest on.
        self.follow_ups = FollowUpService(self.context)
        self.signals = SignalService(self.context)
        self.esf = EsfService(self.context)
        self.report_settings = ReportSettings(vault.context, vault.settings)
        self.reports = ReportService(self.context, self.report_settings)
        self.imports = ImportService(self.context, vault.paths.data_dir)
        self.transfers = TransferService(self.context)
        self.groups = GroupService(self.context)
        self.agenda = AgendaService(self.context)
        self.retention = RetentionService(self.context, self.rights)
        self.processing = ProcessingRecordService(self.context)

    @property
    def vocab(self) -> Vocabularies:
        """The organisation's vocabularies (an import may add terms)."""
        return self.context.vocab
