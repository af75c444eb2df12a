"""Writing flat records (lists of dicts) as CSV, JSON or NDJSON text, the same way for every view.

Values are written as JSON would show them: dates as ISO 8601, enums by value; in CSV, tuples and lists are
joined with ``"; "`` and ``None`` is an empty cell.

>>> rows = [{"country": "ARM", "verdict": "duty_to_arrest", "rules": ("status.party", "duty.state_party")}]
>>> print(to_csv(rows), end="")
country,verdict,rules
ARM,duty_to_arrest,status.party; duty.state_party
>>> to_ndjson(rows)
'{"country": "ARM", "verdict": "duty_to_arrest", "rules": ["status.party", "duty.state_party"]}\\n'
>>> print(to_table([("ARM", "duty_to_arrest", 2), ("KGZ", "no_duty", 0)], ("country", "verdict", "n")))
  country  verdict         n
  ARM      duty_to_arrest  2
  KGZ      no_duty         0
"""

from __future__ import annotations

import csv
import datetime
import enum
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["cell", "to_csv", "to_json", "to_ndjson", "to_table"]


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return value


def cell(value: Any) -> str:
    """One value as a CSV or table cell: as JSON would show it, lists joined with ``"; "``, ``None`` empty."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(records: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    """CSV text with a header row; ``columns`` default to the keys of the first record, in order."""
    fields = list(columns or (records[0].keys() if records else ()))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([cell(record.get(name)) for name in fields])
    return out.getvalue()


def to_json(value: Any, *, indent: int | None = 2) -> str:
    """JSON text of records (or any mix of dicts, lists, models, dates and enums), UTF-8 kept readable."""
    return json.dumps(_plain(value), ensure_ascii=False, indent=indent)


def to_ndjson(records: Iterable[Mapping[str, Any]]) -> str:
    """Newline-delimited JSON: one compact object per line."""
    return "".join(json.dumps(_plain(record), ensure_ascii=False) + "\n" for record in records)


def to_table(rows: Sequence[Sequence[Any]], header: Sequence[str], *, indent: str = "  ") -> str:
    """A plain text table: columns padded to their widest cell, the last column left unpadded."""
    cells = [[str(h) for h in header], *([cell(value) for value in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return "\n".join(indent + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
                     for row in cells)
