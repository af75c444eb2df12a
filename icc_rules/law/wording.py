"""The law's texts in the reader's language: a reason's text and legal basis, a fact's label, a warning, a pending
withdrawal, an error's message. Answers are made in English; each text is written again from the template it was
made from (:func:`icc_rules.i18n.texts.rewrite`), in the language of the call (:func:`icc_rules.i18n.using`).
Nothing here decides anything: the words change, the verdict and the reasons do not.

>>> from icc_rules.i18n import using
>>> with using("fr"):
...     print(legal_basis("Rome Statute arts. 86 and 89(1)"))
Statut de Rome, art. 86 et 89-1
"""

from __future__ import annotations

from ..i18n import gettext, language
from ..i18n.messages import (
    LABELS,
    PENDING,
    WARNINGS,
    WARRANT_EVENTS,
    changes_in_words,
    error_message,
    verdicts_in_words,
)
from ..i18n.texts import rewrite
from .rules import RULES_BY_ID
from .schema import FACT_TYPES

__all__ = ["EVENTS", "error", "events", "fact_label", "legal_basis", "pending", "presence_note", "reason_text",
           "rule_doc", "warning"]

#: What a timeline says happened on a day: a warrant record's own texts, and each fact type's event templates (a
#: warrant's are those texts), longest first.
EVENTS: tuple[str, ...] = (*WARRANT_EVENTS, *sorted(
    {template for fact_type in FACT_TYPES.values() for template in fact_type.events.values()}
    - {"", "{issued_text}", "{public_text}"}, key=len, reverse=True))


def reason_text(rule_id: str, text: str) -> str:
    """The text of a reason given by the rule ``rule_id``, in the current language."""
    if language() == "en":
        return text
    rule = RULES_BY_ID[rule_id]
    if rule.verdict is None:
        return rewrite(text, (rule.text,))
    inner = rule.text.partition(": ")[2]  # "Verdict, must arrest: " then the rule's own text

    def translate(_: str) -> str:
        assert rule.verdict is not None
        label = rule.verdict.label.replace("{", "{{").replace("}", "}}")
        return gettext("Verdict, {label}: {text}").replace("{label}", label).replace("{text}", gettext(inner))

    return rewrite(text, (rule.text,), translate=translate)


def legal_basis(text: str) -> str:
    """A legal basis (a rule's or a verdict's), in the current language."""
    return gettext(text)


def rule_doc(text: str) -> str:
    """What a rule does (its ``doc``, a line of the law page), in the current language."""
    return gettext(text)


def presence_note(text: str) -> str:
    """What a leg's kind means for its verdict (the texts of the rules about how the person is in the host, joined by
    a space, as an itinerary's leg gives them), in the current language.

    >>> from icc_rules.i18n import using
    >>> with using("fr"):
    ...     presence_note("Vladimir Putin would only fly over Mongolia: an overflight brings no one before Mongolia's "
    ...                   "authorities unless the aircraft lands, so the verdict is what a forced or emergency landing "
    ...                   "there would mean.")[:40]
    'Vladimir Putin ne ferait que survoler la'
    """
    if language() == "en" or not text:
        return text
    return rewrite(text, _PRESENCE_TEXTS)


#: The texts of the rules about how the person is in the host (a leg's note).
_PRESENCE_TEXTS: tuple[str, ...] = tuple(rule.text for rule in RULES_BY_ID.values() if rule.topic == "presence")


def fact_label(text: str) -> str:
    """How a recorded fact reads, in the current language."""
    return rewrite(text, LABELS, capital=False)


def warning(text: str) -> str:
    """A warning or a "how sure" line, in the current language."""
    return rewrite(text, WARNINGS, nested={"label": fact_label, "changes": changes_in_words,
                                           "verdicts": verdicts_in_words})


def pending(text: str) -> str:
    """A pending withdrawal's phrase, in the current language."""
    return rewrite(text, PENDING, capital=False)


def error(text: str) -> str:
    """An error's message, in the current language."""
    return error_message(text)


def events(text: str) -> str:
    """What happened on a day (a timeline's ``opened_by``, a change's ``event``: events joined by "; "), in the
    current language.

    >>> from icc_rules.i18n import using
    >>> with using("fr"):
    ...     events("the Rome Statute entered into force for Armenia; arrest warrant putin-2023 issued")
    'le Statut de Rome est entré en vigueur à l’égard de l’Arménie ; mandat d’arrêt putin-2023 délivré'
    """
    if language() == "en":
        return text
    return " ; ".join(rewrite(event, EVENTS, capital=False) for event in text.split("; "))
