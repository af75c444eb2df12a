"""Importing the optional packages behind the extras, with a clear error saying how to install the extra that brings
a missing one, in the form that fits how icc-rules itself was installed.

===========  ============================================  ==========================================
extra        packages                                      for
===========  ============================================  ==========================================
``map``      pygal, pygal_maps_world                       world maps as SVG
``png``      the ``map`` extra and cairosvg                world maps and timeline charts as PNG
``pandas``   pandas                                        ``BulkResult.to_dataframe()``
===========  ============================================  ==========================================

>>> require("json", "a test", "none").__name__
'json'
>>> require("no_such_module_here", "the world map", "map", "pygal")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
icc_rules.errors.MissingExtraError: the world map needs the optional package pygal: ...
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urlparse

from ..errors import MissingExtraError

__all__ = ["install_hint", "require"]

#: Packages that also need a library of the system, and how to install it.
_SYSTEM_LIBRARIES = {
    "cairosvg": "the system's Cairo library (apt install libcairo2, dnf install cairo, brew install cairo)",
}


def require(module: str, feature: str, extra: str, package: str | None = None) -> ModuleType:
    """The imported ``module``, or :class:`~icc_rules.errors.MissingExtraError` if it is not installed.

    Args:
        module: the module to import (``"pygal_maps_world.maps"``).
        feature: what needs it, for the message ("the world map").
        extra: the extra that installs it (``"map"``).
        package: the distribution to name in the message (default: the top-level module).
    """
    name = package or module.split(".")[0]
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, extra, name, install_hint(extra)) from None
    except OSError as error:  # installed, but a library of the system it loads is missing (cairosvg: Cairo)
        needs = _SYSTEM_LIBRARIES.get(name, "a library of the system")
        raise MissingExtraError(feature, extra, name, f"it is installed but needs {needs} ({error})") from None


def install_hint(extra: str) -> str:
    """The command that installs ``extra`` where icc-rules is installed: with uv in a project checkout (``uv sync
    --extra map``), as a uv tool, with ``uv pip``, or with pip, from PyPI or from the checkout it was installed from.

    >>> install_hint("map")  # doctest: +ELLIPSIS
    '...map...'
    """
    try:
        distribution = metadata.distribution("icc-rules")
        installer = (distribution.read_text("INSTALLER") or "").strip()
        origin = json.loads(distribution.read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):  # not installed: run from a checkout
        installer, origin = "", {}
    local = _local_directory(origin)
    editable = bool(origin.get("dir_info", {}).get("editable"))
    if installer == "uv":
        if local is not None and (local / "uv.lock").exists():
            return f"uv sync --extra {extra} (in {local})"
        if (Path(sys.prefix) / "uv-receipt.toml").exists():
            return f'uv tool install "icc-rules[{extra}]"'
        return f'uv pip install "{_requirement(local, extra)}"'
    return f'{_pip()} install {"-e " if editable else ""}"{_requirement(local, extra)}"'


def _local_directory(origin: dict[str, object]) -> Path | None:
    url = origin.get("url")
    if not isinstance(url, str) or not url.startswith("file:") or "dir_info" not in origin:
        return None
    return Path(unquote(urlparse(url).path))


def _requirement(local: Path | None, extra: str) -> str:
    return f"{local}[{extra}]" if local is not None else f"icc-rules[{extra}]"


def _pip() -> str:
    """``pip`` when the pip found first on PATH is this interpreter's, else this interpreter's pip by its path."""
    found = shutil.which("pip")
    here = Path(sys.executable).parent
    if found is not None and Path(found).parent == here and os.environ.get("VIRTUAL_ENV", sys.prefix) == sys.prefix:
        return "pip"
    return f"{sys.executable} -m pip"
