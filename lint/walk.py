"""Which files a run checks: the paths given, and the files found in the folders given.

Folders are walked with the ``include`` / ``exclude`` globs of the configuration that governs them
(gitignore syntax), and ``.gitignore`` files are honoured unless ``respect-gitignore`` is off.
A path named explicitly is always checked.

Links, as ruff treats them: a folder or file named on the command line is followed, links to folders
met in a walk are not (so a link loop cannot trap it), and a link to a file met in a walk is followed
only while it stays inside the folder given; one that leads out of it is skipped with a note, so a
report never quotes a file outside what it was given. Only regular files are read: a named pipe, a
socket or a device met in a walk is skipped with a note (one named on the command line is an error
when it is read). The temporary files an interrupted ``--fix`` may leave are never checked.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lint.config import ConfigFinder, Settings
from lint.findings import Problem
from lint.paths import is_temporary, kind_of, open_regular


@dataclass(frozen=True, slots=True)
class Target:
    path: str  # what to open ("-" for standard input)
    display: str  # what to call it in reports
    settings: Settings
    skipped: Problem | None = None  # set when the file is not read at all: why (a note)


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
            with open_regular(path) as fh:
                lines = fh.read().decode("utf-8", errors="replace").splitlines()
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


TEMPORARY_NOTE = (
    "it is a temporary file of `refuso check --fix` (an interrupted run left it); it is never checked "
    "as an article: delete it, or rename it if it holds text you want"
)


@dataclass(frozen=True, slots=True)
class Found:
    """A file met in a walk: its path and configuration, whether it is reached through a link, and
    why it is skipped when it is (a link out of the folder, a pipe, a device)."""

    path: str
    settings: Settings
    link: bool = False
    skipped: str | None = None


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _look(full: str, real_root: str) -> tuple[bool, str | None]:
    """(whether ``full`` is a link, why it must be skipped or None)."""
    try:
        st = os.lstat(full)
    except OSError:
        return False, None  # gone already: reading it says so
    if stat.S_ISREG(st.st_mode):
        return False, None
    if not stat.S_ISLNK(st.st_mode):
        return False, f"skipped: it is {kind_of(st.st_mode)}, not a regular file"
    try:
        points_to = os.readlink(full)
    except OSError:
        points_to = "?"
    try:
        target = os.stat(full)
    except OSError:
        target = None  # a broken link or a loop: reading it says so, unless it leads out
    if target is not None and not stat.S_ISREG(target.st_mode) and not stat.S_ISDIR(target.st_mode):
        return True, (
            f"skipped: it is a symbolic link to {points_to}, which is "
            f"{kind_of(target.st_mode)}, not a regular file"
        )
    if not _inside(os.path.realpath(full), real_root):
        return True, (
            f"skipped: it is a symbolic link to {points_to}, outside the folder being checked; "
            "links are not followed out of it (name the file itself to check it)"
        )
    return True, None


def walk_folder(root: str, finder: ConfigFinder) -> Iterator[Found]:
    root_settings = finder.for_directory(Path(root))
    exclude = _spec(root_settings.exclude + root_settings.extend_exclude)
    include = _spec(root_settings.include)
    gitignores = _Gitignores()
    real_root = os.path.realpath(root)
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
            if is_temporary(name):
                continue  # left by an interrupted --fix: never an article
            if not include.match_file(rel) or exclude.match_file(rel):
                continue
            if root_settings.respect_gitignore and gitignores.ignored(full, False):
                continue
            link, skipped = _look(full, real_root)
            if link and skipped is None and os.path.isdir(full):
                continue  # a link to a folder, listed among the files by os.walk: not followed
            yield Found(full, finder.for_file(full), link, skipped)


def discover(paths: list[str], finder: ConfigFinder, stdin_filename: str | None = None) -> list[Target]:
    from lint.paths import display_path

    cwd = os.getcwd()
    targets: list[Target] = []
    seen: dict[str, int] = {}  # real path -> index in targets
    through_link: set[int] = set()  # targets reached through a link

    def add(path: str, settings: Settings, link: bool) -> None:
        key = os.path.realpath(path)
        at = seen.get(key)
        if at is None:
            seen[key] = len(targets)
            targets.append(Target(path, display_path(path, cwd), settings))
            if link:
                through_link.add(len(targets) - 1)
        elif at in through_link and not link:
            # The file itself, met after a link to it: check it under its own name (which --fix may write).
            targets[at] = Target(path, display_path(path, cwd), settings)
            through_link.discard(at)

    for arg in paths:
        if arg == "-":
            name = stdin_filename or "-"
            settings = finder.for_file(stdin_filename) if stdin_filename else finder.for_directory(Path(cwd))
            targets.append(Target("-", name, settings))
            continue
        if os.path.isdir(arg):
            for found in walk_folder(arg, finder):
                if found.skipped is not None:
                    display = display_path(found.path, cwd)
                    note = Problem(display, found.skipped, kind="note")
                    targets.append(Target(found.path, display, found.settings, skipped=note))
                    continue
                add(found.path, found.settings, found.link)
            continue
        if is_temporary(os.path.basename(arg)):
            display = display_path(arg, cwd)
            note = Problem(display, f"skipped: {TEMPORARY_NOTE}", kind="note")
            targets.append(Target(arg, display, finder.for_directory(Path(cwd)), skipped=note))
            continue
        add(arg, finder.for_file(arg), os.path.islink(arg))
    return targets
