"""Officials, the last stage: anchors grouped into officials, other name forms (aliases) found,
mentions counted in one pass, and each official's row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..contract import Spans
from ..extensions import doc_text, sentence_at
from .official_mentions import Anchor, NameRules, name_key
from .titles import TitleLexicon


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


def find_aliases(doc: Doc, officials: list[Official], rules: NameRules) -> None:
    """Shorter name forms later in the text ("Minh") become aliases of the nearest official."""
    blocked = {i for s in doc.spans.get(Spans.COUNTRIES, []) for i in range(s.start, s.end)}
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


# which evidence for an official's country wins, strongest first
EVIDENCE_ORDER = {
    "title": 0,
    "description": 1,
    "context": 2,
    "office": 3,
    "international": 4,
    "none": 5,
}


def best_anchor(official: Official) -> Anchor:
    """The mention whose country evidence is strongest (the title's own words first)."""
    return min(official.anchors, key=lambda a: EVIDENCE_ORDER[a.evidence])


def official_record(
    doc: Doc,
    official: Official,
    lexicon: TitleLexicon,
    index: MentionIndex | None = None,
) -> dict:
    """The plain-data row of one official (stored on ``doc._.officials``), with the country the
    text gives; the country stage fills in the rest."""
    first = next(
        (
            a
            for a in official.anchors
            if lexicon.role(a.title.text) not in ("nobility", "counterpart")
        ),
        official.first,
    )
    country = best_anchor(official).country
    mentions, start, end = count_mentions(doc, official, index)
    parts = [
        p
        for p in doc.spans.get(Spans.TITLE_PARTS, [])
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
        "sentence": sentence_at(doc, start, end, fallback=first.name),
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
