from __future__ import annotations

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Purge(Base):
    """A GDPR erasure: which records were erased (ids only, no content), kept so the coming
    sync can make every device and the server delete them, and refuse them if they come back."""

    __tablename__ = "purges"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # Not unique: a follow-up purge reaches records about the person made concurrently.
    person_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    record_refs: Mapped[list[list[str]]] = mapped_column(JSON, nullable=False)  # [type, id]
    erased_at: Mapped[str] = mapped_column(String(40), nullable=False)
    erased_by: Mapped[str] = mapped_column(String(36), nullable=False)
    pushed_at: Mapped[str | None] = mapped_column(String(40))
