"""Officials: named people tied to a title of office, with their country and aliases.

A person becomes an official where a title stands next to the name ("Foreign Minister Li
Zhaoxing", "Chen Xiaodong, Assistant Minister of Foreign Affairs"). The name is taken from the
capitalised run next to the title, whatever label the statistical NER gave it, so names the model
mislabels are still found. Later, shorter forms ("Minh", "Lavrov") become aliases. The country
comes, in order, from the title itself (an adjective, a possessive, "of Vietnam", a national party),
then from the words around the name, then from the article's home country (dateline or national
agency). Sets ``doc.spans["officials"]`` and ``doc._.officials``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import doc_text, register_extensions
from ..resources import fold_name, load_gazetteer
from ..temporal import MONTHS, WEEKDAYS
from .titles import TitleLexicon, fold

PARTICLES = {"de", "van", "von", "bin", "binti", "al", "el", "da", "dos", "der", "la", "le", "du"}
INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
NOT_NAMES = {
    "the",
    "he",
    "she",
    "his",
    "her",
    "they",
    "it",
    "in",
    "on",
    "at",
    "mr",
    "mr.",
    "mrs",
    "ms",
    "dr",
    "said",
    "and",
    "but",
    "a",
    "an",
    "this",
    "that",
    "however",
    "also",
    "meanwhile",
    "both",
    "after",
    "before",
    "during",
    "while",
    "when",
    "as",
    "with",
    "under",
    "asean",
    "apec",
    "un",
    "god",
    "communist",
    "party",
    "meeting",
    "summit",
    "conference",
    "forum",
    "talks",
    "dialogue",
    "session",
    "council",
    "committee",
}
MONTH_OR_DAY = {*MONTHS, *WEEKDAYS, "jan", "feb", "aug", "sept", "oct", "nov", "dec"}
HONORIFICS = {
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "madam",
    "prince",
    "princess",
    "sheikh",
}
# "opposition leader Aung San Suu Kyi", "rebel chief": no office in a government or body
NOT_OFFICE = {
    "opposition",
    "rebel",
    "business",
    "community",
    "religious",
    "student",
    "union",
    "guerrilla",
    "militant",
    "company",
    "bank",
    "firm",
    "team",
    "club",
}


# Posts that companies have as well as states; "Toyota president", "Microsoft chairman"
COMPANY_POSTS = {"chairman", "chairwoman", "ceo", "executive", "president", "director", "founder"}
POLITICAL_BODY_WORDS = {
    "party",
    "committee",
    "council",
    "assembly",
    "parliament",
    "congress",
    "government",
    "ministry",
    "commission",
    "senate",
    "front",
    "league",
    "union",
    "bank",
    "fund",
    "agency",
}


@dataclass
class Anchor:
    """One place where a title stands by a name."""

    name: Span
    title: Span
    country: str | None
    evidence: str  # title | description | context | office | international | none


@dataclass
class Official:
    """An official as collected over the whole article."""

    name: str
    tokens: set[str]
    anchors: list[Anchor] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)

    @property
    def first(self) -> Anchor:
        return self.anchors[0]


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
        if INITIAL.match(t.text):
            return True
        return (
            t.is_alpha
            and (t.is_title or (t.text[:1].isupper() and not t.is_upper))
            or (t.is_alpha and t.is_upper and len(t) > 1 and t.ent_type_ == "PERSON")
        )

    def run_after(self, doc: Doc, i: int, blocked: set[int]) -> Span | None:
        """The name starting at token ``i`` (after a title), or None."""
        if i < len(doc) and doc[i].lower_ in HONORIFICS:
            i += 1
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
    found = [countries[t.i] for t in span if t.i in countries]
    found += [orgs[t.i] for t in span if orgs.get(t.i, "ORG") != "ORG"]
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


def find_anchors(doc: Doc, rules: NameRules, lexicon: TitleLexicon) -> list[Anchor]:
    """Every title-name pair in the article, with the country evidence found there."""
    countries = _label_index(doc, "countries")
    orgs = _label_index(doc, "organisations")
    blocked = set(countries) | {i for i, lab in orgs.items()}
    non_person = ("GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "NORP")
    blocked |= {tok.i for e in doc.ents if e.label_ in non_person for tok in e}
    title_tokens = {i for s in doc.spans.get("titles", []) for i in range(s.start, s.end)}
    blocked |= title_tokens
    anchors: list[Anchor] = []
    descriptions: list[tuple[Span, str]] = []
    previous: tuple[Span, Span] | None = None  # (title, name) of the last apposition
    for title in doc.spans.get("titles", []):
        heads = [t for t in title if lexicon.is_head(t)]
        if heads and heads[-1].tag_ in ("NNS", "NNPS") and heads[-1].lower_.endswith("s"):
            continue  # "ASEAN foreign ministers": a group, not a person
        if (
            title.start > 0
            and doc[title.start - 1].lower_ in NOT_OFFICE
            or any(t.lower_ in ("opposition", "rebel", "guerrilla") for t in title)
        ):
            continue
        if is_company_post(doc, title, orgs):
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
        if (
            name is None
            and title.end + 1 < len(doc)
            and doc[title.end].text == ","
            and title.start > 0
            and doc[title.start - 1].lower_ in ("the", "a")
        ):
            name = rules.run_after(doc, title.end + 1, blocked)  # "the foreign minister, Li"
        lead_country, lead_start = country_before(doc, title.start, countries, orgs)
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
        inner, international = country_in(title, countries, orgs, lexicon)
        country, evidence = lead_country or inner, "title"
        if country is None:
            country = country_after(doc, name, countries)
            evidence = "context"
        if country is None:
            country = lexicon.role_country.get(lexicon.role(title.text))
            evidence = "office"
        if country is None:
            evidence = "international" if international else "none"
        anchors.append(Anchor(name, title, country, evidence))
    for title, country in descriptions:
        person = described_person(doc, title, anchors)
        if person is not None:
            anchors.append(Anchor(person, title, country, "description"))
    return anchors


# Descriptions too vague to name one office: "a Palestinian official", "his Kazakh counterpart"
VAGUE_ROLES = {None, "official", "counterpart", "nobility", "spokesperson", "envoy", "diplomat"}
DESCRIPTION_WINDOW = 3  # sentences after an unnamed description in which its name may come


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
    entity = next((e for e in doc.ents if e.start <= before.i < e.end), None)
    words = {t.lower_ for t in entity} if entity is not None else set()
    return not words & POLITICAL_BODY_WORDS


def _is_common_word(name: Span) -> bool:
    """A one-word "name" the NER does not take for a person: "Plan", "Communication"."""
    return len(name) == 1 and name[0].ent_type_ != "PERSON"


def _is_place(doc: Doc, name: Span) -> bool:
    """A run that the NER is sure is a place or organisation and that is not a person."""
    labels = {t.ent_type_ for t in name}
    return bool(labels) and labels <= {"GPE", "LOC", "FAC"}


def name_key(text: str) -> tuple[str, ...]:
    """Tokens of a name for comparison: folded, hyphens and quotes ignored."""
    return tuple(w for w in re.split(r"[\s\-\"“”]+", fold(text)) if w)


def group_officials(anchors: list[Anchor]) -> list[Official]:
    """Merge anchors that name the same person ("Sergey Lavrov", "Lavrov")."""
    officials: list[Official] = []
    for anchor in sorted(anchors, key=lambda a: -len(name_key(a.name.text))):
        key = set(name_key(anchor.name.text))
        match = next((o for o in officials if key <= o.tokens), None)
        if match is None:
            officials.append(Official(anchor.name.text, key, [anchor], [anchor.name.text]))
        else:
            match.anchors.append(anchor)
            if anchor.name.text not in match.forms:
                match.forms.append(anchor.name.text)
    for official in officials:
        official.anchors.sort(key=lambda a: a.name.start)
    return sorted(officials, key=lambda o: o.first.name.start)


def inherit_coordinated_country(doc: Doc, anchors: list[Anchor]) -> None:
    """ "Chinese Foreign Minister Li Zhaoxing and Commerce Minister Bo Xilai": the second title
    shares the first one's country when it has none of its own."""
    by_name_end = {a.name.end: a for a in anchors}
    for anchor in anchors:
        if anchor.evidence not in ("none", "office") or anchor.country is not None:
            continue
        i = anchor.title.start - 1
        if i < 1 or doc[i].lower_ not in ("and", ","):
            continue
        previous = by_name_end.get(i)
        if previous is not None and previous.evidence == "title" and previous.country:
            anchor.country, anchor.evidence = previous.country, "context"


def resolve_counterparts(officials: list[Official], lexicon: TitleLexicon) -> None:
    """The counterpart in "his Chinese counterpart Wen Jiabao" holds the other person's office."""
    for official in officials:
        for anchor in official.anchors:
            if lexicon.role(anchor.title.text) != "counterpart":
                continue
            sent = anchor.title.sent
            others = sorted(
                (
                    a
                    for o in officials
                    if o is not official
                    for a in o.anchors
                    if a.name.sent == sent
                    and a.name.start < anchor.title.start
                    and lexicon.role(a.title.text) != "counterpart"
                ),
                key=lambda a: -a.name.start,
            )  # "his" is the nearest one before
            if not others:
                others = sorted(
                    (
                        a
                        for o in officials
                        if o is not official
                        for a in o.anchors
                        if a.name.start < anchor.title.start
                        and lexicon.role(a.title.text) != "counterpart"
                    ),
                    key=lambda a: -a.name.start,
                )
            if others:
                anchor.title = others[0].title


def find_aliases(doc: Doc, officials: list[Official], rules: NameRules) -> None:
    """Shorter name forms later in the text ("Minh") become aliases of the nearest official."""
    blocked = {i for s in doc.spans.get("countries", []) for i in range(s.start, s.end)}
    i = 0
    while i < len(doc):
        run = rules.run_after(doc, i, blocked) if rules.is_name_token(doc, i, blocked) else None
        if run is None:
            i += 1
            continue
        key = set(name_key(run.text))
        candidates = [o for o in officials if key <= o.tokens and o.first.name.start <= run.start]
        if candidates:
            owner = max(
                candidates,
                key=lambda o: max(a.name.start for a in o.anchors if a.name.start <= run.start),
            )
            if run.text not in owner.forms:
                owner.forms.append(run.text)
        i = run.end


def mention_pattern(official: Official) -> re.Pattern:
    """Any of the official's name forms as a whole word, longest first."""
    forms = sorted(official.forms, key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in forms))


WORD = re.compile(r"\w+")


class MentionIndex:
    """Where each name form occurs in the text as a whole word, found in one pass.

    Matching each official's forms against the whole text made the officials component
    quadratic in article length (more officials, each scanning a longer text). The index
    visits each word once and looks up the forms that begin with it; :meth:`hits` then gives
    exactly what ``mention_pattern(official).finditer(text)`` gives.
    """

    def __init__(self, text: str, officials: list[Official]) -> None:
        self.text = text
        forms = {f for o in officials for f in o.forms if f}
        by_word: dict[str, list[str]] = {}
        self.irregular: set[str] = set()  # forms not starting with a word character
        for form in forms:
            first = WORD.match(form)
            if first is None:
                self.irregular.add(form)
            else:
                by_word.setdefault(first.group(), []).append(form)
        self.at: dict[str, list[int]] = {f: [] for f in forms}
        for word in WORD.finditer(text):
            for form in by_word.get(word.group(), ()):
                start = word.start()
                end = start + len(form)
                if text.startswith(form, start) and not (end < len(text) and _is_word(text[end])):
                    self.at[form].append(start)

    def hits(self, official: Official) -> list[tuple[int, int]]:
        """Non-overlapping ``(start, end)`` of the official's forms, longest form first at
        each position, scanning left to right."""
        forms = [f for f in official.forms if f]
        if not forms:
            return []
        if self.irregular & set(forms):
            pattern = mention_pattern(official)
            return [m.span() for m in pattern.finditer(self.text)]
        candidates = sorted((start, -len(form)) for form in set(forms) for start in self.at[form])
        spans, last_end = [], 0
        for start, negative_length in candidates:
            if start < last_end:
                continue
            last_end = start - negative_length
            spans.append((start, last_end))
        return spans


def _is_word(char: str) -> bool:
    return bool(WORD.match(char))


def count_mentions(
    doc: Doc, official: Official, index: MentionIndex | None = None
) -> tuple[int, int, int]:
    """How often any of the official's forms occurs; and the first occurrence's offsets."""
    index = index or MentionIndex(doc_text(doc), [official])
    hits = index.hits(official)
    if not hits:
        first = official.first.name
        return 1, first.start_char, first.end_char
    return len(hits), hits[0][0], hits[0][1]


def official_record(
    doc: Doc,
    official: Official,
    lexicon: TitleLexicon,
    holders: dict[str, str | None],
    index: MentionIndex | None = None,
) -> dict:
    """The plain-data row of one official (stored on ``doc._.officials``)."""
    first = next(
        (
            a
            for a in official.anchors
            if lexicon.role(a.title.text) not in ("nobility", "counterpart")
        ),
        official.first,
    )
    evidence_order = {
        "title": 0,
        "description": 1,
        "context": 2,
        "office": 3,
        "international": 4,
        "none": 5,
    }
    best = min(official.anchors, key=lambda a: evidence_order[a.evidence])
    country = best.country
    if best.evidence == "none":
        # the office's known holder (Wikidata snapshot), else the dateline or agency's country
        known = holders.get(fold_name(official.name), "unknown")
        country = doc._.home_country if known == "unknown" else known
    mentions, start, end = count_mentions(doc, official, index)
    sent = doc.char_span(start, end, alignment_mode="expand")
    parts = [
        p
        for p in doc.spans.get("title_parts", [])
        if first.title.start <= p.start and p.end <= first.title.end
    ]
    titles = [
        {"title": p.text, "role": p.label_, "start": p.start_char, "end": p.end_char} for p in parts
    ] or [
        {
            "title": first.title.text,
            "role": lexicon.role(first.title.text),
            "start": first.title.start_char,
            "end": first.title.end_char,
        }
    ]
    seen_roles = {t["role"] for t in titles}
    for anchor in official.anchors[1:]:  # a second position named elsewhere
        role = lexicon.role(anchor.title.text)
        if role not in seen_roles and anchor.title.label_ != "JOINED":
            seen_roles.add(role)
            titles.append(
                {
                    "title": anchor.title.text,
                    "role": role,
                    "start": anchor.title.start_char,
                    "end": anchor.title.end_char,
                }
            )
    return {
        "name": official.name,
        "title": first.title.text,
        "titles": titles,
        "country": country,
        "aliases": [f for f in official.forms if f != official.name],
        "mentions": mentions,
        "start": start,
        "end": end,
        "sentence": (sent.sent.text if sent is not None else first.name.sent.text).strip(),
    }


def mention_spans(
    doc: Doc, officials: list[Official], index: MentionIndex | None = None
) -> list[Span]:
    """Every mention of every official (full names and aliases), label OFFICIAL."""
    index = index or MentionIndex(doc_text(doc), officials)
    spans = [
        Span(doc, a.name.start, a.name.end, label="OFFICIAL") for o in officials for a in o.anchors
    ]
    for official in officials:
        for start, end in index.hits(official):
            span = doc.char_span(start, end, label="OFFICIAL")
            if span is not None:
                spans.append(span)
    return filter_spans(spans)


# a spokesperson speaks for a principal: "presidential spokesman" for the story's president
PRINCIPALS = {
    "presidential spokesperson": {"president"},
    "foreign ministry spokesperson": {"foreign minister"},
    "state department spokesperson": {"secretary of state"},
}


def country_of_principal(records: list[dict]) -> None:
    """An official still without a country whose office serves a principal ("presidential
    spokesman", "Foreign Ministry spokesman") takes the principal's country, when the story's
    holders of that office all have one country."""
    for record in records:
        if record["country"] is not None:
            continue
        served = set().union(*(PRINCIPALS.get(t["role"], set()) for t in record["titles"]))
        if not served:
            continue
        countries = {
            other["country"]
            for other in records
            if other is not record and any(t["role"] in served for t in other["titles"])
        }
        if len(countries) == 1 and None not in countries:
            record["country"] = countries.pop()


def drop_countries_in_names(doc: Doc, anchors: list[Anchor]) -> None:
    """A country word inside a person's name ("German Gref") is not a country mention."""
    inside = {i for a in anchors for i in range(a.name.start, a.name.end)}
    if not any(s.start in inside for s in doc.spans.get("countries", [])):
        return
    doc.spans["countries"] = [s for s in doc.spans["countries"] if s.start not in inside]
    keep = {s.start_char for s in doc.spans["countries"]}
    doc._.countries = [c for c in doc._.countries if c["start"] in keep]


@Language.factory("extractor_officials", default_config={})
class OfficialRecognizer:
    """Links names to titles, merges name forms and finds each official's country."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        gazetteer = load_gazetteer()
        self.lexicon = TitleLexicon(gazetteer)
        self.rules = NameRules(self.lexicon)
        self.holders = gazetteer.officeholders

    def __call__(self, doc: Doc) -> Doc:
        anchors = find_anchors(doc, self.rules, self.lexicon)
        inherit_coordinated_country(doc, anchors)
        drop_countries_in_names(doc, anchors)
        officials = group_officials(anchors)
        resolve_counterparts(officials, self.lexicon)
        find_aliases(doc, officials, self.rules)
        index = MentionIndex(doc_text(doc), officials)
        records = [official_record(doc, o, self.lexicon, self.holders, index) for o in officials]
        country_of_principal(records)
        doc._.officials = records
        doc.spans["officials"] = mention_spans(doc, officials, index)
        doc.user_data.pop(_SENTENCES_PERSONS, None)
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:  # noqa: B006
        """Rule data lives in ``models/``."""

    def from_disk(self, path, exclude=tuple()) -> OfficialRecognizer:  # noqa: B006
        return self


__all__ = ["OfficialRecognizer", "find_anchors", "group_officials"]
