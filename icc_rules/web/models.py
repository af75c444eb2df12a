"""The web layer's own models: the requests, and the few answers the library gives as plain values."""

from __future__ import annotations

import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from icc_rules import Verdict
from icc_rules.api.internal import About

from . import _library
from .routes.common import DATE, Days

__all__ = ["MAX_LEGS", "CanTravel", "DatasetSummary", "ItineraryRequest", "LegIn", "RuleInfo", "VerdictInfo"]

#: At most this many legs in one itinerary.
MAX_LEGS = 100


class CanTravel(About):
    """The answer of ``can_travel``, with the query as the library resolved it (the fields of an ``Assessment``)."""

    date: datetime.date
    verdict: Verdict
    can_travel: bool
    data_version: str
    data_as_of: datetime.date


class LegIn(BaseModel):
    """One leg of a trip: a country, its days and a kind. The days are named one way only: ``date`` for one day
    (omitted: today), or ``start`` and ``end`` for a range (both included); any other mix is refused.

    >>> LegIn(country="ARM", date="2024-02-01", end="2024-02-05")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for LegIn
      Value error, give either date (one day) or start and end (a range, both included), not date with end [type=value_error, input_value=..., input_type=dict]
    ...
    """

    model_config = ConfigDict(extra="forbid")

    country: str = Field(description="an ISO 3166-1 code or a country name", examples=["ARM"])
    date: str | None = Field(default=None, description="the day, ISO 8601 (default: today); not with start and end",
                             examples=["2024-09-03"], json_schema_extra=DATE)
    start: str | None = Field(default=None, description="the first day of a range, with end (instead of date)",
                              json_schema_extra=DATE)
    end: str | None = Field(default=None, description="the last day of a range, included, with start",
                            json_schema_extra=DATE)
    kind: _library.LegKind = Field(default="visit", description="visit, transit (a stop-over: the same verdict as "
                                   "a visit) or overflight (flagged, never at risk by itself)")

    @model_validator(mode="after")
    def _one_way_to_name_the_days(self) -> LegIn:
        given = [name for name in ("date", "start", "end") if getattr(self, name) is not None]
        if given in ([], ["date"], ["start", "end"]):
            return self
        mix = " with ".join(given) if len(given) > 1 else f"{given[0]} alone"
        raise ValueError(f"give either date (one day) or start and end (a range, both included), not {mix}")

    def as_leg(self, days: Days) -> tuple[Any, ...]:
        """The leg as the library takes it, its days resolved in ``days``: ``(country, day or (first, last), kind)``."""
        if self.start is not None and self.end is not None:
            return (self.country, (days.of(self.start), days.of(self.end)), self.kind)
        return (self.country, days.of(self.date), self.kind)


class ItineraryRequest(BaseModel):
    """A trip to check: who travels, and the legs in order."""

    model_config = ConfigDict(extra="forbid")

    person: str = Field(description="a name, alias or id", examples=["Vladimir Putin"])
    legs: list[LegIn] = Field(max_length=MAX_LEGS, description=f"at most {MAX_LEGS} legs",
                              examples=[[{"country": "KGZ", "date": "2023-10-12"},
                                         {"country": "MNG", "date": "2024-09-03", "kind": "overflight"}]])


class RuleInfo(BaseModel):
    """One rule of the rule set: its id, what it does and the provision it encodes (``icc-rules rules --json``)."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    legal_basis: str
    doc: str
    verdict: Verdict | None = None


class VerdictInfo(BaseModel):
    """One verdict, strongest first: its value, what it means, whether the person can travel, its map colour."""

    model_config = ConfigDict(frozen=True)

    value: Verdict
    description: str
    can_travel: bool
    colour: str


class DatasetSummary(BaseModel):
    """The dataset the server answers from: its version, the day it was released, the day up to which its sources
    were searched, and what it holds."""

    model_config = ConfigDict(frozen=True)

    version: str
    as_of: datetime.date = Field(description="the last day up to which the dataset's sources were searched")
    released: datetime.date | None = Field(default=None, description="the day the dataset was released")
    in_words: str = Field(description="the version and both dates in plain words")
    note: str | None = None
    package_version: str
    counts: dict[str, int]
    user_files: tuple[str, ...] = Field(default=(), description="the names of the user data files loaded on top")
