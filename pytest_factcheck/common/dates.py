"""The one date parser of the package: facts (``as_of``, a waiver's ``until``, a
``published`` window), manifests (``published``) and ``--factcheck-today`` all read dates
here, so they accept and refuse exactly the same things.

A date is written ``YYYY-MM-DD``. YAML's loader turns such a scalar into a ``date`` when it
is a real day, and leaves the text when it is not (``2025-02-30``), so both arrive here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["DateError", "parse_date"]

_SHAPE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


class DateError(ValueError):
    """A value that is not a date; its text is one sentence naming what was being read."""


def parse_date(value: object, what: str) -> dt.date:
    """``value`` (a ``date``, a ``datetime`` or ``YYYY-MM-DD`` text) as a date.

    ``what`` names the value in the error, e.g. ``"'as_of'"``. Raises DateError, e.g.
    "'as_of' is not a real date: 2025-02-30 (February 2025 has 28 days)" or
    "'until' must be a date written YYYY-MM-DD, not 'next week'".
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = value.strip() if isinstance(value, str) else None
    match = _SHAPE.match(text) if text is not None else None
    if match is None:
        raise DateError(f"{what} must be a date written YYYY-MM-DD, not {value!r}")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise DateError(f"{what} is not a real date: {text} (there is no month {month})")
    if year < 1:
        raise DateError(f"{what} is not a real date: {text} (there is no year 0)")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise DateError(f"{what} is not a real date: {text} ({name} {year} has {last} days)")
    return dt.date(year, month, day)
