"""Regular expressions compiled on first use.

The ``regex`` module parses patterns in Python, which costs a millisecond or more per pattern; a
pattern that a run never reaches (an exception list consulted only when a rule matches, a rule for
another language) should not slow down every start.
"""

from __future__ import annotations

from typing import Any


class LazyPattern:
    """Behaves like the compiled pattern; compiles it the first time it is used."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self.flags))


class LazyRe:
    """The same for the standard library's engine: a pattern compiled the first time it is used.
    Each compiling costs little, but the modules of the rules hold hundreds of patterns, many for one
    language or needed only once a cheaper test has passed. An attribute asked for is kept, so a
    pattern used in a loop costs a plain attribute look-up after the first time."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        import re

        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(self._source, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyRe, (self._source, self._flags))
