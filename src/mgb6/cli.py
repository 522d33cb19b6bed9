"""The ``mgb6`` command: parse options, call the library, print, exit. No computation lives here."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from mgb6 import __version__
from mgb6.errors import ExitCode, Mgb6Error

if TYPE_CHECKING:
    from rich.console import Console

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


def _consoles(no_color: bool) -> tuple[Console, Console]:
    from rich.console import Console

    return Console(no_color=no_color or None, highlight=False), Console(
        stderr=True, no_color=no_color or None, highlight=False
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


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="Log files; '-' reads standard input.", metavar="FILE...")],
    sex: SexOpt = None,
    age: AgeOpt = None,
    pregnant: PregOpt = False,
    lactating: LactOpt = False,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any line is not counted.")] = False,
    compound_weights: Annotated[
        bool,
        typer.Option("--compound-weights", help="Read supplement Mg amounts as compound, not elemental, weight."),
    ] = False,
    no_color: NoColorOpt = False,
) -> None:
    """Report magnesium and vitamin B6 per day against your DRI targets.

    Example: mgb6 check examples/week.txt --sex female --age 34
    """
    out, err = _consoles(no_color)
    try:
        from mgb6.api import run_check
        from mgb6.targets import Profile

        profile = Profile(sex.value if sex else None, age, pregnant, lactating)
        result, warnings = run_check(files, profile, compound_weights=compound_weights)
    except Mgb6Error as exc:
        _fail(err, exc)
    for w in warnings:
        err.print(f"Warning: {w}", soft_wrap=True, markup=False)
    if fmt is OutputFormat.json:
        from mgb6.export import to_json

        sys.stdout.write(to_json(result) + "\n")
    elif fmt is OutputFormat.csv:
        from mgb6.export import to_csv

        sys.stdout.write(to_csv(result))
    else:
        from mgb6.render import report

        out.print(report(result))
    if strict and result.problems:
        raise typer.Exit(int(ExitCode.ERROR))


def main() -> None:
    """Console-script entry point."""
    app()
