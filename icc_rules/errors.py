"""The exceptions icc-rules raises, all in one place.

The hierarchy::

    ICCRulesError                       every error this library raises on purpose
    ├── InputError (ValueError)         an argument is malformed
    │   └── InvalidDateError            a date that is not a date (or not a real day)
    ├── LookupFailed (LookupError)      an argument names nothing in the dataset
    │   ├── UnknownPersonError          no person matches the name or id
    │   ├── AmbiguousPersonError        several persons match the name
    │   └── UnknownCountryError         no country matches the name or code
    ├── DataError (ValueError)          a data file is missing, malformed or inconsistent
    │   └── FeedError                   a feed ``icc-rules data watch`` reads is unreachable, empty or malformed
    ├── EngineError (RuntimeError)      the rules engine failed to reach a verdict
    └── MissingExtraError (ImportError) an optional feature needs a package that is not installed

Catch ``ICCRulesError`` to handle all of them; lookups are also ``LookupError``, malformed input a ``ValueError``
and a missing optional package an ``ImportError``, so code that already catches those keeps working.

>>> issubclass(UnknownPersonError, LookupError), issubclass(InvalidDateError, ValueError)
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence


class ICCRulesError(Exception):
    """Base class of every error raised by icc-rules.

    >>> from icc_rules import can_travel
    >>> try:
    ...     can_travel("Nobody Atall", "Mongolia", "2024-09-03")
    ... except ICCRulesError as error:
    ...     print(type(error).__name__)
    UnknownPersonError
    """

    @property
    def for_shell(self) -> str:
        """The message as the command line shows it to a shell user: the same, unless the error speaks of Python
        types a shell user never sees (:class:`InvalidDateError`)."""
        return str(self)


class InputError(ICCRulesError, ValueError):
    """Raised when an argument has the wrong form.

    >>> issubclass(InvalidDateError, InputError)
    True
    """


class InvalidDateError(InputError):
    """Raised when a date argument is not a date, a datetime or an ISO 8601 string of a real day.

    The message names the Python types a caller can pass; :attr:`for_shell` says what a shell user can type.

    >>> failure = InvalidDateError("3/9/2024", "not ISO 8601")
    >>> str(failure)  # doctest: +ELLIPSIS
    "invalid date '3/9/2024' (not ISO 8601): expected a datetime.date, ..."
    >>> failure.for_shell
    "invalid date '3/9/2024' (not ISO 8601): expected a day as YYYY-MM-DD, such as 2024-09-03, or 'today'"
    """

    def __init__(self, value: object, reason: str = "") -> None:
        self.value = value
        detail = f" ({reason})" if reason else ""
        shown = repr(value)
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        self._shell = f"invalid date {shown}{detail}: expected a day as YYYY-MM-DD, such as 2024-09-03, or 'today'"
        super().__init__(
            f"invalid date {shown}{detail}: expected a datetime.date, a datetime.datetime "
            "or an ISO 8601 string such as '2024-09-03'"
        )

    @property
    def for_shell(self) -> str:
        return self._shell


class LookupFailed(ICCRulesError, LookupError):
    """Base class of the errors raised when an argument names nothing known; ``suggestions`` lists close matches.

    >>> UnknownCountryError("Mongolai", ["Mongolia"]).suggestions
    ['Mongolia']
    """

    def __init__(self, message: str, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = list(suggestions)
        super().__init__(message)

    def __str__(self) -> str:  # LookupError would quote the message like a key
        return str(self.args[0])


def short_repr(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters: an error message never quotes more of a user's input.

    >>> short_repr("x" * 200)[-6:], len(short_repr("x" * 200))
    ('xxx...', 80)
    """
    shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit - 3] + "..."


def _did_you_mean(suggestions: Sequence[str]) -> str:
    return f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""


class UnknownPersonError(LookupFailed):
    """Raised when no person in the dataset matches a name, alias or id.

    >>> print(UnknownPersonError("Puttin", ["Vladimir Putin (putin)"]))  # doctest: +ELLIPSIS
    unknown person 'Puttin': expected a name, alias or id ...; did you mean: Vladimir Putin (putin)?
    """

    def __init__(self, query: str, suggestions: Sequence[str] = (), expected_type: str | None = None) -> None:
        if expected_type is not None:  # not a string at all: ``query`` is its (short) repr
            message = (f"unknown person {query}: expected a str (a name, alias or id of a person in the dataset) "
                       f"or a Person, not {expected_type}")
        else:
            message = (f"unknown person {query!r}: expected a name, alias or id of a person in the dataset "
                       f"(see `icc-rules persons`){_did_you_mean(suggestions)}")
        super().__init__(message, query, suggestions)


class AmbiguousPersonError(LookupFailed):
    """Raised when a name matches several persons; ``candidates`` lists their ids.

    >>> AmbiguousPersonError("Gaddafi", ["muammar-gaddafi", "saif-gaddafi"]).candidates
    ['muammar-gaddafi', 'saif-gaddafi']
    """

    def __init__(self, query: str, candidates: Sequence[str]) -> None:
        self.candidates = list(candidates)
        super().__init__(
            f"ambiguous person {query!r}: it matches {', '.join(candidates)}; "
            "give a fuller name or one of these ids",
            query,
            candidates,
        )


class UnknownCountryError(LookupFailed):
    """Raised when no country matches a name or an ISO 3166-1 code.

    >>> print(UnknownCountryError("Atlantis"))
    unknown country 'Atlantis': expected an ISO 3166-1 alpha-2, alpha-3 or numeric code or a country name
    """

    def __init__(self, query: str, suggestions: Sequence[str] = (), expected_type: str | None = None) -> None:
        if expected_type is not None:  # not a string at all: ``query`` is its (short) repr
            message = (f"unknown country {query}: expected a str (an ISO 3166-1 code or a country name) or a "
                       f"Country, not {expected_type}")
        else:
            message = (f"unknown country {query!r}: expected an ISO 3166-1 alpha-2, alpha-3 or numeric code or a "
                       f"country name{_did_you_mean(suggestions)}")
        super().__init__(message, query, suggestions)


class DataError(ICCRulesError, ValueError):
    """Raised when a data file cannot be read or fails validation; the message names the file and record.

    >>> from pathlib import Path
    >>> from icc_rules import load_data
    >>> load_data(Path("/no/such/dir"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    icc_rules.errors.DataError: /no/such/dir/dataset.toml: cannot read the data file ...
    """


class FeedError(DataError):
    """Raised when a news feed or list of notices (``icc-rules data watch``) cannot be read in time, holds no item or
    is not the XML it should be; the message names the feed.

    >>> issubclass(FeedError, DataError)
    True
    """


class EngineError(ICCRulesError, RuntimeError):
    """Raised when the rules engine fails while deciding a query (a bug: please report it).

    >>> issubclass(EngineError, RuntimeError)
    True
    """


class MissingExtraError(ICCRulesError, ImportError):
    """Raised when a feature needs an optional package that is not installed; the message says how to install the
    extra that brings it (``hint``: by default with pip from PyPI).

    >>> raise MissingExtraError("the world map", "map", "pygal")
    Traceback (most recent call last):
    ...
    icc_rules.errors.MissingExtraError: the world map needs the optional package pygal: pip install "icc-rules[map]"
    """

    def __init__(self, feature: str, extra: str, package: str, hint: str | None = None) -> None:
        self.extra = extra
        install = hint or f'pip install "icc-rules[{extra}]"'
        super().__init__(f"{feature} needs the optional package {package}: {install}", name=package)
