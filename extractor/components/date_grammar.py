"""Dates, detection: the grammar of calendar expressions (regular expressions over the text;
dates in news are few and regular)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import temporal as T

# month names and their abbreviations, from the one month table (temporal.MONTHS)
_ABBREVIATIONS = [m[:3].capitalize() for m in T.MONTHS if len(m) > 3]
MONTH = (
    "(?:"
    + "|".join(m.capitalize() for m in T.MONTHS)
    + "|(?:"
    + "|".join("Sept?" if a == "Sep" else a for a in _ABBREVIATIONS)
    + r")\.?)(?![a-z])"
)


DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


YEAR = r"(?:1[89]\d\d|20\d\d)"


WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:Mon|Tues?|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)"
)


RANGE_SEP = r"\s*(?:-|–|—|to|and|through|till|until)\s*"


PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b{YEAR}-[01]\d-[0-3]\d\b")),
    (
        "month_day_range",
        re.compile(
            rf"\b(?P<m>{MONTH})\s+(?P<d1>{DAY})(?P<sep>{RANGE_SEP})(?P<d2>{DAY})\b"
            rf"(?:\s*,?\s*(?P<y>{YEAR})\b)?"
        ),
    ),
    (
        "day_month_range",
        re.compile(
            rf"\b(?P<d1>{DAY})(?P<sep>{RANGE_SEP})(?P<d2>{DAY})\s+(?P<m>{MONTH})"
            rf"(?:\s*,?\s*(?P<y>{YEAR})\b)?"
        ),
    ),
    # "Wednesday, July 14", "Saturday June 25": one expression, the date's day
    (
        "weekday_month_day",
        re.compile(
            rf"\b(?P<wd>{WEEKDAY}),?\s+(?P<m>{MONTH})\s+(?P<d>{DAY})\b(?:\s*,?\s*(?P<y>{YEAR})\b)?"
        ),
    ),
    (
        "weekday_day_month",
        re.compile(
            rf"\b(?P<wd>{WEEKDAY}),?\s+(?P<d>{DAY})\s+(?P<m>{MONTH})(?:\s*,?\s*(?P<y>{YEAR})\b)?"
        ),
    ),
    ("month_day", re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY})\b(?:\s*,?\s*(?P<y>{YEAR})\b)?")),
    ("day_month", re.compile(rf"\b(?P<d>{DAY})\s+(?P<m>{MONTH})(?:\s*,?\s*(?P<y>{YEAR})\b)?")),
    ("month_year", re.compile(rf"\b(?P<m>{MONTH})\s*,?\s+(?P<y>{YEAR})\b")),
    # "June last year", "January of next year"
    (
        "month_rel_year",
        re.compile(rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+year\b"),
    ),
    (
        "week_of_month",
        re.compile(
            r"\b(?i:the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of)\s+"
            r"(?:(?i:(?P<rel>next|last|this)\s+month)|(?P<m>" + MONTH + r"))",
        ),
    ),
    # month names are capitalised: "this march" is a walk, not a month
    ("rel_month", re.compile(rf"\b(?P<rel>(?i:last|next|this|coming))\s+(?P<m>{MONTH})(?!\s*\d)")),
    (
        "ago",
        re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
            r"(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier)\b",
            re.I,
        ),
    ),
    ("year_adjective", re.compile(r"\byear[- ](?:ago|earlier)\b", re.I)),
    (
        "spelled_year",
        re.compile(
            r"\b(?:(?:eighteen|nineteen)[- ](?:hundred|(?:oh[- ])?(?:one|two|three|four|five|six|"
            r"seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            r"eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
            r"|the\s+year\s+two\s+thousand(?:\s+and)?(?:[- ](?:one|two|three|four|five|six|"
            r"seven|eight|nine|ten))?)\b",
            re.I,
        ),
    ),
    (
        "holiday",
        re.compile(
            r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>Thanksgiving(?:\s+Day)?|"
            r"Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Election\s+Day|"
            r"Easter(?:\s+Sunday)?(?!\s+(?:week|Island))|Labor\s+Day|Memorial\s+Day|Halloween|"
            r"Valentine's\s+Day)\b"
        ),
    ),
    # "that year", "later that year", "the same year": the year the story last named
    ("year_anaphor", re.compile(r"\b(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+year\b", re.I)),
    # "the following year/month/day", "that day", "earlier that day": from the last date stated
    (
        "following",
        re.compile(
            r"\bthe\s+(?:following\s+(?P<unit>year|month|day|morning)"
            r"|next\s+(?P<unit_next>day|morning))\b",
            re.I,
        ),
    ),
    # "until then", "by then": the date last stated
    ("then_anaphor", re.compile(r"\b(?:until|till|by)\s+then\b", re.I)),
    ("day_anaphor", re.compile(r"\b(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+day\b", re.I)),
    # "the year", "the current fiscal year", "year-end", "the end of the year": this year
    (
        "the_year",
        re.compile(
            r"(?<!of\s)\b(?:(?:the\s+)?end\s+of\s+the\s+year|(?:earlier|later)\s+in\s+the\s+year"
            r"|the\s+(?:current\s+|full\s+|whole\s+)?(?:fiscal\s+)?year(?:[- ]end)?"
            r"|year[- ]end|year's\s+end)\b"
            r"(?![- ]?(?:of|ago|earlier|before|after|later|long|old|\d|to|in\b|on\b|when))",
            re.I,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>last|next|this|coming|past|previous)\s+(?P<unit>week|month|year)\b", re.I
        ),
    ),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<rel>last|next|this|coming|this coming)\s+)?"
            rf"(?P<wd>{WEEKDAY})(?!\w)",
            re.I,
        ),
    ),
    (
        "part_month",
        re.compile(
            rf"\b(?P<part>(?i:early|mid|late|end of|beginning of|mid-))\s*-?\s*"
            rf"(?P<m>{MONTH})(?!\s+\d)",
        ),
    ),
    (
        "in_month",
        re.compile(
            rf"\b(?P<prep>in|since|until|till|by|before|after|during|from)\s+"
            rf"(?P<m>{MONTH})(?!\s*\d)"
        ),
    ),
    (
        "bare_month",
        re.compile(
            r"(?<![\w-])(?P<m>January|February|March|April|June|July|August|"
            r"September|October|November|December)(?![\w-])(?!\s*\d)"
        ),
    ),
    (
        "year_range",
        re.compile(
            rf"\b(?:from\s+)?(?P<y1>{YEAR})(?P<sep>\s*(?:-|–|to)\s*)"
            rf"(?P<y2>{YEAR})\b"
        ),
    ),
    ("prefixed_year", re.compile(rf"\b(?:mid|pre|post|early|late)-(?P<y>{YEAR})(?![\w-])", re.I)),
    # not a figure: "closed at 2082.1"
    ("year", re.compile(rf"(?<![\w-])(?P<y>{YEAR})(?![\w-]|[.,]\d)")),
]


@dataclass
class DateMention:
    """A found date expression before normalisation."""

    kind: str
    start: int
    end: int
    groups: dict


PATTERN_OF = dict(PATTERNS)


def find_date_mentions(text: str) -> list[DateMention]:
    """All date expressions in ``text``, longest first where they overlap."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append(DateMention(kind, start, end, {k: v for k, v in m.groupdict().items()}))
    return sorted(found, key=lambda d: d.start)
