"""The data: immutable, validated records (states, situations, persons and their warrants, precedents) read from
the TOML files in this folder, and the :class:`Dataset` that holds them.

This layer knows no law: it reads, validates and indexes records. Turning records into the facts the rules reason
over is :mod:`icc_rules.law.facts`.
"""

from .dataset import TABLES, Dataset
from .loading import DATA_DIR, load, shipped

__all__ = ["DATA_DIR", "TABLES", "Dataset", "load", "shipped"]
