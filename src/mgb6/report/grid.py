"""Report tables drawn directly when they fit, and by rich's Table when they do not.

A one-week report has about 150 cells; rich's Table measures, wraps and pads each through its general
layout engine (~60 us a cell, ~12 ms a report, docs/performance.md). When every cell is one line and the
table fits the terminal at its natural width, that layout is simple: each column as wide as its widest
cell plus one space each side. ``Grid`` draws exactly that, in rich's own SIMPLE_HEAVY style, title and
caption included; otherwise (a narrow terminal, a cell with a line break) it hands the same content to
rich's Table, which wraps. tests/report/test_grid.py checks that both draw the same characters and styles.

Every table of the report is made by ``report_table``, so all share one look (report/styles.py) and the
fast drawing; what only rich can lay out (no header, a styled column) is handed to rich whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from mgb6.report.styles import TABLE_BOX, TABLE_TITLE_JUSTIFY

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, OverflowMethod, RenderResult
    from rich.table import Table

Justify = Literal["left", "right", "center"]
_BOX = getattr(box, TABLE_BOX)


def report_table(title: str = "", caption: str | None = None, *, header: bool = True) -> Grid:
    """A new table of the report, in its one look; ``header=False`` for a list of names and values."""
    return Grid(title, caption, header=header)


class Layout(NamedTuple):
    """How rich lays out a column when it draws the table (it does not fit, or only rich can draw it):
    a column whose cells must not wrap, cut with "…", at least ``min_width`` wide, or in a style."""

    no_wrap: bool = False
    overflow: OverflowMethod = "ellipsis"  # rich's own default
    min_width: int | None = None
    style: str = ""


PLAIN = Layout()


class Grid:
    """A table in mgb6's one style (report_table): header row, title at the left, caption centred.

    Cells are plain text or rich ``Text`` (never markup: a food called "[organic] oats" prints as written).
    """

    def __init__(self, title: str = "", caption: str | None = None, *, header: bool = True) -> None:
        self.title = title
        self.caption = caption
        self.header = header
        self.headers: list[str] = []
        self.justify: list[Justify] = []
        self.layout: list[Layout] = []
        self.rows: list[list[Text]] = []

    def add_column(self, header: str, justify: Justify = "left", layout: Layout = PLAIN) -> None:
        self.headers.append(header)
        self.justify.append(justify)
        self.layout.append(layout)

    def add_columns(self, *columns: tuple[str, Justify]) -> None:
        for header, justify in columns:
            self.add_column(header, justify)

    def add_row(self, *cells: str | Text) -> None:
        self.rows.append([Text(c) if isinstance(c, str) else c for c in cells])

    def without(self, headers: Iterable[str]) -> Grid:
        """A copy lacking the named columns (their cells go with them)."""
        drop = set(headers)
        keep = [i for i, h in enumerate(self.headers) if h not in drop]
        slim = Grid(self.title, self.caption, header=self.header)
        slim.headers = [self.headers[i] for i in keep]
        slim.justify = [self.justify[i] for i in keep]
        slim.layout = [self.layout[i] for i in keep]
        slim.rows = [[row[i] for i in keep] for row in self.rows]
        return slim

    def table(self) -> Table:
        """The same content as a rich Table: what is drawn when the grid does not fit."""
        from rich.table import Table

        table = Table(
            title=Text(self.title, style="table.title") if self.title else None,
            caption=Text(self.caption, style="table.caption") if self.caption else None,
            box=_BOX,
            title_justify=TABLE_TITLE_JUSTIFY,
            show_header=self.header,
        )
        for header, justify, layout in zip(self.headers, self.justify, self.layout, strict=True):
            table.add_column(Text(header), justify=justify, no_wrap=layout.no_wrap, overflow=layout.overflow,
                             min_width=layout.min_width, style=layout.style or None)  # fmt: skip
        for row in self.rows:
            table.add_row(*row)
        return table

    def _widths(self) -> list[int] | None:
        """Each column's natural width, padding included; None when some cell spans several lines, or
        when only rich draws the table (no header row, a styled column)."""
        if not self.header or any(layout.style for layout in self.layout):
            return None
        pairs = zip(self.headers, self.layout, strict=True)
        widths = [max(cell_len(h), layout.min_width or 0) for h, layout in pairs]
        for row in self.rows:
            for i, cell in enumerate(row):
                if "\n" in cell.plain:
                    return None
                n = cell.cell_len
                if n > widths[i]:
                    widths[i] = n
        return [w + 2 for w in widths]

    def _natural_width(self) -> int | None:
        widths = self._widths()
        return None if widths is None else sum(widths) + len(widths) + 1

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = self._natural_width()
        if width is None:
            return Measurement.get(console, options, self.table())
        return Measurement(width, width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self._widths()
        if not self.headers or widths is None or sum(widths) + len(widths) + 1 > options.max_width:
            yield self.table()
            return
        total = sum(widths) + len(widths) + 1
        inner = options.update(width=total, height=None)
        if self.title:
            title = Text(self.title, style="table.title", justify="left")
            yield from console.render(title, inner)
        drawn = _BOX.substitute(options, safe=console.safe_box)
        line = Segment.line()
        yield Segment(drawn.get_top(widths))
        yield line
        header = console.get_style("table.header")
        yield Segment(drawn.head_left)
        for i, text in enumerate(self.headers):
            if i:
                yield Segment(drawn.head_vertical)
            yield Segment(_pad(text, widths[i], self.justify[i]), header)
        yield Segment(drawn.head_right)
        yield line
        yield Segment(drawn.get_row(widths, "head", edge=True))
        yield line
        for r, row in enumerate(self.rows):
            left, divider, right = (
                (drawn.foot_left, drawn.foot_vertical, drawn.foot_right)
                if r == len(self.rows) - 1
                else (drawn.mid_left, drawn.mid_vertical, drawn.mid_right)
            )
            yield Segment(left)
            for i, cell in enumerate(row):
                if i:
                    yield Segment(divider)
                yield from _cell(console, cell, widths[i], self.justify[i])
            yield Segment(right)
            yield line
        yield Segment(drawn.get_bottom(widths))
        yield line
        if self.caption:
            caption = Text(self.caption, style="table.caption", justify="center")
            yield from console.render(caption, inner)


def _pad(text: str, width: int, justify: Justify) -> str:
    """``text`` in a column ``width`` wide: one space each side, the rest where ``justify`` puts it."""
    if justify != "left":  # as rich justifies: trailing spaces go first
        text = text.rstrip()
    room = width - 2 - cell_len(text)
    if justify == "right":
        return " " * (room + 1) + text + " "
    if justify == "center":
        return " " * (room // 2 + 1) + text + " " * (room - room // 2 + 1)
    return " " + text + " " * (room + 1)


def _cell(console: Console, cell: Text, width: int, justify: Justify) -> Iterable[Segment]:
    if justify != "left" and cell.plain != cell.plain.rstrip():  # as rich justifies: trailing spaces go
        cell = cell.copy()
        cell.rstrip()
    room = width - 2 - cell.cell_len
    before = room + 1 if justify == "right" else (room // 2 + 1 if justify == "center" else 1)
    after = width - before - cell.cell_len
    yield Segment(" " * before)
    if cell.spans:
        yield from cell.render(console, end="")
    else:
        yield Segment(cell.plain, console.get_style(cell.style) if cell.style else None)
    yield Segment(" " * after)
