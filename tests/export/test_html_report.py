"""`mgb6 check --report FILE.html|svg`: a real, self-contained document, checked in a headless browser at
phone and desktop widths (Chromium from the system packages; those tests skip where it is not installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape, unescape
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, runner, write_log

from mgb6.cli import app

WEEK = str(EXAMPLES / "week.txt")
BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)


def save(tmp_path: Path, name: str, log: str = WEEK) -> str:
    out = tmp_path / name
    res = runner.invoke(app, ["check", log, "--no-profile", "--report", str(out)])
    assert res.exit_code == 0, res.output
    return out.read_text(encoding="utf-8")


def test_the_html_report_is_a_document_with_title_viewport_and_no_outside_resource(tmp_path: Path) -> None:
    html = save(tmp_path, "r.html")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert re.search(r"<title>mgb6 report: [^<]*2026-11-16 to 2026-11-22</title>", html)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "default-src 'none'" in html  # the CSP forbids fetching anything, should anything slip in
    assert "<script" not in html and "@font-face" not in html and "url(" not in html
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) <= {"http://www.w3.org/2000/svg"}


def test_the_html_report_has_summary_charts_tables_lines_and_sourced_advice(tmp_path: Path) -> None:
    html = save(tmp_path, "r.html")
    assert "<h2>Summary</h2>" in html and "62 of 62 food lines counted" in html and "Best step" in html
    assert html.count('<svg class="chart"') == 2 and html.count('class="goal"') == 2
    assert html.count('class="ear"') == 2  # the EAR drawn beside the goal for both nutrients
    assert "<h2>Per day</h2>" in html and "Foods that carried it" in html
    assert "Every counted line and how it was read (62)" in html
    assert "Advice and its sources" in html and "[evidence:" in html


def test_a_thin_log_in_html_holds_back_the_verdict_and_lists_the_unread_lines(tmp_path: Path) -> None:
    log = write_log(tmp_path, "2025-03-03\n1 medium banana\nzzqx flurb\nblorpt\nquux wibble\n")
    html = save(tmp_path, "r.html", str(log))
    assert "not judged" in html and "No plan yet" in html and "Lines not counted (3)" in html


def test_the_svg_report_loads_no_font_from_the_network(tmp_path: Path) -> None:
    svg = save(tmp_path, "r.svg")
    assert "@font-face" not in svg and "cdnjs" not in svg and "url(http" not in svg
    assert svg.lstrip().startswith("<svg")


PROBE = """<!DOCTYPE html><html><head><title>probe</title></head><body style="margin:0">
<iframe id="r" width="WIDTH" height="HEIGHT" style="border:0" srcdoc="REPORT"></iframe>
<script>
window.addEventListener("load", () => {
  const w = document.getElementById("r").contentWindow, d = w.document;
  document.title = JSON.stringify({
    inner: w.innerWidth, scroll: d.documentElement.scrollWidth,
    svgs: [...d.querySelectorAll("svg.chart")].map(s => s.getBoundingClientRect())
      .map(r => [r.left, r.right, r.height]),
    tables: d.querySelectorAll("table").length,
  });
});
</script></body></html>"""


def measure(html: str, tmp_path: Path, width: int, height: int) -> dict:
    """Lay the report out in headless Chromium in a frame of this size (a phone's or a desktop's viewport;
    the browser's own window cannot be made narrower than 500 pixels) and measure it.

    The probe script lives in a test page around the report: the report itself has none (its CSP would
    block one).
    """
    probe = tmp_path / f"probe-{width}.html"
    page = PROBE.replace("WIDTH", str(width)).replace("HEIGHT", str(height))
    probe.write_text(page.replace("REPORT", escape(html, quote=True)), encoding="utf-8")
    cmd = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--window-size=1400,1000", "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()]  # fmt: skip
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title and title.group(1) != "probe", dom[:300]
    return json.loads(unescape(title.group(1)))


@pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine (apt-get install chromium)")
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_in_a_browser_the_charts_fit_the_screen_at_phone_and_desktop_widths(
    tmp_path: Path, width: int, height: int
) -> None:
    html = save(tmp_path, "r.html")
    found = measure(html, tmp_path, width, height)
    assert found["inner"] == width
    assert found["scroll"] <= width  # nothing runs off the side of the page (wide tables scroll inside)
    assert len(found["svgs"]) == 2 and found["tables"] >= 3
    for left, right, h in found["svgs"]:
        assert left >= 0 and right <= width and h > 100  # each chart whole and drawn, not cut off
