"""The page at ``/``: one HTML document with its style, script, base map and boot data inside it.

Everything the page shows comes from the ``/v1`` API of the same server: nothing is loaded from another site, and
the page's ``Content-Security-Policy`` lets the browser load nothing else (the inline style and script are allowed
by their hashes). The boot data holds what the page needs before its first question: the verdicts in the library's
order with its descriptions and map colours, the countries, the persons' names for suggestions, and the dataset's
version and as-of date, the verdicts' and visit outcomes' plain words, and the question the page opens with when its
address holds none (:data:`SEED`).

The base map is the world map of ``pygal_maps_world`` (the ``map`` extra), the one the library's map renderer
draws on; each country's shape is marked with its ISO alpha-2 code for the script to colour.
"""

from __future__ import annotations

import base64
import datetime
import gzip
import hashlib
import html
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from icc_rules import Dataset, Verdict, __version__, all_countries

from ...data.models import VISIT_OUTCOME_WORDS, plain_date
from ...i18n import LANGUAGES, N_, gettext, language, ngettext, using
from ...i18n.extract import TEXT, said
from ...i18n.words import day_in_words, french_names
from .. import _library

if TYPE_CHECKING:
    from ..app import Settings

__all__ = ["SEED", "SENTENCES", "Page", "base_map", "page_html", "page_words", "pages", "swagger_assets"]

#: Each verdict's opening sentence for the page's reader (the codes are for the JSON; the few words of its label are
#: the library's, ``Verdict.label``), with ``{person}``, ``{country}`` and ``{date}`` filled in by the page.
SENTENCES: dict[Verdict, str] = {
    Verdict.IN_CUSTODY: N_("On {date}, {person} is in custody, so cannot travel to {country}."),
    Verdict.DUTY_TO_ARREST: N_(
        "On {date}, {country} must arrest {person}: an ICC arrest warrant is in force, and {country} has a legal duty "
        "to arrest and surrender."),
    Verdict.RESIDUAL_DUTY: N_(
        "On {date}, {country} must still arrest {person}: it has left the Court, but its duty survives for proceedings "
        "begun while it was a party (article 127(2))."),
    Verdict.NO_DUTY: N_(
        "On {date}, {country} has no legal duty to arrest {person}: an ICC arrest warrant is in force, but {country} "
        "is not bound to execute it (it may still cooperate of its own will)."),
    Verdict.NO_WARRANT: N_(
        "On {date}, no ICC arrest warrant is in force against {person}, so {country} has no duty to arrest."),
}

#: Where the page opens without a question in its address: Vladimir Putin in Mongolia on the day of his visit.
SEED = {"person": "putin", "date": "2024-09-03", "country": "MNG"}

_COUNTRY_GROUP = re.compile(r'<g class="([a-z]{2}) country map-element">')
_DECIMALS = re.compile(r"(\.\d)\d+")


@dataclass(frozen=True)
class Page:
    """The page, ready to send: its bytes and gzipped bytes, the ETag of each, and headers.

    The two forms are two representations (RFC 9110 section 8.8.3): each has its own strong tag, so that a cache
    revalidating one never gets a 304 that confirms the other's bytes.
    """

    body: bytes
    gzipped: bytes
    etag: str
    gzip_etag: str
    headers: dict[str, str]


def base_map() -> str:
    """The world map's SVG, each country a ``<g class="country" data-a2="XX">``, or ``""`` without the ``map``
    extra. Coordinates keep one decimal (a tenth of a unit on a 2475-unit-wide map): a third less to send.

    >>> svg = base_map()
    >>> svg.startswith("<svg") and 'data-a2="MN"' in svg
    True
    """
    try:
        text = resources.files("pygal_maps_world").joinpath("worldmap.svg").read_text(encoding="utf-8")
    except (ImportError, OSError):  # the map extra is not installed: the page lists the countries without a map
        return ""
    text = text[text.index("<svg"):]
    text = _COUNTRY_GROUP.sub(lambda m: f'<g class="country" data-a2="{m.group(1).upper()}">', text)
    return _DECIMALS.sub(r"\1", text).replace("\n", "")


def page_words(script: str) -> dict[str, str]:
    """The translations of the strings the page's script says through ``_()``, in the current language (none in
    English, whose strings are the script's own).

    >>> with using("fr"):
    ...     page_words('x = _("Legal basis: {basis}", { basis });')
    {'Legal basis: {basis}': 'Fondement juridique : {basis}'}
    """
    if language() == "en":
        return {}
    return {message: gettext(message) for message in said(script)}


def _boot(data: Dataset, script: str) -> dict[str, Any]:
    countries = all_countries()
    names = french_names() if language() == "fr" else {c.code: c.name for c in countries}
    return {
        "lang": language(),
        "words": page_words(script),
        "verdicts": [{"value": v.value, "description": v.description, "can_travel": v.can_travel,
                      "colour": _library.COLOURS[v], "label": v.label, "sentence": gettext(SENTENCES[v])}
                     for v in Verdict],
        "outcomes": {outcome: gettext(words) for outcome, words in VISIT_OUTCOME_WORDS.items()},
        "seed": SEED,
        "countries": [{"code": c.code, "alpha2": c.alpha2, "name": names[c.code]} for c in countries],
        "alpha2": {c.alpha2: c.code for c in countries},
        "persons": [{"id": p.id, "name": p.name, "aliases": list(p.aliases)} for p in data.persons],
        "dataset": {"version": data.info.version, "as_of": data.info.as_of.isoformat(),
                    "released": data.info.released.isoformat() if data.info.released else None,
                    "in_words": data.info.in_words},
    }


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


#: A text of the page to translate: ``{{t:...}}`` in ``index.html``.
_TEXT = TEXT


def _words(day: datetime.date) -> str:
    """A day in words, in the current language."""
    return plain_date(day) if language() == "en" else day_in_words(day, language())


def _escaped(text: str) -> str:
    """A text of the page, escaped for HTML (English's own texts need none, and are left as they are)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def pages(data: Dataset, settings: Settings) -> dict[str, Page]:
    """The page in every language, by language."""
    return {lang: page_html(data, settings, lang) for lang in LANGUAGES}


def page_html(data: Dataset, settings: Settings, lang: str = "en") -> Page:
    """The page for this dataset and these settings, in ``lang``."""
    with using(lang):
        return _page(data, settings, lang)


def _page(data: Dataset, settings: Settings, lang: str) -> Page:
    style, script = _read("style.css"), _read("app.js")
    boot = json.dumps(_boot(data, script), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    user_files = len(settings.data_files)
    privacy = (gettext("The server keeps no record of what you ask.") if not settings.access_log else
               gettext("The server's access log records each request (its address and what was asked); nothing "
                       "else is kept."))
    users = ngettext(" (with {count} user data file on top)", " (with {count} user data files on top)", user_files)
    replacements = {
        "{{style}}": style, "{{script}}": script, "{{boot}}": boot, "{{map}}": base_map(),
        "{{version}}": html.escape(data.info.version), "{{as_of}}": data.info.as_of.isoformat(),
        "{{as_of_words}}": _words(data.info.as_of),
        "{{released}}": gettext(", released {day}").format(day=_words(data.info.released))
        if data.info.released else "",
        "{{user_data}}": users.format(count=user_files) if user_files else "",
        "{{privacy}}": _escaped(privacy) if lang != "en" else privacy, "{{lang}}": lang,
        **{f"{{{{current_{other}}}}}": ' aria-current="true"' if other == lang else "" for other in LANGUAGES},
    }
    text = _TEXT.sub(lambda found: found.group(1) if lang == "en" else _escaped(gettext(found.group(1))),
                     _read("index.html"))
    for key, value in replacements.items():
        text = text.replace(key, value)
    body = text.encode()
    policy = (f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; img-src 'self' data:; "
              "connect-src 'self'; base-uri 'none'; form-action 'none'")
    headers = {
        "Content-Security-Policy": policy,
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
        "Vary": "Accept-Encoding, Accept-Language",
        "Content-Language": lang,
    }
    digest = hashlib.blake2b(body + __version__.encode(), digest_size=12).hexdigest()
    return Page(body=body, gzipped=gzip.compress(body, 9, mtime=0), etag=f'"{digest}"', gzip_etag=f'"{digest}-gzip"',
                headers=headers)


def swagger_assets() -> dict[str, tuple[bytes, str]]:
    """Swagger UI's script and style for ``/docs``, from the ``fastapi-offline`` package (no CDN), by file name;
    empty without it (``/docs`` then still serves its page, which needs them)."""
    assets: dict[str, tuple[bytes, str]] = {}
    try:
        folder = resources.files("fastapi_offline").joinpath("static")
        for name, media in (("swagger-ui-bundle.js", "text/javascript"), ("swagger-ui.css", "text/css")):
            assets[name] = (folder.joinpath(name).read_bytes(), media)
    except (ImportError, OSError):
        return {}
    return assets
