"""The one place the package reaches into pydantic's internals: models made and copied without validation, for
the answers and reasons that queries make by the hundred thousand, from values validated already.

``model_copy(update=...)`` copies through ``__copy__`` and then sets each update through the model's machinery;
``model_construct`` looks up each field's aliases. Both take two to four times as long as what is done here: an
instance made by ``object.__new__``, then given the four attributes pydantic's ``BaseModel`` keeps its state in.
Checked against pydantic 2.5 to 2.14 (the range ``pyproject.toml`` allows; 2.14.4 measured), whose ``BaseModel``
keeps an instance's state in exactly these four attributes; a pydantic that adds one would fail the examples below,
which compare the results with ``model_copy``'s and ``model_construct``'s.

>>> from icc_rules import assess
>>> answer = assess("putin", "MNG", "2024-09-03")
>>> copy = copied_with(answer, date=answer.date.replace(day=4))
>>> copy.date, copy == answer.model_copy(update={"date": copy.date})
(datetime.date(2024, 9, 4), True)
>>> made = constructed(type(answer), answer.__pydantic_fields_set__, **dict(answer))
>>> made == answer, repr(made) == repr(answer), made.model_dump() == answer.model_dump()
(True, True, True)
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["constructed", "copied_with"]

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


def constructed(model: type[M], fields_set: set[str], **values: Any) -> M:
    """What ``model.model_construct(fields_set, **values)`` makes (a flat, frozen model without extra fields or
    private attributes), in a third of the time: ``values`` must give every field, none of them validated, and
    ``fields_set`` (shared, never changed: the models are frozen) names those set explicitly."""
    made = _new(model)
    # The same four attributes as copied_with's; the values in the order of the fields, as model_construct puts
    # them (a missing one is a KeyError here, not a model without it).
    _set(made, "__dict__", {name: values[name] for name in model.__pydantic_fields__})
    _set(made, "__pydantic_fields_set__", fields_set)
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made
