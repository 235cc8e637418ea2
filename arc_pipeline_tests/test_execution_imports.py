"""The sandbox package has no import circle and the worker side never imports the pool.

Read from the source (``ast``), so an import hidden in a function or at the bottom of a file
counts as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

import arc_pipeline.execution as package

PACKAGE = "arc_pipeline.execution"
ROOT = Path(package.__file__).parent


def _imports_inside_package(path: Path) -> set[str]:
    """Modules of this package that ``path`` imports (``__init__`` as the package name)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this package
                base = f"{PACKAGE}.{base}" if base else PACKAGE
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            if name == PACKAGE or name.startswith(PACKAGE + "."):
                mod = name[len(PACKAGE) + 1 :].split(".")[0]
                if not mod or (ROOT / f"{mod}.py").exists():
                    found.add(mod or "__init__")
    return found


def _graph() -> dict[str, set[str]]:
    return {p.stem: _imports_inside_package(p) - {p.stem} for p in ROOT.glob("*.py")}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a list of modules, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_circle_in_the_sandbox_package():
    graph = _graph()
    assert {"__init__", "protocol", "pool", "worker"} <= set(graph)
    assert _cycle(graph) is None, _cycle(graph)
    submodules = {name: deps for name, deps in graph.items() if name != "__init__"}
    assert all("__init__" not in deps for deps in submodules.values()), submodules  # nobody needs the facade


def test_worker_and_protocol_never_import_the_pool():
    graph = _graph()
    assert graph["worker"] <= {"protocol"}, graph["worker"]
    assert graph["protocol"] == set(), graph["protocol"]


def test_public_api_is_re_exported():
    from arc_pipeline.execution import pool, protocol

    for name in package.__all__:
        assert hasattr(package, name), name
    assert package.Executor is pool.Executor and package.ExecResult is protocol.ExecResult
    assert package.default_executor is pool.default_executor
