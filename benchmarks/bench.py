"""Benchmark mgb6 as users run it: whole commands, side by side with the bare imports they cannot avoid.

Usage (from the repository root, with mgb6 installed in the active environment):

    python benchmarks/bench.py                 # generate logs if missing, time everything, write results.json
    python benchmarks/bench.py --runs 9        # more runs per command (medians are reported)
    python benchmarks/bench.py --skip-1m       # leave out the slowest case
    python benchmarks/bench.py --generate-only

Logs are generated reproducibly (fixed seed) into benchmarks/generated/ (gitignored). Commands are timed
alternately (A, B, A, B, ...) so that machine noise hits both sides alike; peak RSS comes from wait4().
No timing is asserted anywhere: the numbers are for people and for results.json, compared over time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATED = HERE / "generated"
SIZES = {"1k": 1_000, "100k": 100_000, "1m": 1_000_000}
SEED = 20261126

# --------------------------------------------------------------------------------------------------------
# Log generation


def _foods() -> list[tuple[str, str]]:
    out = []
    for line in (HERE / "foods.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, kind = (p.strip() for p in line.split("|"))
            out.append((phrase, kind))
    return out


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(("swap", "drop", "double"))
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


_FRACTIONS = ("1/2", "½", "1", "1", "1", "1½", "2", "1/3", "3/4", "0.5", "2-3")
_MEAL_LABELS = ("breakfast", "lunch", "dinner", "snack", "Breakfast", "Lunch", "Dinner")
_SUPPLEMENTS = (
    "magnesium glycinate 200 mg",
    "magnesium citrate 150mg",
    "B6 10 mg",
    "vitamin B6 25 mg",
    "P5P 25 mg",
    "magnesium 100 mg + B6 5 mg",
)
_UNKNOWN = ("grandma's special casserole", "leftovers", "protein bar (brand x)", "mystery stew", "that thing")
_COMMENTS = ("# felt tired today", "# ate out", "// travel day", "# note: skipped breakfast")


def _phrase(rng: random.Random, food: str, kind: str) -> str:
    r = rng.random()
    if kind == "count":
        n = rng.choice(("1", "1", "2", "a", "one", "half a", "3"))
        size = rng.choice(("", "", "medium ", "large ", "small "))
        forms = (f"{n} {size}{food}", food, f"{food}, {rng.choice(('1', '2'))}", f"{food} x2")
    elif kind == "volume":
        q = rng.choice(_FRACTIONS)
        unit = rng.choice(("cup", "cups", "tbsp", "tsp", "tablespoons"))
        forms = (f"{q} {unit} {food}", f"{food}, {q} {unit}", f"{q} {unit} of {food}", f"{food} {q} {unit}")
    elif kind == "mass":
        g = rng.choice((30, 50, 85, 100, 113, 120, 150, 170, 200, 250))
        forms = (f"{g}g {food}", f"{food} {g} g", f"{rng.choice((1, 2, 3, 4, 6))} oz {food}",
                 f"{food}, {g} grams")  # fmt: skip
    else:
        forms = (f"1 cup {food}", f"{food} {rng.choice((200, 250, 330, 500))} ml", f"a glass of {food}",
                 f"{food}, 12 fl oz", f"2 cups {food}")  # fmt: skip
    text = forms[int(r * len(forms))]
    return text


def _date_header(rng: random.Random, d: date) -> str:
    style = rng.randrange(5)
    if style == 0:
        return d.isoformat()
    if style == 1:
        return f"## {d.isoformat()}"
    if style == 2:
        return f"{d.strftime('%A')} {d.isoformat()}"
    if style == 3:
        return f"{d.isoformat()} ({d.strftime('%a')})"
    return f"Date: {d.strftime('%Y/%m/%d')}"


def generate(n_lines: int, seed: int = SEED) -> str:
    """A log of about ``n_lines`` lines: dated days of 12-25 entries mixing foods, phrasings and noise.

    Each food has a few fixed misspellings (people repeat their own typos), so the vocabulary stays bounded
    however long the log is, as it is in real logs.
    """
    rng = random.Random(seed)
    foods = _foods()
    # a person's habits: some foods much more often than others (Zipf-like weights)
    weights = [1.0 / (1 + i) ** 0.8 for i in range(len(foods))]
    rng.shuffle(weights)
    typos = {
        i: [" ".join(_typo(rng, w) for w in foods[i][0].split())] for i in rng.sample(range(len(foods)), 40)
    }
    lines: list[str] = ["# generated benchmark log", ""]
    day = date(2020, 1, 1)
    while len(lines) < n_lines:
        lines.append(_date_header(rng, day))
        for _ in range(rng.randint(12, 25)):
            r = rng.random()
            if r < 0.03:
                lines.append(rng.choice(_SUPPLEMENTS))
                continue
            if r < 0.05:
                lines.append(rng.choice(_COMMENTS))
                continue
            if r < 0.06:
                lines.append(rng.choice(_UNKNOWN))
                continue
            i = rng.choices(range(len(foods)), weights)[0]
            food, kind = foods[i]
            if i in typos and rng.random() < 0.3:
                food = typos[i][0]
            text = _phrase(rng, food, kind)
            if rng.random() < 0.2:
                text = f"{rng.choice(_MEAL_LABELS)}: {text}"
            elif rng.random() < 0.05:
                text = f"- {text}"
            if rng.random() < 0.03:
                text += "  # homemade"
            lines.append(text)
        lines.append("")
        day += timedelta(days=1)
    return "\n".join(lines[:n_lines]) + "\n"


def ensure_logs(names: list[str]) -> dict[str, Path]:
    GENERATED.mkdir(parents=True, exist_ok=True)
    out = {}
    for name in names:
        path = GENERATED / f"log-{name}.txt"
        if not path.exists():
            path.write_text(generate(SIZES[name]), encoding="utf-8")
        out[name] = path
    return out


def ensure_clients(n: int = 100, lines: int = 600) -> Path:
    """A dietitian's folder: ``n`` people, one log each, each with its own seed."""
    folder = GENERATED / f"clients-{n}"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) != n:
        folder.mkdir(parents=True, exist_ok=True)
        for k in range(n):
            (folder / f"client-{k:03d}.txt").write_text(generate(lines, SEED + k), encoding="utf-8")
    return folder


# --------------------------------------------------------------------------------------------------------
# Timing


def run_once(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MB (the child's own, via wait4) and the exit status of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss // 1024, proc.returncode


def bench_group(
    cases: list[tuple[str, list[str]]], runs: int, env: dict[str, str] | None = None
) -> list[dict]:
    """Time the commands of one group alternately; one warm-up run each first (page cache, table cache)."""
    for _, cmd in cases:
        run_once(cmd, env)
    times: dict[str, list[float]] = {name: [] for name, _ in cases}
    rss: dict[str, int] = {name: 0 for name, _ in cases}
    codes: dict[str, int] = {}
    for _ in range(runs):
        for name, cmd in cases:
            t, peak, code = run_once(cmd, env)
            times[name].append(t)
            rss[name] = max(rss[name], peak)
            codes[name] = code
    return [
        {
            "name": name,
            "command": " ".join(cmd),
            "runs": runs,
            "median_s": round(statistics.median(times[name]), 4),
            "min_s": round(min(times[name]), 4),
            "peak_rss_mb": rss[name],
            "exit": codes[name],
        }
        for name, cmd in cases
    ]


SPECIAL = {
    "cold": "empty cache each run",
    "nolog": "table and match memo cached; no memo of this log: every line parsed",
    "memo": "table cached; no match memo, no log memo: every line parsed and matched",
    "append": "one new line appended to the log before each run, as after a meal",
}
# low in both nutrients, so the report keeps its gap and suggestions (a closed gap would print less)
APPENDED = ("g apple", "g cucumber", "g raw carrots", "g iceberg lettuce", "g cooked white rice")


def _special(name: str, cmd: list[str], runs: int, mode: str) -> dict:
    """Runs that need a prepared cache (or log) each time; see SPECIAL. ``cmd``'s last item is the log."""
    times, peaks, code = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm"
        if mode == "append":  # the log is a copy that grows by one line per run, checked with a warm cache
            log = Path(tmp) / "meals.txt"
            shutil.copyfile(cmd[-1], log)
            cmd = [*cmd[:-1], str(log)]
        run_once(cmd, {**os.environ, "MGB6_CACHE_DIR": str(warm)})
        for k in range(runs):
            cache = Path(tmp) / str(k)
            if mode == "append":
                cache = warm
                with log.open("a", encoding="utf-8") as fh:
                    fh.write(f"{100 + k} {APPENDED[k % len(APPENDED)]}\n")
            elif mode in ("memo", "nolog"):
                shutil.copytree(warm, cache)
                for f in [*cache.glob("logmemo-*"), *(cache.glob("matches-*") if mode == "memo" else [])]:
                    f.unlink()
            t, peak, code = run_once(cmd, {**os.environ, "MGB6_CACHE_DIR": str(cache)})
            times.append(t)
            peaks.append(peak)
    return {
        "name": name, "command": f"{' '.join(cmd)}  ({SPECIAL[mode]})", "runs": runs,
        "median_s": round(statistics.median(times), 4), "min_s": round(min(times), 4),
        "peak_rss_mb": max(peaks), "exit": code,
    }  # fmt: skip


def machine() -> dict[str, object]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    return {
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7, help="timed runs per fast command (median reported)")
    ap.add_argument("--big-runs", type=int, default=3, help="timed runs for the 100k/1M logs")
    ap.add_argument("--skip-1m", action="store_true", help="leave out the 1M-line log")
    ap.add_argument("--generate-only", action="store_true")
    ap.add_argument("--json", type=Path, default=HERE / "results.json", help="where to write the results")
    ap.add_argument("--label", default="", help="free text stored with the results (e.g. a commit)")
    args = ap.parse_args(argv)

    # a cache of our own: other mgb6 versions sharing ~/.cache/mgb6 must not evict the table mid-run
    # and bytecode as users have it (pip writes .pyc at install; an editable checkout on its first run)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.setdefault("MGB6_CACHE_DIR", str(GENERATED / "cache"))
    sizes = ["1k", "100k"] + ([] if args.skip_1m else ["1m"])
    logs = ensure_logs(sizes)
    clients = ensure_clients()
    if args.generate_only:
        print("\n".join(str(p) for p in [*logs.values(), clients]))
        return 0

    exe = shutil.which("mgb6", path=str(Path(sys.executable).parent)) or shutil.which("mgb6")
    if exe is None:
        print("mgb6 is not installed in this environment", file=sys.stderr)
        return 1
    py = sys.executable
    week = str(ROOT / "examples" / "week.txt")
    tab = {"_MGB6_COMPLETE": "complete_bash", "COMP_WORDS": "mgb6 ch", "COMP_CWORD": "1"}
    complete_env = {**os.environ, **tab}
    results: list[dict] = []
    base_console = ("import typer, rich.console", [py, "-c", "import typer, rich.console"])
    base_table = ("import typer, rich.table", [py, "-c", "import typer, rich.table"])
    results += bench_group([("help", [exe, "--help"]), base_console], args.runs)
    results += bench_group([("completion (TAB)", [exe])], args.runs, complete_env)
    results += bench_group([("check week", [exe, "check", week]), base_table], args.runs)
    results.append(_special("check week, cold cache", [exe, "check", week], max(3, args.runs // 2), "cold"))
    results.append(_special("check week, no match memo", [exe, "check", week], args.runs, "memo"))
    results.append(_special("check week, no log memo", [exe, "check", week], args.runs, "nolog"))
    results.append(_special("check week + 1 new line", [exe, "check", week], args.runs, "append"))
    results += bench_group([("check 1k lines", [exe, "check", str(logs["1k"])])], args.runs)
    results += bench_group([("check 100k lines", [exe, "check", str(logs["100k"])])], args.big_runs)
    if "1m" in logs:
        one_m = [("check 1M lines", [exe, "check", str(logs["1m"])])]
        results += bench_group(one_m, max(1, args.big_runs - 1))
    batch_cmd = [exe, "batch", str(clients)]
    results += bench_group([("batch 100 logs x 600 lines", batch_cmd)], args.big_runs)
    results += bench_group([("import pandas (reference)", [py, "-c", "import pandas"])], args.runs)

    by_name = {r["name"]: r for r in results}

    def ratio(a: str, b: str) -> float:
        return by_name[a]["median_s"] / by_name[b]["median_s"]

    ratios = {
        "help / import typer,rich.console": ratio("help", base_console[0]),
        "completion / import typer,rich.console": ratio("completion (TAB)", base_console[0]),
        "check week / import typer,rich.table": ratio("check week", base_table[0]),
        "check week + 1 new line / import typer,rich.table": ratio("check week + 1 new line", base_table[0]),
        "check week, no log memo / import typer,rich.table": ratio("check week, no log memo", base_table[0]),
    }
    print(f"{'case':32} {'median s':>9} {'min s':>8} {'peak MB':>8} {'exit':>4}")
    for r in results:
        print(f"{r['name']:32} {r['median_s']:9.3f} {r['min_s']:8.3f} {r['peak_rss_mb']:8d} {r['exit']:4d}")
    for k, v in ratios.items():
        print(f"{k:52} {v:5.2f}x")
    doc = {
        "label": args.label,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "results": results,
        "ratios": {k: round(v, 3) for k, v in ratios.items()},
    }
    args.json.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
