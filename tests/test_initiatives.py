"""Proposals: triggers, objects, lists and proposers."""

from __future__ import annotations

import pytest


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


def rows_of(doc, *keys):
    return [tuple(r[k] for k in keys) for r in doc._.initiatives]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides failed to agree on the wording of a joint communique.",
        "Indonesia dismissed a report that it would sign a security pact with Australia.",
        "Manila said it cannot ask Washington to hand over the six suspects.",
        "A reporter asked if Hu was planning to propose a free trade agreement with India.",
        "The study suggests a link between the new virus and viral pneumonia.",
        "The spokesman was asked to comment on the remarks made in Kyoto.",
    ],
)
def test_denied_failed_conditional_and_non_proposals_give_no_row(analyse, sentence):
    assert analyse(sentence)._.initiatives == []


def test_goodwill_without_a_concrete_object_is_left_out(analyse):
    doc = analyse("They agreed to further boost trade and to set up a joint border commission.")
    assert rows_of(doc, "text") == [("set up a joint border commission",)]


def test_relative_clause_object_and_quoted_speaker(analyse):
    doc = analyse(
        '"The defence agreement that we are about to sign is not a pact," '
        "Indonesian Foreign Minister Hassan Wirajuda said."
    )
    assert rows_of(doc, "text", "proposer") == [("The defence agreement", "Hassan Wirajuda")]


def test_it_is_the_speaker_of_the_reporting_verb(analyse):
    doc = analyse("The Philippines said Monday it will seek an agreement with the US side.")
    assert rows_of(doc, "text", "proposer") == [("an agreement with the US side", "PHL")]


def test_a_proposal_named_again_is_one_row(analyse):
    doc = analyse(
        "APEC ministers endorsed the Hanoi Action Plan. The plan was endorsed at the meeting. "
        "Leaders later endorsed the Hanoi Action Plan again."
    )
    assert rows_of(doc, "text") == [("the Hanoi Action Plan",)]


def test_why_and_when_are_trimmed_from_the_item(analyse):
    doc = analyse("Wen called on local governments to build dams in a bid to fight the drought.")
    assert rows_of(doc, "text") == [("build dams",)]
    doc = analyse("Russia will sign an agreement on its entry into the WTO on Sunday.")
    assert rows_of(doc, "text") == [("an agreement on its entry into the WTO",)]


def test_coordinated_proposers(analyse):
    leaders = analyse("Roh and Bush have agreed to meet in the southeastern city of Gyeongju.")
    assert rows_of(leaders, "proposer") == [(None,)]
    states = analyse(
        "JAKARTA, Nov. 23 , 2006 (Xinhua) -- Indonesia and Russia will sign an agreement on "
        "military cooperation."
    )
    assert rows_of(states, "text", "proposer") == [("an agreement on military cooperation", "IDN")]


def test_the_leaders_of_a_summit_story_are_its_organisation(analyse):
    doc = analyse(
        "APEC leaders met in Hanoi on Saturday. The leaders endorsed the Hanoi Action Plan."
    )
    assert rows_of(doc, "proposer") == [("APEC",)]


def test_reaffirmed_resolve_carries_the_proposal(analyse):
    doc = analyse("The ministers reaffirmed their resolve to revive the stalled Doha round.")
    assert rows_of(doc, "text", "verb") == [("revive the stalled Doha round", "reaffirmed")]


def test_headline_run_into_the_dateline_is_not_an_item(analyse):
    doc = analyse(
        "Thai PM urges early completion of flood work\n\nBANGKOK, Nov. 6 , 2006 (Xinhua) -- "
        "Thailand's Prime Minister Surayud Chulanont on Monday ordered that the work be done."
    )
    assert all("Surayud" not in r["text"] for r in doc._.initiatives)
