"""One short sentence per case listed in the accuracy issue that no other test file covers."""

from __future__ import annotations

import pytest


def officials(doc):
    return [(o["name"], o["title"], o["country"]) for o in doc._.officials]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("S. Korean FM Ban Ki-moon met reporters in Seoul.", ("Ban Ki-moon", "FM", "KOR")),
        (
            "Le Kha Phieu, general secretary of the CPV Central Committee, received them.",
            ("Le Kha Phieu", "general secretary of the CPV Central Committee", "VNM"),
        ),
        (
            "Prince Norodom Sihamoni arrived in Paris on Monday.",
            ("Norodom Sihamoni", "Prince", "KHM"),
        ),
    ],
    ids=["short-adjective-FM", "title-after-name-party", "nobility"],
)
def test_officials_cases(analyse, sentence, expected):
    assert officials(analyse(sentence)) == [expected]


def test_lower_case_title_before_the_name(analyse):
    (official,) = officials(analyse("He met prime minister Goh Chok Tong on Monday."))
    assert official[:2] == ("Goh Chok Tong", "prime minister")


def test_byline_is_not_an_official(analyse):
    doc = analyse(
        "By Nguyen Van An\n\nHanoi (VNA) - Vietnamese President Tran Duc Luong met the delegation."
    )
    assert officials(doc) == [("Tran Duc Luong", "President", "VNM")]


def test_business_people_are_not_officials(analyse):
    doc = analyse("Microsoft chairman Bill Gates met Chinese President Hu Jintao.")
    assert officials(doc) == [("Hu Jintao", "President", "CHN")]


def test_country_short_forms(analyse):
    doc = analyse("The U.S. and the UK backed the DPRK talks with S. Korea.")
    assert [c["iso3"] for c in doc._.countries] == ["USA", "GBR", "PRK", "KOR"]


def test_country_adjectives(analyse):
    doc = analyse("Lao and Philippine officials met on Monday.")
    assert [c["iso3"] for c in doc._.countries] == ["LAO", "PHL"]


def test_former_country_names(analyse):
    doc = analyse("Rebels in Zaire met Zairean officials and envoys from Burma.")
    assert [c["iso3"] for c in doc._.countries] == ["COD", "COD", "MMR"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Talks will resume in early January.", "early January", "2006-01"),
        ("Elections are due next year.", "next year", "2006"),
        ("Prices rose last month.", "last month", "2005-10"),
    ],
)
def test_relative_month_and_year(analyse, sentence, text, value):
    found = {d["text"]: d["value"] for d in analyse(sentence, "2005-11-08")._.dates}
    assert found.get(text) == value, found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Japan recommended a joint study group on rice trade.",
            ("a joint study group on rice trade", "JPN", "recommended"),
        ),
        (
            "Vietnam put forward a plan for a regional rice reserve.",
            ("a plan for a regional rice reserve", "VNM", "put forward"),
        ),
        (
            "Australia pledged to build a training centre in Dili.",
            ("build a training centre in Dili", "AUS", "pledged"),
        ),
        (
            "Thailand initiated a dialogue on Mekong water sharing.",
            ("a dialogue on Mekong water sharing", "THA", "initiated"),
        ),
        (
            "Malaysia suggested a regional fund for disaster relief.",
            ("a regional fund for disaster relief", "MYS", "suggested"),
        ),
        (
            "Indonesia decided to set up a working group on energy.",
            ("set up a working group on energy", "IDN", "decided to"),
        ),
    ],
    ids=["recommend", "put-forward", "pledge-to", "initiate", "suggest", "decide-to"],
)
def test_initiative_triggers(analyse, sentence, expected):
    rows = [(r["text"], r["proposer"], r["verb"]) for r in analyse(sentence)._.initiatives]
    assert rows == [expected]


def test_an_official_given_first_only_by_a_description(analyse):
    doc = analyse(
        "China's foreign minister on Saturday tried to soothe worries in the region. "
        '"China will keep to a path of peaceful development," Li Zhaoxing told reporters.'
    )
    assert officials(doc) == [("Li Zhaoxing", "foreign minister", "CHN")]


def test_a_vague_description_names_nobody(analyse):
    doc = analyse(
        "A Palestinian official said talks would go on. Ahmed Qurei told reporters the same."
    )
    assert officials(doc) == []
