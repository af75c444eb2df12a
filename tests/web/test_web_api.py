"""Every endpoint answers as the library does: the same answer, as the library's own JSON, with ETags and cache
headers that let proxies keep answers about the past."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from icc_rules import (
    RULES,
    Verdict,
    assess,
    can_travel,
    check_itinerary,
    hosts,
    load_data,
    next_change,
    shipped_data,
    timeline,
    wanted_in,
    world,
)
from icc_rules.web.app import Settings, create_app

MONGOLIA = {"person": "Putin", "country": "Mongolia", "date": "2024-09-03"}


def _json(value: object) -> object:
    """A model (or a list of them) as the library writes it in JSON."""
    if isinstance(value, list):
        return [_json(item) for item in value]
    return json.loads(value.model_dump_json())  # type: ignore[attr-defined]


def test_assess_is_the_library_s_answer(client: TestClient) -> None:
    response = client.get("/v1/assess", params=MONGOLIA)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == _json(assess(**MONGOLIA))
    assert response.json()["verdict"] == "duty_to_arrest"
    assert response.json() == assess(**MONGOLIA).model_dump(mode="json")  # the CLI's --json, too


def test_can_travel_is_the_library_s_answer_with_the_query_resolved(client: TestClient) -> None:
    for person, country, date in (("Putin", "MN", "2024-09-03"), ("Путин", "Kyrgyz Republic", "2023-10-12"),
                                  ("Netanyahu", "HU", "2025-04-03"), ("duterte", "NLD", "2025-06-01")):
        body = client.get("/v1/can-travel", params={"person": person, "country": country, "date": date}).json()
        assert body["can_travel"] is can_travel(person, country, date)
        answer = assess(person, country, date)
        assert body == {"person": answer.person, "person_name": answer.person_name, "country": answer.country,
                        "country_name": answer.country_name, "date": date, "verdict": answer.verdict.value,
                        "can_travel": answer.can_travel, "data_version": answer.data_version,
                        "data_as_of": answer.data_as_of.isoformat()}


def test_views_are_the_library_s_answers(client: TestClient) -> None:
    assert client.get("/v1/timeline", params={"person": "putin", "country": "ARM"}).json() == \
        _json(timeline("putin", "ARM"))
    assert client.get("/v1/timeline", params={"person": "putin", "country": "ARM", "start": "2023-01-01",
                                              "end": "2024-12-31"}).json() == \
        _json(timeline("putin", "ARM", "2023-01-01", "2024-12-31"))
    assert client.get("/v1/next-change", params={"person": "Duterte", "country": "PH", "date": "2025-03-08"}
                      ).json() == _json(next_change("Duterte", "PH", "2025-03-08"))
    assert client.get("/v1/next-change", params={"person": "putin", "country": "ARM", "date": "2025-01-01"}
                      ).json() is None
    assert client.get("/v1/world", params={"person": "putin", "date": "2024-09-03"}).json() == \
        _json(world("putin", "2024-09-03"))
    assert client.get("/v1/wanted-in", params={"country": "Sudan", "date": "2010-01-01"}).json() == \
        _json(wanted_in("Sudan", "2010-01-01"))
    assert client.get("/v1/hosts", params={"person": "al-Bashir"}).json() == _json(hosts("al-Bashir"))


def test_itinerary_takes_days_ranges_and_kinds(client: TestClient) -> None:
    trip = {"person": "Putin", "legs": [
        {"country": "Kyrgyzstan", "date": "2023-10-12"},
        {"country": "Armenia", "start": "2024-01-25", "end": "2024-02-05", "kind": "transit"},
        {"country": "Mongolia", "date": "2024-09-03", "kind": "overflight"},
    ]}
    response = client.post("/v1/itinerary", json=trip)
    assert response.status_code == 200
    expected = check_itinerary("Putin", [("Kyrgyzstan", "2023-10-12"),
                                         ("Armenia", ("2024-01-25", "2024-02-05"), "transit"),
                                         ("Mongolia", "2024-09-03", "overflight")])
    assert response.json() == _json(expected)
    assert (response.json()["first_at_risk"], response.json()["flagged_overflights"]) == (2, [3])
    assert response.headers["cache-control"] == "public, max-age=86400"


def test_world_as_svg_and_csv(client: TestClient) -> None:
    params = {"person": "putin", "date": "2024-09-03"}
    svg = client.get("/v1/world", params=params, headers={"Accept": "image/svg+xml"})
    assert svg.headers["content-type"].startswith("image/svg+xml") and "<svg" in svg.text
    assert svg.headers["vary"] == "Accept"
    assert client.get("/v1/world.svg", params=params).text == svg.text == world("putin", "2024-09-03").to_svg()
    csv = client.get("/v1/world", params={**params, "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv") and csv.text == world("putin", "2024-09-03").to_csv()
    assert client.get("/v1/world", params=params, headers={"Accept": "text/csv;q=0.5, application/json"}
                      ).headers["content-type"] == "application/json"
    assert client.get("/v1/world", params=params, headers={"Accept": "text/html,*/*;q=0.8"}
                      ).headers["content-type"] == "application/json"
    refused = client.get("/v1/world", params=params, headers={"Accept": "text/html"})
    assert refused.status_code == 406 and refused.headers["content-type"] == "application/problem+json"
    assert client.get("/v1/world", params=params, headers={"Accept": "image/*;q=nan"}).status_code == 406


def test_the_dataset_endpoints(client: TestClient) -> None:
    data = shipped_data()
    persons = client.get("/v1/persons").json()
    assert [person["id"] for person in persons] == [person.id for person in data.persons]
    assert persons[0] == json.loads(data.persons[0].model_dump_json())
    states = client.get("/v1/states", params={"date": "2025-01-01"}).json()
    assert states["count"] == 125 == len(states["parties"])
    assert client.get("/v1/states").json()["date"] == data.info.as_of.isoformat()
    assert [rule["id"] for rule in client.get("/v1/rules").json()] == [rule.id for rule in RULES]
    verdicts = client.get("/v1/verdicts").json()
    assert [v["value"] for v in verdicts] == [v.value for v in Verdict]
    assert [v["description"] for v in verdicts] == [v.description for v in Verdict]
    summary = client.get("/v1/dataset").json()
    assert (summary["version"], summary["as_of"]) == (data.info.version, data.info.as_of.isoformat())
    assert summary["counts"]["persons"] == len(data.persons) and summary["user_files"] == []


def test_head_is_get_without_the_body(client: TestClient) -> None:
    get, head = client.get("/v1/rules"), client.head("/v1/rules")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == get.headers["etag"] and head.headers["content-length"] == str(len(get.content))
    assert client.head("/").status_code == 200


def test_etags_and_revalidation(client: TestClient) -> None:
    first = client.get("/v1/assess", params=MONGOLIA)
    tag = first.headers["etag"]
    again = client.get("/v1/assess", params=MONGOLIA, headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.content and again.headers["etag"] == tag
    assert client.get("/v1/assess", params=MONGOLIA, headers={"If-None-Match": f'"x", W/{tag}'}).status_code == 304
    other = client.get("/v1/assess", params={**MONGOLIA, "date": "2024-09-04"})
    assert other.headers["etag"] != tag
    assert client.get("/v1/can-travel", params=MONGOLIA).headers["etag"] != tag  # another endpoint, another tag


def test_answers_about_the_past_are_cacheable_and_today_s_are_revalidated(client: TestClient) -> None:
    assert client.get("/v1/assess", params=MONGOLIA).headers["cache-control"] == "public, max-age=86400"
    today = client.get("/v1/assess", params={"person": "putin", "country": "MN"})
    assert today.headers["cache-control"] == "no-cache"
    assert today.json()["date"] == datetime.date.today().isoformat()
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    assert client.get("/v1/world", params={"person": "putin", "date": tomorrow}).headers["cache-control"] == "no-cache"
    assert client.get("/v1/rules").headers["cache-control"] == "public, max-age=86400"


def test_bulk_streams_ndjson_for_csv_and_ndjson(client: TestClient) -> None:
    csv_body = "person,country,date\nputin,MNG,2024-09-03\nputin,Mongolai,2024-09-03\nnetanyahu,US,2025-02-04\n"
    response = client.post("/v1/bulk", content=csv_body, headers={"Content-Type": "text/csv"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [line["verdict"] for line in lines] == ["duty_to_arrest", None, "no_duty"]
    assert lines[1]["error"].startswith("unknown country 'Mongolai'")
    ndjson_body = '{"person": "putin", "country": "MNG", "date": "2024-09-03"}\n["netanyahu", "US", "2025-02-04"]\n' \
                  'not json\n\n42\n'
    full = client.post("/v1/bulk", params={"full": "true"}, content=ndjson_body,
                       headers={"Content-Type": "application/x-ndjson"})
    answers = [json.loads(line) for line in full.text.splitlines()]
    assert answers[0] == assess("putin", "MNG", "2024-09-03").model_dump(mode="json")
    assert answers[1]["verdict"] == "no_duty"
    assert "error" in answers[2] and "error" in answers[3] and len(answers) == 4


def test_bulk_answers_in_chunks_keep_the_order(client: TestClient) -> None:
    rows = [("putin", "MNG", "2024-09-03"), ("putin", "CHN", "2024-09-03")] * 150
    body = "person,country,date\n" + "".join(",".join(row) + "\n" for row in rows)
    lines = client.post("/v1/bulk", content=body, headers={"Content-Type": "text/csv"}).text.splitlines()
    assert [json.loads(line)["verdict"] for line in lines] == ["duty_to_arrest", "no_duty"] * 150


def test_user_data_files_are_loaded_and_named(jersey_extended: Path) -> None:
    app = create_app(Settings(data_files=(str(jersey_extended),)))
    with TestClient(app) as client:
        answer = client.get("/v1/assess", params={"person": "putin", "country": "Jersey", "date": "2024-09-03"})
        expected = assess("putin", "Jersey", "2024-09-03", data=load_data(overlays=[jersey_extended]))
        assert answer.json()["verdict"] == expected.verdict.value == "duty_to_arrest"
        assert client.get("/v1/dataset").json()["user_files"] == ["jersey.toml"]
        assert "1 user data file on top" in client.get("/").text
        shipped = create_app()
        with TestClient(shipped) as plain:
            assert plain.get("/v1/dataset").headers["etag"] != client.get("/v1/dataset").headers["etag"]


def test_cors_is_off_unless_origins_are_allowed(client: TestClient) -> None:
    origin = {"Origin": "https://news.example"}
    assert "access-control-allow-origin" not in client.get("/v1/rules", headers=origin).headers
    with TestClient(create_app(Settings(allow_origins=("https://news.example",)))) as allowed:
        response = allowed.get("/v1/rules", headers=origin)
        assert response.headers["access-control-allow-origin"] == "https://news.example"
        assert "etag" in response.headers["access-control-expose-headers"].lower()
        other = allowed.get("/v1/rules", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_the_openapi_document_names_fields_as_the_answers_do(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    assert "events" in components["Warrant"]["properties"] and "event" not in components["Warrant"]["properties"]
    assert "warrants" in components["Person"]["properties"]
    assert "HTTPValidationError" not in components
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert "422" not in operation["responses"], path
            assert operation["responses"]["400"]["content"] == {
                "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    expected = {"/v1/assess", "/v1/can-travel", "/v1/timeline", "/v1/next-change", "/v1/world", "/v1/world.svg",
                "/v1/itinerary", "/v1/wanted-in", "/v1/hosts", "/v1/persons", "/v1/states", "/v1/rules",
                "/v1/dataset", "/v1/bulk", "/v1/verdicts"}
    assert set(schema["paths"]) == expected


def test_the_docs_load_nothing_from_the_network(client: TestClient) -> None:
    docs = client.get("/docs").text
    assert "/docs/swagger-ui-bundle.js" in docs and "/docs/swagger-ui.css" in docs
    assert "http://" not in docs and "https://" not in docs
    for name in ("swagger-ui-bundle.js", "swagger-ui.css"):
        asset = client.get(f"/docs/{name}")
        assert asset.status_code == 200 and len(asset.content) > 10_000


@pytest.mark.parametrize("path", ["/", "/?person=putin"])
def test_the_page_is_self_contained(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "unsafe-inline" not in policy
    page = response.text
    for tag in ("<script src", "<link rel=\"stylesheet\"", "@import", "url(http", "@font-face"):
        assert tag not in page
    assert 'data-a2="MN"' in page  # the base map is inside the page
    assert shipped_data().info.version in page and shipped_data().info.as_of.isoformat() in page
    assert client.get(path, headers={"If-None-Match": response.headers["etag"]}).status_code == 304


def test_the_server_opens_no_connection(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError("network access in a test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refused)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refused)
    for path, params in (("/v1/assess", MONGOLIA), ("/v1/world.svg", {"person": "kony", "date": "2010-01-01"}),
                         ("/v1/wanted-in", {"country": "UGA"}), ("/", {}), ("/docs", {}), ("/openapi.json", {})):
        assert client.get(path, params=params).status_code == 200, path


def test_the_page_has_words_for_every_verdict_and_visit_outcome() -> None:
    """The page shows plain words, never codes: each verdict and each visit outcome has its own."""
    from typing import get_args

    from icc_rules import Verdict
    from icc_rules.data.models import VISIT_OUTCOME_WORDS, VisitOutcome
    from icc_rules.web.page import SENTENCES

    assert set(SENTENCES) == set(Verdict) and set(VISIT_OUTCOME_WORDS) == set(get_args(VisitOutcome))
    for verdict, sentence in SENTENCES.items():
        assert "_" not in verdict.label and all(part in sentence for part in ("{person}", "{date}"))
