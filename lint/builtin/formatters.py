"""refuso's output formats, each imported only when a run writes it."""

from __future__ import annotations

import importlib
from typing import Any

from lint.hookspecs import hookimpl

# name -> (module, class): most runs write one format, and some formats pull in heavy modules (XML,
# the HTML report's assets).
FORMATS = {
    "text": ("lint.formatters.terminal", "TextFormatter"),
    "concise": ("lint.formatters.terminal", "ConciseFormatter"),
    "json": ("lint.formatters.json", "JsonFormatter"),
    "json-lines": ("lint.formatters.json", "JsonLinesFormatter"),
    "sarif": ("lint.formatters.sarif", "SarifFormatter"),
    "github": ("lint.formatters.github", "GithubFormatter"),
    "gitlab": ("lint.formatters.gitlab", "GitlabFormatter"),
    "junit": ("lint.formatters.junit", "JunitFormatter"),
    "html": ("lint.formatters.html", "HtmlFormatter"),
}


class DeferredFormatter:
    """Stands for a formatter until one of its attributes is asked for, then imports and builds it."""

    def __init__(self, name: str, module: str, cls: str) -> None:
        self.name = name
        self._where = (module, cls)
        self._formatter: Any = None

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__") or attribute in ("_where", "_formatter"):
            raise AttributeError(attribute)
        if self._formatter is None:
            module, cls = self._where
            self._formatter = getattr(importlib.import_module(module), cls)()
        return getattr(self._formatter, attribute)

    def __repr__(self) -> str:
        return f"<formatter {self.name!r} from {self._where[0]}>"


@hookimpl
def refuso_formatters() -> dict[str, object]:
    return {name: DeferredFormatter(name, module, cls) for name, (module, cls) in FORMATS.items()}
