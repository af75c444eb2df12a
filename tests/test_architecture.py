"""The layers hold: each layer imports only what :data:`LAYERS` allows it, no module imports itself back through
others, and docs/architecture.md draws the same layers, the same modules of the law and the same memory bounds as the
code.

Every way Python can import a module of the package is read, with :mod:`ast`, from every module: ``import
icc_rules.web``, ``from icc_rules import assess`` (followed to the module that defines ``assess``), ``from .. import
web``, relative imports of any depth, ``importlib.import_module("icc_rules.web")``, and imports inside functions,
classes, ``try`` blocks and ``if TYPE_CHECKING:`` (an import for type checkers only still ties the layers together:
a layer that needs an upper layer's types is misplaced). ``test_the_checker_catches_every_import_form`` adds each form
to a copy of the package and expects it caught.
"""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from icc_rules.api import queries
from icc_rules.law import decide

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "icc_rules"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

#: The layers, top to bottom, and what each may import besides its own modules: another layer, or one module of it.
#: The one place the layers are written: the import checks below and the diagram of docs/architecture.md are held
#: to it. A layer may only import layers below it, so the order is also the order of the diagram.
LAYERS: dict[str, frozenset[str]] = {
    "cli": frozenset({"mcp", "web", "views", "api", "render", "law", "lookup", "i18n", "data", "errors", "_version"}),
    "mcp": frozenset({"views", "api", "render", "law.verdicts", "lookup", "i18n", "data", "errors", "_version"}),
    "web": frozenset({"views", "api", "render", "lookup", "i18n", "data", "errors", "_version"}),
    "views": frozenset({"api", "render", "lookup", "i18n", "data", "errors"}),
    "api": frozenset({"law", "lookup", "i18n", "data", "errors"}),
    "render": frozenset({"law.verdicts", "i18n", "errors"}),
    "law": frozenset({"i18n", "data", "errors"}),
    "lookup": frozenset({"i18n", "data", "errors"}),
    "i18n": frozenset({"data", "errors"}),
    "data": frozenset({"errors"}),
    "errors": frozenset(),
    "_version": frozenset(),
}
#: The top-level modules that name the public API (the package itself, ``python -m icc_rules``, the JSON schemas):
#: they may import anything, and nothing in a layer may import them.
TOP = frozenset({"__init__", "__main__", "schemas"})


@dataclass(frozen=True)
class Import:
    """One import of a module of the package: the importing module, the module imported (dotted, relative to the
    package; ``__init__`` for the package itself), the line, and whether it runs only for type checkers."""

    module: str
    target: str
    line: int
    typing_only: bool


@lru_cache(maxsize=512)
def _parse(text: str) -> ast.Module:
    """A module's tree (the copies of the package share the unchanged modules' trees)."""
    return ast.parse(text)


def modules(root: Path) -> dict[str, Path]:
    """Every module of the package at ``root``, by dotted name relative to it (``law.rules``; a package by its own
    name, ``law``; the package itself is ``__init__``)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        found[".".join(part for part in parts if part != "__init__") or "__init__"] = path
    return found


def _exports(root: Path, known: dict[str, Path]) -> dict[str, str]:
    """The names the package itself exports (``from icc_rules import assess``), each with the module it comes from."""
    tree = _parse((root / "__init__.py").read_text(encoding="utf-8"))
    exported = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                exported[alias.asname or alias.name] = name if name in known else node.module
    return exported


def _typing_only(tree: ast.AST) -> set[int]:
    """The ids of the nodes under ``if TYPE_CHECKING:`` (or ``typing.TYPE_CHECKING``), which only type checkers run."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING" or
                                         isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING"):
            inside |= {id(inner) for statement in node.body for inner in ast.walk(statement)}
    return inside


def _dynamic(node: ast.Call) -> str | None:
    """The module named by ``importlib.import_module("...")`` or ``__import__("...")`` with a literal name."""
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else function.id if isinstance(function, ast.Name) \
        else None
    if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant) \
            and isinstance(node.args[0].value, str):
        return node.args[0].value
    return None


def imports(root: Path) -> Iterator[Import]:
    """Every import of a module of the package at ``root``, in every module, in every form."""
    known = modules(root)
    exported = _exports(root, known)

    def absolute(parts: list[str]) -> str:
        """The module ``parts`` names: the longest prefix that is a module (``law.rules.Rule`` is ``law.rules``)."""
        while parts and ".".join(parts) not in known:
            parts = parts[:-1]
        return ".".join(parts) or "__init__"

    def from_import(base: list[str], names: list[str]) -> Iterator[str]:
        for name in names:
            if not base and name in exported:  # from icc_rules import assess: where assess is defined
                yield exported[name]
            else:  # from . import bulk imports a module; from .rules import RULES, the module rules
                yield absolute([*base, name])

    for name, path in known.items():
        tree = _parse(path.read_text(encoding="utf-8"))
        typing_only = _typing_only(tree)
        package = name.split(".") if path.name == "__init__.py" and name != "__init__" else name.split(".")[:-1]
        if name == "__init__":
            package = []
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [absolute(alias.name.split(".")[1:]) for alias in node.names
                           if alias.name.split(".")[0] == "icc_rules"]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    if node.level - 1 > len(package):
                        raise AssertionError(f"{path}:{node.lineno}: a relative import beyond the package")
                    base = [*package[:len(package) - node.level + 1], *(node.module.split(".") if node.module else [])]
                elif node.module and node.module.split(".")[0] == "icc_rules":
                    base = node.module.split(".")[1:]
                else:
                    continue
                targets = list(from_import(base, [alias.name for alias in node.names]))
            elif isinstance(node, ast.Call) and (dynamic := _dynamic(node)):
                if dynamic.split(".")[0] == "icc_rules":
                    targets = [absolute(dynamic.split(".")[1:])]
                elif dynamic.startswith("."):
                    raise AssertionError(f"{path}:{node.lineno}: name the module in full, not {dynamic!r}")
            for target in targets:
                yield Import(name, target, getattr(node, "lineno", 0), id(node) in typing_only)


def layer(module: str) -> str:
    return module.split(".")[0]


def violations(root: Path) -> list[str]:
    """Every import against :data:`LAYERS` in the package at ``root``, one line each."""
    wrong = []
    for found in imports(root):
        source, target = layer(found.module), layer(found.target)
        if source in TOP or source == target:
            continue
        allowed = LAYERS.get(source)
        if allowed is None:
            wrong.append(f"{found.module}: {source} is no layer of the table (add it to LAYERS)")
        elif target not in allowed and found.target not in allowed:
            wrong.append(f"{found.module} imports {found.target} (line {found.line}"
                         f"{', for type checkers' if found.typing_only else ''})")
    return sorted(set(wrong))


def test_every_layer_imports_only_what_the_table_allows() -> None:
    wrong = violations(PACKAGE)
    assert not wrong, "imports against the layers (LAYERS, docs/architecture.md):\n" + "\n".join(wrong)


def test_each_layer_imports_only_layers_below_it() -> None:
    order = list(LAYERS)
    for place, name in enumerate(order):
        above = {layer(target) for target in LAYERS[name]} - set(order[place + 1:])
        assert not above, f"{name} may import {sorted(above)}, which are not below it in LAYERS"


def test_every_package_and_top_module_is_a_layer_or_the_public_api() -> None:
    tops = {layer(name) for name in modules(PACKAGE)}
    assert tops == set(LAYERS) | TOP, f"not in LAYERS: {sorted(tops - set(LAYERS) - TOP)}; gone: " \
        f"{sorted(set(LAYERS) | TOP - tops)}"


def test_no_module_imports_itself_back() -> None:
    graph: dict[str, set[str]] = {}
    for found in imports(PACKAGE):
        if not found.typing_only:  # not run, so no loop at import time
            graph.setdefault(found.module, set()).add(found.target)
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for target in graph.get(module, ()):
            if target == path[0]:
                cycles.append(" -> ".join([*path, target]))
            elif target not in path and len(path) < 12:
                visit(target, [*path, target])

    for module in graph:
        if layer(module) not in TOP:
            visit(module, [module])
    assert not cycles, "import loops:\n" + "\n".join(sorted(set(cycles))[:20])


#: Each form of import of an upper layer, added to a copy of data/dataset.py, and the import the checker must
#: report.
FORBIDDEN = {
    "the package's public name": ("from icc_rules import assess", "api"),
    "the package's public name, relative": ("from .. import assess", "api"),
    "a layer, relative": ("from .. import web", "web"),
    "a module of a layer, relative": ("from ..views import world", "views.world"),
    "a name, two levels up": ("from ..api.queries import assess", "api.queries"),
    "a layer, absolute": ("import icc_rules.web", "web"),
    "a module, absolute, renamed": ("import icc_rules.web.app as app", "web.app"),
    "a module of a layer, absolute": ("from icc_rules.cli import bulk", "cli.bulk"),
    "the package itself": ("import icc_rules", "__init__"),
    "a name from a layer": ("from icc_rules.views import world", "views.world"),
    "inside a function": ("def _sneak() -> None:\n    from icc_rules import timeline", "views.timeline"),
    "inside a class": ("class _Sneak:\n    from ..render import export", "render.export"),
    "inside try": ("try:\n    from ..law import rules\nexcept ImportError:\n    pass", "law.rules"),
    "for type checkers only": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..api import Assessment",
                               "api"),
    "for type checkers, typing.": ("import typing\nif typing.TYPE_CHECKING:\n    from icc_rules.web import app",
                                   "web.app"),
    "importlib": ("import importlib\nimportlib.import_module('icc_rules.cli')", "cli"),
    "__import__": ("__import__('icc_rules.lookup.persons')", "lookup.persons"),
}
#: Relative imports from deeper down: web/page/__init__.py, two packages below the root.
FORBIDDEN_DEEPER = {
    "three levels up": ("from ... import cli", "cli"),
    "three levels up, a module": ("from ...cli.bulk import run", "cli.bulk"),
}


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("package") / "icc_rules"
    shutil.copytree(PACKAGE, target, ignore=lambda _, names: [n for n in names if n == "__pycache__" or
                                                               n.endswith((".toml", ".json", ".svg", ".html"))])
    return target


def test_the_copy_of_the_package_passes(copy: Path) -> None:
    assert violations(copy) == violations(PACKAGE) == []


@pytest.mark.parametrize(("where", "code", "target"), [
    *(("data/dataset.py", code, f"data.dataset imports {target} ") for code, target in FORBIDDEN.values()),
    *(("web/page/__init__.py", code, f"web.page imports {target} ") for code, target in FORBIDDEN_DEEPER.values()),
], ids=[*FORBIDDEN, *FORBIDDEN_DEEPER])
def test_the_checker_catches_every_import_form(copy: Path, where: str, code: str, target: str) -> None:
    module = copy / where
    original = module.read_text(encoding="utf-8")
    try:
        module.write_text(f"{original}\n\n{code}\n", encoding="utf-8")
        found = violations(copy)
        assert any(line.startswith(target) for line in found), found
    finally:
        module.write_text(original, encoding="utf-8")


#: The layers above the decision API, and the modules of it they may import: its public names (``icc_rules.api``)
#: and the internal API declared for them (``icc_rules.api.internal``); never another module's private helpers.
ABOVE_THE_API = frozenset({"cli", "mcp", "web", "views"})
API_DOORS = frozenset({"api", "api.internal"})


def api_reached_around(root: Path) -> list[str]:
    """Every import of a module of ``api`` other than :data:`API_DOORS` from a layer above it."""
    return sorted({f"{found.module} imports {found.target} (line {found.line})" for found in imports(root)
                   if layer(found.module) in ABOVE_THE_API and layer(found.target) == "api"
                   and found.target not in API_DOORS})


def test_the_layers_above_use_the_api_through_its_public_or_declared_internal_names() -> None:
    wrong = api_reached_around(PACKAGE)
    assert not wrong, "import from icc_rules.api or icc_rules.api.internal (add the name there), not:\n" + \
        "\n".join(wrong)


@pytest.mark.parametrize("code", ["from ..api.queries import dataset", "from icc_rules.api import queries",
                                  "import icc_rules.api.flat"])
def test_the_api_check_catches_a_private_module(copy: Path, code: str) -> None:
    module = copy / "views" / "counts.py"
    original = module.read_text(encoding="utf-8")
    try:
        module.write_text(f"{original}\n\n{code}\n", encoding="utf-8")
        assert any(line.startswith("views.counts imports api.") for line in api_reached_around(copy))
    finally:
        module.write_text(original, encoding="utf-8")


# --- docs/architecture.md -------------------------------------------------------------------------------------------

PAGE = ARCHITECTURE.read_text(encoding="utf-8")
DIAGRAM = re.search(r"```text\n(.*?)```", PAGE, re.DOTALL)
HEADING = re.compile(r"^  (\w+)(?:/|\.py)\s", re.MULTILINE)


def _diagram() -> list[tuple[str, str]]:
    """The diagram's layers, top to bottom, each with the lines that describe it."""
    assert DIAGRAM, "docs/architecture.md has no ```text diagram"
    text = DIAGRAM.group(1)
    starts = list(HEADING.finditer(text))
    return [(start.group(1), text[start.end():(starts[i + 1].start() if i + 1 < len(starts) else len(text))])
            for i, start in enumerate(starts)]


def test_the_diagram_draws_the_layers_of_the_table_in_its_order() -> None:
    assert [name for name, _ in _diagram()] == list(LAYERS)


def test_the_diagram_says_what_each_layer_imports() -> None:
    for name, text in _diagram():
        said = re.search(r"imports: ([\w., ]+|nothing)\n", text)
        assert said, f"docs/architecture.md: the {name} layer does not say what it imports ('imports: ...')"
        assert said.group(1) == (", ".join(sorted(LAYERS[name])) or "nothing"), (
            f"docs/architecture.md: {name} imports: {', '.join(sorted(LAYERS[name])) or 'nothing'}")


def test_the_diagram_lists_every_module_of_the_law() -> None:
    (law,) = (text for name, text in _diagram() if name == "law")
    drawn = set(re.findall(r"^\s+(\w+)\.py\s", law, re.MULTILINE))
    present = {path.stem for path in (PACKAGE / "law").glob("*.py")} - {"__init__"}
    assert drawn == present, f"law modules missing from the diagram: {sorted(present - drawn)}; " \
        f"drawn but gone: {sorted(drawn - present)}"


def test_the_memory_bounds_on_the_page_are_the_codes() -> None:
    bounds = {name: value for module in (decide, queries) for name, value in vars(module).items()
              if re.fullmatch(r"[A-Z_]+_(KEPT|MEMORY)", name) and isinstance(value, int)}
    said = dict(re.findall(r"`(?:[\w.]+\.)?([A-Z_]+)` = ([\d,]+)", PAGE))
    assert set(said) == set(bounds), f"docs/architecture.md names bounds {sorted(said)}; the code has " \
        f"{sorted(bounds)}"
    wrong = {name: (said[name], f"{value:,}") for name, value in bounds.items() if said[name] != f"{value:,}"}
    assert not wrong, f"docs/architecture.md: bounds (page, code): {wrong}"
