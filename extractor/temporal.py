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

from .knowledge import words

MONTHS = words("temporal.months", ordered=True)
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


SEASON_DAYS = 90


@lru_cache(maxsize=65536)
def resolve_day_month(
    month: int, day: int, anchor: dt.date | None, direction: str = "nearest"
) -> DateValue:
    """A day and month with no year: the year nearest the anchor, else ``XXXX``.

    ``direction`` "past" (the clause is in the past tense) keeps the date on or before the
    anchor, "future" on or after it, when the nearest year would put it on the other side by
    more than a season (close dates are nearly always meant as the nearest).
    """
    if anchor is None:
        return unknown("day", month, day)
    try:
        year = nearest_year(month, day, anchor)
        value = dt.date(year, month, day)
        if direction == "past" and (value - anchor).days > SEASON_DAYS:
            value = dt.date(year - 1, month, day)
        elif direction == "future" and (anchor - value).days > SEASON_DAYS:
            value = dt.date(year + 1, month, day)
        return DateValue(value.isoformat(), "day")
    except ValueError:
        return unknown("day", month, day)


_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS.split(" "))} | {
    w: 10 * i for i, w in enumerate(_TENS.split(" "), 2)
}


def spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "the year two thousand" -> 2000, "two thousand one"."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("the", "year", "and")]
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in rest)
    if not words or words[0] not in ("eighteen", "nineteen"):
        return None
    century = NUMBER_WORDS[words[0]] * 100
    rest = words[1:]
    if rest == ["hundred"]:
        return century
    if rest[:1] == ["oh"]:
        rest = rest[1:]
    return century + sum(NUMBER_WORDS.get(w, 0) for w in rest)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th (1-based; -1 = last) ``weekday`` (Monday 0) of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt_year, nxt_month = add_months(year, month, 1)
    last = dt.date(nxt_year, nxt_month, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _election_day(year: int) -> dt.date:
    """US Election Day: the Tuesday after the first Monday of November."""
    return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)


def _easter(year: int) -> dt.date:
    from dateutil.easter import easter

    return easter(year)


# Fixed and movable feasts and days that news dates events by (US ones as the corpus has them).
HOLIDAYS = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "halloween": lambda y: dt.date(y, 10, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": _election_day,
    "easter": _easter,
    "easter sunday": _easter,
}


@lru_cache(maxsize=4096)
def resolve_holiday(name: str, anchor: dt.date | None, direction: str = "past") -> DateValue | None:
    """A named day ("Thanksgiving", "Election Day"): its date in the year the tense points to.

    "past" (the default, as for weekdays): the latest on or before the anchor; "future": the
    next on or after it; "last"/"next": strictly before/after.
    """
    rule = HOLIDAYS.get(re.sub(r"\s+", " ", name.lower()))
    if rule is None:
        return None
    if anchor is None:
        fixed = rule(2001)
        if (fixed.month, fixed.day) == ((d := rule(2002)).month, d.day):  # Christmas Eve
            return DateValue(f"XXXX-{fixed.month:02d}-{fixed.day:02d}", "day")
        return unknown("day")
    this = rule(anchor.year)
    if direction in ("past", "last"):
        before = this < anchor or (direction == "past" and this == anchor)
        value = this if before else rule(anchor.year - 1)
    else:
        after = this > anchor or (direction == "future" and this == anchor)
        value = this if after else rule(anchor.year + 1)
    return DateValue(value.isoformat(), "day")


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


def resolve_month_in_clause(month: int, anchor: dt.date | None, tense: str) -> DateValue:
    """A month named on its own ("in September", "early November").

    Looking ahead (``tense`` "future") it is the next such month; otherwise the latest one on or
    before the anchor, except the coming month: a story that means the month eleven months back
    says "last November", so "in November" written in late October is the one ahead."""
    if anchor is None:
        return unknown("month", month)
    year = anchor.year
    if tense == "future":
        year += month < anchor.month
    elif month > anchor.month + 1:
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


def resolve_partial(unit: str, shift: int, partial: str | None) -> DateValue | None:
    """ "today", "yesterday", "next month" against a date known only by day and month
    (``XXXX-07-25``, a dateline without a year): the year stays X. None for other units."""
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", partial or "")
    if not m:
        return None
    month, day = int(m[1]), int(m[2])
    if unit == "day":
        moved = dt.date(2000, month, day) + dt.timedelta(days=shift)  # a leap year: Feb 29
        return DateValue(f"XXXX-{moved.month:02d}-{moved.day:02d}", "day")
    if unit == "month":
        _, moved_month = add_months(2000, month, shift)
        return DateValue(f"XXXX-{moved_month:02d}", "month")
    return None


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
