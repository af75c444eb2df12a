"""The one place the package reaches into pydantic's internals: a fast copy of a flat, frozen model with a few fields
changed, for the answers a bulk of queries makes by the hundred thousand.

``model_copy(update=...)`` does the same, in about twice the time: it copies through ``__copy__`` and then sets
each update through the model's machinery. Here the copy is made the way ``model_construct`` makes an instance
(``object.__new__``, then the instance's four slots), with values that were validated when the original was made.
Checked against pydantic 2.5 to 2.14 (the range ``pyproject.toml`` allows; 2.14.4 measured), whose ``BaseModel``
keeps an instance's state in exactly these four attributes; a pydantic that adds one would fail the example below,
which compares the copy with ``model_copy``'s.

>>> from icc_rules import assess
>>> answer = assess("putin", "MNG", "2024-09-03")
>>> copy = copied_with(answer, date=answer.date.replace(day=4))
>>> copy.date, copy == answer.model_copy(update={"date": copy.date})
(datetime.date(2024, 9, 4), True)
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["copied_with"]

M = TypeVar("M", bound=BaseModel)

# object's own constructor and setter: a frozen model's ``__setattr__`` refuses every assignment, and its
# ``__init__`` would validate again.
_new, _set = object.__new__, object.__setattr__


def copied_with(model: M, **changes: Any) -> M:
    """A copy of ``model`` (flat, frozen, without extra fields or private attributes) with ``changes``, none of
    them validated: each must be a value the field's validation would keep as it is."""
    copy = _new(type(model))
    fields = model.__dict__.copy()
    fields.update(changes)
    # Internal: the four attributes pydantic's BaseModel keeps an instance's state in (its __slots__ and
    # __dict__, 2.x): the field values, the names set explicitly, extra fields (none: the models forbid or ignore
    # them) and private attributes (none on these models). model_construct sets the same four.
    _set(copy, "__dict__", fields)
    _set(copy, "__pydantic_fields_set__", model.__pydantic_fields_set__)
    _set(copy, "__pydantic_extra__", None)
    _set(copy, "__pydantic_private__", None)
    return copy
