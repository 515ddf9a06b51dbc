""":class:`Linter`: plugins, rule packs and configuration loaded once, ready to check and fix many
files or texts; :func:`check_text` and :func:`check_paths` for one call."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.api.results import ResultsCache, selects_languagetool
from lint.cache import Cache, default_directory
from lint.config import ConfigError, ConfigFinder, Overrides, Settings, rule_settings_errors
from lint.config.schema import assemble_schema
from lint.data import pack_display
from lint.engine.options import DEFAULT_OPTIONS, EngineOptions
from lint.findings import FileResult, Problem, RunResult
from lint.plugins import Plugins, make_plugins

if TYPE_CHECKING:
    from lint.api.fix import FixReport
    from lint.api.rules_table import RuleRow
    from lint.engine import Engine
    from lint.rules import Rule, RuleSet


class UsageError(Exception):
    """A mistake in how refuso was called or configured; the command line exits with 2."""


def _is_rule(obj: Any) -> bool:
    from lint.rules import RuleMeta

    return isinstance(getattr(obj, "meta", None), RuleMeta) and callable(getattr(obj, "check", None))


class _KnowledgeProvider:
    """Loads the knowledge base the first time a rule asks for it; problems go to the linter's list."""

    def __init__(self, linter: Linter, extra: tuple[str, ...]) -> None:
        self.linter = linter
        self.extra = extra
        self._loaded = False
        self._value: Any = None

    def files(self) -> list[tuple[Path, str]]:
        from lint.kb import kb_files
        from lint.paths import display_path

        found: list[tuple[Path, str]] = []
        for plugin, paths in self.linter.plugins.contributions("refuso_kb_files"):
            for path in paths or ():
                for file in kb_files([path]):
                    found.append((file, pack_display(file, plugin)))
        for path in self.extra:
            if not Path(path).exists():
                self.linter.problems.append(
                    Problem(path, "knowledge-base file or folder not found (from the configuration)")
                )
                continue
            found.extend((file, display_path(file, os.getcwd())) for file in kb_files([path]))
        return found

    def __call__(self) -> Any:
        if not self._loaded:
            from lint.kb import load

            self._loaded = True
            self._value, errors = load(self.files(), self.linter.cache)
            self.linter.problems.extend(e.as_problem() for e in errors)
        return self._value


class Linter:
    """Plugins, rules and configuration, ready to check files or text."""

    def __init__(
        self,
        *,
        config_file: str | os.PathLike[str] | None = None,
        overrides: Overrides | None = None,
        plugins: Plugins | None = None,
        load_entry_points: bool = True,
        extra_plugins: Iterable[tuple[str, object]] = (),
        cache: Cache | None = None,
        isolated: bool = False,
    ) -> None:
        self.cache = cache if cache is not None else Cache(default_directory())
        self.plugins = plugins or make_plugins(
            load_entry_points=load_entry_points, extra=extra_plugins, cache=self.cache
        )
        self.problems: list[Problem] = []
        self._base_rules: RuleSet | None = None  # loaded when a file is checked, not served from the cache
        self.after_loading_rules: Callable[[], object] | None = None  # the CLI freezes the collector there
        # The configuration's schema: refuso's settings and the sections plugins contribute.
        self.config_schema = assemble_schema(self.plugins.contributions("refuso_config_schema"))
        self.finder = ConfigFinder(
            self.cache,
            Path(config_file) if config_file else None,
            overrides,
            isolated=isolated,
            schema=self.config_schema,
        )
        self._engines: dict[tuple[int, EngineOptions], Engine] = {}
        self._checked_settings: set[int] = set()
        self._last_options = DEFAULT_OPTIONS
        self._knowledge: dict[tuple[str, ...], _KnowledgeProvider] = {}
        self._languagetool: dict[Any, Any] = {}
        self._lt_noted: set[str] = set()  # notes about LanguageTool already given in this run
        self._with_language: dict[tuple[int, str], tuple[Settings, Settings]] = {}
        self._settings_by_path: dict[str, Settings] = {}
        self._from_stdin: set[str] = set()  # the names standard input had in the last run
        self._rule_sets: dict[tuple[str, ...], RuleSet] = {}
        # Each checked file's result, kept under its contents and the fingerprint of its settings.
        self.results_cache = ResultsCache(self)

    # -- rules -----------------------------------------------------------------------------------

    @property
    def base_rules(self) -> RuleSet:
        """refuso's rules, the plugins' and their packs, loaded on first use."""
        if self._base_rules is None:
            self._base_rules = self._collect_rules()
            if self.after_loading_rules is not None:
                self.after_loading_rules()
        return self._base_rules

    def _load_pack_paths(self, paths: Iterable[str], plugin: str) -> list[Rule]:
        from lint.packs import load_packs, pack_files

        files = []
        for p in paths:
            path = Path(p)
            if not path.exists():
                self.problems.append(Problem(str(p), f"rule pack folder or file not found (from {plugin})"))
                continue
            files.extend((f, pack_display(f, plugin)) for f in pack_files(path))
        rules, errors = load_packs(files, self.cache, plugin=plugin)
        self.problems.extend(e.as_problem() for e in errors)
        return list(rules)

    def _collect_rules(self, extra_packs: Sequence[str] = ()) -> RuleSet:
        rules: list[Rule] = []
        for plugin, paths in self.plugins.contributions("refuso_rule_packs"):
            rules.extend(self._load_pack_paths(paths or (), plugin))
        for plugin, provided in self.plugins.contributions("refuso_rules"):
            for rule in provided or ():
                if not _is_rule(rule):
                    self.plugins.fail(
                        plugin, "refuso_rules", f"returned {rule!r}, which is not a rule (no meta or check)"
                    )
                    continue
                if rule.meta.plugin != plugin:
                    rule.meta = replace(rule.meta, plugin=plugin)
                rules.append(rule)
        rules.extend(self._load_pack_paths(extra_packs, "configuration"))
        return self._rule_set(rules)

    def _rule_set(self, rules: list[Rule]) -> RuleSet:
        kept: list[Rule] = []
        codes: dict[str, Rule] = {}
        names: dict[str, Rule] = {}
        for rule in rules:
            meta = rule.meta
            clash = codes.get(meta.code) or next((names[n] for n in meta.all_names if n in names), None)
            if clash is not None:
                other = clash.meta
                self.problems.append(
                    Problem(
                        meta.origin or meta.plugin,
                        f"rule {meta.code} ({meta.name}) from {meta.plugin!r} clashes with {other.code} ({other.name}) "
                        f"from {other.plugin!r} ({other.origin or 'Python'}); it was left out",
                    )
                )
                continue
            codes[meta.code] = rule
            for n in meta.all_names:
                names[n] = rule
            kept.append(rule)
        from lint.rules import RuleSet

        return RuleSet(kept)

    def rules_for(self, settings: Settings) -> RuleSet:
        key = settings.rule_packs
        if not key:
            return self.base_rules
        if key not in self._rule_sets:
            extra = self._load_pack_paths(key, "configuration")
            self._rule_sets[key] = self._rule_set([*self.base_rules, *extra])
        return self._rule_sets[key]

    def rules_table(self, language: str | None = None, settings: Settings | None = None) -> list[RuleRow]:
        """A row per rule of a configuration (by default the current folder's), what ``refuso rules``
        lists; with ``language``, only the rules that run on that language."""
        from lint.api.rules_table import rows_of

        return rows_of(self.rules_for(settings or self.finder.for_directory(Path.cwd())), language)

    def schema(self, which: str) -> dict[str, Any]:
        """The JSON Schema ``which`` names ("pack", "config", "output", "kb"); the configuration's
        includes the sections of this linter's plugins."""
        from lint.api.schemas import schema

        return schema(which, plugins=self.plugins)

    # -- engines ---------------------------------------------------------------------------------

    def engine_for(self, settings: Settings, options: EngineOptions = DEFAULT_OPTIONS) -> Engine:
        """The engine for a configuration, built with ``options``; one per configuration and options."""
        key = (id(settings), options)
        if key in self._engines:
            return self._engines[key]
        from lint.engine import Engine

        rules = self.rules_for(settings)
        if id(settings) not in self._checked_settings:
            self._check_settings(settings, rules)
            self._checked_settings.add(id(settings))
        engine = Engine(
            rules,
            settings,
            self.plugins,
            self.knowledge_for(settings),
            self.languagetool_for(settings) if selects_languagetool(rules.metas(), settings) else None,
            options,
        )
        self._engines[key] = engine
        return engine

    def _check_settings(self, settings: Settings, rules: RuleSet) -> None:
        """Refuse selectors and rule settings that name no rule; let plugins read the settings."""
        from lint.selection import selector_hint, unknown_selectors

        metas = rules.metas()
        where = settings.config_file or "the command line"
        for label, selectors in (
            ("select", settings.select or ()),
            ("extend-select", settings.extend_select),
            ("ignore", settings.ignore),
        ):
            unknown = unknown_selectors(selectors, metas)
            if unknown:
                described = ", ".join(repr(s) + selector_hint(s, metas) for s in unknown)
                failed = "".join(f"; {f.describe()}" for f in self.plugins.failures)  # the rule may be theirs
                raise UsageError(
                    f"{where}: {label}: unknown rule selector {described}; use a code (PUN001), a code prefix "
                    f"(PUN), a rule name, a category or ALL (see `refuso rules`){failed}"
                )
        errors = rule_settings_errors(settings, [*rules.codes, *(m.name for m in metas)], rules.get)
        if errors:
            raise ConfigError(errors[0].file, errors[0].line, errors[0].message)
        self.plugins.contributions("refuso_configure", settings=settings)  # a plugin that raises is recorded

    def languagetool_for(self, settings: Settings) -> Any:
        """The LanguageTool service for a configuration, or None when LanguageTool is off, or is
        ``auto`` and not available (said once per run, on standard error: not a finding)."""
        from lint.languagetool import LanguageToolError, LanguageToolSettings

        try:
            lt = LanguageToolSettings.from_mapping(settings.sections.get("languagetool"))
        except LanguageToolError as exc:
            raise UsageError(str(exc)) from None
        if not lt.enabled:
            return None
        if lt.mode == "auto":
            key = ("auto", lt.url, lt.autostart)
            if key not in self._languagetool:
                from lint.languagetool.availability import unavailable

                self._languagetool[key] = unavailable(lt)
            why = self._languagetool[key]
            if why is not None:
                if why not in self._lt_noted:
                    self._lt_noted.add(why)
                    print(f"refuso: note: {why}", file=sys.stderr)
                return None
        key = (lt.url, lt.fingerprint(), lt.timeout, lt.max_text_length, lt.autostart)
        if key not in self._languagetool:
            from lint.languagetool.service import LanguageToolService

            self._languagetool[key] = LanguageToolService(lt, self.cache)
        return self._languagetool[key]

    def knowledge_for(self, settings: Settings) -> _KnowledgeProvider:
        """The knowledge base for a configuration: refuso's, the plugins', and the configured files."""
        extra = settings.knowledge_base
        if extra not in self._knowledge:
            self._knowledge[extra] = _KnowledgeProvider(self, extra)
        return self._knowledge[extra]

    # -- checking --------------------------------------------------------------------------------

    def check_text(
        self,
        text: str,
        *,
        path: str = "<text>",
        language: str | None = None,
        settings: Settings | None = None,
    ) -> FileResult:
        """Check a string as if it were the file ``path`` (its suffix picks the reader)."""
        settings = settings or self.finder.for_directory(Path.cwd())
        if language is not None:
            # One settings object (and so one engine) per base and language, however many calls.
            key = (id(settings), language)
            if key not in self._with_language:
                self._with_language[key] = (settings, replace(settings, language=language))
            settings = self._with_language[key][1]
        engine = self.engine_for(settings)
        return engine.check_path(path, text.encode("utf-8"), display=path)

    def discover(self, paths: Sequence[str], stdin_filename: str | None = None) -> list[Any]:
        """The files a run over ``paths`` checks (:class:`lint.walk.Target`), with those it skips."""
        from lint.walk import discover

        return discover(list(paths), self.finder, stdin_filename)

    def check_paths(
        self,
        paths: Sequence[str],
        *,
        jobs: int = 0,
        stdin_filename: str | None = None,
        stdin: bytes | None = None,
        keep_sources: bool = False,
        keep_lines: bool = True,
        targets: Sequence[Any] | None = None,
        timings: bool = False,
    ) -> RunResult:
        """Check files and folders. ``keep_sources`` puts each file's decoded text in its result, for
        formatters that show whole articles (``needs_source``); ``keep_lines=False`` leaves out the text of
        the lines findings are on (``FileResult.lines``), which a large file with many findings would
        otherwise hold in memory until the report. ``targets``, from :meth:`discover`, saves walking the
        folders again. ``timings``: each file's result says what each rule cost (``FileResult.timings``;
        :mod:`lint.timings` sums them)."""
        from lint.engine.parallel import collect

        if targets is None:
            targets = self.discover(paths, stdin_filename)
        found = self.iter_paths(
            paths,
            jobs=jobs,
            stdin_filename=stdin_filename,
            stdin=stdin,
            keep_sources=keep_sources,
            keep_lines=keep_lines,
            targets=targets,
            timings=timings,
        )
        results = collect(found, len(targets))
        return RunResult(tuple(results), self.run_problems())

    def iter_paths(
        self,
        paths: Sequence[str],
        *,
        jobs: int = 0,
        stdin_filename: str | None = None,
        stdin: bytes | None = None,
        keep_sources: bool = False,
        keep_lines: bool = True,
        targets: Sequence[Any] | None = None,
        timings: bool = False,
    ) -> Iterator[FileResult]:
        """:meth:`check_paths` file by file: each result, in order, once it and those before it are done,
        to be written and let go; then :meth:`run_problems` has the problems tied to no file."""
        from lint.engine.parallel import iter_targets

        if targets is None:
            targets = self.discover(paths, stdin_filename)
        options = EngineOptions(keep_sources=keep_sources, keep_lines=keep_lines, timings=timings)
        self._last_options = options
        # Timings are what rules cost, so a run that asks for them checks every file.
        cached = self.cache.directory is not None and not timings
        engines = [] if cached else [self.engine_for(t.settings, options) for t in targets]
        if timings:
            for engine in {id(e): e for e in engines}.values():
                engine.prepare()  # loading the KB and compiling patterns is no rule's time on a document
        self.remember_targets(targets)
        if stdin is None and any(t.path == "-" for t in targets):
            stdin = read_standard_input()
        if cached:
            return self.results_cache.iter_paths(targets, options, jobs=jobs, stdin=stdin)
        return iter_targets(targets, engines, jobs=jobs, stdin=stdin)

    def remember_targets(self, targets: Any) -> None:
        """The settings and names of a run's files, which its exit code and --fix read."""
        self._settings_by_path.update((t.display, t.settings) for t in targets)
        self._from_stdin = {t.display for t in targets if t.path == "-"}

    def run_problems(self) -> tuple[Problem, ...]:
        """The last run's problems tied to no file: the cache's notes, packs not loaded, plugins that failed."""
        return (
            *(Problem(path, message, kind="note") for path, message in self.cache.notes),
            *self.problems,
            *(Problem(f.plugin, f.describe(), origin=f.plugin) for f in self.plugins.failures),
        )

    def recheck(self, path: str, data: bytes) -> FileResult:
        """Check ``data`` as the file ``path`` of the last run (its configuration and reader),
        keeping its text: what ``--fix`` does after applying fixes."""
        settings = self._settings_by_path.get(path) or self.finder.for_directory(Path.cwd())
        engine = self.engine_for(settings, replace(self._last_options, keep_sources=True))
        return engine.check_path(path, data, display=path)

    def fix(self, run: RunResult, unsafe: bool = False, write: bool = True) -> FixReport:
        """Apply the fixes of a run made by :meth:`check_paths` with ``keep_sources=True``: the safe
        ones, and with ``unsafe`` those that change words too. Each file is fixed and checked again
        until nothing fixable is left; with ``write`` it is then written back (never through a link,
        never over a read-only file or one that changed since it was read: those are problems of the
        report, and the file stays as it was). Without ``write`` no file changes, and the report holds
        each file's fixed text and diff. Text from standard input is never written."""
        from lint.api.fix import fix_run

        return fix_run(run, self.recheck, unsafe=unsafe, write=write, from_stdin=frozenset(self._from_stdin))

    def from_stdin(self, path: str) -> bool:
        """Whether ``path`` (a result's path) was standard input in the last run."""
        return path in self._from_stdin

    def fail_level_for(self, path: str) -> Any:
        """The fail level of the configuration that governed ``path`` in the last run."""
        settings = self._settings_by_path.get(path) or self.finder.for_directory(Path.cwd())
        return settings.fail_level


def read_standard_input() -> bytes:
    """All of standard input; a UsageError when it is closed or cannot be read."""
    if sys.stdin is None:
        raise UsageError(
            "-: standard input is closed, so there is no text to check; pipe the text in or name files"
        )
    try:
        return sys.stdin.buffer.read()
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"-: cannot read standard input: {reason}") from None


def check_text(text: str, *, path: str = "<text>", language: str | None = None, **kwargs: Any) -> FileResult:
    """Check one string. Keyword arguments are those of :class:`Linter`."""
    return Linter(**kwargs).check_text(text, path=path, language=language)


def check_paths(paths: Sequence[str], *, jobs: int = 0, **kwargs: Any) -> RunResult:
    """Check files and folders. Keyword arguments are those of :class:`Linter`."""
    return Linter(**kwargs).check_paths(paths, jobs=jobs)
