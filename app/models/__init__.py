"""SQLAlchemy models, one module per aggregate. No queries, no Qt."""

from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.device import DeviceIdentity
from app.models.draft import Draft
from app.models.setting import Setting

__all__ = ["AuditEntry", "Base", "DeviceIdentity", "Draft", "Setting"]
