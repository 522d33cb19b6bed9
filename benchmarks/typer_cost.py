"""Does the newest typer still slow mgb6 down? Run this before lifting the cap in pyproject.toml.

Usage (from the repository root; needs the package index, so it is not part of CI):

    python benchmarks/typer_cost.py            # two fresh virtual environments, 15 runs each
    python benchmarks/typer_cost.py --runs 31

It builds one environment with mgb6 as pyproject.toml pins it (typer below 0.29) and one with the newest
typer forced in, then times ``mgb6 check examples/week.txt`` and ``mgb6 --help`` in both, alternately so
machine noise hits both alike, and prints the medians and a verdict. typer 0.29 added 65-85 ms to every
command (the one-week check went from about 100 to 163 ms) and its error messages got worse; the cap stays
until this script says the cost is gone. Offline, it says so and exits 0: it never fails a build.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THRESHOLD_MS = 10.0  # below this the difference is noise on a shared machine


def _env(where: Path, newest_typer: bool) -> Path | None:
    """A virtual environment with mgb6 installed (and the newest typer forced in); None when offline."""
    venv.EnvBuilder(with_pip=True, clear=True).create(where)
    py = where / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    steps = [[str(py), "-m", "pip", "install", "-q", str(ROOT)]]
    if newest_typer:
        steps.append([str(py), "-m", "pip", "install", "-q", "--upgrade", "typer"])
    for cmd in steps:
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr[-800:])
            return None
    return py


def _version(py: Path) -> str:
    out = subprocess.run(
        [str(py), "-c", "import typer; print(typer.__version__)"], capture_output=True, text=True
    )
    return out.stdout.strip() or "?"


def _time(py: Path, args: list[str]) -> float:
    exe = py.parent / "mgb6"
    start = time.perf_counter()
    subprocess.run([str(exe), *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="mgb6-typer-") as tmp:
        pinned, newest = _env(Path(tmp, "pinned"), False), _env(Path(tmp, "newest"), True)
        if pinned is None or newest is None:
            print("Could not install from the package index (offline?): nothing measured.")
            return 0
        versions = {"pinned": _version(pinned), "newest": _version(newest)}
        if versions["pinned"] == versions["newest"]:
            print(f"The newest typer ({versions['newest']}) is within the cap: nothing to compare.")
            return 0
        results: dict[str, dict[str, float]] = {}
        for label, args in (
            ("check examples/week.txt", ["check", "examples/week.txt"]),
            ("--help", ["--help"]),
        ):
            for py in (pinned, newest):  # warm the caches (table, log memo, .pyc) before timing
                _time(py, args)
            times: dict[str, list[float]] = {"pinned": [], "newest": []}
            for _ in range(runs):
                times["pinned"].append(_time(pinned, args))
                times["newest"].append(_time(newest, args))
            results[label] = {k: statistics.median(v) for k, v in times.items()}
    print(f"typer {versions['pinned']} (pinned) vs {versions['newest']} (newest), median of {runs} runs:")
    worst = 0.0
    for label, med in results.items():
        extra = med["newest"] - med["pinned"]
        worst = max(worst, extra)
        print(f"  mgb6 {label:<26} {med['pinned']:7.1f} ms -> {med['newest']:7.1f} ms ({extra:+.1f} ms)")
    if worst > THRESHOLD_MS:
        print(f"Verdict: the newest typer still costs up to {worst:.0f} ms a command; keep the cap.")
    else:
        print("Verdict: the extra start-up is gone; the cap in pyproject.toml can be lifted (run the tests).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
