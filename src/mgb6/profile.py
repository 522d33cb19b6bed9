"""The saved profile: who the targets are for, stored as TOML in the user config directory.

Loading and saving only: the person's fields and their one validate() are nutrition/targets.py's, as is
choosing DRIs. The file is written whole, atomically, so a crash mid-save never leaves a half profile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NamedTuple

from mgb6.errors import ExitCode, InputError, ProfileError
from mgb6.nutrition.targets import Profile, validate
from mgb6.paths import atomic_write_text, config_dir, make_private_dirs, read_regular

PROFILE_FILE = "profile.toml"
SET_HINT = "mgb6 profile set --sex female --age 34"
PROFILE_MAX_BYTES = 1 << 16  # a profile is a few lines; anything bigger is not one (e.g. /dev/zero)


class ProfileFileError(ProfileError):
    """A profile file that exists but cannot be read or understood: a handled error, not a usage one."""

    exit_code = ExitCode.ERROR


def _toml() -> Any:
    """tomllib, imported only when a saved profile is read (~2.5 ms, off the path of users without one)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    return tomllib


def profile_path() -> Path:
    return config_dir() / PROFILE_FILE


def parse_avoid(text: str | None) -> tuple[str, ...]:
    """``"nuts, soy"`` -> ``("nuts", "soy")``: lower-case, de-duplicated, order kept."""
    if not text:
        return ()
    out: list[str] = []
    for part in text.split(","):
        word = " ".join(part.strip().lower().split())
        if word and word not in out:
            out.append(word)
    return tuple(out)


def ensure_usable(p: Profile) -> Profile:
    """Refuse, before saving, a profile every later check would reject: one whose life stage has no DRI row
    for its authority (a lactating 2-year-old) or an --avoid word no food group answers to. The errors
    are the ones check gives, so the user learns the fix at ``profile set`` instead of being locked out.
    """
    from mgb6.foods.table import load_dri
    from mgb6.nutrition.suggest import excluded_groups
    from mgb6.nutrition.targets import targets_for

    targets_for(p, load_dri())
    excluded_groups(p.diet, p.avoid)
    return p


def to_toml(p: Profile) -> str:
    """A small, stable TOML document; JSON string escapes are valid TOML basic strings."""
    import json  # only when writing: a plain check reads the profile and never needs it

    lines = ["# mgb6 profile: edit with `mgb6 profile set`, remove with `mgb6 profile clear`"]
    if p.sex is not None:
        lines.append(f"sex = {json.dumps(p.sex)}")
    if p.age is not None:
        lines.append(f"age = {int(p.age) if float(p.age).is_integer() else p.age}")
    lines.append(f"pregnant = {'true' if p.pregnant else 'false'}")
    lines.append(f"lactating = {'true' if p.lactating else 'false'}")
    lines.append(f"authority = {json.dumps(p.authority)}")
    if p.diet is not None:
        lines.append(f"diet = {json.dumps(p.diet)}")
    lines.append(f"avoid = [{', '.join(json.dumps(a, ensure_ascii=False) for a in p.avoid)}]")
    if p.date_order is not None:
        lines.append(f"date_order = {json.dumps(p.date_order)}")
    return "\n".join(lines) + "\n"


def _typed(data: dict[str, Any], key: str, kinds: tuple[type, ...], name: str, path: Path) -> Any:
    value = data.get(key)
    if value is None:
        return None
    if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
        raise ProfileFileError(f"{path}: {key} must be {name}, not {value!r}")
    return value


def from_toml(text: str, path: Path) -> Profile:
    """Parse a profile document; every problem is one line naming the file (and line/column if known)."""
    try:
        data = _toml().loads(text)
    except _toml().TOMLDecodeError as exc:
        raise ProfileFileError(f"{path}: not a valid profile ({exc})") from exc
    except RecursionError:  # arrays nested thousands deep: no profile looks like that
        raise ProfileFileError(f"{path}: not a valid profile (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer past Python's 4,300-digit conversion limit
        raise ProfileFileError(f"{path}: not a valid profile ({exc})") from None
    avoid = _typed(data, "avoid", (list, str), "a list of words", path) or ()
    if isinstance(avoid, str):
        avoid = parse_avoid(avoid)
    elif not all(isinstance(a, str) for a in avoid):
        raise ProfileFileError(f"{path}: avoid must be a list of words")
    age = _typed(data, "age", (int, float), "a number of years", path)
    if isinstance(age, int) and not -(10**6) < age < 10**6:  # float() of 400 digits overflows
        raise ProfileFileError(f"{path}: age must be a number of years, not a number that long")
    profile = Profile(
        sex=_typed(data, "sex", (str,), "a string", path),
        age=None if age is None else float(age),
        pregnant=bool(_typed(data, "pregnant", (bool,), "true or false", path)),
        lactating=bool(_typed(data, "lactating", (bool,), "true or false", path)),
        authority=_typed(data, "authority", (str,), "a string", path) or "iom",
        diet=_typed(data, "diet", (str,), "a string", path),
        avoid=parse_avoid(",".join(avoid)),
        date_order=_typed(data, "date_order", (str,), "a string", path),
    )
    try:
        validate(profile, str(path))
    except ProfileError as exc:
        raise ProfileFileError(str(exc)) from exc
    return profile


def load(path: Path | None = None) -> Profile | None:
    """The saved profile, or ``None`` when there is none."""
    path = path or profile_path()
    if not os.path.lexists(path):
        return None
    try:
        raw = read_regular(path, PROFILE_MAX_BYTES, "profile file")
    except InputError as exc:
        raise ProfileFileError(str(exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileFileError(f"{path}: not UTF-8 text (byte {exc.start + 1})") from exc
    return from_toml(text, path)


def save(profile: Profile, path: Path | None = None) -> Path:
    path = path or profile_path()
    validate(profile, "profile")
    try:
        make_private_dirs(path.parent)
        atomic_write_text(path, to_toml(profile))
    except OSError as exc:
        raise ProfileFileError(f"{path}: cannot write the profile ({exc.strerror or exc})") from exc
    return path


def clear(path: Path | None = None) -> bool:
    """Remove the profile; ``False`` when there was none."""
    path = path or profile_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise ProfileFileError(f"{path}: cannot remove ({exc.strerror or exc})") from exc
    return True


def update(
    base: Profile | None,
    *,
    sex: str | None = None,
    age: float | None = None,
    pregnant: bool | None = None,
    lactating: bool | None = None,
    authority: str | None = None,
    diet: str | None = None,
    avoid: str | None = None,
    date_order: str | None = None,
) -> Profile:
    """``profile set`` changes only what it is given; a new life stage replaces the old one."""
    b = base or Profile()
    if pregnant or lactating:
        preg, lact = bool(pregnant), bool(lactating)
    else:
        preg = b.pregnant if pregnant is None else False
        lact = b.lactating if lactating is None else False
    if sex == "male" and not (pregnant or lactating):
        preg = lact = False
    new = Profile(
        sex=sex if sex is not None else b.sex,
        age=age if age is not None else b.age,
        pregnant=preg,
        lactating=lact,
        authority=authority or b.authority,
        diet=(None if diet == "none" else diet) if diet is not None else b.diet,
        avoid=parse_avoid(avoid) if avoid is not None else b.avoid,
        date_order=(None if date_order == "none" else date_order) if date_order is not None else b.date_order,
    )
    validate(new, "profile")
    return new


class Resolved(NamedTuple):
    """The profile a run uses and a sentence saying where it came from (for the report header)."""

    profile: Profile
    origin: str
    stored: Profile | None


def resolve(
    stored: Profile | None,
    path: Path,
    *,
    sex: str | None = None,
    age: float | None = None,
    pregnant: bool = False,
    lactating: bool = False,
    authority: str | None = None,
    ignored: bool = False,
) -> Resolved:
    """Merge the saved profile with this run's options; options win, for this run only.

    ``ignored`` says the caller skipped a profile on purpose (``--no-profile``), for the header.
    """
    overrides = [n for n, v in (("--sex", sex), ("--age", age), ("--authority", authority)) if v is not None]
    overrides += [n for n, v in (("--pregnant", pregnant), ("--lactating", lactating)) if v]
    if stored is None:
        p = Profile(sex=sex, age=age, pregnant=pregnant, lactating=lactating, authority=authority or "iom")
        if overrides:
            origin = "command-line options"
        elif ignored:
            origin = "default (--no-profile)"
        else:
            origin = f"default (no profile yet; set yours with `{SET_HINT}`)"
        return Resolved(profile=p, origin=origin, stored=None)
    preg, lact = stored.pregnant, stored.lactating
    if pregnant or lactating:
        preg, lact = pregnant, lactating
    elif sex == "male":
        preg = lact = False
    p = Profile(
        sex=sex if sex is not None else stored.sex,
        age=age if age is not None else stored.age,
        pregnant=preg,
        lactating=lact,
        authority=authority or stored.authority,
    )
    origin = f"profile {path}"
    if overrides:
        origin += f", overridden for this run by {' '.join(overrides)}"
    return Resolved(profile=p, origin=origin, stored=stored)
