"""Running the selected rules over a document and turning their matches into findings.

A rule that raises or times out is reported as a problem naming the rule and its plugin; its findings
so far are kept and the other rules still run. A namespace rule's findings (LanguageTool's ``LT:…``)
are selected by their own codes and dropped where refuso's own rules report the same span.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from lint import selection
from lint.config import Settings
from lint.document import Directive, Document
from lint.engine.options import DEFAULT_OPTIONS, EngineOptions
from lint.engine.scopes import ScopeIndex
from lint.findings import Category, Edit, FileResult, Finding, Fix, Problem, Severity
from lint.lang import Languages
from lint.rules import CheckContext, Match, Rule, RuleSet
from lint.suppression import Suppressions, unknown_selectors

SUPPRESSION_RULE = "STY001"
LANGUAGETOOL_RULE = "LT"
# A namespace rule's finding is dropped where refuso's own rules report the same span for the same
# reason: same category, or a misspelling where refuso reports a misspelled name or a wrong title.
_SAME_REASON = {
    Category.SPELLING: {
        Category.SPELLING,
        Category.NAME,
        Category.TITLE,
        Category.CONSISTENCY,
        Category.MT_PHRASING,
    },
    Category.DUPLICATION: {Category.DUPLICATION},
    Category.PUNCTUATION: {Category.PUNCTUATION, Category.TYPOGRAPHY},
    Category.TYPOGRAPHY: {Category.TYPOGRAPHY, Category.PUNCTUATION},
}


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]


def regex_timeout(settings: Settings, text_length: int) -> float:
    if settings.regex_timeout is not None:
        return float(settings.regex_timeout)
    return 2.0 + text_length / 1_000_000


class RuleRunner:
    """The active rules of one configuration (selected, with their severities and options), run over
    documents: findings, namespaced findings, suppression."""

    def __init__(
        self,
        rules: RuleSet,
        settings: Settings,
        knowledge: Any = None,
        languagetool: Any = None,
        options: EngineOptions = DEFAULT_OPTIONS,
        languages: Languages | None = None,
    ) -> None:
        self.rules = rules
        self.registered = languages if languages is not None else Languages(())
        self.settings = settings
        self.knowledge = knowledge  # a callable returning the compiled KB, or None
        self.languagetool = languagetool  # the LanguageTool service, when LanguageTool is on
        self.options = options
        metas = rules.metas()
        self.enabled = selection.resolve(
            metas,
            select=settings.select,
            ignore=settings.ignore,
            extend_select=settings.extend_select,
            preview=settings.preview,
        )
        active: list[ActiveRule] = []
        for rule in rules:
            meta = rule.meta
            if meta.code not in self.enabled:
                continue
            if meta.code == LANGUAGETOOL_RULE and languagetool is None:
                continue  # LanguageTool runs only when it is turned on
            configured = settings.rules.get(meta.code) or next(
                (settings.rules[n] for n in meta.all_names if n in settings.rules), None
            )
            rule_options = dict(meta.options)
            severity = meta.severity
            if configured is not None:
                rule_options.update(configured.options)
                severity = configured.severity or severity
            active.append(ActiveRule(rule, severity, MappingProxyType(rule_options)))
        self.active: tuple[ActiveRule, ...] = tuple(active)
        # The languages some rule is written for; text in any other gets only the rules for every language.
        self.languages = frozenset(lang for meta in metas for lang in (meta.languages or ()))
        self._plans: dict[str | None, list[tuple[ActiveRule, CheckContext]]] = {}

    def prepare(self) -> None:
        """Do now the work rules would do lazily on the first document (compiling patterns, loading
        the knowledge base), so that worker processes inherit it and problems are reported once."""
        if self.knowledge is not None and any(getattr(a.rule, "uses_knowledge", False) for a in self.active):
            self.knowledge()
        for active in self.active:
            prepare = getattr(active.rule, "prepare", None)
            if callable(prepare):
                prepare()

    def run(self, document: Document) -> FileResult:
        """Every active rule on a document: its findings, suppressed and ordered, and the problems met."""
        timings: dict[str, list[float]] | None = {} if self.options.timings else None
        findings, problems = self.findings(document, timings)
        findings = self.suppress(findings, document.directives)
        findings.extend(self.directive_findings(document))
        found = ordered(findings)
        # Each line's text once, however many findings it has (a long line may have thousands).
        lines = (
            {n: document.lines.line_text(n) for n in dict.fromkeys(f.line for f in found)}
            if self.options.keep_lines
            else {}
        )
        return FileResult(
            document.path,
            document.language,
            found,
            tuple(problems),
            lines=lines,
            source=document.source if self.options.keep_sources else None,
            encoding=document.encoding,
            bom=document.bom,
            timings=frozen_timings(timings) if timings is not None else {},
        )

    def findings(
        self, document: Document, timings: dict[str, list[float]] | None = None
    ) -> tuple[list[Finding], list[Problem]]:
        """The active rules' findings on a document (not yet suppressed), and the problems met.
        ``timings``, when given, gets for each rule that ran [seconds, findings], added to what it holds."""
        findings: list[Finding] = []
        problems: list[Problem] = list(document.problems)
        timeout = regex_timeout(self.settings, len(document.prose.text))
        scopes = ScopeIndex(document)
        if document.language not in self.languages:
            # Rules for no language of their own (punctuation, typography) still run: say what did not.
            problems.append(
                Problem(
                    document.path,
                    f"language {document.language} is not supported: only language-independent rules ran "
                    f"(refuso's rules know {', '.join(sorted(self.languages))})",
                    kind="note",
                )
            )
        for active, context in self._plan(document.language, timeout):
            rule = active.rule
            meta = rule.meta
            started = time.perf_counter()
            before = len(findings)
            try:
                for match in rule.check(document, context):
                    if not scopes.allows(meta.scope, match):
                        continue
                    findings.append(self._finding(document, active, match))
                # An outside plugin's Python rule cannot be stopped safely: when it overruns, say so
                # instead of hiding where the time went. A note, not an error: its findings are complete.
                # (refuso's own rules may load the knowledge base on the first document; LanguageTool
                # has its own timeout.)
                elapsed = time.perf_counter() - started
                if elapsed > timeout and meta.plugin != "refuso" and meta.code != LANGUAGETOOL_RULE:
                    problems.append(
                        Problem(
                            document.path,
                            f"rule {meta.code} ({meta.name}) from plugin {meta.plugin!r} took {elapsed:.1f} s, "
                            f"longer than the {timeout:g} s a rule may take (regex-timeout); it was not stopped",
                            kind="note",
                            origin=meta.code,
                        )
                    )
            except TimeoutError:
                problems.append(
                    Problem(
                        document.path,
                        f"rule {meta.code} ({meta.name}) from plugin {meta.plugin!r} took longer than {timeout:g} s "
                        "and was stopped; its findings for this file may be incomplete",
                        origin=meta.code,
                    )
                )
            except _BadMatch as exc:
                problems.append(
                    Problem(
                        document.path,
                        f"rule {meta.code} ({meta.name}) from plugin {meta.plugin!r} returned a finding outside the "
                        f"document ({exc}); it was dropped",
                        origin=meta.code,
                    )
                )
            except Exception as exc:
                if meta.code == LANGUAGETOOL_RULE and type(exc).__module__.startswith("lint.languagetool"):
                    message = f"not checked by LanguageTool: {exc}"
                else:
                    message = f"rule {meta.code} ({meta.name}) from plugin {meta.plugin!r} failed: {type(exc).__name__}: {exc}"
                problems.append(Problem(document.path, message, origin=meta.code))
            if timings is not None:
                spent = timings.setdefault(meta.code, [0.0, 0])
                spent[0] += time.perf_counter() - started
                spent[1] += len(findings) - before
        if any(self.rules.get(f.code) is None for f in findings):
            findings = self._namespaced(findings)
        if sum(f.entry is not None for f in findings) > 1:
            findings = one_entry_per_span(findings)
        return findings, problems

    def _plan(self, language: str | None, timeout: float) -> list[tuple[ActiveRule, CheckContext]]:
        """The rules that run on a document in ``language``, each with its check context: worked out
        once per language; each document only sets its own timeout (it follows the text's length)."""
        plan = self._plans.get(language)
        if plan is None:
            registered = self.registered.get(language or "")
            plan = self._plans[language] = [
                (
                    active,
                    CheckContext(
                        active.options,
                        timeout=timeout,
                        knowledge=self.knowledge,
                        languagetool=self.languagetool,
                        language=registered,
                        languages=self.registered,
                        vocabulary=self.settings.vocabulary,
                    ),
                )
                for active in self.active
                if active.rule.meta.applies_to(language) and active.rule.meta.code != SUPPRESSION_RULE
            ]
        if plan and plan[0][1].timeout != timeout:
            plan = [(active, _with_timeout(context, timeout)) for active, context in plan]
        return plan

    def _finding(self, document: Document, active: ActiveRule, match: Match) -> Finding:
        prose = document.prose
        meta = active.rule.meta
        if not isinstance(match, Match):
            raise _BadMatch(f"expected a Match, got {type(match).__name__}")
        if not (0 <= match.start <= match.end <= len(prose.text)):
            raise _BadMatch(f"span {match.start}..{match.end}, text length {len(prose.text)}")
        start = prose.to_source(match.start)
        end = prose.end_to_source(match.end) if match.end > match.start else start
        end = max(start, end)
        text = document.source[start:end]
        args = _Defaults(match.args)
        args.setdefault("match", prose.text[match.start : match.end])
        if match.suggestions:
            args.setdefault("suggestion", match.suggestions[0])
            args.setdefault("suggestions", ", ".join(match.suggestions))
        if match.message is not None:
            message = match.message
        else:
            try:
                template = meta.message_for(document.language, match.template)
            except KeyError as exc:
                raise _BadMatch(exc.args[0]) from None
            try:
                message = template.format_map(args)
            except (ValueError, IndexError, AttributeError):
                message = template
        fix = None
        if (
            match.replacement is not None
            and meta.fix is not None
            and prose.is_verbatim(match.start, match.end)
        ):
            fix = Fix((Edit(start, end, match.replacement),), meta.fix)
        severity = active.severity if match.severity is None else min(active.severity, match.severity)
        code, name, category = meta.code, meta.name, meta.category
        if meta.namespace and match.code:
            if not match.code.startswith(meta.code + ":"):
                raise _BadMatch(f"code {match.code!r} is outside the rule's namespace {meta.code}:")
            code, name, category = match.code, match.name or meta.name, match.category or meta.category
        return Finding(
            path=document.path,
            code=code,
            name=name,
            category=category,
            severity=severity,
            message=message,
            start=start,
            end=end,
            start_position=document.position(start),
            end_position=document.position(end),
            text=text,
            suggestions=tuple(match.suggestions),
            fix=fix,
            source=meta.plugin,
            entry=match.entry,
        )

    def _namespaced(self, findings: list[Finding]) -> list[Finding]:
        """Select each namespace rule's finding by its own code, and drop those a refuso rule already
        reports for the same span and reason."""
        settings = self.settings
        own = [f for f in findings if self.rules.get(f.code) is not None]
        kept = list(own)
        chosen: dict[tuple[str, str, Category], bool] = {}
        for f in findings:
            if self.rules.get(f.code) is not None:
                continue
            key = (f.code, f.name, f.category)
            if key not in chosen:
                chosen[key] = selection.finding_selected(
                    finding_meta(self.rules, f),
                    select=settings.select,
                    ignore=settings.ignore,
                    extend_select=settings.extend_select,
                )
            if not chosen[key]:
                continue
            severity = self._namespaced_severity(f.code)
            if severity is not None and severity != f.severity:
                f = replace(f, severity=severity)
            reasons = _SAME_REASON.get(f.category, {f.category})
            if any(
                o.category in reasons
                and o.start < max(f.end, f.start + 1)
                and f.start < max(o.end, o.start + 1)
                for o in own
            ):
                continue
            kept.append(f)
        return kept

    def _namespaced_severity(self, code: str) -> Severity | None:
        """The severity configured for a namespace code: ``rules: {"LT:ID[1]": …}``, else for its
        group ``LT:ID``."""
        rules = self.settings.rules
        for key in (code, code.split("[", 1)[0]):
            configured = rules.get(key)
            if configured is not None and configured.severity is not None:
                return configured.severity
        return None

    def suppress(self, findings: list[Finding], directives: Sequence[Directive]) -> list[Finding]:
        """The findings no suppression directive silences."""
        if not directives:
            return findings
        suppressions = Suppressions(directives)
        return [f for f in findings if not suppressions.suppresses(f, finding_meta(self.rules, f))]

    def directive_findings(self, document: Document) -> list[Finding]:
        """STY001 at each selector of a suppression comment that names no rule (none when STY001 is off)."""
        if not document.directives or SUPPRESSION_RULE not in self.enabled:
            return []
        rule = self.rules.get(SUPPRESSION_RULE)
        active = next(a for a in self.active if a.rule is rule)
        metas = self.rules.metas()
        return [
            self._directive_finding(document, active, directive, selector)
            for directive in document.directives
            for selector in unknown_selectors(directive, metas)
        ]

    def _directive_finding(
        self, document: Document, active: ActiveRule, directive: Any, selector: str
    ) -> Finding:
        meta = active.rule.meta
        source = document.source
        at = source.find(selector, directive.start, directive.end)
        start, end = (at, at + len(selector)) if at >= 0 else (directive.start, directive.end)
        template = meta.message_for(document.language)
        return Finding(
            path=document.path,
            code=meta.code,
            name=meta.name,
            category=meta.category,
            severity=active.severity,
            message=template.format_map(_Defaults(match=selector)),
            start=start,
            end=end,
            start_position=document.position(start),
            end_position=document.position(end),
            text=source[start:end],
        )


def _with_timeout(context: CheckContext, timeout: float) -> CheckContext:
    """A copy of a (read-only) check context with another timeout: its options are shared, not copied."""
    copy = object.__new__(CheckContext)
    for name in CheckContext.__slots__:
        object.__setattr__(copy, name, getattr(context, name))
    object.__setattr__(copy, "timeout", timeout)
    return copy


class _BadMatch(Exception):
    pass


def one_entry_per_span(findings: list[Finding]) -> list[Finding]:
    """Entries of different phrase packs that cover overlapping text give one finding: the longest
    match, then the louder, then the first rule's."""
    entries = sorted(
        (f for f in findings if f.entry is not None), key=lambda f: (f.start - f.end, -f.severity, f.start)
    )
    kept: list[Finding] = []
    for f in entries:
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    chosen = {id(f) for f in kept}
    return [f for f in findings if f.entry is None or id(f) in chosen]


def finding_meta(rules: RuleSet, finding: Finding) -> Any:
    """The metadata a finding is selected and suppressed by: its rule's, or for a namespace rule's
    finding (``LT:WHITESPACE_RULE``) the rule's with the finding's own code, name and category."""
    rule = rules.get(finding.code)
    if rule is not None:
        return rule.meta
    rule = rules.get(finding.code.split(":", 1)[0])
    if rule is None or not rule.meta.namespace:
        return None
    return replace(
        rule.meta,
        code=finding.code,
        name=finding.name,
        category=finding.category,
        aliases=(),
        namespace=False,
    )


def ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    unique = {(f.code, f.start, f.end, f.message): f for f in findings}
    return tuple(sorted(unique.values(), key=Finding.sort_key))


def frozen_timings(timings: dict[str, list[float]]) -> dict[str, tuple[float, int]]:
    """What :attr:`FileResult.timings` holds: rule code -> (seconds, findings)."""
    return {code: (float(seconds), int(count)) for code, (seconds, count) in timings.items()}
