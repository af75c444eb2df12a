"""Reading bulk queries from NDJSON text: one JSON object (``{"person", "country", "date"}``) or array
(``[person, country, date]``) per line, read as :mod:`.python_rows` reads rows; blank lines are skipped.

A line that is not JSON is a row that could not be read, named by its line number; the others go on.

>>> [(q.number, q.person, q.date, q.problem) for q in read_ndjson('{"person": "putin", "country": "MN"}\\n\\nnope\\n')]
[(1, 'putin', None, None), (3, None, None, "line 3: not JSON: 'nope'")]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ...errors import short_repr
from . import Query
from .python_rows import query_of

__all__ = ["read_ndjson"]


def read_ndjson(text: str | Iterable[str]) -> Iterator[Query]:
    """A :class:`~icc_rules.views.inputs.Query` for each line that is not blank (``number``: the line's, from 1)."""
    lines = text.splitlines() if isinstance(text, str) else text
    index = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (ValueError, RecursionError):
            yield Query(index, number, problem=f"line {number}: not JSON: {short_repr(line.strip(), 80)}")
        else:
            query = query_of(index, tuple(row) if isinstance(row, list) else row, number)
            yield query if query.problem is None else query._replace(problem=f"line {number}: {query.problem}")
        index += 1
