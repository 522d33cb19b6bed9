"""The package's layers: each imports only from the layers below it (pyproject.toml [tool.importlinter])."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "mgb6"
LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """Run the contract in ``root``'s pyproject.toml on ``root``/src (a subprocess: this one has mgb6)."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run([sys.executable, "-c", LINT], capture_output=True, text=True, env=env, cwd=root)


def test_every_import_runs_down_the_layers() -> None:
    run = _lint(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 kept, 0 broken" in run.stdout


def _lint_with_table_importing(tmp_path: Path, statement: str) -> subprocess.CompletedProcess[str]:
    """The contracts run on a copy of the package whose table loader makes one more (lazy) import."""
    copy = tmp_path / "src" / "mgb6"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with (copy / "foods" / "table.py").open("a", encoding="utf-8") as fh:
        fh.write(f"\n\ndef _extra() -> None:\n    {statement}  # noqa: F401\n")
    return _lint(tmp_path)


def test_an_import_up_the_layers_breaks_the_contract_even_inside_a_function(tmp_path: Path) -> None:
    """The contract is not a formality: a lazy import from the table loader up into the report fails it."""
    run = _lint_with_table_importing(tmp_path, "from mgb6.report import render")
    assert run.returncode != 0
    assert "mgb6.foods.table -> mgb6.report.render" in run.stdout


def test_every_module_of_the_package_has_a_layer() -> None:
    """A new module (top level, or in foods/) outside its contract would escape the rule unnoticed."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract, foods = config["tool"]["importlinter"]["contracts"]
    for layers, folder, prefix in (
        (contract["layers"], PACKAGE, "mgb6."),
        (foods["layers"], PACKAGE / "foods", ""),
    ):
        layered = {name.strip() for layer in layers for name in layer.split("|")}
        present = {
            f"{prefix}{p.stem if p.is_file() else p.name}"
            for p in folder.iterdir()
            if (p.suffix == ".py" and p.name != "__init__.py") or (p / "__init__.py").is_file()
        }
        assert present - layered == set()
        assert layered - present == set()


def test_the_table_may_not_import_the_matcher_that_searches_it(tmp_path: Path) -> None:
    """The one circle the package had (table <-> matcher) stays broken: the table builds the index from
    foods/index.py and foods/words.py, and an import of the matcher from the table fails the contract."""
    run = _lint_with_table_importing(tmp_path, "from mgb6.foods import match")
    assert run.returncode != 0
    assert "mgb6.foods.table -> mgb6.foods.match" in run.stdout
