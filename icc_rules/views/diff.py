"""The answers that change between two datasets: for each person and host, the days whose verdict differs.

A data release, or a user's file, changes answers. :func:`diff` lays the two datasets' timelines
(:func:`~icc_rules.views.timeline.timeline`) side by side and keeps the days on which the verdicts differ, with the
facts that open or close the periods there. Every verdict comes from the rules; this module only compares them. The
rules are asked only about the persons and hosts whose facts differ (:func:`~icc_rules.api.inputs.inputs_differ`):
elsewhere both datasets tell the rules the same things, so their answers are the same.

>>> import tempfile
>>> from pathlib import Path
>>> from icc_rules import load_data, shipped_data
>>> mine = Path(tempfile.mkdtemp()) / "withdrawal.toml"
>>> _ = mine.write_text('''
... [[state]]
... code = "MNG"
... name = "Mongolia"
... signed = 2000-12-29
... deposited = 2002-04-11
... instrument = "ratification"
... in_force = 2002-07-01
... sources = [{ url = "https://example.org/what-if", title = "What if Mongolia had left in 2024?" }]
... verified_on = 2026-11-28
...   [[state.change]]
...   kind = "withdrawal_notified"
...   date = 2023-08-01
...   takes_effect = 2024-08-01
...   sources = [{ url = "https://example.org/what-if", title = "What if Mongolia had left in 2024?" }]
...   [[state.change]]
...   kind = "withdrawal_effective"
...   date = 2024-08-01
...   sources = [{ url = "https://example.org/what-if", title = "What if Mongolia had left in 2024?" }]
... ''', encoding="utf-8")
>>> changes = diff(shipped_data(), load_data(overlays=[mine]), "2024-01-01", "2024-12-31")
>>> putin = [d for d in changes.differences if d.person == "putin"][0]
>>> putin.country_name, str(putin.start), str(putin.end), putin.old.value, putin.new.value
('Mongolia', '2024-08-01', '2024-12-31', 'duty_to_arrest', 'residual_duty')
>>> putin.old_facts is None, putin.new_facts
(True, "the day Mongolia's notified withdrawal was set to take effect; Mongolia's withdrawal from the Rome Statute took effect")
>>> changes.pairs_compared == len(shipped_data().persons)  # only Mongolia's facts differ: every person there
True
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..api import STATUTE_IN_FORCE, DateLike, Verdict
from ..api.internal import About, day_of, inputs_differ
from ..data.countries import all_countries, country_by_code
from ..data.dataset import Dataset
from ..errors import InputError
from .timeline import Period, timeline

__all__ = ["DatasetDiff", "Difference", "diff"]


class Difference(About):
    """A run of days on which a person's verdict in a country differs between two datasets.

    Attributes:
        person, person_name, country, country_name: who and where (as in either dataset).
        start, end: the first and last day of the run (both included).
        old, new: the verdict on those days in the old and in the new dataset; ``None`` where the person is not in
            that dataset at all.
        old_facts, new_facts: in each dataset, the dated events that open or close its period at the run's start or
            end (or, when neither dataset has one there, the events that opened the period the run lies in): the
            facts behind the change. ``None`` where there is none.
    """

    start: datetime.date
    end: datetime.date
    old: Verdict | None
    new: Verdict | None
    old_facts: str | None = None
    new_facts: str | None = None

    @property
    def days(self) -> int:
        """How many days the run lasts, both ends included."""
        return (self.end - self.start).days + 1


class DatasetDiff(BaseModel):
    """The answers that change between two datasets, from ``start`` to ``end``.

    Attributes:
        old, new: what the two datasets are called (default: ``dataset VERSION``).
        start, end: the days compared (both included).
        persons_added, persons_removed: the ids of the persons in only one of the two.
        pairs_compared: how many (person, country) pairs the rules were asked about (those whose facts differ).
        differences: every run of days whose verdict differs, by person, country and day.
    """

    model_config = ConfigDict(frozen=True)

    old: str
    new: str
    start: datetime.date
    end: datetime.date
    persons_added: tuple[str, ...]
    persons_removed: tuple[str, ...]
    pairs_compared: int
    differences: tuple[Difference, ...]

    def records(self) -> list[dict[str, Any]]:
        """One plain dict per difference (for JSON and CSV)."""
        return [{**d.model_dump(mode="json"), "days": d.days} for d in self.differences]

    def table(self) -> str:
        """The differences as text: by person, the countries with the same changes on one line.

        >>> from icc_rules import shipped_data
        >>> print(diff(shipped_data(), shipped_data()).table())
        no answer changes between dataset 2026.12.07 and dataset 2026.12.07 from 2002-07-01 to 2026-06-24 (0 pairs compared)
        """
        head = f"between {self.old} and {self.new} from {self.start} to {self.end}"
        if not self.differences:
            return f"no answer changes {head} ({self.pairs_compared} pairs compared)"
        pairs = {(d.person, d.country) for d in self.differences}
        lines = [f"{len(self.differences)} change(s) in {len(pairs)} (person, country) pair(s) {head}"]
        if self.persons_added:
            lines.append(f"persons added: {', '.join(self.persons_added)}")
        if self.persons_removed:
            lines.append(f"persons removed: {', '.join(self.persons_removed)}")
        by_person: dict[str, list[Difference]] = defaultdict(list)
        for difference in self.differences:
            by_person[difference.person].append(difference)
        for runs in by_person.values():
            lines += ["", f"{runs[0].person_name} ({runs[0].person})"]
            by_country: dict[str, list[Difference]] = defaultdict(list)
            for run in runs:
                by_country[run.country_name].append(run)
            # Countries whose changes are the same, day for day, share one entry.
            same: dict[tuple[tuple[Any, ...], ...], list[str]] = defaultdict(list)
            for name, found in by_country.items():
                same[tuple((r.start, r.end, r.old, r.new, r.old_facts, r.new_facts) for r in found)].append(name)
            for changes, names in same.items():
                where = names[0] if len(names) == 1 else f"{len(names)} countries ({_few(names)})"
                lines.append(f"  {where}")
                for start, end, old, new, old_facts, new_facts in changes:
                    lines.append(f"    {start} to {end}: {_verdict(old)} -> {_verdict(new)}")
                    if old_facts and old_facts == new_facts:
                        lines.append(f"      both: {old_facts}")
                        continue
                    if old_facts:
                        lines.append(f"      old: {old_facts}")
                    if new_facts:
                        lines.append(f"      new: {new_facts}")
        return "\n".join(lines)


def _few(names: Sequence[str], shown: int = 6) -> str:
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


def _verdict(verdict: Verdict | None) -> str:
    return verdict.value if verdict is not None else "(not in the dataset)"


def diff(old: Dataset, new: Dataset, start: DateLike = STATUTE_IN_FORCE, end: DateLike = None, *,
         names: tuple[str, str] | None = None, every_pair: bool = False) -> DatasetDiff:
    """The runs of days, from ``start`` to ``end``, on which a person's verdict in a country differs between the
    ``old`` and the ``new`` dataset.

    Args:
        old, new: the two datasets (:func:`~icc_rules.load_data`, :func:`~icc_rules.shipped_data`).
        start: the first day compared (default: 2002-07-01, when the Statute entered into force).
        end: the last day compared (default: the later of the two datasets' ``as_of`` dates).
        names: what to call the two datasets (default: ``dataset VERSION`` for each).
        every_pair: ask the rules about every person in every country, not only where the facts differ (slower;
            the answer is the same, which the tests check).

    Returns:
        A :class:`DatasetDiff`: the differences by person, country and day.

    Raises:
        InvalidDateError: ``start`` or ``end`` is not a date.
        InputError: ``start`` is after ``end``.
    """
    first = day_of(start)
    last = max(old.info.as_of, new.info.as_of) if end is None else day_of(end)
    if first > last:
        raise InputError(f"the start {first} is after the end {last}")
    old_ids, new_ids = {p.id for p in old.persons}, {p.id for p in new.persons}
    persons = sorted(old_ids | new_ids)
    countries = [c.code for c in all_countries()]
    if every_pair:
        pairs = [(person, country) for person in persons for country in countries]
    else:
        differing = inputs_differ(old, new)
        pairs = [(person, country) for person in persons for country in countries
                 if person in differing.persons or country in differing.hosts]
    differences: list[Difference] = []
    for person, country in pairs:
        before = timeline(person, country, first, last, data=old) if person in old_ids else None
        after = timeline(person, country, first, last, data=new) if person in new_ids else None
        differences += _compare(before, after, first, last, new if after is not None else old, person, country)
    old_name, new_name = names or (f"dataset {old.info.version}", f"dataset {new.info.version}")
    return DatasetDiff(old=old_name, new=new_name, start=first, end=last,
                       persons_added=tuple(sorted(new_ids - old_ids)), persons_removed=tuple(sorted(old_ids - new_ids)),
                       pairs_compared=len(pairs), differences=tuple(differences))


def _compare(before: list[Period] | None, after: list[Period] | None, first: datetime.date, last: datetime.date,
             data: Dataset, person: str, country: str) -> list[Difference]:
    """The runs of days on which the two timelines (``None``: the person is not in that dataset) disagree."""
    starts = sorted({first, *(p.start for p in before or ()), *(p.start for p in after or ())})
    runs: list[tuple[datetime.date, datetime.date, Verdict | None, Verdict | None]] = []
    for index, day in enumerate(starts):
        until = starts[index + 1] - datetime.timedelta(days=1) if index + 1 < len(starts) else last
        old, new = _covering(before, day), _covering(after, day)
        old_verdict = old.verdict if old is not None else None
        new_verdict = new.verdict if new is not None else None
        if old_verdict == new_verdict:
            continue
        if runs and runs[-1][1] == day - datetime.timedelta(days=1) and runs[-1][2:] == (old_verdict, new_verdict):
            runs[-1] = (runs[-1][0], until, old_verdict, new_verdict)
        else:
            runs.append((day, until, old_verdict, new_verdict))
    if not runs:
        return []
    who = data.person(person)
    return [Difference(person=person, person_name=who.name, country=country,
                       country_name=country_by_code(country).name, start=start, end=end, old=old, new=new,
                       **_facts(before, after, start, end))
            for start, end, old, new in runs]


def _covering(periods: list[Period] | None, day: datetime.date) -> Period | None:
    return next((p for p in periods or () if p.start <= day <= p.end), None)


def _facts(before: list[Period] | None, after: list[Period] | None, start: datetime.date, end: datetime.date
           ) -> dict[str, str | None]:
    """The events behind a run, in each dataset: those at its edges, else those that opened its period."""
    edges = {side: _edges(periods, start, end) for side, periods in (("old", before), ("new", after))}
    if not edges["old"] and not edges["new"]:
        edges = {side: [p.opened_by] if (p := _covering(periods, start)) and p.opened_by else []
                 for side, periods in (("old", before), ("new", after))}
    return {f"{side}_facts": "; ".join(found) or None for side, found in edges.items()}


def _edges(periods: list[Period] | None, start: datetime.date, end: datetime.date) -> list[str]:
    found = []
    opening, closing = _covering(periods, start), _covering(periods, end)
    if opening is not None and opening.start == start and opening.opened_by:
        found.append(opening.opened_by)
    if closing is not None and closing.end == end and closing.closed_by and closing.closed_by not in found:
        found.append(closing.closed_by)
    return found
