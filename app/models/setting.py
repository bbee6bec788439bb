from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.record import SyncedRecord


class Setting(Base):
    """One per-vault setting or piece of the app's own state; `value` is JSON. Declared
    settings (`app.settings.REGISTRY`) are read and written only through the settings service."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class SharedSetting(SyncedRecord):
    """A team or organisation setting (`app.settings.Level.COORDINATOR`/`ORGANISATION`),
    synced like every record: one record per setting and team. The newest value wins."""

    __tablename__ = "shared_settings"
    __record_type__ = "shared_setting"
    __sync_fields__ = ("key", "value", "deleted")
    __table_args__ = (Index("ix_shared_settings_key", "key"),)

    key: Mapped[str] = mapped_column(String(100), nullable=False)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
