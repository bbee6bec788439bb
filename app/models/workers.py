from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.record import SyncedRecord


class Worker(SyncedRecord):
    """A worker of the team: the name, function and contact details documents show. The id is
    the `worker_id` of the worker's devices; a `legacy` worker was made from a name typed
    before profiles existed (`app.domain.workers.legacy_worker_id`)."""

    __tablename__ = "workers"
    __record_type__ = "worker"
    __sync_fields__ = (
        "name", "function", "organisation", "phone", "email", "active", "legacy", "deleted",
    )  # fmt: skip

    name: Mapped[str] = mapped_column(String(100), nullable=False)
    function: Mapped[str | None] = mapped_column(String(100))
    organisation: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    legacy: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
