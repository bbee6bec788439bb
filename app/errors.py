"""Errors that reach the user.

Every error carries a Dutch message meant for the worker (the product speaks nl-BE) and the exit
code the headless commands use: 0 ok, 2 wrong passphrase or bad vault, 1 anything else.
Messages never contain personal data; they may contain paths the user chose.
"""

from __future__ import annotations


class BrugfiguurError(Exception):
    """Base class: `message` is Dutch and safe to show and to log."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class VaultError(BrugfiguurError):
    """Anything wrong with the vault itself (exit code 2)."""

    exit_code = 2


class WrongPassphrase(VaultError):
    def __init__(self, message: str | None = None, *, retry_after: float = 0.0) -> None:
        super().__init__(
            message
            or "De wachtwoordzin klopt niet. Let op hoofdletters en spaties, en probeer opnieuw."
        )
        self.retry_after = retry_after


class WrongRecoveryKey(VaultError):
    def __init__(self, message: str | None = None, *, retry_after: float = 0.0) -> None:
        super().__init__(message or "Deze herstelsleutel past niet bij deze kluis.")
        self.retry_after = retry_after


class MalformedRecoveryKey(VaultError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "Dit is geen geldige herstelsleutel: controleer of u alle tekens juist overtypte."
        )


class VaultMissing(VaultError):
    def __init__(self, data_dir: str) -> None:
        super().__init__(
            f"Er is nog geen kluis in {data_dir}. Maak er eerst een aan (brugfiguur init)."
        )


class VaultExists(VaultError):
    def __init__(self, data_dir: str) -> None:
        super().__init__(f"Er staat al een kluis in {data_dir}; die wordt niet overschreven.")


class VaultCorrupt(VaultError):
    def __init__(self, detail: str = "") -> None:
        msg = "De kluis is beschadigd of werd gewijzigd en kan niet veilig geopend worden."
        if detail:
            msg += f" ({detail})"
        msg += " Er werd niets aangepast. Herstel eventueel een back-up."
        super().__init__(msg)


class BackupDamaged(VaultCorrupt):
    """A backup file that fails its checks (exit 2): nothing was restored."""

    def __init__(self, detail: str = "") -> None:
        VaultError.__init__(
            self,
            "Het back-upbestand is beschadigd of werd gewijzigd"
            + (f" ({detail})" if detail else "")
            + ". Er werd niets teruggezet; de huidige kluis bleef ongewijzigd.",
        )


class VaultTooNew(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Deze kluis werd gemaakt met een nieuwere versie van Brugfiguur. "
            "Installeer de nieuwste versie; de kluis werd niet aangeraakt."
        )


class PassphraseRejected(BrugfiguurError):
    """The new passphrase does not meet the policy; `problems` lists Dutch reasons."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


class ValidationError(BrugfiguurError):
    """Bad input in a field; `field` names it for the form. `problems` lists every
    (field, message) found, so a form can show them all at once beside their fields."""

    def __init__(
        self,
        message: str,
        field: str | None = None,
        *,
        problems: tuple[tuple[str | None, str], ...] = (),
    ) -> None:
        super().__init__(message)
        self.field = field
        self.problems = problems or ((field, message),)

    @classmethod
    def of(cls, problems: list[tuple[str | None, str]]) -> ValidationError:
        """One error for several problems (the first is its message and field)."""
        field, message = problems[0]
        return cls(message, field, problems=tuple(problems))


class StorageError(BrugfiguurError):
    """The disk said no: read-only, full, or a path that cannot be written."""


class BackupError(BrugfiguurError):
    """A backup or restore could not be done; nothing existing was changed."""


class VaultLocked(BrugfiguurError):
    def __init__(self) -> None:
        super().__init__("De kluis is vergrendeld.")


class DuplicateSuspected(ValidationError):
    """Possible duplicates were found; the form shows them and asks before saving anyway."""

    def __init__(self, candidates: list[object]) -> None:
        super().__init__(
            "Er bestaat mogelijk al een dossier voor deze persoon. Kijk de lijst na; sla "
            "alleen op als het echt iemand anders is.",
            field="duplicates",
        )
        self.candidates = candidates


class NotFound(BrugfiguurError):
    def __init__(self, what: str) -> None:
        super().__init__(f"{what} werd niet gevonden (misschien verwijderd).")


class NotAllowed(BrugfiguurError):
    """This device's role may not do this (e.g. a worker changing an organisation rule)."""
