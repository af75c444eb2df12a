"""Where a source may point: the table of source hosts (``sources.toml``), each with its tier and outlet, and the
hosts that are refused (mirrors, scraped copies, content farms, machine-written digests, staging copies).

A host entry covers the host and its subdomains; the most specific entry wins, so ``uat.apnews.com`` can be refused
while ``apnews.com`` is a secondary source. Every :class:`~icc_rules.data.models.Source` is checked against the
refused hosts when it is made, so the loader refuses such an address in the shipped data and in a user's file alike.

>>> (entry := HOSTS.entry("https://apnews.com/article/x")) and (entry.tier, entry.outlet)
('secondary', 'Associated Press')
>>> HOSTS.refusal("https://dl1.en-us.nina.az/Rome_Statute.html")
'a scraped copy of Wikipedia: cite the article at en.wikipedia.org'
>>> HOSTS.refusal("https://en.wikipedia.org/wiki/Rome_Statute") is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from ..errors import DataError, short_repr
from .files import read_toml

__all__ = ["HOSTS", "HOSTS_FILE", "Host", "HostTable", "SourceKind", "host_of"]

SourceKind = Literal["primary", "secondary", "reference"]
"""How close a source is to the fact: ``primary`` (the court's records and press releases, UN depositary
notifications, Security Council resolutions, official gazettes and government pages), ``secondary`` (established
news agencies and outlets, NGOs and law-school or peer-reviewed publications) or ``reference`` (encyclopedias, by
their own canonical address)."""

#: The table of source hosts shipped with the package.
HOSTS_FILE = Path(__file__).parent / "sources.toml"


def host_of(url: str) -> str:
    """The host of an address, lowercased, without ``www.`` or a trailing dot.

    >>> host_of("https://WWW.ICC-CPI.INT./news"), host_of("not an address")
    ('icc-cpi.int', '')
    """
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed address (an unclosed IPv6 bracket) has no host
        return ""
    return host.rstrip(".").lower().removeprefix("www.")


@dataclass(frozen=True)
class Host:
    """A host sources may point to: its tier and who publishes it (two secondary sources confirm a fact only if
    their outlets differ)."""

    tier: SourceKind
    outlet: str


class HostTable:
    """The hosts of ``sources.toml``, read when first asked.

    >>> HOSTS.entry("https://uat.apnews.com/x") is None, HOSTS.refusal("https://uat.apnews.com/x")
    (True, 'a staging copy of a news site: cite apnews.com')
    """

    def __init__(self, path: Path = HOSTS_FILE) -> None:
        self.path = path

    @cached_property
    def _tables(self) -> tuple[Mapping[str, Host], Mapping[str, str]]:
        content = read_toml(self.path)
        unknown = sorted(set(content) - {"hosts", "refused"})
        if unknown:
            raise DataError(f"{self.path}: unknown table {short_repr(unknown[0], 60)}; expected hosts and refused")
        hosts: dict[str, Host] = {}
        for name, entry in _table(self.path, content, "hosts").items():
            if not (isinstance(entry, dict) and entry.get("tier") in get_args(SourceKind)
                    and isinstance(entry.get("outlet"), str) and entry["outlet"].strip() and set(entry) == {
                        "tier", "outlet"}):
                raise DataError(f"{self.path}: hosts.{short_repr(name, 60)}: expected {{ tier = \"primary\" | "
                                f"\"secondary\" | \"reference\", outlet = \"who publishes it\" }}, got "
                                f"{short_repr(entry, 120)}")
            hosts[name.lower()] = Host(entry["tier"], entry["outlet"])
        refused: dict[str, str] = {}
        for name, why in _table(self.path, content, "refused").items():
            if not (isinstance(why, str) and why.strip()):
                raise DataError(f"{self.path}: refused.{short_repr(name, 60)}: expected the reason as text, got "
                                f"{short_repr(why, 120)}")
            refused[name.lower()] = why
        both = sorted(set(hosts) & set(refused))
        if both:
            raise DataError(f"{self.path}: {both[0]} is both a host and refused")
        return MappingProxyType(hosts), MappingProxyType(refused)

    @property
    def hosts(self) -> Mapping[str, Host]:
        """Every host sources may point to, by name."""
        return self._tables[0]

    @property
    def refused(self) -> Mapping[str, str]:
        """Every refused host, with the reason and what to cite instead."""
        return self._tables[1]

    def _match(self, url: str) -> tuple[Host | None, str | None]:
        """The most specific entry for the address's host: ``(host entry, None)``, ``(None, reason refused)`` or
        ``(None, None)`` for a host the table does not know."""
        parts = host_of(url).split(".")
        hosts, refused = self._tables
        for start in range(len(parts) - 1):
            name = ".".join(parts[start:])
            if name in refused:
                return None, refused[name]
            if name in hosts:
                return hosts[name], None
        return None, None

    def entry(self, url: str) -> Host | None:
        """The table's entry for the address's host (or its nearest listed parent), None if refused or unknown."""
        return self._match(url)[0]

    def refusal(self, url: str) -> str | None:
        """Why an address may not be cited (and what to cite instead), or None if it may be."""
        return self._match(url)[1]


def _table(path: Path, content: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    table = content.get(name, {})
    if not isinstance(table, dict):
        raise DataError(f"{path}: [{name}] must be a table of host = entry lines")
    return table


#: The shipped table of source hosts.
HOSTS = HostTable()
