"""benchmarks/peers.py: its options and its corpus builder (no tool is installed or timed here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def peers():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location("peers_benchmark", ROOT / "benchmarks" / "peers.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("peers_benchmark", None)
        sys.path.remove(str(ROOT / "benchmarks"))


def test_options(peers, tmp_path):
    args = peers.parse_args(["--tools", str(tmp_path)])
    assert (args.corpus, args.only, args.tools, args.corpora) == (
        "all",
        list(peers.TOOLS),
        tmp_path.resolve(),
        tmp_path.resolve() / "corpora",
    )
    args = peers.parse_args(["--corpus", "en200", "--only", "refuso, vale", "--runs", "3", "--skip-install"])
    assert (args.corpus, args.only, args.runs, args.skip_install) == ("en200", ["refuso", "vale"], 3, True)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--only", "refuso,languagetool"], "unknown tool languagetool"),
        (["--corpus", "fr200"], "invalid choice: 'fr200'"),
        (["--tools", str(ROOT / "build")], "--tools must be outside the project"),
    ],
)
def test_bad_options_are_refused(peers, capsys, argv, message):
    with pytest.raises(SystemExit) as exit_info:
        peers.parse_args(argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not next to the project")
@pytest.mark.parametrize("language", ["it", "en"])
def test_corpus_is_deterministic_and_reused(peers, tmp_path, language):
    spec = peers.CorpusSpec(f"T{language}", language, 7, 30_000)
    first = peers.build_corpus(spec, tmp_path / "a", DATA, seed=3)
    again = peers.build_corpus(spec, tmp_path / "b", DATA, seed=3)
    other = peers.build_corpus(spec, tmp_path / "c", DATA, seed=4)

    def contents(info):
        return [p.read_bytes() for p in sorted(Path(info["folder"]).iterdir())]

    files = sorted(Path(first["folder"]).iterdir())
    assert [p.name for p in files] == [f"{language}_{n:04d}.txt" for n in range(1, 8)]
    assert first["files"] == 7 and 27_000 <= first["bytes"] <= 33_000
    assert contents(first) == contents(again) != contents(other)
    # Built once: the same settings find the corpus (its manifest sits beside it, not in it).
    stamp = files[0].stat().st_mtime_ns
    assert peers.build_corpus(spec, tmp_path / "a", DATA, seed=3) == first
    assert files[0].stat().st_mtime_ns == stamp


def test_corpus_never_inside_the_project(peers):
    spec = peers.CorpusSpec("T", "it", 1, 1000)
    with pytest.raises(SystemExit, match="outside the project"):
        peers.build_corpus(spec, ROOT / "build", DATA, seed=1)
