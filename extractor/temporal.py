"""Date normalisation: from an expression and the article's date to an ISO 8601 value.

Pure functions, no spaCy. Absolute dates with a year go through dateparser; the relative cases
that dateparser gets wrong for news (weekdays, "last week", a day and month without a year) are
resolved here against the publication date, with the tense deciding the direction.

Every parse and resolution is cached on its arguments (the expression, or its parts, and the
publication date), so a corpus of wire copy, which repeats "Tuesday" and "last week" against the
same few dates endlessly, computes each (expression, date) pair once per process.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 5, "final": 5}


@dataclass(frozen=True)
class DateValue:
    """A normalised date: ISO value (``X`` for unknown digits) and its granularity."""

    value: str
    granularity: str  # day | week | month | year


def month_index(word: str) -> int | None:
    """1-12 for "Nov.", "Sept", "June"; None for anything else."""
    w = word.strip(".").lower()
    if len(w) < 3:
        return None
    for i, name in enumerate(MONTHS, start=1):
        if name.startswith(w) and (len(w) >= 3):
            return i
    return None


def parse_iso(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` as a date, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def iso_week(day: dt.date) -> str:
    """The ISO week of a day as ``YYYY-Www``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def nearest_year(month: int, day: int, anchor: dt.date) -> int:
    """The year that puts ``month``/``day`` nearest to ``anchor``."""
    best_year, best_gap = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        gap = abs((candidate - anchor).days)
        if best_gap is None or gap < best_gap:
            best_year, best_gap = year, gap
    return best_year


@lru_cache(maxsize=65536)
def resolve_weekday(weekday: int, anchor: dt.date, direction: str) -> dt.date:
    """The weekday (0 = Monday) nearest ``anchor`` in ``direction``.

    ``past``: the most recent such day on or before the anchor; ``future``: the first on or after;
    ``last``/``next``: strictly before/after (a week away when the anchor is that day).
    """
    delta = (anchor.weekday() - weekday) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=delta)
    if direction == "last":
        return anchor - dt.timedelta(days=delta or 7)
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor + dt.timedelta(days=ahead)


def unknown(granularity: str, month: int | None = None, day: int | None = None) -> DateValue:
    """A value with ``X`` digits for what the article does not fix."""
    if granularity == "day":
        mm = f"{month:02d}" if month else "XX"
        dd = f"{day:02d}" if day else "XX"
        return DateValue(f"XXXX-{mm}-{dd}", "day")
    if granularity == "month":
        return DateValue(f"XXXX-{month:02d}" if month else "XXXX-XX", "month")
    if granularity == "week":
        return DateValue("XXXX-WXX", "week")
    return DateValue("XXXX", "year")


@lru_cache(maxsize=65536)
def parse_absolute(text: str) -> DateValue | None:
    """An expression that states its year ("June 17, 2020", "Nov. 2005", "17 June 2020").

    Parsed with dateparser; the period it reports gives the granularity.
    """
    cleaned = re.sub(r"\s+,", ",", text.replace("Sept.", "Sep.").strip())
    data = _parser().get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return DateValue(f"{day.year:04d}", "year")
    if data.period == "month":
        return DateValue(f"{day.year:04d}-{day.month:02d}", "month")
    return DateValue(day.isoformat(), "day")


@lru_cache(maxsize=1)
def _parser():
    """One dateparser parser per process (it takes a moment to load its language data)."""
    import dateparser.date

    return dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
            "RETURN_TIME_AS_PERIOD": False,
            "STRICT_PARSING": False,
        },
    )


@lru_cache(maxsize=65536)
def resolve_day_month(month: int, day: int, anchor: dt.date | None) -> DateValue:
    """A day and month with no year: the year nearest the anchor, else ``XXXX``."""
    if anchor is None:
        return unknown("day", month, day)
    try:
        year = nearest_year(month, day, anchor)
        return DateValue(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return unknown("day", month, day)


@lru_cache(maxsize=65536)
def resolve_month(month: int, anchor: dt.date | None, direction: str = "nearest") -> DateValue:
    """A month with no year ("in July", "early January")."""
    if anchor is None:
        return unknown("month", month)
    year = anchor.year
    if direction == "nearest":
        year = nearest_year(month, 15, anchor) if month != anchor.month else anchor.year
    elif direction == "future" and month < anchor.month:
        year += 1
    elif direction == "same":
        year = anchor.year
    elif direction == "past" and month > anchor.month:
        year -= 1
    return DateValue(f"{year:04d}-{month:02d}", "month")


@lru_cache(maxsize=65536)
def resolve_relative(unit: str, shift: int, anchor: dt.date | None) -> DateValue:
    """ "last week" (unit week, shift -1), "this year" (year, 0), "tomorrow" (day, +1)..."""
    if anchor is None:
        return unknown(unit)
    if unit == "day":
        return DateValue((anchor + dt.timedelta(days=shift)).isoformat(), "day")
    if unit == "week":
        return DateValue(iso_week(anchor + dt.timedelta(weeks=shift)), "week")
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, shift)
        return DateValue(f"{year:04d}-{month:02d}", "month")
    return DateValue(f"{anchor.year + shift:04d}", "year")


@lru_cache(maxsize=65536)
def resolve_week_of_month(ordinal: int, month_shift: int, anchor: dt.date | None) -> DateValue:
    """ "the second week of next month": the ISO week holding that week's first day."""
    if anchor is None:
        return unknown("week")
    year, month = add_months(anchor.year, anchor.month, month_shift)
    if ordinal >= 5:  # "the last week of"
        nxt_year, nxt_month = add_months(year, month, 1)
        day = dt.date(nxt_year, nxt_month, 1) - dt.timedelta(days=1)
    else:
        first = dt.date(year, month, 1)
        monday = first - dt.timedelta(days=first.weekday())
        day = monday + dt.timedelta(weeks=ordinal - 1)
        if first.weekday() > 3:  # ISO rule: a week belongs where its Thursday is
            day += dt.timedelta(weeks=1)
    return DateValue(iso_week(day), "week")
