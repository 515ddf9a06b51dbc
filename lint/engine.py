"""Runs the selected rules over documents and turns their matches into findings.

One :class:`Engine` serves one configuration. A rule that raises or times out is reported as a
problem naming the rule and its plugin; its findings so far are kept and the other rules still run.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from lint import selection
from lint.config import Settings
from lint.decoding import BinaryInput, DecodeError, decode
from lint.document import Document
from lint.findings import Category, Edit, FileResult, Finding, Fix, Problem, Severity
from lint.language import identify
from lint.paths import NotRegularFile, file_size, read_regular
from lint.plugins import Plugins
from lint.readers import normalise_language
from lint.rules import Match, Rule, RuleSet
from lint.suppression import Suppressions, unknown_selectors
from lint.text import address_spans, quoted_spans
from lint.windows import LARGE_FILE_BYTES, WINDOW_CHARS

DEFAULT_LANGUAGE = "it"
_LANGUAGE_NAMES = {"it": "Italian", "en": "English"}
NOTE_WORDS = 5  # a guessed language is noted from this many words on
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


class Options(dict):
    """A rule's options. ``timeout`` is the time its patterns may take on this document;
    ``knowledge()`` returns the compiled knowledge base (loaded on first call), or None."""

    timeout: float = 2.0
    knowledge: Any = None
    languagetool: Any = None  # the run's LanguageTool service, for the LT rule


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


class Engine:
    def __init__(
        self,
        rules: RuleSet,
        settings: Settings,
        plugins: Plugins,
        knowledge: Any = None,
        languagetool: Any = None,
    ) -> None:
        self.rules = rules
        self.settings = settings
        self.plugins = plugins
        self.knowledge = knowledge  # a callable returning the compiled KB, or None
        self.languagetool = languagetool  # the LanguageTool service, when languagetool is enabled
        self.keep_sources = False  # put each file's text in its result (for formatters that show it)
        self.keep_lines = True  # put the text of the lines findings are on in each result
        # Files larger than this are checked in windows of about window_chars (lint.windows).
        self.large_file_bytes = LARGE_FILE_BYTES
        self.window_chars = WINDOW_CHARS
        metas = rules.metas()
        enabled = selection.resolve(
            metas,
            select=settings.select,
            ignore=settings.ignore,
            extend_select=settings.extend_select,
            preview=settings.preview,
        )
        self.active: list[ActiveRule] = []
        for rule in rules:
            meta = rule.meta
            if meta.code not in enabled:
                continue
            if meta.code == LANGUAGETOOL_RULE and (languagetool is None or not settings.languagetool.enabled):
                continue  # LanguageTool runs only when it is turned on
            configured = settings.rules.get(meta.code) or next(
                (settings.rules[n] for n in meta.all_names if n in settings.rules), None
            )
            options = dict(meta.options)
            severity = meta.severity
            if configured is not None:
                options.update(configured.options)
                severity = configured.severity or severity
            self.active.append(ActiveRule(rule, severity, options))
        self.enabled = enabled
        # The languages some rule is written for; text in any other gets only the rules for every language.
        self.languages = frozenset(lang for meta in metas for lang in (meta.languages or ()))

    def prepare(self) -> None:
        """Do now the work rules would do lazily on the first document (compiling patterns, loading
        the knowledge base), so that worker processes inherit it and problems are reported once."""
        if self.knowledge is not None and any(getattr(a.rule, "uses_knowledge", False) for a in self.active):
            self.knowledge()
        for active in self.active:
            prepare = getattr(active.rule, "prepare", None)
            if callable(prepare):
                prepare()

    # -- reading ---------------------------------------------------------------------------------

    def read(self, path: str, data: bytes | None = None, display: str | None = None) -> Document | FileResult:
        """Read and parse a file (or ``data`` given for it); a FileResult when it cannot be checked."""
        display = display or path
        if data is None:
            try:
                data = read_regular(path)
            except OSError as exc:
                return self.unreadable(display, exc)
        try:
            decoded = decode(data, self.settings.encoding)
        except (BinaryInput, DecodeError) as exc:
            return self.unreadable(display, exc)
        picked = self._reader(display)
        if isinstance(picked, FileResult):
            return picked
        return self._document(display, picked, decoded.text, decoded.encoding, decoded.bom)

    def _reader(self, display: str) -> _Picked | FileResult:
        """The reader for a path, and the problems of reader plugins that raised on the way."""
        failures = len(self.plugins.failures)
        picked = self.plugins.first_result("refuso_reader", path=display)
        extra_problems: tuple[Problem, ...] = ()
        if len(self.plugins.failures) > failures:
            # A reader plugin raised: say so on this file (in a worker process it would be lost otherwise).
            extra_problems = tuple(
                Problem(display, f.describe(), origin=f.plugin) for f in self.plugins.failures[failures:]
            )
            del self.plugins.failures[failures:]
            if picked is None:
                return FileResult(display, None, problems=extra_problems, checked=False)
        if picked is None:
            return _unreadable(display, "no reader accepts this file")
        plugin, reader = picked
        return _Picked(plugin, reader, extra_problems)

    def _document(
        self,
        display: str,
        picked: _Picked,
        text: str,
        encoding: str,
        bom: bool,
        *,
        language: str | None = None,
        date: Any = None,
        first: bool = True,
    ) -> Document | FileResult:
        try:
            document = picked.reader.read(display, text)
        except Exception as exc:
            return _unreadable(
                display,
                f"reader {getattr(picked.reader, 'name', '?')!r} from plugin {picked.plugin!r} failed: {exc}",
            )
        language = language or document.language
        if language is None and self.settings.language != "auto":
            language = normalise_language(self.settings.language) or self.settings.language
        notes: tuple[Problem, ...] = ()
        if language is None:
            detection = identify(document.prose.text)
            language = detection.language or DEFAULT_LANGUAGE
            if not detection.confident and first and detection.words >= NOTE_WORDS:
                # A sentence or more, and still too little to be sure: say so, rather than check English
                # as Italian in silence. (A few words are a snippet: nothing to note.)
                notes = (
                    Problem(
                        display,
                        f"language taken to be {_LANGUAGE_NAMES.get(language, language)} with low confidence "
                        "(few words to go by): pass --lang it or --lang en, or give the front matter a lang:",
                        kind="note",
                    ),
                )

        lines = document.__dict__.get("lines")
        result = replace(
            document,
            problems=document.problems + (picked.problems if first else ()) + notes,
            language=language,
            date=document.date or date or self.settings.date,
            encoding=encoding,
            bom=bom,
        )
        if lines is not None:
            result.__dict__["lines"] = lines  # the line index the reader built, not built again
        return result

    def check_path(self, path: str, data: bytes | None = None, display: str | None = None) -> FileResult:
        display = display or path
        picked = self.windowed(path, data, display)
        if isinstance(picked, FileResult):
            return picked
        if picked is not None:
            from lint.windowcheck import check_file

            return check_file(self, path, data, display, picked)
        document = self.read(path, data, display)
        if isinstance(document, FileResult):
            return document
        return self.check(document)

    # -- checking --------------------------------------------------------------------------------

    def check(self, document: Document) -> FileResult:
        findings, problems = self._run(document)
        findings = self._suppress(document, findings)
        if SUPPRESSION_RULE in self.enabled:
            findings.extend(self._directive_findings(document))
        ordered = _ordered(findings)
        # Each line's text once, however many findings it has (a long line may have thousands).
        lines = (
            {n: document.lines.line_text(n) for n in dict.fromkeys(f.line for f in ordered)}
            if self.keep_lines
            else {}
        )
        return FileResult(
            document.path,
            document.language,
            ordered,
            tuple(problems),
            lines=lines,
            source=document.source if self.keep_sources else None,
            encoding=document.encoding,
            bom=document.bom,
        )

    def windowed(self, path: str, data: bytes | None, display: str) -> _Picked | FileResult | None:
        """How a file too large to check whole is read (its reader, which can cut it into windows),
        a FileResult when no reader can, or None when the file is checked whole."""
        size = len(data) if data is not None else file_size(path)
        if size <= self.large_file_bytes:
            return None
        picked = self._reader(display)
        if isinstance(picked, FileResult) or callable(getattr(picked.reader, "safe_breaks", None)):
            return picked
        return None

    def unreadable(self, display: str, exc: Exception) -> FileResult:
        """The result of a file that could not be read or decoded."""
        if isinstance(exc, BinaryInput):
            return _skipped(display, exc)
        if isinstance(exc, OSError):
            return _unreadable(display, _open_error(exc))
        return _unreadable(display, str(exc))

    def _run(self, document: Document) -> tuple[list[Finding], list[Problem]]:
        """The active rules' findings on a document (not yet suppressed), and the problems met."""
        findings: list[Finding] = []
        problems: list[Problem] = list(document.problems)
        timeout = regex_timeout(self.settings, len(document.prose.text))
        scopes = _ScopeIndex(document)
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
        for active in self.active:
            rule = active.rule
            meta = rule.meta
            if not meta.applies_to(document.language) or meta.code == SUPPRESSION_RULE:
                continue
            options = Options(active.options)
            options.timeout = timeout
            options.knowledge = self.knowledge
            options.languagetool = self.languagetool
            started = time.perf_counter()
            try:
                for match in rule.check(document, options):
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
        if any(self.rules.get(f.code) is None for f in findings):
            findings = self._namespaced(findings)
        return findings, problems

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
                message = meta.message_for(document.language).format_map(args)
            except (ValueError, IndexError, AttributeError):
                message = meta.message_for(document.language)
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

    def _suppress(self, document: Document, findings: list[Finding]) -> list[Finding]:
        if not document.directives:
            return findings
        suppressions = Suppressions(document.directives)
        return [f for f in findings if not suppressions.suppresses(f, finding_meta(self.rules, f))]

    def _directive_findings(self, document: Document) -> list[Finding]:
        """STY001 at each selector of a suppression comment that names no rule."""
        if not document.directives:
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


class _BadMatch(Exception):
    pass


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


def _unreadable(path: str, message: str) -> FileResult:
    return FileResult(path, None, problems=(Problem(path, message),), checked=False)


def _skipped(path: str, reason: Exception) -> FileResult:
    return FileResult(path, None, problems=(Problem(path, f"skipped: {reason}", kind="note"),), checked=False)


def _open_error(exc: OSError) -> str:
    if isinstance(exc, NotRegularFile):
        return (
            f"cannot be read: it is {exc.kind}, not a regular file; refuso reads only regular files "
            "(and standard input, given as '-')"
        )
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, FileNotFoundError):
        return "does not exist (it may have been moved or deleted while refuso ran)"
    if isinstance(exc, PermissionError):
        return "cannot be read: permission denied"
    if exc.errno == errno.ELOOP:
        return "cannot be read: it is a loop of symbolic links; fix or remove the link"
    return f"cannot be read: {exc.strerror or exc}"


def _ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    unique = {(f.code, f.start, f.end, f.message): f for f in findings}
    return tuple(sorted(unique.values(), key=Finding.sort_key))


@dataclass(frozen=True)
class _Picked:
    plugin: str
    reader: Any
    problems: tuple[Problem, ...] = ()


class _ScopeIndex:
    """Answers whether a match lies in the parts of a document a rule's scope covers."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._quotes: list[tuple[int, int]] | None = None
        self._addresses: list[tuple[int, int]] | None = None

    def _in_address(self, match: Match) -> bool:
        if self._addresses is None:
            self._addresses = address_spans(self.document.prose.text)
        end = max(match.end, match.start + 1)
        return any(s < end and match.start < e for s, e in self._addresses)

    def _in_quote(self, offset: int) -> bool:
        if self._quotes is None:
            self._quotes = quoted_spans(self.document.prose.text)
        return any(s <= offset < e for s, e in self._quotes)

    def _has(self, scope: str, offset: int) -> bool:
        if scope == "text":
            return True
        if scope == "quote":
            return self._in_quote(offset)
        if scope == "address":
            return True
        block = self.document.prose.block_at(offset)
        return block is not None and block.kind == scope

    def allows(self, scope: tuple[str, ...], match: Match) -> bool:
        # Web and e-mail addresses are not prose: no rule looks inside them unless it asks to.
        if "address" not in scope and self._in_address(match):
            return False
        if scope == ("text",):
            return True
        include = [s for s in scope if not s.startswith("~")]
        exclude = [s[1:] for s in scope if s.startswith("~")]
        if include and not any(self._has(s, match.start) for s in include):
            return False
        return not any(self._has(s, match.start) for s in exclude)
