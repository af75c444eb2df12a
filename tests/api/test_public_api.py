"""The public surface: every public class and function documents itself with a runnable example."""

from __future__ import annotations

import inspect

import icc_rules


def test_every_public_class_and_function_has_a_doctest_example() -> None:
    missing = [
        name for name in icc_rules.__all__
        if (inspect.isclass(obj := getattr(icc_rules, name)) or inspect.isfunction(obj))
        and ">>>" not in (inspect.getdoc(obj) or "")
    ]
    assert not missing, f"public names without an example in their docstring: {missing}"


def test_all_names_exist() -> None:
    for name in icc_rules.__all__:
        assert hasattr(icc_rules, name), name
