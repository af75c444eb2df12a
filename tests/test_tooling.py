"""The quality gates run with the tests: ruff finds nothing, and mypy (strict, pydantic plugin) finds nothing.

Both are in the ``test`` extra; branch coverage of 90% or more is enforced by the pytest options in pyproject.toml.
"""

from __future__ import annotations

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
