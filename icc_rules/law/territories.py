"""Dependent territories with no record of the Statute's territorial application: where an answer rests on an
absence.

A treaty binds a state in respect of its entire territory unless a different intention appears (Vienna Convention on
the Law of Treaties art. 29), and states have excluded territories when ratifying or extended the Statute to them
later (``territories.toml``). A dependent territory with no record there is, for the rules, a host that owes the
Court nothing of its own: they answer it ``no_duty``, which is wrong if the state responsible for it is a party whose
duty extends there. Such an answer is the rules' own, but it rests on a record that is missing, and says so.

>>> from icc_rules.data import shipped
>>> from icc_rules.law.verdicts import Verdict
>>> rests_on_no_territory_record(shipped(), "GUF", Verdict.NO_DUTY)  # French Guiana: recorded, applies as France
False
>>> unrecorded_territories_warning(["Atlantis"])
"no record of the Statute's territorial application for these dependent territories (Atlantis): each is answered as a non-party, though the state responsible for it may be a party whose duty extends there"
"""

from __future__ import annotations

from collections.abc import Sequence

from ..data.countries import country_by_code
from ..data.dataset import Dataset
from .verdicts import Verdict

__all__ = ["TERRITORIES_WARNING", "rests_on_no_territory_record", "unrecorded_territories_warning"]

#: How the warning about such territories begins (a map's footnote looks for it).
TERRITORIES_WARNING = "no record of the Statute's territorial application for these dependent territories"


def rests_on_no_territory_record(data: Dataset, code: str, verdict: Verdict) -> bool:
    """Whether the ``verdict`` in the country ``code`` rests on a missing territory record: a dependent territory
    that ``data`` records nothing about, answered as a non-party (``no_duty``; a stronger verdict or one about the
    person alone does not turn on the territory's standing)."""
    return verdict is Verdict.NO_DUTY and country_by_code(code).un_status == "territory" \
        and data.territory(code) is None


def unrecorded_territories_warning(names: Sequence[str]) -> str | None:
    """The warning an answer about such territories carries, naming them (``None`` when there are none)."""
    if not names:
        return None
    return (f"{TERRITORIES_WARNING} ({', '.join(names)}): each is answered as a non-party, though the state "
            "responsible for it may be a party whose duty extends there")
