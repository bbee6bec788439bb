"""The columns every synced record carries (DESIGN.md §5).

`__sync_fields__` lists the fields that travel in a revision; everything else on a model is a
local cache or index, rebuilt from synced fields. Dates are ISO strings (`YYYY-MM-DD`), local
times `YYYY-MM-DDTHH:MM`, so payloads are plain JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class SyncedRecord(Base):
    __abstract__ = True
    __record_type__: ClassVar[str]
    __sync_fields__: ClassVar[tuple[str, ...]]
    # Synced fields added after the record type first synced, each with what a payload made
    # before (which lacks the field) means, computed from that payload's fields. A pulled old
    # payload is read as if it had these values, and the migration that added the column
    # fills it the same way, so every device agrees.
    __sync_upgrades__: ClassVar[Mapping[str, Callable[[Mapping[str, Any]], Any]]] = {}

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)
    created_by: Mapped[str] = mapped_column(String(36), nullable=False)
    updated_at: Mapped[str] = mapped_column(String(40), nullable=False)
    updated_by: Mapped[str] = mapped_column(String(36), nullable=False)
    revision: Mapped[str] = mapped_column(String(64), nullable=False)
    parent_revisions: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    field_clocks: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    def payload(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__sync_fields__}

    def clock(self, name: str) -> str:
        """The HLC stamp of one field. Clocks are stored compactly: `"*"` holds the stamp of
        the creation, and only fields edited since have their own entry."""
        return self.field_clocks.get(name) or self.field_clocks["*"]

    def clocks(self) -> dict[str, str]:
        """Every synced field's stamp, expanded."""
        return {name: self.clock(name) for name in self.__sync_fields__}
