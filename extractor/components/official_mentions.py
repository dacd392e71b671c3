"""Officials, the first stages: person mentions and the titles linked to them.

A name run next to a title (before it, after it, in apposition), or the person named after an
unnamed description of one office, becomes an :class:`Anchor`: the name, its title, the country
the text gives it and the evidence for that country."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..contract import Spans
from ..extensions import doc_text
from ..knowledge import ActorStore, words
from ..temporal import MONTHS, WEEKDAYS
from .official_appositions import (
    HONORIFICS,
    closes_apposition,
    determined,
    plural_appositions,
    principal_country,
)
from .parse import entity_at
from .titles import TitleLexicon, fold, names_diplomat

PARTICLES = words("officials.particles")


INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
# Mongolian style, initial of the father's name joined to the given name: "U.Khurelsukh"
INITIAL_AND_NAME = re.compile(r"^(?:[A-Z]\.)+[A-Z][a-z]+$")
# "O'Brien", "Alya'a", "d'Arc", "Ja'far": a name written with an apostrophe inside
APOSTROPHE_NAME = re.compile(r"^(?:[A-Z][a-z]+|O|D|d|l)['’][A-Za-z][a-z]*$")


NOT_NAMES = words("officials.not_names")


MONTH_OR_DAY = {*MONTHS, *WEEKDAYS, "jan", "feb", "aug", "sept", "oct", "nov", "dec"}


RELIGIOUS = words("officials.religious_styles")


# "opposition leader Aung San Suu Kyi", "rebel chief": no office in a government or body
NOT_OFFICE = words("officials.not_office")


# Posts that companies have as well as states; "Toyota president", "Microsoft chairman"
COMPANY_POSTS = {"chairman", "chairwoman", "ceo", "executive", "president", "director", "founder"}


POLITICAL_BODY_WORDS = words("officials.political_body_words")


# "Head of LEBA" (the Lebanese-Egyptian Business Association), "the Chamber's President"
BUSINESS_BODIES = words("officials.business_bodies")
# "President of the Chamber of Deputies", "the Upper Chamber": chambers that are legislatures
LEGISLATIVE_CHAMBERS = {
    "deputies",
    "representatives",
    "parliament",
    "parliamentary",
    "legislative",
    "senate",
    "upper",
    "lower",
    "government",
    "ministry",
}


# a body named after its state and called an organisation, authority ... is a state agency
STATE_AGENCY_WORDS = {"organization", "organisation", "authority", "agency", "administration"}


@dataclass
class Anchor:
    """One place where a title stands by a name."""

    name: Span
    title: Span
    country: str | None
    evidence: str  # title | description | context | office | international | none


class NameRules:
    """Which tokens can be part of a person's name."""

    def __init__(self, lexicon: TitleLexicon) -> None:
        self.lexicon = lexicon

    def is_name_token(self, doc: Doc, i: int, blocked: set[int]) -> bool:
        t = doc[i]
        if i in blocked or t.lower_ in NOT_NAMES or t.lower_ in MONTH_OR_DAY:
            return False
        if t.lower_ in self.lexicon.heads or t.lower_ in HONORIFICS:
            return False
        if INITIAL.match(t.text) or INITIAL_AND_NAME.match(t.text) or APOSTROPHE_NAME.match(t.text):
            return True
        return (
            t.is_alpha
            and (t.is_title or (t.text[:1].isupper() and not t.is_upper))
            or (t.is_alpha and t.is_upper and len(t) > 1 and t.ent_type_ == "PERSON")
        )

    def run_after(self, doc: Doc, i: int, blocked: set[int]) -> Span | None:
        """The name starting at token ``i`` (after a title), or None."""
        while i < len(doc) and doc[i].lower_ in HONORIFICS:
            i += 1  # "H.E. Shri Narendra Modi"
        j = i
        while j < len(doc) and j - i < 6:
            if self.is_name_token(doc, j, blocked):
                j += 1
            elif doc[j].text == "-" and j > i and j + 1 < len(doc) and doc[j + 1].is_alpha:
                j += 2  # "Kim Dae-jung"
            elif doc[j].text.endswith("-") and j + 1 < len(doc) and doc[j + 1].is_alpha and j > i:
                j += 2  # "Roh Moo- hyun"
            elif (
                doc[j].lower_ in PARTICLES
                and j > i
                and j + 1 < len(doc)
                and self.is_name_token(doc, j + 1, blocked)
            ):
                j += 1
            elif (
                doc[j].text in ('"', "“", "”")
                and j > i
                and j + 2 < len(doc)
                and doc[j + 2].text in ('"', "“", "”")
                and doc[j + 1].is_title
            ):
                j += 3  # Douglas "Pete" Peterson
            else:
                break
        if j == i:
            return None
        return doc[i:j]

    def run_before(self, doc: Doc, end: int, blocked: set[int]) -> Span | None:
        """The name ending just before token ``end`` (before ", Title"), or None."""
        j = end
        while j > 0 and end - j < 6:
            if self.is_name_token(doc, j - 1, blocked):
                j -= 1
            elif doc[j - 1].text == "-" and j - 2 >= 0 and j < end and doc[j - 2].is_alpha:
                j -= 2
            elif (
                doc[j - 1].lower_ in PARTICLES
                and j < end
                and j - 2 >= 0
                and self.is_name_token(doc, j - 2, blocked)
            ):
                j -= 1
            else:
                break
        if j == end:
            return None
        return doc[j:end]


def _label_index(doc: Doc, key: str) -> dict[int, str]:
    return {i: s.label_ for s in doc.spans.get(key, []) for i in range(s.start, s.end)}


def country_before(
    doc: Doc, start: int, countries: dict[int, str], orgs: dict[int, str]
) -> tuple[str | None, int]:
    """ISO3 of "Russian" / "Thailand's" / "CPC" right before a title, and where it starts."""
    i = start - 1
    if i >= 0 and doc[i].text in ("'s", "’s", "'"):
        i -= 1
    if i >= 0 and i in countries:
        j = i
        while j - 1 >= 0 and countries.get(j - 1) == countries[i]:
            j -= 1
        return countries[i], j
    if i >= 0 and orgs.get(i, "ORG") != "ORG":
        return orgs[i], i
    return None, start


def country_in(
    span: Span, countries: dict[int, str], orgs: dict[int, str], lexicon: TitleLexicon
) -> tuple[str | None, bool]:
    """ISO3 named inside a title ("president of China", "CPP chairman"); and whether the title
    belongs to an international body ("UN Secretary-General")."""
    host = next((t.i for t in span if t.lower_ in ("to", "in")), span.end)
    if names_diplomat(span[: host - span.start]):
        span = span.doc[span.start : host]  # "Ambassador of Egypt to Mauritius": Egypt's
    # a country word first: "president of the Salvadoran Congress" is not the US Congress's
    found = [countries[t.i] for t in span if t.i in countries] or [
        orgs[t.i] for t in span if orgs.get(t.i, "ORG") != "ORG"
    ]
    if found:
        return found[-1], False
    international = any(
        fold(t.text) in lexicon.international or orgs.get(t.i) == "ORG" for t in span
    )
    return None, international


def country_after(doc: Doc, name: Span, countries: dict[int, str]) -> str | None:
    """ "Hun Sen of Cambodia", "Hun Sen, Cambodia's prime minister"."""
    i = name.end
    if i + 1 < len(doc) and doc[i].lower_ == "of" and i + 1 in countries:
        return countries[i + 1]
    if (
        i + 2 < len(doc)
        and doc[i].text == ","
        and i + 1 in countries
        and doc[i + 2].text in ("'s", "’s")
    ):
        return countries[i + 1]
    return None


def find_anchors(
    doc: Doc, rules: NameRules, lexicon: TitleLexicon, actors: ActorStore | None = None
) -> list[Anchor]:
    """Every title-name pair in the article, with the country evidence found there."""
    countries = _label_index(doc, Spans.COUNTRIES)
    orgs = _label_index(doc, Spans.ORGANISATIONS)
    blocked = set(countries) | {i for i, lab in orgs.items()}
    non_person = ("GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "NORP")
    blocked |= {tok.i for e in doc.ents if e.label_ in non_person for tok in e}
    title_tokens = {i for s in doc.spans.get(Spans.TITLES, []) for i in range(s.start, s.end)}
    blocked |= title_tokens
    anchors: list[Anchor] = []
    descriptions: list[tuple[Span, str]] = []
    previous: tuple[Span, Span] | None = None  # (title, name) of the last apposition
    for title in doc.spans.get(Spans.TITLES, []):
        heads = [t for t in title if lexicon.is_head(t)]
        if heads and heads[-1].tag_ in ("NNS", "NNPS") and heads[-1].lower_.endswith("s"):
            # "ASEAN foreign ministers": a group, not a person, unless its members are named
            # one by one ("his Iranian and Russian counterparts, Ebrahim Raisi and Vladimir Putin")
            anchors += [
                Anchor(name, title, country, "title" if country else "none")
                for name, country in plural_appositions(doc, title, rules, blocked, countries)
            ]
            continue
        formal = lexicon.role(title.text) in FORMAL_OPPOSITION
        if not formal and (
            title.start > 0
            and doc[title.start - 1].lower_ in NOT_OFFICE
            or any(t.lower_ in ("opposition", "rebel", "guerrilla") for t in title)
        ):
            continue
        if is_company_post(doc, title, orgs) or is_business_body_post(doc, title, orgs, countries):
            continue
        name = rules.run_after(doc, title.end, blocked)
        if (
            name is None
            and title.end < len(doc)
            and title.end in countries
            and lexicon.role(title.text) != "nobility"
        ):
            # "Trade Minister German Gref": a country adjective that starts a name
            name = rules.run_after(doc, title.end, blocked - {title.end})
            if name is not None and len(name) < 2:
                name = None
        lead_country, lead_start = country_before(doc, title.start, countries, orgs)
        body_before = orgs.get(title.start - 1) == "ORG"  # "UNESCO Director-General"
        if body_before and lead_country is None:
            org_start = title.start - 1
            while org_start - 1 >= 0 and orgs.get(org_start - 1) == "ORG":
                org_start -= 1
            # "South Korea's APEC Ambassador": the state's envoy to the body
            lead_country, start = country_before(doc, org_start, countries, orgs)
            body_before = lead_country is None
            lead_start = start if lead_country else lead_start
        if (
            name is None
            and title.end + 1 < len(doc)
            and doc[title.end].text == ","
            and (lead_country or determined(doc, lead_start))
            and not closes_apposition(
                doc, lead_start, title.end + 1, rules, blocked, {a.name.end for a in anchors}
            )
        ):
            # "the foreign minister, Li", "his U.S. counterpart, Lloyd Austin", "Egypt's
            # Foreign Minister, Sameh Shoukry", "Putin's spokesman, Dmitry Peskov"
            name = rules.run_after(doc, title.end + 1, blocked)
        if name is None:
            # "Chen Xiaodong, Assistant Minister ..." / "Hun Sen, Cambodia's prime minister"
            k = lead_start - 1
            while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
                k -= 1
            if k >= 1 and doc[k].text == ",":
                name = rules.run_before(doc, k, blocked)
                if name is None and previous is not None and previous[0].end == k:
                    name = previous[1]  # "Chen Xiaodong, Assistant Minister ..., head of ..."
                if name is not None:
                    previous = (title, name)
        if name is None and lead_country and lexicon.role(title.text) not in VAGUE_ROLES:
            descriptions.append((title, lead_country))  # "China's foreign minister" unnamed
        if name is None or _is_place(doc, name) or _is_common_word(name):
            continue
        if doc[name.start].lower_ in RELIGIOUS or (
            name.start > 0 and doc[name.start - 1].lower_ in RELIGIOUS
        ):
            continue  # "Rabbi Binyamin Blau": clergy
        inner, international = country_in(title, countries, orgs, lexicon)
        international = international or body_before
        country, evidence = lead_country or inner, "title"
        if country is None:
            country = country_after(doc, name, countries) or principal_country(doc, title, anchors)
            evidence = "context"
        if country is None:
            country = lexicon.role_country.get(lexicon.role(title.text))
            evidence = "office"
        if country is None:
            evidence = "international" if international else "none"
        anchors.append(Anchor(name, title, country, evidence))
    for title, country in descriptions:
        person = described_person(doc, title, anchors)
        if person is None and actors is not None:
            person = person_described_before(doc, title, country, anchors, actors)
        if person is not None:
            anchors.append(Anchor(person, title, country, "description"))
    return anchors


# a post of the opposition that is an office of parliament, not a party's
FORMAL_OPPOSITION = {"leader of the opposition"}


# Descriptions too vague to name one office: "a Palestinian official", "his Kazakh counterpart"
VAGUE_ROLES = {None, "official", "counterpart", "nobility", "spokesperson", "envoy", "diplomat"}


DESCRIPTION_WINDOW = 3  # sentences after an unnamed description in which its name may come


def person_described_before(
    doc: Doc, title: Span, country: str, anchors: list[Anchor], actors: ActorStore
) -> Span | None:
    """ "Lacalle underscored the importance of ... The Uruguayan leader argued that ...": the
    person without a title who is the subject of the sentence before an unnamed description (or
    of its own), when the actor store knows that person (by the fullest form the article
    writes) as serving the described country on the article's date. Gives that fullest form."""
    sentence = title.sent
    first = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    taken = {i for a in anchors for i in range(a.name.start, a.name.end)}
    _, persons, starts = _sentences_and_persons(doc)
    candidates = [
        e
        for e in persons[
            bisect.bisect_left(starts, first) : bisect.bisect_left(starts, title.start)
        ]
        if e.root.dep_ in ("nsubj", "nsubjpass")
        and not any(i in taken for i in range(e.start, e.end))
        and actors.knows_word(e[-1].text)  # the store has someone of that name at all
    ]
    for candidate in reversed(candidates):
        found = known_fullest_form(doc, candidate, country, actors)
        if found is not None and not any(i in taken for i in range(found.start, found.end)):
            return found
    return None


NAME_WORD = r"[A-Z][\w'’-]+"


def known_fullest_form(doc: Doc, person: Span, country: str, actors: ActorStore) -> Span | None:
    """The longest form the article writes of ``person``'s name ("Luis Lacalle Pou" in "the
    Luis Lacalle Pou administration" for "Lacalle") that the actor store knows as serving
    ``country`` on the article's date."""
    cache = doc.user_data.setdefault(_KNOWN_FORMS, {})
    key = (person[-1].text, country)
    if key not in cache:  # once per name and country: a long article repeats them
        cache[key] = _known_fullest_form(doc, person, country, actors)
    return cache[key]


_KNOWN_FORMS = "extractor.known_forms"  # removed when the component ends


def _known_fullest_form(doc: Doc, person: Span, country: str, actors: ActorStore) -> Span | None:
    text = doc_text(doc)
    last = re.escape(person[-1].text)
    forms: list[tuple[int, int]] = []
    for m in re.finditer(rf"(?:{NAME_WORD} ){{0,3}}{last}(?: {NAME_WORD}){{0,2}}", text):
        words = m.group().split()
        for a in range(len(words)):
            for b in range(a + 1, len(words) + 1):
                if person[-1].text in words[a:b]:
                    start = m.start() + len(" ".join(words[:a])) + (1 if a else 0)
                    forms.append((start, start + len(" ".join(words[a:b]))))
    for start, end in sorted(set(forms), key=lambda f: f[0] - f[1]):
        span = doc.char_span(start, end)
        if span is None or len(span) < 2:
            continue
        terms = actors.lookup(span.text, on=doc._.published)
        if any(t.country == country for t in terms):
            return span
    return None


def described_person(doc: Doc, title: Span, anchors: list[Anchor]) -> Span | None:
    """ "China's foreign minister on Saturday tried to soothe ... Li Zhaoxing told reporters":
    the first person named after an unnamed description, within a few sentences, who is the
    subject of a clause, has no title of his own and was not named before it."""
    taken = {i for a in anchors for i in range(a.name.start, a.name.end)}
    known = {t for a in anchors for t in name_key(a.name.text)}
    sentence_of, persons, starts = _sentences_and_persons(doc)
    first = sentence_of.get(title.sent.start, 0)
    for entity in persons[bisect.bisect_left(starts, title.end) :]:
        if sentence_of.get(entity.sent.start, 0) - first > DESCRIPTION_WINDOW:
            return None
        if len(entity) < 2 or any(i in taken for i in range(entity.start, entity.end)):
            continue
        if set(name_key(entity.text)) & known or entity.text in doc_text(doc)[: title.start_char]:
            continue
        if entity.root.dep_ in ("nsubj", "nsubjpass"):
            return entity
        return None  # the next person named is someone else (an object, a quoted name)
    return None


_SENTENCES_PERSONS = "extractor.sentences_persons"  # removed when the component ends


def _sentences_and_persons(doc: Doc) -> tuple[dict[int, int], list[Span], list[int]]:
    """Sentence number by first token, the PERSON entities in order and their first tokens;
    built once per Doc (each description looked them up anew: quadratic in length)."""
    cached = doc.user_data.get(_SENTENCES_PERSONS)
    if cached is None:
        sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        cached = (sentence_of, persons, [e.start for e in persons])
        doc.user_data[_SENTENCES_PERSONS] = cached
    return cached


def is_company_post(doc: Doc, title: Span, orgs: dict[int, str]) -> bool:
    """ "Microsoft chairman Bill Gates": a post in a named body the rules do not know as a
    government, party or international organisation is business, not office."""
    if title.start == 0 or not any(t.lower_ in COMPANY_POSTS for t in title):
        return False
    before = doc[title.start - 1]
    if before.ent_type_ != "ORG" or before.i in orgs or before.is_upper:
        return False  # known bodies, and acronyms ("EC Vice-President", "ECK Chairman")
    entity = entity_at(doc, before.i)
    words = {t.lower_ for t in entity} if entity is not None else set()
    return not words & POLITICAL_BODY_WORDS


def body_of(doc: Doc, title: Span) -> list[Token]:
    """The body a post belongs to, as written: the "of ..." in or after the title ("Head of
    LEBA", "president of the Association of Domestic Travel") or the possessor before it
    ("the Chamber's President")."""
    body: list[Token] = []
    of = next((t for t in title if t.lower_ == "of"), None)
    if of is None and title.end < len(doc) and doc[title.end].lower_ == "of":
        of = doc[title.end]
    if of is not None:
        body = [t for o in of.children if o.dep_ == "pobj" for t in o.subtree]
        body = body or list(doc[of.i + 1 : min(of.i + 6, len(doc))])
        if of.i < title.end:  # the title's own tail, whatever the parse attached
            body += [t for t in doc[of.i + 1 : title.end] if t not in body]
    if title.start >= 2 and doc[title.start - 1].tag_ == "POS":
        body.append(doc[title.start - 2])
    return body


def expand_acronym(doc: Doc, token: Token) -> str:
    """ "LEBA" -> the words before its definition "... Business Association (LEBA)"."""
    if not (token.is_upper and len(token) >= 2):
        return token.lower_
    defined = doc_text(doc).find(f"({token.text})")
    if defined < 0:
        return token.lower_
    return doc_text(doc)[max(0, defined - 80) : defined].lower()


def is_business_body_post(
    doc: Doc, title: Span, orgs: dict[int, str], countries: dict[int, str] | None = None
) -> bool:
    """A post in a business or civic body (an association, a chamber, a company) the rules do
    not know as a government, party or international organisation is not an office."""
    body = body_of(doc, title)
    if not body or any(t.i in orgs for t in body):
        return False
    words = {w for t in body for w in expand_acronym(doc, t).replace("-", " ").split()}
    named = {t.lower_ for t in title} | words
    if named & STATE_AGENCY_WORDS and any(t.i in (countries or {}) for t in [*body, *title]):
        return False  # "Head of Iran Small Industries and Industrial Parks Organization"
    return bool(words & BUSINESS_BODIES) and not words & LEGISLATIVE_CHAMBERS


def _is_common_word(name: Span) -> bool:
    """A one-word "name" the NER does not take for a person: "Plan", "Communication"."""
    return (
        len(name) == 1 and name[0].ent_type_ != "PERSON" and not INITIAL_AND_NAME.match(name.text)
    )


def _is_place(doc: Doc, name: Span) -> bool:
    """A run that the NER is sure is a place or organisation and that is not a person."""
    labels = {t.ent_type_ for t in name}
    return bool(labels) and labels <= {"GPE", "LOC", "FAC"}


def name_key(text: str) -> tuple[str, ...]:
    """Tokens of a name for comparison: folded, hyphens and quotes ignored."""
    return tuple(w for w in re.split(r"[\s\-\"“”]+", fold(text)) if w)
