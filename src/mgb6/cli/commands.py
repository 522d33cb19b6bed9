"""The bodies of the ``mgb6`` commands: parse options, call the library, print, exit.

No computation lives here; the options they share are options.py's, the process around them lifecycle.py's.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer

from mgb6.cli.console import consoles, fail, reported
from mgb6.cli.lifecycle import settle
from mgb6.cli.options import (
    AgeOpt,
    Authority,
    AuthorityOpt,
    AvoidOpt,
    DateOrder,
    DateOrderOpt,
    Diet,
    DietOpt,
    FoodsOpt,
    FormatOpt,
    LactOpt,
    NoColorOpt,
    NoProfileOpt,
    Nutrient,
    OutputFormat,
    Per,
    PerOpt,
    PregOpt,
    QuietOpt,
    ReportOpt,
    Sex,
    SexOpt,
    TopPer,
    app,
    foods_app,
    import_app,
    profile_app,
)
from mgb6.errors import ExitCode, Mgb6Error, OptionError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from mgb6.foods.table import FoodTable
    from mgb6.log.cronometer import Comparison
    from mgb6.profile import Resolved


@app.command("check")
def check(
    files: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(
            help="Log files; '-' reads standard input. Default: your log (mgb6 log --where).",
            metavar="[FILE]...",
            show_default=False,
        ),
    ] = None,
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
    strict_amounts: Annotated[
        bool,
        typer.Option(
            "--strict-amounts",
            help="List a line whose amount is assumed (none, 'a bowl', 'a few') as not counted.",
        ),
    ] = False,
    compare: Annotated[
        bool,
        typer.Option("--compare", help="Show Cronometer's own Mg and B6 beside mgb6's (servings exports)."),
    ] = False,
    quiet: QuietOpt = False,
    authority: AuthorityOpt = None,
    diet: DietOpt = None,
    avoid: AvoidOpt = None,
    per: PerOpt = Per.serving,
    date_order: DateOrderOpt = None,
    include_today: Annotated[
        bool, typer.Option("--include-today", help="Count today's unfinished day in the mean.")
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page the report (also: MGB6_PAGER=0).")
    ] = False,
    lines: Annotated[
        bool, typer.Option("--lines", help="Show how every line was read (default: the ones worth a look).")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --report file if it exists.")] = False,
) -> None:
    """Report magnesium and vitamin B6 per day against your DRI targets.

    Example: mgb6 check examples/week.txt --sex female --age 34

    Targets come from your saved profile (mgb6 profile set); --sex, --age, --pregnant and --lactating
    override it for this run. A Cronometer servings.csv export can be checked directly.
    """
    out, err = consoles(no_color)
    report_fmt = _report_format(report_file) if report_file else None
    if report_file:
        _refuse_missing_folder(err, report_file, "the report")
        _refuse_target(err, report_file, force, "the report")
    comparison = None
    with reported(err):
        from mgb6.api import run_check

        settle()
        resolved = _resolve_profile(sex, age, pregnant, lactating, no_profile, authority)
        table = _food_table(foods)
        diet_name, avoid_words = _diet_and_avoid(resolved, diet, avoid)
        files = files or [_default_log(err, quiet)]
        order = date_order.value if date_order else (resolved.stored.date_order if resolved.stored else None)
        from mgb6.cli.output import progress_bar

        with progress_bar(err, not quiet) as progress:
            result, warnings = run_check(
                files, resolved.profile, compound_weights=compound_weights, table=table,
                diet=diet_name, avoid=avoid_words, per=per.value, date_order=order,
                include_today=include_today, progress=progress, strict_amounts=strict_amounts,
            )  # fmt: skip
        if compare:
            from mgb6.api import cronometer_comparison

            comparison = cronometer_comparison(files, result)
    if not quiet:
        for w in warnings:
            err.print(f"Warning: {w}", soft_wrap=True, markup=False)
        if comparison and fmt is not OutputFormat.table:
            err.print("Note: --compare adds a table to the table report (and --report), not to json/csv",
                      soft_wrap=True, markup=False)  # fmt: skip
    if report_file and report_fmt == "html":  # a document of its own, not a terminal dump
        from mgb6.export.html import report_html

        _save_text(err, report_file, report_html(result, resolved.origin), quiet, force)
    elif report_file and report_fmt:
        from mgb6.report.render import report

        whole = _with_comparison(report(result, resolved.origin, every_line=lines), comparison)
        _save_report(err, report_file, report_fmt, whole, quiet, no_color, force)
    if fmt is OutputFormat.json:
        from mgb6.export.check import write_json

        write_json(result, sys.stdout)
    elif fmt is OutputFormat.csv:
        from mgb6.export.check import write_csv

        write_csv(result, _data_out())
    else:
        from mgb6.cli.output import show
        from mgb6.report.render import report

        show(
            out,
            _with_comparison(report(result, resolved.origin, every_line=lines), comparison),
            page=not no_pager,
        )
    if fmt is not OutputFormat.table and not quiet:
        from mgb6.export.check import coverage_note

        note = coverage_note(result, fmt.value)
        if note:
            err.print(f"Note: {note}", soft_wrap=True, markup=False)
    if strict and result.problems:
        if not quiet:
            n = len(result.problems)
            err.print(f"Error: --strict: {n} line{'s' if n != 1 else ''} not counted (listed in the report)",
                      soft_wrap=True, markup=False)  # fmt: skip
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


def _default_log(err: Console, quiet: bool) -> str:
    """With no FILE, check the log ``mgb6 log`` appends to; say so, and say how to start one if absent."""
    from mgb6.errors import InputError
    from mgb6.log.append import default_log_path

    path = default_log_path()
    if not path.is_file():
        raise InputError(
            f'no FILE given and no log yet at {path}; start one with: mgb6 log "2 cups '
            'spinach", or give a file: mgb6 check FILE'
        )
    if not quiet:
        err.print(f"Checking your log {path}", soft_wrap=True, markup=False, style="dim")
    return str(path)


def _resolve_profile(
    sex: Sex | None,
    age: float | None,
    pregnant: bool,
    lactating: bool,
    no_profile: bool,
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
    from mgb6.profile import parse_avoid

    stored = resolved.stored
    if diet is not None:
        diet_name = None if diet.value == "none" else diet.value
    else:
        diet_name = stored.diet if stored else None
    words = parse_avoid(avoid) if avoid is not None else (tuple(stored.avoid) if stored else ())
    return diet_name, words


def _food_table(extra: list[Path] | None) -> FoodTable | None:
    """None (the bundled table) unless the config dir has a foods.csv or --foods names one."""
    from mgb6.paths import config_dir

    paths = [p for p in (config_dir() / "foods.csv",) if p.is_file()] + list(extra or [])
    if not paths:
        return None
    from mgb6.foods.custom import load_table_with

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
        fail(err, Mgb6Error(f"{path}: cannot write {what}: {why}"))


def _with_comparison(renderable: RenderableType, comparison: list[Comparison] | None) -> RenderableType:
    if not comparison:
        return renderable
    from rich.console import Group

    from mgb6.report.views import compare_table

    return Group(renderable, compare_table(comparison))


def _refuse_target(err: Console, path: Path, force: bool, what: str) -> None:
    """Before any work: a link or non-regular target always, an existing file without --force."""
    from mgb6.paths import check_target

    with reported(err):
        check_target(path, replace=force, what=what)


def _save_report(
    err: Console, path: Path, fmt: str, renderable: RenderableType, quiet: bool, no_color: bool, force: bool
) -> None:
    from mgb6.report.views import export_report

    _save_text(err, path, export_report(renderable, fmt, color=not no_color), quiet, force)


def _save_text(err: Console, path: Path, text: str, quiet: bool, force: bool) -> None:
    from mgb6.paths import atomic_write_text

    try:
        atomic_write_text(path, text, replace=force)
    except Mgb6Error as exc:
        fail(err, exc)
    except OSError as exc:
        fail(err, Mgb6Error(f"{path}: cannot write the report ({exc.strerror or exc})"))
    if not quiet:
        from rich.markup import escape

        err.print(f"Report saved to {escape(str(path))}", soft_wrap=True)


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
    date_order: Annotated[
        Optional[DateOrder],  # noqa: UP045
        typer.Option(
            "--date-order",
            case_sensitive=False,
            help="Read 3/4/2025 as dmy (3 April) or mdy (March 4); 'none' clears it.",
        ),
    ] = None,
    quiet: QuietOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """Save your profile; only the options given change, the rest is kept. A profile no DRI row or
    --avoid group fits is refused (and not saved), with the error check would give.

    Example: mgb6 profile set --sex female --age 34 --lactating
    """
    from mgb6 import profile as prof

    out, err = consoles(no_color)
    with reported(err):
        path = prof.profile_path()
        current = prof.load(path)
        new = prof.update(
            current, sex=sex.value if sex else None, age=age, pregnant=pregnant,
            lactating=lactating, authority=authority.value if authority else None,
            diet=diet.value if diet else None, avoid=avoid,
            date_order=date_order.value if date_order else None,
        )  # fmt: skip
        prof.ensure_usable(new)
        prof.save(new, path)
    if not quiet:
        from mgb6.report.views import profile_view

        out.print(profile_view(new, path))


@profile_app.command("show")
def profile_show(no_color: NoColorOpt = False) -> None:
    """Print the saved profile and where it is stored.

    Example: mgb6 profile show
    """
    from mgb6 import profile as prof

    out, err = consoles(no_color)
    with reported(err):
        path = prof.profile_path()
        stored = prof.load(path)
    if stored is None:
        from rich.markup import escape

        err.print(f"No profile yet ({escape(str(path))}); set one with: {prof.SET_HINT}", soft_wrap=True)
        return
    from mgb6.report.views import profile_view

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

    _, err = consoles(no_color)
    with reported(err):
        path = prof.profile_path()
        removed = prof.clear(path)
    if not quiet:
        from rich.markup import escape

        err.print(f"{'Removed' if removed else 'No profile at'} {escape(str(path))}", soft_wrap=True)


@app.command("targets")
def targets(
    sex: SexOpt = None,
    age: AgeOpt = None,
    pregnant: PregOpt = False,
    lactating: LactOpt = False,
    no_profile: NoProfileOpt = False,
    no_color: NoColorOpt = False,
    authority: AuthorityOpt = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Show EAR, RDA (or AI) and UL for magnesium and vitamin B6, what each UL covers, and the source.

    Example: mgb6 targets --sex female --age 34 --pregnant
    """
    out, err = consoles(no_color)
    with reported(err):
        from mgb6.foods.table import load_dri
        from mgb6.nutrition.targets import targets_for

        resolved = _resolve_profile(sex, age, pregnant, lactating, no_profile, authority)
        found = targets_for(resolved.profile, load_dri())
    if fmt is not OutputFormat.table:
        from mgb6.export.check import targets_rows

        _write_rows(targets_rows(found, resolved.profile, resolved.origin), fmt)
        return
    from mgb6.report.views import targets_table

    out.print(targets_table(found, resolved.profile.describe(), resolved.origin))


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
    _, err = consoles(no_color)
    if output is not None:
        _refuse_missing_folder(err, output, "the log")
        _refuse_target(err, output, force, "the log")
    with reported(err):
        from mgb6.errors import InputError
        from mgb6.log.cronometer import import_servings, import_summary
        from mgb6.log.read import read_log

        data, converted = import_servings(read_log(str(export)).text, str(export))
        if output is None:
            sys.stdout.write(converted.text)
        else:
            from mgb6.paths import atomic_write_text

            try:
                atomic_write_text(output, converted.text, replace=force)
            except OSError as exc:
                raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from exc
    if not quiet:
        said = import_summary(data, converted, str(output) if output else "")
        err.print(said, markup=False, soft_wrap=True)


def _gap_amount(value: float) -> float:
    """A gap is a finite amount of mg >= 0: nan passes click's min=0, and 1e309 parses as inf."""
    import math

    if not math.isfinite(value) or value < 0:
        raise typer.BadParameter(f"{value:g} is not a gap: give a finite number of mg >= 0, e.g. 120")
    return value


@app.command("suggest")
def suggest(
    magnesium: Annotated[
        float,
        typer.Option("--magnesium", callback=_gap_amount, metavar="MG", help="Magnesium gap, mg/day."),
    ] = 0.0,
    b6: Annotated[
        float,
        typer.Option("--b6", callback=_gap_amount, metavar="MG", help="Vitamin B6 gap to close, mg/day."),
    ] = 0.0,
    diet: DietOpt = None,
    avoid: AvoidOpt = None,
    per: PerOpt = Per.serving,
    n: Annotated[
        int, typer.Option("-n", min=1, max=50, metavar="N", help="How many foods to list (1-50).")
    ] = 8,
    fmt: FormatOpt = OutputFormat.table,
    no_color: NoColorOpt = False,
) -> None:
    """Foods (and a 1-3 serving plan) that close a magnesium and/or B6 gap; no log needed.

    Example: mgb6 suggest --magnesium 120 --b6 0.4 --diet vegan
    """
    out, err = consoles(no_color)
    if magnesium <= 0 and b6 <= 0:
        fail(err, OptionError("give a gap to close: --magnesium MG and/or --b6 MG"))
    with reported(err):
        from mgb6.foods.table import load_suggestable, load_table
        from mgb6.nutrition.suggest import suggest as run_suggest

        saved = _resolve_profile(None, None, False, False, False)
        diet_name, avoid_words = _diet_and_avoid(saved, diet, avoid)
        sugg = run_suggest(
            load_table(), load_suggestable(), {"magnesium": magnesium, "vitamin_b6": b6},
            diet=diet_name, avoid=avoid_words, per=per.value, n=n, age=saved.profile.age,
        )  # fmt: skip
    if fmt is OutputFormat.json:
        from mgb6.export.check import suggestions_json

        sys.stdout.write(suggestions_json(sugg))
        return
    if fmt is OutputFormat.csv:
        from mgb6.export.check import suggestions_csv

        sys.stdout.write(suggestions_csv(sugg))
        return
    from mgb6.report.render import suggest_report

    out.print(suggest_report(sugg))


@foods_app.command("search")
def foods_search(
    text: Annotated[list[str], typer.Argument(help="Food words, as you would write them in a log.")],
    n: Annotated[int, typer.Option("-n", min=1, max=20, metavar="N", help="How many candidates (1-20).")] = 5,
    fmt: FormatOpt = OutputFormat.table,
    no_color: NoColorOpt = False,
) -> None:
    """What mgb6 would match for TEXT, with the candidates and their confidence.

    Example: mgb6 foods search cooked lentils
    """
    out, err = consoles(no_color)
    with reported(err):
        from mgb6.foods.rankings import search_foods
        from mgb6.foods.table import load_table

        res = search_foods(" ".join(text), load_table(), n)
    if fmt is not OutputFormat.table:
        _write_rows([{"food_id": fid, "food": desc, "score": round(score, 1), "chosen": fid == res.chosen}
                     for fid, desc, score in res.candidates], fmt)  # fmt: skip
        return
    from mgb6.report.render import search_report

    out.print(search_report(res))


@foods_app.command("top")
def foods_top(
    nutrient: Annotated[Nutrient, typer.Option("--nutrient", help="Rank by it.")] = Nutrient.magnesium,
    per: Annotated[TopPer, typer.Option("--per", help="Per serving, 100 g or 100 kcal.")] = TopPer.serving,
    category: Annotated[
        Optional[str], typer.Option("--category", help="Only USDA categories containing this text.")  # noqa: UP045
    ] = None,
    n: Annotated[int, typer.Option("-n", min=1, max=500, metavar="N", help="How many foods (1-500).")] = 20,
    everyday: Annotated[bool, typer.Option("--everyday", help="Only foods suggestions may name.")] = False,
    fmt: FormatOpt = OutputFormat.table,
    no_color: NoColorOpt = False,
) -> None:
    """The foods richest in magnesium or B6: per 100 g or 100 kcal over the whole table, per serving over
    the everyday foods (whose servings are realistic USDA portions).

    Example: mgb6 foods top --nutrient b6 --per serving -n 10
    """
    out, err = consoles(no_color)
    with reported(err):
        from mgb6.foods.rankings import top_foods
        from mgb6.foods.table import load_suggestable, load_table

        rows = top_foods(
            load_table(), "magnesium" if nutrient is Nutrient.magnesium else "vitamin_b6", per.value,
            category=category, n=n,
            # a realistic serving exists only for the everyday list: per serving ranks those foods
            suggestable=load_suggestable() if everyday or per is TopPer.serving else None,
        )  # fmt: skip
    if fmt is not OutputFormat.table:
        key = "magnesium" if nutrient is Nutrient.magnesium else "vitamin_b6"
        _write_rows([{**r, "nutrient": key, "per": per.value} for r in rows], fmt)
        return
    from mgb6.report.render import top_foods_table

    out.print(top_foods_table(rows, nutrient.value, per.value))


@app.command("batch")
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
    quiet: QuietOpt = False,
) -> None:
    """One summary row per log (a dietitian's view); exit 1 if any log could not be read.

    Example: mgb6 batch clients/ --format csv > summary.csv
    """
    out, err = consoles(no_color)
    with reported(err):
        from mgb6.batch import run_batch
        from mgb6.nutrition.targets import Profile

        settle()
        profile = Profile(sex=sex.value if sex else None, age=age, pregnant=pregnant, lactating=lactating)
        from mgb6.cli.output import progress_bar

        with progress_bar(err, not quiet) as progress:
            result, warnings = run_batch(paths, profile, compound_weights=compound_weights, progress=progress)
    for w in [] if quiet else warnings:
        err.print(f"Warning: {w}", soft_wrap=True, markup=False)
    if fmt is OutputFormat.json:
        from mgb6.export.batch import to_json as batch_json

        sys.stdout.write(batch_json(result) + "\n")
    elif fmt is OutputFormat.csv:
        from mgb6.export.batch import to_csv as batch_csv

        _data_out().write(batch_csv(result))
    else:
        from mgb6.report.batch import batch_report

        out.print(batch_report(result))
    if result.failed:
        raise typer.Exit(int(ExitCode.ERROR))


def _write_rows(rows: list[dict[str, object]], fmt: OutputFormat) -> None:
    """A list of flat records as JSON (an array) or CSV (a header, then one row each), to stdout."""
    if fmt is OutputFormat.json:
        import json

        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


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
    from mgb6.log.append import default_log_path

    out, err = consoles(no_color)
    path = file if file is not None else default_log_path()
    if where:
        out.print(str(path), markup=False, highlight=False, soft_wrap=True)
        return
    if not words:
        raise typer.BadParameter('give the line to log, e.g. mgb6 log "2 cups spinach"', param_hint="LINE")
    when = _parse_day(day)
    with reported(err):
        from mgb6.api import understand_parts
        from mgb6.log.append import append_line, check_line
        from mgb6.models import Problem
        from mgb6.report.log import appended, understood, understood_parts

        line = check_line(" ".join(words))
        readings = understand_parts(line, _food_table(foods))
        if all(isinstance(r, Problem) for r in readings) and not force:  # a part counted: it is logged
            why = understood(readings[0]) if len(readings) == 1 else "; ".join(understood_parts(readings))
            raise Mgb6Error(f"not logged, {why}. Reword it, or add --force to log it anyway.")
        result = append_line(path, line, when)
    if not quiet:
        out.print(appended(result), markup=False, soft_wrap=True)
        said = understood_parts(readings)
        if len(said) == 1:
            out.print(f"  {line} -> {said[0]}", markup=False, soft_wrap=True)
        else:
            out.print(f"  {line} ->", markup=False, soft_wrap=True)
            for part in said:
                out.print(f"    {part}", markup=False, soft_wrap=True)
