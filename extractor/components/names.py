"""Person names, mended after the statistical recogniser: one article, one reading of a name.

The recogniser labels each mention on its own, so an article that names "Babar Azam" and then
"Babar" twenty times gets some of them as GPE or nothing, and "Lalibela" may be a person in one
sentence and a town in the next. This component reads the article as a whole and rewrites
``doc.ents`` (the tagger's fine tags and the parse are read; no other annotation is touched):

0. A country's adjective or name read as an organisation or a person on its own ("Ugandan"
   before "President Yoweri Museveni") is NORP or GPE, as the gazetteer has it.
1. Titles and honorifics are kept out of names ("Captain Xoli Mbele" -> "Xoli Mbele",
   "Brig Salim ..."), as ``LABELLING.md`` and the English Worldwide Newswire annotations have it.
2. A one-word "person" written as a place ("in Lalibela", "at Guanacaste," -- a locative
   preposition before it, no possessive or noun after it) is a place, and so is every other
   mention of that word in the article (one sense per discourse).
3. A word the recogniser reads as part of a person's name more often than as anything else is a
   name wherever it stands alone in the article: an untagged run of proper nouns made only of
   such words, or a one-word entity of another label, becomes PERSON ("Babar", "Meyer",
   "Fontaine"). Not after an article ("the Tata group"), not as a modifier of a common noun, not
   one letter, and not a fragment of a longer name ("Salim" of "Salim bin Yahya Al-Hinai").
4. A run of proper nouns right after a title that precedes names (``names.before_a_name``:
   "King", "Empress", "Mr"; not "General", "Chief") is a name even where the recogniser
   saw none ("Empress Michiko", "Jordanian King Abdullah II"), unless a word of it names a thing
   called after a person ("Queen Elizabeth Central Hospital", "General Electric"); and a
   person's regnal number belongs to the name ("Abdullah" + "II").

Scored by ``benchmarks/names_world.py`` with the recogniser it mends (see the card in
``models/sources/ner_world/README.md``). Time is linear in article length.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..contract import assigns, requires
from ..knowledge import load_gazetteer, words
from .base import RuleComponent

PERSON = "PERSON"
PROPER = ("NNP", "NNPS")
LOCATIVE = {"in", "at", "near", "around"}
ARTICLES = {"the", "a", "an"}
APOSTROPHES = {"'", "’"}
NOT_AFTER_A_PLACE = {"POS", "NN", "NNS", "NNP", "NNPS"}
REGNAL = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)$")


def leading_titles(title_words: dict) -> frozenset[str]:
    """Words that open a person's title, not a name: the title heads and rank abbreviations of
    ``title_words.json`` and the honorifics of the lexicon, without their full stops."""
    forms = [*title_words["heads"], *title_words["abbreviations"]]
    forms += words("officials.honorifics")
    return frozenset(w.lower().rstrip(".") for w in forms if " " not in w)


def country_words(doc: Doc, ents: list[Span], countries: dict) -> list[Span]:
    """Entities that are only a country's adjective or name, labelled as the gazetteer has it
    (an organisation or person "Ugandan" is NORP; a person "Uganda" stays one, as in names)."""
    out = []
    for ent in ents:
        label = countries.get(ent.text)
        wrong = ent.label_ == "ORG" or (ent.label_ == PERSON and label == "NORP")
        out.append(Span(doc, ent.start, ent.end, label=label) if label and wrong else ent)
    return out


def trim_titles(doc: Doc, ents: list[Span], titles: frozenset[str]) -> list[Span]:
    """PERSON entities without the titles and honorifics that open them."""
    out = []
    for ent in ents:
        if ent.label_ != PERSON:
            out.append(ent)
            continue
        start = _past_titles(doc, ent.start, ent.end - 1, titles)  # a title alone stays
        out.append(ent if start == ent.start else Span(doc, start, ent.end, label=PERSON))
    return out


def places_written_as_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """One-word PERSON entities relabelled GPE where the article writes that word as a place."""
    places = {e.text for e in ents if e.label_ == PERSON and len(e) == 1 and _as_place(doc, e)}
    if not places:
        return ents
    return [
        Span(doc, e.start, e.end, label="GPE") if e.label_ == PERSON and e.text in places else e
        for e in ents
    ]


def _as_place(doc: Doc, ent: Span) -> bool:
    if ent.start == 0 or doc[ent.start - 1].lower_ not in LOCATIVE:
        return False
    if ent.end >= len(doc):
        return True
    after = doc[ent.end]
    return after.tag_ not in NOT_AFTER_A_PLACE and after.text not in APOSTROPHES


def names_standing_alone(
    doc: Doc, ents: list[Span], titles: frozenset[str], particles: frozenset[str]
) -> list[Span]:
    """``ents`` with the lone mentions of the article's person-name words made PERSON."""
    as_name, as_other = Counter(), Counter()
    for ent in ents:
        for t in ent:
            if ent.label_ != PERSON:
                as_other[t.text] += 1
            elif t.is_title and t.lower_ not in particles:
                as_name[t.text] += 1
    if not as_name:
        return ents

    def a_name(t) -> bool:
        return (
            as_name[t.text] > as_other[t.text]
            and t.is_title
            and len(t) > 1
            and not (t.i > 0 and doc[t.i - 1].lower_ in ARTICLES)
            and not (t.dep_ == "compound" and t.head.tag_ in ("NN", "NNS"))
        )

    def joins(i: int) -> bool:  # a particle, hyphen or apostrophe that continues a name
        if not 0 <= i < len(doc):
            return False
        t = doc[i]
        if t.text in APOSTROPHES:  # "Mistry's" ends the name; "Ya'alon" does not
            return not (i + 1 < len(doc) and doc[i + 1].lower_ == "s")
        return t.lower_ in particles or t.text == "-"

    taken = _tokens_of(ents)
    out = [
        Span(doc, e.start, e.end, label=PERSON)
        if e.label_ != PERSON and len(e) == 1 and a_name(e[0])
        else e
        for e in ents
    ]
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in taken and doc[j].tag_ in PROPER and doc[j].is_title:
            j += 1
        if j == i:
            i += 1
            continue
        start = _past_titles(doc, i, j, titles)
        whole = start < j and not joins(i - 1) and not joins(j)
        if whole and all(a_name(doc[k]) for k in range(start, j)):
            out.append(Span(doc, start, j, label=PERSON))
        i = j
    return out


def names_after_titles(doc: Doc, ents: list[Span], lists: NameLists) -> list[Span]:
    """``ents`` with the untagged proper-noun runs after a title that precedes names made
    PERSON, and PERSON entities extended over a regnal number."""
    taken = _tokens_of(ents)
    out = []
    for ent in ents:
        end = ent.end
        if ent.label_ == PERSON and _regnal(doc, end, taken):
            end += 1
        out.append(ent if end == ent.end else Span(doc, ent.start, end, label=PERSON))
    taken = _tokens_of(out)
    not_names = lists.titles | lists.things
    for t in doc[:-1]:
        if _folded(t) not in lists.before_a_name or not t.is_title or t.i + 1 in taken:
            continue
        end = t.i + 1
        while end < len(doc) and end not in taken and _name_word(doc[end]):
            end += 1
        run = doc[t.i + 1 : end]
        if not run or any(_folded(w) in not_names or w.lower_[:-1] in lists.titles for w in run):
            continue  # nothing, a thing named after a person, or more titles ("Generals")
        end += _regnal(doc, end, taken)
        after = doc[end] if end < len(doc) else None  # "... II Airbase": a thing's name goes on
        named_thing = after is not None and after.tag_ in PROPER and not after.is_lower
        if end - t.i - 1 <= 4 and not named_thing:
            out.append(Span(doc, t.i + 1, end, label=PERSON))
            taken.update(range(t.i + 1, end))
    return out


def _tokens_of(ents: list[Span]) -> set[int]:
    return {i for e in ents for i in range(e.start, e.end)}


def _past_titles(doc: Doc, start: int, stop: int, titles: frozenset[str]) -> int:
    """The first token from ``start`` (at most ``stop``) that is no title or honorific."""
    while start < stop and _folded(doc[start]) in titles:
        start += 1
    return start


def _name_word(token) -> bool:
    """A word that may be part of a name after a title: a capitalised singular proper noun,
    not an abbreviation ("Chief Supt.")."""
    return token.tag_ == "NNP" and token.is_title and not token.text.endswith(".")


def _regnal(doc: Doc, i: int, taken: set[int]) -> bool:
    """A regnal number at ``i`` that ends a name ("Abdullah II", not "Abdullah II Airbase")."""
    if i >= len(doc) or i in taken or not REGNAL.match(doc[i].text):
        return False
    return not (i + 1 < len(doc) and doc[i + 1].tag_ in PROPER and doc[i + 1].is_title)


@dataclass(frozen=True)
class NameLists:
    """The word lists the name rules read (``models/title_words.json``, ``models/lexicon.json``)."""

    titles: frozenset[str]  # words that open a title: kept out of names
    particles: frozenset[str]  # "bin", "de", ...: inside names
    things: frozenset[str]  # words of things named after people ("Hospital")
    before_a_name: frozenset[str]  # titles a name follows ("King", "Empress", "Mr")
    countries: dict[str, str]  # "Ugandan" -> NORP, "Uganda" -> GPE

    @classmethod
    def load(cls, folder: Path | None = None) -> NameLists:
        gazetteer = load_gazetteer(folder)
        countries = {f: "GPE" for row in gazetteer.countries for f in row["names"]}
        countries.update({f: "NORP" for row in gazetteer.countries for f in row["adjectives"]})
        return cls(
            countries=countries,
            titles=leading_titles(gazetteer.title_words),
            particles=words("officials.particles"),
            things=words("names.named_after_people")
            | words("officials.political_body_words")
            | words("officials.business_bodies"),
            before_a_name=words("names.before_a_name"),
        )


def mend_person_names(doc: Doc, lists: NameLists) -> list[Span]:
    """The article's entities with its person names mended (steps 0-4 of the module doc)."""
    ents = country_words(doc, list(doc.ents), lists.countries)
    ents = trim_titles(doc, ents, lists.titles)
    ents = places_written_as_people(doc, ents)
    ents = names_standing_alone(doc, ents, lists.titles, lists.particles)
    ents = names_after_titles(doc, ents, lists)
    return sorted(filter_spans(ents), key=lambda e: e.start)


def _folded(token) -> str:
    return token.lower_.rstrip(".")


@Language.factory(
    "extractor_names",
    default_config={"data": None},
    assigns=assigns("extractor_names"),
    requires=requires("extractor_names"),
)
class PersonNames(RuleComponent):
    """Mends the recogniser's PERSON entities with what the whole article says."""

    def load(self, folder: Path) -> None:
        self.lists = NameLists.load(folder)

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = mend_person_names(doc, self.lists)
        return doc
