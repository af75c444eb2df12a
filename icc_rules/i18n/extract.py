"""``pybabel extract`` for the page (``babel.cfg``): each ``{{t:...}}`` of ``index.html`` is a message, and each
``_("...")`` of its script (Babel's own JavaScript extractor drops a call whose arguments hold another call; these
strings are always a double-quoted literal first, so a pattern reads them all, and the page reads them the same way).

>>> import io
>>> list(extract_page(io.BytesIO(b"<h1>{{t:Where can they go?}}</h1>"), {}, [], {}))
[(1, None, 'Where can they go?', [])]
>>> list(extract_script(io.BytesIO(b'x = _("{a} to {b}", { a: f(1), b });'), {}, [], {}))
[(1, None, '{a} to {b}', [])]
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

__all__ = ["SAID", "TEXT", "extract_page", "extract_script", "said"]

#: A text of the page to translate.
TEXT = re.compile(r"\{\{t:([^{}]+)\}\}")

#: A string the page's script says through ``_()``: a double-quoted literal, its first argument.
SAID = re.compile(r'\b_\(("(?:[^"\\\n]|\\.)*")')


def said(script: str) -> list[str]:
    """The strings ``script`` says through ``_()``, in order."""
    return [json.loads(literal) for literal in SAID.findall(script)]


def extract_script(fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
                   options: Mapping[str, Any]) -> Iterator[tuple[int, None, str, list[str]]]:
    """The messages of the page's script, with their line numbers (Babel's extraction method signature)."""
    for number, line in enumerate(fileobj.read().decode("utf-8").splitlines(), 1):
        for literal in SAID.findall(line):
            yield number, None, json.loads(literal), []


def extract_page(fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
                 options: Mapping[str, Any]) -> Iterator[tuple[int, None, str, list[str]]]:
    """The messages of a page template, with their line numbers (Babel's extraction method signature)."""
    for number, line in enumerate(fileobj.read().decode("utf-8").splitlines(), 1):
        for found in TEXT.finditer(line):
            yield number, None, found.group(1), []
