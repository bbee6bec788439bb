"""The errors sync raises; each carries a Dutch message for the worker and a wire code
(`app.sync.codes.ErrorCode`). Nothing acknowledged is lost when one is raised: the next sync
resumes from the vault's outbox and cursors."""

from __future__ import annotations

from app.errors import BrugfiguurError
from app.sync.codes import ErrorCode


class SyncError(BrugfiguurError):
    """Sync could not complete; nothing acknowledged is lost and the next sync resumes."""

    def __init__(self, message: str, code: str = ErrorCode.ERROR, status: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class Unreachable(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "De centrale opslag is niet bereikbaar. U kunt gewoon verder werken; er wordt "
            "opnieuw gesynchroniseerd zodra er netwerk is.",
            ErrorCode.UNREACHABLE,
        )


class ClockSkewError(SyncError):
    def __init__(self, offset_ms: int) -> None:
        minutes = round(abs(offset_ms) / 60000)
        super().__init__(
            f"De klok van deze laptop wijkt {minutes} minuten af van die van de centrale "
            "opslag. Zet de datum en tijd juist (automatisch instellen) en synchroniseer "
            "opnieuw.",
            ErrorCode.CLOCK_SKEW,
        )
        self.offset_ms = offset_ms


class Revoked(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "Dit toestel werd ingetrokken door een coördinator en kan niet meer "
            "synchroniseren. Neem contact op met uw coördinator.",
            ErrorCode.REVOKED,
            403,
        )


class RateLimited(SyncError):
    def __init__(self, retry_after: float) -> None:
        super().__init__(
            "De centrale opslag is druk; er wordt zo dadelijk opnieuw geprobeerd.",
            ErrorCode.RATE_LIMITED,
            429,
        )
        self.retry_after = retry_after


class MassDeletionPending(SyncError):
    def __init__(self, deletions: int, live: int) -> None:
        super().__init__(
            f"Deze synchronisatie zou {deletions} van de {live} gegevens verwijderen. "
            "Bevestig dat dit de bedoeling is voor u synchroniseert.",
            ErrorCode.MASS_DELETION,
        )
        self.deletions = deletions


class SyncCancelled(SyncError):
    """The worker stopped a sync; every page already applied stays, the next sync resumes."""

    def __init__(self) -> None:
        super().__init__(
            "De synchronisatie is gestopt. Wat al binnen was, blijft bewaard; de volgende "
            "synchronisatie gaat verder waar deze stopte.",
            ErrorCode.CANCELLED,
        )


BAD_RESPONSE = "Het antwoord van de centrale opslag klopt niet; probeer later opnieuw."


def bad_response() -> SyncError:
    return SyncError(BAD_RESPONSE, ErrorCode.BAD_RESPONSE)


def not_enrolled() -> SyncError:
    return SyncError(
        "Dit toestel is nog niet ingeschreven bij een centrale opslag.", ErrorCode.NOT_ENROLLED
    )
