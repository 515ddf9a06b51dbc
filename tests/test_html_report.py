"""The HTML report (``--format html``): the page it writes, and how that page behaves in a real browser
(the system Chromium, driven by Playwright)."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SEED
from lint.findings import Category, FileResult, Finding, Position, Problem, RunResult, Severity
from lint.formatters import OutputContext
from lint.formatters.html import HtmlFormatter

ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = (
    "Il il cane <script>window.__pwned = 1; alert(1)</script> e poi <img src=x onerror=alert(2)> fine.\n"
)


class _Marks(HTMLParser):
    """Collects the page's elements with attributes, and each highlight's text by finding id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, dict[str, str | None]]] = []
        self.text_of: dict[str, str] = {}
        self.marks: list[str] = []  # each highlight's data-f, in page order
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.attributes.append((tag, found))
        if tag == "mark":
            self.marks.append(found.get("data-f") or "")
            self._open = (found.get("data-f") or "").split()

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open = None

    def handle_data(self, data: str) -> None:
        for finding_id in self._open or ():
            self.text_of[finding_id] = self.text_of.get(finding_id, "") + data


def _findings(run_cli: Any, *paths: str) -> list[list[dict[str, Any]]]:
    result = run_cli("check", *paths, "--format", "json")
    assert result.code in (0, 1), result.err
    return [file["findings"] for file in json.loads(result.out)["files"]]


def _report(run_cli: Any, *paths: str, expected_code: int = 1) -> str:
    result = run_cli("check", *paths, "--format", "html")
    assert result.code == expected_code, result.err
    return result.out


def test_seed_report_is_one_self_contained_document_with_a_highlight_per_finding(run_cli: Any) -> None:
    page = _report(run_cli, str(SEED))
    (findings,) = _findings(run_cli, str(SEED))
    assert findings, "the seed should have findings"

    assert page.startswith("<!DOCTYPE html>\n")
    assert page.count("<html") == 1 and page.rstrip().endswith("</html>")
    parser = _Marks()
    parser.feed(page)
    parser.close()

    for tag, attrs in parser.attributes:
        assert "src" not in attrs, f"<{tag}> loads {attrs['src']!r}"
        href = attrs.get("href")
        assert href is None or href.startswith("#"), f"<{tag}> links outside the page: {href!r}"
        assert tag not in ("link", "iframe", "object", "embed", "img"), f"<{tag}> in the page"
    assert "http://" not in page and "https://" not in page
    policy = [a["content"] for t, a in parser.attributes if a.get("http-equiv") == "Content-Security-Policy"]
    assert len(policy) == 1 and "default-src 'none'" in (policy[0] or "")
    assert "script-src 'sha256-" in (policy[0] or "")

    # Every finding has its highlight, and the highlighted text is exactly the finding's text.
    expected = {f"f0-{i}": finding["text"] for i, finding in enumerate(findings)}
    assert parser.text_of == expected
    assert len(parser.marks) >= len(findings)


@pytest.mark.parametrize(
    ("language", "text", "labels", "no_english"),
    [
        (
            "it",
            "Il ministro ha parlato , poi è uscito dalla sala.\n",
            (
                "<title>Rapporto di refuso: 1 segnalazione in 1 articolo</title>",
                '<h2 id="articles-title">Articoli</h2>',
                "riga 1, colonna 23",
                "errore",
                "punteggiatura",
                "Suggerimenti: <em>elimina</em>",
                "1 articolo controllato",
            ),
            True,
        ),
        (
            "en",
            "The minister spoke , then he left the room at once.\n",
            (
                "<title>refuso report: 1 finding in 1 article</title>",
                '<h2 id="articles-title">Articles</h2>',
                "line 1, column 19",
                "error",
                "punctuation",
                "Suggestions: <em>delete</em>",
                "1 article checked",
            ),
            False,
        ),
    ],
)
def test_labels_are_in_the_articles_language_and_an_empty_suggestion_reads_delete(
    run_cli: Any, tmp_path: Path, language: str, text: str, labels: tuple[str, ...], no_english: bool
) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    ((finding,),) = _findings(run_cli, str(tmp_path / "a.txt"))
    assert (finding["rule"], finding["suggestions"]) == ("PUN003", [""])
    page = _report(run_cli, str(tmp_path / "a.txt"))
    assert f'<html lang="{language}">' in page
    assert [label for label in labels if label not in page] == []
    assert "<q></q>" not in page
    if no_english:
        assert [
            word for word in ("Articles", "Suggestions", "Summary", "Show", "line 1") if word in page
        ] == []


def _finding(source: str, start: int, end: int, code: str, category: Category, severity: Severity) -> Finding:
    return Finding(
        path="a.txt",
        code=code,
        name="a-name",
        category=category,
        severity=severity,
        message=f"message of {code}",
        start=start,
        end=end,
        start_position=Position(1, start + 1),
        end_position=Position(1, end + 1),
        text=source[start:end],
    )


def test_overlapping_empty_and_namespaced_findings_each_get_their_text() -> None:
    source = "Il governo <b>ha</b> deciso\nieri."
    findings = (
        _finding(source, 3, 19, "PUN001", Category.PUNCTUATION, Severity.ERROR),
        _finding(source, 11, 27, "LT:ST_03_001[1]", Category.GRAMMAR, Severity.WARNING),
        _finding(source, 14, 14, "TYP001", Category.TYPOGRAPHY, Severity.INFO),
    )
    run = RunResult(
        files=(FileResult("a.txt", "it", findings, source=source),),
        problems=(Problem("b.txt", "cannot read <b.txt>"),),
    )
    stream = io.StringIO()
    HtmlFormatter().write(run, stream, OutputContext())
    page = stream.getvalue()
    parser = _Marks()
    parser.feed(page)
    parser.close()
    assert parser.text_of == {"f0-0": source[3:19], "f0-1": source[11:27]}
    # [3,11) [11,14) the empty span's marker [14,19) [19,27)
    assert parser.marks == ["f0-0", "f0-0 f0-1", "f0-2", "f0-0 f0-1", "f0-1"]
    assert "cannot read &lt;b.txt&gt;" in page and "<b>" not in page
    assert "LT:ST_03_001[1]" in page


def test_overlapping_and_empty_spans_are_split_and_marked() -> None:
    from lint.formatters.html import segments

    pieces = [(s.start, s.end, s.covering) for s in segments(10, [(2, 6), (4, 8), (5, 5)])]
    assert pieces == [
        (0, 2, ()),
        (2, 4, (0,)),
        (4, 5, (0, 1)),
        (5, 5, (2,)),
        (5, 6, (0, 1)),
        (6, 8, (1,)),
        (8, 10, ()),
    ]


# The browser cases.


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright import sync_api

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail(
            "no chromium on PATH: the browser cases need the system Chromium (apt-get install chromium)"
        )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield launched
        launched.close()


def _open(browser: Any, html: str, path: Path) -> tuple[Any, list[str]]:
    """The page in a new tab, and the console errors it logs (a blocked script would log one)."""
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    return page, errors


def _highlighted(page: Any, finding_id: str) -> list[bool]:
    """For each highlight element of a finding: is it shown as a highlight?"""
    return page.eval_on_selector_all(
        f'mark.hl[data-f~="{finding_id}"]',
        "els => els.map(e => !e.classList.contains('off') && getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)')",
    )


def test_seed_report_in_the_browser(browser: Any, run_cli: Any, tmp_path: Path) -> None:
    (findings,) = _findings(run_cli, str(SEED))
    page, errors = _open(browser, _report(run_cli, str(SEED)), tmp_path / "seed.html")

    # Each finding is highlighted at its text.
    for i, finding in enumerate(findings):
        marks = page.locator(f'.text mark.hl[data-f~="f0-{i}"]')
        assert marks.count() >= 1, finding
        assert "".join(marks.all_text_contents()) == finding["text"]
        assert all(_highlighted(page, f"f0-{i}")), finding

    # Hovering shows the message.
    first = page.locator('.text mark.hl[data-f~="f0-0"]').first
    tip = page.locator(f"#{first.get_attribute('aria-describedby')}")
    assert tip.get_attribute("role") == "tooltip"
    assert not tip.is_visible()
    first.hover()
    assert tip.is_visible()
    assert findings[0]["message"] in tip.inner_text()
    assert findings[0]["rule"] in tip.inner_text()
    page.mouse.move(0, 0)
    assert not tip.is_visible()

    # Tabbing from one highlight to the next shows the next one's message.
    first.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.f")
    assert focused.split()[0] == "f0-1"
    second_tip = page.locator(f"#{page.evaluate('document.activeElement.getAttribute(`aria-describedby`)')}")
    assert second_tip.is_visible()
    assert findings[1]["message"] in second_tip.inner_text()
    page.keyboard.press("Escape")
    assert not second_tip.is_visible()

    # A category filter hides its highlights and list entries, and brings them back.
    category = findings[0]["category"]
    ids = [f"f0-{i}" for i, f in enumerate(findings) if f["category"] == category]
    others = [f"f0-{i}" for i, f in enumerate(findings) if f["category"] != category]
    assert ids and others
    box = page.locator(f'input[data-filter="cat"][value="{category}"]')
    box.uncheck()
    for finding_id in ids:
        assert not any(_highlighted(page, finding_id)), finding_id
        assert not page.locator(f"li#{finding_id}").is_visible()
    for finding_id in others:
        assert any(_highlighted(page, finding_id)), finding_id
    box.check()
    for finding_id in ids:
        assert all(_highlighted(page, finding_id)), finding_id
        assert page.locator(f"li#{finding_id}").is_visible()

    # So does a severity filter; a hidden highlight is also left out of the tab order.
    errors_only = [f"f0-{i}" for i, f in enumerate(findings) if f["severity"] == "error"]
    assert errors_only
    severity_box = page.locator('input[data-filter="sev"][value="error"]')
    severity_box.uncheck()
    for finding_id in errors_only:
        assert not any(_highlighted(page, finding_id)), finding_id
    hidden_mark = page.locator(f'.text mark.hl[data-f="{errors_only[0]}"]').first
    assert hidden_mark.get_attribute("tabindex") == "-1"
    hidden_mark.hover()
    assert not page.locator(f"#{hidden_mark.get_attribute('aria-describedby')}").is_visible()
    severity_box.check()
    for finding_id in errors_only:
        assert all(_highlighted(page, finding_id)), finding_id

    # A summary row's link goes to an occurrence, in view and focused (so its message shows).
    page.evaluate("window.scrollTo(0, 0)")
    link = page.locator("table.by-rule tbody tr").last.locator("th a")
    target = link.get_attribute("href")[1:]
    link.click()
    assert page.locator(f"#{target}").count() == 1
    assert page.evaluate("document.activeElement.id") == target
    assert page.locator(f"#{target}").is_visible()
    assert page.evaluate(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }",
        target,
    )

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-report-seed.png"), full_page=True)
    assert errors == []
    page.close()


def test_article_markup_is_shown_as_text_and_never_runs(browser: Any, run_cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    (findings,) = _findings(run_cli, str(article))
    assert any(f["text"].lower() == "il il" for f in findings), findings

    html = _report(run_cli, str(article))
    assert "<script>window.__pwned" not in html and "<img src=x" not in html

    html_path = tmp_path / "hostile.html"
    html_path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(html_path.as_uri())
    page.wait_for_timeout(300)

    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".text img, .text script").count() == 0
    text = page.locator(".text").first.inner_text()
    assert "<script>window.__pwned = 1; alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    # The report's own script did run (the policy lets it through by its hash), and nothing was blocked.
    assert page.locator("mark.hl").first.get_attribute("tabindex") == "0"
    assert errors == []
    page.close()


def test_two_hundred_articles_make_one_readable_page(browser: Any, run_cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(200):
        body = f"Articolo {number}. Il il governo ha deciso.\n" if number % 2 else f"Articolo {number}.\n"
        (folder / f"{number:03}.txt").write_text(body, encoding="utf-8")
    html = _report(run_cli, str(folder))
    assert len(html.encode("utf-8")) < 1_000_000

    page, errors = _open(browser, html, tmp_path / "many.html")
    articles = page.locator("details.article")
    assert articles.count() == 100
    assert page.locator("details.article[open]").count() == 0
    assert "100 articoli senza segnalazioni" in page.locator("details.clean summary").inner_text()
    assert page.locator("details.clean li").count() == 100

    # An occurrence link in the summary opens the closed article it points into.
    link = page.locator("table.by-rule td.places a").nth(10)
    target = link.get_attribute("href")[1:]
    page.locator("table.by-rule td.places details summary").first.click()
    link.click()
    assert page.evaluate("document.activeElement.id") == target
    assert page.locator("details.article[open]").count() == 1
    assert page.locator(f"#{target}").is_visible()

    page.get_by_role("button", name="Apri tutti").click()
    assert page.locator("details.article[open]").count() == 100
    page.get_by_role("button", name="Chiudi tutti").click()
    assert page.locator("details.article[open]").count() == 0
    assert errors == []
    page.close()
