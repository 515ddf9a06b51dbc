"""End-to-end tests of the pre-commit hook, with the real ``pre-commit`` and real git repositories.

A snapshot of the project (tracked files plus untracked, not ignored ones, so uncommitted work is
tested too) is committed to a temporary git repository, and an "article" repository uses it as a
pre-commit hook repository.  pre-commit builds the hook's virtualenv from the snapshot (installing
refuso and its dependencies from PyPI) once per test session, in a shared ``PRE_COMMIT_HOME``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c6597b0d87ed5ff2.txt"
ARTICLE = "articolo.txt"
TIMEOUT = 600

GIT_IDENTITY = tuple(
    arg
    for setting in (
        "user.name=refuso tests",
        "user.email=tests@refuso.invalid",
        "commit.gpgsign=false",
        "tag.gpgsign=false",
    )
    for arg in ("-c", setting)
)

# A few of the findings refuso reports on the seed (format ``path:line:col: severity CODE``).
SEED_FINDINGS = (
    f"{ARTICLE}:2:248: error PUN002",
    f"{ARTICLE}:10:29: error DUP003",
    f"{ARTICLE}:12:266: error PUN001",
)

# The damaged fragments of the seed, and clean text to put in their place.
_LOST_NAMES = (
    ". , (UE) e (Organizzazione per la sicurezza e la cooperazione in Europa) e (Bucharest Nine) e in Ucraina"
)
_NAMES = (
    ", l’Unione europea (UE), l’Organizzazione per la sicurezza e la cooperazione in Europa (OSCE), "
    "i Nove di Bucarest e in Ucraina"
)
REPAIRS = {
    "Putin e Putin": "Biden e Putin",
    "”. . Il": "”. Il",
    _LOST_NAMES: _NAMES,
    "Il ministro degli Esteri Anthony Blinken": "Il segretario di Stato Antony Blinken",
    "Zhelensky": "Zelensky",
}

_ANSI = re.compile(r"\x1b\[[0-9;]*m")

pytestmark = pytest.mark.slow


def _describe(proc: subprocess.CompletedProcess[str]) -> str:
    args = " ".join(str(a) for a in proc.args)
    return (
        f"\n$ {args}\n(exit code {proc.returncode})\n"
        f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    )


def _output(proc: subprocess.CompletedProcess[str]) -> str:
    return _ANSI.sub("", proc.stdout + proc.stderr)


def _run(
    args: list[str] | tuple[str, ...], cwd: Path, env: dict[str, str], check: bool = False
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        list(args),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
    )
    if check:
        assert proc.returncode == 0, "command failed:" + _describe(proc)
    return proc


def _git(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return _run(["git", *GIT_IDENTITY, *args], cwd=cwd, env=env, check=True)


def _pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env)


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for git and pre-commit: one PRE_COMMIT_HOME for the whole session, no host git
    configuration, no inherited git or pre-commit variables (e.g. GIT_DIR when run from a git hook, or
    SKIP), no GitHub Actions output format, no colours, a private refuso cache."""
    base = tmp_path_factory.mktemp("precommit-env")
    gitconfig = base / "gitconfig"
    gitconfig.write_text("", encoding="utf-8")
    result = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in {"SKIP", "GITHUB_ACTIONS", "FORCE_COLOR"}
    }
    result.update(
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        REFUSO_CACHE_DIR=str(tmp_path_factory.mktemp("refuso-cache")),
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        NO_COLOR="1",
        TERM="dumb",
    )
    return result


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """A git repository holding the project as it is in the working tree; returns (path, HEAD sha).

    Session-scoped, so that both tests use the same repository and revision and pre-commit builds the
    hook environment only once."""
    listing = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "-co", "--exclude-standard"],
        capture_output=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout.decode("utf-8")
    files = sorted({name for name in listing.split("\0") if name})
    assert ".pre-commit-hooks.yaml" in files, "the project has no .pre-commit-hooks.yaml"

    repo = tmp_path_factory.mktemp("snapshot")
    for name in files:
        source = ROOT / name
        if not source.exists() and not source.is_symlink():
            continue  # tracked, but deleted in the working tree
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)

    _git("init", "--quiet", cwd=repo, env=env)
    _git("add", "--all", cwd=repo, env=env)
    _git("commit", "--quiet", "--no-verify", "-m", "snapshot of the working tree", cwd=repo, env=env)
    sha = _git("rev-parse", "HEAD", cwd=repo, env=env).stdout.strip()
    return repo, sha


def _article_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    _git("init", "--quiet", cwd=path, env=env)
    shutil.copyfile(SEED, path / ARTICLE)
    return path


def _hook_config(snapshot_repo: Path, sha: str, *options: str) -> str:
    """A .pre-commit-config.yaml using the refuso hook of ``snapshot_repo`` with hook ``options``."""
    lines = [
        "repos:",
        f"  - repo: {snapshot_repo.as_posix()}",
        f"    rev: {sha}",
        "    hooks:",
        "      - id: refuso",
        *(f"        {option}" for option in options),
    ]
    return "\n".join(lines) + "\n"


def _commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    return _run(["git", *GIT_IDENTITY, "commit", "-m", message], cwd=repo, env=env)


def _assert_seed_findings(proc: subprocess.CompletedProcess[str]) -> None:
    output = _output(proc)
    missing = [f for f in SEED_FINDINGS if f not in output]
    assert not missing, f"the hook's output lacks {missing}:" + _describe(proc)


def test_commit_is_blocked_until_the_article_is_fixed(
    tmp_path: Path, env: dict[str, str], snapshot: tuple[Path, str]
) -> None:
    snapshot_repo, sha = snapshot
    repo = _article_repo(tmp_path / "articles", env)
    # Warnings (the seed's calques and possible misspellings) are let through, as the documented
    # ``args`` do, so that repairing the errors is enough for the commit to pass.
    (repo / ".pre-commit-config.yaml").write_text(
        _hook_config(snapshot_repo, sha, "args: [--fail-level, error]"), encoding="utf-8"
    )
    install = _pre_commit("install", cwd=repo, env=env)
    assert install.returncode == 0, "pre-commit install failed:" + _describe(install)
    assert (repo / ".git" / "hooks" / "pre-commit").is_file(), "pre-commit install wrote no hook" + _describe(
        install
    )

    # The damaged article: the commit must be refused, and the hook must say why.
    _git("add", ARTICLE, ".pre-commit-config.yaml", cwd=repo, env=env)
    blocked = _commit(repo, env, "Articolo con refusi")
    assert blocked.returncode != 0, "the commit of the damaged article went through:" + _describe(blocked)
    assert "refuso" in _output(blocked), "the refuso hook did not run:" + _describe(blocked)
    _assert_seed_findings(blocked)
    head = _run(["git", "rev-parse", "--verify", "--quiet", "HEAD"], cwd=repo, env=env)
    assert head.returncode != 0, "a commit was created although the hook failed:" + _describe(head)

    # Repair the article; check it with the project's own command line first, so that a failure below
    # is the hook's fault and not the text's.
    text = (repo / ARTICLE).read_text(encoding="utf-8")
    for damaged, clean in REPAIRS.items():
        assert text.count(damaged) == 1, f"the seed no longer contains {damaged!r} exactly once"
        text = text.replace(damaged, clean)
    (repo / ARTICLE).write_text(text, encoding="utf-8")
    direct = _run([sys.executable, "-m", "lint", "check", ARTICLE], cwd=repo, env=env)
    assert direct.returncode == 0, "refuso still finds errors in the repaired article:" + _describe(direct)

    _git("add", ARTICLE, cwd=repo, env=env)
    passed = _commit(repo, env, "Articolo corretto")
    assert passed.returncode == 0, "the commit of the repaired article was refused:" + _describe(passed)
    assert re.search(r"refuso.*Passed", _output(passed)), "the refuso hook did not pass:" + _describe(passed)
    log = _git("log", "--format=%s", cwd=repo, env=env).stdout.split("\n")
    assert log[0] == "Articolo corretto", f"unexpected history: {log}"


def test_try_repo_and_manifest(tmp_path: Path, env: dict[str, str], snapshot: tuple[Path, str]) -> None:
    snapshot_repo, _sha = snapshot
    manifest = _pre_commit(
        "validate-manifest", str(snapshot_repo / ".pre-commit-hooks.yaml"), cwd=tmp_path, env=env
    )
    assert manifest.returncode == 0, "the hooks manifest is invalid:" + _describe(manifest)

    repo = _article_repo(tmp_path / "articles", env)
    _git("add", ARTICLE, cwd=repo, env=env)
    tried = _pre_commit("try-repo", str(snapshot_repo), "refuso", "--files", ARTICLE, cwd=repo, env=env)
    assert tried.returncode != 0, "try-repo passed on the damaged article:" + _describe(tried)
    _assert_seed_findings(tried)


def test_fix_hook_applies_safe_fixes(tmp_path: Path, env: dict[str, str], snapshot: tuple[Path, str]) -> None:
    snapshot_repo, _sha = snapshot
    repo = tmp_path / "articles"
    repo.mkdir()
    _git("init", "-q", cwd=repo, env=env)
    article = repo / ARTICLE
    article.write_bytes(b"Il cane corre..  Poi , dopo.\r\nSecondo rigo ,ok.\r\n")
    _git("add", ARTICLE, cwd=repo, env=env)
    first = _pre_commit("try-repo", str(snapshot_repo), "refuso-fix", "--files", ARTICLE, cwd=repo, env=env)
    assert first.returncode != 0, "the hook changed the file, so pre-commit must fail:" + _describe(first)
    assert "files were modified by this hook" in _output(first), _describe(first)
    assert article.read_bytes() == b"Il cane corre. Poi, dopo.\r\nSecondo rigo, ok.\r\n"
    _git("add", ARTICLE, cwd=repo, env=env)
    second = _pre_commit("try-repo", str(snapshot_repo), "refuso-fix", "--files", ARTICLE, cwd=repo, env=env)
    assert second.returncode == 0, "the fixed article should pass:" + _describe(second)


# An article whose only problems are warnings: a title Blinken never held, and a calque.
WARNINGS_ONLY = (
    "Il ministro degli Esteri Antony Blinken ha incontrato ieri a Bruxelles gli alleati della Nato.\n"
    "Al centro dei colloqui c’erano i costruttori militari russi lungo il confine con l’Ucraina.\n"
)
WARNING_FINDINGS = (f"{ARTICLE}:1:4: warning TTL001", f"{ARTICLE}:2:34: warning MTP002")


def test_a_wrong_title_and_a_calque_never_pass_unseen(
    tmp_path: Path, env: dict[str, str], snapshot: tuple[Path, str]
) -> None:
    snapshot_repo, sha = snapshot
    repo = tmp_path / "articles"
    repo.mkdir()
    _git("init", "--quiet", cwd=repo, env=env)
    (repo / ARTICLE).write_text(WARNINGS_ONLY, encoding="utf-8")
    direct = _run([sys.executable, "-m", "lint", "check", "--format", "concise", ARTICLE], cwd=repo, env=env)
    found = [line.split(" ", 3)[:3] for line in direct.stdout.splitlines() if line.startswith(ARTICLE)]
    assert found == [f.split(" ") for f in WARNING_FINDINGS], "the article is not what this test needs:" + (
        _describe(direct)
    )

    # The default hook: the commit is refused, and the findings are shown.
    (repo / ".pre-commit-config.yaml").write_text(_hook_config(snapshot_repo, sha), encoding="utf-8")
    install = _pre_commit("install", cwd=repo, env=env)
    assert install.returncode == 0, "pre-commit install failed:" + _describe(install)
    _git("add", ARTICLE, ".pre-commit-config.yaml", cwd=repo, env=env)
    blocked = _commit(repo, env, "Articolo con un titolo sbagliato")
    assert blocked.returncode != 0, "the commit of a wrong title and a calque went through:" + _describe(
        blocked
    )
    missing = [f for f in WARNING_FINDINGS if f not in _output(blocked)]
    assert not missing, f"the hook's output lacks {missing}:" + _describe(blocked)

    # Relaxed as the README says (errors only), and verbose: the commit passes, the warnings still show.
    (repo / ".pre-commit-config.yaml").write_text(
        _hook_config(snapshot_repo, sha, "args: [--fail-level, error]", "verbose: true"), encoding="utf-8"
    )
    _git("add", ".pre-commit-config.yaml", cwd=repo, env=env)
    relaxed = _commit(repo, env, "Articolo con un titolo sbagliato")
    assert relaxed.returncode == 0, "the relaxed hook refused warnings:" + _describe(relaxed)
    missing = [f for f in WARNING_FINDINGS if f not in _output(relaxed)]
    assert not missing, f"the verbose hook's output lacks {missing}:" + _describe(relaxed)
