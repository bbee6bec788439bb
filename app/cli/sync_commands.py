"""Commands with the central store: org-init, team-create, invite, enrol, sync, devices,
approve, revoke, conflicts."""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Literal

from app.cli.common import EXIT_ERROR, EXIT_OK, CliError, UnlockArgs, opened, say
from app.cli.framework import Secrets, arguments, command, option

if TYPE_CHECKING:
    from app.sync.engine import SyncProgress
    from app.sync.service import SyncService


@contextmanager
def _sync(args: UnlockArgs, secrets: Secrets) -> Iterator[SyncService]:
    """The sync service of the unlocked vault; closed and locked again afterwards."""
    from app.sync.service import SyncService

    with opened(args, secrets) as u:
        sync = SyncService(u.vault.context)
        try:
            yield sync
        finally:
            sync.close()


@arguments
class OrgInitArgs(UnlockArgs):
    server: str = option("--server", metavar="URL", help="adres van de centrale opslag")
    name: str = option("--name", metavar="NAAM", help="naam van de organisatie")
    token_fd: int | None = option(
        "--token-fd",
        metavar="N",
        help="lees de eenmalige installatiesleutel van de opslag (bestand setup-token in zijn "
        "datamap) van bestandsdescriptor N",
        default=None,
    )


@command(
    "org-init",
    OrgInitArgs,
    help="zet een nieuwe organisatie op bij de centrale opslag (dit toestel wordt coördinator)",
)
def cmd_org_init(args: OrgInitArgs, secrets: Secrets) -> int:
    from app.sync.transport import SyncError

    with _sync(args, secrets) as sync:
        token = secrets.read(args.token_fd, "Installatiesleutel van de opslag: ")
        try:
            org = sync.create_organisation(args.server, token, args.name)
        except SyncError as exc:
            if exc.code != "organisation_exists":
                raise
            raise CliError(
                "Deze centrale opslag heeft al een organisatie; er kan er maar één zijn. Vraag "
                "een coördinator om een uitnodiging (enrol). Er werd niets gewijzigd."
            ) from exc
    say("Organisatie aangemaakt; dit toestel is coördinator.")
    say(f"Veiligheidscode van de organisatie: {org.safety_code}")
    say("Herstelsleutel van de organisatie (eenmalig getoond; druk af en bewaar offline):")
    print(org.recovery_private_key)
    return EXIT_OK


@arguments
class TeamCreateArgs(UnlockArgs):
    name: str = option("--name", metavar="NAAM", help="naam van het team")


@command("team-create", TeamCreateArgs, help="maak een team en druk zijn id af (coördinator)")
def cmd_team_create(args: TeamCreateArgs, secrets: Secrets) -> int:
    with _sync(args, secrets) as sync:
        team_id = sync.create_team(args.name)
    print(team_id)
    return EXIT_OK


@arguments
class InviteArgs(UnlockArgs):
    team: tuple[str, ...] = option(
        "--team",
        metavar="ID",
        help="team waar het toestel bij komt (herhaal de optie voor meerdere teams)",
    )
    role: Literal["worker", "coordinator"] = option(
        "--role", help="rol van het nieuwe toestel (standaard worker)", default="worker"
    )
    days: int = option(
        "--days",
        metavar="N",
        help="aantal dagen dat de code geldig is, 1 tot 7 (standaard 3)",
        default=3,
    )


@command("invite", InviteArgs, help="maak een eenmalige uitnodigingscode (coördinator)")
def cmd_invite(args: InviteArgs, secrets: Secrets) -> int:
    with _sync(args, secrets) as sync:
        code = sync.create_invite(list(args.team), args.role, args.days)
    say(f"Eenmalige uitnodiging, {args.days} dagen geldig:")
    print(code)
    return EXIT_OK


@arguments
class EnrolArgs(UnlockArgs):
    server: str = option("--server", metavar="URL", help="adres van de centrale opslag")
    invite_fd: int | None = option(
        "--invite-fd",
        metavar="N",
        help="lees de uitnodigingscode van bestandsdescriptor N",
        default=None,
    )


@command("enrol", EnrolArgs, help="sluit dit toestel aan met een uitnodigingscode")
def cmd_enrol(args: EnrolArgs, secrets: Secrets) -> int:
    with _sync(args, secrets) as sync:
        enrolled = sync.enrol(args.server, secrets.read(args.invite_fd, "Uitnodigingscode: "))
    say("Aangesloten. Na goedkeuring door een coördinator kan dit toestel synchroniseren.")
    say(f"Veiligheidscode van dit toestel: {enrolled.safety_code}")
    return EXIT_OK


def _sync_progress(every_s: float = 2.0) -> Callable[[SyncProgress], None]:
    """Progress of a long sync on stderr, at most every `every_s` seconds."""
    last = [0.0]

    def show(p: SyncProgress) -> None:
        now = time.monotonic()
        if now - last[0] < every_s and not (p.total and p.done >= p.total):
            return
        last[0] = now
        what = "Versturen" if p.phase == "push" else "Ontvangen"
        amount = f"{p.done * 100 // p.total}%" if p.total else str(p.done)
        print(f"{what}: {amount}", file=sys.stderr, flush=True)

    return show


@contextmanager
def _ctrl_c_sets(stop: threading.Event) -> Iterator[None]:
    """Ctrl+C stops between batches (only the main thread can own the signal)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@arguments
class SyncArgs(UnlockArgs):
    confirm_mass_deletion: bool = option(
        "--confirm-mass-deletion",
        help="bevestig dat veel verwijderingen tegelijk de bedoeling zijn",
        default=False,
    )
    confirm_purge: tuple[str, ...] = option(
        "--confirm-purge",
        metavar="ID",
        help="pas deze grote wisopdracht van de centrale opslag toe",
        default=(),
    )


@command(
    "sync",
    SyncArgs,
    help="één synchronisatie met de centrale opslag (afsluitcode 0 = volledig)",
    description="Eén synchronisatie: versturen, ontvangen, samenvoegen. Ctrl+C stopt netjes "
    "tussen twee reeksen; wat binnen is blijft, de volgende synchronisatie gaat verder.",
)
def cmd_sync(args: SyncArgs, secrets: Secrets) -> int:
    stop = threading.Event()
    with _sync(args, secrets) as sync, _ctrl_c_sets(stop):
        report = sync.sync_once(
            confirm_mass_deletion=args.confirm_mass_deletion,
            confirm_purges=args.confirm_purge,
            progress=_sync_progress(),
            should_stop=stop.is_set,
        )
        status = sync.status()
        waiting = len(sync.pending_devices()) if status.role == "coordinator" else 0
    if waiting:
        say(
            f"{waiting} toestel(len) wacht(en) op goedkeuring. Vergelijk de veiligheidscode op "
            "het scherm van dat toestel met 'devices' en keur het dan goed met "
            "'approve --device ID --code CODE'."
        )
    if status.enrolled and status.role != "coordinator" and not status.has_team_key:
        say(
            "Dit toestel is ingeschreven maar nog niet goedgekeurd: een coördinator vergelijkt "
            "eerst de veiligheidscode van dit toestel en keurt het dan goed. Er werd nog niets "
            "uitgewisseld."
        )
        return EXIT_ERROR
    say(
        f"Gesynchroniseerd: {report.pushed} verstuurd, {report.pulled} ontvangen, "
        f"{report.merged} samengevoegd, {status.open_conflicts} open conflicten."
    )
    return EXIT_OK


@arguments
class DevicesArgs(UnlockArgs):
    pass


@command("devices", DevicesArgs, help="toestellen van de organisatie als JSON (coördinator)")
def cmd_devices(args: DevicesArgs, secrets: Secrets) -> int:
    with _sync(args, secrets) as sync:
        devices = sync.devices()
    keep = ("device_id", "label", "role", "status", "teams", "safety_code")
    print(json.dumps([{k: getattr(d, k) for k in keep} for d in devices], ensure_ascii=False))
    return EXIT_OK


@arguments
class ApproveArgs(UnlockArgs):
    device: str = option("--device", metavar="ID", help="het toestel (device_id uit devices)")
    code: str = option(
        "--code", metavar="CODE", help="de veiligheidscode op het scherm van dat toestel"
    )


@command(
    "approve",
    ApproveArgs,
    help="keur een ingeschreven toestel goed na het vergelijken van zijn veiligheidscode "
    "(coördinator)",
)
def cmd_approve(args: ApproveArgs, secrets: Secrets) -> int:
    with _sync(args, secrets) as sync:
        sync.approve(args.device, args.code)
    say("Toestel goedgekeurd; het ontvangt de teamsleutels.")
    return EXIT_OK


@arguments
class RevokeArgs(UnlockArgs):
    device: str = option("--device", metavar="ID", help="het toestel (device_id uit devices)")


@command("revoke", RevokeArgs, help="trek een toestel in en vernieuw de teamsleutels")
def cmd_revoke(args: RevokeArgs, secrets: Secrets) -> int:
    with _sync(args, secrets) as sync:
        teams = sync.revoke(args.device)
    say(f"Toestel ingetrokken; teamsleutels vernieuwd voor {len(teams)} team(s).")
    return EXIT_OK


@arguments
class ConflictsArgs(UnlockArgs):
    all: bool = option("--all", help="ook de behandelde conflicten tonen", default=False)


def _shown(value: object, limit: int = 60) -> str:
    text = "(leeg)" if value in (None, "") else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@command(
    "conflicts",
    ConflictsArgs,
    help="toon de open conflicten van het team (met --all ook de behandelde): per conflict "
    "het id, het veld, de huidige en de andere waarde en wiens waarde verloor",
)
def cmd_conflicts(args: ConflictsArgs, secrets: Secrets) -> int:
    with _sync(args, secrets) as sync:
        rows = sync.conflicts(open_only=not args.all)
        me = sync.link.ctx.device.worker_id
        names = _worker_names(sync)
    if not rows:
        say("Geen conflicten." if args.all else "Geen open conflicten.")
    for c in rows:
        if c.lost_by == me:
            whose = "van u"
        elif c.lost_by is not None and c.lost_by in names:
            whose = f"van {names[c.lost_by]}"
        else:
            whose = "van een collega"
        print(
            f"{c.id[:8]}  {c.status:<9} {c.record_type} {c.record_id[:8]}  veld {c.field}: "
            f"huidige {_shown(c.kept)}, andere {_shown(c.lost)}; "
            f"verloren waarde {whose}; {c.created_at[:16].replace('T', ' ')}"
        )
    return EXIT_OK


@arguments
class ConflictChooseArgs(UnlockArgs):
    conflict: str = option(
        "--conflict", metavar="ID", help="het conflict (id of de eerste 8 tekens uit conflicts)"
    )
    keep: Literal["current", "other"] = option(
        "--keep",
        help="current: de huidige waarde blijft; other: de andere waarde komt in de plaats "
        "(en gaat mee met de volgende synchronisatie, zoals elke wijziging)",
    )


@command(
    "conflicts-choose",
    ConflictChooseArgs,
    help="behandel een conflict: behoud de huidige waarde of gebruik de andere",
)
def cmd_conflicts_choose(args: ConflictChooseArgs, secrets: Secrets) -> int:
    choice = "accept" if args.keep == "current" else "lost"
    with _sync(args, secrets) as sync:
        cid = sync.resolve_conflict(args.conflict, choice, sync.link.records())
    if choice == "accept":
        say(f"Conflict {cid[:8]}: de huidige waarde blijft.")
    else:
        say(
            f"Conflict {cid[:8]}: de andere waarde staat er nu; ze gaat mee met de volgende "
            "synchronisatie."
        )
    return EXIT_OK


@arguments
class ConflictUndoArgs(UnlockArgs):
    conflict: str = option(
        "--conflict", metavar="ID", help="het conflict (id of de eerste 8 tekens uit conflicts)"
    )


@command(
    "conflicts-undo",
    ConflictUndoArgs,
    help="maak de keuze voor een conflict ongedaan: de waarde van ervoor komt terug en het "
    "conflict is weer open",
)
def cmd_conflicts_undo(args: ConflictUndoArgs, secrets: Secrets) -> int:
    with _sync(args, secrets) as sync:
        cid = sync.undo_conflict(args.conflict, sync.link.records())
    say(f"Conflict {cid[:8]}: de keuze is ongedaan gemaakt; het conflict is weer open.")
    return EXIT_OK


def _worker_names(sync: SyncService) -> dict[str, str]:
    from app.services.workers import worker_names

    with sync.link.ctx.read() as s:
        return worker_names(s)
