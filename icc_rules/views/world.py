"""The world view: one person's verdict in every country on one date, as records, a table and a map.

Every country of :func:`~icc_rules.data.countries.all_countries` is covered once: the 193 UN member states, the two
observer states (the Holy See and Palestine), Kosovo, and the dependent territories a traveller would name. Each
verdict is the rules' decision (:func:`~icc_rules.api.decide`), kept per interval, so a warm world view costs a few
milliseconds.

>>> view = world("Putin", "2024-09-03")
>>> len(view.countries), view.verdict("MNG").value, view.verdict("China").value
(250, 'duty_to_arrest', 'no_duty')
>>> view.verdict("French Guiana").value  # an overseas department of France, a State Party
'duty_to_arrest'
"""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, computed_field

from ..api import CountryLike, DateLike, PendingWithdrawal, PersonLike, Verdict, decide
from ..api.internal import (
    TERRITORIES_WARNING,
    country_name_in,
    dataset,
    day_of,
    rests_on_no_territory_record,
    unrecorded_territories_warning,
    warning_in_words,
)
from ..data.countries import UNStatus, all_countries
from ..data.dataset import Dataset
from ..i18n import gettext, language, using
from ..i18n.words import day_in_words
from ..lookup.countries import resolve_country
from ..lookup.names import fold
from ..lookup.persons import resolve_person
from ..render import worldmap
from ..render.export import to_csv

__all__ = ["TERRITORIES_WARNING", "WorldRecord", "WorldView", "world"]


class WorldRecord(BaseModel):
    """One country's verdict in a world view.

    Attributes:
        country: ISO 3166-1 alpha-3 code (``XKX`` for Kosovo).
        alpha2: ISO 3166-1 alpha-2 code (``XK`` for Kosovo).
        name: the country's short English name.
        un_status: ``member``, ``observer``, ``territory`` or ``other`` (see :data:`~icc_rules.data.countries.UNStatus`).
        verdict: the verdict for the person there on the view's date.
        confirmed: ``False`` when a fact the verdict rests on is not confirmed (probable, reported or disputed)
            and the verdict would be another without it or with another day its record allows, or when the answer
            rests on user data; :func:`~icc_rules.assess` says which fact and the other verdict.
        withdrawal_notified, withdrawal_takes_effect: where the state (or the state responsible for the territory)
            has notified a withdrawal that has not taken effect on the view's date (rule
            ``status.withdrawal_pending``), the day it was notified and the day it takes effect; ``None`` otherwise.

    >>> record = next(r for r in world("Putin", "2024-09-03").countries if r.country == "MNG")
    >>> record.name, record.verdict.value, record.can_travel
    ('Mongolia', 'duty_to_arrest', False)
    """

    model_config = ConfigDict(frozen=True)

    country: str
    alpha2: str
    name: str
    un_status: UNStatus
    verdict: Verdict
    confirmed: bool = True
    withdrawal_notified: datetime.date | None = None
    withdrawal_takes_effect: datetime.date | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def can_travel(self) -> bool:
        """True exactly when the verdict is ``no_warrant`` or ``no_duty``."""
        return self.verdict.can_travel


class WorldView(BaseModel):
    """A person's verdict in every country on one date.

    Attributes:
        person, person_name: the person's dataset id and name.
        date: the day asked about.
        countries: one record per country, sorted by alpha-3 code.
        warnings: what the reader should know (a date past the dataset's ``as_of``, the verdicts that rest on a
            fact not confirmed).
        data_version, data_as_of: the dataset the answers come from.

    >>> view = world("Putin", "2024-09-03")
    >>> view.person_name, len(view.countries), view.verdict("Mongolia").value
    ('Vladimir Putin', 250, 'duty_to_arrest')
    """

    model_config = ConfigDict(frozen=True)

    person: str
    person_name: str
    date: datetime.date
    countries: tuple[WorldRecord, ...]
    warnings: tuple[str, ...] = ()
    data_version: str
    data_as_of: datetime.date

    @property
    def by_verdict(self) -> dict[Verdict, tuple[str, ...]]:
        """The alpha-3 codes under each verdict, strongest verdict first; every verdict is a key.

        >>> world("Duterte", "2025-06-01").by_verdict[Verdict.IN_CUSTODY][:3]
        ('ABW', 'AFG', 'AGO')
        """
        return {verdict: tuple(r.country for r in self.countries if r.verdict is verdict) for verdict in Verdict}

    @property
    def pending(self) -> tuple[WorldRecord, ...]:
        """The countries whose state has notified a withdrawal not yet in effect on the view's date, by name.

        >>> [(r.name, str(r.withdrawal_takes_effect)) for r in world("Putin", "2025-07-01").pending]
        [('Hungary', '2026-06-02')]
        """
        return tuple(sorted((r for r in self.countries if r.withdrawal_takes_effect is not None),
                            key=lambda r: fold(r.name)))

    def verdict(self, country: CountryLike) -> Verdict:
        """The verdict in one country (a code, a name or a :class:`~icc_rules.data.countries.Country`)."""
        code = resolve_country(country).code
        return next(r.verdict for r in self.countries if r.country == code)

    def records(self) -> list[dict[str, Any]]:
        """One flat dict per country, JSON-ready (the view's person and date on each), for CSV, pandas or JSON.

        >>> world("Putin", "2024-09-03").records()[0]
        {'person': 'putin', 'date': '2024-09-03', 'country': 'ABW', 'alpha2': 'AW', 'name': 'Aruba', 'un_status': 'territory', 'verdict': 'duty_to_arrest', 'confirmed': True, 'withdrawal_notified': None, 'withdrawal_takes_effect': None, 'can_travel': False}
        """
        head = {"person": self.person, "date": self.date.isoformat()}
        return [{**head, **record.model_dump(mode="json")} for record in self.countries]

    def to_csv(self) -> str:
        """The records as CSV text with a header row."""
        return to_csv(self.records())

    def table(self, *, warnings: bool = True) -> str:
        """A readable account: the countries under each verdict, with counts, strongest verdict first, then the
        warnings (unless ``warnings=False``).

        >>> print(world("Putin", "2024-09-03").table())  # doctest: +ELLIPSIS
        Vladimir Putin on 2024-09-03: verdicts in 250 countries and territories
        <BLANKLINE>
        must arrest (...): the host has a legal duty to arrest
          Afghanistan, Åland Islands, Albania, Andorra, Anguilla, Antigua and Barbuda, Argentina, Armenia, Aruba, ...
        ...
        """
        view = self.in_language()
        lines = [gettext("{person} on {date}: verdicts in {count} countries and territories").format(
            person=view.person_name, date=day_in_words(view.date, language()), count=len(view.countries))]
        names = {r.country: r.name for r in view.countries}
        for verdict, codes in view.by_verdict.items():
            if codes:
                lines += ["", gettext("{label} ({count}): {meaning}").format(label=verdict.label, count=len(codes),
                                                                            meaning=verdict.short)]
                lines += _wrap(sorted((names[code] for code in codes), key=fold), 116, "  ")
        if pending := view.pending:
            lines += ["", gettext("withdrawals notified, not yet in effect ({count}): each is bound as before until "
                                  "then").format(count=len(pending))]
            lines += [gettext("  {country}: withdrawal notified on {notified}, takes effect on {takes_effect}").format(
                country=r.name, notified=r.withdrawal_notified, takes_effect=r.withdrawal_takes_effect)
                for r in pending]
        if warnings and view.warnings:
            lines += ["", gettext("Warnings:")]
            for warning in view.warnings:
                lines += textwrap.wrap(warning, 116, initial_indent="  - ", subsequent_indent="    ",
                                       break_long_words=False, break_on_hyphens=False)
        return "\n".join(lines)

    def in_language(self, lang: str | None = None) -> WorldView:
        """The view with its texts for a reader (the countries' names, the warnings) in ``lang`` (``"en"``,
        ``"fr"``; by default the current language); codes, verdicts and days stay as they are.

        >>> french = world("Putin", "2024-09-03").in_language("fr")
        >>> next(r.name for r in french.countries if r.country == "MNG"), french.warnings[0][:30]
        ('Mongolie', '9 verdicts pourraient être aut')
        """
        with using(lang) as lang_used:
            if lang_used == "en":
                return self
            return self.model_copy(update={
                "countries": tuple(r.model_copy(update={"name": country_name_in(r.country, r.name)})
                                   for r in self.countries),
                "warnings": tuple(map(warning_in_words, self.warnings))})

    def to_svg(self) -> str:
        """The world map as SVG text, each country coloured by its verdict, with a legend, title and date.

        Needs the ``map`` extra (pygal and pygal_maps_world, pure Python, no download at run time); without it
        raises :class:`~icc_rules.errors.MissingExtraError`, whose message says how to install it. The base map lacks
        some countries (Kosovo, Qatar, South Sudan, small islands); the map's footnote says which, and
        :meth:`table` lists every country.
        """
        return worldmap.render_svg(self.countries, self._title(), self._footnote(), self._credit())

    def _title(self) -> str:
        return f"ICC arrest warrant: {self.person_name} on {self.date}"

    def _credit(self) -> str:
        return f"icc-rules dataset {self.data_version} (facts checked to {self.data_as_of}); asked for {self.date}"

    def _footnote(self) -> str:
        extra = []
        if unconfirmed := sum(not r.confirmed for r in self.countries):
            extra.append(f"{unconfirmed} verdicts could be others: they rest on a fact that is not confirmed.")
        if any(w.startswith(TERRITORIES_WARNING) for w in self.warnings):
            extra.append("Some dependent territories have no record of the Statute's territorial application.")
        extra.append(f"Every country's verdict and why: icc-rules world {self.person} {self.date}.")
        return worldmap.footnote(self.countries, extra)

    def save(self, path: str | Path) -> Path:
        """Write the map to ``path``: SVG for a name ending in ``.svg``, PNG for ``.png`` (needs the ``png`` extra,
        which brings cairosvg). Returns the path.

        Raises:
            MissingExtraError: the ``map`` extra (or, for PNG, the ``png`` extra) is not installed.
            InputError: the name ends in neither ``.svg`` nor ``.png``.
            OSError: the file cannot be written.
        """
        return worldmap.save(self.to_svg, path)


def _pending(withdrawals: tuple[PendingWithdrawal, ...]) -> dict[str, datetime.date]:
    """A record's pending withdrawal (the one that takes effect first, should a state have notified twice)."""
    if not withdrawals:
        return {}
    first = min(withdrawals, key=lambda withdrawal: withdrawal.takes_effect)
    return {"withdrawal_notified": first.notified, "withdrawal_takes_effect": first.takes_effect}


def _wrap(words: list[str], width: int, indent: str) -> list[str]:
    lines: list[str] = []
    line = ""
    for index, word in enumerate(words):
        piece = word + ("," if index < len(words) - 1 else "")
        if line and len(indent) + len(line) + 1 + len(piece) > width:
            lines.append(indent + line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    if line:
        lines.append(indent + line)
    return lines


def world(person: PersonLike, date: DateLike = None, *, data: Dataset | None = None) -> WorldView:
    """The person's verdict in every country on ``date``.

    Args:
        person: a name, alias or id, or a :class:`~icc_rules.data.models.Person` (as for :func:`~icc_rules.assess`).
        date: a ``datetime.date``, ``datetime.datetime`` or ISO 8601 string; ``None`` means today.
        data: the dataset (default: the shipped one).

    Returns:
        A :class:`WorldView` with one record per country.

    Raises:
        UnknownPersonError: No person matches ``person``.
        AmbiguousPersonError: ``person`` matches several persons.
        InvalidDateError: ``date`` is not a date.

    >>> view = world("al-Bashir", "2010-01-01")
    >>> view.verdict("Sudan").value, view.verdict("Chad").value, view.verdict("Egypt").value
    ('duty_to_arrest', 'duty_to_arrest', 'no_duty')
    """
    data = dataset(data)
    who, day = resolve_person(data, person), day_of(date)
    decisions = [(country, decide(who, country, day, data=data)) for country in all_countries()]
    records = tuple(
        WorldRecord(country=country.code, alpha2=country.alpha2, name=country.name, un_status=country.un_status,
                    verdict=decision.verdict, confirmed=decision.sure(day),
                    **_pending(decision.pending_withdrawals))
        for country, decision in decisions
    )
    warnings: list[str] = []
    if day > data.info.as_of:
        warnings.append(f"{day} is after the dataset's as_of date {data.info.as_of}: its sources were searched up "
                        "to that day only, so later events are not known")
    if unconfirmed := sorted((r.name for r in records if not r.confirmed), key=fold):
        warnings.append(f"{len(unconfirmed)} verdicts could be others, since they rest on a fact that is not "
                        f"confirmed or on user data (each country's answer says which): {', '.join(unconfirmed)}")
    unrecorded = [r.name for r in records if rests_on_no_territory_record(data, r.country, r.verdict)]
    if (territories := unrecorded_territories_warning(unrecorded)) is not None:
        warnings.append(territories)
    return WorldView(person=who.id, person_name=who.name, date=day, countries=records, warnings=tuple(warnings),
                     data_version=data.info.version, data_as_of=data.info.as_of)
