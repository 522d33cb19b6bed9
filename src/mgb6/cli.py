"""The ``mgb6`` command: parse options, call the library, print, exit. No computation lives here."""

from __future__ import annotations

import errno
import gc
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional, TextIO

import typer

from mgb6 import __version__
from mgb6.errors import ExitCode, Mgb6Error

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from mgb6.data import FoodTable
    from mgb6.importers import Comparison
    from mgb6.profile import Resolved

app = typer.Typer(
    name="mgb6",
    help="Check dietary magnesium and vitamin B6 in a plain-text food log against the DRIs.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Sex(str, Enum):
    female = "female"
    male = "male"


def _version(value: bool) -> None:
    if value:
        print(f"mgb6 {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Check dietary magnesium and vitamin B6 in a plain-text food log against the DRIs."""


_SETTLE = False  # set by main(): only a process of our own freezes the GC (tests share one interpreter)


def _settle() -> None:
    """Move everything imported and loaded so far out of the GC's reach, then let it collect again.

    What is loaded lives until exit anyway; without this every collection triggered while scoring and
    rendering re-scans typer, rich and the table (~10-20 ms of a one-week check, see README
    "Performance"). The console script starts with the collector off (``mgb6.__main__``); from here on
    it runs, so a long log's cycles are still freed.
    """
    if _SETTLE:
        gc.freeze()
        gc.enable()


def _consoles(no_color: bool) -> tuple[Console, Console]:
    from mgb6.report.terminal import safe_console

    # emoji=False: a food called ":fire: chili" prints as written, and rich skips loading its emoji table;
    # safe_console: a log line's control characters are shown escaped, never sent to the terminal
    return safe_console(no_color=no_color or None, highlight=False, emoji=False), safe_console(
        stderr=True, no_color=no_color or None, highlight=False, emoji=False
    )


def _fail(err: Console, exc: Mgb6Error) -> NoReturn:
    from rich.markup import escape

    err.print(f"Error: {escape(str(exc))}", soft_wrap=True)
    raise typer.Exit(int(exc.exit_code))


SexOpt = Annotated[Optional[Sex], typer.Option("--sex", help="Sex for the DRI life stage.")]  # noqa: UP045
AgeOpt = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option("--age", min=0, max=129, help="Age in years (default: adult 31-50)."),
]
PregOpt = Annotated[bool, typer.Option("--pregnant", help="Use pregnancy targets.")]
LactOpt = Annotated[bool, typer.Option("--lactating", help="Use lactation targets.")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour (also honoured: NO_COLOR).")]
NoProfileOpt = Annotated[bool, typer.Option("--no-profile", help="Ignore the saved profile for this run.")]
FoodsOpt = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Option("--foods", help="Extra foods CSV (columns of data/foods.csv); may repeat.", metavar="CSV"),
]
ReportOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--report", help="Also save the whole report as FILE.html or FILE.svg.", metavar="FILE"),
]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print only data and errors, no warnings or notes.")
]


class Per(str, Enum):
    serving = "serving"
    kcal100 = "100kcal"


@app.command()
def check(
    files: Annotated[
        list[str], typer.Argument(help="Log files; '-' reads standard input.", metavar="FILE...")
    ],
    sex: SexOpt = None,
    age: AgeOpt = None,
    pregnant: PregOpt = False,
    lactating: LactOpt = False,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any line is not counted.")] = False,
    compound_weights: Annotated[
        bool,
        typer.Option(
            "--compound-weights", help="Read supplement Mg amounts as compound, not elemental, weight."
        ),
    ] = False,
    no_color: NoColorOpt = False,
    no_profile: NoProfileOpt = False,
    foods: FoodsOpt = None,
    report_file: ReportOpt = None,
    compare: Annotated[
        bool,
        typer.Option("--compare", help="Show Cronometer's own Mg and B6 beside mgb6's (servings exports)."),
    ] = False,
    quiet: QuietOpt = False,
    authority: AuthorityOpt = None,
    diet: DietOpt = None,
    avoid: AvoidOpt = None,
    per: PerOpt = Per.serving,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --report file if it exists.")] = False,
) -> None:
    """Report magnesium and vitamin B6 per day against your DRI targets.

    Example: mgb6 check examples/week.txt --sex female --age 34

    Targets come from your saved profile (mgb6 profile set); --sex, --age, --pregnant and --lactating
    override it for this run. A Cronometer servings.csv export can be checked directly.
    """
    out, err = _consoles(no_color)
    report_fmt = _report_format(report_file) if report_file else None
    if report_file:
        _refuse_missing_folder(err, report_file, "the report")
        _refuse_target(err, report_file, force, "the report")
    comparison = None
    try:
        from mgb6.api import run_check

        _settle()
        resolved = _resolve_profile(sex, age, pregnant, lactating, no_profile, authority)
        table = _food_table(foods)
        diet_name, avoid_words = _diet_and_avoid(resolved, diet, avoid)
        result, warnings = run_check(
            files, resolved.profile, compound_weights=compound_weights, table=table,
            diet=diet_name, avoid=avoid_words, per=per.value,
        )  # fmt: skip
        if compare:
            from mgb6.api import cronometer_comparison

            comparison = cronometer_comparison(files, result)
    except Mgb6Error as exc:
        _fail(err, exc)
    if not quiet:
        for w in warnings:
            err.print(f"Warning: {w}", soft_wrap=True, markup=False)
        if comparison and fmt is not OutputFormat.table:
            err.print("Note: --compare adds a table to the table report (and --report), not to json/csv",
                      soft_wrap=True, markup=False)  # fmt: skip
    if report_file and report_fmt:
        from mgb6.render import report

        whole = _with_comparison(report(result, resolved.origin), comparison)
        _save_report(err, report_file, report_fmt, whole, quiet, no_color, force)
    if fmt is OutputFormat.json:
        from mgb6.export import write_json

        write_json(result, sys.stdout)
    elif fmt is OutputFormat.csv:
        from mgb6.export import write_csv

        write_csv(result, _data_out())
    else:
        from mgb6.render import report

        out.print(_with_comparison(report(result, resolved.origin), comparison))
    if fmt is not OutputFormat.table and not quiet:
        from mgb6.export import coverage_note

        note = coverage_note(result, fmt.value)
        if note:
            err.print(f"Note: {note}", soft_wrap=True, markup=False)
    if strict and result.problems:
        raise typer.Exit(int(ExitCode.ERROR))


def _data_out() -> TextIO:
    """Standard output for data: as is into a file or pipe; with control characters escaped when it is a
    terminal, where a log line's escape sequence would otherwise act (report.terminal)."""
    if not sys.stdout.isatty():
        return sys.stdout
    from mgb6.report.terminal import visible

    class _Shown:
        def write(self, text: str) -> int:
            return sys.stdout.write(visible(text))

    return _Shown()  # type: ignore[return-value]


def _resolve_profile(
    sex: Sex | None, age: float | None, pregnant: bool, lactating: bool, no_profile: bool,
    authority: Authority | None = None,
) -> Resolved:
    from mgb6 import profile as prof

    path = prof.profile_path()
    stored = None if no_profile else prof.load(path)
    return prof.resolve(stored, path, sex=sex.value if sex else None, age=age, pregnant=pregnant,
                        lactating=lactating, ignored=no_profile,
                        authority=authority.value if authority else None)  # fmt: skip


def _diet_and_avoid(
    resolved: Resolved, diet: Diet | None, avoid: str | None
) -> tuple[str | None, tuple[str, ...]]:
    """This run's --diet/--avoid, else the saved profile's; ``--diet none`` drops a saved diet."""
    from mgb6.suggest import parse_avoid

    stored = resolved.stored
    if diet is not None:
        diet_name = None if diet.value == "none" else diet.value
    else:
        diet_name = stored.diet if stored else None
    words = parse_avoid(avoid) if avoid is not None else (tuple(stored.avoid) if stored else ())
    return diet_name, words


def _food_table(extra: list[Path] | None) -> FoodTable | None:
    """None (the bundled table) unless the config dir has a foods.csv or --foods names one."""
    from mgb6.profile import config_dir

    paths = [p for p in (config_dir() / "foods.csv",) if p.is_file()] + list(extra or [])
    if not paths:
        return None
    from mgb6.data import load_table_with

    return load_table_with(paths)


def _report_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return "html"
    if suffix == ".svg":
        return "svg"
    raise typer.BadParameter("the report file must end in .html or .svg", param_hint="'--report'")


def _refuse_missing_folder(err: Console, path: Path, what: str) -> None:
    """Write only into a folder that exists: a mistyped path must not quietly grow new directories."""
    parent = path.parent
    if not parent.is_dir():
        why = f"{parent} is not a folder" if parent.exists() else f"the folder {parent} does not exist"
        _fail(err, Mgb6Error(f"{path}: cannot write {what}: {why}"))


def _with_comparison(renderable: RenderableType, comparison: list[Comparison] | None) -> RenderableType:
    if not comparison:
        return renderable
    from rich.console import Group

    from mgb6.views import compare_table

    return Group(renderable, compare_table(comparison))


def _refuse_target(err: Console, path: Path, force: bool, what: str) -> None:
    """Before any work: a link or non-regular target always, an existing file without --force."""
    from mgb6.files import check_target

    try:
        check_target(path, replace=force, what=what)
    except Mgb6Error as exc:
        _fail(err, exc)


def _save_report(
    err: Console, path: Path, fmt: str, renderable: RenderableType, quiet: bool, no_color: bool, force: bool
) -> None:
    from mgb6.files import atomic_write_text
    from mgb6.views import export_report

    try:
        atomic_write_text(path, export_report(renderable, fmt, color=not no_color), replace=force)
    except Mgb6Error as exc:
        _fail(err, exc)
    except OSError as exc:
        _fail(err, Mgb6Error(f"{path}: cannot write the report ({exc.strerror or exc})"))
    if not quiet:
        from rich.markup import escape

        err.print(f"Report saved to {escape(str(path))}", soft_wrap=True)


profile_app = typer.Typer(
    help="Save who the targets are for (sex, age, life stage), so every check uses them.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(profile_app, name="profile")


class Authority(str, Enum):
    iom = "iom"
    efsa = "efsa"


class Diet(str, Enum):
    vegetarian = "vegetarian"
    vegan = "vegan"
    pescatarian = "pescatarian"
    none = "none"


# options of check and suggest (issue 3); check's annotations resolve when the app runs, so they may
# name these aliases although check is defined above them
AuthorityOpt = Annotated[
    Optional[Authority],  # noqa: UP045
    typer.Option("--authority", help="Targets and limits: iom (US/Canada) or efsa (EU); default: profile."),
]
DietOpt = Annotated[
    Optional[Diet],  # noqa: UP045
    typer.Option("--diet", help="Suggest only foods that fit this diet ('none' ignores the profile's)."),
]
AvoidOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--avoid",
        help="Comma-separated food groups to leave out: nuts,peanuts,seeds,sesame,fish,shellfish,seafood,"
        "dairy,egg,gluten,soy,meat,poultry.",
    ),
]
PerOpt = Annotated[Per, typer.Option("--per", help="Rank suggestions per serving or per 100 kcal.")]


@profile_app.command("set")
def profile_set(
    sex: SexOpt = None,
    age: AgeOpt = None,
    pregnant: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option("--pregnant/--not-pregnant", help="Use pregnancy targets (--not-pregnant clears it)."),
    ] = None,
    lactating: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--lactating/--not-lactating", help="Use lactation targets (--not-lactating clears it)."
        ),
    ] = None,
    authority: Annotated[
        Optional[Authority],  # noqa: UP045
        typer.Option("--authority", help="Whose reference values: iom (default) or efsa."),
    ] = None,
    diet: Annotated[
        Optional[Diet],  # noqa: UP045
        typer.Option("--diet", help="Diet the suggestions respect ('none' clears it)."),
    ] = None,
    avoid: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--avoid", help="Comma list of foods to leave out of suggestions ('' clears it)."),
    ] = None,
    quiet: QuietOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """Save your profile; only the options given change, the rest is kept. A profile no DRI row or
    --avoid group fits is refused (and not saved), with the error check would give.

    Example: mgb6 profile set --sex female --age 34 --lactating
    """
    from mgb6 import profile as prof

    out, err = _consoles(no_color)
    try:
        path = prof.profile_path()
        current = prof.load(path)
        new = prof.update(
            current, sex=sex.value if sex else None, age=age, pregnant=pregnant,
            lactating=lactating, authority=authority.value if authority else None,
            diet=diet.value if diet else None, avoid=avoid,
        )  # fmt: skip
        prof.ensure_usable(new)
        prof.save(new, path)
    except Mgb6Error as exc:
        _fail(err, exc)
    if not quiet:
        from mgb6.views import profile_view

        out.print(profile_view(new, path))


@profile_app.command("show")
def profile_show(no_color: NoColorOpt = False) -> None:
    """Print the saved profile and where it is stored.

    Example: mgb6 profile show
    """
    from mgb6 import profile as prof

    out, err = _consoles(no_color)
    try:
        path = prof.profile_path()
        stored = prof.load(path)
    except Mgb6Error as exc:
        _fail(err, exc)
    if stored is None:
        from rich.markup import escape

        err.print(f"No profile yet ({escape(str(path))}); set one with: {prof.SET_HINT}", soft_wrap=True)
        return
    from mgb6.views import profile_view

    out.print(profile_view(stored, path))


@profile_app.command("path")
def profile_path_cmd() -> None:
    """Print the path of the profile file (it may not exist yet).

    Example: mgb6 profile path
    """
    from mgb6.profile import profile_path

    print(profile_path())


@profile_app.command("clear")
def profile_clear(quiet: QuietOpt = False, no_color: NoColorOpt = False) -> None:
    """Delete the saved profile; checks use the default targets again.

    Example: mgb6 profile clear
    """
    from mgb6 import profile as prof

    _, err = _consoles(no_color)
    try:
        path = prof.profile_path()
        removed = prof.clear(path)
    except Mgb6Error as exc:
        _fail(err, exc)
    if not quiet:
        from rich.markup import escape

        err.print(f"{'Removed' if removed else 'No profile at'} {escape(str(path))}", soft_wrap=True)


@app.command()
def targets(
    sex: SexOpt = None,
    age: AgeOpt = None,
    pregnant: PregOpt = False,
    lactating: LactOpt = False,
    no_profile: NoProfileOpt = False,
    no_color: NoColorOpt = False,
    authority: AuthorityOpt = None,
) -> None:
    """Show EAR, RDA (or AI) and UL for magnesium and vitamin B6, what each UL covers, and the source.

    Example: mgb6 targets --sex female --age 34 --pregnant
    """
    out, err = _consoles(no_color)
    try:
        from mgb6.data import load_dri
        from mgb6.targets import targets_for

        resolved = _resolve_profile(sex, age, pregnant, lactating, no_profile, authority)
        found = targets_for(resolved.profile, load_dri())
    except Mgb6Error as exc:
        _fail(err, exc)
    from mgb6.views import targets_table

    out.print(targets_table(found, resolved.profile.describe(), resolved.origin))


import_app = typer.Typer(
    help="Turn another app's export into an mgb6 log.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(import_app, name="import")


@import_app.command("cronometer")
def import_cronometer(
    export: Annotated[
        Path, typer.Argument(help="Cronometer servings.csv (Export Data > Food & Recipe Entries).")
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the log here (default: standard output)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
    quiet: QuietOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """Convert a Cronometer servings export into an mgb6 log (date headers, one serving a line).

    Example: mgb6 import cronometer servings.csv -o meals.txt && mgb6 check meals.txt
    """
    _, err = _consoles(no_color)
    if output is not None:
        _refuse_missing_folder(err, output, "the log")
        _refuse_target(err, output, force, "the log")
    try:
        from mgb6.errors import InputError
        from mgb6.importers import looks_like_cronometer, read_cronometer, to_log
        from mgb6.reader import read_log

        text = read_log(str(export))
        if not looks_like_cronometer(text.text):
            raise InputError(
                f"{export}: not a Cronometer servings export (the header needs Day, Food Name, Amount, "
                "Magnesium (mg) and B6 (Pyridoxine) (mg))"
            )
        data = read_cronometer(text.text, str(export))
        converted = to_log(data)
        if output is None:
            sys.stdout.write(converted.text)
        else:
            from mgb6.files import atomic_write_text

            try:
                atomic_write_text(output, converted.text, replace=force)
            except OSError as exc:
                raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from exc
    except Mgb6Error as exc:
        _fail(err, exc)
    if not quiet:
        from rich.markup import escape

        where = f" to {escape(str(output))}" if output else ""
        note = f"; {converted.zero_amounts} zero-amount servings left out" if converted.zero_amounts else ""
        skipped = f"; {len(data.skipped)} rows without a food name skipped" if data.skipped else ""
        err.print(f"Imported {converted.servings} servings{where}{note}{skipped}", soft_wrap=True)


def _gap_amount(value: float) -> float:
    """A gap is a finite amount of mg >= 0: nan passes click's min=0, and 1e309 parses as inf."""
    import math

    if not math.isfinite(value) or value < 0:
        raise typer.BadParameter(f"{value:g} is not a gap: give a finite number of mg >= 0, e.g. 120")
    return value


@app.command()
def suggest(
    magnesium: Annotated[
        float, typer.Option("--magnesium", callback=_gap_amount, help="Magnesium gap, mg/day.")
    ] = 0.0,
    b6: Annotated[
        float, typer.Option("--b6", callback=_gap_amount, help="Vitamin B6 gap to close, mg/day.")
    ] = 0.0,
    diet: DietOpt = None,
    avoid: AvoidOpt = None,
    per: PerOpt = Per.serving,
    n: Annotated[int, typer.Option("-n", min=1, max=50, help="How many foods to list.")] = 8,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="table or json.")] = OutputFormat.table,
    no_color: NoColorOpt = False,
) -> None:
    """Foods (and a 1-3 serving plan) that close a magnesium and/or B6 gap; no log needed.

    Example: mgb6 suggest --magnesium 120 --b6 0.4 --diet vegan
    """
    out, err = _consoles(no_color)
    if magnesium <= 0 and b6 <= 0:
        err.print("Error: give a gap to close: --magnesium MG and/or --b6 MG", soft_wrap=True)
        raise typer.Exit(int(ExitCode.USAGE))
    try:
        from mgb6.data import load_suggestable, load_table
        from mgb6.suggest import suggest as run_suggest

        saved = _resolve_profile(None, None, False, False, False)
        diet_name, avoid_words = _diet_and_avoid(saved, diet, avoid)
        sugg = run_suggest(
            load_table(), load_suggestable(), {"magnesium": magnesium, "vitamin_b6": b6},
            diet=diet_name, avoid=avoid_words, per=per.value, n=n,
        )  # fmt: skip
    except Mgb6Error as exc:
        _fail(err, exc)
    if fmt is OutputFormat.json:
        import json

        from mgb6.advice import DISCLAIMER
        from mgb6.export import plan_dict, suggestion_dict

        doc = {"gaps": {f"{k}_mg": v for k, v in sugg.gaps.items()}, "per": sugg.per, "diet": sugg.diet,
               "avoid": list(sugg.avoid), "suggestions": [suggestion_dict(s) for s in sugg.items],
               "plan": plan_dict(sugg.plan), "disclaimer": DISCLAIMER}  # fmt: skip
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return
    from mgb6.render import suggest_report

    out.print(suggest_report(sugg))


foods_app = typer.Typer(help="Look up foods in mgb6's USDA table.", no_args_is_help=True)
app.add_typer(foods_app, name="foods")


class Nutrient(str, Enum):
    magnesium = "magnesium"
    b6 = "b6"


class TopPer(str, Enum):
    serving = "serving"
    g100 = "100g"
    kcal100 = "100kcal"


@foods_app.command("search")
def foods_search(
    text: Annotated[list[str], typer.Argument(help="Food words, as you would write them in a log.")],
    n: Annotated[int, typer.Option("-n", min=1, max=20, help="How many candidates.")] = 5,
    no_color: NoColorOpt = False,
) -> None:
    """What mgb6 would match for TEXT, with the candidates and their confidence.

    Example: mgb6 foods search cooked lentils
    """
    out, err = _consoles(no_color)
    try:
        from mgb6.data import load_table
        from mgb6.rankings import search_foods

        res = search_foods(" ".join(text), load_table(), n)
    except Mgb6Error as exc:
        _fail(err, exc)
    from mgb6.render import search_report

    out.print(search_report(res))


@foods_app.command("top")
def foods_top(
    nutrient: Annotated[Nutrient, typer.Option("--nutrient", help="Rank by it.")] = Nutrient.magnesium,
    per: Annotated[TopPer, typer.Option("--per", help="Per serving, 100 g or 100 kcal.")] = TopPer.serving,
    category: Annotated[
        Optional[str], typer.Option("--category", help="Only USDA categories containing this text.")  # noqa: UP045
    ] = None,
    n: Annotated[int, typer.Option("-n", min=1, max=500, help="How many foods.")] = 20,
    everyday: Annotated[bool, typer.Option("--everyday", help="Only foods suggestions may name.")] = False,
    no_color: NoColorOpt = False,
) -> None:
    """The foods richest in magnesium or B6: per 100 g or 100 kcal over the whole table, per serving over
    the everyday foods (whose servings are realistic USDA portions).

    Example: mgb6 foods top --nutrient b6 --per serving -n 10
    """
    out, err = _consoles(no_color)
    try:
        from mgb6.data import load_suggestable, load_table
        from mgb6.rankings import top_foods

        rows = top_foods(
            load_table(), "magnesium" if nutrient is Nutrient.magnesium else "vitamin_b6", per.value,
            category=category, n=n,
            # a realistic serving exists only for the everyday list: per serving ranks those foods
            suggestable=load_suggestable() if everyday or per is TopPer.serving else None,
        )  # fmt: skip
    except Mgb6Error as exc:
        _fail(err, exc)
    from mgb6.render import top_foods_table

    out.print(top_foods_table(rows, nutrient.value, per.value))


@app.command()
def batch(
    paths: Annotated[
        list[str], typer.Argument(help="Log files and folders (every *.txt inside, one log per person).")
    ],
    sex: SexOpt = None,
    age: AgeOpt = None,
    pregnant: PregOpt = False,
    lactating: LactOpt = False,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    compound_weights: Annotated[
        bool,
        typer.Option("--compound-weights", help="Read supplement Mg amounts as compound weight."),
    ] = False,
    no_color: NoColorOpt = False,
) -> None:
    """One summary row per log (a dietitian's view); exit 1 if any log could not be read.

    Example: mgb6 batch clients/ --format csv > summary.csv
    """
    out, err = _consoles(no_color)
    try:
        from mgb6.batch import run_batch
        from mgb6.targets import Profile

        _settle()
        profile = Profile(sex.value if sex else None, age, pregnant, lactating)
        result, warnings = run_batch(paths, profile, compound_weights=compound_weights)
    except Mgb6Error as exc:
        _fail(err, exc)
    for w in warnings:
        err.print(f"Warning: {w}", soft_wrap=True, markup=False)
    if fmt is OutputFormat.json:
        from mgb6.export_batch import to_json as batch_json

        sys.stdout.write(batch_json(result) + "\n")
    elif fmt is OutputFormat.csv:
        from mgb6.export_batch import to_csv as batch_csv

        _data_out().write(batch_csv(result))
    else:
        from mgb6.render_batch import batch_report

        out.print(batch_report(result))
    if result.failed:
        raise typer.Exit(int(ExitCode.ERROR))


def _parse_day(text: str | None) -> date:
    """--date: ISO (YYYY-MM-DD), or the words today / yesterday."""
    from datetime import timedelta

    today = date.today()
    if text is None or text.strip().lower() == "today":
        return today
    if text.strip().lower() == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not a date; use YYYY-MM-DD, 'today' or 'yesterday'", param_hint="--date"
        ) from None


@app.command("log")
def log_line(
    words: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help='The food line, e.g. "2 cups spinach" (quotes optional).', metavar="LINE"),
    ] = None,
    day: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", help="Day to log under: YYYY-MM-DD, today (default) or yesterday."),
    ] = None,
    file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--file", help="Log to append to (default: your log; see --where).", dir_okay=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Append even a line mgb6 cannot count.")] = False,
    where: Annotated[bool, typer.Option("--where", help="Print the log's path and exit.")] = False,
    foods: FoodsOpt = None,
    no_color: NoColorOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Append one line to your food log under today's date, showing how mgb6 reads it.

    Example: mgb6 log "2 cups spinach"
    """
    from mgb6.logbook import default_log_path

    out, err = _consoles(no_color)
    path = file if file is not None else default_log_path()
    if where:
        out.print(str(path), markup=False, highlight=False, soft_wrap=True)
        return
    if not words:
        raise typer.BadParameter('give the line to log, e.g. mgb6 log "2 cups spinach"', param_hint="LINE")
    when = _parse_day(day)
    try:
        from mgb6.api import understand_line
        from mgb6.logbook import append_line, check_line
        from mgb6.models import Problem
        from mgb6.render_log import appended, understood

        line = check_line(" ".join(words))
        reading = understand_line(line, _food_table(foods))
        if isinstance(reading, Problem) and not force:
            err.print(
                f"Error: not logged, {understood(reading)}. Reword it, or add --force to log it anyway.",
                markup=False, soft_wrap=True,
            )  # fmt: skip
            raise typer.Exit(int(ExitCode.ERROR))
        result = append_line(path, line, when)
    except Mgb6Error as exc:
        _fail(err, exc)
    if not quiet:
        out.print(appended(result), markup=False, soft_wrap=True)
        out.print(f"  {line} -> {understood(reading)}", markup=False, soft_wrap=True)


def _unexpected(exc: BaseException) -> NoReturn:
    """The last resort: a one-line error instead of a traceback, and where to report it."""
    from mgb6.report.terminal import visible

    what = visible(" ".join(str(exc).split())) or "no details"
    sys.stderr.write(
        f"Error: unexpected {type(exc).__name__}: {what[:300]}. This is a bug in mgb6; please report it "
        "with the command you ran (set MGB6_DEBUG=1 to see the traceback).\n"
    )
    sys.exit(int(ExitCode.ERROR))


def app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command being run registered.

    typer turns every command's signature into click parameters on each start (about 1 ms a command);
    a run needs one. Help without a command, completion and unknown names get the whole app, so usage
    errors still list every command.
    """
    import copy
    import os

    if not argv or argv[0].startswith("-") or any(k.startswith("_MGB6_COMPLETE") for k in os.environ):
        return app
    from typer.main import get_command_name

    def name(info: typer.models.CommandInfo) -> str:
        return info.name or get_command_name(info.callback.__name__)  # type: ignore[union-attr]

    commands = [c for c in app.registered_commands if name(c) == argv[0]]
    groups = [g for g in app.registered_groups if g.name == argv[0]]
    if not commands and not groups:
        return app
    slim = copy.copy(app)
    slim.registered_commands = commands
    slim.registered_groups = groups
    return slim


def main() -> None:
    """Console-script entry point; no input ever ends in a traceback."""
    import os

    for stream in (sys.stdout, sys.stderr):
        # a food name the terminal's encoding cannot show (PYTHONIOENCODING=ascii, a latin-1 console)
        # prints as "?" instead of failing after the work is done (e.g. after `mgb6 log` has appended)
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    global _SETTLE
    _SETTLE = True
    gc.freeze()  # typer and click: loaded for good (the console script started with the collector off)
    if sys.argv[1:2] not in (["check"], ["batch"]):
        gc.enable()  # only check and batch switch it on themselves, once their data is loaded (_settle)
    if sys.stdout is None:  # started with standard output closed (`mgb6 check log >&-`)
        _say("Error: standard output is closed; nothing could be printed (redirect it to a file instead)")
        sys.exit(int(ExitCode.ERROR))
    try:
        app_for(sys.argv[1:])()
    except SystemExit as exc:
        if exc.code == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into a silent Exit(130)
            _say("Interrupted.")
        cause = exc.__context__
        if isinstance(cause, OSError) and cause.errno == errno.EPIPE:  # typer's silent exit 1 on EPIPE
            _quiet_stdout()
            sys.exit(int(ExitCode.BROKEN_PIPE))
        raise
    except KeyboardInterrupt:
        _say("Interrupted.")
        sys.exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(int(ExitCode.BROKEN_PIPE))  # `mgb6 check -f csv log | head -1`: the reader left early
    except OSError as exc:
        if exc.errno in _OUTPUT_ERRNOS or _stdout_failed():
            _quiet_stdout()
            _say(f"Error: cannot write the output ({exc.strerror or exc}); it is incomplete")
            sys.exit(int(ExitCode.ERROR))
        if os.environ.get("MGB6_DEBUG"):
            raise
        _unexpected(exc)
    except Exception as exc:
        if os.environ.get("MGB6_DEBUG"):
            raise
        _unexpected(exc)


# Errors of writing the output that no command handles itself (its own files fail as Mgb6Error).
_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EBADF") if hasattr(errno, name)
)


def _say(line: str) -> None:
    """One line on stderr, if there is a stderr to write to."""
    try:
        if sys.stderr is not None:
            from mgb6.report.terminal import visible

            sys.stderr.write(visible(line) + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _stdout_failed() -> bool:
    """Whether standard output is what failed: what is still buffered cannot be written either."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


def _quiet_stdout() -> None:
    """Point fd 1 at the null device, so the exit's own flush of what is left raises nothing more."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
    except OSError:
        pass


def run() -> NoReturn:
    """The console script: ``main()``, then exit without the interpreter's teardown.

    Freeing the table, the caches and every module object at exit costs 10-15 ms of a one-week check
    (README "Performance"), and nothing is left to clean up: files are written and closed inside the
    commands. Only the standard streams still need flushing. ``main()`` stays importable for tests.
    """
    import os

    try:
        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = int(exc.code or 0)
        else:
            sys.stderr.write(f"{exc.code}\n")
            code = int(ExitCode.ERROR)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            code = code or int(ExitCode.BROKEN_PIPE)  # `mgb6 check log | head`: the reader left early
        except (OSError, ValueError) as exc:
            if not code and stream is sys.stdout:
                _say(f"Error: cannot write the output ({getattr(exc, 'strerror', None) or exc}); it is lost")
            code = code or int(ExitCode.ERROR)
    os._exit(code)
