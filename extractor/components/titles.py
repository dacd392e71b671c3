"""Titles of office: "Deputy Prime Minister and Foreign Minister", "Minister of Foreign Affairs",
"Foreign Ministry spokesman", "head of ASEAN SOM of Vietnam".

A title is a run of title words (models/title_words.json) that holds a head word ("minister",
"spokesman"...), optionally followed by an "of/for" phrase of capitalised words, and joined to a
second title by "and". Each title gets a canonical role from models/titles.jsonl. Sets
``doc.spans[Spans.TITLES]`` (label: role) with one span per joined title, and
``doc.spans[Spans.TITLE_PARTS]`` with the single positions.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..contract import Spans, assigns, requires
from ..knowledge import Gazetteer, fold_accents, load_gazetteer, words
from .base import RuleComponent

CONNECT_AFTER_HEAD = {"of", "for", "to"}
# "Ambassador in Cairo", "Consul General in Zanzibar": a diplomat's post is named by its city
DIPLOMATIC_HEADS = {"ambassador", "consul", "consul-general", "envoy", "attache", "charge"}


def names_diplomat(tokens) -> bool:
    """Whether these words name a diplomat ("Ambassador of Egypt", "consul-general"): the
    "to <country>" / "in <city>" after such a title is where the holder serves, not whose."""
    return any(t.lower_ in DIPLOMATIC_HEADS for t in tokens)


BODY_WORDS = words("titles.body_words")
PLACE_LABELS = ("GPE", "LOC")
NOBILITY = {"prince", "princess", "king", "queen", "sultan", "sheikh", "emperor"}
COUNTRY_LABEL = Spans.COUNTRIES


class TitleLexicon:
    """Title vocabulary and the canonical role of a title string."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        words = gazetteer.title_words
        self.heads = {w.lower() for w in words["heads"]}
        self.modifiers = {w.lower() for w in words["modifiers"]}
        # rank abbreviations kept whole by the tokenizer ("Maj.", "Lt.", "Gen.")
        self.abbreviations = {w.lower() for w in words.get("abbreviations", [])} | {
            w for w in self.heads | self.modifiers if w.endswith(".")
        }
        self.roles: dict[str, str] = {}
        self.role_country: dict[str, str] = {}  # "secretary of state" is a US office
        self.named_otherwise: dict[str, frozenset[str]] = {}
        for row in gazetteer.titles:
            for form in row["forms"]:
                self.roles[fold(form)] = row["role"]
            if row.get("country"):
                self.role_country[row["role"]] = row["country"]
            # states whose holder of the office has another title (a US "Secretary of Defense")
            self.named_otherwise[row["role"]] = frozenset(row.get("named_otherwise_in", ()))
        self.longest_form = max((len(k.split()) for k in self.roles), default=1) + 2
        self.adjectives = {a for row in gazetteer.countries for a in row["adjectives"]}
        self.international = {
            fold(f)
            for row in gazetteer.organisations
            if row["country"] is None
            for f in row["forms"]
        }

    def is_head(self, token: Token) -> bool:
        return token.lower_ in self.heads

    def is_word(self, token: Token) -> bool:
        return token.lower_ in self.heads or token.lower_ in self.modifiers

    def role(self, title: str) -> str:
        """Canonical role: "FM", "Minister of Foreign Affairs" -> "foreign minister"."""
        key = fold(title)
        key = re.sub(r"^(?:former|then|new|late|acting|incoming|outgoing)\s+", "", key)
        if key in self.roles:
            return self.roles[key]
        # "Minister of Commerce" -> "commerce minister" when that form is known
        m = re.match(r"^(.*?)(minister|secretary|spokesman|spokeswoman)\s+(?:of|for)\s+(.+)$", key)
        if m:
            swapped = f"{m[1]}{m[3]} {m[2]}".strip()
            if swapped in self.roles:
                return self.roles[swapped]
        # drop "for Political Affairs", then a trailing "of <place>", and try again
        for pattern in (r"\s+for\s+.*$", r"\s+(?:of|to)\s+.*$"):
            short = re.sub(pattern, "", key)
            if short in self.roles:
                return self.roles[short]
        return key


def fold(text: str) -> str:
    """Lower-case, accents dropped, punctuation spaced out: the key used to compare titles."""
    text = fold_accents(text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _country_spans(doc: Doc) -> dict[int, Span]:
    """Token index -> the country mention it belongs to."""
    return {i: s for s in doc.spans.get(COUNTRY_LABEL, []) for i in range(s.start, s.end)}


def _person_tokens(doc: Doc, lex: TitleLexicon, countries: dict[int, Span]) -> set[int]:
    """Tokens of PERSON entities, less the title words and countries the NER swallowed
    ("Councilor Tang Jiaxuan", "Zimbabwe Shaharuddin Som")."""
    out = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        i = ent.start
        while i < ent.end and (lex.is_word(doc[i]) or i in countries):
            i += 1
        out |= set(range(i, ent.end))
    return out


def _word_run(doc: Doc, i: int, lex: TitleLexicon, stop: set[int]) -> int:
    """End (exclusive) of the run of title words starting at ``i``."""
    j = i
    seen_head = False
    while j < len(doc):
        t = doc[j]
        if j in stop:
            break
        if (
            seen_head
            and t.lower_ in lex.abbreviations
            and doc[j - 1].lower_ not in lex.abbreviations
        ):
            break  # "army spokesman Maj. Felix Kulayigye": the rank is a title of its own
        if lex.is_word(t):
            seen_head = seen_head or lex.is_head(t)
            j += 1
        elif t.text in ("-",) and j + 1 < len(doc) and lex.is_word(doc[j + 1]) and j > i:
            j += 2
        elif t.text.endswith("-") and t.text[:-1].lower() in lex.modifiers:
            j += 1  # "Vice- Prime Minister"
        elif (
            t.lower_ == "and"
            and not seen_head
            and j > i
            and j + 1 < len(doc)
            and doc[j + 1].lower_ in lex.modifiers
            and doc[j + 1].is_title
        ):
            j += 1  # "Economic Development and Trade Minister"
        else:
            break
    return j


def _of_phrase(
    doc: Doc,
    j: int,
    lex: TitleLexicon,
    countries: dict[int, Span],
    adjectives: set[str],
    persons: set[int],
    orgs: set[int],
) -> int:
    """End of an "of Foreign Affairs", "of the Communist Party of China (CPC)" tail at ``j``.

    The tail stops after a country name ("ambassador to Zimbabwe"), before a country adjective
    or a person's name, and before "and" + a second title.
    """
    if j >= len(doc):
        return j
    diplomat = names_diplomat(doc[max(0, j - 3) : j])
    if doc[j].lower_ == "in" and diplomat:
        place = j + 1
        while place < len(doc) and doc[place].ent_type_ in PLACE_LABELS:
            place += 1
        return place if place > j + 1 else j
    if doc[j].lower_ not in CONNECT_AFTER_HEAD:
        return j
    k = j + 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    end = j
    while k < len(doc):
        t = doc[k]
        rank = t.lower_ in lex.abbreviations and t.lower_ in lex.modifiers
        if rank and k + 1 < len(doc) and lex.is_head(doc[k + 1]):
            break  # "Chairman of the Joint Chiefs of Staff Maj. Gen. X": a rank starts
        if k in persons:
            break
        if k in countries:
            country = countries[k]
            if country.text in adjectives:
                after = country.end
                if not (
                    doc[k - 1].lower_ == "the"
                    and after < len(doc)
                    and doc[after].is_title
                    and _body_word(doc[after], lex)
                ):
                    break
                k = after  # "head of the Czech Economic and Cultural Office": a body's name
                continue
            k = end = country.end
            if k < len(doc) and doc[k].text == "(" and k + 2 < len(doc) and doc[k + 2].text == ")":
                k = end = k + 3
            if k + 1 < len(doc) and doc[k].text in ("'s", "’s") and _body_word(doc[k + 1], lex):
                k += 1  # "Head of Turkey's Small and Medium Enterprises Development Organization"
                continue
            if k < len(doc) and doc[k].ent_type_ == "ORG" and doc[k].ent_iob_ == "I":
                continue  # "Head of Iran Small Industries ...": the country starts a body's name
            if diplomat and k + 1 < len(doc) and doc[k].lower_ == "to" and k + 1 in countries:
                k += 1  # "Ambassador of Egypt to Mauritius"
                continue
            if (
                k + 1 < len(doc)
                and doc[k].lower_ == "and"
                and not lex.is_head(doc[k + 1])
                and doc[k + 1].is_title
            ):
                k += 1
                continue
            break
        if (
            t.is_title
            and not _body_word(t, lex)
            and k not in orgs
            and k + 1 < len(doc)
            and doc[k + 1].is_title
            and not _body_word(doc[k + 1], lex)
            and k + 1 not in orgs
            and k + 1 not in countries
        ):
            break  # "for Youth and Sports Adhyaksa Dault": two name-like words end the tail
        if t.is_title or (t.is_upper and t.is_alpha) or t.lower_ in lex.modifiers:
            k += 1
            end = k
        elif (
            t.lower_ in ("of", "for", "and", "the", "-")
            and k + 1 < len(doc)
            and (doc[k + 1].is_title or doc[k + 1].lower_ == "the" or doc[k + 1].is_upper)
        ):
            if t.lower_ == "and" and lex.is_head(doc[k + 1]):
                break  # "... and Foreign Minister": a second title, joined later
            k += 1
        elif t.text == "(" and k + 2 < len(doc) and doc[k + 1].is_upper and doc[k + 2].text == ")":
            k += 3
            end = k
        elif (
            t.text == ","
            and k + 1 < len(doc)
            and doc[k + 1].lower_ in lex.modifiers
            and doc[k + 1].is_title
        ):
            k += 1
        else:
            break
    return end


# a mission abroad named by its city: "head of the Czech Economic and Cultural Office in Taipei"
MISSIONS = {"office", "embassy", "mission", "consulate", "delegation"}


def _post_in_city(doc: Doc, end: int) -> int:
    """End of a title whose tail names a mission, with the "in <city>" after it."""
    if end < 2 or end >= len(doc) or doc[end].lower_ != "in" or doc[end - 1].lower_ not in MISSIONS:
        return end
    place = end + 1
    while place < len(doc) and doc[place].ent_type_ in PLACE_LABELS:
        place += 1
    return place if place > end + 1 else end


def _is_elect(doc: Doc, i: int) -> bool:
    """ "-elect" at token ``i``: "President-elect", "Prime Minister-elect"."""
    return i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].lower_ == "elect"


def _known_form_end(doc: Doc, start: int, lex: TitleLexicon) -> int:
    """End of the longest title form of the lexicon written from ``start`` ("Leader of the
    Opposition", whose tail the name rule would cut), or ``start``."""
    end = start
    for k in range(start + 2, min(start + lex.longest_form, len(doc)) + 1):
        if doc[k - 1].is_alpha and fold(doc[start:k].text) in lex.roles:
            end = k
    return end


def _body_word(token: Token, lex: TitleLexicon) -> bool:
    """A portfolio or body word of a title's tail ("Cultural", "Heritage", "Council")."""
    return token.lower_ in lex.modifiers or token.lower_ in BODY_WORDS


def find_single_titles(doc: Doc, lex: TitleLexicon) -> list[Span]:
    """Single positions (label: role), each a run with a head word plus its "of" tail."""
    countries = _country_spans(doc)
    persons = _person_tokens(doc, lex, countries)
    stop = set(countries) | persons
    orgs = {i for sp in doc.spans.get(Spans.ORGANISATIONS, []) for i in range(sp.start, sp.end)}
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        if i in stop or not lex.is_word(doc[i]):
            i += 1
            continue
        end = _word_run(doc, i, lex, stop)
        run = doc[i:end]
        heads = [t for t in run if lex.is_head(t)]
        if not heads:
            i = max(end, i + 1)
            continue
        # a title ends at its last head word, or after a portfolio word right after it
        if len(heads) > 1 and heads[-1].lower_ in NOBILITY:
            end = heads[-1].i
            heads = heads[:-1]
        last = max(t.i for t in heads)
        stop_at = last + 1
        if stop_at < end and doc[stop_at].is_title and doc[stop_at].lower_ not in lex.heads:
            stop_at += 1  # "Secretary Treasury"
        if _is_elect(doc, stop_at):
            stop_at += 2  # "President-elect"
        stop_at = _of_phrase(doc, stop_at, lex, countries, lex.adjectives, persons, orgs)
        stop_at = _post_in_city(doc, stop_at)
        start = i
        while start < last and doc[start].lower_ in ("former", "then", "new", "late", "the"):
            start += 1
        stop_at = max(stop_at, _known_form_end(doc, start, lex))
        text = doc[start:stop_at].text
        spans.append(Span(doc, start, stop_at, label=lex.role(text)))
        i = stop_at
    return spans


def join_titles(doc: Doc, singles: list[Span]) -> list[Span]:
    """Join "X and Y" where both are titles: "Deputy Prime Minister and Foreign Minister"."""
    joined: list[Span] = []
    for span in singles:
        if joined:
            prev = joined[-1]
            gap = doc[prev.end : span.start]
            if len(gap) == 1 and gap[0].lower_ == "and":
                joined[-1] = Span(doc, prev.start, span.end, label="JOINED")
                continue
        joined.append(span)
    return joined


@Language.factory(
    "extractor_titles",
    default_config={"data": None},
    assigns=assigns("extractor_titles"),
    requires=requires("extractor_titles"),
)
class TitleRecognizer(RuleComponent):
    """Finds titles of office and gives each a canonical role."""

    def load(self, folder: Path) -> None:
        self.lexicon = TitleLexicon(load_gazetteer(folder))

    def __call__(self, doc: Doc) -> Doc:
        singles = find_single_titles(doc, self.lexicon)
        doc.spans[Spans.TITLE_PARTS] = singles
        doc.spans[Spans.TITLES] = join_titles(doc, singles)
        return doc
