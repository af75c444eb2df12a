"""Caching that cannot outlive its day: an answer about the server's day is tagged with that day.

The reproduction of issue 18: the server's clock moved from 2024-01-31 to 2024-02-01, the day the Rome Statute
entered into force for Armenia. Before the fix, ``/v1/can-travel?person=putin&country=ARM&date=today`` revalidated
with the first day's ETag got ``304 Not Modified``, and the client kept ``can_travel: true``; ``/v1/states?date=today``
and ``/v1/timeline?end=today`` were sent as ``public, max-age=86400``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from icc_rules import can_travel
from icc_rules.lookup import dates

BEFORE, AFTER = datetime.date(2024, 1, 31), datetime.date(2024, 2, 1)

#: Every endpoint whose answer depends on the server's day, asked every way the day can be named.
TODAYS: list[tuple[str, str, dict[str, Any]]] = [
    ("GET", "/v1/can-travel", {"params": {"person": "putin", "country": "ARM", "date": "today"}}),
    ("GET", "/v1/can-travel", {"params": {"person": "putin", "country": "ARM", "date": "TODAY"}}),
    ("GET", "/v1/can-travel", {"params": {"person": "putin", "country": "ARM", "date": " Today "}}),
    ("GET", "/v1/can-travel", {"params": {"person": "putin", "country": "ARM"}}),
    ("GET", "/v1/assess", {"params": {"person": "putin", "country": "ARM", "date": "today"}}),
    ("GET", "/v1/assess", {"params": {"person": "putin", "country": "ARM"}}),
    ("GET", "/v1/world", {"params": {"person": "putin", "date": "today"}}),
    ("GET", "/v1/world", {"params": {"person": "putin", "format": "csv"}}),
    ("GET", "/v1/world.svg", {"params": {"person": "putin", "date": "today"}}),
    ("GET", "/v1/wanted-in", {"params": {"country": "ARM", "date": "today"}}),
    ("GET", "/v1/wanted-in", {"params": {"country": "ARM"}}),
    ("GET", "/v1/next-change", {"params": {"person": "putin", "country": "ARM", "date": "today"}}),
    ("GET", "/v1/next-change", {"params": {"person": "putin", "country": "ARM"}}),
    ("GET", "/v1/timeline", {"params": {"person": "putin", "country": "ARM", "start": "2023-03-17", "end": "today"}}),
    ("GET", "/v1/states", {"params": {"date": "today"}}),
    ("POST", "/v1/itinerary", {"json": {"person": "putin", "legs": [{"country": "ARM"}]}}),
    ("POST", "/v1/itinerary", {"json": {"person": "putin", "legs": [{"country": "ARM", "date": "today"}]}}),
    ("POST", "/v1/itinerary", {"json": {"person": "putin", "legs": [{"country": "ARM", "start": "2024-01-20",
                                                                      "end": "today"}]}}),
]


class Clock:
    """The server's day, as the library's clock reads it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.day = BEFORE
        monkeypatch.setattr(dates, "today", lambda: self.day)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    yield Clock(monkeypatch)


def _ask(client: TestClient, method: str, path: str, request: dict[str, Any], etag: str | None = None) -> Any:
    headers = {"If-None-Match": etag} if etag else {}
    return client.request(method, path, headers=headers, **request)


@pytest.mark.parametrize(("method", "path", "request_"), TODAYS, ids=[f"{m} {p} {r}" for m, p, r in TODAYS])
def test_an_answer_about_today_is_answered_anew_the_next_day(client: TestClient, clock: Clock, method: str, path: str,
                                                             request_: dict[str, Any]) -> None:
    first = _ask(client, method, path, request_)
    assert first.status_code == 200, first.text
    assert first.headers["cache-control"] == "no-cache"
    assert _ask(client, method, path, request_, first.headers["etag"]).status_code == 304  # the same day: unchanged

    clock.day = AFTER
    second = _ask(client, method, path, request_, first.headers["etag"])
    assert second.status_code == 200, "a revalidation on the next day kept the first day's answer"
    assert second.headers["etag"] != first.headers["etag"]
    assert second.headers["cache-control"] == "no-cache"
    assert second.content != first.content  # Armenia is bound from this day: every one of these answers changes
    assert _ask(client, method, path, request_, second.headers["etag"]).status_code == 304


def test_putin_in_armenia_today_flips_with_the_server_s_day(client: TestClient, clock: Clock) -> None:
    params = {"person": "putin", "country": "ARM", "date": "today"}
    first = client.get("/v1/can-travel", params=params)
    assert first.json()["can_travel"] is True and first.json()["date"] == "2024-01-31"
    clock.day = AFTER
    second = client.get("/v1/can-travel", params=params, headers={"If-None-Match": first.headers["etag"]})
    assert second.status_code == 200
    assert second.json()["can_travel"] is False and second.json()["date"] == "2024-02-01"
    assert second.json()["can_travel"] == can_travel("putin", "ARM", AFTER)


@pytest.mark.parametrize("path, params", [
    ("/v1/can-travel", {"person": "putin", "country": "ARM", "date": "2024-01-31"}),
    ("/v1/assess", {"person": "putin", "country": "ARM", "date": "2024-01-31"}),
    ("/v1/world", {"person": "putin", "date": "2024-01-31"}),
    ("/v1/wanted-in", {"country": "ARM", "date": "2024-01-31"}),
    ("/v1/next-change", {"person": "putin", "country": "ARM", "date": "2024-01-31"}),
    ("/v1/timeline", {"person": "putin", "country": "ARM", "start": "2023-03-17", "end": "2024-01-31"}),
    ("/v1/states", {"date": "2024-01-31"}),
    ("/v1/states", {}),
    ("/v1/timeline", {"person": "putin", "country": "ARM"}),
])
def test_an_answer_about_a_past_day_stays_cacheable(client: TestClient, clock: Clock, path: str,
                                                     params: dict[str, str]) -> None:
    clock.day = AFTER
    first = client.get(path, params=params)
    assert first.status_code == 200
    assert first.headers["cache-control"] == "public, max-age=86400"
    clock.day = AFTER + datetime.timedelta(days=400)
    again = client.get(path, params=params, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.headers["etag"] == first.headers["etag"]


def test_the_day_itself_is_not_cacheable_even_named_by_its_date(client: TestClient, clock: Clock) -> None:
    """An answer about the server's day (or later) is revalidated, however the day is written."""
    answer = client.get("/v1/can-travel", params={"person": "putin", "country": "ARM", "date": BEFORE.isoformat()})
    assert answer.headers["cache-control"] == "no-cache"


def test_every_person_and_boundary_across_midnight(client: TestClient, clock: Clock) -> None:
    """Every person in four countries whose party status changes on a day, asked "today" the day before and
    revalidated on the day: no revalidation keeps an answer that differs from the library's."""
    boundaries = {"ARM": datetime.date(2024, 2, 1), "UKR": datetime.date(2025, 1, 1),
                  "PHL": datetime.date(2019, 3, 17), "BDI": datetime.date(2017, 10, 27)}
    persons = [person["id"] for person in client.get("/v1/persons").json()]
    stale = asked = 0
    for country, boundary in boundaries.items():
        for person in persons:
            params = {"person": person, "country": country, "date": "today"}
            clock.day = boundary - datetime.timedelta(days=1)
            first = client.get("/v1/can-travel", params=params)
            clock.day = boundary
            second = client.get("/v1/can-travel", params=params, headers={"If-None-Match": first.headers["etag"]})
            asked += 1
            kept = first.json() if second.status_code == 304 else second.json()
            stale += kept["can_travel"] != can_travel(person, country, boundary) or kept["date"] != str(boundary)
    assert asked == 4 * len(persons) and stale == 0
