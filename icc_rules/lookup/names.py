"""Normalising names so that matching ignores case, accents, punctuation and word order.

>>> name_key("Omar Hassan Ahmad al-Bashir") == name_key("AL BASHIR, Omar Hassan Ahmad")
True
>>> name_key("Côte d'Ivoire")
('cote', 'd', 'ivoire')
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents and punctuation (``"Côte d'Ivoire"`` → ``"cote d ivoire"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", bare.casefold()).split())


def name_key(text: str) -> tuple[str, ...]:
    """The words of ``text``, folded and sorted: equal for the same name in any word order."""
    return tuple(sorted(fold(text).split()))
