"""Initiatives: what an actor proposes, suggests, calls for, urges, pledges or agrees to do.

Triggers come from models/proposal_verbs.jsonl. The object is read off the dependency parse: the
direct object, the infinitive ("agreed to support ..."), the object of "for" ("called for ..."),
or, in the passive, the subject with its "such as" list. A list gives one initiative per item.
The proposer is the subject or the agent, resolved to an official, a country or an organisation.
Sets ``doc.spans["initiatives"]`` and ``doc._.initiatives``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import register_extensions
from ..resources import load_gazetteer

GENERIC_OBJECTS = {
    "initiatives",
    "initiative",
    "proposals",
    "proposal",
    "measures",
    "ideas",
    "suggestions",
    "steps",
    "projects",
    "things",
}
DROP_DEPS = {"advcl", "cc", "conj", "punct", "appos", "relcl", "parataxis", "mark"}
PRONOUNS = {"he", "she", "the official", "the minister", "the president", "the premier"}
CONCRETE = {
    "plan",
    "agreement",
    "declaration",
    "roadmap",
    "initiative",
    "proposal",
    "programme",
    "program",
    "framework",
    "mechanism",
    "fund",
    "treaty",
    "pact",
    "strategy",
    "accord",
    "memorandum",
    "protocol",
    "charter",
    "statement",
    "deal",
}
PLAN_WORDS = {
    "expected",
    "about",
    "set",
    "scheduled",
    "due",
    "plans",
    "planned",
    "plan",
    "agreed",
    "decided",
    "going",
    "ready",
    "poised",
    "slated",
    "hope",
    "hopes",
    "hoped",
}
COLLECTIVE = {"they", "we", "ministers", "leaders", "sides", "countries", "both", "two"}


@dataclass
class Trigger:
    """One trigger word: its form and which dependents carry the object."""

    lemma: str
    particle: str | None
    objects: tuple[str, ...]
    future_only: bool = False  # "will sign", "is expected to sign": a plan, not a past event
    concrete_only: bool = False  # "endorsed the Hanoi Action Plan", not "endorsed the idea"


def load_triggers() -> dict[str, Trigger]:
    """Surface form -> trigger, from models/proposal_verbs.jsonl."""
    triggers = {}
    for row in load_gazetteer().proposal_verbs:
        trigger = Trigger(
            row["lemma"],
            row.get("particle"),
            tuple(row["object"].split("|")),
            bool(row.get("future_only")),
            bool(row.get("concrete_only")),
        )
        for form in row["forms"]:
            triggers.setdefault(form, []).append(trigger)
    return triggers


def object_heads(verb: Token, trigger: Trigger) -> list[Token]:
    """The head tokens of what ``verb`` proposes, one per list item."""
    heads: list[Token] = []
    children = list(verb.children)
    if trigger.particle in ("for",):
        heads = [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    elif trigger.particle in ("on", "upon") and trigger.lemma.startswith("agree"):
        heads = [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ == trigger.particle
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")
        ]
    elif trigger.particle in ("on", "upon", "to") and trigger.lemma.startswith(("call", "appeal")):
        # "called on the international community to launch ...": the infinitive is the object
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ == trigger.particle]
        if not preps:
            return []
        heads = [c for c in children if c.dep_ == "xcomp"] or [
            g
            for p in preps
            for o in p.children
            for g in o.children
            if g.dep_ in ("acl", "relcl", "xcomp") and any(a.lower_ == "to" for a in g.children)
        ]
    elif trigger.particle == "forward":
        if not any(c.lower_ == "forward" for c in children):
            return []
        heads = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        for dep in trigger.objects:
            heads = [c for c in children if c.dep_ == dep]
            if dep == "xcomp":
                heads = [
                    c
                    for c in heads
                    if any(a.lower_ == "to" for a in c.children) or c.tag_ in ("VB", "VBG")
                ]
                if trigger.lemma in ("urge", "ask"):
                    heads = heads or [
                        g
                        for c in children
                        if c.dep_ == "dobj"
                        for g in c.children
                        if g.dep_ in ("acl", "relcl")
                    ]
            if heads:
                break
        if not heads and verb.tag_ == "VBN":
            heads = [c for c in children if c.dep_ == "nsubjpass"]
    if trigger.particle == "to" and not heads:
        return []
    if trigger.concrete_only:
        heads = [h for h in heads if h.lower_ in CONCRETE or h.text[:1].isupper()]
    if trigger.future_only and not is_planned(verb):
        return []
    items: list[Token] = []
    for head in heads:
        items.extend(expand_list(head))
    if items:
        for child in children:  # "proposes to establish A, while identifying B and upgrading C"
            if (
                child.dep_ == "advcl"
                and child.tag_ == "VBG"
                and any(m.lower_ == "while" for m in child.children)
            ):
                items.extend(conjuncts(child))
    return items


def is_planned(verb: Token) -> bool:
    """ "will sign", "is expected to sign", "about to sign", "agreed to sign": not yet done."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "'ll", "shall", "would", "to"} or verb.tag_ == "VBG" and "to" in auxes:
        return True
    return verb.dep_ in ("xcomp", "acomp") and verb.head.lower_ in PLAN_WORDS


def expand_list(head: Token) -> list[Token]:
    """A head and its coordinated items; "initiatives such as A, B and C" gives A, B, C."""
    if head.lower_ in GENERIC_OBJECTS:
        items = generic_items(head)
        if items:
            return items
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return [x for o in objects for x in conjuncts(o)]
        for acl in head.children:
            if acl.dep_ == "prep" and acl.lower_ == "such":
                for prep in acl.children:
                    objects = [c for c in prep.children if c.dep_ == "pobj"]
                    if objects:
                        return [x for o in objects for x in conjuncts(o)]
    items = conjuncts(head)
    if head.pos_ == "VERB" or head.tag_.startswith("VB"):
        for child in head.children:
            if (
                child.dep_ == "advcl"
                and child.tag_ == "VBG"
                and any(m.lower_ == "while" for m in child.children)
            ):
                items.extend(conjuncts(child))
    return items


def generic_items(head: Token) -> list[Token]:
    """Items of a generic object ("initiatives"): its "such as" list and appositions, wherever
    the parser attached them in the clause."""
    clause = head.head if head.dep_ in ("nsubjpass", "dobj", "nsubj") else head
    items: list[Token] = []
    for token in clause.subtree:
        if token.lower_ == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such":
            items.extend(x for c in token.children if c.dep_ == "pobj" for x in conjuncts(c))
    for child in head.children:
        if child.dep_ == "appos":
            items.extend(conjuncts(child))
    return sorted(set(items), key=lambda t: t.i)


def conjuncts(token: Token) -> list[Token]:
    """``token`` and every item coordinated with it."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def _dropped_anywhere(token: Token) -> bool:
    """Dependents that never belong to a proposed item, at any depth: side clauses, relative
    clauses and occasions ("on the occasion of the 30th anniversary")."""
    if token.dep_ in ("advcl", "relcl", "parataxis"):
        # "the Hanoi Action Plan to implement the Busan Roadmap" keeps its purpose
        return not (
            token.head.tag_.startswith("NN") and any(a.lower_ == "to" for a in token.children)
        )
    if token.dep_ == "prep" and token.lower_ in ("during", "amid", "despite"):
        return True  # "... during his visit to Russia": when, not what
    if (
        token.dep_ == "prep"
        and token.lower_ == "on"
        and any(g.lower_ == "premise" for g in token.children)
    ):
        return True
    return (
        token.dep_ == "prep"
        and token.lower_ in ("on", "at")
        and any(
            g.lower_ in ("occasion", "sidelines", "invitation")
            for g in token.children
            for g in [g, *g.children]
        )
    )


def _collect(token: Token, keep: set[int]) -> None:
    keep.add(token.i)
    for child in token.children:
        if not _dropped_anywhere(child):
            _collect(child, keep)


def item_span(doc: Doc, head: Token) -> Span:
    """The words that state one proposed item, trimmed of clauses that are not part of it."""
    keep = {head.i}
    for child in head.children:
        if child.dep_ in DROP_DEPS or child.dep_ in (
            "nsubj",
            "nsubjpass",
            "aux",
            "auxpass",
            "neg",
            "agent",
        ):
            continue
        if child.dep_ == "advmod" and child.i < head.i:
            continue
        if (
            child.dep_ in ("xcomp", "advcl")
            and any(a.lower_ == "to" for a in child.children)
            and head.tag_.startswith("VB")
        ):
            continue  # purpose clause: "... to promote economic corridors"
        if _dropped_anywhere(child):
            continue
        _collect(child, keep)
    if head.tag_.startswith("VB") and not any(
        c.dep_ in ("dobj", "prep", "xcomp", "ccomp") for c in head.children
    ):
        # "support and facilitate the return ...": verbs sharing one object form one item
        for child in head.children:
            if child.dep_ == "conj":
                keep |= {t.i for t in range_tokens(doc, head.i, child.i)}
                _collect(child, keep)
                keep -= {c.i for c in child.children if c.dep_ in ("conj", "cc")}
                break
    start = head.i
    while start - 1 in keep:
        start -= 1
    end = head.i + 1
    while end in keep:
        end += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def purpose_attached_to_verb(doc: Doc, verb: Token, head: Token, span: Span) -> Span:
    """ "endorsed the Plan to implement the Roadmap": the parser hangs "to implement" on the verb,
    but it states the noun's purpose, so it joins the item."""
    if not head.tag_.startswith("NN"):
        return span
    for child in verb.children:
        if (
            child.dep_ in ("xcomp", "advcl")
            and child.left_edge.i == span.end
            and any(a.lower_ == "to" for a in child.children)
        ):
            end = child.right_edge.i + 1
            while end - 1 > span.start and doc[end - 1].is_punct:
                end -= 1
            return doc[span.start : end]
    return span


def range_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens from ``start`` to ``end`` inclusive."""
    return list(doc[start : end + 1])


def subject_of(verb: Token) -> Token | None:
    """The agent of a passive, else the subject of the verb or of the verb it depends on."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    current = verb
    for level in range(4):
        for child in current.children:
            # "Russia is expected to sign": the passive subject of the verb above counts
            if child.dep_ == "nsubj" or (level > 0 and child.dep_ == "nsubjpass"):
                return child
        if current.dep_ in ("xcomp", "conj", "ccomp", "advcl") and current.head is not current:
            current = current.head
        else:
            break
    return None


def resolve_proposer(
    doc: Doc, subject: Token | None, officials: list[dict], capitals: dict[str, str]
) -> str | None:
    """An official's name, a country's ISO3, an organisation as written, or None."""
    if subject is None:
        return None
    phrase = doc[subject.left_edge.i : subject.i + 1]
    start, end = phrase.start_char, phrase.end_char
    for official in officials:
        for form in [official["name"], *official["aliases"]]:
            if form and form in doc.text[start:end]:
                return official["name"]
    for span in doc.spans.get("countries", []):
        if phrase.start <= span.start and span.end <= phrase.end:
            return span.label_
    for span in doc.spans.get("organisations", []):
        if phrase.start <= span.start and span.end <= phrase.end:
            return span.label_ if span.label_ != "ORG" else span.text
    text = phrase.text.lower()
    if subject.lower_ in ("he", "she") or text in PRONOUNS:
        before = [o for o in officials if o["start"] < start]
        mentions = [
            (m.start_char, o["name"])
            for o in officials
            for m in doc.spans.get("officials", [])
            if m.start_char < start and m.text in [o["name"], *o["aliases"]]
        ]
        if mentions:
            return max(mentions)[1]
        if before:
            return before[-1]["name"]
        return None
    capital = capitals.get(subject.text)
    if capital:
        return capital  # "Pyongyang agreed": a capital speaking for its government
    if subject.ent_type_ in ("PERSON", "ORG", "NORP") and subject.tag_ == "NNP":
        entity = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
        if entity is not None:
            return entity.text  # a named actor that is not an official ("Aung San Suu Kyi")
    return None


def find_initiatives(
    doc: Doc, triggers: dict[str, list[Trigger]], capitals: dict[str, str] | None = None
) -> list[dict]:
    """Every initiative in the article as a plain row."""
    rows: list[dict] = []
    covered: set[int] = set()
    officials = doc._.officials or []
    for token in doc:
        if token.lower_ not in triggers or not token.tag_.startswith("VB"):
            continue
        for trigger in triggers[token.lower_]:
            heads = object_heads(token, trigger)
            if not heads:
                continue
            verb = (
                token.text
                if trigger.particle in (None, "forward")
                else f"{token.text} {trigger.particle}"
            )
            proposer = resolve_proposer(doc, subject_of(token), officials, capitals or {})
            for head in heads:
                if head.i in covered:
                    continue
                span = purpose_attached_to_verb(doc, token, head, item_span(doc, head))
                if "\n\n" in span.text:  # a headline run into the dateline by the parser
                    continue
                if len(span) < 2:
                    continue
                covered.update(range(span.start, span.end))
                rows.append(
                    {
                        "text": span.text,
                        "proposer": proposer,
                        "verb": verb,
                        "start": span.start_char,
                        "end": span.end_char,
                        "sentence": token.sent.text.strip(),
                    }
                )
            break
    return rows


@Language.factory("extractor_initiatives", default_config={})
class InitiativeRecognizer:
    """Finds proposals and who made them."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.triggers = load_triggers()
        self.capitals = load_gazetteer().capitals

    def __call__(self, doc: Doc) -> Doc:
        rows = find_initiatives(doc, self.triggers, self.capitals)
        doc._.initiatives = rows
        doc.spans["initiatives"] = [
            s for s in (doc.char_span(r["start"], r["end"], label="INITIATIVE") for r in rows) if s
        ]
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:  # noqa: B006
        """Rule data lives in ``models/``."""

    def from_disk(self, path, exclude=tuple()) -> InitiativeRecognizer:  # noqa: B006
        return self
