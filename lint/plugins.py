"""Builds the plugin manager: refuso's built-ins plus the plugins installed in the ``refuso`` group.

There is no module-level registry: :func:`make_plugins` returns a fresh :class:`Plugins` each time,
and everything downstream receives it. Hooks are called through pluggy, so its ordering
(``tryfirst``/``trylast``), ``firstresult`` and ``historic`` hooks work as documented. A plugin that
cannot be loaded or registers a hook that does not exist is recorded in :attr:`Plugins.failures` and
left out; each hook function is wrapped when its plugin is registered, so one that raises is recorded
there too and answers None, and the run goes on.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pluggy

from lint import hookspecs
from lint.builtin import DEFAULT_PLUGINS
from lint.cache import Cache

if TYPE_CHECKING:
    from lint.lang import Languages

ENTRY_POINT_GROUP = "refuso"
BUILTIN_NAME = "refuso"  # what refuso's own plugins are called in messages and rule metadata


@dataclass(frozen=True, slots=True)
class PluginFailure:
    plugin: str
    stage: str  # "load", "register" or the hook that raised
    message: str

    def describe(self) -> str:
        where = "while loading" if self.stage == "load" else f"in {self.stage}"
        return f"plugin {self.plugin!r} failed {where}: {self.message}"


def _error_text(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Plugins:
    """The pluggy manager and the failures met so far."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.manager = manager
        self.failures: list[PluginFailure] = []

    def fail(self, plugin: str, stage: str, exc: BaseException | str) -> None:
        message = exc if isinstance(exc, str) else _error_text(exc)
        failure = PluginFailure(plugin, stage, message)
        if failure not in self.failures:
            self.failures.append(failure)

    def register(self, plugin: object, name: str) -> bool:
        """Register one plugin, its hook functions guarded; on failure record it and leave it out."""
        guarded = _Guarded(plugin, name, self)
        try:
            self.manager.register(guarded, name=name)
        except Exception as exc:
            self.fail(name, "register", exc)
            return False
        unknown = [
            caller.name
            for caller in self.manager.get_hookcallers(guarded) or ()
            if not caller.has_spec()
            and not any(impl.optionalhook for impl in caller.get_hookimpls() if impl.plugin is guarded)
        ]
        if unknown:
            self.manager.unregister(guarded)
            known = ", ".join(sorted(n for n in dir(hookspecs) if n.startswith("refuso_")))
            self.fail(name, "register", f"unknown hook {', '.join(unknown)} (refuso's hooks: {known})")
            return False
        return True

    def contributions(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """What each plugin answers to a hook, in pluggy's order, as ``(plugin, answer)``; a plugin
        that answers None or raises contributes nothing (a failure is recorded)."""
        answers = getattr(self.manager.hook, hook_name)(**kwargs)
        return [(answer.plugin, answer.value) for answer in answers]

    @functools.cached_property
    def languages(self) -> Languages:
        """The registered languages (``refuso_languages``), refuso's own first."""
        from lint.lang import Languages

        answers = self.contributions("refuso_languages")
        return Languages(language for _plugin, found in reversed(answers) for language in found or ())

    def first_result(self, hook_name: str, **kwargs: Any) -> tuple[str, Any] | None:
        """``(plugin, answer)`` of the first plugin to answer a ``firstresult`` hook, or None."""
        answer = getattr(self.manager.hook, hook_name)(**kwargs)
        return None if answer is None else (answer.plugin, answer.value)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.manager.list_name_plugin()]


@dataclass(frozen=True, slots=True)
class Answer:
    """A plugin's answer to a hook, with the plugin's name (refuso's own plugins answer as "refuso")."""

    plugin: str
    value: Any


def _owner(name: str) -> str:
    return BUILTIN_NAME if name.startswith(BUILTIN_NAME + ".") else name


class _Guarded:
    """A plugin as pluggy sees it: its hook functions, each recording a failure instead of raising and
    labelling its answer with the plugin's name. Hook wrappers are left as they are."""

    def __init__(self, plugin: object, name: str, plugins: Plugins) -> None:
        self.__name__ = name
        for attribute in dir(plugin):
            opts = plugins.manager.parse_hookimpl_opts(plugin, attribute)
            if opts is None:
                continue
            function = getattr(plugin, attribute)
            if not (opts.get("wrapper") or opts.get("hookwrapper")):
                function = _guard(function, name, attribute, plugins)
            setattr(self, attribute, function)


def _guard(function: Callable[..., Any], name: str, hook: str, plugins: Plugins) -> Callable[..., Any]:
    owner = _owner(name)

    @functools.wraps(function)  # keeps the hookimpl marker and the parameter names pluggy reads
    def guarded(*args: Any) -> Answer | None:
        try:
            value = function(*args)
        except Exception as exc:
            plugins.fail(name, hook, exc)
            return None
        return None if value is None else Answer(owner, value)

    return guarded


def _installed_entry_points(cache: Cache) -> list[tuple[str, str]]:
    """(name, "module:attr") for each plugin in the ``refuso`` entry-point group.

    Reading every installed package's metadata is the slowest part of start-up, so the list is
    cached under the modification times of the folders on ``sys.path``: installing or removing a
    package changes its folder, which changes the key.
    """
    stamps = []
    # sys.path[0] is the script's folder or the working folder, which Python adds for every run and
    # which changes whenever a file is added there: plugins are never installed into it.
    for entry in sys.path[1:]:
        try:
            stamps.append((entry, os.stat(entry or ".").st_mtime_ns))
        except OSError:
            stamps.append((entry, 0))
    key = ("entry-points", ENTRY_POINT_GROUP, tuple(stamps))
    cached = cache.get("entry-points", key)
    if cached is not None:
        return cached
    found = scan_entry_points(ENTRY_POINT_GROUP)
    cache.put("entry-points", key, found)
    return found


def scan_entry_points(group: str) -> list[tuple[str, str]]:
    """(name, value) of the entry points of ``group``, read from the ``entry_points.txt`` of each
    distribution on ``sys.path`` (the first of a name wins), as :func:`importlib.metadata.entry_points`
    reads them, without importing it: it pulls in email, zipfile and csv, 40 ms of a first run. A
    zip archive on the path is left to importlib.metadata."""
    found: set[tuple[str, str]] = set()
    seen: set[str] = set()
    for entry in sys.path:
        folder = entry or "."
        if os.path.isfile(folder):
            from importlib.metadata import entry_points

            return sorted({(ep.name, ep.value) for ep in entry_points(group=group)})
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            stem, dot, suffix = name.rpartition(".")
            if not dot or suffix not in ("dist-info", "egg-info"):
                continue
            distribution = stem.split("-")[0].replace(".", "_").replace("-", "_").lower()
            if distribution in seen:
                continue
            seen.add(distribution)
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            section = None
            for line in text.splitlines():
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("[") and line.endswith("]"):
                    section = line[1:-1].strip()
                elif section == group and "=" in line:
                    ep_name, _, value = line.partition("=")
                    found.add((ep_name.strip(), value.strip()))
    return sorted(found)


def _load_entry_point(value: str) -> object:
    module_name, _, attribute = value.partition(":")
    obj: object = importlib.import_module(module_name.strip())
    attribute = attribute.split("[", 1)[0].strip()
    for part in filter(None, attribute.split(".")):
        obj = getattr(obj, part)
    return obj


def make_plugins(
    *,
    load_entry_points: bool = True,
    extra: Iterable[tuple[str, object]] = (),
    cache: Cache | None = None,
) -> Plugins:
    """A new plugin manager with refuso's built-ins, installed plugins and ``extra`` (name, plugin) pairs."""
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    plugins = Plugins(manager)
    manager.hook.refuso_addhooks.call_historic(kwargs={"plugin_manager": manager})
    for module in DEFAULT_PLUGINS:
        plugins.register(importlib.import_module(module), BUILTIN_NAME + module.removeprefix("lint.builtin"))
    if load_entry_points:
        for name, value in _installed_entry_points(cache or Cache(None)):
            if _owner(name) == BUILTIN_NAME or manager.has_plugin(name):
                plugins.fail(name, "load", "a plugin with this name is already registered")
                continue
            try:
                obj = _load_entry_point(value)
            except Exception as exc:
                plugins.fail(name, "load", exc)
                continue
            plugins.register(obj, name)
    for name, obj in extra:
        plugins.register(obj, name)
    manager.check_pending()
    return plugins
