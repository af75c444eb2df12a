"""Every text a reader of an answer sees is written for people: the reader's note of every record, every rule's text,
legal basis and explanation, the verdicts' words and the warning templates hold no working notes.

A working note names a field or a file (``made_public = issued``, "recorded in precedents.toml"), quotes code
(backticks), or keeps the curator's bookkeeping ("not cited", "machine-written"); that belongs in the record's
curation record (``curation``), which ``icc-rules data curation`` prints and answers never show. A reader's note is
at most two sentences and 60 words: what the sources say, where they disagree and which is followed.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
from collections.abc import Callable, Iterator

import pytest
from pydantic import BaseModel

from icc_rules.cli import EXIT_OK, main
from icc_rules.data import models, shipped
from icc_rules.data.audit import shipped_records
from icc_rules.law import doubts
from icc_rules.law.rules import RULES
from icc_rules.law.verdicts import VERDICT_TABLE

#: The longest reader's note, in words; two sentences of this length say what a reader needs.
MOST_WORDS = 60
MOST_SENTENCES = 2

_FIELDS = frozenset(
    name
    for model in vars(models).values() if isinstance(model, type) and issubclass(model, BaseModel)
    for field, info in model.model_fields.items()
    for name in (field, info.alias) if name and "_" in name
)
"""The data's field names that cannot be plain words (``made_public``, ``confirmed_until``, ``in_force``)."""

_WORKING_NOTE = [
    (re.compile(r"`"), "backticks"),
    (re.compile(r"="), "an = assignment"),
    (re.compile(r"\b[\w-]+\.(?:toml|py|json|csv|md)\b"), "a file name"),
    (re.compile(r"\bnot cited\b", re.IGNORECASE), '"not cited"'),
    (re.compile(r"machine-written", re.IGNORECASE), '"machine-written"'),
    (re.compile(r"\b(?:" + "|".join(sorted(_FIELDS)) + r")\b"), "a field name"),
]
# A sentence ends at . ! or ? before a capital or an opening bracket ("art. 12(3)" and "Dec 2019" do not end one).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def working_notes(text: str) -> list[str]:
    """What in ``text`` is a working note, in words; empty when it is written for a reader.

    >>> working_notes("The Court's release gives 17 March 2006; the judgment's 16 March is followed.")
    []
    >>> working_notes("Issued and announced the same day (hence made_public = issued); see precedents.toml.")
    ['an = assignment', 'a file name', 'a field name']
    """
    return [name for pattern, name in _WORKING_NOTE if pattern.search(text)]


def note_problems(note: str) -> list[str]:
    """A reader's note's working notes, and its length when it runs over two sentences or 60 words."""
    words, sentences = len(note.split()), len(_SENTENCE_END.split(note.strip()))
    return [*working_notes(note), *([f"{words} words"] if words > MOST_WORDS else []),
            *([f"{sentences} sentences"] if sentences > MOST_SENTENCES else [])]


def _notes(node: object, where: str) -> Iterator[tuple[str, str]]:
    """``(where, note)`` for every record under ``node`` (itself included) that has a reader's note."""
    if isinstance(node, BaseModel):
        note = getattr(node, "note", None)
        if isinstance(note, str):
            yield where, note
        for name in type(node).model_fields:
            yield from _notes(getattr(node, name), f"{where}: {name}")
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            yield from _notes(item, f"{where}[{index}]")


def _template_text(function: Callable[..., object]) -> Iterator[str]:
    """The literal text of every string a function writes (its docstring aside), each ``{...}`` placeholder as X."""
    (definition,) = ast.parse(inspect.getsource(function)).body
    assert isinstance(definition, ast.FunctionDef)
    body = definition.body[1:] if ast.get_docstring(definition) else definition.body
    for node in (found for statement in body for found in ast.walk(statement)):
        if isinstance(node, ast.JoinedStr):
            yield "".join(str(part.value) if isinstance(part, ast.Constant) else "X" for part in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
            yield node.value


def test_every_reader_note_is_two_short_sentences_for_a_reader() -> None:
    notes = [*_notes(shipped().info, "dataset"),
             *(found for _, where, record in shipped_records() for found in _notes(record, where))]
    assert len(notes) > 500  # every record of every file is read, the nested ones too
    problems = [f"{where}: {', '.join(found)}" for where, note in notes if (found := note_problems(note))]
    assert problems == []


def test_the_rules_texts_legal_bases_and_explanations_hold_no_working_note() -> None:
    texts = [(f"{rule.id} {part}", _PLACEHOLDER.sub("X", getattr(rule, part)))
             for rule in RULES for part in ("text", "legal_basis", "doc")]
    assert [f"{where}: {found}" for where, text in texts if (found := working_notes(text))] == []


def test_the_verdicts_words_and_the_warning_templates_hold_no_working_note() -> None:
    texts = [(meaning.verdict.value, text) for meaning in VERDICT_TABLE
             for text in (meaning.short, meaning.description, meaning.legal_basis)]
    texts += [(function.__name__, text) for function in (doubts.warning, doubts.how_sure)
              for text in _template_text(function)]
    assert len(texts) > 15
    assert [f"{where}: {text!r}: {found}" for where, text in texts if (found := working_notes(text))] == []


@pytest.mark.parametrize(("note", "found"), [
    ("Issued under seal; its existence was announced the same day (hence made_public = issued).",
     ["an = assignment", "a field name"]),
    ("The Court's visits are recorded in precedents.toml.", ["a file name"]),
    ("Born in 1964, exact date unknown, so `born` is omitted.", ["backticks"]),
    ("An AFP report was found only in a copy and is not cited.", ['"not cited"']),
    ("Press digests of machine-written news agree.", ['"machine-written"']),
    ("The newest source is of May 2026 (confirmed_until).", ["a field name"]),
    ("One. Two. Three.", ["3 sentences"]),
    (" ".join(["word"] * 61) + ".", ["61 words"]),
])
def test_the_check_finds_each_kind_of_working_note(note: str, found: list[str]) -> None:
    assert note_problems(note) == found


def test_the_curation_record_is_shown_to_maintainers_and_never_in_answers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "curation", "person putin: warrants"]) == EXIT_OK
    listing = capsys.readouterr().out
    assert "person putin: warrants[putin-2023] (confirmed)\n  note: War crimes" in listing
    assert "hence made_public = issued" in " ".join(listing.split())
    assert listing.endswith("\n1 record(s) with a curation record\n")
    assert main(["data", "curation", "state HUN", "--json"]) == EXIT_OK
    records = json.loads(capsys.readouterr().out)["records"]
    assert records and all(row["record"].startswith("state HUN") and row["curation"] for row in records)
    for answer in (["check", "putin", "MN", "2024-09-03", "--json"], ["check", "putin", "MN", "2024-09-03"],
                   ["hosts", "putin", "--json"]):
        assert main(answer) == EXIT_OK
        assert "curation" not in (shown := capsys.readouterr().out) and "made_public = issued" not in shown
