"""LanguageTool's part of the configuration: the ``languagetool:`` section (its rule is a family of
:mod:`lint.checks`, its server and client live in :mod:`lint.languagetool`)."""

from __future__ import annotations

from typing import Any

from lint.hookspecs import hookimpl
from lint.languagetool import CONFIG_SCHEMA


@hookimpl
def refuso_config_schema() -> dict[str, Any]:
    return {"languagetool": CONFIG_SCHEMA}
