"""The plugin author's reference: every hook refuso calls.

A plugin is a module or object with functions marked ``@hookimpl`` and named like the specs below.
Install it with an entry point in the ``refuso`` group::

    [project.entry-points.refuso]
    acme = "acme_refuso"

Built-in rules, readers and formatters register through these same hooks. Every hook is optional.
A plugin that raises while loading or in any hook is reported by name, the run goes on without it,
and the exit code is 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from lint.config import Settings
    from lint.formatters import Formatter
    from lint.lang import Language
    from lint.readers import Reader
    from lint.rules import Rule

PROJECT = "refuso"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(historic=True)
def refuso_addhooks(plugin_manager: pluggy.PluginManager) -> None:
    """Called once when the plugin is registered: add your own hook specifications here.

    Replayed for plugins registered later. Return value ignored.
    """


@hookspec
def refuso_languages() -> list[Language] | None:
    """Languages refuso can check (:class:`lint.lang.Language`): function words for detection, the
    words rules need, interface labels. refuso's Italian and English come through this hook too.
    The first plugin to register a code keeps it. None contributes none.
    """


@hookspec
def refuso_rules() -> list[Rule] | None:
    """Rules implemented in Python.

    Return a list of objects with a ``meta`` (:class:`lint.rules.RuleMeta`) and a
    ``check(document, options)`` method, or None to contribute none. Codes from plugins should
    use their own namespace (``acme.no-foo``, ``ACME001``) so they never collide with refuso's.
    """


@hookspec
def refuso_rule_packs() -> list[str] | None:
    """Paths of YAML rule packs: files, or folders holding ``<lang>/*.yaml``.

    Packs are validated like the built-in ones. None contributes nothing.
    """


@hookspec
def refuso_kb_files() -> list[str] | None:
    """Knowledge-base files (or folders of them) to add to refuso's own: people, offices, organisations.

    They are validated like the built-in ones (see rules/kb/README.md). None contributes nothing.
    """


@hookspec(firstresult=True)
def refuso_reader(path: str) -> Reader | None:
    """The reader for a file, chosen by its path (``-`` or ``--stdin-filename`` for standard input).

    The first plugin to return a reader wins; plugins are asked before the built-in readers.
    Return None to let the next plugin decide.

    A reader may also have ``safe_breaks(text, start, end)``, yielding the offsets in
    ``text[start:end]`` where the text can be cut into pieces it reads independently (as
    ``lint.readers.plain.paragraph_breaks`` does at blank lines). Files over 8 MB are then checked a
    window at a time, in bounded memory; without it they are read whole.
    """


@hookspec
def refuso_formatters() -> dict[str, Formatter] | None:
    """Output formats: a mapping from the name given to ``--format`` to a formatter.

    A formatter is an object with ``name`` and ``write(run, stream, context)``. None contributes none.
    """


@hookspec
def refuso_config_schema() -> dict[str, Any] | None:
    """JSON Schemas for the plugin's own configuration, keyed by section name.

    A section ``acme`` is then accepted under ``plugins: {acme: ...}`` in ``.refuso.yaml``
    and validated against the schema. None contributes none.
    """


@hookspec
def refuso_configure(settings: Settings) -> None:
    """Called with the frozen settings of each configuration before the rules run.

    A plugin reads its section from ``settings.plugin_options``. Return value ignored.
    """
