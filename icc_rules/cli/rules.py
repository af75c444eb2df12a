"""``icc-rules rules [--json]``: the rule set, every rule's id, kind, stage and legal basis."""

from __future__ import annotations

import argparse

from ..law.rules import RULES
from ..render.export import to_json
from .output import human


def run(args: argparse.Namespace) -> int:
    rows = [{"id": r.id, "kind": r.kind, "stage": r.stage, "legal_basis": r.legal_basis, "compares": r.compares,
             "doc": r.doc} for r in RULES]
    if args.json:
        print(to_json(rows))
    else:
        human("\n".join(f"{row['id']:<36} {row['legal_basis']}\n{'':<36} {row['doc']}" for row in rows))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``rules`` command."""
    parser = subparsers.add_parser("rules", help="the rule set: every rule's id and legal basis")
    parser.add_argument("--json", action="store_true", help="print every rule as JSON")
    parser.set_defaults(handler=run)
