"""Reading an RSS 2.0 feed (the Court's press releases) into items, for ``icc-rules data watch``: never on the answer
path, and the only part of icc-rules that may open a network connection, when a maintainer asks it to.

A feed is a file or an ``http(s)`` address. It is read whole within a deadline (``timeout`` seconds for the whole
read, not per packet) and a size limit, then parsed with the standard library. The XML is untrusted: a document
type declaration is refused before anything is parsed, so no entity (internal or external) is ever expanded. An
empty, malformed or unreachable feed raises :class:`~icc_rules.errors.FeedError` with a one-line message.

>>> items = parse_feed(b'''<?xml version="1.0" encoding="utf-8"?>
... <rss version="2.0"><channel><title>ICC</title>
... <item><title>ICC judges issue a warrant</title><link>https://www.icc-cpi.int/news/x</link>
... <pubDate>Fri, 17 Mar 2023 16:00:00 +0100</pubDate><description>&lt;p&gt;Pre-Trial Chamber II&lt;/p&gt;</description>
... </item></channel></rss>''', "a feed")
>>> items[0].title, items[0].published, items[0].description
('ICC judges issue a warrant', datetime.date(2023, 3, 17), 'Pre-Trial Chamber II')
>>> parse_feed(b'<!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0"/>', "a feed")
Traceback (most recent call last):
...
icc_rules.errors.FeedError: a feed: refused: the feed declares a document type (DTD); untrusted XML may not declare entities
"""

from __future__ import annotations

import datetime
import email.utils
import html
import re
import time
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers import expat

from ..errors import FeedError

__all__ = ["COURT_FEED", "MAX_FEED_BYTES", "FeedItem", "parse_feed", "read_feed"]

#: The Court's public feed of news and press releases (RSS 2.0). Not fetched while writing this (no network there):
#: the address is the one third-party feed lists and collectors give for the Court's site, one of which records
#: having checked it live as RSS 2.0 (title, link, pubDate, guid, description). ``--feed`` names another.
COURT_FEED = "https://www.icc-cpi.int/rss.xml"

#: The most a feed may hold: the Court's feed is tens of kilobytes; this bounds a hostile or runaway one.
MAX_FEED_BYTES = 8 * 1024 * 1024

_TAGS = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: its title, link, guid, publication day and description (as text, HTML tags removed)."""

    title: str
    link: str
    guid: str
    published: datetime.date | None
    description: str


def read_feed(source: str, timeout: float) -> list[FeedItem]:
    """The items of the feed at ``source`` (an ``http(s)`` address or a file), read within ``timeout`` seconds.

    >>> read_feed("/no/such/feed.xml", 1)
    Traceback (most recent call last):
    ...
    icc_rules.errors.FeedError: /no/such/feed.xml: cannot read the feed (No such file or directory)
    """
    if re.match(r"(?i)https?://", source):
        content = _download(source, timeout)
    else:
        try:
            with Path(source).open("rb") as file:
                content = file.read(MAX_FEED_BYTES + 1)
        except OSError as error:
            raise FeedError(f"{source}: cannot read the feed ({error.strerror or error})") from None
    if len(content) > MAX_FEED_BYTES:
        raise FeedError(f"{source}: the feed is larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    return parse_feed(content, source)


def _download(url: str, timeout: float) -> bytes:
    """The body at ``url``, read whole before ``timeout`` seconds have passed (urllib's own timeout bounds each
    blocking step only, so the deadline is checked between chunks too)."""
    import urllib.error  # only a maintainer's watch reads the network: nothing else pays for importing it
    import urllib.request

    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": "icc-rules data watch",
                                                   "Accept": "application/rss+xml, application/xml, text/xml"})
    chunks: list[bytes] = []
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            size = 0
            while chunk := response.read(64 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_FEED_BYTES:
                    break
                if time.monotonic() > deadline:
                    raise TimeoutError
    except urllib.error.HTTPError as error:
        raise FeedError(f"{url}: the server answered HTTP {error.code} ({error.reason})") from None
    except urllib.error.URLError as error:
        reason = error.reason
        raise FeedError(f"{url}: cannot reach the feed ({getattr(reason, 'strerror', None) or reason})") from None
    except TimeoutError:
        raise FeedError(f"{url}: no complete answer within {timeout:g} seconds") from None
    except OSError as error:
        raise FeedError(f"{url}: cannot read the feed ({error.strerror or error})") from None
    return b"".join(chunks)


def _refuse_declarations(content: bytes, name: str) -> None:
    """Refuse a document type declaration (where entities are declared) before the document is parsed."""
    def refuse(*_: object) -> None:
        raise FeedError(f"{name}: refused: the feed declares a document type (DTD); untrusted XML may not declare "
                        "entities")

    scanner = expat.ParserCreate()
    scanner.StartDoctypeDeclHandler = refuse
    scanner.EntityDeclHandler = refuse
    try:
        scanner.Parse(content, True)
    except expat.ExpatError as error:
        raise FeedError(f"{name}: not well-formed XML ({expat.ErrorString(error.code)}, line {error.lineno})"
                        ) from None


def parse_feed(content: bytes, name: str) -> list[FeedItem]:
    """The items of an RSS 2.0 document; ``name`` says in errors which feed it is."""
    if not content.strip():
        raise FeedError(f"{name}: the feed is empty")
    _refuse_declarations(content, name)
    root = ElementTree.fromstring(content)  # well-formed and without a DTD: checked above
    if root.tag != "rss" or root.find("channel") is None:
        raise FeedError(f"{name}: not an RSS 2.0 feed (its root is <{root.tag[:40]}>, expected <rss> with a <channel>)")
    items = [_item(element) for element in root.iterfind("channel/item")]
    if not items:
        raise FeedError(f"{name}: the feed has no items")
    return items


def _text(element: ElementTree.Element, tag: str) -> str:
    found = element.find(tag)
    return " ".join((found.text or "").split()) if found is not None else ""


def _item(element: ElementTree.Element) -> FeedItem:
    published: datetime.date | None = None
    if stamp := _text(element, "pubDate"):
        try:
            published = email.utils.parsedate_to_datetime(stamp).date()
        except (TypeError, ValueError):  # an unreadable date leaves the item undated, not the feed unread
            published = None
    description = " ".join(html.unescape(_TAGS.sub(" ", _text(element, "description"))).split())
    return FeedItem(title=html.unescape(_text(element, "title")), link=_text(element, "link"),
                    guid=_text(element, "guid"), published=published, description=description)
