"""No import circles: each module imports only modules below it (tests and migrations aside).

A circle forces function-level imports and hides which rule is the lower one. Every import statement
counts, inside functions too; only imports under `if TYPE_CHECKING:`, which never run, are left out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

PACKAGES = ("rcphub", "bench")


def _modules(root: Path) -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (root / package).rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            if "migrations" in parts or "tests" in parts:
                continue
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(tree: ast.AST) -> Iterator[tuple[str, list[str]]]:
    """Yield (module, imported names) for every import that runs, at any depth."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (item for child in node.orelse for item in _imported(child))
            continue
        if isinstance(node, ast.Import):
            yield from ((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [alias.name for alias in node.names]
        else:
            yield from _imported(node)


def import_graph(root: Path) -> dict[str, set[str]]:
    """Return each project module's imports of other project modules."""
    modules = _modules(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for module, names in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            # `from package import submodule` depends on the submodule, not on the package's __init__.
            submodules = {f"{module}.{n}" for n in names} & modules.keys()
            targets = submodules or ({module} & modules.keys())
            graph[name] |= targets - {name}
    return graph


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def test_the_project_has_no_import_circles():
    graph = import_graph(Path(settings.BASE_DIR))
    assert len(graph) > 100, "the walk found the project's modules"
    assert import_circles(graph) == []


def test_import_circles_are_found():
    graph = {"a.models": {"a.permissions"}, "a.permissions": {"a.models"}, "a.views": {"a.models"}}
    assert import_circles(graph) == [["a.models", "a.permissions"]]


def test_type_checking_imports_do_not_count(tmp_path):
    (tmp_path / "rcphub").mkdir()
    (tmp_path / "bench").mkdir()
    (tmp_path / "rcphub" / "models.py").write_text("from rcphub.permissions import rule\n")
    (tmp_path / "rcphub" / "permissions.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from rcphub.models import Fund\n"
        "def rule():\n    from rcphub.views import page\n"
    )
    (tmp_path / "rcphub" / "views.py").write_text("import rcphub.models\n")
    graph = import_graph(tmp_path)
    assert graph["rcphub.permissions"] == {"rcphub.views"}
    assert import_circles(graph) == [["rcphub.models", "rcphub.permissions", "rcphub.views"]]
