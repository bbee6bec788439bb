"""Start to unlock window: spawn `python -m app --exit-when-shown` on a data dir that holds a
vault, offscreen, and time from spawn to the `window-shown:` line. Budget: < 1.0 s.

    python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from _common import BENCH_PASSPHRASE, ROOT, median, report, scratch_dir

from app.crypto.kdf import KdfParams
from app.paths import AppPaths
from app.services.vault import VaultService

# Creating the vault is not what is measured; a cheap KDF keeps the set-up quick.
SETUP_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
TIMEOUT = 60.0


def time_to_window(data_dir: str) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    env.pop("BRUGFIGUUR_DATA_DIR", None)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", data_dir, "--exit-when-shown"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    seen: list[str] = []
    elapsed: float | None = None
    window = ""
    for line in proc.stdout:
        seen.append(line)
        if line.startswith("window-shown:"):
            elapsed = time.perf_counter() - start
            window = line.split(":", 1)[1].strip()
            break
    proc.stdout.read()
    rc = proc.wait(timeout=TIMEOUT)
    if elapsed is None:
        raise SystemExit(f"no 'window-shown:' line (exit {rc}):\n{''.join(seen)}")
    return elapsed, window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with scratch_dir("startup") as tmp:
        data = tmp / "data"
        service = VaultService(AppPaths(data_dir=data, log_dir=data / "logs"), kdf_params=SETUP_KDF)
        service.create(BENCH_PASSPHRASE).vault.lock()
        time_to_window(str(data))  # warm-up: byte-compiles and fills the OS file cache
        times = []
        window = ""
        for _ in range(args.runs):
            t, window = time_to_window(str(data))
            times.append(t)
    report("startup_to_unlock_window", median(times), "s", "{:.2f}")
    report("startup_to_unlock_window_max", max(times), "s", "{:.2f}")
    print(f"# window: {window}; median of {args.runs} runs after one warm-up", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
