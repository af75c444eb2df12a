"""The web API in French: ``?lang=fr`` or ``Accept-Language``, said in ``Content-Language``, varied on and tagged."""

from __future__ import annotations

from fastapi.testclient import TestClient

ASK = {"person": "putin", "country": "MN", "date": "2024-09-03"}


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
