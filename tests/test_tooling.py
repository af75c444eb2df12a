"""The quality gates run with the tests: ruff finds nothing (its complexity gate included: mccabe's max-complexity in
pyproject.toml), mypy (strict, pydantic plugin) finds nothing, and no function of the package is over 100 lines.

Both are in the ``test`` extra; branch coverage of 90% or more is enforced by the pytest options in pyproject.toml.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed: uv sync (or pip install -e . --group dev)")
    return subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True, check=False,
                          timeout=600)


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", "--no-cache", "icc_rules", "tests", "bench", "scripts", "docs")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_finds_nothing_in_the_package() -> None:
    done = _run("mypy", "icc_rules")
    assert done.returncode == 0, done.stdout + done.stderr


#: The longest a function of the package may be, in lines (its decorators and docstring included).
MAX_FUNCTION_LINES = 100


def test_no_function_of_the_package_is_over_100_lines() -> None:
    long = []
    for path in sorted((ROOT / "icc_rules").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
                lines = (node.end_lineno or node.lineno) - first + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {lines} lines")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines (split them):\n" + "\n".join(long)
