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


# --- the trigger lexicon, built from CAMEO ---------------------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
CAMEO = ROOT.parent / "shared" / "reference" / "phoenix" / "CAMEO.2.0.txt"


def _builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_triggers", ROOT / "models" / "sources" / "build_triggers.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cameo_codes_come_from_patterns_verbs_and_blocks():
    text = "\n".join(
        [
            "&TREATY",
            "+AGREEMENT",
            "+ACCORD",
            "",
            "---  CALL   [041:041]  ---",
            "CALL ",
            "- * (FOR)                                             [020]         # CALL",
            "",
            "---  SUGGEST   [020]  ---",
            "PROPOSE  ",
            "- * SUMMIT                                            [026]         # PROPOSE",
            "",
            "---  SIGN   [---]  ---",
            "SIGN ",
            "- * &TREATY                                           [057:057]     # SIGN",
        ]
    )
    own = [
        {"lemma": "call for", "cameo_verb": "CALL", "cameo_particle": "FOR"},
        {"lemma": "propose", "cameo_verb": "PROPOSE"},
        {"lemma": "sign", "cameo_verb": "SIGN", "cameo_default": "057"},
        {"lemma": "urge", "cameo_default": "020"},
    ]
    rows = {r["lemma"]: r for r in _builder().build(text, own)}
    assert rows["call for"]["cameo"] == "020"  # the (FOR) pattern, not CALL's own 041
    assert rows["propose"]["cameo"] == "020"  # the block's code
    assert rows["propose"]["cameo_objects"] == {"SUMMIT": "026"}
    assert rows["sign"]["cameo"] == "057"
    assert rows["sign"]["cameo_objects"] == {"ACCORD": "057", "AGREEMENT": "057"}  # synonym set
    assert rows["urge"]["cameo_source"] == "project"


def test_shipped_triggers_rebuild_from_cameo(tmp_path):
    if not CAMEO.exists():
        pytest.skip(f"{CAMEO} is not there (it comes with ../shared)")
    out = tmp_path / "triggers.jsonl"
    _builder().main(str(CAMEO), str(ROOT / "models/sources/triggers.jsonl"), str(out))
    assert out.read_text(encoding="utf-8") == (ROOT / "models/triggers.jsonl").read_text(
        encoding="utf-8"
    )


def test_rows_carry_the_cameo_code_refined_by_the_object(analyse):
    doc = analyse(
        "Vietnamese Prime Minister Phan Van Khai proposed a summit of Mekong countries. "
        "China urged Japan to open its market."
    )
    codes = {r["text"]: r["cameo"] for r in doc._.initiatives}
    assert codes["a summit of Mekong countries"] == "026"  # CAMEO: PROPOSE * SUMMIT
    assert codes["open its market"] == "020"


# --- triggers worldwide: intentions, demands, nouns, third parties ---------------------------


def _rows(doc):
    return [(r["text"], r["proposer"], r["verb"], r["cameo"]) for r in doc._.initiatives]


def test_call_on_a_third_party_gives_each_infinitive(analyse):
    doc = analyse(
        "He said he totally agrees with European Union leaders' call on Russia to immediately "
        "stop targeting Ukrainian agricultural facilities and to permit the export of "
        "Ukrainian grain."
    )
    assert _rows(doc) == [
        ("stop targeting Ukrainian agricultural facilities", "European Union", "call on", "020"),
        ("permit the export of Ukrainian grain", "European Union", "call on", "020"),
    ]


def test_intentions_are_initiatives_unless_only_supposed(analyse):
    doc = analyse("Turkey plans to purchase more oil and gas from Iran, President Erdogan said.")
    assert _rows(doc) == [("purchase more oil and gas from Iran", "TUR", "plans to", "030")]
    for text in (
        "Neither side would want to break the contracts, the analyst said.",
        "It is unlikely that Russia wants to open a new front in Syria.",
        "Voters prefer candidates who promise to deliver economic benefits.",
        "It was not clear why Kinshasa wanted to renegotiate the mining contracts.",
        "Mahathir had originally planned to attend the meeting.",
        "President Tshisekedi said he wanted to renegotiate them.",
        "They want to drive big cars and own a summer house.",
        "This demands new skills and new pedagogies.",
        "Trade unions can insist on the use of employment assessments.",
        "The varieties we selected for horticulture are locally demanded.",
        "Saudi Arabia previously abandoned plans to build a mile-high skyscraper.",
        "Western lenders were demanding about 8 per cent.",
        "Bringing people closer to nature demands a series of facilities.",
    ):
        assert analyse(text)._.initiatives == [], text


def test_demands_and_pushes_have_their_cameo_codes(analyse):
    doc = analyse(
        "Prime Minister Fumio Kishida pushed for a review of the Status of Forces Agreement."
    )
    assert _rows(doc) == [
        ("a review of the Status of Forces Agreement", "Fumio Kishida", "pushed for", "100")
    ]
    doc = analyse("The union demanded that the government raise the minimum wage.")
    assert [(r["text"], r["verb"]) for r in doc._.initiatives] == [
        ("raise the minimum wage", "demanded")
    ]


def test_trigger_nouns_and_their_proposers(analyse):
    doc = analyse("Foreign Minister Yair Lapid repeated Israel's request to send envoys to Moscow.")
    assert _rows(doc) == [("send envoys to Moscow", "ISR", "request to", "020")]
    # a courtesy call is a visit; calls that are rejected are not made
    assert (
        analyse("He paid a courtesy call on the Vice President to bid him farewell.")._.initiatives
        == []
    )
    assert analyse("The lawmakers rejected calls for a snap election.")._.initiatives == []


def test_an_official_named_by_one_word_of_the_name_proposes(analyse):
    doc = analyse(
        "Uruguayan President Luis Lacalle Pou spoke first. Regarding the FTA with China, "
        "Lacalle insisted on making the bloc more flexible."
    )
    assert [r["proposer"] for r in doc._.initiatives] == ["Luis Lacalle Pou"]


def triples(doc):
    return [(r["text"], r["proposer"], r["verb"]) for r in doc._.initiatives]


def test_assurances_and_insistence_on_what_an_actor_will_do(analyse):
    assert triples(
        analyse(
            # the trigger is under test, not the recogniser: the name is given in full (the
            # world-news weights miss a bare "Macron" opening a one-sentence text)
            "Emmanuel Macron assured Paul Biya that France will help African countries face the "
            "shock caused by the war."
        )
    ) == [("help African countries face the shock caused by the war", "Emmanuel Macron", "assured")]
    assert triples(
        analyse(
            "President Luis Lacalle Pou insisted Uruguay would continue with the Chinese "
            "negotiations."
        )
    ) == [("continue with the Chinese negotiations", "Luis Lacalle Pou", "insisted")]
    # what a thing will do, and a state an actor will stay in, are not courses of action
    assert triples(analyse("Ortega insisted the deal would benefit both countries.")) == []
    assert triples(analyse("Li assured that China will stay on a path of peace.")) == []


def test_a_pledge_clause_keeps_the_purpose_of_an_effort(analyse):
    rows = triples(
        analyse(
            "Prime Minister Fumio Kishida gave a fresh pledge that his government will work hard "
            "to curtail Okinawa's burden of hosting U.S. military bases."
        )
    )
    assert rows == [
        (
            "work hard to curtail Okinawa's burden of hosting U.S. military bases",
            "Fumio Kishida",
            "pledge",
        )
    ]


def test_purpose_and_manner_of_a_proposed_act_are_part_of_it(analyse):
    rows = triples(
        analyse(
            "The two sides agreed to jointly employ an internationally recognised third party "
            "to conduct the evaluation."
        )
    )
    assert rows[0][0] == (
        "jointly employ an internationally recognised third party to conduct the evaluation"
    )


def test_concrete_objects_of_push_present_and_announce(analyse):
    assert triples(
        analyse("The Kishida administration continues to push a landfill project for the base.")
    ) == [("a landfill project for the base", None, "push")]
    assert triples(analyse("Minister Fabrizio Mena presented the 2030 Digital Agenda.")) == [
        ("the 2030 Digital Agenda", "Fabrizio Mena", "presented")
    ]
    assert triples(analyse("Minister Fabrizio Mena presented his views.")) == []


def test_calls_for_a_party_to_act_and_a_states_request(analyse):
    assert (
        triples(
            analyse(
                "The group is adding its voice to increasing calls for the government and relevant "
                "agencies to launch an investigation into the allegations."
            )
        )[0][0]
        == "launch an investigation into the allegations"
    )
    assert triples(
        analyse(
            "The reactions from Jerusalem and its request to send envoys to pacify the Russians "
            "don't demonstrate an accurate reading of reality."
        )
    ) == [("send envoys to pacify the Russians", "ISR", "request to")]


def test_seeking_to_is_an_intention_and_a_trigger_inside_an_item_is_not_another(analyse):
    assert triples(analyse("Japan is seeking to hold a summit with China.")) == [
        ("hold a summit with China", "JPN", "seeking to")
    ]
    rows = triples(
        analyse(
            "Minister Pham Binh Minh called on Russia to strengthen collaboration and seek to "
            "co-exist with the risks."
        )
    )
    assert all("exist" not in text or text.startswith(("strengthen", "seek")) for text, *_ in rows)


def test_a_date_is_no_object_and_a_finite_verb_starts_a_new_clause(analyse):
    assert triples(
        analyse(
            "Palestinian president Mahmud Abbas called Saturday for early elections to resolve "
            "the political standoff."
        )
    ) == [("early elections to resolve the political standoff", "Mahmud Abbas", "called for")]
    rows = triples(
        analyse(
            "Prime Minister Nuri al-Maliki called on former army officers to join his armed "
            "forces and urged parliament to review a law banning former Baathists."
        )
    )
    assert [(text, verb) for text, _, verb in rows] == [
        ("join his armed forces", "called on"),
        ("review a law banning former Baathists", "urged"),
    ]


def test_steps_toward_a_proposal_and_what_it_would_do(analyse):
    assert triples(
        analyse(
            "Prime Minister Anthony Albanese has taken the first steps toward a referendum that "
            "would enshrine an Indigenous Voice to Parliament."
        )
    ) == [
        (
            "a referendum that would enshrine an Indigenous Voice to Parliament",
            "Anthony Albanese",
            "steps toward",
        )
    ]
    assert triples(analyse("Prime Minister Anthony Albanese took steps to the door.")) == []
    # a comment set off by a comma is not part of the item
    assert triples(
        analyse(
            "China and ASEAN agreed to build cooperative partnership between both sides, which "
            "would greatly promote the friendly cooperation."
        )
    ) == [("build cooperative partnership between both sides", None, "agreed to")]


def test_emphasized_on(analyse):
    assert triples(
        analyse(
            "President Ebrahim Raisi has emphasized on setting up joint industrial parks in the "
            "special economic zones."
        )
    ) == [
        (
            "setting up joint industrial parks in the special economic zones",
            "Ebrahim Raisi",
            "emphasized on",
        )
    ]


def test_named_bodies_governments_and_relative_pronouns_as_proposers(analyse):
    assert triples(
        analyse(
            "Civil society group Article 13 has also called on the government to investigate "
            "the allegations."
        )
    ) == [("investigate the allegations", "Article 13", "called on")]
    rows = triples(
        analyse(
            "Anti-corruption advocate group, Transparency Institute Guyana Inc (TIGI), is adding "
            "its voice to increasing calls for the government and relevant agencies to launch "
            "an investigation into the allegations."
        )
    )
    assert rows[0][1] == "Transparency Institute Guyana Inc (TIGI)"
    assert triples(
        analyse(
            "Japanese Prime Minister Fumio Kishida spoke. The Kishida administration continues "
            "to push a landfill project for the new base."
        )
    ) == [("a landfill project for the new base", "JPN", "push")]
    assert triples(
        analyse(
            "The rights group Amnesty International, which demanded that the government release "
            "all detainees, was banned."
        )
    ) == [("release all detainees", "Amnesty International", "demanded")]


def test_what_an_official_says_parties_should_do(analyse):
    rows = triples(
        analyse(
            "Chinese President Hu Jintao met Australian Prime Minister John Howard. The Chinese "
            "president said both countries should push forward talks on a free trade agreement."
        )
    )
    assert rows == [("push forward talks on a free trade agreement", "Hu Jintao", "said")]
    assert triples(analyse("Hu Jintao said the country should be proud of its athletes.")) == []
    assert triples(analyse("Hu Jintao said that the weather should improve.")) == []


def test_who_is_to_act_is_not_what_is_demanded(analyse):
    assert triples(analyse("Protesters in Kabul were demanding inclusive government.")) == [
        ("inclusive government", None, "demanding")
    ]
    assert triples(analyse("Rainbow Ethiopia demands the government now.")) == []


def test_a_business_body_proposes_for_itself_not_its_state(analyse):
    assert triples(
        analyse(
            "Panama's Chamber of Commerce, Industries and Agriculture (Cciap), has called for the "
            "participation of President Cortizo in the ongoing dialogues."
        )
    ) == [
        (
            "the participation of President Cortizo in the ongoing dialogues",
            "Chamber of Commerce, Industries and Agriculture",
            "called for",
        )
    ]
    assert triples(analyse("The Chamber of Deputies called for an inquiry into the deal.")) == [
        ("an inquiry into the deal", None, "called for")
    ]


def test_what_should_be_and_a_past_verb_after_and(analyse):
    # a state or a passive is not an act someone should do
    assert triples(analyse("Xiao Yang said the rules should all be clear.")) == []
    assert (
        triples(analyse("Xiao Yang said the verdicts should be issued in accordance with law."))
        == []
    )
    rows = triples(
        analyse(
            "Ismail Haneya called on the international community to intervene immediately and put "
            "an end to the Israeli offensive."
        )
    )
    assert [text for text, *_ in rows] == [
        "intervene immediately",
        "put an end to the Israeli offensive",
    ]


def test_the_details_of_an_event_named_before_are_no_proposal(analyse):
    assert (
        triples(
            analyse(
                "Abe and Bush will hold talks in Hanoi. The two leaders agreed on the schedule "
                "through a telephone conversation."
            )
        )
        == []
    )
    assert triples(analyse("The two leaders agreed on the schedule of the withdrawal.")) != []
