"""The templates of the texts an answer is made of outside the rule set, by kind, as English writes them: the
catalogs translate each (``pybabel extract`` finds them by ``N_``), and :func:`~icc_rules.i18n.texts.rewrite` reads a
text back into its template's values.

They are the shapes the modules that make these texts write (``law.facts``, ``law.doubts``, ``api.queries``,
``errors`` ...), which sit in layers that cannot all import this one: ``tests/i18n`` holds each list to the texts those
modules make, so a new shape cannot go untranslated unnoticed.

>>> from icc_rules.i18n import using
>>> from icc_rules.i18n.texts import rewrite
>>> with using("fr"):
...     rewrite("Mongolia: withdrawal revoked 2026-05-29", LABELS)
'Mongolie : retrait révoqué le 29 mai 2026'
"""

from __future__ import annotations

from . import N_, gettext, using
from .texts import rewrite

__all__ = [
    "CHAMBERS",
    "CHANGES",
    "ERRORS",
    "INPUTS",
    "LABELS",
    "PENDING",
    "USER_DATA",
    "VERDICTS_THEN",
    "VERDICT_LABELS",
    "WARNINGS",
    "WARRANT_EVENTS",
    "WORDS",
    "changes_in_words",
    "error_message",
]

#: How a recorded fact reads (``law.facts``), most specific first: the last, a bare name, matches anything.
LABELS: tuple[str, ...] = (
    N_("the Rome Statute: in force since {day} (art. 126(1))"),
    N_("{country}: treaty record (instrument deposited {day})"),
    N_("{country}: withdrawal notified {day}, to take effect {takes_effect}"),
    N_("{country}: withdrawal revoked {day}"),
    N_("{country}: withdrawal took effect {day}"),
    N_("{country}: withdrawal announced {day}"),
    N_("{country}: the Statute applies there (from {day})"),
    N_("{country}: the Statute does not apply there"),
    N_("{country}: territory of {responsible_name}"),
    N_("article 12(3) declaration {id}"),
    N_("Security Council {resolution}"),
    N_("warrant {id}: {event} {day}"),
    N_("warrant {id}"),
    N_("{person}: died {day}"),
    N_("{person}: identity"),
    N_("{person}: custody from {start} to {end}"),
    N_("{person}: custody from {start}"),
    N_("{situation}: investigation opened {day}"),
    N_("{person}: {title} from {start} (confirmed to {until})"),
    N_("{person}: {title} from {start} to {end}"),
    "{country}",
)

#: A view's warning about a user's files (``views.userdata``): the answers they change, and each one without them
#: (:data:`CHANGES`, joined by "; ").
USER_DATA: tuple[str, ...] = (
    N_("rests on user data: {files} changes the answer: without it, {changes}"),
    N_("rests on user data: {files} changes {count} answers: without it, {changes}"),
    N_("rests on user data: {files} change the answer: without them, {changes}"),
    N_("rests on user data: {files} change {count} answers: without them, {changes}"),
)

#: An answer that a user's files change, as the views say it would be without them (``views.states``,
#: ``views.reverse``, ``views.timeline``); a timeline's verdicts are :data:`VERDICTS_THEN`, joined by ", then ".
CHANGES: tuple[str, ...] = (
    N_("and {count} more"),
    N_("{country} would also be a State Party"),
    N_("{country} would not be a State Party"),
    N_("{person} would be listed ({short})"),
    N_("{person} would not be listed"),
    N_("{country} {first}..{last}: {verdicts} (not {current_short})"),
    N_("{country} {on}: {short} (not {current_short})"),
)
VERDICTS_THEN: tuple[str, ...] = (N_("{short} from {day}"), "{short}")

#: The warnings and "how sure" lines of an answer (``law.doubts``, ``api.queries``, ``law.territories``,
#: ``law.decide``), and the views' warnings about a user's files (:data:`USER_DATA`).
WARNINGS: tuple[str, ...] = (
    N_('If the {confidence} fact "{label}" did not hold, the answer would be: {short} ({verdict}), not: '
       "{current_short} ({current})."),
    N_('If the {confidence} fact "{label}" held with another deposit day its sources allow, so that the Statute '
       "entered into force on {day}, the answer would be: {short} ({verdict}), not: {current_short} ({current})."),
    N_('If the {confidence} fact "{label}" fell on {day}, as its sources also allow, the answer would be: {short} '
       "({verdict}), not: {current_short} ({current})."),
    N_("Rests on a {confidence} fact that cannot change this verdict: {label}."),
    N_("{day} is after the dataset's as_of date {as_of}: its sources were searched up to {as_of} only, so anything "
       "that happened since (a new warrant, an arrest, an accession or withdrawal) is not known to this answer"),
    N_("{day} is after the dataset's as_of date {as_of}: its sources were searched up to that day only, so later "
       "events are not known"),
    N_("{count} verdicts could be others, since they rest on a fact that is not confirmed or on user data (each "
       "country's answer says which): {names}"),
    N_("no record of the Statute's territorial application for these dependent territories ({names}): each is "
       "answered as a non-party, though the state responsible for it may be a party whose duty extends there"),
    N_("rests on user data: {files} changes what the data says about {about}, and the verdict: without it, "
       "{verdicts}"),
    N_("rests on user data: {files} change what the data says about {about}, and the verdict: without them, "
       "{verdicts}"),
    N_("rests on user data: {files} changes what the data says about {about}; the answer cannot be compared with "
       "the data without it (the person is not in it, or it cannot be loaded alone)"),
    N_("rests on user data: {files} change what the data says about {about}; the answer cannot be compared with "
       "the data without them (the person is not in it, or it cannot be loaded alone)"),
    *USER_DATA,
)

#: What a warrant record says happened, as ``law.facts`` writes it (the events of the other facts are their types'
#: templates, ``law.schema``).
WARRANT_EVENTS: tuple[str, ...] = (
    N_("arrest warrant {id} issued (under seal)"), N_("arrest warrant {id} issued"),
    N_("summons to appear {id} issued (under seal)"), N_("summons to appear {id} issued"),
    N_("application for an arrest warrant {id} filed (under seal)"), N_("application for an arrest warrant {id} filed"),
    N_("warrant {id} made public"),
)

#: A withdrawal notified but not yet in effect (``law.pending``).
PENDING: tuple[str, ...] = (  # most specific first
    N_("withdrawal notified on {notified} ({confidence}), takes effect on {takes_effect} unless revoked"),
    N_("withdrawal notified on {notified}, takes effect on {takes_effect} unless revoked"),
)

#: The messages of the inputs of a trip and of bulk queries: their errors, said where the input is read.
INPUTS: tuple[str, ...] = (
    # a trip (``views.itinerary``, ``mcp.answers``)
    N_("invalid leg {leg}: expected COUNTRY@DATE[..DATE][:visit|transit|overflight], e.g. "
       "ARM@2024-01-25..2024-02-05:transit"),
    N_("invalid leg {leg}: unknown kind {kind}; expected one of {kinds}"),
    N_("leg {number}: unknown kind {kind}; expected one of {kinds}"),
    N_("leg {number} ({given}): its dates {dates} are neither a day nor a (first, last) range of two days"),
    N_("leg {number} ({country}): its first day {start} is after its last day {end}"),
    N_("leg {number} {leg}: expected a Leg, a 'COUNTRY@DATE[..DATE][:kind]' string or a (country, date[, kind]) "
       "tuple"),
    N_("legs {legs}: expected a list of legs (Leg objects or 'COUNTRY@DATE' strings)"),
    N_("an itinerary needs at least one leg"),
    N_("the leg in {given} has no date: give date (an ISO 8601 day, or 'today' for today), or start and end"),
    N_("the leg in {given} gives {fields}: give either date, or both start and end"),
    # the readers of bulk queries (``views.inputs``, ``views.bulk``, ``cli.bulk``), most specific first
    N_("{file}, row {number}: expected CSV text in UTF-8, but a byte in or after this row is not UTF-8"),
    N_("{file}, row {number}: {error}; the row: {row}"),
    N_("{file}, row {number}: {error}"),
    N_("cannot read {file} after row {number}: {reason}"),
    N_("{file}: expected CSV text in UTF-8, but the byte at offset {offset} is not UTF-8"),
    N_("cannot read stdin: it is closed; give a FILE"),
    N_("cannot read {file}: {reason}"),
    N_("{file}: empty; expected a header row naming the columns person, country and date"),
    N_("{file}: no date column (the header names {columns}): name the day of each row in a column headed date, "
       "or give the day for every row (icc-rules bulk --date DAY, e.g. --date 2024-09-03 or --date today; date= "
       "in Python and over the web)"),
    N_("{file}: a line longer than {size} KiB: expected CSV text, one query a row"),
    N_("{file}: the header names the column {column} twice: {header}"),
    N_("{file}: the header row must name the columns person, country and date (in any case, in any order); "
       "missing: {missing}; the header: {header} (separators tried: {separators})"),
    N_("no date in the row: give one, or the day for rows without one (icc-rules bulk --date DAY; date= in "
       "Python and over the web)"),
    N_("a row needs a {column}, and this one has none"),
    N_("a row needs the keys 'person' and 'country' (and optionally 'date'), not {keys}"),
    N_("a row must be (person, country), (person, country, date) or a mapping, not {row}"),
    N_("rows {rows}: expected an iterable of rows (tuples or mappings), e.g. a list"),
    N_("line {number}: not JSON: {line}"),
    N_("line {number}: {error}"),
)

#: The messages of the errors a reader meets (``errors``, ``lookup``, ``i18n``), and those of the inputs of a trip and
#: of bulk queries (:data:`INPUTS`). An ``{error}`` in them is another error's message, written again in turn.
ERRORS: tuple[str, ...] = (
    N_("unknown person {query}: expected a name, alias or id of a person in the dataset (see `icc-rules persons`); "
       "did you mean: {suggestions}?"),
    N_("unknown person {query}: expected a name, alias or id of a person in the dataset (see `icc-rules persons`)"),
    N_("ambiguous person {query}: it matches {candidates}; give a fuller name or one of these ids"),
    N_("unknown country {query}: expected an ISO 3166-1 alpha-2, alpha-3 or numeric code or a country name; did you "
       "mean: {suggestions}?"),
    N_("unknown country {query}: expected an ISO 3166-1 alpha-2, alpha-3 or numeric code or a country name"),
    N_("invalid date {value} ({reason}): expected a day as YYYY-MM-DD, such as 2024-09-03, or 'today'"),
    N_("invalid date {value}: expected a day as YYYY-MM-DD, such as 2024-09-03, or 'today'"),
    N_("invalid date {value} ({reason}): expected a datetime.date, a datetime.datetime or an ISO 8601 string such as "
       "'2024-09-03'"),
    N_("invalid date {value}: expected a datetime.date, a datetime.datetime or an ISO 8601 string such as "
       "'2024-09-03'"),
    N_("unknown language {value}: expected one of {languages}; did you mean: {suggestions}?"),
    N_("unknown language {value}: expected one of {languages}"),
    *INPUTS,
)

#: The Court's chambers, as the records name them.
CHAMBERS: tuple[str, ...] = (
    N_("Pre-Trial Chamber {number}"), N_("Trial Chamber {number}"), N_("Appeals Chamber"), N_("Pre-Trial Chamber"),
    N_("Trial Chamber"), "{chamber}",
)

#: The verdicts' labels (the first part of their phrase), for texts that name a verdict in a few words.
VERDICT_LABELS: tuple[str, ...] = (
    N_("in custody"), N_("must arrest"), N_("must still arrest (article 127(2))"), N_("no duty to arrest"),
    N_("no warrant in force"),
)

#: Words that recorded values stand for: confidences, kinds of warrant and of warrant event, visit outcomes, the
#: sources' kinds, the few words the explanations put in a rule's text, why a date was refused, a person's standing,
#: the kinds of warrant record (``persons``) and of leg (``itinerary``), the separators of a query file.
WORDS: tuple[str, ...] = (
    N_("confirmed"), N_("probable"), N_("reported"), N_("disputed"), N_("unconfirmed"),
    N_("primary"), N_("secondary"), N_("reference"),
    N_("never"), N_("the start"), N_("the ICC"), N_("not recorded"),
    N_("arrested"), N_("surrendered"), N_("transferred"), N_("interim release"), N_("released"), N_("acquitted"),
    N_("convicted"), N_("sentence completed"), N_("withdrawn"), N_("vacated"), N_("proceedings terminated"),
    N_("charges confirmed"), N_("application rejected"), N_("issued additional"), N_("sentenced"),
    N_("came and was not arrested"), N_("arrested there"), N_("visit cancelled"), N_("left early"),
    N_("not a real day"), N_("empty"), N_("too long"), N_("a missing value (NaT)"),
    N_("day is out of range for month"), N_("month must be in 1..12"), N_("not ISO 8601"),
    N_("the CSV"), N_("comma"), N_("semicolon"), N_("tab"), N_("vertical bar"),
    N_("wanted"), N_("warrant"), N_("summons"), N_("requested"), N_("visit"), N_("transit"), N_("overflight"),
)


def changes_in_words(text: str) -> str:
    """The answers a user's files change, as a view's warning lists them, in the current language.

    >>> with using("fr"):
    ...     changes_in_words("Mongolia would not be a State Party; and 2 more")
    'la Mongolie ne serait pas un État partie ; et 2 de plus'
    """
    return gettext("; ").join(rewrite(part, CHANGES, capital=False, nested={"verdicts": verdicts_in_words})
                              for part in text.split("; "))


def verdicts_in_words(text: str) -> str:
    """Verdicts one after another, as a warning about a user's files says them ("must arrest, then no duty to arrest
    from 2024-01-01"), in the current language."""
    return gettext(", then ").join(rewrite(part, VERDICTS_THEN, capital=False) for part in text.split(", then "))


def error_message(text: str, lang: str | None = None) -> str:
    """An error's message (``str(error)`` or its ``for_shell``) in ``lang`` (by default the current language).

    >>> error_message("unknown country 'Mongolai': expected an ISO 3166-1 alpha-2, alpha-3 or numeric code or a "
    ...               "country name; did you mean: Mongolia?", "fr")
    "pays inconnu 'Mongolai' : attendu un code ISO 3166-1 alpha-2, alpha-3 ou numérique, ou un nom de pays ; vouliez-vous dire : Mongolie ?"
    """
    with using(lang):
        return rewrite(text, ERRORS, capital=False, nested=error_message)
