"""refuso's on-disk cache: found again only for the same contents, and never a way to run code.

Whoever can write the cache folder (a CI cache restored into a checkout, another user) must not be
able to make refuso run anything or change its answers; the tests plant files where refuso reads and
prove nothing runs and the findings stay the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
