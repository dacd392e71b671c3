"""The regression gate: extract eval on the fixtures must stay above these floors.

Floors only ever go up. They sit a little under the figures of the commit that set them.
"""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.evaluate import headline, load_gold, score

from .conftest import FIXTURES

FLOORS = {
    "officials": 0.99,
    "officials_full": 0.975,
    "title_accuracy": 0.97,
    "country_accuracy": 0.99,
    "countries": 0.99,
    "dates": 0.98,
    "date_values": 0.97,
    "date_value_accuracy": 0.98,
    "initiatives": 0.82,
    "proposer_accuracy": 0.91,
    "published_accuracy": 0.99,
}


@pytest.fixture(scope="module")
def tables(nlp):
    return extract([FIXTURES / "articles"])


@pytest.fixture(scope="module")
def gold():
    return load_gold(FIXTURES / "gold")


@pytest.fixture(scope="module")
def report(tables, gold):
    return score(gold, tables)


def test_enough_gold_articles(report):
    assert report.articles >= 50


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_floor(report, measure):
    value = headline(report, measure)
    assert value >= FLOORS[measure], f"{measure} fell to {value:.3f} (floor {FLOORS[measure]})"


def test_gate_catches_a_single_lost_official(tables, gold):
    """Dropping any one correct official must take the officials figures under their floors."""
    officials = tables["officials"]
    lost = officials[officials["name"] == "Sergey Lavrov"].index
    assert len(lost) == 1
    damaged = {**tables, "officials": officials.drop(index=lost)}
    report = score(gold, damaged)
    assert headline(report, "officials") < FLOORS["officials"]
    assert headline(report, "officials_full") < FLOORS["officials_full"]


# With the header and dateline cut off (a pasted body, a web page), an official's country must
# come from the text itself. Floor under 0.862 (was 0.754 before the text fallbacks).
NO_DATELINE_COUNTRY_FLOOR = 0.85


def test_country_accuracy_without_datelines(nlp, gold, tmp_path):
    from extractor.reader import parse_header

    for path in sorted((FIXTURES / "articles").iterdir()):
        text = path.read_text(encoding="utf-8")
        body_start = parse_header(text)[4]
        (tmp_path / path.name).write_text(text[body_start:].lstrip(), encoding="utf-8")
    report = score(gold, extract([tmp_path]))
    value = headline(report, "country_accuracy")
    assert value >= NO_DATELINE_COUNTRY_FLOOR, f"country accuracy without datelines {value:.3f}"


# The date benchmark: TimeBank 1.2 / AQUAINT calendar dates (../shared beside the checkout, as
# in CI). Floor under the commit's 0.907 value F1 (span 0.977); the target is 0.90.
TIMEBANK = FIXTURES.parent.parent.parent / "shared" / "dates" / "timebank_aquaint.jsonl"
TIMEBANK_FLOORS = {"span": 0.97, "value": 0.90}


def test_timebank_calendar_dates(nlp):
    import importlib.util
    import json

    if not TIMEBANK.exists():
        pytest.skip(f"{TIMEBANK} is not there (it comes with ../shared)")
    path = FIXTURES.parent.parent / "benchmarks" / "dates_timebank.py"
    spec = importlib.util.spec_from_file_location("dates_timebank", path)
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    with TIMEBANK.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    counts = benchmark.score_records(records, nlp)
    for measure, floor in TIMEBANK_FLOORS.items():
        assert counts[measure].f1 >= floor, f"TimeBank {measure} F1 {counts[measure].f1:.3f}"
