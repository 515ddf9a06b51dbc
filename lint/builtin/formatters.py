"""refuso's output formats."""

from __future__ import annotations

from lint.hookspecs import hookimpl


@hookimpl
def refuso_formatters() -> dict[str, object]:
    from lint.formatters.github import GithubFormatter
    from lint.formatters.gitlab import GitlabFormatter
    from lint.formatters.html import HtmlFormatter
    from lint.formatters.json import JsonFormatter, JsonLinesFormatter
    from lint.formatters.junit import JunitFormatter
    from lint.formatters.sarif import SarifFormatter
    from lint.formatters.terminal import ConciseFormatter, TextFormatter

    return {
        "text": TextFormatter(),
        "concise": ConciseFormatter(),
        "json": JsonFormatter(),
        "json-lines": JsonLinesFormatter(),
        "sarif": SarifFormatter(),
        "github": GithubFormatter(),
        "gitlab": GitlabFormatter(),
        "junit": JunitFormatter(),
        "html": HtmlFormatter(),
    }
