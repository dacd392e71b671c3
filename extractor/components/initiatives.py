"""Initiatives: what an actor proposes, suggests, calls for, urges, pledges or agrees to do.

Triggers (verbs, and nouns such as "calls for", "its request to") come from models/triggers.jsonl,
built from PETRARCH2's CAMEO dictionary, each with its CAMEO code. The object is read off the
dependency parse: the direct object, the infinitive ("agreed to support ..."), the object of
"for" ("called for ..."), or, in the passive, the subject with its "such as" list. A list gives
one initiative per item; a call on a third party gives each thing it is asked to do.
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
from .initiative_items import _collect, item_span, non_restrictive
from .initiative_objects import (
    Trigger,
    cameo_code,
    noun_object_heads,
    object_heads,
)
from .initiative_proposers import resolve_proposer, subject_of

COLLECTIVE = {"they", "we", "ministers", "leaders", "sides", "countries", "both", "two"}
# "failed to agree on", "dismissed a report that it would sign", "refused to ...": not proposals
DENIAL_PREFIXES = (
    "deny",
    "deni",
    "dismiss",
    "reject",
    "refut",
    "fail",
    "refus",
    "declin",
    "abandon",
)
# Verbs of degree with a general good as object ("boost trade", "expand cooperation with ASEAN",
# "explore development potential") are goodwill, not a concrete course of action.
DEGREE_VERBS = words("initiatives.degree_verbs")
GOODWILL_NOUNS = words("initiatives.goodwill_nouns")
# "the study suggests ...", "evidence suggested ...": suggest as "indicate", not a proposal
NON_AGENTS = words("initiatives.non_agents")
# "want to thank", "plan to see": no course of action follows
NOT_ACTIONS = words("initiatives.not_actions")
# what an actor "will" do that is no course of action: be, stay, go ("go to the grave proud"),
# the not-actions of intentions, less those that carry one ("will continue the talks")
NOT_PLEDGED = (NOT_ACTIONS | {"remain"}) - {"continue", "ensure", "keep", "extend", "make"}
PENALTIES = words("initiatives.penalties")


def load_triggers(gazetteer: Gazetteer | None = None) -> dict[str, Trigger]:
    """Surface form -> triggers, from models/triggers.jsonl."""
    triggers = {}
    for row in (gazetteer or load_gazetteer()).triggers:
        trigger = Trigger(
            lemma=row["lemma"],
            particle=row.get("particle"),
            objects=tuple(row["object"].split("|")),
            future_only=bool(row.get("future_only")),
            concrete_only=bool(row.get("concrete_only")),
            cameo=row["cameo"],
            noun=bool(row.get("noun")),
            intent=bool(row.get("intent")),
            future_clause=bool(row.get("future_clause") or row.get("should_clause")),
            should_clause=bool(row.get("should_clause")),
            plan_only=bool(row.get("plan_only")),
            actor_only=bool(row.get("intent") or row.get("actor_only")),
            active_only=bool(row.get("intent") or row.get("active_only")),
            cameo_objects=row.get("cameo_objects", {}),
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
            c.dep_ == "mark"
            and c.lower_ in ("if", "whether", "unless")
            or c.dep_ == "advmod"
            and c.lower_ in ("why", "how")  # "not clear why X wanted to"
            for c in current.children
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
    base = head.lower_[:-3] if head.tag_ == "VBG" and head.lower_.endswith("ing") else head.lower_
    if head.lower_ not in DEGREE_VERBS and base not in DEGREE_VERBS:
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


def before_next_item(doc: Doc, span: Span, head: Token, heads: list[Token]) -> Span:
    """An item ends where the next item of the same trigger starts ("stop targeting A and to
    permit B" gives "stop targeting A"), without the "and" or "to" between them."""
    later = [h.left_edge.i for h in heads if h.i > head.i and span.start < h.left_edge.i < span.end]
    if not later:
        return span
    end = min(later)
    while end - 1 > span.start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return doc[span.start : end]


def crosses_paragraph(doc: Doc, verb: Token, span: Span) -> bool:
    """A headline run into the dateline by the parser: trigger and item in different blocks."""
    start = min(verb.idx, span.start_char)
    end = max(verb.idx + len(verb), span.end_char)
    return "\n\n" in doc_text(doc)[start:end]


HYPOTHETICAL = {"would", "could", "might", "may", "should", "can"}
# "unlikely that Russia wants to", "women need to push for": supposed, not done
UNLIKELY = {"unlikely", "likely", "seem", "seems", "seemed", "appear", "appears", "need", "needs"}


def is_hypothetical(verb: Token) -> bool:
    """An intention only supposed: "neither side would want to", "it's unlikely that Russia
    wants to", "candidates who promise to"."""
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in verb.children):
        return True
    if verb.dep_ == "relcl" and not non_restrictive(verb):
        return True  # "candidates who promise to", not "Rainbow Ethiopia, which demands"
    current = verb
    for _ in range(3):
        if current.head.i == current.i:
            return False
        current = current.head
        # "it's unlikely that Russia wants to": the clause hangs on "is", beside "unlikely"
        if current.lower_ in UNLIKELY or any(
            c.dep_ == "acomp" and c.lower_ in UNLIKELY for c in current.children
        ):
            return True
    return False


def refers_back(head: Token) -> bool:
    """ "renegotiate them", "such a change": an item that only points at one named before."""
    if head.tag_.startswith("VB"):
        objects = [c for c in head.children if c.dep_ == "dobj"]
        return bool(objects) and all(o.tag_ == "PRP" for o in objects)
    determiners = [c.lower_ for c in head.children if c.dep_ in ("det", "predet", "amod")]
    if (
        head.lower_ in DETAILS
        and determiners == ["the"]
        and head.n_lefts == 1
        and not head.n_rights
    ):
        return True  # "agreed on the schedule" (of the talks named before)
    return head.n_lefts <= 2 and bool({"such", "this", "these", "that", "those"} & set(determiners))


# what is settled about an event named before, not a proposal of its own
DETAILS = {"schedule", "date", "dates", "timing", "venue", "details", "arrangements", "agenda"}


def amount_only(span: Span) -> bool:
    """ "about 8 per cent", "$2 million": a figure, not a course of action."""
    figures = sum(
        t.like_num
        or t.tag_ == "$"
        or t.ent_type_ in ("PERCENT", "MONEY", "CARDINAL", "QUANTITY")
        or t.lower_ in ("per", "cent", "percent", "%", "about", "around", "nearly", "some")
        for t in span
    )
    return figures * 2 >= len(span)


def is_actor(doc: Doc, proposer: str | None, officials: list[dict]) -> bool:
    """An official, a state (ISO3) or a known organisation; not a name the NER alone found."""
    if proposer is None:
        return False
    if len(proposer) == 3 and proposer.isupper():
        return True
    if any(o["name"] == proposer for o in officials):
        return True
    return any(proposer in (s.kb_id_, s.text) for s in doc.spans.get(Spans.ORGANISATIONS, []))


def governing_verb(token: Token) -> Token | None:
    """The verb a noun hangs from ("TIGI is adding its voice to calls for ...": adding)."""
    current = token
    for _ in range(6):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.tag_.startswith("VB"):
            return current
    return None


def noun_subject(noun: Token) -> Token | None:
    """Who a trigger noun is by: its possessor ("European Union leaders' call on Russia", "its
    request"), else the subject of the verb it hangs from."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    verb = governing_verb(noun)
    for _ in range(3):  # "is adding its voice to increasing calls for": adding's subject
        if verb is None:
            return None
        subject = subject_of(verb)
        if subject is not None:
            return subject
        verb = governing_verb(verb)
    return None


def find_initiatives(
    doc: Doc, triggers: dict[str, list[Trigger]], capitals: dict[str, str] | None = None
) -> list[dict]:
    """Every initiative in the article as a plain row."""
    rows: list[dict] = []
    covered: set[int] = set()
    seen: list[str] = []
    officials = doc._.officials or []
    for token in doc:
        if token.lower_ not in triggers:
            continue
        noun = token.tag_.startswith("NN")
        if not noun and not token.tag_.startswith("VB"):
            continue
        applicable = [t for t in triggers[token.lower_] if t.noun == noun]
        if not applicable:
            continue
        governor = governing_verb(token) if noun else token
        # "Israel's request to send envoys ... don't demonstrate": a possessed proposal before
        # its clause's verb is the subject's, and what that verb denies is something else
        owned = (
            noun
            and governor is not None
            and token.i < governor.i
            and any(c.dep_ == "poss" for c in token.children)
        )
        if owned:
            governor = None
        if governor is not None and is_denied(governor):
            continue
        if noun and (
            token.dep_ in ("nsubj", "nsubjpass")  # "the proposal to ... would be covered"
            and not owned
            or governor is not None
            and governor.lower_.startswith(DENIAL_PREFIXES)
        ):
            continue
        subject = noun_subject(token) if noun else subject_of(token)
        suggest = token.lower_.startswith(("suggest", "demand"))  # "this demands new skills"
        if suggest and subject is not None and subject.lower_ in NON_AGENTS | {"this", "that"}:
            continue
        if token.i in covered and all(t.intent for t in applicable):
            continue  # "called on countries to ... seek to co-exist with": part of the call
        for trigger in applicable:
            if trigger.active_only and (
                any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
                or is_hypothetical(token)  # "would want to", "trade unions can insist on"
            ):
                break  # "is intended to", "locally demanded"
            if trigger.noun:
                heads = noun_object_heads(token, trigger)
            else:
                heads = object_heads(token, trigger)
            if trigger.intent:
                heads = [h for h in heads if h.lower_ not in NOT_ACTIONS]
            if trigger.future_clause:  # "assuring that Beijing will stay on a path": no act
                heads = [h for h in heads if h.lower_ not in NOT_PLEDGED]
            # "renegotiate them"; "called on X not to act ..."
            heads = [
                h
                for h in heads
                if not refers_back(h) and not any(c.dep_ == "neg" for c in h.children)
            ]
            if not heads:
                continue
            verb = token.text if trigger.particle is None else f"{token.text} {trigger.particle}"
            if trigger.lemma == "ask" and is_addressee(token):
                continue
            proposer = resolve_proposer(doc, subject, officials, capitals or {})
            if trigger.actor_only and not is_actor(doc, proposer, officials):
                break  # "they want to drive big cars": only an actor's intention is news
            for head in heads:
                if head.i in covered or is_goodwill(head):
                    continue
                span = item_span(doc, head)
                span = purpose_attached_to_verb(doc, token, head, span, trigger.concrete_only)
                span = before_next_item(doc, span, head, heads)
                if len(span) < 2 or crosses_paragraph(doc, token, span):
                    continue
                if trigger.lemma == "demand" and (
                    any(t.lower_ in PENALTIES for t in span)  # "demanded 18 months in prison"
                    # "demands the government (must ...)": who is to act, not what
                    or head.ent_type_ in ("PERSON", "GPE", "NORP", "ORG")
                    or head.lower_ in ("government", "authorities", "state")
                    and not any(c.dep_ in ("amod", "compound") for c in head.children)
                    or amount_only(span)  # "demanding about 8 per cent"
                    or any(
                        c.dep_ == "csubj" or c.tag_ == "VBG" and c.dep_ == "nsubj"
                        for c in token.children
                    )
                ):
                    continue  # "promoting ecotourism demands facilities": need, not a demand
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
                        "cameo": cameo_code(trigger, head),
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
