"""French answers: every message translated, no English rule text in a French answer, the language per call.

The spread of questions is every legal case (all five verdicts, withdrawals pending and in effect, territories,
referrals, declarations), the questions of the doubts and of a user's file, and days after the dataset's as_of date.
"""

from __future__ import annotations

import datetime
import re
import threading
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from icc_rules import assess
from icc_rules.api import Assessment
from icc_rules.errors import ICCRulesError, InputError
from icc_rules.i18n import LANGUAGES, catalog, from_accept_language, from_environment, language, resolve_language, using
from icc_rules.i18n.messages import ERRORS, LABELS, WARNINGS, error_message
from icc_rules.law import wording
from icc_rules.law.rules import RULES
from icc_rules.mcp.answers import LegIn
from icc_rules.views.bulk import answer_queries, read_csv, row_error
from icc_rules.views.inputs.ndjson import read_ndjson
from icc_rules.views.inputs.python_rows import read_rows
from icc_rules.views.itinerary import Leg, check_itinerary

ROOT = Path(__file__).resolve().parents[2]
CASES = tomllib.loads((ROOT / "tests" / "cases" / "legal_cases.toml").read_text())["case"]
MORE = [  # doubts, a pending withdrawal, a day after as_of, before the Statute, a territory, custody
    ("putin", "HUN", "2026-07-01"), ("putin", "HUN", "2025-06-03"), ("putin", "MNG", "2030-01-01"),
    ("putin", "MNG", "2001-01-01"), ("netanyahu", "GUF", "2025-01-01"), ("duterte", "PHL", "2025-03-12"),
    ("putin", "GRL", "2024-01-01"), ("al-bashir", "ZAF", "2015-06-14"), ("putin", "BFA", "2026-01-01"),
    ("putin", "MLI", "2026-09-01"), ("putin", "NER", "2026-01-01"),
]


def _questions() -> Iterator[tuple[str, str, str]]:
    for case in CASES:
        yield case["person"], case["country"], str(case["date"])
    yield from MORE


def _english_fragments(msgid: str) -> list[str]:
    """The runs of three English words or more in a message (its placeholders aside)."""
    return [part.strip() for part in re.split(r"\{[^}]*\}", msgid) if len(part.split()) >= 3]


#: Every English template an answer is made of.
TEMPLATES = sorted({*(rule.text for rule in RULES), *LABELS, *WARNINGS, *ERRORS})


def _data_texts(answer: Assessment) -> list[str]:
    """The texts an answer quotes from the data, which stay in English (marked so)."""
    texts = [precedent.summary for precedent in answer.precedents]
    texts += [source.title for reason in answer.reasons for source in reason.sources]
    texts += [source.title for precedent in answer.precedents for source in precedent.sources]
    texts += [fact.description for reason in answer.reasons for fact in reason.facts]
    return texts


@pytest.mark.parametrize(("person", "country", "day"), list(_questions()))
def test_no_english_template_in_a_french_answer(person: str, country: str, day: str) -> None:
    answer = assess(person, country, day)
    french = answer.explain(lang="fr")
    for text in sorted(_data_texts(answer), key=len, reverse=True):
        french = french.replace(text, "")
    for reason in answer.reasons:
        assert wording.reason_text(reason.rule, reason.text) != reason.text or language() == "en"
    for msgid in TEMPLATES:
        for fragment in _english_fragments(msgid):
            assert fragment not in french, (fragment, french)
    assert answer.explain() == answer.explain(lang="en")  # English unchanged


def test_every_reason_text_and_warning_is_read_back_from_its_template() -> None:
    """A French answer that fell back to English would show here: each text was made from a template."""
    with using("fr"):
        for person, country, day in _questions():
            answer = assess(person, country, day)
            for reason in answer.reasons:
                assert wording.reason_text(reason.rule, reason.text) != reason.text, reason.text
                for fact in reason.facts:
                    assert wording.fact_label(fact.description) != fact.description or \
                        ":" not in fact.description, fact.description
            for warning in (*answer.warnings, *answer.how_sure):
                assert wording.warning(warning) != warning, warning


def test_the_five_verdicts_in_french() -> None:
    from icc_rules import Verdict
    with using("fr"):
        assert [verdict.label for verdict in Verdict] == [
            "en détention", "doit arrêter", "doit encore arrêter (article 127, paragraphe 2)",
            "aucune obligation d’arrêter", "aucun mandat en vigueur"]
    assert Verdict.DUTY_TO_ARREST.label == "must arrest"


def test_the_language_is_per_thread() -> None:
    """Two threads, two languages, many answers each: never mixed."""
    failures: list[str] = []
    barrier = threading.Barrier(2)

    def ask(lang: str, opening: str) -> None:
        barrier.wait()
        for _ in range(200):
            text = assess("Putin", "Mongolia", "2024-09-03").explain(lang=lang)
            if not text.startswith(opening):
                failures.append(text[:60])
            with using(lang):
                if not assess("Putin", "Mongolia", "2024-09-03").headline().startswith(opening):
                    failures.append(lang)

    threads = [threading.Thread(target=ask, args=("en", "Vladimir Putin in Mongolia")),
               threading.Thread(target=ask, args=("fr", "Vladimir Putin en Mongolie"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert language() == "en"


@pytest.mark.parametrize(("given", "expected"), [("fr", "fr"), ("fr-FR", "fr"), ("fr_CA", "fr"), ("FR", "fr"),
                                                 ("en-GB", "en"), ("fr_FR.UTF-8", "fr")])
def test_languages_as_people_write_them(given: str, expected: str) -> None:
    assert resolve_language(given) == expected


@pytest.mark.parametrize("given", ["de", "", "français-", 3, "x" * 300])
def test_an_unknown_language_is_an_input_error_listing_the_languages(given: object) -> None:
    with pytest.raises(InputError, match=r"expected one of en, fr"):
        resolve_language(given)
    with pytest.raises(InputError):
        assess("Putin", "Mongolia", "2024-09-03").explain(lang=given)  # type: ignore[arg-type]


def test_an_unknown_language_suggests_close_ones() -> None:
    with pytest.raises(InputError, match=r"did you mean: fr\?"):
        resolve_language("francais")


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANGUAGE": "fr"}, "fr"), ({"LANGUAGE": "de:fr:en"}, "fr"), ({"LC_ALL": "fr_FR.UTF-8"}, "fr"),
    ({"LC_MESSAGES": "fr_BE"}, "fr"), ({"LANG": "fr_CA.UTF-8"}, "fr"), ({"LANG": "C"}, "en"),
    ({"LANG": "POSIX"}, "en"), ({"LANG": "de_DE.UTF-8"}, "en"), ({}, "en"), ({"LANGUAGE": "", "LANG": "fr"}, "fr"),
    ({"LC_ALL": "C.UTF-8", "LANG": "fr_FR"}, "en"), ({"LANGUAGE": "en", "LANG": "fr_FR"}, "en"),
])
def test_the_environment_in_gettext_order(environ: dict[str, str], expected: str) -> None:
    assert from_environment(environ) == expected


@pytest.mark.parametrize(("header", "expected"), [
    ("fr", "fr"), ("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr"), ("de, fr;q=0.5", "fr"),
    ("en;q=0.4, fr;q=0.6", "fr"), ("de", None), ("", None), (None, None), ("fr;q=0", None), ("fr;q=abc, en", "en"),
    ("*", "en"),
])
def test_accept_language_by_q_value(header: str | None, expected: str | None) -> None:
    assert from_accept_language(header) == expected


@pytest.mark.parametrize(("call", "opening"), [
    (lambda: assess("Puttin", "Mongolia", "2024-09-03"), "personne inconnue 'Puttin'"),
    (lambda: assess("Putin", "Mongolai", "2024-09-03"), "pays inconnu 'Mongolai'"),
    (lambda: assess("Gaddafi", "Libya", "2020-01-01"), "personne ambiguë 'Gaddafi'"),
    (lambda: assess("Putin", "Mongolia", "3/9/2024"), "date invalide '3/9/2024'"),
    (lambda: resolve_language("de"), "langue inconnue 'de'"),
])
def test_errors_in_french(call: object, opening: str) -> None:
    with pytest.raises(ICCRulesError) as caught:
        call()  # type: ignore[operator]
    with using("fr"):
        assert wording.error(caught.value.for_shell).startswith(opening)
        assert wording.error(str(caught.value)).startswith(opening)


def test_french_countries_read_in_french() -> None:
    def headline(country: str) -> str:
        return assess("Putin", country, "2024-09-03").headline(lang="fr")
    assert headline("France").startswith("Vladimir Putin en France, le 3 septembre 2024 : ")
    assert headline("Mali").startswith("Vladimir Putin au Mali,")
    assert headline("Philippines").startswith("Vladimir Putin aux Philippines,")
    assert headline("Cyprus").startswith("Vladimir Putin à Chypre,")


def test_a_date_in_words() -> None:
    with using("fr"):
        answer = assess("Putin", "Mongolia", datetime.date(2024, 9, 1)).explain()
    assert "le 1er septembre 2024 :" in answer


def test_every_language_has_a_catalog() -> None:
    for lang in LANGUAGES:
        assert catalog(lang) is catalog(lang)


def test_an_empty_text_stays_empty() -> None:
    """gettext("") is the catalog's header: an empty text must never become it."""
    from icc_rules.i18n import gettext
    with using("fr"):
        assert gettext("") == "" and wording.events("") == "" and wording.warning("") == ""


@pytest.mark.parametrize(("person", "country"), sorted({(person, country) for person, country, _ in _questions()}))
def test_every_event_of_a_timeline_is_read_back_in_french(person: str, country: str) -> None:
    from icc_rules import timeline
    for period in timeline(person, country):
        french = period.in_language("fr")
        for english, said in ((period.opened_by, french.opened_by), (period.closed_by, french.closed_by)):
            if english:
                assert said is not None
                for event, rewritten in zip(english.split("; "), said.split(" ; "), strict=True):
                    assert rewritten != event, event


def test_a_possessive_in_s_is_read_back() -> None:
    with using("fr"):
        assert wording.reason_text("exposure.at_risk", "Rodrigo Duterte would be on the Philippines' territory, within "
                                   "reach of its authorities: the verdict stands in the way of the trip.") == (
            "Rodrigo Duterte serait sur le territoire des Philippines, à la portée de ses autorités : le verdict "
            "s’oppose au voyage.")


def test_a_pending_withdrawal_not_confirmed() -> None:
    with using("fr"):
        assert wording.pending("withdrawal notified on 2016-10-27 (probable), takes effect on 2017-10-27 unless "
                               "revoked") == ("retrait notifié le 27 octobre 2016 (probable), prenant effet le 27 "
                                              "octobre 2017 sauf révocation")


def _problems(rows: list[str]) -> list[str]:
    """The messages of the rows of a query file that cannot be answered, as ``icc-rules bulk`` says them."""
    queries = read_csv(rows)
    return [str(row_error(queries, answered)) for answered in answer_queries(queries) if answered.error is not None]


def _raised(call: Callable[[], object]) -> str:
    with pytest.raises(ICCRulesError) as caught:
        call()
    return str(caught.value)


#: An input error of each shape the readers of a trip and of bulk queries make (``messages.INPUTS``).
INPUT_ERRORS: list[Callable[[], list[str]]] = [
    lambda: [_raised(lambda: Leg.parse("Mongolia 2024-09-03")), _raised(lambda: Leg.parse("MN@2024-09-03:swim")),
             _raised(lambda: check_itinerary("Putin", [Leg("MN", "2024-09-03", "swim")])),  # type: ignore[arg-type]
             _raised(lambda: check_itinerary("Putin", [Leg("MN", ("2024-09-03",))])),  # type: ignore[arg-type]
             _raised(lambda: check_itinerary("Putin", ["MN@2024-09-05..2024-09-03"])),
             _raised(lambda: check_itinerary("Putin", [42])),  # type: ignore[list-item]
             _raised(lambda: check_itinerary("Putin", "MN@2024-09-03")),
             _raised(lambda: check_itinerary("Putin", [])),
             _raised(lambda: LegIn(country="ARM").as_leg()),
             _raised(lambda: LegIn(country="ARM", date="2024-09-03", end="2024-09-04").as_leg())],
    lambda: [_raised(lambda: read_csv([])), _raised(lambda: read_csv(["person,country,day"])),
             _raised(lambda: read_csv(["who,where"])), _raised(lambda: read_csv(["person,country,date,Person"]))],
    lambda: _problems(["person,country,date", "putin,Mongolai,2024-09-03", "putin,MN,", "putin", '"open']),
    lambda: [query.problem or "" for query in read_ndjson('nope\n{"person": "putin"}\n[1]\n')],
    lambda: [query.problem or "" for query in read_rows([{"who": 1}, (1,)])],
    lambda: [_raised(lambda: list(read_rows("putin,MN")))],
]


@pytest.mark.parametrize("made", INPUT_ERRORS)
def test_every_input_error_is_read_back_in_french(made: Callable[[], list[str]]) -> None:
    messages = made()
    assert messages and all(messages)
    for message in messages:
        french = error_message(message, "fr")
        assert french != message, message
        for msgid in ERRORS:
            for fragment in _english_fragments(msgid):
                assert fragment not in french, (fragment, french)
        assert error_message(message, "en") == message
