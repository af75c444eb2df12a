"""The datasets answers are given from: the shipped one, and yours on top of it, each checked against the law.

>>> shipped_data().info.version >= "2026"
True
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache

from ..data.dataset import Dataset
from ..data.files import Limits
from ..data.loading import DATA_DIR, load, refuse
from ..law.checks import check_law

__all__ = ["load_data", "shipped_data"]


def load_data(directory: str | os.PathLike[str] = DATA_DIR,
              overlays: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] = (), *,
              limits: Limits | None = None) -> Dataset:
    """Load and check a data directory, with your own files (``overlays``) on top: every record validated, the
    dataset checked as a whole and against the law. Records in overlays with a new id are added; a record whose id
    already exists supersedes the earlier one and is listed in ``Dataset.conflicts``. An overlay may be a folder of
    ``*.toml`` files. Answers about anyone or anywhere a user's file touches say so in their warnings and are not
    ``confirmed``. Only regular files are read, each within ``limits`` (:class:`~icc_rules.data.files.Limits`: by
    default 64 MB a file and 20,000 characters a text; see ``docs/data.md``).

    Raises:
        DataError: a file cannot be read, or a record or the dataset has a problem (the message names each).
        InputError: a path is not a path.

    >>> load_data("/nonexistent")
    Traceback (most recent call last):
    ...
    icc_rules.errors.DataError: /nonexistent/dataset.toml: cannot read the data file (No such file or directory)
    """
    data = load(directory, overlays, limits=limits)
    refuse(data, check_law(data), directory)
    return data


@cache
def shipped_data() -> Dataset:
    """The package's own dataset, loaded and checked once per process."""
    return load_data()
