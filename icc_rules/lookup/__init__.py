"""Resolving what users type: a person from a name, alias or id; a country from a code or a name; a day from a date,
a datetime or an ISO 8601 string. Every miss is a documented error with suggestions."""

from .countries import resolve_country
from .dates import to_date
from .persons import resolve_person

__all__ = ["resolve_country", "resolve_person", "to_date"]
