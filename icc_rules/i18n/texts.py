"""Texts made from templates, written again in another language.

Answers are made, kept and shared in English (the rules' own words); a reader who asks for French gets each text
written again from the template it was made from. :class:`Template` reads an English text back into its template's
values (``{host}``, ``{m.in_force}`` ...); :func:`rewrite` formats the catalog's translation of the template with those
values, each in the language's words: a country by its French name and grammar (``{host:en}`` is "en Mongolie"), a
day in words, a fact's label or a kind of event through the catalog. Values that are data (a person's name, a
warrant's id, an office's title) stay as recorded.

>>> from icc_rules.i18n import using
>>> with using("fr"):
...     rewrite("Warrant putin-2023 was executed on 2024-01-02: arrested.",
...             ["Warrant {e.warrant} was executed on {e.date}: {e.kind_text}."])
'Le mandat putin-2023 a été exécuté le 2 janvier 2024 : arrestation.'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from . import gettext, language
from .words import THE_COURT, Day, as_day, code_of_english_name, french_country

__all__ = ["Template", "rewrite", "sentence_case"]

_FIELD = re.compile(r"\{([A-Za-z_][\w.]*)(?::[^}]*)?\}")

#: Values whose field names a country, as English texts write it ("the Philippines").
COUNTRY_FIELDS = frozenset({"host", "state_name", "responsible_name", "held_by_name", "country", "name"})
_ISO = r"\d{4}-\d{2}-\d{2}"
#: What the values of some fields can be: a verdict's code, an ISO day (where a country's name comes before it).
FIELD_PATTERNS = {"verdict": r"[a-z_]+", "current": r"[a-z_]+", "on": _ISO, "first": _ISO, "last": _ISO}
#: Values that are themselves words of the catalog.
WORD_FIELDS = frozenset({"kind_text", "confidence", "short", "current_short", "outcome", "kind", "event", "reason",
                         "file"})


class Template:
    """An English template (a msgid), and the pattern that reads its values back from a text made from it."""

    def __init__(self, msgid: str) -> None:
        self.msgid = msgid
        parts: list[str] = []
        self.fields: list[str] = []
        position = 0
        for found in _FIELD.finditer(msgid):
            parts.append(self._literal(msgid[position:found.start()], first=not parts))
            name = found.group(1)
            group = name.replace(".", "__")
            if name in self.fields:  # said again, perhaps capitalised otherwise ("The Philippines ... the Philippines")
                parts.append(r"(?:.+?)")
            else:
                self.fields.append(name)
                parts.append(f"(?P<{group}>{FIELD_PATTERNS.get(name, '.+?')})")
            position = found.end()
        parts.append(self._literal(msgid[position:], first=not parts))
        # English writes a name ending in s with a bare apostrophe ("the Philippines' withdrawal")
        pattern = "".join(parts).replace(")'s", ")(?:'s|')")  # a group's end: literal parentheses are escaped
        self.pattern = re.compile(pattern, re.DOTALL)

    @staticmethod
    def _literal(text: str, first: bool) -> str:
        escaped = re.escape(text)
        # a sentence made from a template may open with a capital it did not have ("The Philippines")
        return escaped.replace(re.escape(". the "), r"\.\ [Tt]he\ ") if not first else escaped

    def values(self, text: str) -> dict[str, str] | None:
        """The template's values in ``text``, by field name, or ``None`` when ``text`` was not made from it."""
        found = self.pattern.fullmatch(text)
        if found is None:
            return None
        return {name: found.group(name.replace(".", "__")) for name in self.fields}


@functools.cache
def template(msgid: str) -> Template:
    """The :class:`Template` of ``msgid``, made once."""
    return Template(msgid)


class _Fields:
    """A fact's values as a translated template reads them (``{m.in_force}``)."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        return self._values[name]

    def __getitem__(self, name: str) -> Any:
        return self._values[name]


#: A writer of the values that are texts themselves: one for every such field (a fact's label, an error), or one
#: for each field it names.
Nested = Callable[[str], str] | Mapping[str, Callable[[str], str]]


def word(name: str, value: str, nested: Nested | None = None) -> Any:
    """One value of a template in the current language, by what its field is."""
    lang = language()
    day = as_day(value)
    if day is not None:
        return Day(day, lang)
    field = name.rpartition(".")[2]
    if field in COUNTRY_FIELDS:
        if value == "the ICC":
            return THE_COURT
        code = code_of_english_name(re.sub(r"^[Tt]he ", "", value)) or code_of_english_name(value)
        if code is not None:
            return french_country(code)
        return gettext(value)
    if field in WORD_FIELDS or value in ("never", "the start", "the ICC", "not recorded"):
        return gettext(value)
    if field == "separators":  # the separators a query file's header was tried with, each a word of the catalog
        return ", ".join(gettext(part) for part in value.split(", "))
    if field in ("suggestions", "names", "about"):  # country names, if they are: in the language's own
        return ", ".join(_name(part) for part in value.split(", "))
    if isinstance(nested, Mapping):
        if field in nested:
            return nested[field](value)
    elif field in ("label", "description", "error") and nested is not None:
        return nested(value)
    return value


def _name(text: str) -> str:
    """A country's name in the current language, or ``text`` itself when it names no country."""
    code = code_of_english_name(text)
    return text if code is None else french_country(code).name


def sentence_case(text: str) -> str:
    """``text`` with each sentence opening with a capital ("la Mongolie doit ..." opens with "La")."""
    return re.sub(r"(^|[.!?] )([a-zà-ÿ])", lambda found: found.group(1) + found.group(2).upper(), text)


def rewrite(text: str, msgids: Iterable[str], nested: Nested | None = None,
            capital: bool = True, translate: Callable[[str], str] = gettext) -> str:
    """``text``, made from one of ``msgids`` in English, written in the current language; ``text`` itself when the
    language is English, and when none of the templates made it: its own translation, if the catalog has one.
    ``nested`` writes the values that are texts themselves (a fact's label; or, as a mapping, those of the fields it
    names); ``translate`` gives a template's translation (the catalog's, unless a template is made of several)."""
    if language() == "en":
        return text
    for msgid in msgids:
        values = template(msgid).values(text)
        if values is None:
            continue
        translated = translate(msgid)
        flat: dict[str, Any] = {}
        grouped: dict[str, dict[str, Any]] = {}
        for name, value in values.items():
            shown = word(name, value, nested)
            alias, dot, field = name.partition(".")
            if dot:
                grouped.setdefault(alias, {})[field] = shown
            else:
                flat[name] = shown
        made = translated.format(**flat, **{alias: _Fields(fields) for alias, fields in grouped.items()})
        return sentence_case(made) if capital else made
    return gettext(text)
