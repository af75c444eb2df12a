"""What a view's records owe to a user's files, said once per file however many records rest on it.

Each record a view returns marks the user's files it rests on (its ``user_data`` field) and, where those files
change its verdict, what it would be without them. A reader is warned only where a verdict changes, in one line per
file (or group of files that touch the same records), naming the answers without them:

>>> user_data_warnings([(["what-if.toml"], "South Africa, 2023-08-22: must arrest"),
...                     (["what-if.toml"], "Mongolia, 2024-09-02: must arrest")])
('rests on user data: what-if.toml changes 2 answers: without it, South Africa, 2023-08-22: must arrest; Mongolia, 2024-09-02: must arrest',)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..data.loading import files_named

__all__ = ["CHANGES_SHOWN", "user_data_warnings"]

#: How many changed answers a warning spells out before it counts the rest.
CHANGES_SHOWN = 3


def user_data_warnings(changes: Iterable[tuple[Sequence[str], str]]) -> tuple[str, ...]:
    """One warning per file, or group of files, for the records whose verdict the user's files change: each item of
    ``changes`` is the files a record rests on and what the record would say without them."""
    grouped: dict[tuple[str, ...], list[str]] = {}
    for files, change in changes:
        grouped.setdefault(tuple(files), []).append(change)
    warnings = []
    for files, said in grouped.items():
        one = len(files) == 1
        shown = "; ".join(said[:CHANGES_SHOWN]) + (
            f"; and {len(said) - CHANGES_SHOWN:,} more" if len(said) > CHANGES_SHOWN else "")
        count = "the answer" if len(said) == 1 else f"{len(said):,} answers"
        warnings.append(f"rests on user data: {files_named(files)} change{'s' * one} {count}: without "
                        f"{'it' if one else 'them'}, {shown}")
    return tuple(warnings)
