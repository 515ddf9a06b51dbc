"""Loading YAML rule packs: parse, validate against the schema, compile, with errors that name the
file, the line and the rule.

A pack is a YAML file with a ``rules`` list (see :mod:`lint.packs.schema` and docs/writing-rules.md). refuso's
phrase packs live in ``rules/<lang>/*.yaml``; the rules of a family that a pattern can say are one-rule
packs in the family's folder (``lint/checks/punctuation/pun001_doubled_punctuation.yaml``).
Validation results are cached by the pack's path and contents, so an unchanged pack is not re-validated;
refuso's own packs are shipped validated and compiled (:mod:`lint.prebuilt`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import regex

from lint import prebuilt
from lint.cache import Cache, file_stamp
from lint.findings import Applicability, Category, Severity
from lint.lazyre import LazyPattern
from lint.packs.kinds import BASIC_KINDS, PackRule, template_fields
from lint.packs.phrases import Phrases
from lint.packs.schema import PACK_SCHEMA, rule_schema
from lint.rules import MARK_CLOSE, MARK_OPEN, Example, RuleMeta
from lint.yamlsource import (
    Located,
    SourceError,
    deepest,
    error_line,
    expect_mapping,
    format_schema_error,
    load_yaml,
    path_label,
    quote,
    quote_key,
    read_source,
    schema_validator,
)

SCHEMA_VERSION = 12
KINDS: dict[str, type[PackRule]] = {**BASIC_KINDS, Phrases.KIND: Phrases}
# Options a YAML rule kind lets configuration override, with the key they read in the spec.
KIND_OPTIONS = {"repetition": ("allow",), "phrases": ("skip",)}


class PackError(SourceError):
    pass


class PackErrors(Exception):
    """Every problem found in one pack file."""

    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def pack_files(root: Path) -> list[Path]:
    """The pack files under a folder (``<lang>/*.yaml``, or ``*.yaml`` directly), or the file itself."""
    if not root.is_dir():
        return [root]  # a file, or something that is not one, which loading then names
    files = [*root.glob("*.yaml"), *root.glob("*/*.yaml"), *root.glob("*.yml"), *root.glob("*/*.yml")]
    return sorted(p for p in files if p.parent.name != "kb" and not p.name.startswith("."))


def _rule_label(spec: Any, index: int) -> str:
    if isinstance(spec, Mapping):
        code, name = spec.get("code"), spec.get("name")
        if code and name:
            return f"rule {code} ({name})"
        if code or name:
            return f"rule {code or name}"
    return f"rule #{index + 1}"


def _schema_errors(validator_cls: Any, schema: dict, instance: Any) -> list[Any]:
    validator = validator_cls(schema)
    return sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))


def validate(located: Located) -> list[SourceError]:
    """Schema problems in a parsed pack, each with its line and rule."""
    Draft202012Validator = schema_validator()

    try:
        expect_mapping(
            located, "rule pack", "a rule pack is a mapping with a 'rules' list", PACK_SCHEMA["properties"]
        )
    except SourceError as exc:
        return [PackError(exc.file, exc.line, exc.message)]
    errors: list[SourceError] = []
    data = located.data
    for err in _schema_errors(Draft202012Validator, PACK_SCHEMA, data):
        errors.append(PackError(located.file, error_line(located, err), format_schema_error(err)))
    if errors or not isinstance(data, Mapping):
        return errors
    for i, spec in enumerate(data.get("rules") or ()):
        label = _rule_label(spec, i)
        kind = spec.get("kind")
        if kind not in KINDS:
            line = located.line_of(("rules", i, "kind")) if "kind" in spec else located.line_of(("rules", i))
            message = (
                f"unknown kind {quote_key(kind)}; use one of {', '.join(KINDS)}"
                if kind is not None
                else f"'kind' is missing (required); use one of {', '.join(KINDS)}"
            )
            errors.append(PackError(located.file, line, message, label))
            continue
        cls = KINDS[kind]
        for err in _schema_errors(Draft202012Validator, rule_schema(cls.PROPERTIES, cls.REQUIRED), spec):
            err = deepest(err)
            path = ("rules", i, *err.absolute_path)
            where = path_label(err.absolute_path)
            message = format_schema_error(err)
            errors.append(
                PackError(
                    located.file, located.line_of(path), f"{where}: {message}" if where else message, label
                )
            )
    return errors


def _load_validated(path: Path, display: str, cache: Cache) -> tuple[Located, Any, bool]:
    """The parsed pack, its cache key, and whether it came from the shipped packs or the cache
    (validated, patterns included, earlier)."""
    try:
        text = read_source(path, display, "rule pack")
    except SourceError as exc:
        raise PackErrors([PackError(exc.file, exc.line, exc.message)]) from None
    shipped = prebuilt.pack(display, text, SCHEMA_VERSION)
    if shipped is not None:
        return shipped, None, True
    key = (SCHEMA_VERSION, display, file_stamp(path, text))
    cached = cache.get("packs", key)
    if cached is not None:
        return cached, key, True
    located = load_yaml(text, display)
    if located.data is None:
        raise PackErrors([PackError(display, None, "empty rule pack: it needs a 'rules' list")])
    errors = validate(located)
    if errors:
        raise PackErrors(errors)
    return located, key, False


def _first_language(value: Any) -> str | None:
    if isinstance(value, str):
        return value if value != "*" else None
    return value[0] if isinstance(value, list) and value else None


def _languages(value: Any) -> frozenset[str] | None:
    if value is None or value == "*":
        return None
    return frozenset([value] if isinstance(value, str) else value)


def _by_language(value: Any, languages: frozenset[str] | None) -> dict[str, str]:
    if isinstance(value, Mapping):
        return dict(value)
    if languages is not None and len(languages) == 1:
        return {next(iter(languages)): value}
    return {"*": value}


def _entry_examples(spec: Mapping[str, Any], default: str | None) -> list[Example]:
    """A phrase pack's entries carry their own flagged and clean examples; they run as tests too."""
    out = []
    for entry in spec.get("entries", ()):
        examples = entry.get("examples", {})
        label = entry.get("id")
        out += [Example(t, True, default, label=label) for t in examples.get("flagged", ())]
        out += [Example(t, False, default, label=label) for t in examples.get("clean", ())]
    return out


def _examples(spec: Mapping[str, Any], default: str | None) -> tuple[Example, ...]:
    out = []
    for flagged, key in ((True, "flagged"), (False, "clean")):
        for item in spec["examples"][key]:
            if isinstance(item, str):
                out.append(Example(item, flagged, default))
            else:
                out.append(Example(item["text"], flagged, item.get("language", default), item.get("fixed")))
    return tuple(out + _entry_examples(spec, default))


def build_rule(
    located: Located, index: int, pack_language: Any, plugin: str, *, checked: bool = False
) -> PackRule:
    """Compile one validated rule spec into a rule object.

    ``checked``: the spec passed every check on an earlier run (it comes from the cache), so its
    patterns are compiled only when first used and its messages and examples are not re-examined.
    """
    spec = located.data["rules"][index]
    label = _rule_label(spec, index)

    def error(path: tuple[Any, ...], message: str) -> PackError:
        return PackError(located.file, located.line_of(("rules", index, *path)), message, label)

    def compile_pattern(pattern: str, flags: int, path: tuple[Any, ...]) -> Any:
        if checked:
            return LazyPattern(pattern, flags)
        try:
            return regex.compile(pattern, flags)
        except regex.error as exc:
            raise error(path, f"invalid regular expression {quote(pattern)}: {exc}") from None

    declared = spec.get("languages", pack_language)
    languages = _languages(declared)
    # Examples are in the first language the rule names (the pack's, for a rule of every language),
    # unless they say otherwise.
    first_language = _first_language(declared) or _first_language(pack_language)
    scope = spec.get("scope", "text")
    cls = KINDS[spec["kind"]]
    meta = RuleMeta(
        code=spec["code"],
        name=spec["name"],
        category=Category(spec["category"]),
        severity=Severity.parse(spec["severity"]),
        message=_by_language(spec["message"], languages),
        description=_by_language(spec["description"], languages),
        examples=_examples(spec, first_language),
        languages=languages,
        scope=(scope,) if isinstance(scope, str) else tuple(scope),
        preview=bool(spec.get("preview", False)),
        aliases=tuple(spec.get("aliases", ())),
        fix=Applicability(spec["fix"])
        if "fix" in spec
        else (Applicability.UNSAFE if spec["kind"] == "repetition" else None),
        reference=spec.get("reference", ""),
        options={key: tuple(spec.get(key, ())) for key in KIND_OPTIONS.get(spec["kind"], ())},
        origin=f"{located.file}:{located.line_of(('rules', index))}",
        plugin=plugin,
        messages={name: _by_language(texts, languages) for name, texts in spec.get("messages", {}).items()},
    )
    try:
        rule = cls(meta, spec, compile_pattern)
    except ValueError as exc:
        raise error(getattr(exc, "path", ()), str(exc)) from None
    if checked:
        return rule
    allowed = rule.placeholders()
    templates = [(("message",), "the message", meta.message)]
    templates += [(("messages", name), f"message {name!r}", texts) for name, texts in meta.messages.items()]
    for where, what, texts in templates:
        for lang, template in texts.items():
            try:
                unknown = template_fields(template) - allowed
            except ValueError as exc:
                raise error(where, f"malformed message template: {exc}") from None
            if unknown:
                raise error(
                    where,
                    f"unknown placeholder {{{sorted(unknown)[0]}}} in {what}"
                    f"{'' if lang == '*' else ' (' + lang + ')'}; available: "
                    + ", ".join("{" + p + "}" for p in sorted(allowed)),
                )
    for example in meta.examples:
        if example.flagged and (MARK_OPEN not in example.text or not example.spans):
            raise error(
                ("examples", "flagged"),
                f"flagged example {quote(example.text)} must mark what is flagged with {MARK_OPEN}…{MARK_CLOSE}",
            )
        if example.text.count(MARK_OPEN) != example.text.count(MARK_CLOSE):
            raise error(("examples",), f"unbalanced {MARK_OPEN}…{MARK_CLOSE} marks in {quote(example.text)}")
    return rule


def load_pack(
    path: Path, *, display: str | None = None, cache: Cache | None = None, plugin: str = "refuso"
) -> list[PackRule]:
    """Load, validate and compile one pack file. Raises :class:`PackErrors`."""
    display = display or str(path)
    cache = cache or Cache(None)
    located, key, checked = _load_validated(path, display, cache)
    pack_language = located.data.get("language")
    rules, errors = [], []
    for i in range(len(located.data.get("rules") or ())):
        try:
            rules.append(build_rule(located, i, pack_language, plugin, checked=checked))
        except SourceError as exc:
            errors.append(exc)
    if errors:
        raise PackErrors(errors)
    if not checked:
        # Only a pack whose every rule compiled and checked out is remembered as valid.
        cache.put("packs", key, located)
    return rules


def load_packs(
    paths: Iterable[tuple[Path, str]], cache: Cache | None = None, plugin: str = "refuso"
) -> tuple[list[PackRule], list[SourceError]]:
    """Load many packs; problems are collected rather than raised, so one bad pack spoils nothing else."""
    rules: list[PackRule] = []
    errors: list[SourceError] = []
    for path, display in paths:
        try:
            rules.extend(load_pack(path, display=display, cache=cache, plugin=plugin))
        except PackErrors as exc:
            errors.extend(exc.errors)
        except SourceError as exc:
            errors.append(exc)
    return rules, errors
