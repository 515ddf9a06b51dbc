"""LanguageTool as a rule provider, against a real LanguageTool server.

The server is the one `.ci/run` starts (or, on a developer's machine, the one the first test starts
from `refuso languagetool install`). A second server with a small text limit is started here for the
size-limit and server-gone tests. Nothing about LanguageTool is mocked.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, SEED
from lint.api import Linter
from lint.cache import Cache
from lint.languagetool import DEFAULT_URL
from lint.languagetool.client import pieces, utf16_length, utf16_to_code_points
from lint.languagetool.server import healthy

EMOJI_TEXT = "😀🎉 Il ministro 🇮🇹 ha parlato. Ad un certo punto ha detto altro.\n"


@pytest.fixture(scope="session")
def languagetool_url() -> str:
    """The local LanguageTool server, started if it is installed and not running."""
    from lint.languagetool.server import LanguageToolError, ensure_running

    try:
        ensure_running(DEFAULT_URL, local=True)
    except LanguageToolError as exc:
        pytest.fail(f"these tests need a LanguageTool server: {exc}")
    return DEFAULT_URL


def _linter(tmp_path: Path, config: str = "", cache: Path | None = None) -> Linter:
    """A linter whose configuration turns LanguageTool on, with its own cache folder."""
    cfg = tmp_path / ".refuso.yaml"
    cfg.write_text("languagetool:\n  enabled: true\n" + config, encoding="utf-8")
    return Linter(load_entry_points=False, config_file=cfg, cache=Cache(cache or tmp_path / "cache"))


def _lt(result) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.text) for f in result.findings if f.code.startswith("LT:")]


def _folder(parent: Path, name: str) -> Path:
    folder = parent / name
    folder.mkdir()
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- offsets and pieces (pure functions) ------------------------------------------------------------


@given(st.text(alphabet=st.sampled_from(["a", " ", "é", "😀", "𝔸", "\n", "🇮"]), max_size=60))
def test_utf16_offsets_become_code_points(text):
    convert = utf16_to_code_points(text)
    for i in range(len(text) + 1):
        assert convert(utf16_length(text[:i])) == i


def test_pieces_cover_the_text_and_cut_between_paragraphs():
    paragraph = "Una frase di prova che parla di politica estera. " * 6
    text = "\n\n".join([paragraph] * 20)
    parts = list(pieces(text, 1000))
    assert len(parts) > 1
    assert "".join(p for _, p in parts) == text
    assert all(text[offset : offset + len(p)] == p for offset, p in parts)
    assert all(utf16_length(p) <= 1000 for _, p in parts)
    assert all(p.endswith("\n\n") for _, p in parts[:-1])  # cut after a paragraph


def test_a_paragraph_longer_than_the_limit_is_cut_between_sentences():
    text = "Il ministro ha parlato a lungo. " * 100
    parts = list(pieces(text, 500))
    assert "".join(p for _, p in parts) == text
    assert all(p.endswith(". ") for _, p in parts)


# -- findings -----------------------------------------------------------------------------------------


def test_seed_ad_un_is_reported_with_refusos_own_findings(run_cli, languagetool_url):
    done = run_cli("check", "--languagetool", "--format", "json", str(SEED))
    assert done.code == 1, done.err
    findings = json.loads(done.out)["files"][0]["findings"]
    by_code = {(f["rule"], f["line"], f["column"]): f for f in findings}
    ad_un = by_code[("LT:ST_03_001[1]", 9, 127)]
    assert ad_un["text"] == "ad un"
    assert ad_un["category"] == "grammar"
    assert ad_un["suggestions"][0] == "a un"
    # refuso's own findings are still there, next to LanguageTool's.
    assert ("MTP002", 9, 311) in by_code
    assert ("DUP003", 10, 29) in by_code
    # Names the knowledge base knows are not misspellings; a wrong one is refuso's, once.
    spelled = [f for f in findings if f["rule"].startswith("LT:MORFOLOGIK")]
    assert not any(f["text"] in {"Blinken", "Anthony", "Zhelensky"} for f in spelled)


def test_column_is_right_after_characters_outside_the_basic_plane(tmp_path, languagetool_url):
    result = _linter(tmp_path).check_text(EMOJI_TEXT, path="a.txt", language="it")
    assert _lt(result) == [("LT:ST_03_001[1]", 1, 31, "Ad un")]
    # The same error on a later line, after more emoji.
    text = "🎉🎉🎉\n👍🏽 Oggi. Ad un certo punto 😀 ha detto altro.\n"
    result = _linter(tmp_path).check_text(text, path="b.txt", language="it")
    assert _lt(result) == [("LT:ST_03_001[1]", 2, 10, "Ad un")]


def test_english_text_is_checked_as_english(tmp_path, languagetool_url):
    result = _linter(tmp_path).check_text("She go to school every day.\n", path="a.txt", language="en")
    codes = [code for code, *_ in _lt(result)]
    assert len(codes) == 1 and codes[0].startswith("LT:"), codes
    assert result.findings[0].text == "go"


TEXT = "Il ministro ha parlato ad un giornalista. La caza è grande.\n"


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (None, (), {"LT:ST_03_001[1]", "LT:MORFOLOGIK_RULE_IT_IT"}),
        (("LT:ST_03_001",), (), {"LT:ST_03_001[1]"}),
        (("LT",), ("LT:MORFOLOGIK_RULE_IT_IT",), {"LT:ST_03_001[1]"}),
        (None, ("spelling",), {"LT:ST_03_001[1]"}),
        (("spelling",), (), {"LT:MORFOLOGIK_RULE_IT_IT"}),
        (None, ("LT",), set()),
        (("PUN",), (), set()),
    ],
)
def test_select_and_ignore_work_on_languagetool_codes(tmp_path, languagetool_url, select, ignore, expected):
    config = ""
    if select is not None:
        config += f"select: {json.dumps(list(select))}\n"
    if ignore:
        config += f"ignore: {json.dumps(list(ignore))}\n"
    result = _linter(tmp_path, config).check_text(TEXT, path="a.txt", language="it")
    assert {code for code, *_ in _lt(result)} == expected
    assert not result.problems


def test_suppression_comments_work_on_languagetool_codes(tmp_path, languagetool_url):
    text = "refuso: disable-next-line LT:ST_03_001\n" + TEXT + "refuso: disable LT\n" + TEXT
    result = _linter(tmp_path).check_text(text, path="a.txt", language="it")
    assert _lt(result) == [("LT:MORFOLOGIK_RULE_IT_IT", 2, 46, "caza")]
    assert not [f for f in result.findings if f.code == "STY001"]  # LT codes are known selectors


def test_a_span_refuso_reports_for_the_same_reason_is_reported_once(tmp_path, languagetool_url):
    text = "Il il cane è qui. Fine. . Poi\nIl documento  dice.\n"
    both = _linter(tmp_path).check_text(text, path="a.txt", language="it")
    assert {f.code for f in both.findings} == {"DUP001", "PUN001", "TYP001"}
    # LanguageTool alone does report those spans: the finding was dropped, not missed.
    alone = _linter(tmp_path, "select: [LT]\n").check_text(text, path="a.txt", language="it")
    assert {(line, column) for _, line, column, _ in _lt(alone)} >= {(1, 1), (2, 13)}


def test_severity_can_be_set_for_one_languagetool_code(tmp_path, languagetool_url):
    def severities(config: str) -> dict[str, str]:
        result = _linter(_folder(tmp_path, str(len(config))), config).check_text(
            TEXT, path="a.txt", language="it"
        )
        return {f.code: str(f.severity) for f in result.findings if f.code.startswith("LT:")}

    # Both are infos by refuso's mapping (the euphonic d is a matter of house style); either can be
    # raised to a warning, a group by its id.
    assert severities("") == {"LT:ST_03_001[1]": "info", "LT:MORFOLOGIK_RULE_IT_IT": "info"}
    config = 'rules:\n  "LT:ST_03_001": {severity: warning}\n'
    assert severities(config) == {"LT:ST_03_001[1]": "warning", "LT:MORFOLOGIK_RULE_IT_IT": "info"}


def test_only_rules_measured_as_precise_are_warnings(tmp_path, languagetool_url):
    text = "She bought a apple and dozens of books. Organisers ask to everybody to wait.\n"
    result = _linter(tmp_path).check_text(text, path="a.txt", language="en")
    loud = {
        (f.code.split("[")[0], f.text)
        for f in result.findings
        if f.code.startswith("LT:") and str(f.severity) == "warning"
    }
    assert ("LT:EN_A_VS_AN", "a") in loud
    assert all(code.removeprefix("LT:") in {"EN_A_VS_AN", "CD_DOZENS_OF", "ASK_TO"} for code, _ in loud)
    # A capitalised word is not reported as a misspelling; a lower-case one is an info.
    spelled = _linter(tmp_path).check_text(
        "Il ministro Xqzwyk ha detto che la caza è grande.\n", path="b.txt", language="it"
    )
    spelling = {(f.text, str(f.severity)) for f in spelled.findings if "MORFOLOGIK" in f.code}
    assert spelling == {("caza", "info")}


def test_the_matched_word_is_quoted_as_the_language_quotes(tmp_path, languagetool_url):
    italian = _linter(tmp_path).check_text("La caza è grande.\n", path="a.txt", language="it")
    english = _linter(tmp_path).check_text("The tabel is big.\n", path="b.txt", language="en")
    assert [f.message[:8] for f in italian.findings if "MORFOLOGIK" in f.code] == ["«caza»: "]
    assert [f.message[:9] for f in english.findings if "MORFOLOGIK" in f.code] == ["“tabel”: "]


def test_options_for_one_languagetool_code_are_an_error(tmp_path, run_cli):
    (tmp_path / ".refuso.yaml").write_text('rules:\n  "LT:ST_03_001":\n    options: {x: 1}\n')
    (tmp_path / "a.txt").write_text("Ciao.\n")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2
    assert "rules.LT:ST_03_001: only a severity can be set for one LT: code" in done.err


# -- the cache ----------------------------------------------------------------------------------------


def test_answers_are_cached_on_disk_by_text_and_settings(tmp_path, languagetool_url):
    cache = tmp_path / "shared-cache"
    first = _linter(_folder(tmp_path, "a"), cache=cache)
    result = first.check_text(TEXT, path="a.txt", language="it")
    service = first.languagetool_for(first.finder.for_directory(tmp_path / "a"))
    assert service.requests == 1
    # A new process (a new linter) with the same cache: no request, the same findings.
    second = _linter(_folder(tmp_path, "b"), cache=cache)
    again = second.check_text(TEXT, path="a.txt", language="it")
    assert second.languagetool_for(second.finder.for_directory(tmp_path / "b")).requests == 0
    assert _lt(again) == _lt(result)
    # Other LanguageTool settings are another answer.
    third = _linter(_folder(tmp_path, "c"), "  disabled_rules: [MORFOLOGIK_RULE_IT_IT]\n", cache=cache)
    other = third.check_text(TEXT, path="a.txt", language="it")
    assert third.languagetool_for(third.finder.for_directory(tmp_path / "c")).requests == 1
    assert {code for code, *_ in _lt(other)} == {"LT:ST_03_001[1]"}


# -- failures -----------------------------------------------------------------------------------------


def test_no_server_at_a_remote_url_is_an_error_naming_the_file(tmp_path, run_cli):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    port = _free_port()
    (tmp_path / ".refuso.yaml").write_text(
        f"languagetool:\n  enabled: true\n  url: http://127.0.0.1:{port}\n  autostart: false\n"
    )
    done = run_cli("check", "article.txt", cwd=tmp_path)
    assert done.code == 2
    assert (
        f"article.txt: not checked by LanguageTool: no LanguageTool server answers at http://127.0.0.1:{port}"
        in done.err
    )
    assert "MTP" not in done.err and "Traceback" not in done.err


def test_not_installed_says_how_to_install(tmp_path, run_cli):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    port = _free_port()
    env = {"REFUSO_LANGUAGETOOL_HOME": str(tmp_path / "empty")}
    done = run_cli(
        "check",
        "--languagetool",
        f"--languagetool-url=http://127.0.0.1:{port}",
        "article.txt",
        cwd=tmp_path,
        env=env,
    )
    assert done.code == 2
    assert "LanguageTool is not installed: run `refuso languagetool install`" in done.err


def test_a_slow_answer_is_reported_not_waited_for(tmp_path, languagetool_url):
    linter = _linter(tmp_path, "  timeout: 0.001\n")
    result = linter.check_text(TEXT * 200, path="slow.txt", language="it")
    assert [p.message for p in result.problems] == [
        f"not checked by LanguageTool: LanguageTool at {DEFAULT_URL} did not answer within 0.001 s "
        "(languagetool.timeout); raise the timeout or check the server's load"
    ]


def _stop_server(port: int) -> None:
    """Stop the server refuso started on ``port``, and fail when one still answers there."""
    subprocess.run(
        [sys.executable, "-m", "lint", "languagetool", "stop", "--port", str(port)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert not healthy(f"http://127.0.0.1:{port}"), f"a LanguageTool server still answers on port {port}"


@pytest.fixture(scope="module")
def small_server(request):
    """A second real server that refuses texts over 1,000 characters. It is stopped when the module
    ends, whatever happened: also when starting it failed or timed out half way, and after the test
    that lets refuso start it again."""
    port = _free_port()
    request.addfinalizer(lambda: _stop_server(port))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "lint",
            "languagetool",
            "serve",
            "--detach",
            "--port",
            str(port),
            "--max-text-length",
            "1000",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return f"http://127.0.0.1:{port}", port


def test_a_text_over_the_servers_limit_is_sent_in_paragraphs(tmp_path, small_server):
    url, _ = small_server
    filler = "Il ministro ha parlato con i giornalisti della situazione. " * 5 + "\n\n"
    text = filler * 8 + "Lo ha detto ad un giornalista.\n"
    linter = _linter(tmp_path, f"  url: {url}\n  autostart: false\n")
    result = linter.check_text(text, path="long.txt", language="it")
    assert not result.problems
    assert _lt(result) == [("LT:ST_03_001[1]", 17, 13, "ad un")]


def test_a_server_gone_mid_run_is_reported_and_a_local_one_restarted(tmp_path, small_server, run_cli):
    url, port = small_server
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    fixed = _linter(_folder(tmp_path, "fixed"), f"  url: {url}\n  autostart: false\n")
    assert _lt(fixed.check_text(TEXT, path="a.txt", language="it"))
    stopped = subprocess.run(
        [sys.executable, "-m", "lint", "languagetool", "stop", "--port", str(port)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert stopped.returncode == 0 and "stopped" in stopped.stderr
    gone = fixed.check_text(TEXT + "Altro.\n", path="b.txt", language="it")
    assert len(gone.problems) == 1
    assert gone.problems[0].message.startswith(
        f"not checked by LanguageTool: LanguageTool at {url} stopped answering"
    )
    # The next file fails at once with the same reason instead of waiting again.
    later = fixed.check_text(TEXT + "Ancora.\n", path="c.txt", language="it")
    assert "this file and the rest were not checked" in later.problems[0].message
    # With autostart (the default for a url on this machine) the server is started again.
    restarting = _linter(_folder(tmp_path, "auto"), f"  url: {url}\n")
    result = restarting.check_text(TEXT + "Di nuovo.\n", path="d.txt", language="it")
    assert not result.problems
    assert ("LT:ST_03_001[1]", 1, 24, "ad un") in _lt(result)


# -- configuration and commands ---------------------------------------------------------------------


def test_an_unknown_languagetool_setting_names_the_file_and_line(tmp_path, run_cli):
    (tmp_path / ".refuso.yaml").write_text("select: [ALL]\nlanguagetool:\n  enabled: true\n  levle: picky\n")
    (tmp_path / "a.txt").write_text("Ciao.\n")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2
    assert ".refuso.yaml:4" in done.err and "levle" in done.err


def test_status_install_and_stop(run_cli, languagetool_url, tmp_path):
    status = run_cli("languagetool", "status")
    assert status.code == 0, status.err
    assert f"server:     {DEFAULT_URL} answers (LanguageTool 6.8" in status.out
    install = run_cli("languagetool", "install")
    assert install.code == 0
    assert "is already installed" in install.err
    nothing = run_cli("languagetool", "status", "--url", f"http://127.0.0.1:{_free_port()}")
    assert nothing.code == 1 and "nothing answers" in nothing.out
    stop = run_cli("languagetool", "stop", "--port", str(_free_port()))
    assert stop.code == 0 and "no LanguageTool server started by refuso" in stop.err


def test_install_without_maven_says_what_to_install(run_cli, tmp_path):
    import shutil

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = shutil.which("java")
    assert java is not None
    (bin_dir / "java").symlink_to(os.path.realpath(java))
    env = {"PATH": str(bin_dir), "REFUSO_LANGUAGETOOL_HOME": str(tmp_path / "home")}
    done = run_cli("languagetool", "install", env=env)
    assert done.code == 2
    assert "needs Maven (`mvn`), which is not on PATH" in done.err
    (bin_dir / "java").unlink()
    done = run_cli("languagetool", "install", env=env)
    assert done.code == 2
    assert "LanguageTool needs Java 17 or newer, and `java` is not on PATH" in done.err


# -- enabled: auto (the default) ----------------------------------------------------------------------

AUTO = {"REFUSO_LANGUAGETOOL": "auto", "CI": ""}
NOT_INSTALLED_NOTE = "refuso: note: LanguageTool is not installed, so this run checked without LanguageTool"


def test_auto_without_languagetool_notes_it_once_and_checks_without_it(tmp_path, run_cli):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    env = {**AUTO, "REFUSO_LANGUAGETOOL_HOME": str(tmp_path / "empty")}
    url = f"--languagetool-url=http://127.0.0.1:{_free_port()}"
    for output in ("concise", "json"):
        done = run_cli(
            "check", url, "--format", output, "--jobs", "2", "a.txt", "b.txt", cwd=tmp_path, env=env
        )
        assert done.code == 0, done.err
        assert done.err.count("refuso: note:") == 1 and done.err.startswith(NOT_INSTALLED_NOTE)
        assert "`refuso languagetool install`" in done.err
        assert "LT:" not in done.out
    # Not in the machine-readable report: the note is about the run, not about a file.
    assert json.loads(done.out)["notes"] == []
    # A run that leaves LanguageTool's rule out does not look for it, and says nothing.
    quiet = run_cli("check", url, "--select", "PUN", "a.txt", cwd=tmp_path, env=env)
    assert quiet.code == 0 and quiet.err == ""
    # enabled: false is silent; enabled: true without LanguageTool stays an error.
    off = run_cli("check", url, "--no-languagetool", "a.txt", cwd=tmp_path, env=env)
    assert off.code == 0 and off.err == ""
    on = run_cli("check", url, "--languagetool", "a.txt", cwd=tmp_path, env=env)
    assert on.code == 2 and "LanguageTool is not installed: run `refuso languagetool install`" in on.err


def test_auto_is_the_default_and_uses_a_server_that_answers(tmp_path, run_cli, languagetool_url):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    env = {"REFUSO_LANGUAGETOOL": "", "REFUSO_LANGUAGETOOL_HOME": str(tmp_path / "empty"), "CI": "1"}
    done = run_cli("check", "--format", "concise", "a.txt", cwd=tmp_path, env=env)
    assert "LT:ST_03_001[1]" in done.out, done.err
    assert "note" not in done.err


def test_auto_in_ci_starts_no_server(tmp_path, run_cli):
    from lint.languagetool.server import healthy

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    url = f"http://127.0.0.1:{_free_port()}"
    done = run_cli("check", f"--languagetool-url={url}", "a.txt", cwd=tmp_path, env={**AUTO, "CI": "true"})
    assert done.code == 0, done.err
    assert f"no LanguageTool server answers at {url}, and in CI refuso starts none" in done.err
    assert "`refuso languagetool serve --detach`" in done.err
    assert not healthy(url)


def test_auto_outside_ci_starts_a_local_server_on_demand(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    port = _free_port()
    try:
        done = run_cli(
            "check", f"--languagetool-url=http://127.0.0.1:{port}", "a.txt", cwd=tmp_path, env=AUTO
        )
        assert done.code == 0, done.err
        assert "starting a local LanguageTool server" in done.err
        assert "LT:ST_03_001[1]" in done.out
    finally:
        run_cli("languagetool", "stop", "--port", str(port))


@pytest.mark.parametrize(
    ("config", "env", "mode"),
    [
        ("", {}, "auto"),
        ("languagetool:\n  enabled: auto\n", {"REFUSO_LANGUAGETOOL": "off"}, "auto"),
        ("languagetool:\n  enabled: true\n", {"REFUSO_LANGUAGETOOL": "off"}, "on"),
        ("languagetool:\n  enabled: false\n", {"REFUSO_LANGUAGETOOL": "on"}, "off"),
        ("", {"REFUSO_LANGUAGETOOL": "OFF"}, "off"),
        ("", {"REFUSO_LANGUAGETOOL": "on"}, "on"),
    ],
)
def test_the_configuration_wins_over_the_environment_default(tmp_path, monkeypatch, config, env, mode):
    from lint.languagetool import LanguageToolSettings

    monkeypatch.delenv("REFUSO_LANGUAGETOOL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    (tmp_path / ".refuso.yaml").write_text(config or "select: [ALL]\n", encoding="utf-8")
    linter = Linter(load_entry_points=False, config_file=tmp_path / ".refuso.yaml", cache=Cache(None))
    settings = linter.finder.for_directory(tmp_path)
    assert LanguageToolSettings.from_mapping(settings.sections.get("languagetool")).mode == mode


def test_a_wrong_enabled_value_names_the_file_and_the_environment_variable(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text("Ciao.\n")
    (tmp_path / ".refuso.yaml").write_text("languagetool:\n  enabled: maybe\n")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2 and ".refuso.yaml:2" in done.err and "Traceback" not in done.err
    (tmp_path / ".refuso.yaml").unlink()
    done = run_cli("check", "a.txt", cwd=tmp_path, env={"REFUSO_LANGUAGETOOL": "sometimes"})
    assert (
        done.code == 2 and "$REFUSO_LANGUAGETOOL is 'sometimes'" in done.err and "Traceback" not in done.err
    )


def test_stop_without_a_port_finds_a_server_a_run_started_on_another_port(tmp_path, run_cli):
    import shutil

    from lint.languagetool.install import MANIFEST, installation
    from lint.languagetool.server import healthy

    found = installation()
    assert found is not None, "LanguageTool is not installed: run `refuso languagetool install`"
    # A LanguageTool home of its own sharing the installed jars, so that its record of running servers
    # holds only the one this test starts (never the server other runs share).
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(found.folder / MANIFEST, home / MANIFEST)
    (home / "libs").symlink_to(found.folder / "libs")
    env = {"REFUSO_LANGUAGETOOL_HOME": str(home)}
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    try:
        checked = run_cli(
            "check",
            "--languagetool",
            f"--languagetool-url={url}",
            "--format",
            "concise",
            "article.txt",
            cwd=tmp_path,
            env=env,
        )
        assert checked.code in (0, 1) and "LT:" in checked.out, checked.err
        assert healthy(url), "the run did not leave its server running"
        elsewhere = _folder(tmp_path, "elsewhere")  # no configuration naming the port
        stopped = run_cli("languagetool", "stop", cwd=elsewhere, env=env)
        assert (stopped.code, stopped.err) == (0, f"stopped the LanguageTool server on port {port}\n")
        assert not healthy(url)
        again = run_cli("languagetool", "stop", cwd=elsewhere, env=env)
        assert again.code == 0 and "no LanguageTool server started by refuso is running" in again.err
    finally:
        run_cli("languagetool", "stop", "--port", str(port), env=env)


def test_a_word_the_vocabulary_accepts_is_no_misspelling(tmp_path, languagetool_url):
    (tmp_path / "words.txt").write_text("# house words\ncaza\n", encoding="utf-8")
    plain = _linter(_folder(tmp_path, "plain")).check_text(TEXT, path="a.txt", language="it")
    assert "LT:MORFOLOGIK_RULE_IT_IT" in {code for code, *_ in _lt(plain)}
    for name, config in (
        ("list", "vocabulary: {accept: [Caza]}\n"),
        ("file", "vocabulary: {accept-file: [../words.txt]}\n"),
    ):
        # "Caza" has a capital, so it accepts only "Caza": "caza" is still reported.
        accepted = _linter(_folder(tmp_path, name), config).check_text(TEXT, path="a.txt", language="it")
        codes = {code for code, *_ in _lt(accepted)}
        assert ("LT:MORFOLOGIK_RULE_IT_IT" in codes) == (name == "list"), name
    lower = _linter(_folder(tmp_path, "lower"), "vocabulary: {accept: [CAZA, caza]}\n")
    assert {code for code, *_ in _lt(lower.check_text(TEXT, path="a.txt", language="it"))} == {
        "LT:ST_03_001[1]"
    }
