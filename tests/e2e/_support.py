"""Helpers for the end-to-end tests: run a command with secrets on pipes, as a script would."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "zeven bruggen over de leie bij nacht"


def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("BRUGFIGUUR_DATA_DIR", None)
    env.pop("BRUGFIGUUR_LOG_DIR", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_with_secrets(
    cmd: Sequence[str],
    secrets: Sequence[str] = (),
    *,
    timeout: float = 120,
    cwd: Path = ROOT,
) -> tuple[subprocess.CompletedProcess[str], list[int]]:
    """Run `cmd` with each secret readable as one line on its own pipe.

    `cmd` may contain "{fd0}", "{fd1}", … which are replaced by the pipes' descriptor numbers.
    """
    fds: list[int] = []
    try:
        for secret in secrets:
            r, w = os.pipe()
            os.write(w, (secret + "\n").encode("utf-8"))
            os.close(w)
            fds.append(r)
        names = {f"fd{i}": str(fd) for i, fd in enumerate(fds)}
        argv = [part.format(**names) for part in cmd]
        proc = subprocess.run(
            argv,
            cwd=cwd,
            env=clean_env(),
            pass_fds=fds,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        return proc, fds
    finally:
        for fd in fds:
            os.close(fd)


def describe(proc: subprocess.CompletedProcess[str]) -> str:
    return f"exit {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"
