"""The cache trusts nothing on disk: not a folder others may write, not a file it did not write and tag
itself, not a link, a FIFO, a flipped byte or a truncated table; and it deletes only its own files."""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

from mgb6 import cache

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX owners, modes, FIFOs and links")
WEEK = str(EXAMPLES / "week.txt")


class _Payload:
    """Unpickling this creates ``marker``: the stand-in for a planted pickle that runs code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.mkdir, (str(self.marker),))


def _run(cache_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MGB6_CACHE_DIR": str(cache_dir), "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-m", "mgb6", *args], env=env, capture_output=True, text=True,
                          timeout=120)  # fmt: skip


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "private" / "mgb6"
    monkeypatch.setenv("MGB6_CACHE_DIR", str(folder))
    return folder


@posix
def test_a_cache_folder_others_may_write_is_not_used_and_a_planted_pickle_never_runs(tmp_path: Path) -> None:
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o1777)
    marker = tmp_path / "payload-ran"
    for name in ("digests.pickle", "key"):
        (shared / name).write_bytes(pickle.dumps(_Payload(marker)))
    done = _run(shared, "check", WEEK)
    assert done.returncode == 0, done.stderr
    assert not marker.exists()
    assert (
        done.stderr.count("Warning: the cache folder") == 1 and "may be written by other users" in done.stderr
    )
    assert sorted(p.name for p in shared.iterdir()) == ["digests.pickle", "key"]  # nothing written there


@posix
def test_a_cache_folder_is_created_readable_by_the_user_only(own_cache: Path) -> None:
    assert cache.trusted_dir() == own_cache
    assert stat.S_IMODE(own_cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(own_cache.parent.stat().st_mode) == 0o700


@posix
def test_a_group_writable_cache_folder_is_refused_with_the_reason(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "c"
    folder.mkdir(mode=0o770)
    folder.chmod(0o770)
    monkeypatch.setenv("MGB6_CACHE_DIR", str(folder))
    assert cache.trusted_dir() is None
    assert "may be written by other users (mode 770)" in (cache.refusal() or "")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_cache_folder_owned_by_another_user_is_refused(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    monkeypatch.setenv("MGB6_CACHE_DIR", str(folder))
    assert cache.trusted_dir() is None
    assert "belongs to another user (uid 65534)" in (cache.refusal() or "")


@posix
def test_a_pickle_without_our_tag_is_never_unpickled_even_in_our_own_folder(
    own_cache: Path, tmp_path
) -> None:
    marker = tmp_path / "payload-ran"
    cache.trusted_dir()
    for name in ("digests.pickle", "logmemo-0123456789abcdef0123-89abcdef.pickle"):
        (own_cache / name).write_bytes(pickle.dumps(_Payload(marker)))
        (own_cache / name).chmod(0o600)
        assert cache.unpickle(own_cache / name) is None
    forged = cache._SEALED + b"\0" * cache._TAG + pickle.dumps(_Payload(marker))
    (own_cache / "digests.pickle").write_bytes(forged)
    assert cache.unpickle(own_cache / "digests.pickle") is None
    assert not marker.exists()


@posix
def test_what_we_wrote_reads_back_and_one_flipped_byte_is_refused(own_cache: Path) -> None:
    path = cache.cache_file("matches", "0" * 20)
    cache.write_cache(path, {"banana": 27.0})
    assert cache.unpickle(path) == {"banana": 27.0}
    data = bytearray(path.read_bytes())
    data[data.index(b"banana")] ^= 0x01
    path.write_bytes(bytes(data))
    assert cache.unpickle(path) is None


@posix
def test_a_file_others_may_write_a_link_or_a_fifo_is_not_read(own_cache: Path, tmp_path: Path) -> None:
    good = cache.cache_file("matches", "1" * 20)
    cache.write_cache(good, {"a": 1})
    good.chmod(0o664)  # group-writable: someone else could have changed it
    assert cache.unpickle(good) is None
    good.chmod(0o600)
    link = cache.cache_file("matches", "2" * 20)
    link.symlink_to(good)
    assert cache.unpickle(link) is None
    fifo = cache.cache_file("matches", "3" * 20)
    os.mkfifo(fifo)
    start = time.monotonic()
    assert cache.unpickle(fifo) is None
    assert time.monotonic() - start < 30  # returned at once; a blocking open would never return


@posix
def test_a_fifo_named_like_a_cache_file_never_hangs_a_check(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir(mode=0o700)
    os.mkfifo(folder / "digests.pickle")
    done = _run(folder, "check", "-q", WEEK)
    assert done.returncode == 0, done.stderr


@posix
def test_a_flipped_byte_in_the_table_cache_is_detected_and_the_table_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    banana = tmp_path / "banana.txt"
    banana.write_text("100 g banana\n")

    def magnesium() -> float:
        done = _run(folder, "check", "-q", "-f", "json", str(banana))
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)["days"][0]["items"][0]["magnesium_mg"]

    right = magnesium()
    table = next(folder.glob("table-*.pickle"))
    data = bytearray(table.read_bytes())
    at = data.index(b"Bananas, raw")
    row_end = data.index(b"\n", at) if b"\n" in data[at : at + 400] else at + 60
    digits = [i for i in range(at, row_end) if chr(data[i]).isdigit()]
    for i in digits:
        data[i] = ord("9") if data[i] != ord("9") else ord("8")
    table.write_bytes(bytes(data))
    assert magnesium() == right


@posix
def test_the_table_is_a_copy_so_truncating_its_file_cannot_kill_the_run(own_cache: Path) -> None:
    from mgb6.foods.table import FoodTable, load_table

    table = load_table.__wrapped__()
    path = cache.cache_file("table", table.digest)
    if not path.exists():
        cache.write_cache(path, table, mapped=True)
    again = cache.read_mapped(path)
    assert isinstance(again, FoodTable)
    os.truncate(path, 100)
    assert sum(len(f.description) for f in again.foods) > 0  # would be SIGBUS on a mapping


@posix
def test_the_table_seal_spares_the_full_check_only_while_the_file_is_unchanged(
    own_cache: Path, monkeypatch
) -> None:
    path = cache.cache_file("table", "4" * 20)
    cache.write_cache(path, {"rows": list(range(1000))}, mapped=True)
    old = time.time() - 60
    os.utime(path, (old, old))  # mtime settles; ctime is now, so pretend time moved on instead
    monkeypatch.setattr(cache, "SETTLED_SECONDS", -1.0)
    assert cache.read_mapped(path) == {"rows": list(range(1000))}
    seal = path.with_name(path.name + ".seal")
    assert seal.exists()
    checked = []
    real = cache._verified

    def full_check(data: bytes) -> object:
        if len(data) > 1000:  # the table itself, not its 72-byte seal
            checked.append(1)
        return real(data)

    monkeypatch.setattr(cache, "_verified", full_check)
    assert cache.read_mapped(path) == {"rows": list(range(1000))}
    assert checked == []  # the seal vouched for the unchanged file
    os.utime(path)  # any change of the file: the seal no longer matches, the full check runs again
    assert cache.read_mapped(path) == {"rows": list(range(1000))}
    assert checked == [1]


@posix
def test_planted_temporary_names_are_never_followed(own_cache: Path, tmp_path: Path) -> None:
    victim = tmp_path / "notes.txt"
    victim.write_text("precious")
    cache.trusted_dir()
    for pid in range(os.getpid() - 3, os.getpid() + 3):
        (own_cache / f"digests.{pid}.tmp").symlink_to(victim)
    cache.write_cache(own_cache / "digests.pickle", {"x": "y"})
    assert victim.read_text() == "precious"
    assert cache.unpickle(own_cache / "digests.pickle") == {"x": "y"}


def test_a_failed_cache_write_leaves_no_temporary(own_cache: Path, monkeypatch) -> None:
    cache.trusted_dir()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    cache.write_cache(cache.cache_file("matches", "5" * 20), {"a": 1})
    assert [p.name for p in own_cache.iterdir() if p.name.endswith(".tmp")] == []


@posix
def test_pruning_removes_stale_temporaries_and_old_files_of_ours_and_nothing_else(own_cache: Path) -> None:
    cache.trusted_dir()
    old = time.time() - 2 * cache.STALE_TEMP_SECONDS
    stale = [own_cache / ".mgb6-abcd1234.tmp", own_cache / f"table-{'6' * 20}.4242.tmp"]
    fresh = own_cache / ".mgb6-efgh5678.tmp"  # a writer may be using it right now
    foreign = [
        own_cache / f"table-{'7' * 20}.pickle",  # our name, not our content: another program's
        own_cache / "table-notes.pickle",
        own_cache / "README.tmp",
    ]
    for p in [*stale, fresh, *foreign]:
        p.write_bytes(b"not mgb6")
    for p in [*stale, *foreign]:
        os.utime(p, (old, old))
    for i in range(cache.KEEP_DIGESTS + 2):  # ours: the oldest beyond KEEP_DIGESTS go
        p = cache.cache_file("table", f"{i:020x}")
        cache.write_cache(p, {"i": i}, keep=None)
        os.utime(p, (old + i, old + i))
    cache.write_cache(cache.cache_file("table", "f" * 20), {"i": "new"})
    left = {p.name for p in own_cache.iterdir()}
    assert not any(p.name in left for p in stale)
    assert fresh.name in left and all(p.name in left for p in foreign)
    ours = sorted(
        n
        for n in left
        if n.startswith("table-") and n.endswith(".pickle") and n not in {p.name for p in foreign}
    )
    assert len(ours) == cache.KEEP_DIGESTS and f"table-{'f' * 20}.pickle" in ours
