"""``icc-rules persons [--json]``: every person in the dataset and their warrants."""

from __future__ import annotations

import argparse
from typing import Any

from ..render.export import to_json


def run(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = [{"id": p.id, "name": p.name, "warrants": [
        {"id": w.id, "kind": w.kind, "situation": w.situation, "issued": w.issued.isoformat()} for w in p.warrants
    ]} for p in args.dataset.persons]
    if args.json:
        print(to_json(rows))
    else:
        for row in rows:
            kinds = ", ".join(f"{w['kind']} {w['issued']}" for w in row["warrants"])
            print(f"{row['id']:<24} {row['name']:<40} {kinds}")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``persons`` command."""
    parser = subparsers.add_parser("persons", help="every person in the dataset and their warrants")
    parser.add_argument("--json", action="store_true", help="print the persons and their warrants as JSON")
    parser.set_defaults(handler=run)
