"""The saved profile: TOML round-trip, merging with options, and clear errors for broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import runner

from mgb6 import profile as prof
from mgb6.cli import app
from mgb6.errors import ExitCode, Mgb6Error, ProfileError
from mgb6.foods.table import load_dri
from mgb6.nutrition.targets import Profile, targets_for, validate


@pytest.fixture
def cfg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "cfg"))
    return tmp_path / "cfg"


def test_profile_round_trips_through_toml(cfg: Path) -> None:
    p = prof.Profile("female", 34.5, False, True, "efsa", "vegan", ("nuts", "soy"))
    path = prof.save(p)
    assert path == cfg / "profile.toml"
    assert prof.load() == p


def test_save_leaves_no_temporary_file(cfg: Path) -> None:
    prof.save(prof.Profile("male", 40))
    assert [f.name for f in cfg.iterdir()] == ["profile.toml"]


def test_load_without_a_file_is_none(cfg: Path) -> None:
    assert prof.load() is None


def test_corrupt_profile_names_file_line_and_column(cfg: Path) -> None:
    cfg.mkdir(parents=True)
    (cfg / "profile.toml").write_text('sex = "female"\nage = \n')
    with pytest.raises(Mgb6Error) as info:
        prof.load()
    msg = str(info.value)
    assert str(cfg / "profile.toml") in msg and "line 2" in msg and "column" in msg
    assert info.value.exit_code == ExitCode.ERROR


@pytest.mark.parametrize(
    "text, words",
    [
        ('sex = "x"\n', "sex"),
        ("age = 300\n", "age"),
        ('age = "old"\n', "age"),
        ('authority = "who"\n', "authority"),
        ('diet = "keto"\n', "diet"),
        ('sex = "male"\npregnant = true\n', "females"),
        ("pregnant = true\nlactating = true\n", "not both"),
        ("avoid = [1, 2]\n", "avoid"),
    ],
)
def test_invalid_profile_values_are_one_line_errors(cfg: Path, text: str, words: str) -> None:
    cfg.mkdir(parents=True)
    (cfg / "profile.toml").write_text(text)
    result = runner.invoke(app, ["targets"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and words in result.stderr
    assert str(cfg / "profile.toml") in result.stderr.replace("\n", "")
    assert result.stderr.count("\n") <= 2  # one message, perhaps soft-wrapped by the terminal width


def test_unreadable_profile_is_a_clear_error(cfg: Path) -> None:
    (cfg / "profile.toml").mkdir(parents=True)
    result = runner.invoke(app, ["profile", "show"])
    assert result.exit_code == 1 and "is a directory" in result.stderr


def test_update_changes_only_given_fields_and_replaces_life_stage() -> None:
    base = prof.Profile("female", 30, pregnant=True, avoid=("nuts",))
    new = prof.update(base, lactating=True)
    got = (new.sex, new.age, new.pregnant, new.lactating, new.avoid)
    assert got == ("female", 30, False, True, ("nuts",))
    assert prof.update(new, avoid="").avoid == ()
    assert prof.update(new, diet="vegan").diet == "vegan"
    assert prof.update(prof.update(new, diet="vegan"), diet="none").diet is None
    with pytest.raises(ProfileError):
        prof.update(base, sex="male", pregnant=True)


def test_avoid_is_a_clean_comma_list() -> None:
    assert prof.parse_avoid(" Nuts, soy ,,nuts,  peanut  butter ") == ("nuts", "soy", "peanut butter")


def test_options_override_the_profile_for_one_run(tmp_path: Path) -> None:
    stored = prof.Profile("female", 34, pregnant=True)
    r = prof.resolve(stored, tmp_path / "p.toml", age=20)
    assert (r.profile.sex, r.profile.age, r.profile.pregnant) == ("female", 20, True)
    assert "profile" in r.origin and "--age" in r.origin
    r = prof.resolve(stored, tmp_path / "p.toml", sex="male")
    assert r.profile.sex == "male" and not r.profile.pregnant
    assert prof.resolve(None, tmp_path / "p.toml").origin.startswith("default")
    assert prof.resolve(None, tmp_path / "p.toml", sex="male").origin == "command-line options"


def test_cli_set_show_clear(cfg: Path) -> None:
    r = runner.invoke(app, ["profile", "set", "--sex", "female", "--age", "34", "--avoid", "nuts, soy"])
    assert r.exit_code == 0, r.stderr
    assert (cfg / "profile.toml").is_file()
    r = runner.invoke(app, ["profile", "show"])
    assert r.exit_code == 0 and "female" in r.stdout and "nuts, soy" in r.stdout
    assert "profile.toml" in r.stdout.replace("\n", "")
    r = runner.invoke(app, ["profile", "set", "--lactating", "--authority", "efsa", "--diet", "vegan"])
    assert r.exit_code == 0, r.stderr
    assert prof.load() == prof.Profile("female", 34, False, True, "efsa", "vegan", ("nuts", "soy"))
    r = runner.invoke(app, ["profile", "clear"])
    assert r.exit_code == 0 and not (cfg / "profile.toml").exists()
    r = runner.invoke(app, ["profile", "show"])
    assert r.exit_code == 0 and "No profile" in r.stderr and r.stdout == ""


def test_profile_set_rejects_invalid_values_as_usage_errors(cfg: Path) -> None:
    r = runner.invoke(app, ["profile", "set", "--sex", "male", "--pregnant"])
    assert r.exit_code == ExitCode.USAGE and "females" in r.stderr
    r = runner.invoke(app, ["profile", "set", "--authority", "who"])
    assert r.exit_code == ExitCode.USAGE
    r = runner.invoke(app, ["profile", "set", "--diet", "keto"])
    assert r.exit_code == ExitCode.USAGE
    assert not (cfg / "profile.toml").exists()


def test_check_header_says_whose_targets(cfg: Path, tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("100 g spinach\n")
    r = runner.invoke(app, ["check", str(log)], env={"COLUMNS": "200"})
    assert "Targets from default" in r.stdout
    runner.invoke(app, ["profile", "set", "--sex", "female", "--age", "34"])
    r = runner.invoke(app, ["check", str(log)], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert f"Targets from profile {cfg / 'profile.toml'}" in r.stdout and "female, age 34" in r.stdout
    r = runner.invoke(app, ["check", str(log), "--age", "70"], env={"COLUMNS": "200"})
    assert "overridden for this run by --age" in r.stdout and "age 70" in r.stdout
    r = runner.invoke(app, ["check", str(log), "--no-profile"], env={"COLUMNS": "200"})
    assert "Targets from default" in r.stdout


@pytest.mark.parametrize(("person", "error"), [
    (Profile(sex="x"), "sex must be one of female, male, not 'x'"),
    (Profile(diet="keto"), "diet must be one of vegetarian, vegan, pescatarian, not 'keto'"),
    (Profile(date_order="ymd"), "date_order must be one of dmy, mdy, not 'ymd'"),
])  # fmt: skip
def test_one_validate_checks_every_field_of_a_person_where_it_comes_from(person: Profile, error: str) -> None:
    """Options, the API and the profile file share one record and one check; only the prefix differs."""
    with pytest.raises(ProfileError, match=f"^{error}$"):
        validate(person)
    with pytest.raises(ProfileError, match=f"^profile.toml: {error}$"):
        validate(person, "profile.toml")


def test_a_saved_profile_is_the_record_the_targets_take(cfg: Path) -> None:
    prof.save(prof.update(None, sex="female", age=34, diet="vegan", avoid="nuts"))
    saved = prof.load()
    assert isinstance(saved, Profile)
    assert targets_for(saved, load_dri()) == targets_for(Profile("female", 34), load_dri())
