"""Bulk answers: many (person, country, date) queries at once, exported as records, CSV, JSON, NDJSON or pandas.

Each row is answered by :func:`~icc_rules.api.assess`; answers are kept per pair and interval of days, so a large
batch over a few pairs costs little more than its first query of each pair.

>>> result = assess_many([("Putin", "MN", "2024-09-03"), {"person": "Netanyahu", "country": "HU", "date": "2025-04-03"}])
>>> [(r["person"], r["country"], r["verdict"]) for r in result.records()]
[('putin', 'MNG', 'duty_to_arrest'), ('netanyahu', 'HUN', 'duty_to_arrest')]
>>> print(result.to_csv().splitlines()[1])
putin,Vladimir Putin,MNG,Mongolia,2024-09-03,duty_to_arrest,False,status.party; warrant.in_force; duty.state_party; note.official_capacity; verdict.duty_to_arrest,,2026.11.28,2026-11-28,
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ..api import Assessment, Verdict, assess
from ..api.queries import dataset
from ..data.dataset import Dataset
from ..errors import ICCRulesError, InputError, short_repr
from ..render.export import to_csv, to_json, to_ndjson
from ..render.extras import require

__all__ = ["BulkError", "BulkResult", "Row", "assess_many"]

Row = Sequence[Any] | Mapping[str, Any]
"""One query: ``(person, country)``, ``(person, country, date)`` or a mapping with the keys ``person``,
``country`` and optionally ``date`` (other keys are ignored)."""

#: The columns of :meth:`BulkResult.records`, in order.
COLUMNS = ("person", "person_name", "country", "country_name", "date", "verdict", "can_travel", "rules",
           "warnings", "data_version", "data_as_of", "error")


class BulkError(BaseModel):
    """A row that could not be answered: its position (from 0), what it held and why it failed.

    >>> assess_many([("Nobody Atall", "MN", "2024-09-03")], on_error="record").errors[0].index
    0
    """

    model_config = ConfigDict(frozen=True)

    index: int
    row: str
    message: str


class BulkResult(BaseModel):
    """The answers to a batch, in the order of the rows, and the rows that failed (with ``on_error="record"``).

    ``answers`` has one entry per row: the :class:`~icc_rules.api.answers.Assessment`, or ``None`` for a row in
    ``errors``.

    >>> result = assess_many([("Putin", "KG", "2023-10-12")])
    >>> result.answers[0].verdict.value, result.errors
    ('no_duty', ())
    """

    model_config = ConfigDict(frozen=True)

    answers: tuple[Assessment | None, ...]
    errors: tuple[BulkError, ...] = ()

    def records(self) -> list[dict[str, Any]]:
        """One flat, JSON-ready dict per row, with the :data:`COLUMNS` as keys (``rules`` and ``warnings`` as lists).

        A failed row has its ``error`` set and the fields it could not fill left ``None``.
        """
        failed = {error.index: error for error in self.errors}
        rows = []
        for index, answer in enumerate(self.answers):
            if answer is None:
                rows.append({**dict.fromkeys(COLUMNS), "error": failed[index].message})
                continue
            rows.append({
                "person": answer.person, "person_name": answer.person_name, "country": answer.country,
                "country_name": answer.country_name, "date": answer.date.isoformat(),
                "verdict": answer.verdict.value, "can_travel": answer.can_travel, "rules": list(answer.rules),
                "warnings": list(answer.warnings), "data_version": answer.data_version,
                "data_as_of": answer.data_as_of.isoformat(), "error": None,
            })
        return rows

    def to_csv(self) -> str:
        """The records as CSV, one row per query (lists joined with ``"; "``)."""
        return to_csv(self.records(), COLUMNS)

    def to_json(self, *, full: bool = False) -> str:
        """The records as a JSON array; ``full=True`` gives each whole answer (reasons, sources, precedents)."""
        return to_json(self._full() if full else self.records())

    def to_ndjson(self, *, full: bool = False) -> str:
        """The records as newline-delimited JSON, one object per line; ``full=True`` as for :meth:`to_json`."""
        return to_ndjson(self._full() if full else self.records())

    def to_dataframe(self) -> Any:
        """The records as a pandas ``DataFrame`` (needs the ``pandas`` extra: ``pip install "icc-rules[pandas]"``).

        ``date`` and ``data_as_of`` are ``datetime64`` columns and ``verdict`` a categorical ordered from the
        strongest verdict to the weakest.
        """
        pandas = require("pandas", "BulkResult.to_dataframe()", "pandas")

        frame = pandas.DataFrame.from_records(self.records(), columns=list(COLUMNS))
        for column in ("date", "data_as_of"):
            frame[column] = pandas.to_datetime(frame[column])
        frame["verdict"] = pandas.Categorical(frame["verdict"], categories=[v.value for v in Verdict], ordered=True)
        return frame

    def _full(self) -> list[dict[str, Any]]:
        failed = {error.index: error for error in self.errors}
        return [answer.model_dump(mode="json") if answer is not None else {"error": failed[index].message}
                for index, answer in enumerate(self.answers)]


def _query(row: Row) -> tuple[Any, Any, Any]:
    """The (person, country, date) of a row, or an InputError saying what is wrong with it."""
    if isinstance(row, Mapping):
        if "person" not in row or "country" not in row:
            raise InputError("a row needs the keys 'person' and 'country' (and optionally 'date'), "
                             f"not {sorted(map(str, row))}")
        query = (row["person"], row["country"], row.get("date") or None)
    elif isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) not in (2, 3):
        raise InputError(f"a row must be (person, country), (person, country, date) or a mapping, not {row!r:.200}")
    else:
        query = (row[0], row[1], (row[2] if len(row) == 3 else None) or None)
    for field, value in zip(("person", "country"), query[:2], strict=False):
        if value is None or (isinstance(value, str) and not value.strip()):
            raise InputError(f"a row needs a {field}, and this one has none: {row!r:.200}")
    return query


def assess_many(rows: Iterable[Row], *, data: Dataset | None = None, on_error: Literal["raise", "record"] = "raise",
                progress: Callable[[int], None] | None = None) -> BulkResult:
    """The answer to each (person, country, date) query of ``rows``.

    Args:
        rows: tuples ``(person, country[, date])`` or mappings with ``person``, ``country`` and ``date`` keys (a
            missing or empty date means today); person, country and date accept what :func:`~icc_rules.assess`
            accepts.
        data: the dataset (default: the shipped one).
        on_error: ``"raise"`` stops at the first bad row with its error; ``"record"`` keeps going and lists the
            bad rows in ``BulkResult.errors`` (their records carry the message in ``error``).
        progress: called with the number of rows done after each row (for a progress display).

    Returns:
        A :class:`BulkResult`.

    Raises:
        ICCRulesError: With ``on_error="raise"``, the first bad row's error: those of :func:`~icc_rules.assess`, or
            an ``InputError`` for a row that is not a query.

    >>> result = assess_many([("Putin", "Mongolai", "2024-09-03"), ("Putin", "KG", "2023-10-12")], on_error="record")
    >>> [r["verdict"] for r in result.records()], result.errors[0].message[:26]
    ([None, 'no_duty'], "unknown country 'Mongolai'")
    """
    data = dataset(data)
    if progress is not None and not callable(progress):
        raise InputError(f"progress={short_repr(progress)}: expected a function called with the number of rows done")
    if not isinstance(rows, Iterable) or isinstance(rows, (str, bytes, Mapping)):
        raise InputError(f"rows {rows!r:.200}: expected an iterable of rows (tuples or mappings), e.g. a list")
    answers: list[Assessment | None] = []
    errors: list[BulkError] = []
    for index, row in enumerate(rows):
        try:
            person, country, date = _query(row)
            answers.append(assess(person, country, date, data=data))
        except ICCRulesError as error:
            if on_error == "raise":
                raise
            answers.append(None)
            errors.append(BulkError(index=index, row=repr(row)[:200], message=str(error)))
        if progress is not None:
            progress(index + 1)
    return BulkResult(answers=tuple(answers), errors=tuple(errors))
