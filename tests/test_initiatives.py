"""Proposals: triggers, objects, lists and proposers."""

from __future__ import annotations


def test_passive_list_with_such_as_gives_one_row_each(analyse):
    doc = analyse(
        "Many specific initiatives have been proposed by the Chinese side such as "
        "the use of the cooperation fund, the organisation of a forum on health "
        "cooperation, and the establishment of safe corridors."
    )
    rows = doc._.initiatives
    assert len(rows) == 3
    assert {r["proposer"] for r in rows} == {"CHN"}
    assert rows[2]["text"] == "the establishment of safe corridors"


def test_infinitive_object_and_country_subject(analyse):
    doc = analyse("China proposes to soon establish a ministerial meeting on disaster response.")
    assert [(r["text"], r["proposer"], r["verb"]) for r in doc._.initiatives] == [
        ("establish a ministerial meeting on disaster response", "CHN", "proposes")
    ]


def test_official_subject_resolved_to_name(analyse):
    doc = analyse("Chinese Foreign Minister Li Zhaoxing proposed a new dialogue mechanism.")
    assert [(r["text"], r["proposer"]) for r in doc._.initiatives] == [
        ("a new dialogue mechanism", "Li Zhaoxing")
    ]


def test_call_on_and_capital_as_proposer(analyse):
    doc = analyse("Pyongyang agreed to return to the negotiation table.")
    assert [(r["text"], r["proposer"]) for r in doc._.initiatives] == [
        ("return to the negotiation table", "PRK")
    ]


def test_planned_signing_is_an_initiative_but_past_signing_is_not(analyse):
    planned = analyse("Russia is expected to sign an agreement with the United States on Sunday.")
    assert [(r["verb"], r["proposer"]) for r in planned._.initiatives] == [("sign", "RUS")]
    done = analyse("Russia signed an agreement with the United States on Sunday.")
    assert done._.initiatives == []


def test_endorsed_plan_keeps_its_purpose(analyse):
    doc = analyse("APEC leaders endorsed the Hanoi Action Plan to implement the Busan Roadmap.")
    assert [r["text"] for r in doc._.initiatives] == [
        "the Hanoi Action Plan to implement the Busan Roadmap"
    ]
