"""The views' internal API: what the layers above (the views, the web, the MCP server and the command line) use of
:mod:`icc_rules.api` besides its public names, and the only other module of it they may import (a test holds them to
it). Not public: these names may change between releases.

* ``About``: the base of an answer that names its person and country, resolved;
* ``dataset``: the dataset a call answers from, the one given or the shipped data;
* ``day_of``: a day as the library reads it (``DateLike``; ``None``: today);
* ``after_as_of``: the warning an answer about a day after the dataset's as_of date carries;
* ``forget``: forget every answer kept for a dataset, so that the rules decide afresh (tests, benchmarks);
* ``inputs_differ``: the persons and hosts whose facts, as the rules see them, differ between two datasets;
* ``FlatAnswer``, ``flat_answers``: the flat record of an answer (bulk), for many queries at once, made without
  building the whole answers;
* ``rests_on_no_territory_record``, ``unrecorded_territories_warning``, ``TERRITORIES_WARNING``: the law's finding
  that a dependent territory is answered as a non-party on no record of its own, and the warning that says so
  (:mod:`icc_rules.law.territories`);
* ``events_in_words``, ``warning_in_words``, ``country_name_in``: what happened on a day (a timeline's events), a
  warning and a country's name, in the current language (:mod:`icc_rules.law.wording`, :func:`icc_rules.i18n.using`);
* ``note_in_words``, ``pending_in_words``, ``chamber_in_words``, ``source_in_words``, ``in_english_mark``: a leg's
  note, a pending withdrawal, a chamber, a source as cited, and the mark of a text recorded in English, in the
  current language.
"""

from ..law.territories import TERRITORIES_WARNING, rests_on_no_territory_record, unrecorded_territories_warning
from ..law.wording import events as events_in_words
from ..law.wording import pending as pending_in_words
from ..law.wording import presence_note as note_in_words
from ..law.wording import warning as warning_in_words
from .answers import About, chamber_in_words, country_name_in
from .answers import _cited as source_in_words
from .answers import _in_english as in_english_mark
from .flat import FlatAnswer, flat_answers
from .inputs import inputs_differ
from .queries import after_as_of, dataset, day_of, forget

__all__ = [
    "TERRITORIES_WARNING", "About", "FlatAnswer", "after_as_of", "chamber_in_words", "country_name_in", "dataset",
    "day_of", "events_in_words", "flat_answers", "forget", "in_english_mark", "inputs_differ", "note_in_words",
    "pending_in_words", "rests_on_no_territory_record", "source_in_words", "unrecorded_territories_warning",
    "warning_in_words",
]
