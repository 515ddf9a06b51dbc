"""Configuration: discovery, validation, and the frozen :class:`Settings` a run uses.

refuso looks for ``.refuso.yaml`` (or ``.refuso.yml``), then for ``pyproject.toml`` with a
``[tool.refuso]`` table, in each file's folder and then in every folder above it; the nearest one
wins. ``--config PATH`` uses one file for everything. Command-line options override the file.
Unknown keys are errors that name the file and the line.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from lint.cache import Cache, file_stamp
from lint.config.perfile import PerFile, apply_per_file, per_file_entry
from lint.config.schema import CORE_SCHEMA, schema_digest
from lint.findings import Severity
from lint.vocabulary import Vocabulary, vocabulary_from
from lint.yamlsource import (
    Located,
    SourceError,
    deepest,
    error_line,
    expect_mapping,
    format_schema_error,
    load_yaml,
    quote,
    quote_key,
    read_source,
    schema_validator,
)

CONFIG_NAMES = (".refuso.yaml", ".refuso.yml")
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown", "*.mdown", "*.mkd", "*.html", "*.htm", "*.xhtml")
DEFAULT_EXCLUDE = (
    ".git/",
    ".hg/",
    ".svn/",
    ".venv/",
    "venv/",
    "node_modules/",
    "__pycache__/",
    ".tox/",
    ".nox/",
    "build/",
    "dist/",
    "site-packages/",
    ".mypy_cache/",
    ".pytest_cache/",
    ".ruff_cache/",
)
SCHEMA_VERSION = 2


class ConfigError(SourceError):
    pass


@dataclass(frozen=True)
class RuleSettings:
    severity: Severity | None = None
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    line: int | None = None  # where the rule is named, for errors


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know, fixed before the first rule runs."""

    config_file: str | None = None
    root: str | None = None  # folder relative paths in the configuration are resolved against
    language: str = "auto"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    preview: bool = False
    fail_level: Severity = Severity.ERROR
    rules: Mapping[str, RuleSettings] = field(default_factory=lambda: MappingProxyType({}))
    rule_packs: tuple[str, ...] = ()
    knowledge_base: tuple[str, ...] = ()  # extra KB files or folders
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    date: dt.date | None = None
    encoding: str | None = None
    regex_timeout: float | None = None  # seconds per rule per document; None: scaled to the text
    plugin_options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # The sections refuso's built-in plugins read (``languagetool``), as validated.
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    vocabulary: Vocabulary = field(default_factory=Vocabulary)  # words and names always accepted
    per_file: tuple[PerFile, ...] = ()  # overrides by glob, applied by ConfigFinder.for_file
    per_file_applied: tuple[int, ...] = ()  # which entries made these settings (for --show-settings)


@dataclass(frozen=True)
class Overrides:
    """What the command line sets; None leaves the configuration's value."""

    language: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    preview: bool | None = None
    fail_level: Severity | None = None
    date: dt.date | None = None
    encoding: str | None = None
    languagetool: bool | None = None  # --languagetool / --no-languagetool
    languagetool_url: str | None = None  # --languagetool-url

    def apply(self, settings: Settings) -> Settings:
        changes: dict[str, Any] = {}
        if self.language is not None:
            changes["language"] = self.language
        if self.select is not None:
            changes["select"] = self.select
        if self.extend_select:
            changes["extend_select"] = settings.extend_select + self.extend_select
        if self.ignore:
            changes["ignore"] = settings.ignore + self.ignore
        if self.preview is not None:
            changes["preview"] = self.preview
        if self.fail_level is not None:
            changes["fail_level"] = self.fail_level
        if self.date is not None:
            changes["date"] = self.date
        if self.encoding is not None:
            changes["encoding"] = self.encoding
        if self.languagetool is not None or self.languagetool_url is not None:
            section = dict(settings.sections.get("languagetool") or {})
            if self.languagetool is not None:
                section["enabled"] = self.languagetool
            if self.languagetool_url is not None:
                section["url"] = self.languagetool_url.rstrip("/")
            changes["sections"] = MappingProxyType(
                {**settings.sections, "languagetool": MappingProxyType(section)}
            )
        return replace(settings, **changes) if changes else settings


def _toml_lines(text: str) -> dict[str, int]:
    """Best-effort line of each ``key = ...`` (or ``[tool.refuso.key]``) after ``[tool.refuso]``, and of
    the table itself under "" (tomllib keeps no positions). One pass over the text, however many keys."""
    import re

    section = re.search(r"^\[tool\.refuso(?:\.|\])", text, re.M)
    if not section:
        return {}
    first_line = text.count("\n", 0, section.start()) + 1
    found = {"": first_line}
    pattern = re.compile(r'^\s*"?([^"=\s]+)"?\s*=|^\[tool\.refuso\.([^\]\s]+)\]', re.M)
    line, counted = first_line, section.start()
    for m in pattern.finditer(text, section.start()):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        found.setdefault(m.group(1) or m.group(2), line)
    return found


def _read_pyproject(path: Path, text: str) -> Located | None:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), None, f"invalid TOML: {exc}") from None
    tool = data.get("tool", {})
    section = tool.get("refuso") if isinstance(tool, Mapping) else None
    if section is None:
        return None
    located = Located(section, str(path))
    # tomllib keeps no positions: find the top-level keys in the text, for error messages.
    lines = _toml_lines(text)
    if isinstance(section, Mapping):
        for key in section:
            line = lines.get(str(key))
            if line:
                located.lines[(key,)] = line
    located.lines[()] = lines.get("", 1)
    return located


def _read_yaml(path: Path, text: str) -> Located:
    located = load_yaml(text, str(path))
    if located.data is None:
        located.data = {}
    return located


def validate_config(located: Located, schema: Mapping[str, Any]) -> None:
    try:
        expect_mapping(
            located,
            "configuration",
            "a configuration is a mapping of settings such as select, ignore and rule-packs",
            schema["properties"],
        )
    except SourceError as exc:
        raise ConfigError(exc.file, exc.line, exc.message) from None
    errors = sorted(
        schema_validator()(schema).iter_errors(located.data), key=lambda e: list(map(str, e.path))
    )
    if errors:
        err = deepest(errors[0])
        where = ".".join(map(str, err.absolute_path))
        message = format_schema_error(err)
        raise ConfigError(located.file, error_line(located, err), f"{where}: {message}" if where else message)
    places = [((), located.data)] + [
        (("per-file", i), entry) for i, entry in enumerate(located.data.get("per-file") or ())
    ]
    for prefix, data in places:
        if "date" in data and _as_date(data["date"]) is None:
            where = ".".join(map(str, (*prefix, "date")))
            raise ConfigError(
                located.file,
                located.line_of((*prefix, "date")),
                f"{where}: {quote(data['date'])} is not a date (YYYY-MM-DD)",
            )


def _as_date(value: Any) -> dt.date | None:
    from lint.readers import parse_date

    return parse_date(value)


def load_file(path: Path, cache: Cache, schema: Mapping[str, Any] = CORE_SCHEMA) -> Located | None:
    """Read and validate one configuration file against ``schema`` (see :func:`assemble_schema`).
    None for a pyproject.toml without [tool.refuso]."""
    try:
        text = read_source(path, str(path), "configuration")
    except SourceError as exc:
        raise ConfigError(exc.file, exc.line, exc.message) from None
    # Keyed on the text itself: a file rewritten within one tick of the clock, or with its time set
    # back, keeps its size and modification time but not its contents.
    key = (SCHEMA_VERSION, schema_digest(schema), file_stamp(path, text))
    cached = cache.get("config", key)
    if cached is not None:
        return cached if cached != "none" else None
    located = _read_pyproject(path, text) if path.name == "pyproject.toml" else _read_yaml(path, text)
    if located is not None:
        validate_config(located, schema)
    cache.put("config", key, located if located is not None else "none")
    return located


def settings_from(located: Located | None) -> Settings:
    if located is None:
        return Settings()
    data = located.data
    root = str(Path(located.file).resolve().parent)
    rules = _rule_settings(located, data, ())

    def strings(key: str) -> tuple[str, ...]:
        return tuple(data.get(key, ()))

    return Settings(
        config_file=located.file,
        root=root,
        language=data.get("language", "auto"),
        select=tuple(data["select"]) if "select" in data else None,
        extend_select=strings("extend-select"),
        ignore=strings("ignore"),
        preview=bool(data.get("preview", False)),
        fail_level=Severity.parse(data.get("fail-level", "error")),
        rules=MappingProxyType(rules),
        rule_packs=tuple(os.path.normpath(os.path.join(root, p)) for p in data.get("rule-packs", ())),
        knowledge_base=tuple(os.path.normpath(os.path.join(root, p)) for p in data.get("knowledge-base", ())),
        include=tuple(data["include"]) if "include" in data else DEFAULT_INCLUDE,
        exclude=tuple(data["exclude"]) if "exclude" in data else DEFAULT_EXCLUDE,
        extend_exclude=strings("extend-exclude"),
        respect_gitignore=bool(data.get("respect-gitignore", True)),
        date=_as_date(data["date"]) if "date" in data else None,
        encoding=data.get("encoding"),
        regex_timeout=data.get("regex-timeout"),
        plugin_options=MappingProxyType(dict(data.get("plugins", {}))),
        sections=MappingProxyType(
            {k: MappingProxyType(dict(v)) for k, v in data.items() if k not in CORE_SCHEMA["properties"]}
        ),
        vocabulary=vocabulary_from(located, root, ConfigError),
        per_file=tuple(
            per_file_entry(located, i, entry, _rule_settings, _as_date)
            for i, entry in enumerate(data.get("per-file") or ())
        ),
    )


def _rule_settings(
    located: Located, data: Mapping[str, Any], prefix: tuple[Any, ...]
) -> dict[str, RuleSettings]:
    return {
        code: RuleSettings(
            severity=Severity.parse(spec["severity"]) if "severity" in spec else None,
            options=MappingProxyType(dict(spec.get("options", {}))),
            line=located.line_of((*prefix, "rules", code)),
        )
        for code, spec in (data.get("rules") or {}).items()
    }


class ConfigFinder:
    """Finds the configuration for each file, walking up from its folder; caches per folder."""

    def __init__(
        self,
        cache: Cache,
        explicit: Path | None = None,
        overrides: Overrides | None = None,
        *,
        isolated: bool = False,
        schema: Mapping[str, Any] = CORE_SCHEMA,
    ) -> None:
        self.cache = cache
        self.schema = schema  # what a configuration file may say (see assemble_schema)
        self.isolated = isolated  # ignore configuration files: defaults plus overrides only
        self.overrides = overrides or Overrides()
        self._by_dir: dict[str, Settings] = {}
        self._by_file: dict[str | None, Settings] = {}
        self._raw: dict[str | None, Settings] = {}  # before the command line's overrides
        self._per_file: dict[tuple[str | None, tuple[int, ...]], Settings] = {}
        self._specs: dict[str | None, list[Any]] = {}
        self.explicit = explicit
        if explicit is not None:
            if not explicit.exists():
                raise ConfigError(str(explicit), None, "no such configuration file")
            located = load_file(explicit, cache, schema)
            if located is None:
                raise ConfigError(str(explicit), None, "this pyproject.toml has no [tool.refuso] table")
            self._explicit = self._finish(located)

    def _finish(self, located: Located | None) -> Settings:
        key = located.file if located else None
        if key not in self._by_file:
            self._raw[key] = settings_from(located)
            self._by_file[key] = self.overrides.apply(self._raw[key])
        return self._by_file[key]

    def for_file(self, path: str | os.PathLike[str]) -> Settings:
        """One file's settings: its folder's, then its ``per-file`` entries in order, then the command line."""
        path = Path(path)
        parent = path.parent if str(path.parent) else Path(".")
        settings = self.for_directory(parent if parent.is_dir() else Path.cwd())
        if not settings.per_file or settings.root is None:
            return settings
        key = settings.config_file
        if key not in self._specs:
            import pathspec  # the include / exclude globs' syntax (gitignore)

            self._specs[key] = [pathspec.GitIgnoreSpec.from_lines(entry.files) for entry in settings.per_file]
        relative = os.path.relpath(os.path.abspath(path), settings.root).replace(os.sep, "/")
        if relative.startswith("../"):
            return settings  # outside the configuration's folder: no glob of it can name the file
        matched = tuple(i for i, spec in enumerate(self._specs[key]) if spec.match_file(relative))
        if not matched:
            return settings
        if (key, matched) not in self._per_file:
            raw = self._raw[key]
            applied = apply_per_file(raw, [raw.per_file[i] for i in matched])
            self._per_file[(key, matched)] = self.overrides.apply(replace(applied, per_file_applied=matched))
        return self._per_file[(key, matched)]

    def for_directory(self, directory: Path) -> Settings:
        if self.explicit is not None:
            return self._explicit
        if self.isolated:
            return self._finish(None)
        directory = directory.resolve()
        chain: list[str] = []
        found: Settings | None = None
        current = directory
        while True:
            key = str(current)
            if key in self._by_dir:
                found = self._by_dir[key]
                break
            chain.append(key)
            located = self._find_in(current)
            if located is not None:
                found = self._finish(located)
                break
            if current.parent == current:
                found = self._finish(None)
                break
            current = current.parent
        for key in chain:
            self._by_dir[key] = found
        return found

    def _find_in(self, directory: Path) -> Located | None:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return load_file(candidate, self.cache, self.schema)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            return load_file(pyproject, self.cache, self.schema)
        return None

    def for_path(self, path: Path) -> Settings:
        return self.for_directory(path if path.is_dir() else path.parent)

    def all_settings(self) -> list[Settings]:
        return list(self._by_file.values())


def rule_settings_errors(settings: Settings, known: Sequence[str], lookup: Any) -> list[ConfigError]:
    """Configuration that names rules which do not exist, or options they do not have."""
    errors = []
    file = settings.config_file or "configuration"
    for key, rule_settings in settings.rules.items():
        rule = lookup(key)
        namespace = lookup(key.split(":", 1)[0]) if ":" in key else None
        if rule is None and namespace is not None and namespace.meta.namespace:
            # One code of a namespace rule (LT:WHITESPACE_RULE): a severity, no options.
            if rule_settings.options:
                errors.append(
                    ConfigError(
                        file,
                        rule_settings.line,
                        f"rules.{key}: only a severity can be set for one {namespace.meta.code}: code; "
                        f"options go to rules.{namespace.meta.code}",
                    )
                )
            continue
        if rule is None:
            import difflib

            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            errors.append(
                ConfigError(file, rule_settings.line, f"rules: unknown rule {quote_key(key)}{hint}")
            )
            continue
        allowed = set(rule.meta.options)
        for option in rule_settings.options:
            if option not in allowed:
                have = ", ".join(sorted(allowed)) or "none"
                errors.append(
                    ConfigError(
                        file,
                        rule_settings.line,
                        f"rules.{key}.options: unknown option {quote_key(option)} (options: {have})",
                    )
                )
    return errors
