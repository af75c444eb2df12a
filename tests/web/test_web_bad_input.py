"""Bad input is always a 4xx ``application/problem+json`` answer naming the library's error, never a 500.

Every endpoint is sent wrong types, missing and huge values, NaN- and None-like strings, unknown persons and
countries, malformed dates and bodies; then the limits: a body too large, a query string too long, an answer too
slow.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from icc_rules.web.app import Settings, create_app
from icc_rules.web.limits import Limits
from icc_rules.web.routes import bulk as bulk_routes
from icc_rules.web.routes import views as view_routes

PROBLEM = "application/problem+json"

#: Values that are not a person, a country or a date.
ODD = ["", " ", "null", "None", "NaN", "nan", "Infinity", "-1", "0", "1e309", "[]", "{}", "true", "\x00", "%00",
       "\u202e", "🦄", "a" * 5000, "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:x}"]

GET_ENDPOINTS: dict[str, dict[str, str]] = {
    "/v1/assess": {"person": "putin", "country": "MNG", "date": "2024-09-03"},
    "/v1/can-travel": {"person": "putin", "country": "MNG", "date": "2024-09-03"},
    "/v1/timeline": {"person": "putin", "country": "ARM", "start": "2023-01-01", "end": "2024-12-31"},
    "/v1/next-change": {"person": "putin", "country": "ARM", "date": "2023-01-01"},
    "/v1/world": {"person": "putin", "date": "2024-09-03"},
    "/v1/world.svg": {"person": "putin", "date": "2024-09-03"},
    "/v1/wanted-in": {"country": "SDN", "date": "2010-01-01"},
    "/v1/hosts": {"person": "al-bashir"},
    "/v1/states": {"date": "2025-01-01"},
}


def _problem(response: Any, status: int | None = None, error: str | None = None) -> dict[str, Any]:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    assert response.headers["content-type"] == PROBLEM, response.headers
    body: dict[str, Any] = response.json()
    assert body["status"] == response.status_code and body["title"] and body["detail"]
    if status is not None:
        assert response.status_code == status, body
    if error is not None:
        assert body["type"] == f"urn:icc-rules:problem:{error}" and body["error"] == error, body
    return body


@pytest.mark.parametrize("path", sorted(GET_ENDPOINTS))
def test_every_parameter_of_every_endpoint_refuses_odd_values(client: TestClient, path: str) -> None:
    good = GET_ENDPOINTS[path]
    assert client.get(path, params=good).status_code == 200
    for name in good:
        for value in ODD:
            response = client.get(path, params={**good, name: value})
            if response.status_code != 200:  # "-1" as a country, say, is an error; "0" as a date too
                _problem(response)
        if name in ("person", "country"):
            _problem(client.get(path, params={k: v for k, v in good.items() if k != name}), 400, "InputError")
        # A parameter given twice: the last one counts, as for any query string.
        assert client.get(path, params=[*good.items(), (name, good[name])]).status_code == 200


@pytest.mark.parametrize(("params", "status", "error"), [
    ({"person": "Nobody Atall", "country": "MNG"}, 404, "UnknownPersonError"),
    ({"person": "Gaddafi", "country": "LBY"}, 400, "AmbiguousPersonError"),
    ({"person": "putin", "country": "Mongolai"}, 404, "UnknownCountryError"),
    ({"person": "putin", "country": "MNG", "date": "2024-02-30"}, 400, "InvalidDateError"),
    ({"person": "putin", "country": "MNG", "date": "3/9/2024"}, 400, "InvalidDateError"),
    ({"person": "putin", "country": "MNG", "date": "NaN"}, 400, "InvalidDateError"),
    ({"person": "putin", "country": "MNG", "date": "99999-01-01"}, 400, "InvalidDateError"),
    ({"person": "putin"}, 400, "InputError"),
])
def test_library_errors_keep_their_names_and_suggestions(client: TestClient, params: dict[str, str], status: int,
                                                          error: str) -> None:
    body = _problem(client.get("/v1/assess", params=params), status, error)
    if error == "UnknownCountryError":
        assert body["suggestions"] == ["Mongolia"]
    if error == "AmbiguousPersonError":
        assert body["candidates"] == ["muammar-gaddafi", "saif-gaddafi"]


def test_extreme_but_real_dates_are_answered(client: TestClient) -> None:
    for date in ("0001-01-01", "9999-12-31", "20240903", "2024-09-03T23:30:00+02:00"):
        assert client.get("/v1/assess", params={"person": "putin", "country": "MNG", "date": date}
                          ).status_code == 200
    _problem(client.get("/v1/timeline", params={"person": "putin", "country": "ARM", "start": "2024-02-01",
                                                "end": "2024-01-01"}), 400, "InputError")
    assert client.get("/v1/timeline", params={"person": "putin", "country": "ARM", "start": "0001-01-01",
                                              "end": "9999-12-31"}).status_code == 200


@pytest.mark.parametrize("body", [
    None, "", "null", "[]", "{}", "42", '"text"', "{", '{"person": "putin"}', '{"legs": []}',
    '{"person": "putin", "legs": []}',
    '{"person": "putin", "legs": "MNG@2024-09-03"}',
    '{"person": "putin", "legs": ["MNG@2024-09-03"]}',
    '{"person": "putin", "legs": [{"country": "MNG", "date": "2024-09-03", "kind": "swim"}]}',
    '{"person": "putin", "legs": [{"country": "MNG", "date": "2024-09-03", "extra": 1}]}',
    '{"person": "putin", "legs": [{"country": "MNG", "start": "2024-09-05", "end": "2024-09-03"}]}',
    '{"person": "putin", "legs": [{"country": "Atlantis", "date": "2024-09-03"}]}',
    '{"person": "putin", "legs": [{"country": "MNG", "date": "yesterday"}]}',
    '{"person": 7, "legs": [{"country": ["MNG"], "date": 20240903}]}',
    '{"person": "nobody atall", "legs": [{"country": "MNG"}]}',
    '{"person": "putin", "legs": [' + ",".join(['{"country": "MNG"}'] * 101) + "]}",
    "[" * 5000 + "]" * 5000,
])
def test_itinerary_refuses_malformed_bodies(client: TestClient, body: str | None) -> None:
    _problem(client.post("/v1/itinerary", content=body, headers={"Content-Type": "application/json"}))


def test_bulk_refuses_what_it_cannot_read(client: TestClient) -> None:
    _problem(client.post("/v1/bulk", content="person,country\nputin,MNG\n"), 415)
    _problem(client.post("/v1/bulk", content="a,b\n1,2\n", headers={"Content-Type": "text/csv"}), 400, "InputError")
    _problem(client.post("/v1/bulk", content=b"person,country\n\xff\xfe,MNG\n", headers={"Content-Type": "text/csv"}),
             400, "InputError")
    unclosed = client.post("/v1/bulk", content='person,country\n"a\0b,MNG\n', params={"date": "2024-09-03"},
                           headers={"Content-Type": "text/csv"})
    assert unclosed.status_code == 200 and "has none" in unclosed.json()["error"]  # one row, without a country
    many = "person,country,date\n" + "putin,MNG,2024-09-03\n" * 10_001
    _problem(client.post("/v1/bulk", content=many, headers={"Content-Type": "text/csv"}), 413)
    empty = client.post("/v1/bulk", content="", headers={"Content-Type": "application/x-ndjson"})
    assert empty.status_code == 200 and empty.text == ""


def test_unknown_paths_and_methods_are_problems_too(client: TestClient) -> None:
    _problem(client.get("/v2/assess"), 404)
    _problem(client.get("/v1/assess/../../etc/passwd"), 404)
    _problem(client.delete("/v1/assess"), 405)
    _problem(client.post("/v1/assess", json={}), 405)
    _problem(client.get("/v1/itinerary"), 405)


def test_a_body_over_the_limit_is_refused_before_it_is_read() -> None:
    with TestClient(create_app(Settings(limits=Limits(max_body=1000)))) as small:
        _problem(small.post("/v1/bulk", content="x" * 1001, headers={"Content-Type": "text/csv"}), 413)
        _problem(small.post("/v1/bulk", content=iter([b"x" * 600, b"x" * 600]),
                            headers={"Content-Type": "text/csv"}), 413)  # chunked: no length to trust
        _problem(small.post("/v1/bulk", content="x", headers={"Content-Type": "text/csv", "Content-Length": "x"}),
                 413)


def test_a_query_string_over_the_limit_is_refused(client: TestClient) -> None:
    _problem(client.get("/v1/assess", params={"person": "a" * 5000, "country": "MNG"}), 414)


def test_an_answer_over_the_time_limit_is_a_503_with_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_world(*args: Any, **kwargs: Any) -> None:
        time.sleep(0.5)

    monkeypatch.setattr(view_routes, "world", slow_world)
    with TestClient(create_app(Settings(limits=Limits(time_limit=0.05)))) as hurried:
        response = hurried.get("/v1/world", params={"person": "putin"})
        assert response.status_code == 503 and response.headers["retry-after"] == "5"
        assert response.headers["content-type"] == PROBLEM and response.json()["type"] == "about:blank"


def test_headers_over_the_limit_are_refused(client: TestClient) -> None:
    _problem(client.get("/v1/rules", headers={"X-Padding": "x" * 20_000}), 431)


def test_a_bulk_request_over_its_time_ends_with_a_line_saying_how_far_it_got(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_chunk = bulk_routes.answer_chunk

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.1)
        return answer_chunk(*args, **kwargs)

    monkeypatch.setattr(bulk_routes, "answer_chunk", slow)
    body = "person,country,date\n" + "putin,MNG,2024-09-03\n" * 3000
    with TestClient(create_app(Settings(limits=Limits(time_limit=1.0)))) as hurried:
        response = hurried.post("/v1/bulk", content=body, headers={"Content-Type": "text/csv"})
    lines = response.text.splitlines()
    assert response.status_code == 200 and 1 < len(lines) < 3000
    last = json.loads(lines[-1])
    assert last["answered"] == len(lines) - 1 and last["rows"] == 3000
    assert last["error"].startswith(f"time limit: {len(lines) - 1} of 3000 rows answered")
