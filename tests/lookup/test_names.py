"""Names that mean one person: every word of every name, tried alone, names a person only as their surname, an alias
or an id; a given name alone never picks anyone."""

from __future__ import annotations

import pytest

from icc_rules import AmbiguousPersonError, UnknownPersonError, assess, can_travel, shipped_data
from icc_rules.lookup.names import fold, name_key
from icc_rules.lookup.persons import resolve_person

DATA = shipped_data()
WORDS = sorted({word for person in DATA.persons for name in person.names for word in fold(name).split()})


def _surnames(person_id: str) -> set[str]:
    person = DATA.person(person_id)
    return {fold(name).split()[-1] for name in (person.name, person.full_name) if name and fold(name)}


def _whole_names(person_id: str) -> set[tuple[str, ...]]:
    person = DATA.person(person_id)
    return {name_key(name) for name in (person.id, *person.names)}


@pytest.mark.parametrize("word", WORDS)
def test_a_word_alone_names_a_person_only_as_their_surname_alias_or_id(word: str) -> None:
    try:
        found = resolve_person(DATA, word)
    except (UnknownPersonError, AmbiguousPersonError):
        return
    assert word in _surnames(found.id) or (word,) in _whole_names(found.id), \
        f"{word!r} alone picked {found.id}, whose surname it is not"


@pytest.mark.parametrize(("given", "person"), [("William", "ruto"), ("Paul", "gicheru"), ("Joseph", "kony"),
                                               ("Vladimir", "putin"), ("Omar", "al-bashir")])
def test_a_given_name_alone_picks_no_one_and_suggests_who_bears_it(given: str, person: str) -> None:
    with pytest.raises(UnknownPersonError) as raised:
        assess(given, "MN", "2024-09-03")
    assert any(f"({person})" in suggestion for suggestion in raised.value.suggestions)


@pytest.mark.parametrize(("query", "person"), [
    ("Putin", "putin"), ("Путин", "putin"), ("Bibi", "netanyahu"), ("Netanyahu", "netanyahu"),
    ("al-Bashir", "al-bashir"), ("Bashir", "al-bashir"), ("BASHIR Omar al", "al-bashir"), ("Joseph Kony", "kony"),
    ("kony", "kony"), ("William Ruto", "ruto"), ("Vladimir Putin", "putin"),
])
def test_surnames_full_names_aliases_and_ids_keep_working(query: str, person: str) -> None:
    assert resolve_person(DATA, query).id == person


def test_a_surname_two_persons_share_is_ambiguous() -> None:
    with pytest.raises(AmbiguousPersonError):
        resolve_person(DATA, "Gaddafi")


ONE_WORD_NAMES = sorted({key[0] for person in DATA.persons for name in (person.id, *person.names)
                         if len(key := name_key(name)) == 1}
                        | {surname for person in DATA.persons for surname in _surnames(person.id)})


@pytest.mark.parametrize("word", ONE_WORD_NAMES)
def test_every_one_word_alias_and_surname_names_everyone_it_fits(word: str) -> None:
    """The documented rule: one word fits each person whose one-word name (id, alias) or surname it is; one fit
    names that person, several are ambiguous and listed, whichever of them holds it as an alias."""
    fits = sorted(person.id for person in DATA.persons
                  if word in _surnames(person.id) or (word,) in _whole_names(person.id))
    assert fits, word
    if len(fits) == 1:
        assert resolve_person(DATA, word).id == fits[0]
    else:
        with pytest.raises(AmbiguousPersonError) as raised:
            resolve_person(DATA, word)
        assert raised.value.candidates == fits


def test_an_alias_that_is_another_persons_surname_is_ambiguous() -> None:
    """Found by attack: "Gbagbo", Laurent Gbagbo's alias, answered about him although Simone Gbagbo bears the same
    surname; on 2019-06-01 she had a warrant in force and was free, and the answer was "can travel"."""
    with pytest.raises(AmbiguousPersonError) as raised:
        can_travel("Gbagbo", "FRA", "2019-06-01")
    assert raised.value.candidates == ["laurent-gbagbo", "simone-gbagbo"]
    assert resolve_person(DATA, "Laurent Gbagbo").id == "laurent-gbagbo"
    assert resolve_person(DATA, "Simone Gbagbo").id == "simone-gbagbo"
