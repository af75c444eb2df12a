"""Finding the person a user means, from a name, an alias in any script, or a dataset id.

Matching ignores case, accents, punctuation and word order. The rule, in full:

* a query equal to a person's id, name, full name or alias (in any word order) names that person;
* a query of two words or more that are all words of one of a person's names (``"Omar Bashir"``, ``"al-Bashir"``)
  names that person;
* a query of one word names a person only if it is the last word of their name or full name: their surname
  (``"Netanyahu"``, ``"Bashir"``). A given name alone (``"William"``, ``"Joseph"``) names no one: it raises
  :class:`~icc_rules.errors.UnknownPersonError` suggesting the persons who bear it;
* a query that fits several persons (``"Gaddafi"``, or ``"Gbagbo"``: one person's alias and another's surname) raises :class:`~icc_rules.errors.AmbiguousPersonError`; one that
  fits nobody raises :class:`~icc_rules.errors.UnknownPersonError` with close matches.

>>> from icc_rules.data import shipped
>>> resolve_person(shipped(), "Путин").id
'putin'
>>> resolve_person(shipped(), "BASHIR Omar al").id
'al-bashir'
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..data.dataset import Dataset
from ..data.models import Person
from ..errors import AmbiguousPersonError, UnknownPersonError, short_repr
from .names import fold, name_key

__all__ = ["MAX_QUERY_LENGTH", "persons_named_in", "resolve_person"]

MAX_QUERY_LENGTH = 200


#: How many resolved names each dataset remembers (names people ask about repeat; the memory starts afresh when full).
REMEMBERED = 4096


@dataclass(frozen=True)
class _PersonIndex:
    exact: Mapping[tuple[str, ...], frozenset[str]]  # a whole name's sorted words -> person ids
    words: Mapping[str, frozenset[tuple[str, ...]]]  # person id -> the word sets of their names
    by_word: Mapping[str, frozenset[str]]  # a word of any name -> person ids
    surnames: Mapping[str, frozenset[str]]  # the last word of a name or full name -> person ids
    display: Mapping[str, str]  # folded name -> "Name (id)"
    resolved: dict[str, Person] = field(default_factory=dict)  # query -> person, bounded by REMEMBERED


def _index(data: Dataset) -> _PersonIndex:
    return data.attached("lookup.persons", lambda: _build_index(data))


def _build_index(data: Dataset) -> _PersonIndex:
    exact: dict[tuple[str, ...], set[str]] = defaultdict(set)
    words: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    by_word: dict[str, set[str]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)
    display: dict[str, str] = {}
    for person in data.persons:
        for name in (person.id, *person.names):
            key = name_key(name)
            exact[key].add(person.id)
            words[person.id].add(key)
            for word in key:
                by_word[word].add(person.id)
            display.setdefault(fold(name), f"{person.name} ({person.id})")
        for whole in (person.name, person.full_name):
            if whole and fold(whole):
                surnames[fold(whole).split()[-1]].add(person.id)
    return _PersonIndex(
        {k: frozenset(v) for k, v in exact.items()},
        {k: frozenset(v) for k, v in words.items()},
        {k: frozenset(v) for k, v in by_word.items()},
        {k: frozenset(v) for k, v in surnames.items()},
        display,
    )


def resolve_person(data: Dataset, query: str | Person) -> Person:
    """The person ``query`` names in ``data``; a :class:`~icc_rules.data.models.Person` stands for its id in ``data``.

    The answer always comes from ``data``'s own record, so that the facts the rules see and the person reported
    agree; a ``Person`` whose id is not in ``data`` raises :class:`~icc_rules.errors.UnknownPersonError`.

    >>> from icc_rules.data import shipped
    >>> resolve_person(shipped(), "Gaddafi")
    Traceback (most recent call last):
    ...
    icc_rules.errors.AmbiguousPersonError: ambiguous person 'Gaddafi': it matches muammar-gaddafi, saif-gaddafi; \
give a fuller name or one of these ids
    """
    if isinstance(query, Person):
        try:
            return data.person(query.id)
        except (KeyError, TypeError):  # a Person built without validation may carry an id that is not a str
            raise UnknownPersonError(short_repr(query.id) if not isinstance(query.id, str) else query.id) from None
    if not isinstance(query, str):
        raise UnknownPersonError(short_repr(query), expected_type=type(query).__name__)
    index = _index(data)
    found = index.resolved.get(query)
    if found is None:
        found = _resolve_name(data, index, query)  # a miss raises, and is never remembered
        if len(index.resolved) >= REMEMBERED:
            index.resolved.clear()
        index.resolved[query] = found
    return found


#: The most words a name of a person has that a text is searched for.
_LONGEST_NAME = 8


def persons_named_in(data: Dataset, text: str) -> dict[str, str]:
    """The persons a free text names, by id, each with the words that named it (for reviewing a press release, not
    for answering queries). A run of words names a person when it is one of their names or aliases (in any word
    order, as :func:`resolve_person` reads them), or when it is one word that is the surname of a name; the longest
    run wins where they overlap. A surname several persons bear names each of them: a reader decides.

    >>> from icc_rules.data import shipped
    >>> persons_named_in(shipped(), "ICC judges issue arrest warrants for Vladimir Putin and Maria Lvova-Belova")
    {'putin': 'vladimir putin', 'lvova-belova': 'maria lvova belova'}
    >>> sorted(persons_named_in(shipped(), "Gaddafi"))
    ['muammar-gaddafi', 'saif-gaddafi']
    """
    index = _index(data)
    words = fold(text[:100_000]).split()
    found: dict[str, str] = {}
    start = 0
    while start < len(words):
        for length in range(min(_LONGEST_NAME, len(words) - start), 0, -1):
            phrase = words[start:start + length]
            named = index.exact.get(tuple(sorted(phrase))) or (index.surnames.get(phrase[0]) if length == 1 else None)
            if named:
                for person_id in sorted(named):
                    found.setdefault(person_id, " ".join(phrase))
                start += length
                break
        else:
            start += 1
    return found


def _resolve_name(data: Dataset, index: _PersonIndex, query: str) -> Person:
    if len(query) > MAX_QUERY_LENGTH:
        raise UnknownPersonError(query[:MAX_QUERY_LENGTH] + "...")
    key = name_key(query)
    if not key:
        raise UnknownPersonError(query)
    found = index.exact.get(key)
    if len(key) == 1:
        # One word names everyone whose one-word name or surname it is: an alias ("Gbagbo") that is also another
        # person's surname fits both, so that it can never silently answer about the wrong one of two relatives.
        found = (found or frozenset()) | index.surnames.get(key[0], frozenset())
        bearers = index.by_word.get(key[0], frozenset()) - found
        if not found and bearers:  # a given name alone: say whom it could mean, pick no one
            raise UnknownPersonError(query, sorted(_display(data, pid) for pid in bearers)[:5])
    elif not found:
        wanted = set(key)
        candidates = frozenset.intersection(*(index.by_word.get(word, frozenset()) for word in wanted))
        found = frozenset(pid for pid in candidates if any(wanted <= set(k) for k in index.words[pid]))
    if found and len(found) == 1:
        return data.person(next(iter(found)))
    if found:
        raise AmbiguousPersonError(query, sorted(found))
    close = difflib.get_close_matches(fold(query), list(index.display), n=8, cutoff=0.6)
    raise UnknownPersonError(query, list(dict.fromkeys(index.display[c] for c in close))[:5])


def _display(data: Dataset, person_id: str) -> str:
    person = data.person(person_id)
    return f"{person.name} ({person.id})"
