"""Date expressions: find them in the text, then normalise each against the article's date.

Detection is a small grammar of regular expressions over the text (dates in news are few and
regular); the parse (tense of the governing verb, numbers that count things) decides the cases
the surface leaves open. Sets ``doc.spans[Spans.DATES]`` and ``doc._.dates``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import temporal as T
from ..contract import Spans, assigns, requires
from ..extensions import doc_text, in_furniture
from ..knowledge import words
from .base import RuleComponent
from .date_grammar import PATTERN_OF, DateMention, find_date_mentions
from .parse import PAST_AUX, auxiliaries, governing_verb, is_future, token_at

COUNT_HEADS = words("dates.count_heads")
# Expressions that state a date outright: what "that year", "that day" refer back to
STATED = words("dates.stated")
RELATIVE_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}


EVENT_NAME = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z]")


def is_month_name_of_event(text: str, end: int) -> bool:
    """ "the March for Life", "the March of the Combatant Mothers", "a March on Washington"."""
    return EVENT_NAME.match(text, end) is not None


def is_agent_may(doc: Doc, start: int, groups: dict) -> bool:
    """ "rejected by May" names the agent of a passive (a person called May), unlike "conclude
    by May"."""
    if groups["m"] != "May" or groups["prep"] != "by":
        return False
    by = token_at(doc, start)
    return by is None or by.dep_ == "agent"


# present forms (the pipeline has no lemmatizer) of verbs that report rather than schedule
REPORTING = {
    form for base in words("dates.reporting_verbs", ordered=True) for form in (base, base + "s")
} | {"is", "are", "am", "'s", "'re", "has", "have", "does", "do"}
# verbs whose past is spelt as their present: the tagger cannot tell "hurt" from "hurt"
SAME_PAST = words("dates.same_past")
NOT_TIMETABLE = REPORTING | SAME_PAST


def is_scheduled(doc: Doc, start_char: int) -> bool:
    """A weekday on a verb in the simple present states a timetable: "Arafat meets Albright
    Monday", "the talks open Tuesday" (but not "says Monday", "is in Hanoi on Monday")."""
    day = token_at(doc, start_char)
    if day is None:
        return False
    verb = day.head if day.dep_ == "npadvmod" else day.head.head if day.dep_ == "pobj" else day
    if verb.tag_ not in ("VBP", "VBZ") or verb.lower_ in NOT_TIMETABLE:
        return False
    return not any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)


# words that may stand capitalised before a date without making it part of a name
BEFORE_A_DATE = words("dates.before_a_date")


def is_name_or_count(doc: Doc, start_char: int, end_char: int, text: str) -> bool:
    """A bare year that is part of a name ("Regulations 2005", "APEC-2006") or a count."""
    before = text[max(0, start_char - 2) : start_char]
    after = text[end_char : end_char + 2]
    if before.endswith("-") or after.startswith("-") or before.endswith("/"):
        return True
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    prev = doc[token.i - 1] if token.i > 0 else None
    if (
        prev is not None
        and prev.is_title
        and prev.is_alpha
        and not prev.is_sent_start
        and prev.lower_ not in BEFORE_A_DATE
        and T.month_index(prev.text) is None
    ):
        return True
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and (nxt.lower_ in COUNT_HEADS or nxt.text == "%"):
        return True
    return bool(token.dep_ == "nummod" and token.head.lower_ in COUNT_HEADS)


def anchor_of(doc: Doc, text: str) -> dt.date | None:
    """The publication date, else the latest full date the article states, else None."""
    published = T.parse_iso(doc._.published)
    if published:
        return published
    latest = None
    for m in PATTERN_OF["month_day"].finditer(text):
        if m["y"]:
            value = T.parse_absolute(m.group(0))
            day = T.parse_iso(value.value) if value else None
            if day and (latest is None or day > latest):
                latest = day
    return latest


def _day_value(
    month_word: str,
    day_text: str,
    year: str | None,
    anchor: dt.date | None,
    direction: str = "nearest",
) -> T.DateValue | None:
    month = T.month_index(month_word)
    day = int(re.sub(r"\D", "", day_text))
    if month is None:
        return None
    if year:
        try:
            return T.DateValue(dt.date(int(year), month, day).isoformat(), "day")
        except ValueError:
            return None
    return T.resolve_day_month(month, day, anchor, direction)


def _sentence_start(doc: Doc, start_char: int) -> bool:
    token = token_at(doc, start_char)
    return token is None or token.is_sent_start


def clause_tense(doc: Doc, start_char: int) -> str:
    """ "future", "past" or "nearest" (no tense to go by) for the clause around an expression."""
    if is_future(doc, start_char):
        return "future"
    token = token_at(doc, start_char)
    if token is None:
        return "nearest"
    verb = governing_verb(token)
    if verb.tag_.startswith("VB") and (verb.tag_ == "VBD" or auxiliaries(verb) & PAST_AUX):
        return "past"
    return "nearest"


def _relative(doc: Doc, unit: str, shift: int, anchor: dt.date | None) -> T.DateValue:
    """A relative date against the anchor; with none, against a dateline's day and month."""
    if anchor is None:
        partial = T.resolve_partial(unit, shift, doc._.partial_date)
        if partial is not None:
            return partial
    return T.resolve_relative(unit, shift, anchor)


def normalise(
    doc: Doc, mention: DateMention, anchor: dt.date | None, last: T.DateValue | None = None
) -> Iterator[tuple[int, int, T.DateValue]]:
    """Normalised parts of one mention: (start, end, value); ranges give two parts.

    ``last`` is the date the article last stated outright, for "that year", "that day" and
    "the following month"."""
    g, text = mention.groups, doc_text(doc)
    kind, start, end = mention.kind, mention.start, mention.end
    if kind == "iso":
        yield start, end, T.DateValue(text[start:end], "day")
    elif kind in ("month_day_range", "day_month_range"):
        first = _day_value(g["m"], g["d1"], g["y"], anchor)
        second = _day_value(g["m"], g["d2"], g["y"], anchor)
        if first and second:
            d2_start = start + text[start:end].index(g["sep"]) + len(g["sep"])
            if kind == "month_day_range":
                first_end = d2_start - len(g["sep"])
                yield start, first_end, first
                yield d2_start, d2_start + len(g["d2"]), second
            else:
                yield start, start + len(g["d1"]), first
                yield d2_start, end, second
    elif kind in ("month_day", "day_month", "weekday_month_day", "weekday_day_month"):
        value = _day_value(g["m"], g["d"], g["y"], anchor, clause_tense(doc, start))
        if value:
            yield start, end, value
    elif kind == "month_year":
        month = T.month_index(g["m"])
        if month:
            yield start, end, T.DateValue(f"{int(g['y']):04d}-{month:02d}", "month")
    elif kind == "week_of_month":
        ordinal = T.ORDINALS[g["ord"].lower()]
        if g.get("rel"):
            yield (
                start,
                end,
                T.resolve_week_of_month(ordinal, RELATIVE_SHIFT[g["rel"].lower()], anchor),
            )
        elif anchor is not None:
            month = T.month_index(g["m"])
            target = T.resolve_month(month, anchor)
            y, mth = (int(x) for x in target.value.split("-"))
            shift = (y * 12 + mth) - (anchor.year * 12 + anchor.month)
            yield start, end, T.resolve_week_of_month(ordinal, shift, anchor)
    elif kind == "relative":
        words = text[start:end].split()
        if all(w[:1].isupper() for w in words) and not _sentence_start(doc, start):
            return  # "ABC's This Week": a title, not a date
        shift = RELATIVE_SHIFT[g["rel"].lower()]
        yield start, end, _relative(doc, g["unit"].lower(), shift, anchor)
    elif kind == "deictic":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        yield start, end, _relative(doc, "day", shift, anchor)
    elif kind == "weekday":
        if not g["wd"][0].isupper():
            return
        weekday = next(
            i for i, w in enumerate(T.WEEKDAYS) if w.startswith(g["wd"].lower().rstrip(".")[:3])
        )
        rel = (g.get("rel") or "").lower()
        if rel == "last":
            direction = "last"
        elif rel in ("next", "coming", "this coming"):
            direction = "next" if rel == "next" else "future"
        else:
            direction = "future" if is_future(doc, start) or is_scheduled(doc, start) else "past"
        if anchor is None:
            yield start, end, T.unknown("day")
        else:
            yield (
                start,
                end,
                T.DateValue(T.resolve_weekday(weekday, anchor, direction).isoformat(), "day"),
            )
    elif kind == "month_rel_year":
        month = T.month_index(g["m"])
        year = T.resolve_relative("year", RELATIVE_SHIFT[g["rel"].lower()], anchor).value
        if month is not None:
            yield start, end, T.DateValue(f"{year}-{month:02d}", "month")
    elif kind == "rel_month":
        month = T.month_index(g["m"])
        rel = g["rel"].lower()
        direction = {"last": "past", "next": "future", "coming": "future"}.get(rel, "same")
        if month is not None:
            yield start, end, T.resolve_month(month, anchor, direction)
    elif kind == "ago":
        words = {
            "a": 1,
            "an": 1,
            "one": 1,
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
        }
        n = (
            words.get(g["n"].lower()) or int(g["n"])
            if g["n"].lower() in words or g["n"].isdigit()
            else 1
        )
        sign = 1 if g["dir"].lower() == "later" else -1
        yield start, end, T.resolve_relative(g["unit"].lower(), sign * n, anchor)
    elif kind == "bare_month":
        if is_month_name_of_event(text, end):
            return
        month = T.month_index(g["m"])
        yield start, end, T.resolve_month_in_clause(month, anchor, clause_tense(doc, start))
    elif kind in ("part_month", "in_month"):
        month = T.month_index(g["m"])
        if month is None or (kind == "in_month" and is_agent_may(doc, start, g)):
            return
        value_start = start if kind == "part_month" else start + len(g["prep"]) + 1
        yield value_start, end, T.resolve_month_in_clause(month, anchor, clause_tense(doc, start))
    elif kind == "year_range":
        y1_start = text.index(g["y1"], start)
        yield y1_start, y1_start + 4, T.DateValue(g["y1"], "year")
        yield end - 4, end, T.DateValue(g["y2"], "year")
    elif kind == "year_adjective":
        yield start, end, T.resolve_relative("year", -1, anchor)
    elif kind == "spelled_year":
        year = T.spelled_year(text[start:end])
        if year:
            yield start, end, T.DateValue(f"{year:04d}", "year")
    elif kind == "holiday":
        rel = (g.get("rel") or "").lower()
        direction = {"last": "last", "next": "next", "this": "future"}.get(rel) or (
            "future" if is_future(doc, start) else "past"
        )
        value = T.resolve_holiday(g["h"], anchor, direction)
        if value:
            yield start, end, value
    elif kind == "year_anaphor" and last is not None:
        yield start, end, T.DateValue(last.value[:4], "year")
    elif kind == "day_anaphor" and last is not None and last.granularity == "day":
        yield start, end, last
    elif kind == "then_anaphor" and last is not None:
        yield start + text[start:end].lower().rindex("then"), end, last
    elif kind == "following" and last is not None:
        unit = (g["unit"] or g["unit_next"]).lower()
        unit = "day" if unit == "morning" else unit
        stated = T.parse_iso(last.value) if last.granularity == "day" else None
        if unit == "year":
            yield start, end, T.DateValue(f"{int(last.value[:4]) + 1:04d}", "year")
        elif unit == "month" and last.granularity in ("day", "month"):
            year, month = T.add_months(int(last.value[:4]), int(last.value[5:7]), 1)
            yield start, end, T.DateValue(f"{year:04d}-{month:02d}", "month")
        elif unit == "day" and stated is not None:
            yield start, end, T.DateValue((stated + dt.timedelta(days=1)).isoformat(), "day")
    elif kind == "the_year":
        yield start, end, T.resolve_relative("year", 0, anchor)
    elif kind == "prefixed_year" or (
        kind == "year" and not is_name_or_count(doc, start, end, text)
    ):
        yield start, end, T.DateValue(g["y"], "year")


def find_dates(doc: Doc) -> list[Span]:
    """Date spans (label DATE) with their values, outside the header and dateline."""
    text = doc_text(doc)
    anchor = anchor_of(doc, text)
    spans: list[Span] = []
    rows: list[dict] = []
    last = None
    for mention in find_date_mentions(text):
        if in_furniture(doc, mention.start):
            continue
        for start, end, value in normalise(doc, mention, anchor, last):
            span = doc.char_span(start, end, alignment_mode="expand", label="DATE")
            if span is None:
                continue
            if mention.kind in STATED and value.value[:4].isdigit():
                last = value
            spans.append(span)
            rows.append(
                {
                    "text": text[start:end],
                    "value": value.value,
                    "granularity": value.granularity,
                    "start": start,
                    "end": end,
                }
            )
    doc._.dates = rows
    return spans


@Language.factory(
    "extractor_dates",
    default_config={"data": None},
    assigns=assigns("extractor_dates"),
    requires=requires("extractor_dates"),
)
class DateRecognizer(RuleComponent):
    """Finds date expressions and normalises them against ``doc._.published``."""

    FILES = ()  # the grammar's word lists are in the package's lexicon

    def load(self, folder: Path) -> None:
        pass

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[Spans.DATES] = find_dates(doc)
        return doc
