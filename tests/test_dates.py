"""Date normalisation: pure functions, table-driven, pinned to a publication date."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import temporal as T


@pytest.mark.parametrize(
    ("weekday", "published", "direction", "expected"),
    [
        ("tuesday", "2005-11-08", "past", "2005-11-08"),  # same day
        ("monday", "2005-11-08", "past", "2005-11-07"),
        ("saturday", "2005-11-08", "past", "2005-11-05"),
        ("saturday", "2005-11-08", "future", "2005-11-12"),
        ("tuesday", "2005-11-08", "next", "2005-11-15"),
        ("tuesday", "2005-11-08", "last", "2005-11-01"),
    ],
    ids=[
        "same-day",
        "yesterday",
        "past-saturday",
        "will-meet-saturday",
        "next-tuesday",
        "last-tuesday",
    ],
)
def test_resolve_weekday(weekday, published, direction, expected):
    anchor = dt.date.fromisoformat(published)
    assert T.resolve_weekday(T.WEEKDAYS.index(weekday), anchor, direction).isoformat() == expected


@pytest.mark.parametrize(
    ("month", "day", "published", "expected"),
    [
        (12, 28, "2006-01-03", "2005-12-28"),
        (1, 4, "2005-12-30", "2006-01-04"),
        (7, 1, "2020-06-17", "2020-07-01"),
    ],
    ids=["december-in-january", "january-in-december", "next-month"],
)
def test_day_month_takes_nearest_year(month, day, published, expected):
    value = T.resolve_day_month(month, day, dt.date.fromisoformat(published))
    assert value == T.DateValue(expected, "day")


def test_no_published_date_gives_x_digits():
    assert T.resolve_day_month(7, 1, None).value == "XXXX-07-01"
    assert T.resolve_relative("year", 1, None).value == "XXXX"


@pytest.mark.parametrize(
    ("unit", "shift", "expected"),
    [
        ("week", -1, "1997-W14"),
        ("week", 0, "1997-W15"),
        ("week", 1, "1997-W16"),
        ("month", -1, "1997-03"),
        ("year", 1, "1998"),
        ("day", -1, "1997-04-07"),
    ],
)
def test_relative_expressions(unit, shift, expected):
    assert T.resolve_relative(unit, shift, dt.date(1997, 4, 8)).value == expected


@pytest.mark.parametrize(
    ("month", "published", "tense", "expected"),
    [
        (11, "1989-10-30", "past", "1989-11"),  # the coming month, even in a past clause
        (12, "1989-10-27", "past", "1988-12"),
        (1, "1989-10-27", "nearest", "1989-01"),
        (3, "1998-12-03", "future", "1999-03"),
        (12, "1998-03-04", "future", "1998-12"),
        (3, "1998-03-04", "past", "1998-03"),
    ],
    ids=["coming-month", "two-ahead-is-past", "no-tense", "future", "future-ahead", "same-month"],
)
def test_month_in_clause(month, published, tense, expected):
    anchor = dt.date.fromisoformat(published)
    assert T.resolve_month_in_clause(month, anchor, tense).value == expected


def test_second_week_of_next_month():
    assert T.resolve_week_of_month(2, 1, dt.date(2005, 11, 8)).value == "2005-W49"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 17, 2020", "2020-06-17"),
        ("Nov. 8 , 2005", "2005-11-08"),
        ("November 2005", "2005-11"),
        ("17 June 2020", "2020-06-17"),
    ],
)
def test_parse_absolute(text, expected):
    assert T.parse_absolute(text).value == expected


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        ("Liu Jianchao announced here Tuesday.", "2005-11-08", "Tuesday", "2005-11-08"),
        ("The two leaders will meet on Saturday.", "2005-11-08", "Saturday", "2005-11-12"),
        ("The meeting ends on Dec. 5-7 in Kuala Lumpur.", "2005-11-08", "Dec. 5", "2005-12-05"),
        ("The meeting ends on Dec. 5-7 in Kuala Lumpur.", "2005-11-08", "7", "2005-12-07"),
        (
            "Talks resume the second week of next month.",
            "2005-11-08",
            "the second week of next month",
            "2005-W49",
        ),
        ("They met last week.", "1997-04-08", "last week", "1997-W14"),
        ("It was held on July 1.", None, "July 1", "XXXX-07-01"),
        ("The process began in February this year.", "1998-12-03", "February this year", "1998-02"),
        ("In June last year, the leaders fell out.", "1998-02-19", "June last year", "1997-06"),
        ("They gave Merieux until mid-November to reply.", "1989-10-30", "mid-November", "1989-11"),
        ("The firm changed its fiscal year in December.", "1989-10-27", "December", "1988-12"),
    ],
)
def test_dates_in_sentences(analyse, sentence, published, text, value):
    doc = analyse(sentence, published)
    found = {d["text"]: d["value"] for d in doc._.dates}
    assert found.get(text) == value, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The four-day visit ended.",
        "in line with International Health Regulations 2005.",
        "In the early days of the pandemic, they met.",
        "He arrived for APEC-2006 talks.",
    ],
    ids=["duration", "year-in-name", "vague", "hyphenated-name"],
)
def test_not_dates(analyse, sentence):
    assert analyse(sentence, "2005-11-08")._.dates == []


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        ("Kamal would on Wednesday attend briefings.", "1997-04-15", "Wednesday", "1997-04-16"),
        ("The meeting comes ahead of a summit on Friday.", "2005-11-13", "Friday", "2005-11-18"),
        ("He met them on Tues. in Cairo.", "2006-11-13", "Tues.", "2006-11-07"),
        ("The pact was signed last May.", "2005-11-08", "last May", "2005-05"),
        ("They met two weeks ago.", "1998-03-22", "two weeks ago", "1998-W10"),
    ],
    ids=["reported-future", "ahead-of", "abbreviated-weekday", "last-month-name", "weeks-ago"],
)
def test_date_regressions(analyse, sentence, published, text, value):
    found = {d["text"]: d["value"] for d in analyse(sentence, published)._.dates}
    assert found.get(text) == value, found


ISO_VALUE = re.compile(r"^(?:[\dX]{4}(?:-[\dX]{2}(?:-[\dX]{2})?|-W[\dX]{2})?)$")


@settings(max_examples=80, deadline=None)
@given(
    text=st.text(max_size=200),
    published=st.one_of(
        st.none(),
        st.dates().map(lambda d: d.isoformat()),
    ),
)
def test_date_normaliser_never_fails(nlp, text, published):
    from extractor.reader import Article
    from extractor.run import make_doc

    doc = nlp(make_doc(nlp, Article("h", "<h>", text, None, published)))
    for row in doc._.dates:
        assert ISO_VALUE.match(row["value"]), row


def test_repeated_expression_and_date_is_resolved_once(analyse):
    """Wire copy repeats "on Tuesday" against the same dates: each pair is computed once."""
    from extractor import temporal

    sentence = "The minister arrived on Tuesday and the talks ended on Thursday."
    first = [d["value"] for d in analyse(sentence, "2005-11-10")._.dates]
    before = temporal.resolve_weekday.cache_info()
    second = [d["value"] for d in analyse(sentence, "2005-11-10")._.dates]
    after = temporal.resolve_weekday.cache_info()
    assert first == second == ["2005-11-08", "2005-11-10"]
    assert after.misses == before.misses and after.hits == before.hits + 2


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        ("Sales rose 5% for the year.", "1989-11-02", "the year", "1989"),
        ("Debt will be cut by year-end.", "1989-11-02", "year-end", "1989"),
        ("Profit fell from year-ago levels.", "1989-11-02", "year-ago", "1988"),
        (
            "The party won in 1994. Later that year it split.",
            "1998-04-18",
            "Later that year",
            "1994",
        ),
        (
            "The treaty was signed in 1995 and ratified the following year.",
            "1998-04-18",
            "the following year",
            "1996",
        ),
        (
            "The accord was signed on March 3, 1989. The following month it took effect.",
            "1990-01-10",
            "The following month",
            "1989-04",
        ),
        (
            "Troops left on Oct. 23, 1998. Earlier that day the talks ended.",
            "1998-10-25",
            "Earlier that day",
            "1998-10-23",
        ),
        ("It was founded in nineteen ninety-six.", "1998-03-01", "nineteen ninety-six", "1996"),
        ("Output peaked in mid-1996.", "1998-03-01", "mid-1996", "1996"),
        (
            "Plans for the year two thousand are ready.",
            "1998-03-01",
            "the year two thousand",
            "2000",
        ),
        ("Shoppers were out on Thanksgiving Day.", "1999-11-26", "Thanksgiving Day", "1999-11-25"),
        (
            "Voters will go to the polls on Election Day.",
            "1998-10-20",
            "Election Day",
            "1998-11-03",
        ),
        ("The dividend was paid on March 31.", "1989-11-01", "March 31", "1989-03-31"),
        ("The fund will close on Jan. 31.", "1989-11-01", "Jan. 31", "1990-01-31"),
        ("Talks were held on Dec. 7.", "1989-11-01", "Dec. 7", "1989-12-07"),
        # an infinitive of purpose keeps the tense of its clause (published Saturday 1999-03-13)
        (
            "The Hungarian government staged a number of celebrations to mark the country's entry "
            "into NATO on Friday.",
            "1999-03-13",
            "Friday",
            "1999-03-12",
        ),
        ("The two sides agreed to meet again on Friday.", "1999-03-13", "Friday", "1999-03-19"),
        # a weekday on a verb in the simple present is a timetable
        (
            "Arafat and Netanyahu meet separately Monday with Albright.",
            "1998-05-01",
            "Monday",
            "1998-05-04",
        ),
        ("The conference ends Sunday.", "2005-12-17", "Sunday", "2005-12-18"),
        ("Weakness in big stocks hurt the index on Friday.", "1989-10-30", "Friday", "1989-10-27"),
        # "due" on the way up from the date looks ahead
        (
            "Syria signed a memo to let Iraqis vote in the election due in December.",
            "2005-11-10",
            "December",
            "2005-12",
        ),
        (
            "The talks are supposed to conclude by May, officials said.",
            "1998-03-22",
            "May",
            "1998-05",
        ),
        (
            "The stock can be converted until Nov. 30. Until then, it remains convertible.",
            "1989-10-30",
            "then",
            "1989-11-30",
        ),
        (
            "He was taken to hospital on Feb. 22 and appeared in court the next morning.",
            "2000-02-24",
            "the next morning",
            "2000-02-23",
        ),
        (
            "Bouteflika went to Paris on Saturday and had a check-up the same day.",
            "2005-11-27",
            "the same day",
            "2005-11-26",
        ),
    ],
    ids=[
        "the-year",
        "year-end",
        "year-ago-adjective",
        "that-year",
        "following-year",
        "following-month",
        "that-day",
        "spelled-year",
        "prefixed-year",
        "year-two-thousand",
        "holiday-past",
        "holiday-future",
        "past-tense-far-day",
        "future-day",
        "close-day-stays-nearest",
        "purpose-infinitive-past",
        "agreed-to-future",
        "present-timetable",
        "present-ends",
        "hurt-is-past",
        "due-in-month",
        "by-may",
        "until-then",
        "next-morning",
        "same-day-as-weekday",
    ],
)
def test_relative_words_tense_and_anaphora(analyse, sentence, published, text, value):
    found = {d["text"]: d["value"] for d in analyse(sentence, published)._.dates}
    assert found.get(text) == value, found


@pytest.mark.parametrize(
    "sentence",
    [
        "She was named person of the year.",
        "The Year of ASEAN-China cooperation was declared.",
        "He told ABC's This Week that talks go on.",
        "The plan was rejected by May and her cabinet.",
        "Thousands joined the annual March for Life in Washington.",
        "He has been arrested at this march in each of the last years.",
        "The index closed at 2082.1 on the day.",
    ],
)
def test_lookalikes_that_are_not_dates(analyse, sentence):
    assert analyse(sentence, "2005-11-08")._.dates == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Christmas Eve", "XXXX-12-24"),
        ("New Year's Day", "XXXX-01-01"),
        ("Thanksgiving", "XXXX-XX-XX"),
    ],
)
def test_fixed_holiday_without_anchor_keeps_its_day(name, expected):
    """No anchor at all: unknown digits are X, but a fixed-date holiday still has its day."""
    assert T.resolve_holiday(name, None).value == expected


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        (
            "The chamber held a press conference on Wednesday, July 14.",
            None,
            "Wednesday, July 14",
            "XXXX-07-14",
        ),
        (
            "On Saturday June 25, last, the Government met.",
            "2022-07-25",
            "Saturday June 25",
            "2022-06-25",
        ),
        ("The talks ended on Friday, 8 July 2022.", None, "Friday, 8 July 2022", "2022-07-08"),
    ],
)
def test_weekday_with_its_date_is_one_date(analyse, sentence, published, text, value):
    """ "Wednesday, July 14": one expression with the date's day (52 in the world corpus)."""
    doc = analyse(sentence, published)
    assert [(d["text"], d["value"]) for d in doc._.dates] == [(text, value)]


def test_partial_dateline_anchors_deictic_dates():
    assert T.resolve_partial("day", -1, "XXXX-03-01").value == "XXXX-02-29"
    assert T.resolve_partial("day", 0, "XXXX-07-25").value == "XXXX-07-25"
    assert T.resolve_partial("month", 1, "XXXX-12-05").value == "XXXX-01"
    assert T.resolve_partial("week", 1, "XXXX-12-05") is None
    assert T.resolve_partial("day", 0, None) is None
