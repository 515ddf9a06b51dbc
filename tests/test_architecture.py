"""The shape of the package: no import circles inside lint/, no module too long to read, a short README,
a current rules reference."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

LINT = ROOT / "lint"
MAX_LINES = 450
# Modules that are data more than code may be longer, each named here with its reason. None is today:
# the language modules (lint/lang/it/) are the likeliest to grow past the limit as their word lists do.
LONG_DATA_MODULES: dict[str, str] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.AST, module: str, is_package: bool, known: set[str]) -> set[str]:
    """The lint modules ``tree`` imports, at any depth of the code, outside ``if TYPE_CHECKING:``."""
    found: set[str] = set()

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, *([node.module] if node.module else [])])
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names
            ]
        else:
            names = []
        for name in names:
            target = resolve(name) if name.split(".")[0] == "lint" else None
            if target is not None and target != module:
                found.add(target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in LINT.rglob("*.py")}
    known = set(files)
    return {
        name: _imports(ast.parse(path.read_text(encoding="utf-8")), name, path.name == "__init__.py", known)
        for name, path in files.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_import_circles_inside_lint():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_is_too_long_to_read():
    long = {
        name: length
        for path in LINT.rglob("*.py")
        if (length := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and (name := _module_name(path)) not in LONG_DATA_MODULES
    }
    assert long == {}


def test_readme_is_short():
    assert (ROOT / "README.md").stat().st_size < 15_000


def test_the_rules_reference_is_current():
    """docs/rules.md is generated from the rules' metadata: regenerate it with `python -m lint.docs docs/rules.md`."""
    from lint.api import Linter
    from lint.cache import Cache
    from lint.docs import rules_markdown

    linter = Linter(load_entry_points=False, isolated=True, cache=Cache(None))
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(linter.base_rules)
