"""refuso's on-disk cache: found again only for the same contents, and never a way to run code.

Whoever can write the cache folder (a CI cache restored into a checkout, another user) must not be
able to make refuso run anything or change its answers; the tests plant files where refuso reads and
prove nothing runs and the findings stay the same.
"""

from __future__ import annotations

import io
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED
from lint.cache import MAGIC, TAG_SIZE, Cache, _DataUnpickler, secret_file

PACK = """\
language: it
rules:
  - code: TST001
    name: no-foobar
    kind: existence
    category: style
    severity: warning
    tokens: [{word}]
    message: "Non scrivere «{{match}}»"
    description: "Una regola di prova."
    examples:
      flagged: ["un ⟦{word}⟧ qui"]
      clean: ["niente qui"]
"""

# A newsroom's own KB file: refuso's own KB is shipped compiled (lint.prebuilt), so only one like this
# goes through the cache.
HOUSE_KB = """\
sources:
  newsroom: {title: Newsroom style book, url: https://example.org/style}
people:
  - id: mario-bianchetti
    name: Mario Bianchetti
    gender: m
    roles:
      - {office: IT.minister, title_it: ministro per lo Sport, start: 2030-01-01, source: newsroom}
"""


def run(folder: Path, cache: Path, *args: str, state: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REFUSO_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    if state is not None:
        env["XDG_STATE_HOME"] = str(state)
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "concise", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        timeout=300,
    )


def _rewrite_keeping_size_and_time(path: Path, text: str) -> None:
    before = path.stat()
    assert len(text.encode("utf-8")) == before.st_size
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


# -- item: entries are keyed on contents, not on size and modification time -------------------------


def test_a_configuration_rewritten_with_the_same_size_and_time_is_read_again(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    config = tmp_path / ".refuso.yaml"
    config.write_text("select: [PUN]\n", encoding="utf-8")
    first = run(tmp_path, cache, "a.txt")
    assert first.returncode == 1 and first.stdout.startswith("a.txt:1:4: error PUN001"), first.stderr
    _rewrite_keeping_size_and_time(config, "select: [DUP]\n")
    second = run(tmp_path, cache, "a.txt")
    assert second.returncode == 0 and "PUN001" not in second.stdout, second.stdout


def test_a_rule_pack_rewritten_with_the_same_size_and_time_is_read_again(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "a.txt").write_text("Un foobar e un quxbaz.\n", encoding="utf-8")
    (tmp_path / ".refuso.yaml").write_text("rule-packs: [pack.yaml]\nselect: [TST]\n", encoding="utf-8")
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK.format(word="foobar"), encoding="utf-8")
    first = run(tmp_path, cache, "a.txt")
    assert first.stdout.startswith("a.txt:1:4: warning TST001"), first.stderr
    _rewrite_keeping_size_and_time(pack, PACK.format(word="quxbaz"))
    second = run(tmp_path, cache, "a.txt")
    assert second.stdout.startswith("a.txt:1:16: warning TST001"), second.stderr


# -- item: nothing in the cache folder can run code ---------------------------------------------------


class _Boom:
    """Unpickling this runs a shell command that leaves a file behind: the proof code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, (f"touch {self.marker}",))


def _signed(cache: Cache, namespace: str, full_key: str, payload: bytes) -> bytes:
    """An entry signed with the user's real key, as a thief of the key could write it."""
    assert cache._ready()
    return MAGIC + cache._tag(namespace, full_key, payload) + payload


def test_planted_files_at_every_cache_path_run_nothing_and_change_nothing(tmp_path):
    cache = tmp_path / "cache"
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_bytes(SEED.read_bytes())
    (work / ".refuso.yaml").write_text(
        "rule-packs: [pack.yaml]\nknowledge-base: [kb.yaml]\n", encoding="utf-8"
    )
    (work / "pack.yaml").write_text(PACK.format(word="foobar"), encoding="utf-8")
    (work / "kb.yaml").write_text(HOUSE_KB, encoding="utf-8")
    args = ("a.txt", "--languagetool")
    clean = run(work, tmp_path / "no-cache", *args, "--no-cache")
    assert clean.returncode == 1 and "LT:" in clean.stdout, clean.stderr
    cold = run(work, cache, *args)
    assert (cold.returncode, cold.stdout) == (1, clean.stdout), cold.stderr
    entries = sorted(p for p in cache.rglob("*") if p.is_file())
    namespaces = {p.parent.name for p in entries}
    assert namespaces == {"config", "packs", "kb", "entry-points", "languagetool", "languagetool-version"}

    marker = tmp_path / "ran"
    boom = pickle.dumps(_Boom(marker))
    plants = {
        "a bare pickle, as the old cache read": lambda entry: boom,
        "a made-up signature": lambda entry: MAGIC + b"\0" * TAG_SIZE + boom,
        "a real signature over other data": lambda entry: entry[: len(MAGIC) + TAG_SIZE] + boom,
    }
    for what, plant in plants.items():
        for entry in entries:
            entry.write_bytes(plant(entry.read_bytes()))
        done = run(work, cache, *args)
        assert not marker.exists(), f"code ran from {what}"
        assert (done.returncode, done.stdout, done.stderr) == (1, clean.stdout, ""), what
        for entry in entries:  # recomputed, and written back signed
            assert entry.read_bytes().startswith(MAGIC) and boom not in entry.read_bytes(), (what, entry)
    # Named pipes where the entries should be are not waited on.
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    done = run(work, cache, *args)
    assert (done.returncode, done.stdout) == (1, clean.stdout)


def test_an_entry_signed_with_the_users_key_still_cannot_call_anything(tmp_path):
    """The second line of defence: even a correctly signed entry (the key stolen) may only build
    refuso's own data classes."""
    cache = Cache(tmp_path / "cache")
    marker = tmp_path / "ran"
    full_key = Cache._key(("anything",))
    path = Path(cache._path("config", full_key) or "")
    path.parent.mkdir(parents=True)
    path.write_bytes(_signed(cache, "config", full_key, pickle.dumps(_Boom(marker))))
    assert cache.get("config", ("anything",)) is None and not marker.exists()
    cache.put("config", ("anything",), {"select": ("PUN",)})
    assert cache.get("config", ("anything",)) == {"select": ("PUN",)}


def test_every_entry_a_run_writes_is_read_back(tmp_path, run_cli):
    """Every kind of value refuso caches is one the restricted loader can build: else the cache would
    silently stop saving time."""
    env = {"REFUSO_CACHE_DIR": str(tmp_path / "cache")}
    (tmp_path / ".refuso.yaml").write_text(
        "rule-packs: [pack.yaml]\nknowledge-base: [kb.yaml]\n", encoding="utf-8"
    )
    (tmp_path / "pack.yaml").write_text(PACK.format(word="foobar"), encoding="utf-8")
    (tmp_path / "kb.yaml").write_text(HOUSE_KB, encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    assert run_cli("check", "a.txt", "--languagetool", env=env, cwd=tmp_path).code == 1
    entries = list((tmp_path / "cache").rglob("*.pickle"))
    assert {p.parent.name for p in entries} >= {"config", "packs", "kb", "entry-points", "languagetool"}
    for entry in entries:
        blob = entry.read_bytes()
        assert blob.startswith(MAGIC)
        _DataUnpickler(io.BytesIO(blob[len(MAGIC) + TAG_SIZE :])).load()


# -- item: the cache folder and its key are private ----------------------------------------------------


def test_the_cache_folder_and_key_are_made_private(tmp_path):
    cache = tmp_path / "cache"
    state = tmp_path / "state"
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    done = run(tmp_path, cache, "a.txt", state=state)
    assert done.returncode == 1 and done.stderr == ""
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    key = state / "refuso" / "cache-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and key.stat().st_size == 32
    # A folder of ours that others could read is made private.
    cache.chmod(0o755)
    run(tmp_path, cache, "a.txt", state=state)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_a_cache_folder_others_can_write_is_not_used_with_a_note(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o777)
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    done = run(tmp_path, cache, "a.txt", state=tmp_path / "state")
    assert done.returncode == 1 and done.stdout.startswith("a.txt:1:4: error PUN001")
    assert done.stderr == (
        f"refuso: note: {cache}: not used as refuso's cache: other users can write to it; make it private "
        f"(chmod 700 {cache}) or set REFUSO_CACHE_DIR to a folder of your own\n"
    )
    assert list(cache.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_cache_folder_of_another_user_is_not_used_with_a_note(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.chown(cache, 12345, 12345)
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    done = run(tmp_path, cache, "a.txt", state=tmp_path / "state")
    assert done.returncode == 1
    assert done.stderr == (
        f"refuso: note: {cache}: not used as refuso's cache: it belongs to another user (uid 12345); "
        "set REFUSO_CACHE_DIR to a folder of your own\n"
    )
    assert list(cache.iterdir()) == []


def test_a_key_others_can_read_or_inside_the_cache_is_not_used(tmp_path):
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    state = tmp_path / "state"
    key = state / "refuso" / "cache-key"
    key.parent.mkdir(parents=True)
    key.write_bytes(b"k" * 32)
    key.chmod(0o644)  # as a file committed to a repository comes out
    done = run(tmp_path, tmp_path / "cache", "a.txt", state=state)
    assert done.returncode == 1
    assert done.stderr.startswith(f"refuso: note: {key}: not used as the key of refuso's cache: ")
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))
    # The key in the cache folder itself protects nothing.
    inside = tmp_path / "cache2"
    done = run(tmp_path, inside, "a.txt", state=inside)
    assert "it lies inside the cache folder" in done.stderr
    assert not any(p.is_file() for p in inside.rglob("*.pickle"))


def test_the_key_lives_outside_the_cache_in_the_users_state_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert secret_file() == tmp_path / "state" / "refuso" / "cache-key"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert secret_file() == Path.home() / ".local" / "state" / "refuso" / "cache-key"
