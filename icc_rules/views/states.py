"""The States Parties on a date, as the rules find them: every state with a treaty record is asked about on that
day (:func:`~icc_rules.api.state_status`), and those the Statute binds (``party`` derived) are listed.

>>> view = parties_on("2025-01-01")
>>> len(view.parties), view.parties[0].name
(125, 'Afghanistan')
>>> next(s for s in view.parties if s.code == "TZA").name
'Tanzania'
>>> hungary = next(s for s in parties_on("2025-06-03").parties if s.code == "HUN")
>>> hungary.rules
('status.party', 'status.withdrawal_pending')
>>> hungary.pending_withdrawals[0].takes_effect
datetime.date(2026, 6, 2)
"""

from __future__ import annotations

import datetime

from pydantic import BaseModel, ConfigDict, computed_field

from ..api import DateLike, PendingWithdrawal, state_status
from ..api.internal import country_name_in, dataset, day_of, warning_in_words
from ..data.countries import country_by_code
from ..data.dataset import Dataset
from ..data.loading import without_user_data
from ..i18n import using
from ..lookup.names import fold
from .userdata import user_data_warnings

__all__ = ["PartiesView", "StateParty", "parties_on"]


class StateParty(BaseModel):
    """A state the Statute binds on the day: its code and name, the day the Statute entered into force for it, and
    the rules about its status that fired (``status.party``, a pending withdrawal ...), the withdrawals it notified
    that have not taken effect yet, each with the day it takes effect (``pending_withdrawals``, found by rule
    ``status.withdrawal_pending``), and the user's files that changed what the data says about it (``user_data``;
    empty for shipped data alone).

    >>> armenia = next(s for s in parties_on("2024-02-01").parties if s.code == "ARM")
    >>> armenia.in_force, armenia.rules
    (datetime.date(2024, 2, 1), ('status.party',))
    """

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    in_force: datetime.date | None
    rules: tuple[str, ...]
    confirmed: bool = True
    pending_withdrawals: tuple[PendingWithdrawal, ...] = ()
    user_data: tuple[str, ...] = ()


class PartiesView(BaseModel):
    """The States Parties on one day, sorted by name, with the dataset they come from.

    With a user's file, ``user_data`` names the files that change which states are parties that day, and
    ``warnings`` says, once per file, which states would be parties, or not, without it.

    >>> parties_on("2024-01-31").count, parties_on("2024-02-01").count
    (123, 124)
    """

    model_config = ConfigDict(frozen=True)

    date: datetime.date
    parties: tuple[StateParty, ...]
    data_version: str
    data_as_of: datetime.date
    user_data: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def count(self) -> int:
        """How many States Parties there are on the day."""
        return len(self.parties)

    def in_language(self, lang: str | None = None) -> PartiesView:
        """The view with its texts for a reader (the states' names, their pending withdrawals' names, the warnings)
        in ``lang`` (``"en"``, ``"fr"``; by default the current language), sorted by name in that language; codes
        and days stay as they are.

        >>> parties_on("2025-01-01").in_language("fr").parties[0].name
        'Afghanistan'
        >>> next(s.name for s in parties_on("2025-01-01").in_language("fr").parties if s.code == "DEU")
        'Allemagne'
        """
        with using(lang) as lang_used:
            if lang_used == "en":
                return self
            parties = (party.model_copy(update={
                "name": country_name_in(party.code, party.name),
                "pending_withdrawals": tuple(withdrawal.model_copy(update={
                    "state_name": country_name_in(withdrawal.state, withdrawal.state_name)})
                    for withdrawal in party.pending_withdrawals)}) for party in self.parties)
            return self.model_copy(update={"parties": tuple(sorted(parties, key=lambda party: fold(party.name))),
                                           "warnings": tuple(map(warning_in_words, self.warnings))})


def parties_on(date: DateLike = None, *, data: Dataset | None = None) -> PartiesView:
    """The States Parties to the Rome Statute on ``date`` (default: today), as the rules find them.

    Raises:
        InvalidDateError: ``date`` is not a date.

    >>> [party.name for party in parties_on("2002-07-01").parties][:3]
    ['Andorra', 'Antigua and Barbuda', 'Argentina']
    """
    data = dataset(data)
    day = day_of(date)
    parties = []
    for state in data.states:
        status = state_status(state.code, day, data=data)
        if "party" in status.derived:
            # the country's one short name, as every view gives it ("Tanzania", not the state record's formal name)
            parties.append(StateParty(code=state.code, name=country_by_code(state.code).name, in_force=state.in_force,
                                      rules=status.host_status,
                                      confirmed=status.sure(day), pending_withdrawals=status.pending_withdrawals,
                                      user_data=status.user_files))
    user_data: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    base = without_user_data(data)
    if base is not None:
        # The same question on the data without the user's files: which states they add or take away.
        parties_without = {party.code: party.name for party in parties_on(day, data=base).parties}
        listed = {party.code: party.name for party in parties}
        changes = sorted(
            (data.user_data.get(f"host:{code}") or tuple(dict.fromkeys(data.origins.values())),
             f"{name} would {'also' if code in parties_without else 'not'} be a State Party")
            for code, name in ({**listed, **parties_without}.items())
            if (code in listed) != (code in parties_without))
        user_data = tuple(dict.fromkeys([*(file for party in parties for file in party.user_data),
                                         *(file for files, _ in changes for file in files)]))
        warnings = user_data_warnings(changes)
    return PartiesView(date=day, parties=tuple(sorted(parties, key=lambda party: party.name)),
                       data_version=data.info.version, data_as_of=data.info.as_of, user_data=user_data,
                       warnings=warnings)
