"""The layers of docs/architecture.md hold: each layer imports only those below it, the views only the public decision
API, and no module imports itself back through others."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "icc_rules"

#: What each layer may import, besides itself. The top-level modules (``__init__``, ``__main__``, ``schemas``) name
#: the public API and may import anything.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "_version": set(),
    "data": {"errors"},
    "lookup": {"data", "errors"},
    "law": {"data", "lookup", "errors"},
    "api": {"law", "data", "lookup", "errors"},
    "render": {"law.verdicts", "errors"},
    "views": {"api", "render", "data", "lookup", "errors"},
    "web": {"views", "api", "render", "data", "lookup", "errors", "_version"},
    "mcp": {"schemas", "views", "api", "render", "law.verdicts", "data", "lookup", "errors", "_version"},
    "cli": {"web", "mcp", "views", "api", "render", "law", "data", "lookup", "errors", "_version"},
}
TOP = {"__init__", "__main__", "schemas"}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        yield ".".join(part for part in parts if part != "__init__") or "__init__", path


def _imports(name: str, path: Path) -> set[str]:
    """The package modules ``name`` imports, as dotted names relative to the package."""
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
                   for inner in ast.walk(node)}  # imports for type checkers only are not run
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1] if node.level > 1 else package
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.startswith("icc_rules"):
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:  # "from . import bulk" imports a module
                candidate = ".".join([*target, alias.name])
                found.add(candidate if (PACKAGE / f"{candidate.replace('.', '/')}.py").exists() else ".".join(target))
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".", 1)[1] for alias in node.names if alias.name.startswith("icc_rules.")}
    return {module for module in found if module}


GRAPH = {name: _imports(name, path) for name, path in _modules()}


def _layer(module: str) -> str:
    return module.split(".")[0]


def test_every_layer_imports_only_the_layers_below_it() -> None:
    wrong = []
    for module, imported in GRAPH.items():
        layer = _layer(module)
        if layer in TOP:
            continue
        for target in imported:
            if _layer(target) == layer:
                continue
            allowed = ALLOWED[layer]
            if _layer(target) not in allowed and target not in allowed:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "imports against the layers of docs/architecture.md:\n" + "\n".join(sorted(wrong))


def test_no_module_imports_itself_back() -> None:
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for target in GRAPH.get(module, ()):
            if target == path[0]:
                cycles.append(" -> ".join([*path, target]))
            elif target not in path and len(path) < 12:
                visit(target, [*path, target])

    for module in GRAPH:
        if _layer(module) not in TOP:
            visit(module, [module])
    assert not cycles, "import loops:\n" + "\n".join(sorted(set(cycles))[:20])
