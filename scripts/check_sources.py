"""Check every source address in the data files against the source hosts table (icc_rules/data/sources.toml).

Prints one line per problem and a count of sources by tier; exits 1 if there is any problem. A maintainer's tool
(the same checks run in the test suite and in the loader):

    python scripts/check_sources.py [--hosts]      # --hosts: list hosts in use that the table does not know

Checks:
* every source has a ``kind`` (primary, secondary, reference), and its host is in the table with that tier;
* no source is on a refused host (mirrors, scraped copies, content farms, machine-written digests, staging sites);
* a record whose confidence is ``confirmed`` (the default) has a primary source or two secondary sources from
  different outlets.
"""

from __future__ import annotations

import collections
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path(__file__).resolve().parent.parent / "icc_rules" / "data"


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def lookup(table: dict[str, object], host: str) -> object | None:
    """The entry for ``host`` or its nearest parent domain listed in ``table``."""
    parts = host.split(".")
    for start in range(len(parts) - 1):
        found = table.get(".".join(parts[start:]))
        if found is not None:
            return found
    return None


def walk(node: object, where: str):
    if isinstance(node, dict):
        if "sources" in node:
            yield where, node
        for key, value in node.items():
            if key != "sources":
                yield from walk(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            label = item.get("id") or item.get("code") or item.get("kind") if isinstance(item, dict) else None
            yield from walk(item, f"{where}[{label or index}]")


def main() -> int:
    table = tomllib.loads((DATA / "sources.toml").read_text(encoding="utf-8"))
    hosts: dict[str, dict[str, str]] = table.get("hosts", {})
    refused: dict[str, str] = table.get("refused", {})
    problems: list[str] = []
    tiers: collections.Counter[str] = collections.Counter()
    unknown: collections.Counter[str] = collections.Counter()
    for path in sorted(DATA.glob("**/*.toml")):
        if path.name in ("sources.toml", "dataset.toml"):
            continue
        content = tomllib.loads(path.read_text(encoding="utf-8"))
        for where, record in walk(content, path.relative_to(DATA).as_posix()):
            outlets: dict[str, set[str]] = collections.defaultdict(set)
            for source in record["sources"]:
                url, kind = source["url"], source.get("kind")
                host = host_of(url)
                why = lookup(refused, host)
                entry = lookup(hosts, host)
                tiers[kind or "none"] += 1
                if why is not None:
                    problems.append(f"{where}: refused address {url} ({why})")
                    continue
                if kind is None:
                    problems.append(f"{where}: source {url} has no kind")
                if entry is None:
                    unknown[host] += 1
                    problems.append(f"{where}: host {host} is not in sources.toml ({url})")
                    continue
                if kind is not None and entry["tier"] != kind:
                    problems.append(f"{where}: {url} is given as {kind}, but {host} is {entry['tier']} in sources.toml")
                outlets[entry["tier"]].add(entry.get("outlet", host))
            if record.get("confidence", "confirmed") == "confirmed" and not (
                    outlets["primary"] or len(outlets["secondary"]) >= 2):
                problems.append(f"{where}: confirmed, but without a primary source or two secondary ones from "
                                f"different outlets (has { {k: sorted(v) for k, v in outlets.items()} })")
    for problem in problems:
        print(problem)
    print(f"sources by kind: {dict(tiers)}; {len(problems)} problem(s)")
    if "--hosts" in sys.argv:
        for host, count in unknown.most_common():
            print(f"unknown host {count:4d} {host}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
