"""The rule set (the law) and the engine that runs it."""

from .engine import Firing, run
from .ruleset import RULES, RULES_BY_ID, Rule

__all__ = ["RULES", "RULES_BY_ID", "Firing", "Rule", "run"]
