"""SQLAlchemy models, one module per aggregate. No queries, no Qt."""

from app.models.audit import AuditEntry, LocalAuditEntry
from app.models.base import Base
from app.models.conflicts import SyncedConflict
from app.models.contacts import Agreement, ContactMoment, ContactPerson
from app.models.device import DeviceIdentity
from app.models.draft import Draft
from app.models.esf import EsfProfile
from app.models.groups import Group, GroupMember, GroupSession
from app.models.outbox import OutboxEntry
from app.models.people import Person
from app.models.purge import Purge
from app.models.record import SyncedRecord
from app.models.search import FTS_TABLE, IndexDebt, SearchDoc
from app.models.setting import Setting, SharedSetting
from app.models.sharing import Consent, Handover, Organisation, OrgContact
from app.models.signals import Signal
from app.models.situation import DrempelRecord, NetworkMember, WorkReadinessItem
from app.models.sync import (
    ConflictRecord,
    PurgedRecord,
    QuarantineEntry,
    RecordHistory,
    RecordTeam,
    SyncConfig,
    TeamKey,
    TeamState,
    TrustState,
    TrustStatement,
)
from app.models.trajectory import FollowUp, PhaseEventRecord
from app.models.transfers import CaseloadTransfer
from app.models.vindplaatsen import PresenceLog, Vindplaats
from app.models.workers import Worker
from app.models.zrm import ZrmAssessment, ZrmCriterion

SYNCED_MODELS: tuple[type[SyncedRecord], ...] = (
    Person, PhaseEventRecord, FollowUp, ContactMoment, Agreement, Vindplaats, PresenceLog,
    NetworkMember, DrempelRecord, WorkReadinessItem, ZrmAssessment, Organisation, OrgContact,
    Consent, Handover, SharedSetting, Worker, CaseloadTransfer, Group, GroupMember,
    GroupSession, AuditEntry, Signal, EsfProfile, SyncedConflict,
)  # fmt: skip
MODEL_BY_TYPE = {m.__record_type__: m for m in SYNCED_MODELS}

__all__ = [
    "FTS_TABLE",
    "MODEL_BY_TYPE",
    "SYNCED_MODELS",
    "Agreement",
    "AuditEntry",
    "Base",
    "CaseloadTransfer",
    "ConflictRecord",
    "Consent",
    "ContactMoment",
    "ContactPerson",
    "DeviceIdentity",
    "Draft",
    "DrempelRecord",
    "EsfProfile",
    "FollowUp",
    "Group",
    "GroupMember",
    "GroupSession",
    "Handover",
    "IndexDebt",
    "LocalAuditEntry",
    "NetworkMember",
    "OrgContact",
    "Organisation",
    "OutboxEntry",
    "Person",
    "PhaseEventRecord",
    "PresenceLog",
    "Purge",
    "PurgedRecord",
    "QuarantineEntry",
    "RecordHistory",
    "RecordTeam",
    "SearchDoc",
    "Setting",
    "SharedSetting",
    "Signal",
    "SyncConfig",
    "SyncedConflict",
    "SyncedRecord",
    "TeamKey",
    "TeamState",
    "TrustState",
    "TrustStatement",
    "Vindplaats",
    "WorkReadinessItem",
    "Worker",
    "ZrmAssessment",
    "ZrmCriterion",
]  # fmt: skip
