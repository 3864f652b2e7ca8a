"""The layering contract, read statically from the source: which package may import which.

- the core (everything but ``render``, ``cli``, ``cli_series``, ``output``, ``tui`` and the
  entry points ``entry`` and ``__main__``) never imports a shell;
- only ``lingdiff.tui`` imports textual;
- ``render`` never imports ``tui`` or ``cli``;
- no import cycles between lingdiff's modules (imports under ``if TYPE_CHECKING:`` are
  annotations only and do not count).

Imports inside functions count like module-level ones: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "lingdiff"
SHELLS = (
    "lingdiff.render",
    "lingdiff.cli",
    "lingdiff.cli_args",
    "lingdiff.cli_series",
    "lingdiff.output",
    "lingdiff.tui",
    "lingdiff.entry",
    "lingdiff.__main__",
)


def _module_name(path: Path) -> tuple[str, list[str]]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
        return ".".join(parts), parts
    return ".".join(parts), parts[:-1]


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute names), annotations-only imports left out."""
    _, package = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    """lingdiff's modules -> the lingdiff modules and the outside packages they import."""
    return {_module_name(p)[0]: imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_the_graph_is_read() -> None:
    g = graph()
    assert "lingdiff.compare" in g and "lingdiff.tui.main_app" in g
    assert "lingdiff.reading" in g["lingdiff.compare"]
    assert any(_under(m, "textual") for m in g["lingdiff.tui.main_app"])


def test_core_never_imports_a_shell() -> None:
    bad = [
        (mod, dep)
        for mod, deps in graph().items()
        if not any(_under(mod, s) for s in SHELLS)
        for dep in deps
        if any(_under(dep, s) for s in SHELLS)
    ]
    assert bad == []


def test_only_the_tui_imports_textual() -> None:
    bad = [
        (mod, dep)
        for mod, deps in graph().items()
        if not _under(mod, "lingdiff.tui")
        for dep in deps
        if _under(dep, "textual")
    ]
    assert bad == []


def test_render_never_imports_tui_or_cli() -> None:
    bad = [
        (mod, dep)
        for mod, deps in graph().items()
        if _under(mod, "lingdiff.render")
        for dep in deps
        if _under(dep, "lingdiff.tui") or _under(dep, "lingdiff.cli")
    ]
    assert bad == []


def find_cycle(edges: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of modules (first == last), or [] when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for start in sorted(edges):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return []


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    g = graph()
    edges = {mod: {d for d in deps if d in g and d != mod} for mod, deps in g.items()}
    assert find_cycle(edges) == []
