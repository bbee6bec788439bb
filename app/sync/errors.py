"""The errors sync raises; each carries a Dutch message for the worker and a wire code
(`app.sync.codes.ErrorCode`). Nothing acknowledged is lost when one is raised: the next sync
resumes from the vault's outbox and cursors."""

from __future__ import annotations

from dataclasses import dataclass

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


# Trust (protocol v2): what a device refuses from the store, in Dutch, with the reason code
# (app.sync.trust.TrustError.reason) for the audit log.
_TRUST_MESSAGES = {
    "root_mismatch": (
        "De centrale opslag toont een andere organisatie dan die van uw uitnodiging "
        "(de veiligheidscode klopt niet). Er werd niets gesynchroniseerd; verwittig uw "
        "coördinator."
    ),
    "rollback": (
        "De centrale opslag toont een oudere ledenlijst dan dit toestel al kende. Er werd "
        "niets gesynchroniseerd; verwittig uw coördinator."
    ),
}
_TRUST_DEFAULT = (
    "De ledenlijst van de centrale opslag is niet ondertekend door een coördinator van uw "
    "organisatie en werd geweigerd. Er werd niets gesynchroniseerd; verwittig uw coördinator."
)


class TrustRefused(SyncError):
    """The membership log from the store does not verify: nothing is synced."""

    def __init__(self, reason: str) -> None:
        super().__init__(_TRUST_MESSAGES.get(reason, _TRUST_DEFAULT), ErrorCode.UNTRUSTED)
        self.reason = reason


class NotApproved(SyncError):
    def __init__(self, safety_code: str) -> None:
        super().__init__(
            "Dit toestel is ingeschreven maar nog niet goedgekeurd door een coördinator. "
            f"Vraag de coördinator dit toestel goed te keuren en vergelijk de veiligheidscode "
            f"{safety_code}.",
            ErrorCode.NOT_APPROVED,
        )
        self.safety_code = safety_code


class TeamsRefused(SyncError):
    """Some teams were not synced because their team key did not verify; the others were."""

    def __init__(self, teams: dict[str, str]) -> None:
        names = ", ".join(sorted(teams.values()))
        super().__init__(
            f"Synchronisatie gestopt voor {names}: de centrale opslag bood een teamsleutel aan "
            "die geen coördinator ondertekende. Er werd niets mee versleuteld; verwittig uw "
            "coördinator. De andere teams zijn gesynchroniseerd.",
            ErrorCode.UNTRUSTED,
        )
        self.teams = teams


@dataclass(frozen=True)
class PendingPurge:
    """A large erasure pulled from the store, waiting for this device's worker to agree."""

    team_id: str
    purge_id: str
    records: int
    held: int  # how many of them this device holds
    requested_by: str  # device label
    requested_by_id: str
    coordinator: bool


class PurgeConfirmationPending(SyncError):
    def __init__(self, purges: list[PendingPurge]) -> None:
        total = sum(p.held for p in purges)
        who = ", ".join(sorted({p.requested_by for p in purges}))
        super().__init__(
            f"{who} vraagt {total} gegevens op dit toestel te wissen. Bevestig dat u dit wil "
            "toepassen; tot dan wacht de synchronisatie van dat team.",
            ErrorCode.PURGE_PENDING,
        )
        self.purges = purges
