"""The check as a self-contained HTML document a person can read on a phone or send to a dietitian.

Built from the result itself, not from a terminal dump: a title and a phone viewport, the summary with
its coverage, one inline SVG chart per nutrient (each day against the goal and the EAR), the tables, every
line and how it was read, and the advice with its sources. Nothing is fetched: no script, no web font, no
image from anywhere, and a Content-Security-Policy that forbids them, so the file opens the same offline.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from mgb6 import __version__
from mgb6.models import NUTRIENTS
from mgb6.nutrition.advice import DISCLAIMER
from mgb6.nutrition.targets import (
    STATUS_ADEQUATE,
    STATUS_LIKELY,
    STATUS_TEXT,
    Target,
    status,
)
from mgb6.nutrition.verdict import STATUS_HELD, best_step, status_shown, verdict

if TYPE_CHECKING:
    from mgb6.nutrition.tally import CheckResult, Day

LABEL = {"magnesium": "Magnesium", "vitamin_b6": "Vitamin B6"}
CLASS = {STATUS_ADEQUATE: "ok", STATUS_LIKELY: "bad", STATUS_HELD: "held"}  # anything else: "warn"
SYMBOL = {STATUS_ADEQUATE: "✓", STATUS_LIKELY: "✗"}  # anything else: "~"
OVER = "!"
MAX_ROWS = 400  # per table, as in the terminal report; the JSON and CSV exports have every row

CSS = """
:root{color-scheme:light dark;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--muted:#6e7781;--line:#d0d7de}
@media (prefers-color-scheme:dark){:root{--ok:#3fb950;--warn:#d29922;--bad:#f85149;--muted:#8b949e;
--line:#30363d}}
*{box-sizing:border-box}
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:1rem;
max-width:62rem}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid
var(--line)}
.muted,caption,.note{color:var(--muted);font-size:.9rem}
.ok{color:var(--ok)}.warn{color:var(--warn)}.bad{color:var(--bad)}.held{color:var(--muted)}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.4rem 0;font-size:.92rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
caption{caption-side:bottom;text-align:left;padding-top:.3rem}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:.5rem 0}
dl.summary dt{font-weight:600}dl.summary dd{margin:0}
svg.chart{width:100%;max-width:40rem;height:auto;display:block;margin:.3rem 0 1rem}
svg.chart text{font:12px system-ui,sans-serif;fill:currentColor}
svg.chart .ok{fill:var(--ok)}svg.chart .warn{fill:var(--warn)}svg.chart .bad{fill:var(--bad)}
svg.chart .goal{stroke:currentColor;stroke-width:1.5}svg.chart .ear{stroke:var(--muted);stroke-dasharray:3 3}
details{margin:.5rem 0}summary{cursor:pointer}
"""


def _mg(x: float | None, nutrient: str) -> str:
    if x is None:
        return "unknown"
    return f"{x:.0f}" if nutrient == "magnesium" else f"{x:.2f}"


def _cls(st: str) -> str:
    return CLASS.get(st, "warn")


def _table(head: list[str], rows: list[list[str]], numeric: set[int], caption: str = "") -> str:
    """A table whose cells are already HTML; ``numeric`` columns are right-aligned."""
    th = "".join(f'<th{" class=n" if i in numeric else ""} scope="col">{h}</th>' for i, h in enumerate(head))
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=n' if i in numeric else ''}>{c}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    cap = f"<caption>{caption}</caption>" if caption else ""
    return f'<div class="scroll"><table>{cap}<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table></div>'


def chart(nutrient: str, target: Target, days: list[Day], mean: float | None, over: set[str]) -> str:
    """One horizontal bar per day against the goal (solid line) and the EAR (dashed), as inline SVG.

    Drawn in a 480-unit-wide viewBox that scales to the page: a phone shows the whole chart, never a
    cut-off one.
    """
    rows = [(d.label, d.totals[nutrient] if d.items else None) for d in days[-31:]]
    rows.append(("mean", mean))
    label_w, bar_w, row_h, top_pad = 84, 290, 20, 22
    width, height = 480, top_pad + row_h * len(rows) + 8
    peak = max([target.goal * 1.25, *(v for _, v in rows if v is not None)])
    x = lambda v: label_w + bar_w * min(v, peak) / peak  # noqa: E731
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="t-{nutrient}" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="t-{nutrient}">{LABEL[nutrient]} per day against the '
        f"goal of {target.goal:g} mg"
        + (f" and the EAR of {target.ear:g} mg" if target.ear else "")
        + "</title>",
        f'<text x="{x(target.goal) + 3:.1f}" y="12">goal {target.goal:g}</text>',
    ]
    if target.ear:
        parts.append(
            f'<text x="{x(target.ear):.1f}" y="12" text-anchor="end" class="note">EAR {target.ear:g} </text>'
        )
    for i, (label, value) in enumerate(rows):
        y = top_pad + i * row_h
        weight = ' font-weight="bold"' if label == "mean" else ""
        parts.append(f'<text x="0" y="{y + 14}"{weight}>{escape(label[:13])}</text>')
        if value is None:
            parts.append(f'<text x="{label_w}" y="{y + 14}" class="note">no counted lines</text>')
            continue
        st = status(value, target)
        mark = OVER if label in over else SYMBOL.get(st, "~")
        cls = "bad" if label in over else _cls(st)
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{x(value) - label_w:.1f}" height="{row_h - 6}" '
                     f'class="{cls}" rx="2"/>')  # fmt: skip
        parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 14}">{_mg(value, nutrient)} mg '
                     f"{100 * value / target.goal:.0f}% {mark}</text>")  # fmt: skip
    bottom = top_pad + row_h * len(rows)
    parts.append(
        f'<line x1="{x(target.goal):.1f}" x2="{x(target.goal):.1f}" y1="16" y2="{bottom}" class="goal"/>'
    )
    if target.ear:
        parts.append(
            f'<line x1="{x(target.ear):.1f}" x2="{x(target.ear):.1f}" y1="16" y2="{bottom}" class="ear"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _summary(result: CheckResult) -> str:
    v = verdict(result)
    rows = []
    for n in NUTRIENTS:
        t, mean = result.targets[n], result.mean[n]
        shown = status_shown(result, n, v)
        if mean is None:
            text = '<span class="held">nothing counted</span>'
        else:
            short = (
                f", {_mg(result.gap[n], n)} mg short" if result.gap[n] > 0 and shown != STATUS_HELD else ""
            )
            word = escape(STATUS_TEXT.get(shown, shown))
            text = (
                f"{_mg(mean, n)} mg/day, {100 * mean / t.goal:.0f}% of the {t.goal:g} mg goal: "
                f'<strong class="{_cls(shown)}">{word}</strong>{short}'
            )
        rows.append(f"<dt>{LABEL[n]}</dt><dd>{text}</dd>")
    cover = f"{v.counted} of {v.total} food lines counted ({v.share:.0%}); mean of {result.mean_days} day" + (
        "s" if result.mean_days != 1 else "")  # fmt: skip
    if v.caveat and v.level != "full":
        cover += f'. <span class="warn">{escape(v.caveat)}</span>'
    rows.append(f"<dt>Coverage</dt><dd>{cover}</dd>")
    rows.append(f"<dt>Best step</dt><dd><strong>{escape(best_step(result, v))}</strong></dd>")
    return f'<dl class="summary">{"".join(rows)}</dl>'


def _over(result: CheckResult) -> set[tuple[str, str]]:
    return {(w.nutrient, w.day) for w in result.warnings if w.kind in ("supplement_ul", "total_ul")}


def _days(result: CheckResult, over: set[tuple[str, str]]) -> str:
    rows = []
    for d in result.days[-MAX_ROWS:]:
        cells = [escape(d.label) + (' <span class="muted">so far</span>' if d.so_far else "")]
        for n in NUTRIENTS:
            if not d.items:
                cells += ["-", "-"]
                continue
            total, goal = d.totals[n], result.targets[n].goal
            st = status(total, result.targets[n])
            mark, cls = (OVER, "bad") if (n, d.label) in over else (SYMBOL.get(st, "~"), _cls(st))
            cells += [_mg(total, n) + ("*" if d.unknown[n] else ""),
                      f'<span class="{cls}">{100 * total / goal:.0f}% {mark}</span>']  # fmt: skip
        cells.append(str(len(d.items)))
        rows.append(cells)
    caption = "✓ at or above the goal, ~ below the goal, ✗ below the EAR" + (
        ", ! above an upper limit" if over else "") + "."  # fmt: skip
    return _table(["Day", "Mg mg", "% goal", "B6 mg", "% goal", "Lines"], rows, {1, 2, 3, 4, 5}, caption)


def _lines(result: CheckResult) -> str:
    """Every counted line, what it was counted as and the notes on it (assumptions said, not hidden)."""
    multi = len({i.path for i in result.items}) > 1
    rows = []
    for i in result.items[: MAX_ROWS * 10]:
        where = f"{escape(i.path)}:{i.line}" if multi else str(i.line)
        food = "supplement" if i.is_supplement else escape(i.food or "")
        rows.append([where, escape(i.text), food, "" if i.grams is None else f"{i.grams:.0f}",
                     _mg(i.magnesium_mg, "magnesium"), _mg(i.vitamin_b6_mg, "vitamin_b6"),
                     escape("; ".join(i.notes))])  # fmt: skip
    return _table(["Line", "Text", "Counted as", "g", "Mg mg", "B6 mg", "Notes"], rows, {0, 3, 4, 5})


def _problems(result: CheckResult) -> str:
    rows = []
    for p in result.problems[:MAX_ROWS]:
        why = escape(p.reason) + (
            f'<br><span class="muted">closest: {escape(" | ".join(p.candidates))}</span>'
            if p.candidates
            else ""
        )
        rows.append([str(p.line), escape(p.text), why])
    return _table(["Line", "Text", "Why / closest foods"], rows, {0})


def _top(result: CheckResult) -> str:
    parts = []
    for n in NUTRIENTS:
        rows = [[escape(c.food), _mg(c.amount_mg, n), f"{c.share:.0%}"] for c in result.top[n]]
        parts.append(_table([f"{LABEL[n]}: food", "mg", "share"], rows, {1, 2}))
    return "".join(parts)


def _guidance(result: CheckResult) -> str:
    out = []
    if result.warnings:
        items = "".join(
            f'<li class="{"warn" if w.kind in ("label_threshold", "no_ul") else "bad"}">{escape(w.message)} '
            f'<span class="muted">({escape(w.day)}; {escape(w.source)})</span></li>'
            for w in result.warnings
        )
        out.append(f"<h2>Upper limits</h2><ul>{items}</ul>")
    sugg = result.suggestions
    if sugg is not None and getattr(sugg, "items", None):
        rows = [[escape(s.candidate.food), escape(s.candidate.serving),
                 _mg(s.candidate.magnesium_mg, "magnesium"),
                 _mg(s.candidate.vitamin_b6_mg, "vitamin_b6")] for s in sugg.items]  # fmt: skip
        out.append("<h2>To close the gap</h2>" + _table(["Food", "Serving", "Mg mg", "B6 mg"], rows, {2, 3}))
        if sugg.plan is not None:
            foods = " + ".join(f"{escape(c.food)} ({escape(c.serving)})" for c in sugg.plan.items)
            out.append(f"<p><strong>Plan:</strong> {foods}.</p>")
    elif verdict(result).held:
        out.append('<h2>To close the gap</h2><p class="warn">No plan yet: too few lines were counted to know '
                   "the gap.</p>")  # fmt: skip
    if result.advice:
        items = "".join(f'<li>{escape(a.text)} <span class="muted">[evidence: {escape(a.grade)}; '
                        f"{escape(a.source)}]</span></li>" for a in result.advice)  # fmt: skip
        out.append(f"<h2>Advice and its sources</h2><ul>{items}</ul>")
    return "".join(out)


def report_html(result: CheckResult, targets_from: str | None = None) -> str:
    """The whole report as one HTML document (UTF-8, no external resource)."""
    dated = [d.date for d in result.days if d.date is not None]
    span = f"{dated[0].isoformat()} to {dated[-1].isoformat()}" if dated else "undated log"
    title = f"mgb6 report: magnesium and vitamin B6, {span}"
    mg, b6 = result.targets["magnesium"], result.targets["vitamin_b6"]
    over = _over(result)
    body: list[str] = [
        f"<h1>Magnesium and vitamin B6: {escape(span)}</h1>",
        f'<p class="muted">Targets for {escape(result.profile.describe())} '
        f"({result.profile.authority.upper()} "
        f"{escape(mg.life_stage)}): magnesium goal {mg.goal:g} mg, vitamin B6 goal {b6.goal:g} mg a day"
        + (f"; from {escape(targets_from)}" if targets_from else "")
        + ".</p>",
        "<h2>Summary</h2>",
        _summary(result),
    ]
    if sum(1 for d in result.days if d.items) >= 1:
        body.append("<h2>Each day against the goal and the EAR</h2>")
        for n in NUTRIENTS:
            body.append(f"<h3>{LABEL[n]} per day</h3>")
            body.append(
                chart(n, result.targets[n], result.days, result.mean[n], {d for k, d in over if k == n})
            )
    body += ["<h2>Per day</h2>", _days(result, over), "<h2>Foods that carried it</h2>", _top(result)]
    if result.problems:
        body += [f"<h2>Lines not counted ({result.not_counted_lines})</h2>", _problems(result)]
    body.append(f"<details><summary>Every counted line and how it was read ({result.counted_lines})</summary>"
                f"{_lines(result)}</details>")  # fmt: skip
    body.append(_guidance(result))
    body.append(f'<p class="muted"><em>{escape(DISCLAIMER)}</em> Made by mgb6 {escape(__version__)} '
                "from USDA "
                "FoodData (SR28, FNDDS) and the Dietary Reference Intakes.</p>")  # fmt: skip
    return _document(title, "".join(body))


def _document(title: str, body: str) -> str:
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
