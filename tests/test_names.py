"""Person names mended over the whole article (extractor/components/names.py), without the model:
Docs are built with their tags, parse and entities given."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from extractor.components.names import NameLists, mend_person_names

NLP = spacy.blank("en")
LISTS = NameLists.load()


def make(
    text: str,
    ents: list[tuple[int, int, str]],
    tags: dict[int, str] | None = None,
    deps: dict[int, tuple[str, int]] | None = None,
) -> Doc:
    """A Doc of space-separated ``text``: capitalised words NNP, the rest NN unless ``tags``
    says otherwise; every token its own root unless ``deps`` gives (dep, head)."""
    tokens = text.split()
    tags = tags or {}
    deps = deps or {}
    doc = Doc(
        NLP.vocab,
        words=tokens,
        tags=[tags.get(i, "NNP" if w[0].isupper() else "NN") for i, w in enumerate(tokens)],
        heads=[deps.get(i, ("ROOT", i))[1] for i in range(len(tokens))],
        deps=[deps.get(i, ("ROOT", i))[0] for i in range(len(tokens))],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def people(doc: Doc) -> list[str]:
    return [e.text for e in mend_person_names(doc, LISTS) if e.label_ == "PERSON"]


def labels(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in mend_person_names(doc, LISTS)]


@pytest.mark.parametrize(
    "text, ent, name",
    [
        ("said spokesperson Captain Xoli Mbele .", (2, 5), "Xoli Mbele"),
        ("Brig Salim Al Hinai spoke .", (0, 4), "Salim Al Hinai"),
        ("when Mr. Cummings arrived", (1, 3), "Cummings"),
        ("Sheikh Tamim arrived", (0, 2), "Tamim"),
    ],
)
def test_titles_and_honorifics_are_kept_out_of_names(text, ent, name):
    assert people(make(text, [(*ent, "PERSON")])) == [name]


def test_a_title_alone_stays_what_the_recogniser_said():
    assert people(make("the Speaker rose", [(1, 2, "PERSON")])) == ["Speaker"]


def test_a_word_written_as_a_place_is_a_place_throughout_the_article():
    doc = make(
        "pilgrims arrive in Lalibela , and Lalibela welcomes them",
        [(3, 4, "PERSON"), (6, 7, "PERSON")],
        tags={4: ",", 5: "CC", 7: "VBZ", 8: "PRP"},
    )
    assert labels(doc) == [("Lalibela", "GPE"), ("Lalibela", "GPE")]


@pytest.mark.parametrize(
    "text, tags",
    [
        ("they met at Vystrcil 's invitation", {4: "POS"}),  # a possessive: his invitation
        ("he spoke in Gandhi murder case", {}),  # a modifier of a noun
        ("he met Lagos yesterday", {3: "RB"}),  # no locative preposition
    ],
)
def test_a_person_near_a_preposition_is_not_made_a_place(text, tags):
    doc = make(text, [(3, 4, "PERSON")], tags=tags)
    assert people(doc) == [doc[3].text]


def test_a_name_the_article_gives_is_a_name_where_it_stands_alone():
    doc = make(
        "Babar Azam scored . Babar smiled and Babar waved . Babar left",
        [(0, 2, "PERSON"), (4, 5, "PERSON"), (7, 8, "GPE")],
        tags={2: "VBD", 3: ".", 5: "VBD", 6: "CC", 8: "VBD", 9: ".", 11: "VBD"},
    )
    assert labels(doc) == [("Babar Azam", "PERSON")] + [("Babar", "PERSON")] * 3


def test_a_word_more_often_something_else_is_left_alone():
    doc = make(
        "Ratan Tata retired . Tata Sons grew and Tata Steel and Tata Power too",
        [(0, 2, "PERSON"), (4, 6, "ORG"), (8, 10, "ORG"), (11, 13, "ORG")],
        tags={2: "VBD", 3: ".", 6: "VBD", 7: "CC", 10: "CC", 13: "RB"},
    )
    assert people(doc) == ["Ratan Tata"]


@pytest.mark.parametrize(
    "text, deps, tags",
    [
        ("Ratan Tata retired . the Tata group grew", {}, {2: "VBD", 3: ".", 4: "DT", 7: "VBD"}),
        ("Ratan Tata retired . Tata shares fell", {4: ("compound", 5)}, {2: "VBD", 5: "NNS"}),
    ],
)
def test_a_name_word_naming_a_thing_is_not_made_a_person(text, deps, tags):
    doc = make(text, [(0, 2, "PERSON")], tags=tags, deps=deps)
    assert people(doc) == ["Ratan Tata"]


def test_a_fragment_of_a_longer_name_is_not_made_a_person():
    doc = make(
        "Salim Ali spoke . Salim bin Yahya Al - Hinai agreed",
        [(0, 2, "PERSON")],
        tags={2: "VBD", 3: ".", 5: "NNP", 9: "VBD"},
    )
    assert people(doc) == ["Salim Ali"]


@pytest.mark.parametrize(
    "text, tags, name",
    [
        ("Singh will meet Empress Michiko .", {1: "MD", 2: "VB", 5: "."}, "Michiko"),
        ("Jordanian King Abdullah II welcomed it", {4: "VBD", 5: "PRP"}, "Abdullah II"),
    ],
)
def test_a_proper_noun_after_a_title_is_a_name(text, tags, name):
    assert people(make(text, [], tags=tags)) == [name]


def test_a_recognised_name_keeps_its_regnal_number():
    doc = make("King Abdullah II arrived", [(1, 2, "PERSON")], tags={3: "VBD"})
    assert people(doc) == ["Abdullah II"]


@pytest.mark.parametrize(
    "text",
    [
        "he died at Queen Elizabeth Central Hospital .",
        "they flew from King Abdullah II Airbase .",
        "delegates of UN Member States met",
        "he is the General Manager of it",
    ],
)
def test_a_thing_named_after_a_person_is_not_a_person(text):
    tags = {0: "PRP", 1: "VBD", 2: "IN", 3: "IN"} if text[0].islower() else {}
    assert people(make(text, [], tags=tags)) == []


def test_a_country_adjective_alone_is_no_organisation():
    doc = make(
        "Ugandan President Yoweri Museveni spoke",
        [(0, 1, "ORG"), (2, 4, "PERSON")],
        tags={0: "JJ", 4: "VBD"},
    )
    assert labels(doc) == [("Ugandan", "NORP"), ("Yoweri Museveni", "PERSON")]


def test_the_entity_of_a_token_is_found_from_its_marks():
    from extractor.components.parse import entity_at

    doc = make("Ratan Tata Tata Sons grew", [(0, 2, "PERSON"), (2, 4, "ORG")])
    assert [(e.text, e.label_) for e in (entity_at(doc, 1), entity_at(doc, 2))] == [
        ("Ratan Tata", "PERSON"),
        ("Tata Sons", "ORG"),
    ]
    assert entity_at(doc, 4) is None
