"""lazy() patterns behave exactly as compiled ones, and compile only when first used."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgb6 import lazyre
from mgb6.lazyre import lazy

PATTERNS = [
    (r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>mg|mcg|g)\b", re.I),
    (r"^\s*(?:#+\s*)?(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\s*$", 0),
    (r"\s+", 0),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
@given(text=st.text(alphabet="0123456789 .-#mcgMGxa\t", max_size=30))
def test_lazy_pattern_gives_what_the_compiled_one_gives(pattern: str, flags: int, text: str) -> None:
    compiled, deferred = re.compile(pattern, flags), lazy(pattern, flags)
    for method in ("match", "search", "fullmatch"):
        a, b = getattr(compiled, method)(text), getattr(deferred, method)(text)
        assert (a and a.groupdict(), a and a.span()) == (b and b.groupdict(), b and b.span())
    assert compiled.findall(text) == deferred.findall(text)
    assert compiled.sub("_", text) == deferred.sub("_", text)
    assert compiled.split(text) == deferred.split(text)
    assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in deferred.finditer(text)]


def test_lazy_pattern_compiles_once_and_only_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = re.compile
    monkeypatch.setattr(lazyre.re, "compile", lambda p, f=0: calls.append(p) or real(p, f))
    deferred = lazy(r"\d+")
    assert calls == [] and deferred.pattern == r"\d+"
    assert deferred.search("ab 12").group() == "12"
    assert deferred.sub("#", "1 and 22") == "# and #"
    assert deferred.groups == 0
    assert calls == [r"\d+"]


def test_importing_the_check_path_compiles_no_parser_pattern() -> None:
    """The parser's and supplements' big patterns wait for a line that needs them."""
    code = (
        "import re, sys\n"
        "seen = []\n"
        "real = re.compile\n"
        "def spy(p, f=0):\n"
        "    if '/mgb6/' in sys._getframe(1).f_code.co_filename.replace(chr(92), '/'):\n"
        "        seen.append(p)\n"
        "    return real(p, f)\n"
        "re.compile = spy\n"
        "import mgb6.api, mgb6.log.parse, mgb6.log.supplements, mgb6.foods.portions, mgb6.foods.match\n"
        "import mgb6.nutrition.suggest\n"
        "print(len(seen))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0", out.stdout
