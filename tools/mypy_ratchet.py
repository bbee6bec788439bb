"""mypy (strict, the project's settings) over tests/, as a ratchet.

    python tools/mypy_ratchet.py            # fail on any error not in the baseline, or on a
                                            # baseline entry that is fixed (shrink it)
    python tools/mypy_ratchet.py --update   # write the baseline from the current errors

The baseline (tests/mypy-baseline.txt) lists the errors the tests had when the ratchet came in,
one per line as `path: [code] message` (no line numbers, so unrelated edits do not move them),
with a count when the same error occurs more than once in a file. It can only shrink: a new
error fails, and so does a fixed one until the baseline is updated, so it cannot come back
unnoticed. `./dev test` runs this after mypy.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "mypy-baseline.txt"
TARGETS = ("tests",)
_LINE = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<msg>.*?)\s+\[(?P<code>[a-z-]+)\]$")


def current_errors() -> Counter[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", *TARGETS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode not in (0, 1) or proc.stderr.strip():
        raise SystemExit(f"mypy failed to run:\n{proc.stdout}{proc.stderr}")
    found: Counter[str] = Counter()
    for line in proc.stdout.splitlines():
        m = _LINE.match(line.strip())
        if m:
            found[f"{m['path']}: [{m['code']}] {m['msg']}"] += 1
        elif ": error:" in line:
            found[line.strip()] += 1
    return found


def read_baseline(path: Path) -> Counter[str]:
    entries: Counter[str] = Counter()
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        count, _, entry = line.partition(" ")
        entries[entry] += int(count)
    return entries


def write_baseline(path: Path, errors: Counter[str]) -> None:
    lines = [
        "# mypy errors in tests/ that predate the ratchet (tools/mypy_ratchet.py).",
        "# Only ever remove lines: fix an error, then run python tools/mypy_ratchet.py --update.",
        *(f"{n} {entry}" for entry, n in sorted(errors.items())),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the baseline")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    args = parser.parse_args(argv)
    errors = current_errors()
    baseline = read_baseline(args.baseline)
    if args.update:
        grown = errors - baseline
        if grown and baseline:
            print("refusing to grow the baseline; fix these first:")
            for entry in sorted(grown):
                print(f"  {entry}")
            return 1
        write_baseline(args.baseline, errors)
        print(f"baseline: {sum(errors.values())} errors")
        return 0
    new, fixed = errors - baseline, baseline - errors
    for entry in sorted(new):
        print(f"new mypy error in tests: {entry}")
    for entry in sorted(fixed):
        print(f"fixed (remove it from the baseline: --update): {entry}")
    if new or fixed:
        return 1
    print(f"mypy over tests: {sum(errors.values())} known errors, none new")
    return 0


if __name__ == "__main__":
    sys.exit(main())
