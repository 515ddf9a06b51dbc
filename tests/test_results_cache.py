"""The results cache: a file whose contents and whose fingerprint (refuso's code, the settings, the
packs, the knowledge base, the plugins) did not change is reported from the cache, exactly as a
check would report it, without loading any rule; any change to one of those inputs checks it again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_cache import HOUSE_KB, PACK

from conftest import SEED
from lint.api import Linter
from lint.cache import MAGIC, TAG_SIZE, Cache
from lint.hookspecs import hookimpl
from lint.rules import Match

FORMATS = ("text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "html")


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "results").glob("*.pickle"))


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "other.md").write_text("# Titolo\n\nUno,, due e e tre.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_reports_the_same_from_the_cache(run_cli, work, tmp_path, name):
    env = {"REFUSO_CACHE_DIR": str(tmp_path / "cache")}
    args = ("check", "--format", name, ".")
    fresh = run_cli(*args, "--no-cache", cwd=work, env=env)
    assert fresh.code == 1, fresh.err
    assert not (tmp_path / "cache" / "results").exists()
    filled = run_cli(*args, cwd=work, env=env)
    assert len(_entries(tmp_path / "cache")) == 2
    served = run_cli(*args, cwd=work, env=env)
    assert (filled.code, filled.out, filled.err) == (fresh.code, fresh.out, fresh.err)
    assert (served.code, served.out, served.err) == (fresh.code, fresh.out, fresh.err)


def test_a_run_of_unchanged_files_loads_no_rule_pack_or_knowledge_base(run_cli, work, tmp_path):
    env = {"REFUSO_CACHE_DIR": str(tmp_path / "cache")}
    assert run_cli("check", "--format", "concise", ".", cwd=work, env=env).code == 1
    probe = (
        "import sys\n"
        "from lint.cli import main\n"
        "code = main(['check', '--format', 'concise', '.'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('lint.packs', 'lint.kb', 'lint.checks', 'lint.prebuilt')))\n"
        "print(code, loaded, file=sys.stderr)\n"
    )
    import os

    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=work,
        env={**os.environ, **env, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.stderr.splitlines()[-1] == "1 []", done.stderr
    assert "seed.txt:10:29: error DUP003" in done.stdout


def _run(run_cli, work: Path, cache: Path, *args: str) -> str:
    done = run_cli(
        "check", "--format", "concise", *args, "a.txt", cwd=work, env={"REFUSO_CACHE_DIR": str(cache)}
    )
    assert done.code in (0, 1), done.err
    return done.out


@pytest.mark.parametrize("changed", ["file", "config", "pack", "knowledge base", "vocabulary", "option"])
def test_each_input_of_the_fingerprint_invalidates_the_result(run_cli, tmp_path, changed):
    """Each change is reported at once, then served from the cache; going back serves the first
    entry again."""
    work = tmp_path / "work"
    work.mkdir()
    cache = tmp_path / "cache"
    article = "Il ministro per lo Sport Mario Bianchetti parla di un foobar e di un quxbaz,, ieri.\n"
    (work / "a.txt").write_text(article, encoding="utf-8")
    config = "rule-packs: [pack.yaml]\nknowledge-base: [kb.yaml]\nlanguage: it\ndate: 2031-05-01\n"
    (work / ".refuso.yaml").write_text(config, encoding="utf-8")
    (work / "pack.yaml").write_text(PACK.format(word="foobar"), encoding="utf-8")
    (work / "kb.yaml").write_text(HOUSE_KB, encoding="utf-8")
    before = _run(run_cli, work, cache)
    assert "TST001" in before and "PUN001" in before
    assert len(_entries(cache)) == 1
    assert _run(run_cli, work, cache, "--no-cache") == before

    if changed == "file":
        (work / "a.txt").write_text(article.replace(",,", ","), encoding="utf-8")
    elif changed == "config":
        (work / ".refuso.yaml").write_text(config + "ignore: [PUN001]\n", encoding="utf-8")
    elif changed == "pack":
        (work / "pack.yaml").write_text(PACK.format(word="quxbaz"), encoding="utf-8")
    elif changed == "knowledge base":
        # Mario Bianchetti becomes minister only after the article's date: the title is now wrong.
        (work / "kb.yaml").write_text(HOUSE_KB.replace("2030-01-01", "2032-01-01"), encoding="utf-8")
    elif changed == "vocabulary":
        (work / ".refuso.yaml").write_text(config + "vocabulary:\n  reject: [ieri]\n", encoding="utf-8")
    elif changed == "option":
        (work / ".refuso.yaml").write_text(
            config + "rules:\n  PUN001:\n    severity: info\n", encoding="utf-8"
        )
    after = _run(run_cli, work, cache)
    assert after != before
    assert after == _run(run_cli, work, cache, "--no-cache")
    assert len(_entries(cache)) == 2
    assert _run(run_cli, work, cache) == after


class _WordRule:
    """Flags the word the plugin's settings name (``plugins: {acme-word: {word: ...}}``)."""

    def __init__(self) -> None:
        from lint.checks.base import rule_meta

        self.word = "foobar"
        self.meta = rule_meta(
            code="acme.WORD",
            name="acme-word",
            category="style",
            severity="warning",
            languages=None,
            message={"*": "«{match}»"},
            description={"*": "A word the newsroom's plugin settings name."},
            flagged=["un ⟦foobar⟧"],
            clean=["niente"],
        )

    def check(self, document, options):
        text = document.prose.text
        start = text.find(self.word)
        if start >= 0:
            yield Match(start, start + len(self.word))


class _WordPlugin:
    def __init__(self) -> None:
        self.rule = _WordRule()

    @hookimpl
    def refuso_rules(self):
        return [self.rule]

    @hookimpl
    def refuso_configure(self, settings):
        self.rule.word = settings.plugin_options.get("acme-word", {}).get("word", "foobar")


def test_a_plugin_setting_invalidates_the_result(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text("Un foobar e un quxbaz.\n", encoding="utf-8")
    config = work / ".refuso.yaml"
    cache = tmp_path / "cache"

    def check(word: str) -> tuple[list[str], bool]:
        config.write_text(f"plugins:\n  acme-word: {{word: {word}}}\n", encoding="utf-8")
        linter = Linter(
            config_file=config,
            cache=Cache(cache),
            load_entry_points=False,
            extra_plugins=[("acme-word", _WordPlugin())],
        )
        run = linter.check_paths([str(work / "a.txt")])
        return [f.text for f in run.findings if f.code == "acme.WORD"], linter._base_rules is None

    assert check("foobar") == (["foobar"], False)
    assert check("foobar") == (["foobar"], True)  # from the cache: no rule loaded
    assert check("quxbaz") == (["quxbaz"], False)
    assert check("foobar") == (["foobar"], True)


def test_a_tampered_entry_is_ignored_and_written_again(run_cli, work, tmp_path):
    cache = tmp_path / "cache"
    env = {"REFUSO_CACHE_DIR": str(cache)}
    fresh = run_cli("check", "--format", "json", "seed.txt", "--no-cache", cwd=work, env=env)
    assert run_cli("check", "--format", "json", "seed.txt", cwd=work, env=env).out == fresh.out
    (entry,) = _entries(cache)
    blob = entry.read_bytes()
    assert blob.startswith(MAGIC)
    payload = blob[len(MAGIC) + TAG_SIZE :]
    # The findings' messages changed in place, the signature left as it was.
    forged = payload.replace(b"coordinato con se stesso", b"scritto benissimo, bravo!")
    assert forged != payload
    entry.write_bytes(blob[: len(MAGIC) + TAG_SIZE] + forged)
    served = run_cli("check", "--format", "json", "seed.txt", cwd=work, env=env)
    assert (served.code, served.out) == (fresh.code, fresh.out)
    assert entry.read_bytes() == blob  # checked again, and stored signed


def test_fix_is_never_served_a_stale_result(run_cli, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    env = {"REFUSO_CACHE_DIR": str(tmp_path / "cache")}
    (work / "a.txt").write_text("Uno,, due .\n", encoding="utf-8")
    before = run_cli("check", "--format", "concise", "a.txt", cwd=work, env=env)
    assert "PUN001" in before.out and "PUN003" in before.out
    fixed = run_cli("check", "--fix", "--format", "concise", "a.txt", cwd=work, env=env)
    assert (work / "a.txt").read_text(encoding="utf-8") == "Uno, due.\n", fixed.err
    after = run_cli("check", "--format", "concise", "a.txt", cwd=work, env=env)
    fresh = run_cli("check", "--format", "concise", "a.txt", "--no-cache", cwd=work, env=env)
    assert (after.code, after.out) == (fresh.code, fresh.out) == (fixed.code, fixed.out)
    assert "PUN001" not in after.out
    # Put back, the first text is served its first result again; --fix fixes it again.
    (work / "a.txt").write_text("Uno,, due .\n", encoding="utf-8")
    assert run_cli("check", "--format", "concise", "a.txt", cwd=work, env=env).out == before.out
    again = run_cli("check", "--fix", "--format", "concise", "a.txt", cwd=work, env=env)
    assert (work / "a.txt").read_text(encoding="utf-8") == "Uno, due.\n"
    assert (again.code, again.out) == (fixed.code, fixed.out)


def test_cache_clean_empties_the_cache_and_dir_names_it(run_cli, work, tmp_path):
    cache = tmp_path / "cache"
    env = {"REFUSO_CACHE_DIR": str(cache)}
    assert run_cli("check", ".", cwd=work, env=env).code == 1
    assert _entries(cache)
    named = run_cli("cache", "dir", env=env)
    assert (named.code, named.out) == (0, f"{cache}\n")
    cleaned = run_cli("cache", "clean", env=env)
    assert cleaned.code == 0 and not list(cache.rglob("*.pickle")), cleaned.err
    assert cleaned.err.startswith("removed ") and str(cache) in cleaned.err
    assert run_cli("check", ".", cwd=work, env=env).code == 1
    assert len(_entries(cache)) == 2


def test_timings_check_every_file_and_store_nothing(run_cli, work, tmp_path):
    cache = tmp_path / "cache"
    env = {"REFUSO_CACHE_DIR": str(cache)}
    assert run_cli("check", "--format", "concise", "seed.txt", cwd=work, env=env).code == 1
    assert len(_entries(cache)) == 1
    timed = run_cli("check", "--format", "concise", "--timings", "seed.txt", cwd=work, env=env)
    assert timed.code == 1 and "DUP003" in timed.err and "time (ms)" in timed.err, timed.err
    assert len(_entries(cache)) == 1
