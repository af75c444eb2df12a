"""The answer to a query, and how it explains itself.

An :class:`Assessment` is immutable. Its ``reasons`` are the rules that fired, in order, each with the provision it
encodes, the facts it compared and their sources; ``explain()`` renders all of it for a reader, and its ``repr`` is
one line.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, computed_field

from ..data.countries import country_by_code
from ..data.models import VISIT_OUTCOME_WORDS, Finding, Source, Visit, Warrant
from ..errors import InputError, short_repr
from ..i18n import gettext as _
from ..i18n import language, ngettext, using
from ..i18n.messages import CHAMBERS
from ..i18n.texts import rewrite
from ..i18n.words import Day, FrenchCountry, day_in_words, french_country
from ..law import wording
from ..law.explain import SOURCE_ORDER, FactUsed, Reason
from ..law.pending import PendingWithdrawal
from ..law.verdicts import Verdict

__all__ = ["About", "Assessment", "FactUsed", "Reason", "SourcesShown", "best_source"]

SourcesShown = Literal["best", "all"]
"""How many sources ``explain()`` lists for each fact: the ``best`` two (strongest first), or ``all``."""

#: How many sources ``explain()`` lists per fact by default.
BEST_SOURCES = 2


class About(BaseModel):
    """Who and where an answer is about: the person's dataset id and name, and the country's ISO 3166-1 alpha-3 code
    and name. The base of every answer about a person in a country (:class:`Assessment`, the periods and changes of
    a timeline).

    >>> About(person="putin", person_name="Vladimir Putin", country="MNG", country_name="Mongolia").country_name
    'Mongolia'
    """

    model_config = ConfigDict(frozen=True)

    person: str
    person_name: str
    country: str
    country_name: str

    @property
    def country_in_text(self) -> str:
        """The country's name as a sentence writes it, with the article English gives it ("the Philippines").

        >>> About(person="duterte", person_name="Rodrigo Duterte", country="PHL", country_name="Philippines"
        ...       ).country_in_text
        'the Philippines'
        """
        try:
            return country_by_code(self.country).in_text
        except LookupError:  # an answer built by hand about a code the table does not know
            return self.country_name


class Assessment(About):
    """Whether a person can travel to a country on a date, and why.

    ``pending_withdrawals`` are the host's withdrawals notified but not yet in effect on the day (rule
    ``status.withdrawal_pending``), each with the day it takes effect; ``explain()`` says them under the verdict.

    >>> from icc_rules import assess
    >>> answer = assess("Putin", "Mongolia", "2024-09-03")
    >>> answer
    <Assessment putin in MNG on 2024-09-03: duty_to_arrest>
    >>> answer.verdict, answer.can_travel
    (<Verdict.DUTY_TO_ARREST: 'duty_to_arrest'>, False)
    >>> [reason.rule for reason in answer.reasons]
    ['status.party', 'warrant.in_force', 'duty.state_party', 'note.official_capacity', 'verdict.duty_to_arrest']
    """

    date: datetime.date
    verdict: Verdict
    reasons: tuple[Reason, ...]
    confirmed: bool = True
    warrants: tuple[Warrant, ...] = ()
    precedents: tuple[Visit | Finding, ...] = ()
    warnings: tuple[str, ...] = ()
    user_data: tuple[str, ...] = ()
    how_sure: tuple[str, ...] = ()
    pending_withdrawals: tuple[PendingWithdrawal, ...] = ()
    data_version: str
    data_as_of: datetime.date

    @computed_field  # type: ignore[prop-decorator]
    @property
    def can_travel(self) -> bool:
        """True exactly when the verdict is ``no_warrant`` or ``no_duty``."""
        return self.verdict.can_travel

    @property
    def rules(self) -> tuple[str, ...]:
        """The ids of the rules that fired, in order."""
        return tuple(reason.rule for reason in self.reasons)

    def __repr__(self) -> str:
        return f"<Assessment {self.person} in {self.country} on {self.date}: {self.verdict.value}>"

    def __str__(self) -> str:
        return self.headline()

    def in_language(self, lang: str | None = None) -> Assessment:
        """The answer with every text a reader sees in ``lang`` (by default the current language): the reasons'
        texts and legal bases, the facts as they read, the warnings, the "how sure" lines and the country's name.
        The codes (``verdict``, rule ids), the dates, the person's name and the data (notes, summaries, sources)
        stay as they are: the JSON of a French answer has the same shape and says the same thing.

        >>> from icc_rules import assess
        >>> french = assess("Putin", "Mongolia", "2024-09-03").in_language("fr")
        >>> french.country_name, french.verdict.value, french.reasons[-1].text
        ('Mongolie', 'duty_to_arrest', 'Verdict, doit arrêter : l’obligation juridique d’arrêter et de remettre Vladimir Putin incombe à la Mongolie.')
        """
        with using(lang) as lang_used:
            if lang_used == "en":
                return self
            reasons = tuple(reason.model_copy(update={
                "text": wording.reason_text(reason.rule, reason.text),
                "legal_basis": wording.legal_basis(reason.legal_basis),
                "facts": tuple(fact.model_copy(update={"description": wording.fact_label(fact.description)})
                               for fact in reason.facts)}) for reason in self.reasons)
            return self.model_copy(update={
                "reasons": reasons, "country_name": _french(self.country).name,
                "warnings": tuple(map(wording.warning, self.warnings)),
                "how_sure": tuple(map(wording.warning, self.how_sure))})

    def headline(self, lang: str | None = None) -> str:
        """One line for a reader: who, where, when, and the verdict in plain words (what the host must do, and what
        it means for a trip there). The verdict's code is for programs: ``verdict`` and the JSON. ``lang`` is the
        language (``"en"``, ``"fr"``; by default the current one, :func:`icc_rules.i18n.using`).

        >>> from icc_rules import assess
        >>> assess("Putin", "Kyrgyzstan", "2023-10-12").headline()
        'Vladimir Putin in Kyrgyzstan on 2023-10-12: no duty to arrest: can travel there without a legal duty to arrest'
        >>> assess("Duterte", "Philippines", "2025-03-11").headline()
        'Rodrigo Duterte in the Philippines on 2025-03-11: in custody: detained on that day, so cannot travel'
        >>> print(assess("Duterte", "Philippines", "2025-03-11").headline(lang="fr"))
        Rodrigo Duterte aux Philippines, le 11 mars 2025 : en détention : ne peut donc pas voyager ce jour-là
        """
        with using(lang) as lang_used:
            english = lang_used == "en"
            return _("{person} in {country} on {day}: {verdict}").format(
                person=self.person_name, country=self.country_in_text if english else _french(self.country),
                day=self.date if english else Day(self.date, lang_used), verdict=self.verdict.phrase)

    def explain(self, sources: SourcesShown = "best", *, more: str = 'explain(sources="all")',
                lang: str | None = None) -> str:
        """A readable account: the verdict, the warnings, each rule that fired with its basis, facts and sources,
        and the precedents (visits and findings of non-compliance) with the best source of each.

        Each fact's sources are listed strongest first (primary, secondary, reference): the best two by default,
        all of them with ``sources="all"``; any other value raises :class:`~icc_rules.errors.InputError`. ``more``
        is how a reader gets the rest (the command line says ``--sources all``). ``lang`` is the language of the
        account: ``"en"`` (the default) or ``"fr"`` (``"fr-FR"``, ``"fr_CA"`` ... too); data notes, summaries and
        source titles stay in their own language, marked as such.

        >>> from icc_rules import assess
        >>> print(assess("Putin", "Kyrgyzstan", "2023-10-12").explain())  # doctest: +ELLIPSIS
        Vladimir Putin in Kyrgyzstan on 2023-10-12: no duty to arrest: can travel there without a legal duty to arrest
          an ICC arrest warrant is in force, but the host state has no legal duty to arrest ...
        <BLANKLINE>
        Why:
          1. [warrant.in_force] Warrant putin-2023 (ICC-01/22) was issued on 2023-03-17 and is in force: ...
        >>> print(assess("Putin", "Mongolia", "2024-09-03").explain(lang="fr"))  # doctest: +ELLIPSIS
        Vladimir Putin en Mongolie, le 3 septembre 2024 : doit arrêter : ...
        <BLANKLINE>
        Pourquoi :
          1. [status.party] Le Statut de Rome lie la Mongolie : ...
             fondement juridique : Statut de Rome, art. 126 et 127-1
        ...
        """
        if sources not in get_args(SourcesShown):
            raise InputError(f"sources={short_repr(sources)}: expected one of {', '.join(get_args(SourcesShown))}")
        with using(lang):
            lines = [self.headline(), f"  {self.verdict.description}"]
            lines += [_("  pending for {state}: {withdrawal}").format(
                state=_country(pending.state, pending.state_name), withdrawal=wording.pending(pending.in_words))
                for pending in self.pending_withdrawals]
            if self.warnings:
                lines += ["", _("Warnings:"), *(f"  - {wording.warning(warning)}" for warning in self.warnings)]
            lines += ["", _("Why:"), *self._reasons(sources, more)]
            if self.precedents:
                lines += ["", _("Precedents:")]
                for precedent in self.precedents:
                    lines.append(f"  - {_precedent_line(precedent)}")
                    lines.append(_("    source: {source}").format(source=_cited(best_source(precedent.sources))))
            if self.how_sure:
                lines += ["", _("How sure:"), *(f"  - {wording.warning(line)}" for line in self.how_sure)]
            lines += ["", _("Data: icc-rules dataset {version}, facts checked to {as_of}.").format(
                version=self.data_version, as_of=_day(self.data_as_of))]
            return "\n".join(lines)

    def _reasons(self, sources: SourcesShown, more: str) -> list[str]:
        """The account's lines for each rule that fired: its text and basis, then each fact it used (once, under
        the first rule that used it) with its sources."""
        lines: list[str] = []
        shown: set[object] = set()  # each fact and source is listed once, under the first rule that used it
        for number, reason in enumerate(self.reasons, 1):
            lines.append(f"  {number}. [{reason.rule}] {wording.reason_text(reason.rule, reason.text)}")
            lines.append(_("     legal basis: {basis}").format(basis=wording.legal_basis(reason.legal_basis)))
            for used in reason.facts:
                if used in shown:
                    continue
                shown.add(used)
                mark = "" if used.confidence == "confirmed" else f" ({_(used.confidence)})"
                origin = "" if used.origin == "shipped" else _(" [from {origin}]").format(origin=used.origin)
                lines.append(_("     fact: {fact}").format(fact=wording.fact_label(used.description)) + mark + origin)
                listed = used.sources if sources == "all" else used.sources[:BEST_SOURCES]
                for source in listed:
                    if source not in shown:
                        shown.add(source)
                        lines.append(_("       source: {source}").format(source=_cited(source)))
                if len(used.sources) > len(listed):
                    unshown = len(used.sources) - len(listed)
                    lines.append(ngettext("       and {count} more source ({more})",
                                          "       and {count} more sources ({more})", unshown).format(
                        count=unshown, more=more))
        return lines


def best_source(sources: Sequence[Source]) -> Source:
    """The strongest of a record's sources (primary, then secondary, then reference), the first so ranked in the
    record's order: the one a reader is shown beside a visit or a finding.

    >>> best_source([Source(url="https://a.example", title="A", kind="secondary"),
    ...              Source(url="https://b.example", title="B", kind="primary")]).title
    'B'
    """
    return min(sources, key=lambda source: SOURCE_ORDER.get(source.kind, len(SOURCE_ORDER)))


def _precedent_line(precedent: Visit | Finding) -> str:
    """A visit (its days and what the host did) or a finding of non-compliance (its day, the chamber and the
    decision's number if recorded), then its summary (in English, marked so in another language)."""
    summary = precedent.summary + _in_english()
    if isinstance(precedent, Visit):
        if precedent.end not in (None, precedent.start):
            assert precedent.end is not None
            days = _("{start} to {end}").format(start=_day(precedent.start), end=_day(precedent.end))
        else:
            days = _day(precedent.start)
        return _("{days}, visit ({outcome}): {summary}").format(
            days=days, outcome=_(VISIT_OUTCOME_WORDS[precedent.outcome]), summary=summary)
    chamber = chamber_in_words(precedent.chamber) if precedent.chamber else None
    by = ", ".join(part for part in (chamber, precedent.decision) if part)
    return _("{day}, finding of non-compliance ({by}): {summary}").format(day=_day(precedent.date), by=by,
                                                                         summary=summary)


def _day(day: datetime.date) -> str:
    """A day as the account shows it: ISO in English, in words in another language."""
    lang = language()
    return day.isoformat() if lang == "en" else day_in_words(day, lang)


def _in_english() -> str:
    """The mark a text recorded in English carries in an account in another language."""
    return "" if language() == "en" else " " + _("(in English)")


def chamber_in_words(chamber: str) -> str:
    """A chamber of the Court as a record names it, in the current language."""
    return rewrite(chamber, CHAMBERS, capital=False)


def _cited(source: Source) -> str:
    """A source as the account cites it: its title stays as published (marked so in another language)."""
    if language() == "en":
        return source.cited
    about = ", ".join(part for part in (_(source.kind) if source.kind else None, source.document) if part)
    return f"{source.title} " + _("(original title)") + f"{f' [{about}]' if about else ''} <{source.url}>"


def _country(code: str, name: str) -> str:
    """A country named in an account: its name in the current language."""
    return name if language() == "en" else str(_french(code))


def country_name_in(code: str, name: str) -> str:
    """The name of the country ``code`` in the current language (``name``, the English one, in English)."""
    return name if language() == "en" else _french(code).name


def _french(code: str) -> FrenchCountry:
    """The country ``code`` as French writes it (for an answer built by hand about an unknown code, its code)."""
    try:
        return french_country(code)
    except KeyError:
        return FrenchCountry(code=code, name=code, the="", in_="à", of="de", to="à")
