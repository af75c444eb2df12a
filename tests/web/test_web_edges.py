"""The HTTP edges of issue 18, each a reproduction that failed before its fix.

- Web itinerary legs name their days one way: ``date`` (one day; omitted, today), or ``start`` and ``end``. A leg
  with both ``date`` and ``start`` silently ignored ``date``, and one with only ``end`` started today.
- The gzip and identity forms of the page shared one strong ETag.
- A refused CORS preflight was ``400 text/plain``.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketDenialResponse

from icc_rules.web.app import Settings, create_app

PROBLEM = "application/problem+json"


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers["content-type"] == PROBLEM, response.headers
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


@pytest.mark.parametrize(("leg", "mix"), [
    ({"date": "2024-09-03", "start": "2024-09-01"}, "date with start"),
    ({"date": "2024-09-03", "end": "2024-09-05"}, "date with end"),
    ({"date": "2024-09-03", "start": "2024-09-01", "end": "2024-09-05"}, "date with start with end"),
    ({"end": "2024-09-05"}, "end alone"),
    ({"start": "2024-09-01"}, "start alone"),
])
def test_a_leg_names_its_days_one_way(client: TestClient, leg: dict[str, str], mix: str) -> None:
    trip = {"person": "putin", "legs": [{"country": "MNG", "date": "2024-09-03"}, {"country": "MNG", **leg}]}
    body = _problem(client.post("/v1/itinerary", json=trip), 400)
    assert body["error"] == "InputError"
    assert f"not {mix}" in body["detail"] and "legs.1" in body["detail"], body["detail"]


@pytest.mark.parametrize("leg", [{"date": "2024-09-03"}, {"start": "2024-09-03", "end": "2024-09-03"}, {}])
def test_the_ways_that_remain(client: TestClient, leg: dict[str, str]) -> None:
    report = client.post("/v1/itinerary", json={"person": "putin", "legs": [{"country": "MNG", **leg}]})
    assert report.status_code == 200, report.text
    if leg:
        assert report.json()["legs"][0]["verdict"] == "duty_to_arrest"


def test_the_page_s_two_encodings_have_two_tags(client: TestClient) -> None:
    plain = client.get("/", headers={"Accept-Encoding": "identity"})
    packed = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers and packed.headers["content-encoding"] == "gzip"
    assert plain.headers["etag"] != packed.headers["etag"]
    assert "accept-encoding" in plain.headers["vary"].lower()
    # A cache holding the identity bytes cannot have them confirmed by a request for gzip, nor the reverse.
    assert client.get("/", headers={"Accept-Encoding": "gzip", "If-None-Match": plain.headers["etag"]}
                      ).status_code == 200
    assert client.get("/", headers={"Accept-Encoding": "identity", "If-None-Match": packed.headers["etag"]}
                      ).status_code == 200
    for response, encoding in ((plain, "identity"), (packed, "gzip")):
        again = client.get("/", headers={"Accept-Encoding": encoding, "If-None-Match": response.headers["etag"]})
        assert again.status_code == 304 and again.headers["etag"] == response.headers["etag"]
    refused = client.get("/", headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers and refused.headers["etag"] == plain.headers["etag"]


def test_a_refused_cors_preflight_is_a_problem() -> None:
    with TestClient(create_app(Settings(allow_origins=("https://news.example",)))) as client:
        allowed = client.options("/v1/assess", headers={"Origin": "https://news.example",
                                                        "Access-Control-Request-Method": "GET"})
        assert allowed.status_code == 200
        for headers in ({"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
                        {"Origin": "https://news.example", "Access-Control-Request-Method": "DELETE"},
                        {"Origin": "https://news.example", "Access-Control-Request-Method": "GET",
                         "Access-Control-Request-Headers": "X-Secret"}):
            body = _problem(client.options("/v1/assess", headers=headers), 400)
            assert body["type"] == "about:blank" and "CORS" in body["detail"]


def test_a_websocket_handshake_is_refused_with_a_problem(client: TestClient) -> None:
    """With a WebSocket library installed (uvicorn[standard]), uvicorn answered a handshake 403 in plain text."""
    with pytest.raises(WebSocketDenialResponse) as refused, client.websocket_connect("/v1/assess"):
        pass
    assert refused.value.status_code == 404
    assert refused.value.headers["content-type"] == PROBLEM and refused.value.json()["status"] == 404
