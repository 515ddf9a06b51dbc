"""Per-file settings: the ``per-file`` entries of a configuration, which change the settings of the
files their globs match, and the description ``refuso check --show-settings`` prints."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from lint.findings import Severity


@dataclass(frozen=True)
class PerFile:
    """One ``per-file`` entry: the globs it applies to and the settings it changes (as :class:`Settings`
    fields; ``ignore`` and ``extend_select`` add to the file's, ``rules`` are merged by code)."""

    files: tuple[str, ...]
    changes: Mapping[str, Any]
    line: int | None = None


def apply_per_file(settings: Any, entries: Sequence[PerFile]) -> Any:
    """``settings`` with ``entries`` applied in order: the later entry wins."""
    changes: dict[str, Any] = {}
    for entry in entries:
        for key, value in entry.changes.items():
            if key in ("ignore", "extend_select"):
                changes[key] = changes.get(key, getattr(settings, key)) + value
            elif key == "rules":
                changes[key] = MappingProxyType({**changes.get(key, settings.rules), **value})
            else:
                changes[key] = value
    return replace(settings, **changes) if changes else settings


def per_file_entry(
    located: Any,
    index: int,
    entry: Mapping[str, Any],
    parse_rules: Callable[..., Any],
    parse_date: Callable[[Any], Any],
) -> PerFile:
    """The ``per-file`` entry at ``index`` of a validated configuration, as :class:`Settings` fields."""
    changes: dict[str, Any] = {}
    for key, value in entry.items():
        name = key.replace("-", "_")
        if key == "files":
            continue
        if key in ("select", "extend-select", "ignore"):
            changes[name] = tuple(value)
        elif key == "fail-level":
            changes[name] = Severity.parse(value)
        elif key == "rules":
            changes[name] = parse_rules(located, entry, ("per-file", index))
        elif key == "date":
            changes[name] = parse_date(value)
        elif key == "preview":
            changes[name] = bool(value)
        else:
            changes[name] = value
    return PerFile(tuple(entry["files"]), MappingProxyType(changes), located.line_of(("per-file", index)))


def describe_settings(path: str, settings: Any) -> str:
    """What ``refuso check --show-settings PATH`` prints: where the settings come from, the selection
    after the ``per-file`` entries and the command line, and every other setting not at its default."""
    lines = [f"file: {path}", f"configuration: {settings.config_file or 'none (defaults)'}"]
    if settings.per_file_applied:
        entries = [settings.per_file[i] for i in settings.per_file_applied]
        described = ", ".join(
            f"{', '.join(e.files)}" + (f" (line {e.line})" if e.line else "") for e in entries
        )
        lines.append(f"per-file: {described}")
    else:
        lines.append("per-file: none apply")

    def listed(values: Sequence[str] | None, default: str = "none") -> str:
        return ", ".join(values) if values else default

    lines += [
        f"language: {settings.language}",
        f"select: {listed(settings.select, 'default (every rule not in preview)')}",
        f"extend-select: {listed(settings.extend_select)}",
        f"ignore: {listed(settings.ignore)}",
        f"preview: {str(settings.preview).lower()}",
        f"fail-level: {settings.fail_level.name.lower()}",
    ]
    for code, rule in sorted(settings.rules.items()):
        parts = [f"severity {rule.severity.name.lower()}"] if rule.severity is not None else []
        parts += [f"{k} {v!r}" for k, v in rule.options.items()]
        lines.append(f"rules.{code}: {', '.join(parts) or 'default'}")
    defaults = type(settings)()
    shown = {
        "config_file",
        "root",
        "language",
        "select",
        "extend_select",
        "ignore",
        "preview",
        "fail_level",
        "rules",
        "per_file",
        "per_file_applied",
    }
    for name in type(settings).__dataclass_fields__:
        value = getattr(settings, name)
        if name in shown or value == getattr(defaults, name):
            continue
        if name == "vocabulary":
            value = f"accept {', '.join(value.accept) or 'none'}; reject {', '.join(value.reject) or 'none'}"
        elif isinstance(value, tuple):
            value = ", ".join(map(str, value))
        elif isinstance(value, Mapping):
            value = {k: dict(v) if isinstance(v, Mapping) else v for k, v in value.items()}
        lines.append(f"{name.replace('_', '-')}: {value}")
    return "\n".join(lines) + "\n"
