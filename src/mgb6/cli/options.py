"""The ``mgb6`` app and its shared vocabulary of options: what a user can type, and nothing it does.

The command bodies (commands.py) register themselves on ``app`` and its groups; lifecycle.py runs it.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from mgb6 import __version__
from mgb6.models import AGE_BELOW

HELP = {"help_option_names": ["-h", "--help"]}  # -h as well, on every command and group

app = typer.Typer(
    name="mgb6",
    help="Check dietary magnesium and vitamin B6 in a plain-text food log against the DRIs.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=HELP,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


# The choices below are the library's vocabulary (mgb6.models SEXES, AUTHORITIES, DIETS) as enums typer
# can show; tests/cli/test_conventions.py keeps them equal.
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


SexOpt = Annotated[
    Optional[Sex],  # noqa: UP045
    typer.Option("--sex", help="Sex for the DRI life stage.", case_sensitive=False),
]
AgeOpt = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option(
        "--age", min=0, max=AGE_BELOW - 1, metavar="YEARS", help="Age in years (default: adult 31-50)."
    ),
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
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format: table, json or csv.")]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print only data and errors, no warnings or notes.")
]


class DateOrder(str, Enum):
    dmy = "dmy"
    mdy = "mdy"
    none = "none"


DateOrderOpt = Annotated[
    Optional[DateOrder],  # noqa: UP045
    typer.Option(
        "--date-order",
        help="Read 3/4/2025 as dmy or mdy (default: the profile's; 'none' refuses).",
        case_sensitive=False,
    ),
]


class Per(str, Enum):
    serving = "serving"
    kcal100 = "100kcal"


class Authority(str, Enum):
    iom = "iom"
    efsa = "efsa"


class Diet(str, Enum):
    vegetarian = "vegetarian"
    vegan = "vegan"
    pescatarian = "pescatarian"
    none = "none"


# options of check and suggest (issue 3)
AuthorityOpt = Annotated[
    Optional[Authority],  # noqa: UP045
    typer.Option(
        "--authority",
        case_sensitive=False,
        help="Targets and limits: iom (US/Canada) or efsa (EU); default: profile.",
    ),
]
DietOpt = Annotated[
    Optional[Diet],  # noqa: UP045
    typer.Option(
        "--diet",
        case_sensitive=False,
        help="Suggest only foods that fit this diet ('none' ignores the profile's).",
    ),
]
AvoidOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--avoid",
        metavar="GROUPS",
        help="Comma-separated food groups to leave out: nuts, peanuts, seeds, sesame, fish, shellfish, "
        "seafood, dairy, egg, gluten, soy, meat, poultry.",
    ),
]
PerOpt = Annotated[Per, typer.Option("--per", help="Rank suggestions per serving or per 100 kcal.")]


profile_app = typer.Typer(
    help="Save who the targets are for (sex, age, life stage), so every check uses them.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=HELP,
)
app.add_typer(profile_app, name="profile")

import_app = typer.Typer(
    help="Turn another app's export into an mgb6 log.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=HELP,
)
app.add_typer(import_app, name="import")


foods_app = typer.Typer(
    help="Look up foods in mgb6's USDA table.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=HELP,
)
app.add_typer(foods_app, name="foods")


class Nutrient(str, Enum):
    magnesium = "magnesium"
    b6 = "b6"


class TopPer(str, Enum):
    serving = "serving"
    g100 = "100g"
    kcal100 = "100kcal"
