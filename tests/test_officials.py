"""Officials, titles and countries in single sentences: one case per pattern."""

from __future__ import annotations

import pytest


def officials(doc):
    return {o["name"]: (o["title"], o["country"]) for o in doc._.officials}


@pytest.mark.parametrize(
    ("sentence", "name", "title", "country"),
    [
        (
            "Russian Foreign Minister Sergey Lavrov arrived.",
            "Sergey Lavrov",
            "Foreign Minister",
            "RUS",
        ),
        (
            "Thailand's Foreign Minister Surakiart Sathirathai spoke.",
            "Surakiart Sathirathai",
            "Foreign Minister",
            "THA",
        ),
        (
            "Chen Xiaodong, Assistant Minister of Foreign Affairs, head of ASEAN SOM of China, "
            "spoke.",
            "Chen Xiaodong",
            "Assistant Minister of Foreign Affairs",
            "CHN",
        ),
        (
            "Deputy Prime Minister and Foreign Minister Pham Binh Minh of Vietnam attended.",
            "Pham Binh Minh",
            "Deputy Prime Minister and Foreign Minister",
            "VNM",
        ),
        ("South Korean President Kim Dae-jung visited Tokyo.", "Kim Dae-jung", "President", "KOR"),
    ],
    ids=[
        "adjective",
        "possessive",
        "title-after-name",
        "joined-title-of-country",
        "hyphenated-korean",
    ],
)
def test_official_patterns(analyse, sentence, name, title, country):
    assert officials(analyse(sentence)).get(name) == (title, country)


def test_later_mentions_are_aliases_not_new_rows(analyse):
    doc = analyse(
        "Russian Foreign Minister Sergey Lavrov arrived on Monday. Lavrov said "
        "Russia would help. Later Lavrov left."
    )
    assert len(doc._.officials) == 1
    assert doc._.officials[0]["aliases"] == ["Lavrov"]
    assert doc._.officials[0]["mentions"] == 3


def test_places_and_diseases_are_not_officials(analyse):
    doc = analyse("Hanoi (VNA) - The COVID-19 pandemic was discussed in Hanoi on Monday.")
    assert doc._.officials == []


def test_groups_are_not_officials(analyse):
    doc = analyse("ASEAN Foreign Ministers Meeting opened. ASEAN foreign ministers met.")
    assert doc._.officials == []


def test_country_forms_and_currency(analyse):
    doc = analyse(
        "Sino-Japanese ties and the US dollars were discussed with the Philippine "
        "side and the Asian Development Bank."
    )
    assert {c["iso3"] for c in doc._.countries} == {"CHN", "JPN", "PHL"}


@pytest.mark.parametrize(
    ("sentence", "name", "title", "country"),
    [
        (
            "Chinese Ambassador to the United States Zhou Wenzhong arrived.",
            "Zhou Wenzhong",
            "Ambassador to the United States",
            "CHN",
        ),
        (
            "State Minister for Youth and Sports Adhyaksa Dault said so.",
            "Adhyaksa Dault",
            "State Minister for Youth and Sports",
            "IDN",  # no country word: the actor store knows him
        ),
        (
            "Russian Economic Development and Trade Minister German Gref signed.",
            "German Gref",
            "Economic Development and Trade Minister",
            "RUS",
        ),
        (
            "Paul Wolfowitz, president of the World Bank, called.",
            "Paul Wolfowitz",
            "president of the World Bank",
            None,
        ),
        (
            "Secretary of State Madeleine Albright spoke in Bangkok.",
            "Madeleine Albright",
            "Secretary of State",
            "USA",
        ),
        ("Chinese State Councilor Tang Jiaxuan left.", "Tang Jiaxuan", "State Councilor", "CHN"),
    ],
    ids=[
        "ambassador-to-country",
        "for-portfolio-then-name",
        "adjective-as-first-name",
        "international-body",
        "office-gives-country",
        "title-inside-person-entity",
    ],
)
def test_regressions(analyse, sentence, name, title, country):
    assert officials(analyse(sentence)).get(name) == (title, country)


def test_counterpart_takes_office_of_nearest_person_before(analyse):
    doc = analyse(
        "The deal was signed by Chinese Commerce Minister Bo Xilai and his Pakistani "
        "counterpart Jumayun Akhtar Khan, in the presence of Chinese President Hu "
        "Jintao and his Pakistani counterpart Pervez Musharraf."
    )
    got = officials(doc)
    assert got["Jumayun Akhtar Khan"] == ("Commerce Minister", "PAK")
    assert got["Pervez Musharraf"] == ("President", "PAK")


def test_opposition_leader_is_not_an_official(analyse):
    assert analyse("He met opposition leader Aung San Suu Kyi.")._.officials == []


def test_unqualified_official_takes_dateline_country(analyse):
    doc = analyse(
        "Ceasefire talks stall\n\nCOTABATO, Philippines, April 25 , 1997 (AFP) -- "
        "President Fidel Ramos said talks would resume."
    )
    assert officials(doc)["Fidel Ramos"] == ("President", "PHL")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "President Gloria Arroyo said the Philippines would hold talks. Presidential "
            "spokesman Ignacio Bunye said the date was not set.",
            "Ignacio Bunye",
            "PHL",
        ),
        (
            "Ambassador Shaharuddin Som of Malaysia called on Vice President Joseph Mbatanga "
            "to discuss trade with Zimbabwe.",
            "Joseph Mbatanga",  # not in the actor store: only the text could tell
            None,
        ),
        (
            "Chinese Foreign Minister Li Zhaoxing will attend the meeting in South Korea. "
            "Foreign Ministry spokesman Liu Jianchao said the meeting matters.",
            "Liu Jianchao",
            "CHN",
        ),
        (
            "Russian President Vladimir Putin met Indonesian President Susilo Bambang Yudhoyono. "
            "Presidential spokesman Budi Wirawan Santosa said the talks went well.",
            "Budi Wirawan Santosa",  # not in the actor store
            None,
        ),
    ],
    ids=[
        "only-country-named",
        "two-countries-no-guess",
        "spokesman-of-the-foreign-minister",
        "spokesman-of-which-president",
    ],
)
def test_story_without_dateline_takes_the_country_its_text_shows(analyse, text, name, country):
    assert officials(analyse(text))[name][1] == country


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Hanoi (VNA) - President Vladimir Putin sent a message.", "Vladimir Putin", "RUS"),
        ("Secretary-General Antonio Guterres warned of risks.", "Antonio Guterres", None),
        # known to the actor store (Phoenix, to 2014): Zimbabwe's vice president of 2005
        ("Vice President Joseph Msika spoke.", "Joseph Msika", "ZWE"),
        ("Presidential spokesman Dino Patti Djalal spoke.", "Dino Patti Djalal", "IDN"),
    ],
    ids=[
        "known-holder-beats-agency",
        "international-holder-has-no-country",
        "phoenix-holder",
        "phoenix-spokesman",
    ],
)
def test_known_office_holders_give_the_country(analyse, sentence, name, country):
    assert officials(analyse(sentence))[name][1] == country


def test_coordinated_title_shares_the_country(analyse):
    doc = analyse(
        "Chinese Foreign Minister Li Zhaoxing and Commerce Minister Bo Xilai will attend."
    )
    assert officials(doc)["Bo Xilai"] == ("Commerce Minister", "CHN")


@pytest.mark.parametrize(
    "sentence",
    [
        "Head of LEBA Fatallah Fawzi attended. He spoke for the Lebanese-Egyptian Business "
        "Association (LEBA).",
        "At a press conference the Chamber's President Maria Galindo De Obarrio asked for talks.",
        "Chaiyapruk Thongkam, president of the Association of Domestic Travel, said so.",
    ],
)
def test_posts_in_business_bodies_are_not_offices(analyse, sentence):
    # LABELLING.md: business and civil-society figures are not officials
    assert analyse(sentence)._.officials == []


def test_a_legislative_chamber_is_not_a_business_body(analyse):
    from extractor.components.official_mentions import is_business_body_post

    doc = analyse("President of the Chamber of Deputies Arthur Lira met the delegation.")
    title = doc.spans["titles"][0]
    assert title.text == "President of the Chamber"
    assert not is_business_body_post(doc, title, {})
    doc = analyse("Charoen Wangananont, president of the Thai Travel Agents Association, spoke.")
    assert is_business_body_post(doc, doc.spans["titles"][0], {})


def test_common_english_names_of_renamed_states():
    from extractor.knowledge import load_gazetteer

    names = {n: c["iso3"] for c in load_gazetteer().countries for n in c["names"]}
    assert (names["Turkey"], names["UAE"], names["DRC"]) == ("TUR", "ARE", "COD")


def test_crown_prince_is_the_title_and_honorifics_are_no_name(analyse):
    # the issue's example: "Crown Prince Mohammed Bin Salman, deputy premier and minister of
    # defense" has the title Crown Prince; LABELLING: names drop "His Royal Highness"
    doc = analyse(
        "Crown Prince Mohammed Bin Salman, deputy premier and minister of defense, arrived."
    )
    assert [(o["name"], o["title"]) for o in doc._.officials] == [
        ("Mohammed Bin Salman", "Crown Prince")
    ]
    doc = analyse(
        "The strategy announced by His Royal Highness, Crown Prince and Chairman of the "
        "Supreme Committee for Research, was praised."
    )
    assert doc._.officials == []


def test_rank_abbreviations_are_titles(analyse):
    doc = analyse(
        "King Abdullah was received by Chairman of the Joint Chiefs of Staff Maj. Gen. Yousef "
        "Huneiti and the commander of the Royal Jordanian Air Force (RJAF) Brig. Gen. Mohammad "
        "Hiasat, according to a statement."
    )
    assert "Maj." in [t.text for t in doc]  # one token, as "Gen." is
    titles = {o["name"]: o["title"] for o in doc._.officials}
    assert titles["Yousef Huneiti"] == "Maj. Gen."
    assert titles["Mohammad Hiasat"] == "Brig. Gen."


def test_lt_alone_is_no_title(analyse):
    # "Lt." only modifies a rank ("Lt. Col.", "Lt. Gen."): "Lt. Governors", "Lt. Gen Turki"
    # (no period) gave an official "Governors" and one named "Gen Turki Bandar Al Saud"
    doc = analyse("The Lt. Governors met in Delhi. Lt. Gen Turki Bandar Al Saud arrived.")
    assert [o["title"] for o in doc._.officials] == []


@pytest.mark.parametrize(
    ("sentence", "name", "title", "country"),
    [
        (
            "The Minister of Arts and Cultural Heritage, Mr Avinash Teeluck, opened it.",
            "Avinash Teeluck",
            "Minister of Arts and Cultural Heritage",
            None,
        ),
        (
            "The artworks went to the Ambassador of the Arab Republic of Egypt to Mauritius, "
            "Dr Alya’a Samir Borhan, on that occasion.",
            "Alya’a Samir Borhan",
            "Ambassador of the Arab Republic of Egypt to Mauritius",
            "EGY",
        ),
        (
            "Head of Turkey’s Small and Medium Enterprises Development Organization (KOSGEB) "
            "Hasan Basri Kurt met the delegation.",
            "Hasan Basri Kurt",
            "Head of Turkey’s Small and Medium Enterprises Development Organization (KOSGEB)",
            "TUR",
        ),
        (
            "Lebanese Ambassador in Cairo Ali El Halabi attended.",
            "Ali El Halabi",
            "Ambassador in Cairo",
            "LBN",
        ),
        (
            "Leader of the Opposition Aubrey Norton brought a motion.",
            "Aubrey Norton",
            "Leader of the Opposition",
            None,
        ),
        (
            "He called on the Comptroller General, Gerardo Solís, to act.",
            "Gerardo Solís",
            "Comptroller General",
            None,
        ),
        (
            "She met South Korean President-elect Yoon Suk-yeol on May 10.",
            "Yoon Suk-yeol",
            "President-elect",
            "KOR",
        ),
        (
            "President of Mongolia U.Khurelsukh received the delegation.",
            "U.Khurelsukh",
            "President of Mongolia",
            "MNG",
        ),
        (
            "Rwanda's Minister of Environment Jeanne d’Arc Mujawamariya spoke.",
            "Jeanne d’Arc Mujawamariya",
            "Minister of Environment",
            "RWA",
        ),
        (
            "UNESCO Director-General Audrey Azoulay arrived.",
            "Audrey Azoulay",
            "Director-General",
            None,
        ),
        (
            "Russian President Vladimir Putin’s spokesman, Dmitry Peskov, said so.",
            "Dmitry Peskov",
            "spokesman",
            "RUS",
        ),
        (
            "Egypt's Foreign Minister, Sameh Shoukry, said so.",
            "Sameh Shoukry",
            "Foreign Minister",
            "EGY",
        ),
    ],
    ids=[
        "tail-of-two-portfolio-words",
        "ambassador-of-state-to-host-after-comma-honorific",
        "tail-through-country-possessive-and-acronym",
        "ambassador-in-city",
        "formal-opposition-office",
        "the-title-comma-name",
        "elect",
        "initial-joined-to-name",
        "apostrophe-particle-in-name",
        "international-body-before-title",
        "possessor-official-gives-country",
        "country-possessive-title-comma-name",
    ],
)
def test_world_title_patterns(analyse, sentence, name, title, country):
    assert officials(analyse(sentence)).get(name) == (title, country)


def test_a_comma_after_a_title_in_apposition_closes_it(analyse):
    found = officials(
        analyse(
            "They met Nicholas Burns, who is U.S. Undersecretary of State for Political Affairs, "
            "Robert Joseph, the Undersecretary of State for Arms Control, and Aso."
        )
    )
    assert found.get("Robert Joseph") == ("Undersecretary of State for Arms Control", "USA")


def test_named_members_of_a_plural_title_take_the_countries_in_order(analyse):
    found = officials(
        analyse(
            "Turkish President Recep Tayyip Erdogan met his Iranian and Russian counterparts, "
            "Ebrahim Raisi and Vladimir Putin, in Tehran."
        )
    )
    assert found["Ebrahim Raisi"] == ("President", "IRN")
    assert found["Vladimir Putin"] == ("President", "RUS")
    assert "ASEAN" not in str(
        officials(analyse("ASEAN foreign ministers, meeting in Hanoi, agreed."))
    )


def test_a_counterpart_keeps_its_title_where_the_office_is_named_otherwise(analyse):
    found = officials(
        analyse(
            "Japanese Defense Minister Nobuo Kishi and his U.S. counterpart, Lloyd Austin, met. "
            "Chinese Foreign Minister Wang Yi met his Thai counterpart Don Pramudwinai."
        )
    )
    assert found["Lloyd Austin"] == ("counterpart", "USA")
    assert found["Don Pramudwinai"] == ("Foreign Minister", "THA")


def test_a_listed_officials_country_is_not_passed_on_by_a_comma(analyse):
    found = officials(
        analyse(
            "CAIRO, July 3 - Lebanese Ambassador Ali El Halabi, Deputy Minister of Planning Ghada "
            "Labib and others attended."
        )
    )
    assert found["Ali El Halabi"] == ("Ambassador", "LBN")
    assert found["Ghada Labib"][1] == "EGY"  # the dateline's, as for any unqualified minister


def test_a_state_agency_named_for_its_country_is_not_a_business_body(analyse):
    found = officials(
        analyse(
            "Head of Iran Small Industries and Industrial Parks Organization (ISIPO) Ali "
            "Rasoulian met him. Faustin Vuningoma, the Executive Secretary of Rwanda Climate and "
            "Development Network (RCDN), told IPS."
        )
    )
    assert found["Ali Rasoulian"][1] == "IRN"
    assert "Faustin Vuningoma" not in found


def test_clergy_coalition_partners_and_fronted_titles(analyse):
    found = officials(
        analyse(
            "The yeshiva's president, Rabbi Binyamin Blau, said so. Natsuo Yamaguchi, leader of "
            "junior coalition partner Komeito, said so. As the head of SAHPRA, Dr Boitumelo "
            "Semete-Makokotlela, led the work. The Minister of Gender Equality, Mrs Kalpana "
            "Koonjoo-Shah, the Chairperson of Amaury Social Welfare Committee, Mr S. Bholah, "
            "were present."
        )
    )
    assert not any("Blau" in name for name in found)
    assert found["Natsuo Yamaguchi"][0] == "leader"
    assert found["Boitumelo Semete-Makokotlela"][0] == "head of SAHPRA"
    assert found["S. Bholah"][0] == "Chairperson of Amaury Social Welfare Committee"
    assert found["Kalpana Koonjoo-Shah"][0] == "Minister of Gender Equality"


def test_a_states_envoy_to_a_body_and_a_movements_leader(analyse):
    found = officials(
        analyse(
            "The leaders will send a message, said South Korea's APEC Ambassador Kim Jong-hoo. "
            "A leader of the Islamic Resistance Movement Mahmoud Al-Zahar spoke."
        )
    )
    assert found["Kim Jong-hoo"] == ("Ambassador", "KOR")
    assert found["Mahmoud Al-Zahar"][0] == "leader of the Islamic Resistance Movement"


def test_a_mission_in_its_city_and_a_body_named_by_a_country_adjective(analyse):
    found = officials(
        analyse(
            "On Tuesday, You received Patrick Rumlar, the head of the Czech Economic and "
            "Cultural Office in Taipei, and thanked him."
        )
    )
    assert found["Patrick Rumlar"] == (
        "head of the Czech Economic and Cultural Office in Taipei",
        "CZE",
    )


def test_a_description_after_a_known_leader_names_him(analyse):
    doc = analyse(
        "The Government of Uruguay refrained from signing, as the Luis Lacalle Pou "
        "administration needs flexibility. Lacalle underscored the importance of meeting face "
        "to face. The Uruguayan leader argued that it is easier to talk in person."
    )
    found = officials(doc)
    assert found["Luis Lacalle Pou"] == ("leader", "URY")
    # nobody the actor store does not know is tied to a description this way
    doc = analyse(
        "Juan Perez underscored the importance of meeting. The Uruguayan leader argued that it "
        "is easier."
    )
    assert "Juan Perez" not in officials(doc)
