"""Initiatives, the object stage: what a trigger verb or noun proposes, from its objects in the
parse, split into items at coordination (each item's words: :mod:`.initiative_items`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..knowledge import words
from .parse import auxiliaries, conjuncts

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


CONCRETE = words("initiatives.concrete")


PLAN_WORDS = words("initiatives.plan_words")


# "reaffirmed their resolve to revive the Doha round": the commitment carries the proposal
COMMITMENT_NOUNS = {
    "resolve",
    "commitment",
    "commitments",
    "determination",
    "pledge",
    "readiness",
    "willingness",
}


@dataclass
class Trigger:
    """One trigger word: its form and which dependents carry the object."""

    lemma: str
    particle: str | None
    objects: tuple[str, ...]
    future_only: bool = False  # "will sign", "is expected to sign": a plan, not a past event
    concrete_only: bool = False  # "endorsed the Hanoi Action Plan", not "endorsed the idea"
    cameo: str = "020"  # the trigger's CAMEO code
    noun: bool = False  # "calls for a Commission of Inquiry", "its request to send envoys"
    intent: bool = False  # "plans to", "wants to": an intention, not yet an act
    # the object is a clause of what an actor will do: "assured Biya that France will help"
    future_clause: bool = False
    should_clause: bool = False  # "said both countries should cement their cooperation"
    plan_only: bool = False  # concrete objects that are plans: "presented a plan", not "an award"
    actor_only: bool = False  # news only when an official, a state or a known body does it
    # not passive ("locally demanded") nor only supposed ("would want to", "who insist on")
    active_only: bool = False
    cameo_objects: dict[str, str] = field(default_factory=dict)  # CAMEO's code by object noun


def cameo_code(trigger: Trigger, head: Token) -> str:
    """The CAMEO code of a proposal: the code CAMEO gives the trigger with this object noun
    ("propose ... a summit" 036 under PLAN, "sign an agreement" 057), else the trigger's own.
    A verb item ("agreed to sign a deal") is looked up by its object."""
    nouns = [head] if head.tag_.startswith("NN") else [c for c in head.children if c.dep_ == "dobj"]
    for noun in nouns:
        word = noun.text.upper()
        for form in (word, word[:-1] if word.endswith("S") else word):
            if form in trigger.cameo_objects:
                return trigger.cameo_objects[form]
    return trigger.cameo


def object_heads(verb: Token, trigger: Trigger) -> list[Token]:
    """The head tokens of what ``verb`` proposes, one per list item."""
    heads: list[Token] = []
    children = list(verb.children)
    if trigger.particle in ("for",):
        heads = [
            g
            for c in children
            if c.dep_ == "prep"
            and c.lower_ == "for"
            # "push a project for the base": "for" is not the trigger's (a date is no object)
            and not any(
                d.dep_ == "dobj" and d.i < c.i and d.ent_type_ not in ("DATE", "TIME")
                for d in children
            )
            for g in c.children
            if g.dep_ == "pobj"
        ]
    elif trigger.particle in ("on", "upon") and "pobj" in trigger.objects:
        heads = [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ == trigger.particle
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")
        ]
    elif trigger.particle in ("on", "upon", "to") and trigger.lemma.startswith(("call", "appeal")):
        # "called on the international community to launch ...": the infinitive is the object
        preps = [c for c in children if c.dep_ in ("prep", "prt") and c.lower_ == trigger.particle]
        if not preps:
            return []
        heads = [c for c in children if c.dep_ == "xcomp"] or [
            g
            for p in preps
            for o in p.children
            for g in o.children
            if g.dep_ in ("acl", "relcl", "xcomp") and any(a.lower_ == "to" for a in g.children)
        ]
    elif trigger.objects == ("commitment",):
        # "reaffirmed their resolve to revive ...": the infinitive after the commitment noun
        heads = [
            g
            for c in children
            if c.dep_ == "dobj" and c.lower_ in COMMITMENT_NOUNS
            for g in c.children
            if g.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in g.children)
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
            if dep == "ccomp":
                heads = [
                    c
                    for c in heads
                    if (
                        pledged_clause(c, OBLIGATION_MODALS)
                        if trigger.should_clause
                        else pledged_clause(c)
                        if trigger.future_clause
                        else is_proposal_clause(c)
                    )
                ]
            if heads:
                break
        if not heads and verb.tag_ == "VBN" and not trigger.future_clause:
            heads = [c for c in children if c.dep_ == "nsubjpass"]
    heads = [h for h in (stands_for(verb, h) for h in heads) if h is not None]
    if not heads and trigger.particle != "to" and not trigger.future_clause:
        heads = relative_object(verb)
    if trigger.particle == "to" and not heads:
        return []
    if trigger.future_only and not is_planned(verb):
        return []
    items: list[Token] = []
    for head in heads:
        items.extend(expand_list(head))
    if trigger.concrete_only:  # each item: "pushing an agenda and a narrative" is neither
        items = [h for h in items if is_concrete(h, trigger.plan_only)]
    if items:
        for child in children:  # "proposes to establish A, while identifying B and upgrading C"
            if (
                child.dep_ == "advcl"
                and child.tag_ == "VBG"
                and any(m.lower_ == "while" for m in child.children)
            ):
                items.extend(conjuncts(child))
    return items


# what is presented, announced or unveiled as a plan: "the 2030 Digital Agenda", "a plan"
PLAN_NAMES = CONCRETE | {"agenda"}


def is_concrete(head: Token, plan_only: bool) -> bool:
    """A named or concrete object ("endorsed the Hanoi Action Plan"); with ``plan_only`` a plan,
    programme or proposal only ("presented the 2030 Digital Agenda", not "the Falcon Award")."""
    if plan_only:
        return head.lower_ in PLAN_NAMES
    return head.lower_ in CONCRETE or head.text[:1].isupper()


TAKE_FORMS = {"take", "takes", "took", "taken", "taking"}


def noun_object_heads(noun: Token, trigger: Trigger) -> list[Token]:
    """What a trigger noun proposes: "calls for A and B", "call on Russia to stop A and to
    permit B", "its request to send envoys", "a plan to build ..."."""
    children = list(noun.children)
    if noun.lower_.startswith("call") and (
        any(c.dep_ in ("compound", "amod") for c in children)
        or noun.head.lower_.startswith(("pay", "paid", "make", "made"))
    ):
        return []  # "a courtesy call on the Vice President", "paid a call on": a visit
    if trigger.particle in ("toward", "towards"):
        if noun.head.lower_ not in TAKE_FORMS:
            return []  # "has taken the first steps toward a referendum", not "steps to the door"
        heads = [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ in ("toward", "towards")
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")
        ]
    elif trigger.particle == "for":
        heads = [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")
        ]
        # "calls for the government and agencies to launch an investigation": the parser makes
        # "for" the mark of the infinitive, hung on the verb after the noun
        heads = heads or [
            c
            for c in noun.head.children
            if c.dep_ == "advcl"
            and c.left_edge.i == noun.right_edge.i + 1
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            and any(a.lower_ == "to" for a in c.children)
        ]
    elif trigger.future_clause:
        # "a fresh pledge that his government will work hard to curtail ..."
        heads = [c for c in children if c.dep_ in ("acl", "ccomp", "relcl") and pledged_clause(c)]
    else:
        scope = children
        if trigger.particle == "on":
            preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ("on", "upon")]
            if not preps:
                return []
            scope = children + [g for p in preps for o in p.children for g in o.children]
            governor = noun.head
            while governor.dep_ == "prep" and governor.head.i != governor.i:
                governor = governor.head
            # "agrees with the EU's call on Russia to stop ...": the parser hangs the
            # infinitive on the verb, right after the noun phrase
            scope += [c for c in governor.children if c.left_edge.i == noun.right_edge.i + 1]
        right_after = noun.right_edge.i + 1
        heads = [
            c
            for c in scope
            if c.tag_ == "VB"
            and any(a.lower_ == "to" and a.i < c.i for a in c.children)
            and (
                c.dep_ in ("acl", "relcl", "xcomp")
                or c.dep_ == "advcl"
                and c.left_edge.i == right_after
            )
        ]
    items: list[Token] = []
    for head in heads:
        items.extend(expand_list(head))
        items.extend(infinitive_conjuncts(head))
    return sorted(set(items), key=lambda t: t.i)


def infinitive_conjuncts(head: Token) -> list[Token]:
    """ "to stop targeting A and to permit B": the second infinitive, hung by the parser on a
    verb inside the first, is an item of its own."""
    return [
        g
        for c in head.children
        if c.dep_ in ("xcomp", "dobj")
        for g in c.children
        if g.dep_ == "conj" and g.tag_ == "VB" and any(a.lower_ == "to" for a in g.children)
    ]


FUTURE_MODALS = {"will", "would", "shall", "'ll"}
# who can promise or insist on a course of action: people, states, bodies (not "the deal")
AGENT_ENTITIES = {"PERSON", "GPE", "NORP", "ORG"}
AGENT_PRONOUNS = {"we", "he", "she", "they", "i"}
AGENT_NOUNS = words("initiatives.agent_nouns")
OBLIGATION_MODALS = frozenset({"should", "must"})


def pledged_clause(verb: Token, modals: set[str] | frozenset[str] = FUTURE_MODALS) -> bool:
    """ "(assured Biya) that France will help ...", "(insisted) Uruguay would continue ...",
    "(said) both countries should cement ...": a clause in which an agent will (or should) do
    something; not "the deal would benefit both"."""
    if not modals & auxiliaries(verb) or any(
        c.dep_ in ("neg", "auxpass", "acomp", "attr") for c in verb.children
    ):
        return False  # "should not", "should be issued", "should all be clear": no act
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(
        s.ent_type_ in AGENT_ENTITIES or s.lower_ in AGENT_PRONOUNS or s.lower_ in AGENT_NOUNS
        for s in subjects
    )


def is_proposal_clause(verb: Token) -> bool:
    """ "suggested that the two sides (should) set up ...": a base-form or "should" clause; not
    "suggested that they had been unable to agree" (a report of what is the case)."""
    auxes = auxiliaries(verb)
    if auxes & {"should", "shall", "must"}:
        return True
    if auxes:
        return False
    # base form; a plural present ("that their leaders adopt") reads the same, "are" does not
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.lower_ not in ("are", "have", "do"))


def relative_clause(verb: Token) -> Token | None:
    """The relative clause ``verb`` sits in ("the funds which the government pledged to pour")."""
    current = verb
    for _ in range(5):
        if current.dep_ == "relcl":
            return current
        if current.dep_ not in ("xcomp", "acomp", "ccomp") or current.head.i == current.i:
            return None
        current = current.head
    return None


def relative_pronoun_object(clause: Token) -> bool:
    """Whether a relative pronoun is the clause's object ("which ... pledged to pour"), not its
    subject ("a questioner who asked if ...")."""
    return any(
        t.tag_ in ("WDT", "WP") and t.dep_ not in ("nsubj", "nsubjpass") for t in clause.subtree
    )


def stands_for(verb: Token, head: Token) -> Token | None:
    """An item that is a relative pronoun, or a verb whose object is one, stands for the noun the
    relative clause describes: "the agreement that we are about to sign", "funds which the
    government pledged to pour"."""
    pronoun = head.tag_ in ("WDT", "WP") or (
        head.tag_.startswith("VB")
        and any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in head.children)
    )
    if not pronoun:
        return head
    clause = relative_clause(verb)
    if clause is None or not clause.head.tag_.startswith("NN"):
        return None
    return clause.head


def relative_object(verb: Token) -> list[Token]:
    """With no object of its own, a trigger inside a relative clause whose pronoun is its object
    proposes the noun the clause describes."""
    clause = relative_clause(verb)
    if clause is None or not clause.head.tag_.startswith("NN"):
        return []
    return [clause.head] if relative_pronoun_object(clause) else []


def is_planned(verb: Token) -> bool:
    """ "will sign", "is expected to sign", "about to sign", "agreed to sign": not yet done."""
    auxes = auxiliaries(verb)
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
    if head.tag_ == "VB":  # "to join ... and urged parliament to ...": a new clause, no item
        items = [
            i for i in items if not (i.tag_ == "VBZ" or i.tag_ == "VBD" and i.lower_.endswith("ed"))
        ]  # "put" is tagged VBD as often as not
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
