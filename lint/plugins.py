"""Builds the plugin manager: refuso's built-ins plus the plugins installed in the ``refuso`` group.

There is no module-level registry: :func:`make_plugins` returns a fresh :class:`Plugins` each time,
and everything downstream receives it. A plugin that cannot be loaded, registers a hook that does
not exist, or raises in a hook is recorded in :attr:`Plugins.failures` and left out; the run goes on.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pluggy

from lint import hookspecs
from lint.cache import Cache

ENTRY_POINT_GROUP = "refuso"
BUILTIN_NAME = "refuso"


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
        """Register one plugin; on failure record it and leave the plugin out."""
        try:
            self.manager.register(plugin, name=name)
        except Exception as exc:
            self.fail(name, "register", exc)
            return False
        unknown = [
            caller.name
            for caller in self.manager.get_hookcallers(plugin) or ()
            if not caller.has_spec()
            and not any(impl.optionalhook for impl in caller.get_hookimpls() if impl.plugin is plugin)
        ]
        if unknown:
            self.manager.unregister(plugin)
            known = ", ".join(sorted(n for n in dir(hookspecs) if n.startswith("refuso_")))
            self.fail(name, "register", f"unknown hook {', '.join(unknown)} (refuso's hooks: {known})")
            return False
        return True

    def call_each(self, hook_name: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Call every implementation of a hook in pluggy's order, isolating failures.

        Yields ``(plugin_name, result)`` for each implementation that returned normally.
        """
        caller = getattr(self.manager.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):
            args = {name: kwargs[name] for name in impl.argnames if name in kwargs}
            try:
                result = impl.function(**args)
            except Exception as exc:
                self.fail(impl.plugin_name, hook_name, exc)
                continue
            yield impl.plugin_name, result

    def first_result(self, hook_name: str, **kwargs: Any) -> tuple[str, Any] | None:
        for plugin, result in self.call_each(hook_name, **kwargs):
            if result is not None:
                return plugin, result
        return None

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.manager.list_name_plugin()]


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
    from importlib.metadata import entry_points

    found = sorted({(ep.name, ep.value) for ep in entry_points(group=ENTRY_POINT_GROUP)})
    cache.put("entry-points", key, found)
    return found


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
    from lint import builtin

    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    plugins = Plugins(manager)
    manager.hook.refuso_addhooks.call_historic(kwargs={"plugin_manager": manager})
    plugins.register(builtin, BUILTIN_NAME)
    if load_entry_points:
        for name, value in _installed_entry_points(cache or Cache(None)):
            if name == BUILTIN_NAME or manager.has_plugin(name):
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
