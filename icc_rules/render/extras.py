"""Importing the optional packages behind the extras, with a clear error naming the extra when one is missing.

===========  =====================================  ==========================================
extra        packages                               for
===========  =====================================  ==========================================
``map``      pygal, pygal_maps_world (cairosvg)     world map pictures (PNG needs cairosvg)
``pandas``   pandas                                 ``BulkResult.to_dataframe()``
===========  =====================================  ==========================================

>>> require("json", "a test", "none").__name__
'json'
>>> require("no_such_module_here", "the world map", "map", "pygal")
Traceback (most recent call last):
...
icc_rules.errors.MissingExtraError: the world map needs the optional package pygal: pip install "icc-rules[map]"
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import MissingExtraError

__all__ = ["require"]


def require(module: str, feature: str, extra: str, package: str | None = None) -> ModuleType:
    """The imported ``module``, or :class:`~icc_rules.errors.MissingExtraError` if it is not installed.

    Args:
        module: the module to import (``"pygal_maps_world.maps"``).
        feature: what needs it, for the message ("the world map").
        extra: the pip extra that installs it (``"map"``).
        package: the distribution to name in the message (default: the top-level module).
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, extra, package or module.split(".")[0]) from None
