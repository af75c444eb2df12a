"""``icc-rules rules [--json]``: the rule set, every rule's id, kind, stage and legal basis (in the language of the
call, with what each rule does, for a reader; the JSON as recorded)."""

from __future__ import annotations

import argparse

from ..law import wording
from ..law.rules import RULES
from ..render.export import to_json
from .output import human


def run(args: argparse.Namespace) -> int:
    rows = [{"id": r.id, "kind": r.kind, "stage": r.stage, "legal_basis": r.legal_basis, "compares": r.compares,
             "doc": r.doc} for r in RULES]
    if args.json:
        print(to_json(rows))
    else:
        human("\n".join(f"{rule.id:<36} {wording.legal_basis(rule.legal_basis)}\n{'':<36} {wording.rule_doc(rule.doc)}"
                        for rule in RULES))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``rules`` command."""
    parser = subparsers.add_parser("rules", help="the rule set: every rule's id and legal basis")
    parser.add_argument("--json", action="store_true", help="print every rule as JSON")
    parser.set_defaults(handler=run)
