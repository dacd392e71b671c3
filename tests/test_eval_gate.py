"""The regression gate: extract eval on each fixture set must stay above its floors.

Floors only ever go up. They sit a little under the figures of the commit that set them.
"""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.evaluate import headline, load_gold, score

from .conftest import FIXTURES, ROOT, WORLD_FIXTURES

FLOORS = {
    "officials": 0.99,
    "officials_full": 0.975,
    "title_accuracy": 0.97,
    "country_accuracy": 0.99,
    "countries": 0.99,
    "dates": 0.98,
    "date_values": 0.97,
    "date_value_accuracy": 0.98,
    "initiatives": 0.87,
    "proposer_accuracy": 0.91,
    "published_accuracy": 0.99,
}
# The world fixtures (31 adjudicated articles from outlets worldwide, tests/fixtures/world):
# floors under the figures of the commit that set them (officials 0.946, full 0.898, title
# 0.975, country 0.962, countries 0.970, dates 0.975 / values 0.949 / accuracy 0.974,
# initiatives 0.714, proposer 0.900, published 1.000; at first they were 0.795 officials,
# 0.410 full, 0.532 country, 0.191 initiatives, 0.250 proposer).
WORLD_FLOORS = {
    "officials": 0.94,
    "officials_full": 0.89,
    "title_accuracy": 0.97,
    "country_accuracy": 0.96,
    "countries": 0.96,
    "dates": 0.97,
    "date_values": 0.94,
    "date_value_accuracy": 0.97,
    "initiatives": 0.70,
    "proposer_accuracy": 0.89,
    "published_accuracy": 0.99,
}
SETS = {"wire": (FIXTURES, FLOORS, 50), "world": (WORLD_FIXTURES, WORLD_FLOORS, 31)}


@pytest.fixture(scope="module")
def tables(nlp):
    return extract([FIXTURES / "articles"])


@pytest.fixture(scope="module")
def gold():
    return load_gold(FIXTURES / "gold")


@pytest.fixture(scope="module")
def reports(tables, gold, nlp):
    world = score(load_gold(WORLD_FIXTURES / "gold"), extract([WORLD_FIXTURES / "articles"]))
    return {"wire": score(gold, tables), "world": world}


@pytest.mark.parametrize("fixture_set", sorted(SETS))
def test_enough_gold_articles(reports, fixture_set):
    assert reports[fixture_set].articles >= SETS[fixture_set][2]


@pytest.mark.parametrize(
    ("fixture_set", "measure"),
    [(name, measure) for name in sorted(SETS) for measure in sorted(SETS[name][1])],
)
def test_floor(reports, fixture_set, measure):
    floors = SETS[fixture_set][1]
    value = headline(reports[fixture_set], measure)
    assert value >= floors[measure], (
        f"{fixture_set} {measure} fell to {value:.3f} (floor {floors[measure]})"
    )


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
TIMEBANK = ROOT.parent / "shared" / "dates" / "timebank_aquaint.jsonl"
TIMEBANK_FLOORS = {"span": 0.97, "value": 0.90}


def test_timebank_calendar_dates(nlp):
    import importlib.util
    import json

    if not TIMEBANK.exists():
        pytest.skip(f"{TIMEBANK} is not there (it comes with ../shared)")
    path = ROOT / "benchmarks" / "dates_timebank.py"
    spec = importlib.util.spec_from_file_location("dates_timebank", path)
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    with TIMEBANK.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    counts = benchmark.score_records(records, nlp)
    for measure, floor in TIMEBANK_FLOORS.items():
        assert counts[measure].f1 >= floor, f"TimeBank {measure} F1 {counts[measure].f1:.3f}"


# The name recogniser (models/ner_world + components/names.py) on the English Worldwide
# Newswire test split (../shared beside the checkout, as in CI): exact PERSON spans. Floor under
# the commit's 0.852; the target is 0.85.
WORLD_NER = ROOT.parent / "shared" / "corpus" / "world"
PERSON_F1_FLOOR = 0.845


def test_person_names_on_the_world_ner_test_split(nlp):
    import importlib.util

    if not (WORLD_NER / "ner_split.json").exists():
        pytest.skip(f"{WORLD_NER} is not there (it comes with ../shared)")
    path = ROOT / "benchmarks" / "names_world.py"
    spec = importlib.util.spec_from_file_location("names_world", path)
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    paths = benchmark.split_paths(WORLD_NER / "ner", f"{WORLD_NER / 'ner_split.json'}:test")
    assert len(paths) == 99
    _, _, person_f1 = benchmark.f1(*benchmark.score(paths, nlp))
    assert person_f1 >= PERSON_F1_FLOOR, f"PERSON F1 on the ner/ test split {person_f1:.3f}"
