"""Bulk answers: many (person, country, date) queries at once, exported as records, CSV, JSON, NDJSON or pandas.

The rows are read by the readers of :mod:`icc_rules.views.inputs` (one per format: CSV, NDJSON, Python rows), and
the day is never guessed: a row that names no day is refused unless the caller gives one (``date=``).

:func:`assess_many` gives the full answer of :func:`~icc_rules.api.assess` to rows held in memory;
:func:`answer_queries` streams flat answers (:mod:`icc_rules.api.flat`) to rows of any number, in bounded memory: a
pair and interval of days is decided once, and pairs of one pattern share a run of the rules engine. ``icc-rules
bulk`` and ``POST /v1/bulk`` are built on it, and :func:`read_csv` with :func:`answer_rows` gives it for a CSV file.

>>> result = assess_many([("Putin", "MN", "2024-09-03"), {"person": "Netanyahu", "country": "HU", "date": "2025-04-03"}])
>>> [(r["person"], r["country"], r["verdict"]) for r in result.records()]
[('putin', 'MNG', 'duty_to_arrest'), ('netanyahu', 'HUN', 'duty_to_arrest')]
>>> print(result.to_csv().splitlines()[1])
putin,Vladimir Putin,MNG,Mongolia,2024-09-03,duty_to_arrest,False,status.party; warrant.in_force; duty.state_party; note.official_capacity; verdict.duty_to_arrest,,2026.12.07,2026-06-24,
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from ..api import Assessment, DateLike, Verdict, assess
from ..api.internal import FlatAnswer, dataset, day_of, flat_answers
from ..data.dataset import Dataset
from ..errors import ICCRulesError, InputError, short_repr
from ..render.export import to_csv, to_json, to_ndjson
from ..render.extras import require
from .inputs import Query, day_of_row, missing_field
from .inputs.csv_text import CsvQueries, read_csv
from .inputs.python_rows import read_rows

__all__ = ["COLUMNS", "INPUT_PREFIX", "Answered", "BulkError", "BulkResult", "CsvQueries", "RecordLines", "Row", "answer_queries",
           "answer_rows", "assess_many", "assess_queries", "csv_record", "read_csv", "record", "row_error"]

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
            rows.append(_record(answer))
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
        """The records as a pandas ``DataFrame`` (needs the ``pandas`` extra).

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


def assess_queries(queries: Iterable[Query], *, data: Dataset | None = None, date: DateLike = None
                   ) -> Iterator[tuple[Query, Assessment | None, ICCRulesError | None]]:
    """The full answer (:func:`~icc_rules.api.assess`) to each query read by one of the readers of
    :mod:`icc_rules.views.inputs`, or the error that refused it; ``date`` is the day for rows that name none.

    >>> from icc_rules.views.inputs.python_rows import read_rows
    >>> [(answer.verdict.value, error) for _, answer, error in assess_queries(read_rows([("putin", "KG")]),
    ...                                                                         date="2023-10-12")]
    [('no_duty', None)]
    """
    data = dataset(data)
    default = None if date is None else day_of(date)
    for query in queries:
        try:
            yield query, assess(query.person, query.country, _day(query, default), data=data), None
        except ICCRulesError as error:
            yield query, None, error


class Answered(NamedTuple):
    """A query and its flat answer (:class:`~icc_rules.api.flat.FlatAnswer`) on its ``day``, or the error that
    refused it."""

    query: Query
    day: datetime.date | None
    answer: FlatAnswer | None
    error: ICCRulesError | None


#: How many date cells are remembered as days (they repeat: a bulk of random rows over 25 years has some 9,000).
DAYS_KEPT = 50_000


def answer_queries(queries: Iterable[Query], *, data: Dataset | None = None, date: DateLike = None
                   ) -> Iterator[Answered]:
    """The flat answer to each query read by one of the readers of :mod:`icc_rules.views.inputs` (what
    :func:`~icc_rules.api.assess` answers, without the reasons' texts: what bulk output shows), or the error that
    refused it; ``date`` is the day for rows that name none.

    Each pair and interval of days is decided once (pairs of one pattern share a run of the rules engine), and a
    known one costs a few lookups: this is ``icc-rules bulk`` and ``POST /v1/bulk``.

    >>> from icc_rules.views.inputs.python_rows import read_rows
    >>> [(a.answer.verdict.value, a.day.isoformat()) for a in answer_queries(read_rows([("putin", "MN", "2024-09-03")]))]
    [('duty_to_arrest', '2024-09-03')]
    """
    data = dataset(data)
    default = None if date is None else day_of(date)
    answers = flat_answers(data)
    known, answer = answers.known, answers.answer
    days: dict[str, datetime.date] = {}
    for query in queries:
        text = query.date
        if type(text) is str and type(query.person) is str and type(query.country) is str:
            day = days.get(text)  # a date seen before, about a pair asked before: the answer kept, if any
            found = known(query.person, query.country, day) if day is not None else None
            if found is not None:
                yield Answered(query, day, found, None)
                continue
        try:
            day = _day(query, default)
            if type(text) is str and text.strip().casefold() != "today":  # "today" changes at midnight
                if len(days) >= DAYS_KEPT:
                    days.clear()
                days[text] = day
            yield Answered(query, day, answer(query.person, query.country, day), None)
        except ICCRulesError as error:
            yield Answered(query, None, None, error)


def _day(query: Query, default: datetime.date | None) -> datetime.date:
    """The day of a query that can be answered, or the error that refuses it (what it lacks, its date)."""
    if query.problem is not None:
        raise InputError(query.problem)
    field = missing_field(query)
    if field is not None:
        raise InputError(f"a row needs a {field}, and this one has none")
    return day_of_row(query.date, default)


def assess_many(rows: Iterable[Row], *, data: Dataset | None = None, date: DateLike = None,
                on_error: Literal["raise", "record"] = "raise", progress: Callable[[int], None] | None = None
                ) -> BulkResult:
    """The answer to each (person, country, date) query of ``rows``.

    Args:
        rows: tuples ``(person, country[, date])`` or mappings with ``person``, ``country`` and ``date`` keys;
            person, country and date accept what :func:`~icc_rules.assess` accepts. The day is never guessed: a
            row without a date (a pair, no ``date`` key, ``None``) is an error unless ``date`` names the day, and a
            value that is not a date (``0``, ``False``, ``""``) is an ``InvalidDateError``.
        data: the dataset (default: the shipped one).
        date: the day for rows that name none (a date, a datetime, an ISO 8601 string or ``"today"``).
        on_error: ``"raise"`` stops at the first bad row with its error; ``"record"`` keeps going and lists the
            bad rows in ``BulkResult.errors`` (their records carry the message in ``error``).
        progress: called with the number of rows done after each row (for a progress display).

    Returns:
        A :class:`BulkResult`.

    Raises:
        ICCRulesError: With ``on_error="raise"``, the first bad row's error: those of :func:`~icc_rules.assess`, or
            an ``InputError`` for a row that is not a query or names no day.

    >>> result = assess_many([("Putin", "Mongolai", "2024-09-03"), ("Putin", "KG")], date="2023-10-12",
    ...                      on_error="record")
    >>> [r["verdict"] for r in result.records()], result.errors[0].message[:26]
    ([None, 'no_duty'], "unknown country 'Mongolai'")
    """
    data = dataset(data)
    if progress is not None and not callable(progress):
        raise InputError(f"progress={short_repr(progress)}: expected a function called with the number of rows done")
    answers: list[Assessment | None] = []
    errors: list[BulkError] = []
    for query, answer, error in assess_queries(read_rows(rows), data=data, date=date):
        if error is not None:
            if on_error == "raise":
                raise error
            errors.append(BulkError(index=query.place, row=repr(query.values)[:200], message=str(error)))
        answers.append(answer)
        if progress is not None:
            progress(query.place + 1)
    return BulkResult(answers=tuple(answers), errors=tuple(errors))


#: In streamed records, each input column comes back under its own name with this prefix, beside the answer.
INPUT_PREFIX = "input_"


def answer_rows(queries: CsvQueries, *, data: Dataset | None = None, on_error: Literal["raise", "record"] = "raise"
                ) -> Iterator[dict[str, Any]]:
    """The answer to each row of ``queries``, one record at a time, in constant memory.

    Each record has the :data:`COLUMNS` of :meth:`BulkResult.records`, then ``row`` (the row's number, the header
    being row 1) and every input column under its own name prefixed with :data:`INPUT_PREFIX`, so that a failed row
    still shows what it held.

    Args:
        queries: from :func:`read_csv`.
        data: the dataset (default: the shipped one).
        on_error: ``"raise"`` stops at the first bad row with an :class:`~icc_rules.errors.InputError` naming the
            row and echoing it (its ``__cause__`` is the row's own error, an ``UnknownPersonError`` for example);
            ``"record"`` yields the row with the message in ``error``.

    >>> queries = read_csv(["person,country,date,note", "putin,MN,2024-09-03,x", "putin,Mongolai,,y"])
    >>> [(r["verdict"], r["row"], r["input_note"], r["error"]) for r in answer_rows(queries, on_error="record")]
    ... # doctest: +ELLIPSIS
    [('duty_to_arrest', 2, 'x', None), (None, 3, 'y', 'no date in the row: ...')]
    """
    for answered in answer_queries(queries, data=data, date=queries.day):
        if answered.error is not None and on_error == "raise":
            raise row_error(queries, answered) from answered.error
        yield csv_record(queries, answered)


def row_error(queries: CsvQueries, answered: Answered) -> InputError:
    """The error of a bad row of a query file, naming the row and echoing it."""
    query = answered.query
    if query.problem is not None:  # a row that could not be read: its message names it
        return InputError(query.problem)
    return InputError(f"{queries.name}, row {query.number}: {answered.error}; the row: "
                      f"{queries.echo(query.values or ())}")


def record(answered: Answered) -> dict[str, Any]:
    """The flat record of an answered query, with the :data:`COLUMNS` as keys (an error's message in ``error``)."""
    answer = answered.answer
    if answer is None:
        return {**dict.fromkeys(COLUMNS), "error": str(answered.error)}
    assert answered.day is not None
    return _fields(answer, answered.day)


class RecordLines:
    """NDJSON lines of flat records (:func:`record`), each ``json.dumps`` of its record: the text of who and where is
    made once per pair, and that of the verdict, rules and warnings once per distinct combination, so that a line
    costs little more than its day. Keep one for a stream of answers.

    >>> from icc_rules.views.inputs.python_rows import read_rows
    >>> print(RecordLines().text(answer_queries(read_rows([("putin", "MN", "2024-09-03")]))), end="")
    ... # doctest: +ELLIPSIS
    {"person": "putin", "person_name": "Vladimir Putin", "country": "MNG", ..., "date": "2024-09-03", ..., "error": null}
    """

    #: How many texts of pairs (and of verdicts) are kept.
    KEPT = 50_000

    def __init__(self) -> None:
        self._who: dict[tuple[str, str], str] = {}
        self._what: dict[tuple[Any, ...], str] = {}

    def text(self, answers: Iterable[Answered]) -> str:
        """The lines of ``answers``, each ending with a new line."""
        return "".join(map(self.line, answers))

    def line(self, answered: Answered) -> str:
        """One answer's line."""
        answer, day = answered.answer, answered.day
        if answer is None or day is None or day > answer.data_as_of:  # an error, or a warning that names the day
            return json.dumps(record(answered), ensure_ascii=False) + "\n"
        pair, verdict = (answer.person, answer.country), (answer.verdict, answer.rules, answer.warnings)
        head, tail = self._who.get(pair), self._what.get(verdict)
        if head is None or tail is None:
            shown = record(answered)
            if len(self._who) >= self.KEPT or len(self._what) >= self.KEPT:
                self._who.clear()
                self._what.clear()
            whole = json.dumps(shown, ensure_ascii=False)
            date = json.dumps(shown["date"])
            head = self._who[pair] = whole[:whole.index(f'"date": {date}')] + '"date": "'
            tail = self._what[verdict] = '"' + whole[whole.index(f'"date": {date}') + 8 + len(date):] + "\n"
        return f"{head}{day.isoformat()}{tail}"


def csv_record(queries: CsvQueries, answered: Answered) -> dict[str, Any]:
    """:func:`record`, then ``row`` (``None`` for a row that could not be read) and the row's cells, each under its
    column's name prefixed with :data:`INPUT_PREFIX`."""
    query = answered.query
    inputs = {INPUT_PREFIX + column: value for column, value in queries.values_of(query).items()}
    return {**record(answered), "row": query.number, **inputs}


def _record(answer: Assessment) -> dict[str, Any]:
    return _fields(answer, answer.date)


def _fields(answer: Assessment | FlatAnswer, day: datetime.date) -> dict[str, Any]:
    """The :data:`COLUMNS` of an answer (a full or a flat one) on ``day``."""
    return {
        "person": answer.person, "person_name": answer.person_name, "country": answer.country,
        "country_name": answer.country_name, "date": day.isoformat(),
        "verdict": answer.verdict.value, "can_travel": answer.can_travel, "rules": list(answer.rules),
        "warnings": list(answer.warnings), "data_version": answer.data_version,
        "data_as_of": answer.data_as_of.isoformat(), "error": None,
    }
