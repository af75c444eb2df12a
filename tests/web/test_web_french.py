"""The web API in French: ``?lang=fr`` or ``Accept-Language``, said in ``Content-Language``, varied on and tagged."""

from __future__ import annotations

import functools
import re
from typing import Any

from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from icc_rules.i18n import LOCALE_DIR

ASK = {"person": "putin", "country": "MN", "date": "2024-09-03"}


@functools.cache
def _templates() -> tuple[str, ...]:
    """The runs of three English words or more of every message of the catalog (their placeholders aside)."""
    with (LOCALE_DIR / "fr" / "LC_MESSAGES" / "icc_rules.po").open("rb") as file:
        catalog = read_po(file)
    return tuple({part.strip() for message in catalog if message.id
                  for msgid in ([message.id] if isinstance(message.id, str) else message.id)
                  for part in re.split(r"\{[^}]*\}", msgid) if len(part.split()) >= 3})


def test_assess_in_french_with_lang(client: TestClient) -> None:
    response = client.get("/v1/assess", params={**ASK, "lang": "fr"})
    assert response.status_code == 200
    assert response.headers["content-language"] == "fr"
    assert "Accept-Language" in response.headers["vary"]
    answer = response.json()
    assert answer["verdict"] == "duty_to_arrest" and answer["country_name"] == "Mongolie"
    assert answer["reasons"][0]["text"].startswith("Le Statut de Rome lie la Mongolie")
    assert answer["reasons"][0]["legal_basis"] == "Statut de Rome, art. 126 et 127-1"


def test_accept_language_by_q_value_and_lang_wins(client: TestClient) -> None:
    french = client.get("/v1/assess", params=ASK, headers={"Accept-Language": "de-DE, fr;q=0.8, en;q=0.5"})
    assert french.headers["content-language"] == "fr" and french.json()["country_name"] == "Mongolie"
    english = client.get("/v1/assess", params={**ASK, "lang": "en"}, headers={"Accept-Language": "fr"})
    assert english.headers["content-language"] == "en" and english.json()["country_name"] == "Mongolia"
    unknown = client.get("/v1/assess", params=ASK, headers={"Accept-Language": "de"})
    assert unknown.headers["content-language"] == "en"


def test_the_etag_differs_per_language(client: TestClient) -> None:
    english = client.get("/v1/assess", params=ASK)
    french = client.get("/v1/assess", params=ASK, headers={"Accept-Language": "fr"})
    assert english.headers["etag"] != french.headers["etag"]
    again = client.get("/v1/assess", params=ASK, headers={"Accept-Language": "fr",
                                                          "If-None-Match": french.headers["etag"]})
    assert again.status_code == 304
    other = client.get("/v1/assess", params=ASK, headers={"If-None-Match": french.headers["etag"]})
    assert other.status_code == 200 and other.json()["country_name"] == "Mongolia"


def test_an_unknown_lang_is_a_problem_listing_the_languages(client: TestClient) -> None:
    response = client.get("/v1/assess", params={**ASK, "lang": "de"})
    assert response.status_code == 400
    assert response.json()["detail"] == "unknown language 'de': expected one of en, fr"
    assert response.json()["error"] == "InputError"


def test_errors_in_french(client: TestClient) -> None:
    response = client.get("/v1/assess", params={**ASK, "country": "Mongolai", "lang": "fr"})
    assert response.status_code == 404
    assert response.json()["detail"].startswith("pays inconnu 'Mongolai' : ")
    assert response.json()["suggestions"] == ["Mongolia"]  # the data's names, for programs
    assert response.headers["content-language"] == "fr"


def test_timeline_and_next_change_in_french(client: TestClient) -> None:
    periods = client.get("/v1/timeline", params={"person": "putin", "country": "ARM", "start": "2024-01-01",
                                                 "end": "2024-12-31", "lang": "fr"})
    assert periods.headers["content-language"] == "fr"
    assert periods.json()[1]["opened_by"] == "le Statut de Rome est entré en vigueur à l’égard de l’Arménie"
    assert periods.json()[1]["country_name"] == "Arménie" and periods.json()[1]["verdict"] == "duty_to_arrest"
    change = client.get("/v1/next-change", params={"person": "putin", "country": "UA", "date": "2023-01-01"},
                        headers={"Accept-Language": "fr-CA"})
    assert change.json()["event"] == "mandat d’arrêt putin-2023 délivré"
    english = client.get("/v1/next-change", params={"person": "putin", "country": "UA", "date": "2023-01-01"})
    assert english.json()["event"] == "arrest warrant putin-2023 issued"


def test_the_world_in_french(client: TestClient) -> None:
    view = client.get("/v1/world", params={"person": "putin", "date": "2024-09-03", "lang": "fr"})
    assert view.headers["content-language"] == "fr" and "Accept-Language" in view.headers["vary"]
    mongolia = next(r for r in view.json()["countries"] if r["country"] == "MNG")
    assert mongolia["name"] == "Mongolie" and mongolia["verdict"] == "duty_to_arrest"
    assert view.json()["warnings"][0].startswith("9 verdicts pourraient être autres")
    english = client.get("/v1/world", params={"person": "putin", "date": "2024-09-03"})
    assert english.headers["etag"] != view.headers["etag"]


def _no_english_template(texts: list[str]) -> None:
    """None of ``texts`` (the reader's texts of a French answer) shows a run of three English words of the catalog."""
    fragments = _templates()
    for text in texts:
        for fragment in fragments:
            assert fragment not in text, (fragment, text)


def _french(client: TestClient, method: str, path: str, **kwargs: Any) -> Any:
    """The answer asked in French by ``?lang=fr`` (said in Content-Language, varied on Accept-Language, tagged apart
    from the English one), and the same by Accept-Language; the English one is unchanged by the question."""
    english = client.request(method, path, **kwargs)
    french = client.request(method, path, **{**kwargs, "params": {**kwargs.get("params", {}), "lang": "fr"}})
    assert french.status_code == english.status_code == 200, french.text
    assert french.headers["content-language"] == "fr" and english.headers["content-language"] == "en"
    assert "Accept-Language" in french.headers["vary"]
    assert french.headers["etag"] != english.headers["etag"]
    by_header = client.request(method, path, **kwargs, headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert by_header.json() == french.json() and by_header.headers["content-language"] == "fr"
    assert by_header.headers["etag"] != english.headers["etag"]  # the same URL in another language
    again = client.request(method, path, **kwargs, headers={"Accept-Language": "fr",
                                                             "If-None-Match": by_header.headers["etag"]})
    assert again.status_code == 304
    assert client.request(method, path, **{**kwargs, "params": {**kwargs.get("params", {}), "lang": "en"}}
                          ).content == english.content
    return french.json()


def test_wanted_in_in_french(client: TestClient) -> None:
    found = _french(client, "GET", "/v1/wanted-in", params={"country": "MN", "date": "2024-09-03"})
    assert {answer["country_name"] for answer in found} == {"Mongolie"}
    assert {answer["verdict"] for answer in found} <= {"duty_to_arrest", "residual_duty", "in_custody"}
    _no_english_template([reason["text"] for answer in found for reason in answer["reasons"]]
                         + [reason["legal_basis"] for answer in found for reason in answer["reasons"]]
                         + [warning for answer in found for warning in answer["warnings"]])


def test_hosts_in_french(client: TestClient) -> None:
    report = _french(client, "GET", "/v1/hosts", params={"person": "putin"})
    mongolia = next(visit for visit in report["visits"] if visit["host"] == "MNG")
    assert mongolia["host_name"] == "Mongolie" and mongolia["outcome"] == "not_arrested"
    assert mongolia["verdict"] == "duty_to_arrest"


def test_itinerary_in_french(client: TestClient) -> None:
    trip = {"person": "putin", "legs": [{"country": "KG", "date": "2023-10-12"},
                                         {"country": "ARM", "start": "2024-01-25", "end": "2024-02-05",
                                          "kind": "transit"},
                                         {"country": "MN", "date": "2024-09-03", "kind": "overflight"},
                                         {"country": "HU", "start": "2026-06-20", "end": "2026-07-01"}]}
    report = _french(client, "POST", "/v1/itinerary", json=trip)
    legs = report["legs"]
    assert [leg["country_name"] for leg in legs] == ["Kirghizstan", "Arménie", "Mongolie", "Hongrie"]
    assert [leg["kind"] for leg in legs] == ["visit", "transit", "overflight", "visit"]
    assert legs[2]["note"].startswith("Vladimir Putin ne ferait que survoler la Mongolie")
    _no_english_template([leg["note"] for leg in legs] + [w for leg in legs for w in leg["warnings"]]
                         + [change["event"] or "" for leg in legs for change in leg["changes"]])


def test_states_in_french(client: TestClient) -> None:
    view = _french(client, "GET", "/v1/states", params={"date": "2025-06-03"})
    assert view["count"] == 125
    names = [party["name"] for party in view["parties"]]
    assert "Allemagne" in names and "Germany" not in names and names[:2] == ["Afghanistan", "Afrique du Sud"]
    hungary = next(party for party in view["parties"] if party["code"] == "HUN")
    assert hungary["name"] == "Hongrie" and hungary["pending_withdrawals"][0]["state_name"] == "Hongrie"


def test_rules_and_verdicts_in_french(client: TestClient) -> None:
    rules = _french(client, "GET", "/v1/rules")
    party = next(rule for rule in rules if rule["id"] == "status.party")
    assert party["legal_basis"] == "Statut de Rome, art. 126 et 127-1"
    assert party["doc"].startswith("L’État hôte est un État partie ce jour-là")
    _no_english_template([rule["doc"] for rule in rules] + [rule["legal_basis"] for rule in rules])
    verdicts = _french(client, "GET", "/v1/verdicts")
    assert [verdict["value"] for verdict in verdicts] == ["in_custody", "duty_to_arrest", "residual_duty", "no_duty",
                                                          "no_warrant"]
    _no_english_template([verdict["description"] for verdict in verdicts])


def test_input_errors_in_french(client: TestClient) -> None:
    bulk = client.post("/v1/bulk", content="who,where\nputin,MN\n", headers={"Content-Type": "text/csv",
                                                                             "Accept-Language": "fr"})
    assert bulk.status_code == 400 and bulk.headers["content-language"] == "fr"
    assert bulk.json()["detail"].startswith("le CSV : la ligne d’en-tête doit nommer les colonnes person, country")
    assert bulk.json()["detail"].endswith("(séparateurs essayés : virgule, point-virgule, tabulation, barre verticale)")
    trip = client.post("/v1/itinerary", params={"lang": "fr"}, json={
        "person": "putin", "legs": [{"country": "MN", "start": "2024-09-05", "end": "2024-09-03"}]})
    assert trip.status_code == 400
    assert trip.json()["detail"] == ("étape 1 (Mongolie) : son premier jour, le 5 septembre 2024, est après son "
                                     "dernier jour, le 3 septembre 2024")
    english = client.post("/v1/bulk", content="who,where\nputin,MN\n", headers={"Content-Type": "text/csv"})
    assert english.json()["detail"].startswith("the CSV: the header row must name the columns person, country")
