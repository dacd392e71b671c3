"""Initiatives: what an actor proposes, suggests, calls for, urges, pledges or agrees to do.

Triggers come from models/proposal_verbs.jsonl. The object is read off the dependency parse: the
direct object, the infinitive ("agreed to support ..."), the object of "for" ("called for ..."),
or, in the passive, the subject with its "such as" list. A list gives one initiative per item.
The proposer is the subject or the agent, resolved to an official, a country or an organisation.
Sets ``doc.spans[Spans.INITIATIVES]`` and ``doc._.initiatives``.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..contract import Spans, assigns, requires
from ..extensions import doc_text
from ..knowledge import Gazetteer, load_gazetteer, words
from .base import RuleComponent
from .initiative_objects import Trigger, _collect, item_span, object_heads
from .initiative_proposers import resolve_proposer, subject_of

COLLECTIVE = {"they", "we", "ministers", "leaders", "sides", "countries", "both", "two"}
# "failed to agree on", "dismissed a report that it would sign", "refused to ...": not proposals
DENIAL_PREFIXES = ("deny", "deni", "dismiss", "reject", "refut", "fail", "refus", "declin")
# Verbs of degree with a general good as object ("boost trade", "expand cooperation with ASEAN",
# "explore development potential") are goodwill, not a concrete course of action.
DEGREE_VERBS = words("initiatives.degree_verbs")
GOODWILL_NOUNS = words("initiatives.goodwill_nouns")
# "the study suggests ...", "evidence suggested ...": suggest as "indicate", not a proposal
NON_AGENTS = words("initiatives.non_agents")


def load_triggers(gazetteer: Gazetteer | None = None) -> dict[str, Trigger]:
    """Surface form -> trigger, from models/proposal_verbs.jsonl."""
    triggers = {}
    for row in (gazetteer or load_gazetteer()).proposal_verbs:
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


def is_addressee(verb: Token) -> bool:
    """ "the spokesman was asked to comment": the subject is asked, it does not ask; with no
    "by ..." agent there is no proposal by anyone named."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def is_denied(verb: Token) -> bool:
    """A negated, failed, refused, denied or conditional proposal is not one: "failed to agree
    on", "cannot ask", "dismissed a report that it would sign", "asked if he would propose"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    current = verb
    while True:
        if any(
            c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in current.children
        ):
            return True
        if current.head.i == current.i or current.dep_ in ("relcl",):
            return False
        sibling = current.dep_ == "conj"
        current = current.head
        if (
            not sibling
            and current.tag_.startswith("VB")
            and current.lower_.startswith(DENIAL_PREFIXES)
        ):
            return True


def is_goodwill(head: Token) -> bool:
    """ "boost trade", "expand cooperation with ASEAN", "closer cooperation": no concrete object."""
    if head.tag_.startswith("NN"):
        return head.lower_ in GOODWILL_NOUNS
    if head.lower_ not in DEGREE_VERBS:
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lower_ in GOODWILL_NOUNS for o in objects)


def purpose_attached_to_verb(
    doc: Doc, verb: Token, head: Token, span: Span, describes: bool = False
) -> Span:
    """ "endorsed the Plan to implement the Roadmap": the parser hangs "to implement" on the verb,
    but it states the noun's purpose, so it joins the item. With ``describes`` (endorse), a
    "for ..." on the verb right after the object describes it too ("the Plan for free trade")."""
    if not head.tag_.startswith("NN"):
        return span
    for child in verb.children:
        if child.left_edge.i != span.end:
            continue
        purpose = child.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in child.children)
        described = describes and child.dep_ == "prep" and child.lower_ == "for"
        if purpose or described:
            keep: set[int] = set()
            _collect(child, keep)
            end = child.left_edge.i
            while end in keep:
                end += 1
            while end - 1 > span.start and doc[end - 1].is_punct:
                end -= 1
            return doc[span.start : end]
    return span


def core(head: Token) -> str:
    """What names an item, for spotting repeats: "hanoi action plan", "plan"."""
    words = [t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod") or t.tag_ == "NNP"]
    return " ".join([*words, head.lower_])


def is_repeat(doc: Doc, head: Token, span: Span, seen: list[str]) -> bool:
    """A proposal named again ("The plan was endorsed", the Hanoi Action Plan a second time)."""
    if not head.tag_.startswith("NN"):
        return False
    name = core(head)
    if name in seen:
        return True
    anaphor = span[0].lower_ in ("the", "this", "that", "such") and len(span) == 2
    return anaphor and any(s.split()[-1] == head.lower_ for s in seen)


def crosses_paragraph(doc: Doc, verb: Token, span: Span) -> bool:
    """A headline run into the dateline by the parser: trigger and item in different blocks."""
    start = min(verb.idx, span.start_char)
    end = max(verb.idx + len(verb), span.end_char)
    return "\n\n" in doc_text(doc)[start:end]


def find_initiatives(
    doc: Doc, triggers: dict[str, list[Trigger]], capitals: dict[str, str] | None = None
) -> list[dict]:
    """Every initiative in the article as a plain row."""
    rows: list[dict] = []
    covered: set[int] = set()
    seen: list[str] = []
    officials = doc._.officials or []
    for token in doc:
        if token.lower_ not in triggers or not token.tag_.startswith("VB"):
            continue
        if is_denied(token):
            continue
        subject = subject_of(token)
        suggest = token.lower_.startswith("suggest")
        if suggest and subject is not None and subject.lower_ in NON_AGENTS:
            continue
        for trigger in triggers[token.lower_]:
            heads = object_heads(token, trigger)
            if not heads:
                continue
            verb = token.text if trigger.particle is None else f"{token.text} {trigger.particle}"
            if trigger.lemma == "ask" and is_addressee(token):
                continue
            proposer = resolve_proposer(doc, subject, officials, capitals or {})
            for head in heads:
                if head.i in covered or is_goodwill(head):
                    continue
                span = item_span(doc, head)
                span = purpose_attached_to_verb(doc, token, head, span, trigger.concrete_only)
                if len(span) < 2 or crosses_paragraph(doc, token, span):
                    continue
                if is_repeat(doc, head, span, seen):
                    continue
                if head.tag_.startswith("NN"):
                    seen.append(core(head))
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


@Language.factory(
    "extractor_initiatives",
    default_config={"data": None},
    assigns=assigns("extractor_initiatives"),
    requires=requires("extractor_initiatives"),
)
class InitiativeRecognizer(RuleComponent):
    """Finds proposals and who made them."""

    def load(self, folder: Path) -> None:
        gazetteer = load_gazetteer(folder)
        self.triggers = load_triggers(gazetteer)
        self.capitals = gazetteer.capitals

    def __call__(self, doc: Doc) -> Doc:
        rows = find_initiatives(doc, self.triggers, self.capitals)
        doc._.initiatives = rows
        doc.spans[Spans.INITIATIVES] = [
            s for s in (doc.char_span(r["start"], r["end"], label="INITIATIVE") for r in rows) if s
        ]
        return doc
