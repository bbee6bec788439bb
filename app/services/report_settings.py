"""The settings reports and follow-ups use, as the registry declares them
(`app.settings.REPORT_SUPPRESSION_THRESHOLD`, `FOLLOW_UP_MONTHS`: the organisation's, synced,
changed by a coordinator). Read inside the caller's session where a write depends on them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.services.context import VaultContext
from app.services.settings import SettingsService, read_value
from app.settings import FOLLOW_UP_MONTHS, REPORT_SUPPRESSION_THRESHOLD

# ESF+ asks for the situation six months after leaving (Annex I, longer-term result
# indicators): people with ESF+ participant data get that follow-up after a closure too.
ESF_FOLLOW_UP_MONTHS = 6


def threshold_in(s: Session) -> int:
    return read_value(s, REPORT_SUPPRESSION_THRESHOLD)


def follow_up_months_in(s: Session) -> tuple[int, ...]:
    return read_value(s, FOLLOW_UP_MONTHS)


class ReportSettings:
    """Typed access for the views and the command line."""

    def __init__(self, ctx: VaultContext, settings: SettingsService) -> None:
        self._ctx = ctx
        self._settings = settings

    def threshold(self) -> int:
        return self._settings.value(REPORT_SUPPRESSION_THRESHOLD)

    def set_threshold(self, value: int) -> None:
        self._settings.change(REPORT_SUPPRESSION_THRESHOLD, value)

    def follow_up_months(self) -> tuple[int, ...]:
        return self._settings.value(FOLLOW_UP_MONTHS)

    def set_follow_up_months(self, months: Sequence[int]) -> None:
        self._settings.change(FOLLOW_UP_MONTHS, list(months))
