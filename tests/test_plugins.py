"""Outside plugins, built and installed for real from tests/plugins, loaded through the entry-point group.

Each plugin package is installed with pip into its own folder, which is put on PYTHONPATH for the
refuso process under test, so the test environment itself is never changed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PLUGINS = Path(__file__).parent / "plugins"
TEXT = "Putin e Putin hanno scritto lorem ipsum,, e attualmente niente.\n"


@pytest.fixture(scope="session")
def installed(tmp_path_factory):
    """Install a plugin package into a folder of its own; return that folder."""
    made: dict[str, Path] = {}

    def install(name: str) -> Path:
        if name not in made:
            target = tmp_path_factory.mktemp(name)
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--no-deps",
                    "--no-build-isolation",
                    "--target",
                    str(target),
                    str(PLUGINS / name),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
            made[name] = target
        return made[name]

    return install


def run_with(run_cli, installed, tmp_path, *plugins, args=("check",), text=TEXT):
    path = tmp_path / "articolo.txt"
    path.write_text(text, encoding="utf-8")
    pythonpath = ":".join(str(installed(p)) for p in plugins)
    return run_cli(*args, str(path), env={"PYTHONPATH": pythonpath}, cwd=tmp_path)


def test_an_installed_plugin_adds_rules_packs_and_formats(run_cli, installed, tmp_path):
    result = run_with(run_cli, installed, tmp_path, "refuso-example", args=("check", "--no-source"))
    assert result.code == 1, result.err
    assert result.err == ""
    assert (
        "articolo.txt:1:29: error acme.LOREM Placeholder text «lorem ipsum» left in the article" in result.out
    )
    assert "articolo.txt:1:45: warning ACM001 Stile della casa: «attualmente» → «al momento»" in result.out
    assert "articolo.txt:1:1: error DUP003" in result.out  # the built-in rules run alongside
    counted = run_with(
        run_cli, installed, tmp_path, "refuso-example", args=("check", "--format", "acme-count")
    )
    assert counted.out == "4 findings\n"
    only = run_with(
        run_cli, installed, tmp_path, "refuso-example", args=("check", "--select", "acme.", "--no-source")
    )
    assert [line.split()[2] for line in only.out.splitlines() if ": error " in line] == ["acme.LOREM"]


def test_plugin_rules_are_listed_and_explained(run_cli, installed, tmp_path):
    target = installed("refuso-example")
    listing = run_cli("rules", env={"PYTHONPATH": str(target)}, cwd=tmp_path)
    assert listing.code == 0, listing.err
    row = next(line for line in listing.out.splitlines() if line.startswith("acme.LOREM"))
    assert row.split()[1:4] == ["acme-lorem-ipsum", "style", "error"] and row.split()[-1] == "acme"
    explained = run_cli("explain", "ACM001", "--lang", "it", env={"PYTHONPATH": str(target)}, cwd=tmp_path)
    assert "La casa evita «attualmente»" in explained.out


def test_a_plugin_that_fails_to_load_is_named_and_the_rest_runs(run_cli, installed, tmp_path):
    result = run_with(run_cli, installed, tmp_path, "refuso-broken", args=("check", "--no-source"))
    assert result.code == 2
    assert (
        "refuso: error: broken: plugin 'broken' failed while loading: "
        "ModuleNotFoundError: No module named 'refuso_missing_dependency'"
    ) in result.err
    assert "error DUP003" in result.out and "error PUN001" in result.out


def test_a_rule_asked_for_by_name_while_a_plugin_failed_names_the_failure(run_cli, installed, tmp_path):
    """The rule may be one the failed plugin would have given: saying only "unknown rule" would send
    the user looking for a typo."""
    failure = "plugin 'broken' failed while loading: ModuleNotFoundError"
    selected = run_with(run_cli, installed, tmp_path, "refuso-broken", args=("check", "--select", "BRK001"))
    assert selected.code == 2
    assert "unknown rule selector 'BRK001'" in selected.err and failure in selected.err
    env = {"PYTHONPATH": str(installed("refuso-broken"))}
    explained = run_cli("explain", "BRK001", env=env, cwd=tmp_path)
    assert explained.code == 2
    assert "no rule named 'BRK001'" in explained.err and failure in explained.err


def test_rules_that_raise_or_return_garbage_are_named_and_the_rest_runs(run_cli, installed, tmp_path):
    result = run_with(run_cli, installed, tmp_path, "refuso-faulty", args=("check", "--no-source"))
    assert result.code == 2
    err = result.err
    assert "rule faulty.RAISES (faulty-raises) from plugin 'faulty' failed: RuntimeError: boom" in err
    assert (
        "rule faulty.BOUNDS (faulty-out-of-bounds) from plugin 'faulty' returned a finding outside the document"
        in err
    )
    assert "plugin 'misspelled' failed in register: unknown hook refuso_rule" in err
    assert "error DUP003" in result.out and "error PUN001" in result.out


def test_a_plugin_adds_a_language_and_rules_for_it(run_cli, installed, tmp_path):
    """Xx comes from tests/plugins/refuso-toylang alone: detection knows it by its function words, its
    rules run on it with its words and months, the text report speaks its labels, and the rules for
    every language run beside them, without a note that the language is unknown."""
    text = "Za domo ke ke granda zo,, ka festo zo en Tria ka.\n"
    result = run_with(
        run_cli, installed, tmp_path, "refuso-toylang", args=("check", "--format", "json"), text=text
    )
    assert result.code == 1, result.err
    report = json.loads(result.out)
    (file_report,) = report["files"]
    assert file_report["language"] == "xx"
    assert [(f["rule"], f["column"], f["text"]) for f in file_report["findings"]] == [
        ("XXR001", text.index("ke ke") + 1, "ke ke"),
        ("PUN001", text.index(",,") + 1, ",,"),
        ("XXR002", text.index("Tria") + 1, "Tria"),
    ]
    assert report["notes"] == []
    shown = run_with(run_cli, installed, tmp_path, "refuso-toylang", args=("check",), text=text)
    assert "= provo: «ke»" in shown.out


def test_rules_and_explain_accept_a_plugins_language(run_cli, installed, tmp_path):
    env = {"PYTHONPATH": str(installed("refuso-toylang"))}
    every = json.loads(run_cli("rules", "--format", "json", env=env, cwd=tmp_path).out)
    listed = run_cli("rules", "--lang", "xx", "--format", "json", env=env, cwd=tmp_path)
    assert listed.code == 0, listed.err
    assert [r["code"] for r in json.loads(listed.out)] == [
        r["code"] for r in every if r["languages"] is None or "xx" in r["languages"]
    ]
    assert {"XXR001", "XXR002", "PUN001"} <= {r["code"] for r in json.loads(listed.out)}
    explained = run_cli("explain", "XXR001", "--lang", "xx", env=env, cwd=tmp_path)
    assert explained.code == 0, explained.err
    assert explained.out.startswith("XXR001 xx-doubled-function-word\n")
    assert "Funkcia vorto skribita duoble." in explained.out
    without = run_cli("rules", "--lang", "xx", cwd=tmp_path)
    assert without.code == 2 and "invalid choice: 'xx' (choose from 'it', 'en')" in without.err


@pytest.mark.parametrize("group", ["refuso", "console_scripts", "pytest11"])
def test_the_entry_point_scan_finds_what_importlib_metadata_finds(group):
    from importlib.metadata import entry_points

    from lint.plugins import scan_entry_points

    expected = sorted({(ep.name, ep.value) for ep in entry_points(group=group)})
    assert scan_entry_points(group) == expected
    assert group == "refuso" or expected  # the test environment installs console scripts and pytest plugins
