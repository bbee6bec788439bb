"""Every command the README's command table and docs/ show is run, with every option they list.

The table is read from README.md; each row's synopsis (`fiche --handover ID --out FILE
[--password-fd N]`) becomes an argument vector, its placeholders filled by the scenario below,
and runs in this process through `app.cli.main`, `serve` included (answering on loopback while
the sync commands use it). A command or option the parser has and the table does not document
fails `test_every_command_and_option_is_documented`; a new row fails the run until the scenario
knows how to fill it (add it to ORDER and `Scenario.value`).
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from app.cli import build_parser, main
from app.cli.framework import commands, option_flags
from tests.e2e._support import ROOT
from tests.server.helpers import free_port

PASSPHRASE = "zeven bruggen over de leie bij nacht"
NEW_PASSPHRASE = "de tram naar sint-pieters rijdt om acht"

# Options every vault command shares; documented once, under "Common options".
COMMON = ("--data-dir", "--passphrase-fd", "--recovery-key-fd", "--new-passphrase-fd")

# The order the scenario runs the table in: each command needs what the ones before made.
ORDER = (
    "init",
    "check",
    "demo",
    "people",
    "import",
    "handovers",
    "fiche",
    "export-person",
    "report",
    "backup",
    "erase-person",
    "restore",
    "change-passphrase",
    "serve",
    "org-init",
    "team-create",
    "invite",
    "enrol",
    "sync",
    "devices",
    "approve",
    "revoke",
    "conflicts",
    "conflicts-choose",
    "conflicts-undo",
)
STORE_COMMANDS = ORDER[ORDER.index("org-init") :]


# --- the README's table -------------------------------------------------------------------------


@dataclass(frozen=True)
class Documented:
    flag: str
    metavar: str | None  # None: a flag without a value
    alternatives: tuple[str, ...]  # `pdf|json`


@dataclass(frozen=True)
class Row:
    command: str
    options: tuple[Documented, ...]


def _section(text: str, title: str) -> str:
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else None]


def readme_rows() -> dict[str, Row]:
    section = _section((ROOT / "README.md").read_text(encoding="utf-8"), "Headless commands")
    rows: dict[str, Row] = {}
    for line in section.splitlines():
        m = re.match(r"^\| `([^`]+)` \|", line)
        if not m:
            continue
        tokens = m.group(1).replace("\\|", "|").replace("[", " ").replace("]", " ").split()
        name, rest = tokens[0], tokens[1:]
        options: list[Documented] = []
        i = 0
        while i < len(rest):
            flag = rest[i]
            assert flag.startswith("--"), f"{name}: cannot read {flag!r} in the table"
            value = rest[i + 1] if i + 1 < len(rest) and not rest[i + 1].startswith("--") else None
            alternatives = tuple(value.split("|")) if value and "|" in value else ()
            options.append(Documented(flag, value, alternatives))
            i += 2 if value is not None else 1
        assert name not in rows, f"{name} is in the table twice"
        rows[name] = Row(name, tuple(options))
    return rows


def test_every_command_and_option_is_documented() -> None:
    build_parser()
    rows = readme_rows()
    registered = commands()
    assert set(rows) == set(registered), "the README table and the commands differ"
    assert set(ORDER) == set(registered), "the scenario below does not run every command"
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    common = text[text.index("Common options:") :]
    for flag in COMMON:
        assert f"`{flag}" in common, f"{flag} is not described under Common options"
    for name, cmd in registered.items():
        assert cmd.help.strip(), f"{name} has no help text"
        in_code = {f for _, o in option_flags(cmd.args) for f in o.flags}
        documented = {o.flag for o in rows[name].options}
        assert documented <= in_code, f"{name}: the table shows options it does not have"
        missing = in_code - documented - set(COMMON)
        if name == "serve":  # its --data-dir is its own (the store's), so in its row
            assert "--data-dir" in documented
        assert not missing, f"{name}: options not in the README table: {sorted(missing)}"
        for _, o in option_flags(cmd.args):
            assert len(o.help) > 10, f"{name} {o.flags[0]}: help text too short"


def test_every_command_has_help_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    for name in commands():
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: brugfiguur {name}"), out


# --- running commands in this process -----------------------------------------------------------


class _PerThread(io.TextIOBase):
    """sys.stdout/sys.stderr that keep each thread's output apart (serve prints while the
    sync commands run in another thread)."""

    def __init__(self) -> None:
        self._buffers: dict[int, io.StringIO] = {}
        self._lock = threading.Lock()

    def write(self, s: str) -> int:
        with self._lock:
            return self._buffers.setdefault(threading.get_ident(), io.StringIO()).write(s)

    def take(self) -> str:
        with self._lock:
            buf = self._buffers.pop(threading.get_ident(), None)
        return buf.getvalue() if buf is not None else ""

    def flush(self) -> None:
        return None


@dataclass
class Result:
    argv: list[str]
    code: int
    out: str
    err: str

    def ok(self) -> str:
        assert self.code == 0, f"{shlex.join(self.argv)} -> exit {self.code}\n{self.err}"
        return self.out.strip()


@dataclass
class Cli:
    """Runs `app.cli.main` in this process with secrets on pipes, as a script would."""

    stdout: _PerThread
    stderr: _PerThread
    ran: list[tuple[str, ...]] = field(default_factory=list)

    def pipe(self, *lines: str) -> str:
        r, w = os.pipe()
        os.write(w, "".join(line + "\n" for line in lines).encode("utf-8"))
        os.close(w)
        self._open.append(r)
        return str(r)

    def __post_init__(self) -> None:
        self._open: list[int] = []
        self._depth = 0
        self._saved: tuple[Any, Any] = (None, None)
        self._lock = threading.Lock()

    @contextmanager
    def _captured(self) -> Iterator[None]:
        """sys.stdout/stderr routed per thread while any command runs (pytest installs its
        own capture for each test phase, so this cannot be a fixture's job)."""
        with self._lock:
            if self._depth == 0:
                self._saved = (sys.stdout, sys.stderr)
                sys.stdout, sys.stderr = self.stdout, self.stderr
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0:
                    sys.stdout, sys.stderr = self._saved

    def run(self, argv: list[str]) -> Result:
        self.stdout.take()
        self.stderr.take()
        try:
            with self._captured():
                code = main(argv)
        finally:
            for fd in self._open:
                os.close(fd)
            self._open.clear()
        self.ran.append(tuple(a for a in argv if a.startswith("--")))
        return Result(argv, code, self.stdout.take(), self.stderr.take())


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    monkeypatch.delenv("BRUGFIGUUR_DATA_DIR", raising=False)
    monkeypatch.delenv("BRUGFIGUUR_LOG_DIR", raising=False)
    monkeypatch.delenv("BRUGFIGUUR_DATABASE_URL", raising=False)
    out, err = _PerThread(), _PerThread()
    root = logging.getLogger()
    handlers, level, hook, umask = list(root.handlers), root.level, sys.excepthook, os.umask(0o022)
    os.umask(umask)
    try:
        yield Cli(out, err)
    finally:
        from app.logs import teardown_logging

        teardown_logging()
        for h in list(root.handlers):
            if h not in handlers:  # the store's own log handler
                root.removeHandler(h)
                h.close()
        root.setLevel(level)
        sys.excepthook = hook
        os.umask(umask)


def run_serving(cli: Cli, argv: list[str], base_url: str, during: Callable[[str], None]) -> Result:
    """Run `serve` (argv) in this thread, as the documented command does, and `during(base_url)`
    in another once the store answers on loopback; then stop the store with Ctrl+C (SIGINT)."""
    failure: list[BaseException] = []
    interrupted = threading.Event()

    def client() -> None:
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    answer = httpx.get(base_url + "/v2/health", timeout=1.0)
                    if answer.status_code == 200 and answer.json()["status"] == "ok":
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError("the store did not answer on loopback")
                time.sleep(0.05)
            during(base_url)
        except BaseException as exc:
            failure.append(exc)
        finally:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C, as an operator stops it

    # uvicorn takes SIGINT while it runs and raises it again after a clean stop; outside that
    # window this handler keeps pytest from ending the run.
    previous = signal.signal(signal.SIGINT, lambda *_: interrupted.set())
    thread = threading.Thread(target=client, name="documented-commands")
    try:
        thread.start()
        result = cli.run(argv)
        thread.join(timeout=300)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert not thread.is_alive()
    if failure:
        raise failure[0]
    return result


# --- the scenario -------------------------------------------------------------------------------


@dataclass
class Scenario:
    tmp: Path
    cli: Cli
    values: dict[str, str] = field(default_factory=dict)

    def dir(self, name: str) -> str:
        return str(self.tmp / name)

    def value(self, command: str, opt: Documented, choice: str | None) -> str:
        """The value the scenario puts in place of a placeholder of the table."""
        v, c = self.values, self.cli
        key = (command, opt.flag)
        if choice is not None:
            return choice
        table: dict[tuple[str, str], Callable[[], str]] = {
            ("init", "--device-label"): lambda: "Laptop Noord",
            ("demo", "--clients"): lambda: "12",
            ("demo", "--contacts"): lambda: "2",
            ("demo", "--seed"): lambda: "11",
            ("handovers", "--person"): lambda: v["handover_person"],
            ("fiche", "--handover"): lambda: v["handover"],
            ("fiche", "--out"): lambda: str(self.tmp / "fiche.pdf"),
            ("fiche", "--password-fd"): lambda: c.pipe("pdf-wachtwoord-voor-lies"),
            ("export-person", "--person"): lambda: v["handover_person"],
            ("export-person", "--out"): lambda: str(self.tmp / f"export.{v['format']}"),
            ("report", "--period"): lambda: str(date.today().year),
            ("report", "--team"): lambda: "Team Noord",
            ("report", "--worker"): lambda: v["worker_name"],
            ("report", "--out"): lambda: str(self.tmp / f"rapport.{v['format']}"),
            ("backup", "--out"): lambda: str(self.tmp / "kluis.bfbackup"),
            ("erase-person", "--person"): lambda: v["erased"],
            ("restore", "--from"): lambda: str(self.tmp / "kluis.bfbackup"),
            ("change-passphrase", "--new-passphrase-fd"): lambda: c.pipe(NEW_PASSPHRASE),
            ("serve", "--data-dir"): lambda: self.dir("opslag"),
            ("serve", "--host"): lambda: "127.0.0.1",
            ("serve", "--port"): lambda: v["port"],
            ("serve", "--database-url"): lambda: f"sqlite:///{self.tmp / 'opslag' / 'store.db'}",
            ("serve", "--trusted-proxy"): lambda: "127.0.0.1",
            ("org-init", "--server"): lambda: v["url"],
            ("org-init", "--name"): lambda: "Outreach Gent",
            ("org-init", "--token-fd"): lambda: c.pipe(
                (self.tmp / "opslag" / "setup-token").read_text().strip()
            ),
            ("team-create", "--name"): lambda: "Team Noord",
            ("invite", "--team"): lambda: v["team"],
            ("invite", "--days"): lambda: "2",
            ("enrol", "--server"): lambda: v["url"],
            ("enrol", "--invite-fd"): lambda: c.pipe(v["invite"]),
            ("revoke", "--device"): lambda: v["worker_device"],
            ("import", "--file"): lambda: import_file(self.tmp, v["import_kind"]),
            ("import", "--mapping"): lambda: import_mapping(self.tmp, v["import_kind"]),
            ("approve", "--device"): lambda: v["worker_device"],
            ("approve", "--code"): lambda: v["worker_code"],
            ("sync", "--confirm-purge"): lambda: "00000000-0000-4000-8000-000000000000",
            ("conflicts-choose", "--conflict"): self.next_conflict,
            ("conflicts-undo", "--conflict"): lambda: v["conflicts"].split()[-1],
        }
        if key not in table:
            raise AssertionError(f"no value for {command} {opt.flag}: extend Scenario.value")
        return table[key]()

    def next_conflict(self) -> str:
        """The listed conflicts in turn: `conflicts-choose` runs once per `--keep` choice."""
        n = int(self.values.get("chosen", "0"))
        self.values["chosen"] = str(n + 1)
        return self.values["conflicts"].split()[n]

    def argvs(self, row: Row) -> list[list[str]]:
        """One argument vector per alternative of the row (`pdf|json` runs twice)."""
        choices = [o for o in row.options if o.alternatives]
        assert len(choices) <= 1, f"{row.command}: one choice per row, please"
        variants = [(choices[0], a) for a in choices[0].alternatives] if choices else [(None, None)]
        out: list[list[str]] = []
        for chosen, alternative in variants:
            if chosen is not None and row.command in ("export-person", "report"):
                self.values["format"] = alternative or ""
            if chosen is not None and row.command == "import":
                self.values["import_kind"] = alternative or ""
            argv = [row.command]
            for opt in row.options:
                argv.append(opt.flag)
                if opt.metavar is not None:
                    argv.append(
                        self.value(row.command, opt, alternative if opt is chosen else None)
                    )
            out.append(argv)
        return out

    def vault(
        self, name: str, *, secret: str = PASSPHRASE, flag: str = "--passphrase-fd"
    ) -> list[str]:
        return ["--data-dir", self.dir(name), flag, self.cli.pipe(secret)]


@pytest.mark.allow_logs("unlock failed", "command (check|sync) failed")
def test_readme_commands_run_in_process(tmp_path: Path, cli: Cli) -> None:
    rows = readme_rows()
    s = Scenario(tmp_path, cli)
    v = s.values

    def run(name: str, vault: str, *, store: bool = False) -> list[Result]:
        """The command's row as documented, plus the common options for `vault`."""
        assert (name in STORE_COMMANDS) == store
        return [cli.run([*argv, *s.vault(vault)]) for argv in s.argvs(rows[name])]

    # --- the vault -------------------------------------------------------------------------
    (init,) = run("init", "kluis")
    recovery_key = init.ok()
    assert len(recovery_key.split("-")) == 14 and "Kluis aangemaakt" in init.err
    (check,) = run("check", "kluis")
    assert check.ok() == "ok"
    (demo,) = run("demo", "kluis")
    demo.ok()
    assert "12 personen" in demo.err
    (people,) = run("people", "kluis")
    everyone = json.loads(people.ok())
    assert len(everyone) == 12 and all(p["id"] and p["alias"] for p in everyone)
    imports = run("import", "kluis")  # every kind, checked only (--dry-run)
    assert [i.code for i in imports] == [0] * 5, [i.out + i.err for i in imports]
    assert all("Proefdraai: er werd niets veranderd." in i.out for i in imports)
    assert len(json.loads(cli.run(["people", *s.vault("kluis")]).ok())) == 12
    all_handovers = json.loads(cli.run(["handovers", *s.vault("kluis")]).ok())
    assert all_handovers, "the demo makes handovers"
    v["handover"] = all_handovers[0]["id"]
    v["handover_person"] = all_handovers[0]["person_id"]
    (handovers,) = run("handovers", "kluis")
    mine = json.loads(handovers.ok())
    assert mine and {h["person_id"] for h in mine} == {v["handover_person"]}
    (fiche,) = run("fiche", "kluis")
    fiche.ok()
    pdf = PdfReader(str(tmp_path / "fiche.pdf"))
    assert pdf.is_encrypted and pdf.decrypt("pdf-wachtwoord-voor-lies")
    assert len(pdf.pages) >= 1
    exports = run("export-person", "kluis")
    assert [e.code for e in exports] == [0, 0], [e.err for e in exports]
    doc = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    assert doc["person"]["id"] == v["handover_person"]
    assert (tmp_path / "export.pdf").read_bytes().startswith(b"%PDF")
    v["worker_name"] = "An"
    reports = run("report", "kluis")
    assert [r.code for r in reports] == [0, 0, 0, 0], [r.err for r in reports]
    assert all("verborgen" in r.err for r in reports)
    report_doc = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    assert report_doc["suppression"] == {"threshold": 5} and report_doc["title"] == "ESF+-rapport"
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    (backup,) = run("backup", "kluis")
    backup.ok()
    v["erased"] = v["handover_person"]
    (erase,) = run("erase-person", "kluis")
    erase.ok()
    assert "Persoon gewist" in erase.err
    left = json.loads(cli.run(["people", *s.vault("kluis")]).ok())
    assert v["erased"] not in {p["id"] for p in left} and len(left) == 11
    (restore,) = run("restore", "terug")
    restore.ok()
    (change,) = run("change-passphrase", "terug")
    change.ok()
    assert cli.run(["check", *s.vault("terug")]).code == 2  # the old passphrase is gone
    assert cli.run(["check", *s.vault("terug", secret=NEW_PASSPHRASE)]).ok() == "ok"
    by_key = cli.run(["check", *s.vault("terug", secret=recovery_key, flag="--recovery-key-fd")])
    assert by_key.ok() == "ok"

    # --- the store, served from this process on loopback -----------------------------------
    v["port"] = str(free_port())
    v["url"] = f"http://127.0.0.1:{v['port']}"
    coord_people = {p["id"] for p in left}

    def with_the_store(url: str) -> None:
        (org,) = run("org-init", "kluis", store=True)
        assert len(org.ok().replace("-", "")) == 52
        (team,) = run("team-create", "kluis", store=True)
        v["team"] = team.ok()
        invites = run("invite", "kluis", store=True)
        codes = [i.ok() for i in invites]
        assert len(codes) == 2 and codes[0] != codes[1]  # worker and coordinator
        v["invite"] = codes[0]
        cli.run(["init", *s.vault("worker")]).ok()
        (enrol,) = run("enrol", "worker", store=True)
        enrol.ok()
        v["worker_code"] = enrol.err.split("Veiligheidscode van dit toestel: ")[1].strip()
        (devices,) = run("devices", "kluis", store=True)
        listed = json.loads(devices.ok())
        pending = [d for d in listed if d["status"] == "pending"]
        assert [d["safety_code"] for d in pending] == [v["worker_code"]]
        v["worker_device"] = pending[0]["device_id"]
        (approve,) = run("approve", "kluis", store=True)  # after comparing the safety code
        approve.ok()
        (sync,) = run("sync", "kluis", store=True)
        assert "Gesynchroniseerd" in sync.err, sync.err
        (worker_sync,) = run("sync", "worker", store=True)
        worker_sync.ok()
        got = {p["id"] for p in json.loads(cli.run(["people", *s.vault("worker")]).ok())}
        assert got == coord_people, "the worker did not receive the caseload"
        # The same person edited on both devices while apart: the worker's values lose, and
        # the worker sees that on their own laptop, chooses, undoes; the coordinator sees it.
        person = sorted(got)[0]
        edit_person(s, "worker", person, alias="Mo (worker)", phone="0470 12 34 56")
        cli.run(["sync", *s.vault("worker")]).ok()
        edit_person(s, "kluis", person, alias="Mo (coord)", phone="0486 98 76 54")
        cli.run(["sync", *s.vault("kluis")]).ok()
        cli.run(["sync", *s.vault("worker")]).ok()
        (listed,) = run("conflicts", "worker", store=True)  # with --all
        lines = listed.ok().splitlines()
        assert len(lines) == 2 and all("verloren waarde van u" in x for x in lines), lines
        assert all(" open " in x for x in lines) and any("Mo (worker)" in x for x in lines)
        v["conflicts"] = " ".join(x.split()[0] for x in lines)
        chosen = run("conflicts-choose", "worker", store=True)  # current, then other
        assert [c.code for c in chosen] == [0, 0], [c.err for c in chosen]
        assert "de huidige waarde blijft" in chosen[0].err
        assert "de andere waarde staat er nu" in chosen[1].err
        (undone,) = run("conflicts-undo", "worker", store=True)
        assert "weer open" in undone.ok() + undone.err
        cli.run(["sync", *s.vault("worker")]).ok()
        cli.run(["sync", *s.vault("kluis")]).ok()
        # The coordinator's laptop shows the worker's choices: one settled, one open again.
        seen = cli.run(["conflicts", *s.vault("kluis")]).ok().splitlines()
        assert [x.split()[0] for x in seen] == [v["conflicts"].split()[-1]], seen
        assert "verloren waarde van " in seen[0] and "van u" not in seen[0]
        everything = cli.run(["conflicts", "--all", *s.vault("kluis")]).ok().splitlines()
        assert sorted(x.split()[1] for x in everything) == ["accepted", "open"], everything
        (revoke,) = run("revoke", "kluis", store=True)
        revoke.ok()
        refused = cli.run(["sync", *s.vault("worker")])
        assert refused.code == 1 and "ingetrokken" in refused.err

    (serve_argv,) = s.argvs(rows["serve"])
    served = run_serving(cli, serve_argv, v["url"], with_the_store)
    assert served.code == 0, served.err
    assert "listening on http://127.0.0.1" in served.out
    assert (tmp_path / "opslag" / "store.db").exists()

    # Every option of every row ran at least once.
    ran = {flag for argv in cli.ran for flag in argv}
    for row in rows.values():
        for opt in row.options:
            assert opt.flag in ran, f"{row.command} {opt.flag} never ran"


def edit_person(s: Scenario, vault: str, person_id: str, **changes: object) -> None:
    """An edit made in the app on that laptop (the command line has no edit command)."""
    from app.cli.common import vault_service
    from app.paths import AppPaths
    from app.services.field import FieldServices

    opened = vault_service(AppPaths.resolve(s.dir(vault))).unlock(PASSPHRASE)
    try:
        FieldServices(opened).people.update(person_id, **changes)
    finally:
        opened.lock()


def test_serve_without_a_data_dir_says_so(cli: Cli) -> None:
    r = cli.run(["serve", "--port", str(free_port())])
    assert r.code == 2 and "--data-dir" in r.err


def test_serve_refuses_a_password_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    url = "postgresql+psycopg://brugfiguur:geheim@127.0.0.1/brugfiguur"
    r = cli.run(["serve", "--data-dir", str(tmp_path), "--database-url", url])
    assert r.code == 2 and "BRUGFIGUUR_DATABASE_URL" in r.err and "geheim" not in r.err
    assert not list(tmp_path.iterdir()), "nothing may start or be written"


@pytest.mark.parametrize("where", ["before", "after", "environment"])
def test_serve_takes_the_data_dir_anywhere(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """The crash of issue 11: `serve` with --data-dir before or after the command, or from
    BRUGFIGUUR_DATA_DIR."""
    port = str(free_port())
    store = tmp_path / "opslag"
    argv = {
        "before": ["--data-dir", str(store), "serve", "--port", port],
        "after": ["serve", "--port", port, "--data-dir", str(store)],
        "environment": ["serve", "--port", port],
    }[where]
    if where == "environment":
        monkeypatch.setenv("BRUGFIGUUR_DATA_DIR", str(store))
    health: list[dict[str, Any]] = []
    r = run_serving(
        cli,
        argv,
        f"http://127.0.0.1:{port}",
        lambda url: health.append(httpx.get(url + "/v2/health").json()),
    )
    assert r.code == 0, r.err
    assert health and health[0]["status"] == "ok"
    assert (store / "store.db").exists() and (store / "setup-token").exists()


# --- the README's example and the commands in docs/ ---------------------------------------------


def _code_blocks(text: str) -> list[str]:
    return re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S)


def test_readme_example_runs_as_written(tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = _section(text, "Headless commands")
    (block,) = [b for b in _code_blocks(section) if "init --passphrase-fd" in b]
    script = block.replace("/tmp/kluis", str(tmp_path / "kluis"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGFIGUUR_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    proc = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split()
    assert lines[-1] == "ok" and len(lines[0].split("-")) == 14  # recovery key, then ok


# Their examples run as written elsewhere (a whole bash block with a vault of its own).
RUN_ELSEWHERE = {"import.md": "tests/e2e/test_import_cli.py"}


def import_file(tmp: Path, kind: str) -> str:
    """A small sheet of each kind for the `import` row (checked only: --dry-run)."""
    text = {
        "people": "Alias;Hoe ontmoet\nKapitein;via via\n",
        "contacts": "Persoon;Datum;Kanaal\nNiemand;18/11/2026;tel\n",
        "agreements": "Persoon;Afspraak\nNiemand;Cv meebrengen\n",
        "vindplaatsen": "Naam;Soort\nBib Zuid;bib\n",
        "partners": "Organisatie;Soort\nVDAB Gent;vdab\n",
    }[kind]
    path = tmp / f"import-{kind}.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def import_mapping(tmp: Path, kind: str) -> str:
    from app.domain.import_kinds import Kind
    from app.services.importing import ImportMapping

    path = tmp / f"koppeling-{kind}.json"
    path.write_text(ImportMapping(Kind(kind)).to_json(), encoding="utf-8")
    return str(path)


def _docs_command_lines() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for doc in sorted((ROOT / "docs").glob("*.md")):
        if doc.name in RUN_ELSEWHERE:
            continue
        for block in _code_blocks(doc.read_text(encoding="utf-8")):
            for line in block.splitlines():
                if re.match(r"^([A-Z_]+=\S+ )*python -m app\b", line.strip()):
                    found.append((doc.name, line.strip()))
    return found


def test_docs_name_commands() -> None:
    assert len(_docs_command_lines()) >= 2


@pytest.mark.parametrize(("doc", "line"), _docs_command_lines())
def test_docs_commands_run(
    doc: str, line: str, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each `python -m app …` line of docs/, with its optional parts, in this process. Paths
    of the example become temporary ones; a PostgreSQL URL in the environment becomes the
    test database (skipped without one)."""
    line = re.sub(r"#.*$", "", line).strip()
    tokens = shlex.split(line.replace("[", " ").replace("]", " "))
    env_assignments = {}
    while "=" in tokens[0] and not tokens[0].startswith("-"):
        key, value = tokens.pop(0).split("=", 1)
        env_assignments[key] = value
    assert tokens[:3] == ["python", "-m", "app"], line
    argv = tokens[3:]
    port = str(free_port())
    argv = [
        str(tmp_path / "opslag") if a.startswith("/var/lib/") else port if a == "8470" else a
        for a in argv
    ]
    if "BRUGFIGUUR_DATABASE_URL" in env_assignments:
        url = os.environ.get("BRUGFIGUUR_TEST_PG_URL")
        if not url:
            pytest.skip("BRUGFIGUUR_TEST_PG_URL is not set (./dev test sets it)")
        schema = "t_doc_" + os.urandom(6).hex()
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        admin = create_engine(url)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
        monkeypatch.setenv("BRUGFIGUUR_DATABASE_URL", scoped.render_as_string(hide_password=False))
    else:
        admin = None
        schema = ""
    assert argv[0] == "serve", f"{doc}: extend this test for {argv[0]}"
    if "--port" not in argv:
        argv += ["--port", port]
    port = argv[argv.index("--port") + 1]
    health: list[int] = []
    try:
        r = run_serving(
            cli,
            argv,
            f"http://127.0.0.1:{port}",
            lambda url: health.append(httpx.get(url + "/v2/health").status_code),
        )
    finally:
        if admin is not None:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    assert r.code == 0, r.err
    assert health == [200]


def test_python_m_app_server_refuses_a_password_in_the_url_too(tmp_path: Path) -> None:
    """`python -m app.server` (the store without the client's code) refuses a password in
    --database-url like `serve` (it would show in `ps`), without echoing it; nothing starts."""
    child = subprocess.run(
        [sys.executable, "-m", "app.server", "--data-dir", str(tmp_path / "opslag"),
         "--database-url", "postgresql+psycopg://store:geheim-wachtwoord@db.example/store",
         "--trusted-proxy", "10.0.0.0/24"],
        capture_output=True, text=True, timeout=120, cwd=ROOT, stdin=subprocess.DEVNULL,
        check=False,
    )  # fmt: skip
    assert child.returncode == 2, child.stderr
    assert "Zet geen wachtwoord in --database-url" in child.stderr
    assert "geheim-wachtwoord" not in child.stderr + child.stdout
    assert not (tmp_path / "opslag" / "store.db").exists()
