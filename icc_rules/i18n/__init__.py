"""The languages answers are written in: English (the code's own words) and French, through gettext catalogs.

The language is per call, never process-wide: :func:`using` sets it for the ``with`` block in a
a ``contextvars.ContextVar``, so two threads, or two web requests served by one event loop, each keep their own.
:func:`gettext` reads it; English returns the message itself (the catalogs' msgids are the English texts), so English
output does not change. Each language's catalog (``icc_rules/locale/<lang>/LC_MESSAGES/icc_rules.mo``) is loaded
once, with ``fallback=False``: a missing catalog is an error, not English in disguise.

>>> language()
'en'
>>> with using("fr-FR"):
...     language(), gettext("in custody")
('fr', 'en détention')
>>> language(), gettext("in custody")
('en', 'in custody')
>>> resolve_language("de")
Traceback (most recent call last):
...
icc_rules.errors.InputError: unknown language 'de': expected one of en, fr
"""

from __future__ import annotations

import difflib
import functools
import gettext as _gettext
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from ..errors import InputError, short_repr

__all__ = ["LANGUAGES", "N_", "catalog", "from_accept_language", "from_environment", "gettext", "language",
           "ngettext", "resolve_language", "using"]

#: The languages answers can be written in, English first (the default).
LANGUAGES: tuple[str, ...] = ("en", "fr")

#: Where the compiled catalogs are: ``<lang>/LC_MESSAGES/icc_rules.mo``.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "icc_rules"

_LANGUAGE: ContextVar[str] = ContextVar("icc_rules_language", default="en")

#: "fr", "fr-FR", "fr_CA", "FR", "fr_FR.UTF-8", "fr_FR@euro": the language is the part before any of "-_.@".
_TAG = re.compile(r"^\s*([A-Za-z]{1,8})(?:[-_.@].*)?\s*$")


def N_(message: str) -> str:
    """Marks ``message`` for the catalogs without translating it (where the text is made before the language is
    known): :func:`gettext` translates it where it is shown.

    >>> N_("in custody")
    'in custody'
    """
    return message


def language() -> str:
    """The language of the current call: ``en`` unless :func:`using` says otherwise."""
    return _LANGUAGE.get()


@contextmanager
def using(lang: str | None) -> Iterator[str]:
    """Write in ``lang`` (any form :func:`resolve_language` accepts; ``None`` keeps the current language) inside the
    ``with`` block, in this thread or task only; yields the language."""
    resolved = language() if lang is None else resolve_language(lang)
    token = _LANGUAGE.set(resolved)
    try:
        yield resolved
    finally:
        _LANGUAGE.reset(token)


def _language_of(tag: str) -> str | None:
    """The supported language ``tag`` names ("fr-FR" is "fr"), or ``None``."""
    found = _TAG.match(tag)
    code = found.group(1).lower() if found else ""
    return code if code in LANGUAGES else None


def resolve_language(value: object) -> str:
    """The language ``value`` names: ``"fr"``, ``"fr-FR"``, ``"fr_CA"`` and ``"FR"`` are French. Anything else is an
    :class:`~icc_rules.errors.InputError` that lists the languages available, with close matches.

    >>> resolve_language("fr_CA"), resolve_language("EN-gb")
    ('fr', 'en')
    >>> resolve_language("french")
    Traceback (most recent call last):
    ...
    icc_rules.errors.InputError: unknown language 'french': expected one of en, fr; did you mean: fr?
    """
    found = _language_of(value) if isinstance(value, str) else None
    if found is not None:
        return found
    close = difflib.get_close_matches(value.lower(), [*LANGUAGES, *_NAMES], n=2, cutoff=0.6) \
        if isinstance(value, str) else []
    suggestions = list(dict.fromkeys(_NAMES.get(name, name) for name in close))
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    raise InputError(f"unknown language {short_repr(value)}: expected one of {', '.join(LANGUAGES)}{hint}")


#: Names people type for a language, for suggestions only.
_NAMES = {"english": "en", "anglais": "en", "french": "fr", "francais": "fr", "français": "fr"}

#: The variables gettext reads, in its order.
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def from_environment(environ: Mapping[str, str]) -> str:
    """The language the environment asks for, as gettext reads it: the first of ``LANGUAGE`` (a list separated by
    colons), ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set; of its entries, the first supported. ``C``,
    ``POSIX``, an unsupported language or nothing set is English, never an error.

    >>> from_environment({"LANG": "fr_FR.UTF-8"}), from_environment({"LANGUAGE": "de:fr", "LANG": "C"})
    ('fr', 'fr')
    >>> from_environment({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}), from_environment({})
    ('en', 'en')
    """
    for name in ENVIRONMENT:
        value = environ.get(name, "")
        if not value:
            continue
        for entry in value.split(":"):
            if entry in ("C", "POSIX") or entry.startswith(("C.", "POSIX.")):
                return "en"
            found = _language_of(entry)
            if found is not None:
                return found
        return "en"
    return "en"


def from_accept_language(header: str | None) -> str | None:
    """The supported language an HTTP ``Accept-Language`` header prefers (by q-value, then in order), or ``None``
    when it names none: an unsupported language falls through to the next one, as HTTP expects.

    >>> from_accept_language("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")
    'fr'
    >>> from_accept_language("en;q=0.5, fr-CA"), from_accept_language("fr;q=0, de"), from_accept_language("*")
    ('fr', None, 'en')
    """
    ranked: list[tuple[float, int, str]] = []
    for place, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0 and tag.strip():
            ranked.append((-quality, place, tag.strip()))
    for _, _, tag in sorted(ranked):
        found = "en" if tag == "*" else _language_of(tag)
        if found is not None:
            return found
    return None


@functools.cache
def catalog(lang: str) -> _gettext.NullTranslations:
    """The catalog of ``lang``, loaded once (English has none: its messages are the msgids)."""
    if lang == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=False)


def gettext(message: str) -> str:
    """``message`` in the current language (:func:`language`).

    >>> gettext("in custody")
    'in custody'
    """
    lang = _LANGUAGE.get()
    # an empty message is its own translation (gettext would give the catalog's header)
    return message if lang == "en" or not message else catalog(lang).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """``singular`` or ``plural`` for ``count``, in the current language.

    >>> ngettext("{count} source", "{count} sources", 2)
    '{count} sources'
    """
    lang = _LANGUAGE.get()
    if lang == "en":
        return singular if count == 1 else plural
    return catalog(lang).ngettext(singular, plural, count)
