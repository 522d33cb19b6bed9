"""Grid draws what rich's Table draws for the same content, only faster; and gives way to it when narrow."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from mgb6.report.grid import PLAIN, Grid, Layout, report_table

words = st.text(alphabet="abcXYZ 0123456789%✓~✗…,.()[]-", min_size=0, max_size=14)
styles = st.sampled_from(["", "green", "red", "bold yellow"])
cells = st.one_of(words, st.builds(lambda t, s: Text(t, style=s), words, styles))


def _draw(renderable: object, width: int, ascii_only: bool = False) -> list[list[tuple[str, str]]]:
    """Each line as (character, style) pairs; a space's style is not visible, so it is left out."""
    file = io.TextIOWrapper(io.BytesIO(), encoding="ascii" if ascii_only else "utf-8")
    console = Console(file=file, width=width, color_system="truecolor", force_terminal=True,
                      legacy_windows=False, _environ={})  # fmt: skip
    lines = console.render_lines(renderable, console.options, pad=False)  # type: ignore[arg-type]
    out = []
    for line in lines:
        chars = []
        for seg in Segment.simplify(line):
            for ch in seg.text:
                chars.append((ch, "" if ch == " " or not seg.style else str(seg.style)))
        while chars and chars[-1][0] == " ":
            chars.pop()
        out.append(chars)
    return out


@settings(max_examples=150, deadline=None)
@given(
    title=words,
    caption=st.one_of(st.none(), words),
    columns=st.lists(st.tuples(words, st.sampled_from(["left", "right", "center"])), min_size=1, max_size=5),
    rows=st.lists(st.lists(cells, min_size=5, max_size=5), max_size=6),
    width=st.integers(20, 120),
)
def test_grid_draws_what_rich_table_draws(title, caption, columns, rows, width) -> None:
    grid = Grid(title, caption)
    for header, justify in columns:
        grid.add_column(header, justify)
    for row in rows:
        grid.add_row(*row[: len(columns)])
    assert _draw(grid, width) == _draw(grid.table(), width)


def test_grid_fits_draws_itself_and_narrow_falls_back_to_rich() -> None:
    grid = Grid("Per day")
    grid.add_column("Day")
    grid.add_column("Mg mg", "right")
    grid.add_row("2026-11-16", Text("486", style="green"))
    wide = Console(width=80, force_terminal=True, _environ={})
    assert not any(isinstance(r, Table) for r in grid.__rich_console__(wide, wide.options))
    narrow = Console(width=10, force_terminal=True, _environ={})
    assert [type(r) for r in grid.__rich_console__(narrow, narrow.options)] == [Table]
    assert _draw(grid, 10) == _draw(grid.table(), 10)


def test_a_cell_with_a_line_break_is_left_to_rich() -> None:
    grid = Grid()
    grid.add_column("Text")
    grid.add_row("two\nlines")
    console = Console(width=80, _environ={})
    assert [type(r) for r in grid.__rich_console__(console, console.options)] == [Table]


def test_ascii_terminals_get_rich_ascii_box() -> None:
    grid = Grid("T")
    grid.add_column("A")
    grid.add_row("1")
    assert _draw(grid, 40, ascii_only=True) == _draw(grid.table(), 40, ascii_only=True)


def test_brackets_print_as_written() -> None:
    grid = Grid("[b]not bold[/b]")
    grid.add_column("[red]x")
    grid.add_row("[organic] oats")
    console = Console(width=60, _environ={})
    with console.capture() as cap:
        console.print(grid)
    assert "[organic] oats" in cap.get() and "[red]x" in cap.get() and "[b]not bold[/b]" in cap.get()


def test_without_drops_columns_and_their_cells() -> None:
    grid = Grid("S")
    for h in ("Nutrient", "EAR", "Goal"):
        grid.add_column(h)
    grid.add_row("Mg", "350", "420")
    slim = grid.without(["EAR"])
    assert slim.headers == ["Nutrient", "Goal"]
    assert [[c.plain for c in r] for r in slim.rows] == [["Mg", "420"]]
    assert grid.headers == ["Nutrient", "EAR", "Goal"]


@settings(max_examples=60, deadline=None)
@given(
    min_width=st.integers(0, 30),
    no_wrap=st.booleans(),
    rows=st.lists(st.tuples(words, words), max_size=4),
    width=st.integers(20, 90),
)
def test_a_column_laid_out_for_rich_draws_the_same_either_way(min_width, no_wrap, rows, width) -> None:
    """min_width widens the column as rich does; no_wrap and overflow matter only once rich draws it."""
    grid = report_table("Logs")
    grid.add_column("File", layout=Layout(no_wrap=no_wrap, min_width=min_width))
    grid.add_column("Days", "right", Layout(no_wrap=True))
    for row in rows:
        grid.add_row(*row)
    assert _draw(grid, width) == _draw(grid.table(), width)


def test_a_table_without_a_header_or_with_a_styled_column_is_left_to_rich() -> None:
    console = Console(width=80, _environ={})
    for grid in (report_table("Profile", header=False), report_table("Profile")):
        grid.add_column("Field", layout=Layout(style="bold") if grid.header else PLAIN)
        grid.add_column("Value")
        grid.add_row("sex", "female")
        for drawn in (grid, grid.without(["Value"])):  # a narrower copy keeps what only rich draws
            assert [type(r) for r in drawn.__rich_console__(console, console.options)] == [Table]
