"""The regression gate: extract eval on the fixtures must stay above these floors.

Floors only ever go up. They sit a little under the figures of the commit that set them.
"""

from __future__ import annotations

import pytest

from extractor.evaluate import evaluate_folder, headline

from .conftest import FIXTURES

FLOORS = {
    "officials": 0.93,
    "officials_full": 0.83,
    "title_accuracy": 0.95,
    "country_accuracy": 0.90,
    "countries": 0.98,
    "dates": 0.97,
    "date_values": 0.95,
    "initiatives": 0.45,
    "published_accuracy": 0.85,
}


@pytest.fixture(scope="module")
def report(nlp):
    return evaluate_folder(FIXTURES)["extractor"]


def test_enough_gold_articles(report):
    assert report.articles >= 42


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_floor(report, measure):
    value = headline(report, measure)
    assert value >= FLOORS[measure], f"{measure} fell to {value:.3f} (floor {FLOORS[measure]})"
