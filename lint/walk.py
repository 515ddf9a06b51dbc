"""Which files a run checks: the paths given, and the files found in the folders given.

Folders are walked with the ``include`` / ``exclude`` globs of the configuration that governs them
(gitignore syntax), and ``.gitignore`` files are honoured unless ``respect-gitignore`` is off.
A path named explicitly is always checked. Symbolic links to folders are not followed, so a link
loop cannot trap the walk.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lint.config import ConfigFinder, Settings


@dataclass(frozen=True, slots=True)
class Target:
    path: str  # what to open ("-" for standard input)
    display: str  # what to call it in reports
    settings: Settings


def _spec(patterns: tuple[str, ...]):  # -> pathspec.PathSpec
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


class _Gitignores:
    """The .gitignore files met on the way down, each applying to its own folder."""

    def __init__(self) -> None:
        self.specs: list[tuple[str, object]] = []

    def push(self, directory: str) -> None:
        path = os.path.join(directory, ".gitignore")
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines = fh.read().splitlines()
        except OSError:
            return
        self.specs.append((directory, _spec(tuple(lines))))

    def ignored(self, path: str, is_dir: bool) -> bool:
        for base, spec in self.specs:
            if not path.startswith(base + os.sep) and path != base:
                continue
            rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            if spec.match_file(rel):  # type: ignore[attr-defined]
                return True
        return False


def walk_folder(root: str, finder: ConfigFinder) -> Iterator[tuple[str, Settings]]:
    root_settings = finder.for_directory(Path(root))
    exclude = _spec(root_settings.exclude + root_settings.extend_exclude)
    include = _spec(root_settings.include)
    gitignores = _Gitignores()
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        if root_settings.respect_gitignore:
            gitignores.push(directory)
        rel_dir = os.path.relpath(directory, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        kept = []
        for name in sorted(dirnames):
            full = os.path.join(directory, name)
            if exclude.match_file(rel_dir + name + "/"):
                continue
            if root_settings.respect_gitignore and gitignores.ignored(full, True):
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            rel = rel_dir + name
            full = os.path.join(directory, name)
            if not include.match_file(rel) or exclude.match_file(rel):
                continue
            if root_settings.respect_gitignore and gitignores.ignored(full, False):
                continue
            yield full, finder.for_directory(Path(directory))


def discover(paths: list[str], finder: ConfigFinder, stdin_filename: str | None = None) -> list[Target]:
    from lint.engine import display_path

    cwd = os.getcwd()
    targets: list[Target] = []
    seen: set[str] = set()
    for arg in paths:
        if arg == "-":
            name = stdin_filename or "-"
            base = Path(stdin_filename).parent if stdin_filename else Path(cwd)
            targets.append(Target("-", name, finder.for_directory(base)))
            continue
        if os.path.isdir(arg):
            for full, settings in walk_folder(arg, finder):
                key = os.path.realpath(full)
                if key not in seen:
                    seen.add(key)
                    targets.append(Target(full, display_path(full, cwd), settings))
            continue
        key = os.path.realpath(arg)
        if key in seen:
            continue
        seen.add(key)
        parent = Path(arg).parent if str(Path(arg).parent) else Path(".")
        settings = finder.for_directory(parent) if parent.is_dir() else finder.for_directory(Path(cwd))
        targets.append(Target(arg, display_path(arg, cwd), settings))
    return targets
