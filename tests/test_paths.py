"""The user's folders: an MGB6_* variable wins; on Linux the XDG rule platformdirs itself applies."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mgb6.paths import user_dir

KINDS = [("config", "MGB6_CONFIG_DIR", "XDG_CONFIG_HOME"), ("cache", "MGB6_CACHE_DIR", "XDG_CACHE_HOME"),
         ("data", "MGB6_DATA_HOME", "XDG_DATA_HOME")]  # fmt: skip


@pytest.mark.parametrize(("kind", "override", "xdg"), KINDS)
def test_mgb6_variable_overrides_the_platform_folder(
    kind: str, override: str, xdg: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(override, str(tmp_path / "here"))
    assert user_dir(kind) == tmp_path / "here"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the inlined rule is Linux's XDG rule")
@pytest.mark.parametrize(("kind", "override", "xdg"), KINDS)
def test_linux_folder_is_what_platformdirs_says(
    kind: str, override: str, xdg: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    platformdirs = pytest.importorskip("platformdirs")
    monkeypatch.delenv(override, raising=False)
    finder = {"config": platformdirs.user_config_dir, "cache": platformdirs.user_cache_dir,
              "data": platformdirs.user_data_dir}[kind]  # fmt: skip
    for value in (str(tmp_path / "xdg"), ""):
        monkeypatch.setenv(xdg, value)
        assert user_dir(kind) == Path(finder("mgb6", appauthor=False))
