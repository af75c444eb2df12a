"""Finding the person a user means, from a name, an alias in any script, or a dataset id.

Matching ignores case, accents, punctuation and word order. A name that is a subset of exactly one person's name
(``"Netanyahu"``) finds that person; one shared by several (``"Gaddafi"``) raises
:class:`~icc_rules.errors.AmbiguousPersonError`; one that matches nobody raises
:class:`~icc_rules.errors.UnknownPersonError` with close matches.

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

__all__ = ["MAX_QUERY_LENGTH", "resolve_person"]

MAX_QUERY_LENGTH = 200


#: How many resolved names each dataset remembers (names people ask about repeat; the memory starts afresh when full).
REMEMBERED = 4096


@dataclass(frozen=True)
class _PersonIndex:
    exact: Mapping[tuple[str, ...], frozenset[str]]
    words: Mapping[str, frozenset[tuple[str, ...]]]  # person id -> the word sets of their names
    display: Mapping[str, str]  # folded name -> "Name (id)"
    resolved: dict[str, Person] = field(default_factory=dict)  # query -> person, bounded by REMEMBERED


def _index(data: Dataset) -> _PersonIndex:
    return data.attached("lookup.persons", lambda: _build_index(data))


def _build_index(data: Dataset) -> _PersonIndex:
    exact: dict[tuple[str, ...], set[str]] = defaultdict(set)
    words: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    display: dict[str, str] = {}
    for person in data.persons:
        for name in (person.id, *person.names):
            key = name_key(name)
            exact[key].add(person.id)
            words[person.id].add(key)
            display.setdefault(fold(name), f"{person.name} ({person.id})")
    return _PersonIndex(
        {k: frozenset(v) for k, v in exact.items()},
        {k: frozenset(v) for k, v in words.items()},
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
        except KeyError:
            raise UnknownPersonError(query.id) from None
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


def _resolve_name(data: Dataset, index: _PersonIndex, query: str) -> Person:
    if len(query) > MAX_QUERY_LENGTH:
        raise UnknownPersonError(query[:MAX_QUERY_LENGTH] + "...")
    key = name_key(query)
    if not key:
        raise UnknownPersonError(query)
    found = index.exact.get(key)
    if not found:
        wanted = set(key)
        found = frozenset(pid for pid, keys in index.words.items() if any(wanted <= set(k) for k in keys))
    if len(found) == 1:
        return data.person(next(iter(found)))
    if found:
        raise AmbiguousPersonError(query, sorted(found))
    close = difflib.get_close_matches(fold(query), list(index.display), n=8, cutoff=0.6)
    raise UnknownPersonError(query, list(dict.fromkeys(index.display[c] for c in close))[:5])
