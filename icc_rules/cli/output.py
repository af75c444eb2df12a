"""Writing what the command line says: human text made safe for a terminal, warnings and errors on stderr, and the
ways writing can fail (a closed pipe, a full disk, an encoding that cannot show a character) told apart.

Text from data files (names, titles, addresses, notes, a user's own files) is shown, never obeyed: a control
character in it (an escape sequence that moves the cursor, clears the screen or retitles the window, a carriage
return that overwrites a line, a right-to-left override that reorders what is shown) is written as a visible escape.

>>> safe("Putin\\x1b[2J\\u202e")
'Putin\\\\x1b[2J\\\\u202e'
>>> safe("two\\nlines\\tand a tab")
'two\\nlines\\tand a tab'
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO

from ..i18n import gettext
from ..law import wording

__all__ = ["OutputClosed", "OutputFailed", "Stdout", "error", "human", "human_with_warnings", "safe", "warn"]

#: Unicode's bidirectional formatting characters: they reorder what a terminal shows (Trojan Source, CVE-2021-42574).
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
#: Every character that a terminal may obey rather than show, but new lines and tabs, and how it is written instead.
_NEUTRALISED = {
    code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    for code in (*range(0x20), *range(0x7F, 0xA0), *_BIDI) if code not in (0x09, 0x0A)
}


def safe(text: str) -> str:
    """``text`` with every control character but new lines and tabs written as a visible escape (``\\x1b``)."""
    return text.translate(_NEUTRALISED)


def human(text: str) -> None:
    """Print human-readable text on stdout, made safe for a terminal."""
    print(safe(text))


def human_with_warnings(text: str, warnings: Sequence[str]) -> None:
    """Print a view's human text with its warnings under its first line, the headline, where a reader looks first
    (each warning once: a view gives one per user's file, never one per record)."""
    head, _, rest = text.partition("\n")
    said = (gettext("  warning: {warning}").format(warning=wording.warning(warning)) for warning in warnings)
    human("\n".join([head, *said, *([rest] if rest else [])]))


def warn(message: str) -> None:
    """Print a warning on stderr, one line: ``icc-rules: warning: ...``."""
    sys.stdout.flush()  # what came before the warning is shown before it
    _stderr(f"icc-rules: warning: {safe(message)}")


def error(message: str) -> None:
    """Print an error on stderr: ``icc-rules: error: ...``, one line (a data file's list of problems adds one
    indented line for each)."""
    _stderr(f"icc-rules: error: {safe(message)}")


def _stderr(line: str) -> None:
    if sys.stderr is not None:  # started with stderr closed (2>&-): print would fall back on stdout
        print(line, file=sys.stderr, flush=True)


class OutputClosed(Exception):
    """The reader of stdout went away (a closed pipe: ``icc-rules persons | head -1``)."""


class OutputFailed(Exception):
    """stdout cannot take the output: a full disk, an unwritable file, or a character its encoding cannot show."""


class Stdout:
    """stdout for the length of a command: every write and flush goes to ``target``, and a failure to write is
    :class:`OutputClosed` or :class:`OutputFailed` instead of an ``OSError`` that could be mistaken for one about an
    input file. Anything else is ``target``'s. (Not an ``io`` class: one of those would close ``target`` when it is
    collected.)"""

    def __init__(self, target: TextIO) -> None:
        self.target = target

    def __getattr__(self, name: str) -> object:
        return getattr(self.target, name)

    def write(self, text: str) -> int:
        try:
            return self.target.write(text)
        except (BrokenPipeError, ConnectionResetError) as failure:
            raise OutputClosed() from failure
        except UnicodeEncodeError as failure:
            shown = failure.object[failure.start:failure.end].encode("unicode_escape").decode("ascii")
            raise OutputFailed(
                f"cannot write the output: its encoding ({failure.encoding}) cannot show '{shown}'; use a UTF-8 "
                "locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8") from failure
        except OSError as failure:
            raise OutputFailed(f"cannot write the output: {failure.strerror or failure}") from failure

    def flush(self) -> None:
        try:
            self.target.flush()
        except (BrokenPipeError, ConnectionResetError) as failure:
            raise OutputClosed() from failure
        except OSError as failure:
            raise OutputFailed(f"cannot write the output: {failure.strerror or failure}") from failure

    def isatty(self) -> bool:
        return self.target.isatty()

    def discard(self) -> None:
        """After a failure: nothing more is written, and the interpreter's last flush of stdout finds nothing to
        fail on (Python's own advice for a closed pipe: point the file descriptor at /dev/null)."""
        try:
            descriptor = self.target.fileno()
        except (AttributeError, OSError, ValueError):  # not a real file (a test's capture): nothing to silence
            return
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, descriptor)
        os.close(null)
