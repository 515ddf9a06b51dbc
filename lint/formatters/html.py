"""The HTML report: one self-contained page for editors, each article's text with its findings highlighted
in place, a summary by category and rule, and filters. No network, no outside assets."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from html import escape
from typing import IO

from lint import __version__
from lint.findings import CATEGORY_NAMES, FileResult, Finding, Problem, RunResult, Severity
from lint.formatters import OutputContext, meta_for_code
from lint.formatters.marker import GENERATOR, HTML_COMMENT
from lint.lang.en import LABELS as ENGLISH_LABELS

# Up to this many articles with findings, each opens by default; past it they start closed.
OPEN_ARTICLES_LIMIT = 10
# A rule's occurrence links are shown inline up to this many, in a collapsible list past it.
INLINE_OCCURRENCES = 12

SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)

# C0 controls (except tab and line breaks), DEL and lone surrogates are invalid or invisible in HTML;
# each becomes one replacement character, so the text keeps its length and the spans stay aligned.
_UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _text(value: object) -> str:
    """``value`` as HTML text or attribute content: escaped, quotes included."""
    return escape(_UNSAFE_CHARACTERS.sub("\ufffd", str(value)), quote=True)


def _count(labels: Mapping[str, str], key: str, n: int) -> str:
    """A "{n} article|{n} articles" label for ``n``."""
    one, _, many = labels[key].partition("|")
    return (one if n == 1 else many or one).format(n=n)


def _severity_counts(findings: Iterable[Finding], labels: Mapping[str, str]) -> str:
    """ "2 errors, 1 warning, 3 info"."""
    counts = Counter(f.severity for f in findings)
    return ", ".join(_count(labels, f"report_{s}", counts[s]) for s in SEVERITIES if counts[s])


@dataclass(frozen=True)
class _Article:
    """A checked file and the ids the page gives it and its findings."""

    index: int
    result: FileResult

    def finding_id(self, position: int) -> str:
        return f"f{self.index}-{position}"

    def mark_id(self, segment: int) -> str:
        return f"h{self.index}-{segment}"


@dataclass(frozen=True)
class _Segment:
    """A stretch of text covered by the same findings (none: plain text); ``start == end`` for a marker."""

    start: int
    end: int
    covering: tuple[int, ...]  # positions in the article's findings


def segments(length: int, spans: list[tuple[int, int]]) -> list[_Segment]:
    """Cut ``[0, length)`` at every span boundary; each piece lists the spans covering it.

    Overlapping spans split into pieces covered by several; an empty span becomes a zero-width marker
    before the text at its offset.
    """
    clamped = [(max(0, min(s, length)), max(0, min(max(s, e), length))) for s, e in spans]
    boundaries = sorted({0, length, *(s for s, _ in clamped), *(e for _, e in clamped)})
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    empty: dict[int, list[int]] = defaultdict(list)
    for position, (start, end) in enumerate(clamped):
        if start == end:
            empty[start].append(position)
        else:
            starting[start].append(position)
            ending[end].append(position)
    out: list[_Segment] = []
    active: set[int] = set()
    for here, following in zip(boundaries, [*boundaries[1:], None], strict=True):
        active.difference_update(ending[here])
        active.update(starting[here])
        if empty[here]:
            out.append(_Segment(here, here, tuple(empty[here])))
        if following is not None and following > here:
            out.append(_Segment(here, following, tuple(sorted(active))))
    return out


def _finding_details(finding: Finding, labels: Mapping[str, str]) -> str:
    """Severity, code, name, message and suggestions: the body of a tooltip entry and a list entry."""
    suggestions = ""
    if finding.suggestions:
        # An empty suggestion means: take the span out.
        quoted = ", ".join(
            f"<q>{_text(s)}</q>" if s else f"<em>{_text(labels['report_delete'])}</em>"
            for s in finding.suggestions
        )
        suggestions = f'<span class="suggestions">{_text(labels["report_suggestions"])}: {quoted}</span>'
    category = finding.category.value
    return (
        f'<span class="head"><span class="sev sev-{finding.severity}">{_text(labels.get(f"severity_{finding.severity}", finding.severity))}</span> '
        f'<span class="swatch cat-{category}" aria-hidden="true"></span>'
        f"{_text(labels.get(f'category_{category}', category))} · <code>{_text(finding.code)}</code> {_text(finding.name)}</span>"
        f'<span class="message">{_text(finding.message)}</span>{suggestions}'
    )


def _entry_attributes(article: _Article, position: int, finding: Finding) -> str:
    return (
        f'data-f="{article.finding_id(position)}" data-cat="{_text(finding.category.value)}" '
        f'data-sev="{finding.severity}"'
    )


class _Page:
    """Builds the report from a run; ``render`` yields the page in pieces."""

    def __init__(self, run: RunResult, context: OutputContext) -> None:
        self.run = run
        self.context = context
        self.articles = [_Article(i, r) for i, r in enumerate(r for r in run.files if r.checked)]
        # The page speaks the language most of its articles are in.
        spoken = Counter(a.result.language for a in self.articles if a.result.language)
        self.language = spoken.most_common(1)[0][0] if spoken else "en"
        self.labels = {**ENGLISH_LABELS, **context.labels(self.language)}
        self.with_findings = [a for a in self.articles if a.result.findings]
        # Where each finding's highlight starts, so summaries and lists can link to it.
        self.first_mark: dict[str, str] = {}
        self.article_html = [self._article(a) for a in self.with_findings]

    def render(self) -> Iterator[str]:
        findings = self.run.findings
        yield (
            f"<!DOCTYPE html>\n{HTML_COMMENT}\n"
            f'<html lang="{_text(self.language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="generator" content="{GENERATOR}">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{self.say('report_title')}: {self.say('report_in', findings=self.count('report_finding', len(findings)), articles=self.count('report_article', len(self.articles)))}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
            '<header class="page-header">\n'
            f'<h1>{self.say("report_title")}</h1>\n<p class="totals">{self._totals()}</p>\n</header>\n<main>\n'
        )
        yield self._problems()
        if findings:
            yield self._filters()
            yield self._summary()
        yield f'<section aria-labelledby="articles-title">\n<h2 id="articles-title">{self.say("report_articles")}</h2>\n'
        if not self.with_findings:
            yield f"<p>{self.say('report_no_findings')}</p>\n"
        elif len(self.with_findings) > 1:
            # Hidden until the script that runs them shows them.
            yield (
                f'<p class="article-tools"><button type="button" data-details="open" hidden>{self.say("report_open_all")}</button> '
                f'<button type="button" data-details="close" hidden>{self.say("report_close_all")}</button></p>\n'
            )
        yield from self.article_html
        yield self._clean_articles()
        yield (
            "</section>\n</main>\n"
            f"<footer><p>{self.say('report_made_by', version=__version__)}</p></footer>\n"
            f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
        )

    def say(self, key: str, **values: object) -> str:
        """The label ``key`` in the page's language, with ``values`` put in, as HTML text."""
        return _text(self.labels[key].format(**values))

    def category(self, name: str) -> str:
        return _text(self.labels.get(f"category_{name}", name))

    def count(self, key: str, n: int) -> str:
        return _text(_count(self.labels, key, n))

    def _totals(self) -> str:
        findings = self.run.findings
        parts = [
            self.count("report_checked", len(self.articles)),
            self.say("report_with_findings", n=len(self.with_findings)),
            self.count("report_finding", len(findings)),
        ]
        by_severity = _severity_counts(findings, self.labels)
        if by_severity:
            parts[-1] += f" ({by_severity})"
        errors = sum(1 for p in self.run.all_problems if p.kind == "error")
        if errors:
            parts.append(self.count("report_problem", errors))
        return " · ".join(parts)

    def _problems(self) -> str:
        problems = self.run.all_problems
        if not problems:
            return ""
        items = "".join(self._problem(p) for p in problems)
        return (
            '<section class="problems" aria-labelledby="problems-title">\n'
            f'<h2 id="problems-title">{self.say("report_problems")}</h2>\n'
            f"<p>{self.say('report_problems_intro')}</p>\n"
            f"<ul>{items}</ul>\n</section>\n"
        )

    @staticmethod
    def _problem(problem: Problem) -> str:
        origin = f" ({_text(problem.origin)})" if problem.origin else ""
        return (
            f'<li class="problem-{_text(problem.kind)}"><strong>{_text(problem.kind)}</strong> '
            f"<code>{_text(problem.where)}</code>{origin}: {_text(problem.message)}</li>"
        )

    def _filters(self) -> str:
        findings = self.run.findings
        by_category = Counter(f.category.value for f in findings)
        by_severity = Counter(f.severity for f in findings)
        categories = "".join(
            f'<label><input type="checkbox" checked data-filter="cat" value="{name}"> '
            f'<span class="swatch cat-{name}" aria-hidden="true"></span>{self.category(name)} '
            f'<span class="count">({by_category[name]})</span></label>'
            for name in CATEGORY_NAMES
            if by_category[name]
        )
        severities = "".join(
            f'<label><input type="checkbox" checked data-filter="sev" value="{severity}"> '
            f'<span class="sample sev-{severity}" aria-hidden="true">abc</span> {self.say(f"severity_{severity}")} '
            f'<span class="count">({by_severity[severity]})</span></label>'
            for severity in SEVERITIES
            if by_severity[severity]
        )
        return (
            '<section class="filters" aria-labelledby="filters-title">\n'
            f'<h2 id="filters-title">{self.say("report_show")}</h2>\n'
            f'<p class="hint">{self.say("report_hint")}</p>\n'
            f'<fieldset><legend>{self.say("report_categories")}</legend><div class="options">{categories}</div></fieldset>\n'
            f'<fieldset><legend>{self.say("report_severities")}</legend><div class="options">{severities}</div></fieldset>\n'
            "</section>\n"
        )

    def _occurrence_link(self, article: _Article, position: int, finding: Finding) -> str:
        target = self.first_mark[article.finding_id(position)]
        # With a single article, its path on every link would only be noise.
        where = (
            f"{_text(article.result.path)}:{finding.line}"
            if len(self.with_findings) > 1
            else self.say("report_line", line=finding.line)
        )
        return f'<a href="#{target}" {_entry_attributes(article, position, finding)}>{where}:{finding.column}</a>'

    def _summary(self) -> str:
        rules: dict[str, list[tuple[_Article, int, Finding]]] = defaultdict(list)
        categories: dict[str, list[tuple[_Article, int, Finding]]] = defaultdict(list)
        for article in self.with_findings:
            for position, finding in enumerate(article.result.findings):
                rules[finding.code].append((article, position, finding))
                categories[finding.category.value].append((article, position, finding))

        category_rows = []
        for name in CATEGORY_NAMES:
            if name not in categories:
                continue
            occurrences = categories[name]
            article, position, _ = occurrences[0]
            first = self.first_mark[article.finding_id(position)]
            rule_count = len({f.code for _, _, f in occurrences})
            category_rows.append(
                f'<tr data-cat="{name}"><th scope="row"><span class="swatch cat-{name}" '
                f'aria-hidden="true"></span>{self.category(name)}</th><td class="num">{len(occurrences)}</td>'
                f'<td class="num">{rule_count}</td>'
                f"<td>{_severity_counts((f for _, _, f in occurrences), self.labels)}</td>"
                f'<td><a href="#{first}">{self.say("report_first")}</a></td></tr>'
            )

        rule_rows = []
        ordered = sorted(rules.items(), key=lambda item: (-len(item[1]), item[0]))
        for code, occurrences in ordered:
            article, position, finding = occurrences[0]
            meta = meta_for_code(code, self.context.rules)
            description = meta.description_for(article.result.language) if meta else ""
            name = _text(finding.name)
            if description:
                name = f"<details><summary>{name}</summary><p>{_text(description)}</p></details>"
            links = " ".join(self._occurrence_link(a, p, f) for a, p, f in occurrences)
            if len(occurrences) > INLINE_OCCURRENCES:
                links = f"<details><summary>{self.say('report_places', n=len(occurrences))}</summary>{links}</details>"
            rule_rows.append(
                f'<tr data-cat="{_text(finding.category.value)}"><th scope="row">'
                f'<a href="#{self.first_mark[article.finding_id(position)]}"><code>{_text(code)}</code></a>'
                f'</th><td>{name}</td><td class="nowrap"><span class="swatch cat-{_text(finding.category.value)}" '
                f'aria-hidden="true"></span>{self.category(finding.category.value)}</td>'
                f"<td>{_severity_counts((f for _, _, f in occurrences), self.labels)}</td>"
                f'<td class="num">{len(occurrences)}</td><td class="places">{links}</td></tr>'
            )
        return (
            '<section class="summary" aria-labelledby="summary-title">\n'
            f'<h2 id="summary-title">{self.say("report_summary")}</h2>\n'
            f'<table class="by-category"><caption>{self.say("report_by_category")}</caption><thead><tr>'
            f"{self._headings('category', 'report_findings', 'report_rules', 'report_severities', 'report_go_to')}"
            f"</tr></thead><tbody>{''.join(category_rows)}</tbody></table>\n"
            f'<table class="by-rule"><caption>{self.say("report_by_rule")}</caption><thead><tr>'
            f"{self._headings('report_code', 'report_rule', 'category', 'report_severities', 'report_count', 'report_where')}"
            f"</tr></thead><tbody>{''.join(rule_rows)}</tbody></table>\n</section>\n"
        )

    def _headings(self, *keys: str) -> str:
        return "".join(f'<th scope="col">{self.say(key)}</th>' for key in keys)

    def _article(self, article: _Article) -> str:
        result = article.result
        findings = result.findings
        opened = " open" if len(self.with_findings) <= OPEN_ARTICLES_LIMIT else ""
        language = _text(result.language) if result.language else self.say("report_unknown_language")
        header = (
            f'<summary><span class="path">{_text(result.path)}</span> '
            f'<span class="lang">{language}</span> '
            f'<span class="counts">{self.count("report_finding", len(findings))}: {_severity_counts(findings, self.labels)}</span>'
            "</summary>"
        )
        if result.source is None:
            body = f'<p class="no-source">{self.say("report_no_source")}</p>'
            for position in range(len(findings)):
                self.first_mark[article.finding_id(position)] = f"article-{article.index}"
        else:
            body = f'<div class="text" lang="{_text(result.language or "")}">{self._text_with_marks(article)}</div>'
        entries = "".join(
            f'<li class="entry" id="{article.finding_id(p)}" {_entry_attributes(article, p, f)}>'
            f'<a href="#{self.first_mark[article.finding_id(p)]}">{self.say("report_line_column", line=f.line, column=f.column)}</a> '
            f"{_finding_details(f, self.labels)}</li>"
            for p, f in enumerate(findings)
        )
        return (
            f'<details class="article" id="article-{article.index}"{opened}>{header}\n'
            f'{body}\n<ol class="findings" aria-label="{self.say("report_findings_in", path=result.path)}">{entries}</ol>\n'
            "</details>\n"
        )

    def _text_with_marks(self, article: _Article) -> str:
        source = article.result.source or ""
        findings = article.result.findings
        out: list[str] = []
        spans = [(f.start, f.end) for f in findings]
        for number, segment in enumerate(segments(len(source), spans)):
            piece = _text(source[segment.start : segment.end])
            if not segment.covering:
                out.append(piece)
                continue
            mark_id = article.mark_id(number)
            for position in segment.covering:
                self.first_mark.setdefault(article.finding_id(position), mark_id)
            covering = [findings[p] for p in segment.covering]
            # The most severe finding colours the highlight; the script recolours it under filters.
            lead = max(covering, key=lambda f: f.severity)
            classes = f"hl cat-{lead.category.value} sev-{lead.severity}"
            if len(covering) > 1:
                classes += " multi"
            if segment.start == segment.end:
                classes += " empty"
            ids = " ".join(article.finding_id(p) for p in segment.covering)
            label = ""
            if segment.start == segment.end:
                label = f' aria-label="{self.say("report_insertion_point")}"'
            tip = "".join(
                f'<span class="entry" {_entry_attributes(article, p, findings[p])}>'
                f"{_finding_details(findings[p], self.labels)}</span>"
                for p in segment.covering
            )
            out.append(
                f'<mark id="{mark_id}" class="{classes}" tabindex="0" data-f="{ids}"{label} '
                f'aria-describedby="t{mark_id}">{piece}</mark>'
                f'<span class="tip" role="tooltip" id="t{mark_id}">{tip}</span>'
            )
        return "".join(out)

    def _clean_articles(self) -> str:
        clean = [a for a in self.articles if not a.result.findings]
        if not clean:
            return ""
        items = "".join(
            f'<li id="article-{a.index}"><span class="path">{_text(a.result.path)}</span> '
            f'<span class="lang">{_text(a.result.language) if a.result.language else self.say("report_unknown_language")}</span></li>'
            for a in clean
        )
        return (
            '<details class="clean">'
            f"<summary>{self.count('report_without_findings', len(clean))}</summary>"
            f"<ul>{items}</ul></details>\n"
        )


class HtmlFormatter:
    """``--format html``: the whole run as one page; it needs each file's text, so it asks for it."""

    name = "html"
    needs_source = True
    needs_lines = False

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        for piece in _Page(run, context).render():
            stream.write(piece)


def _asset(name: str) -> str:
    """A file of lint/formatters/assets, the report's style sheet and script, as the page embeds it."""
    from importlib.resources import files

    return "\n" + files("lint.formatters").joinpath("assets", name).read_text(encoding="utf-8")


# Ten categories, each a light background with a darker border of the same hue: dark text on the
# background keeps a contrast well above 4.5:1, and the border carries the hue for small spans.
_CATEGORY_COLOURS = {
    "punctuation": ("#ffd6d6", "#b00020"),
    "duplication": ("#ffe2c2", "#a64b00"),
    "title": ("#fff2a8", "#7a6400"),
    "name": ("#d9f2c7", "#2e6b00"),
    "mt-phrasing": ("#d6ecff", "#0b57a4"),
    "grammar": ("#e8dcff", "#5b2bb5"),
    "spelling": ("#ffd9f1", "#a3106f"),
    "typography": ("#d3f5f0", "#00695f"),
    "style": ("#e6e6e6", "#4a4a4a"),
    "consistency": ("#f3e6cf", "#6d4c1f"),
}
_CATEGORY_RULES = "".join(
    f".cat-{name}{{--bg:{background};--fg:{border}}}"
    for name, (background, border) in _CATEGORY_COLOURS.items()
)

STYLE = _asset("report.css") + _CATEGORY_RULES

# The script reads its data from the page (data-f, data-cat, data-sev), so no article text ever enters
# it and the Content-Security-Policy can pin it by hash.
SCRIPT = _asset("report.js")

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{base64.b64encode(hashlib.sha256(SCRIPT.encode('utf-8')).digest()).decode('ascii')}'; "
    "base-uri 'none'; form-action 'none'"
)
