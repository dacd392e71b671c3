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

from ..extensions import doc_text, in_furniture, register_extensions
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
# "failed to agree on", "dismissed a report that it would sign", "refused to ...": not proposals
DENIAL_PREFIXES = ("deny", "deni", "dismiss", "reject", "refut", "fail", "refus", "declin")
# Verbs of degree with a general good as object ("boost trade", "expand cooperation with ASEAN",
# "explore development potential") are goodwill, not a concrete course of action.
DEGREE_VERBS = {
    "boost",
    "strengthen",
    "enhance",
    "expand",
    "deepen",
    "promote",
    "increase",
    "further",
    "develop",
    "improve",
    "step",
    "explore",
    "grasp",
    "seize",
    "intensify",
    "consolidate",
    "advance",
    "continue",
    "maintain",
    "broaden",
    "foster",
    "make",
    "push",
    "accelerate",
    "tap",
    "bolster",
    "beef",
    "upgrade",
    "cement",
    "speed",
    "safeguard",
    "uphold",
}
GOODWILL_NOUNS = {
    "cooperation",
    "ties",
    "relations",
    "relationship",
    "friendship",
    "trade",
    "exchanges",
    "exchange",
    "understanding",
    "trust",
    "communication",
    "communications",
    "coordination",
    "development",
    "potential",
    "opportunities",
    "opportunity",
    "efforts",
    "effort",
    "work",
    "economy",
    "growth",
    "peace",
    "stability",
    "prosperity",
    "solidarity",
    "unity",
    "contacts",
    "collaboration",
    "standard",
    "standards",
    "lives",
    "livelihood",
    "interests",
    "role",
    "investment",
    "security",
    "safety",
    "connectivity",
    "ways",
    "means",
    "possibilities",
}
# "the study suggests ...", "evidence suggested ...": suggest as "indicate", not a proposal
NON_AGENTS = {
    "study",
    "studies",
    "research",
    "evidence",
    "data",
    "result",
    "results",
    "findings",
    "report",
    "reports",
    "survey",
    "surveys",
    "poll",
    "polls",
    "analysis",
    "figures",
    "statistics",
    "test",
    "tests",
    "experiment",
    "experiments",
    "signs",
    "trend",
    "record",
}
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
# Prepositional objects that say why, when or with whom, not what: "in a bid to ...",
# "for realizing ...", "on Sunday", "with his counterparts from ..."
PURPOSE_NOUNS = {"bid", "effort", "efforts", "order", "attempt", "hope", "view"}
PEOPLE_NOUNS = {"counterpart", "counterparts", "leaders", "officials", "ministers", "delegation"}
ROLE_NOUNS = {
    "minister",
    "president",
    "premier",
    "secretary",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "leader",
    "king",
    "chairman",
    "official",
    "envoy",
    "general",
}


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
                heads = [c for c in heads if is_proposal_clause(c)]
            if heads:
                break
        if not heads and verb.tag_ == "VBN":
            heads = [c for c in children if c.dep_ == "nsubjpass"]
    heads = [h for h in (stands_for(verb, h) for h in heads) if h is not None]
    if not heads:
        heads = relative_object(verb)
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


def is_proposal_clause(verb: Token) -> bool:
    """ "suggested that the two sides (should) set up ...": a base-form or "should" clause; not
    "suggested that they had been unable to agree" (a report of what is the case)."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"should", "shall", "must"}:
        return True
    if auxes:
        return False
    # base form; a plural present ("that their leaders adopt") reads the same, "are" does not
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.lower_ not in ("are", "have", "do"))


def is_addressee(verb: Token) -> bool:
    """ "the spokesman was asked to comment": the subject is asked, it does not ask; with no
    "by ..." agent there is no proposal by anyone named."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


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
    if token.dep_ in ("relcl", "parataxis"):
        return True
    if token.dep_ == "advcl":
        # "the Hanoi Action Plan to implement the Busan Roadmap" keeps its purpose
        return not (
            token.head.tag_.startswith("NN") and any(a.lower_ == "to" for a in token.children)
        )
    if token.dep_ == "prep":
        objects = [g for g in token.children if g.dep_ in ("pobj", "pcomp")]
        if token.lower_ == "in" and any(g.lower_ in PURPOSE_NOUNS for g in objects):
            return True  # "in a bid to upgrade ..."
        if token.lower_ == "for" and any(g.tag_ == "VBG" for g in objects):
            return True  # "... for realizing the Bogor Goals"
        if token.lower_ in ("on", "by", "until", "before") and any(
            g.ent_type_ in ("DATE", "TIME") for g in objects
        ):
            return True  # "on Sunday", "by 2020"
        if token.lower_ == "with" and any(
            g.lower_ in PEOPLE_NOUNS or g.ent_type_ == "PERSON" for g in objects
        ):
            return True  # "holding talks with his counterparts from ..."
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
            if in_furniture(child.doc, child.idx):
                continue  # "JAKARTA, Nov. 23 (Xinhua) --" parsed as a subject
            if child.dep_ == "nsubj" or (level > 0 and child.dep_ == "nsubjpass"):
                return child
        if (
            current.dep_ in ("xcomp", "acomp", "conj", "ccomp", "advcl")
            and current.head.i != current.i
        ):
            current = current.head
        else:
            break
    return None


SAY_VERBS = {
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "stressed",
    "announced",
    "declared",
    "insisted",
    "reiterated",
    "confirmed",
    "explained",
}
SPEAKER_PRONOUNS = {"it", "we", "he", "she", "they", "i"}
# Collective subjects of a summit story: "the leaders endorsed ...", "ministers agreed ..."
COLLECTIVE_NOUNS = {
    "leaders",
    "ministers",
    "members",
    "participants",
    "delegates",
    "representatives",
    "economies",
    "nations",
    "miniters",
}


def _official_at(doc: Doc, start: int, end: int, officials: list[dict]) -> str | None:
    for official in officials:
        for form in [official["name"], *official["aliases"]]:
            if form and form in doc_text(doc)[start:end]:
                return official["name"]
    return None


def _span_label_in(doc: Doc, key: str, first: int, last: int) -> str | None:
    """The country (ISO3) or organisation named inside tokens ``first..last``; for an
    international organisation, its name as written, the acronym when both are given."""
    inside = [
        s
        for s in doc.spans.get(key, [])
        if first <= s.start and s.end <= last and not in_furniture(doc, s.start_char)
    ]
    if not inside:
        return None
    if key == "countries":
        return inside[0].label_
    national = [s.label_ for s in inside if s.label_ != "ORG"]
    if national:
        return national[0]
    return inside[0].kb_id_ or inside[0].text


def speaker_of(token: Token) -> Token | None:
    """ "The Philippines said it will seek ...", "'... we are about to sign ...,' X said": the
    subject of the verb of saying that the clause of ``token`` reports."""
    current = token.head
    for _ in range(8):
        if current.lower_ in SAY_VERBS and current.tag_.startswith("VB"):
            speakers = [c for c in current.children if c.dep_ == "nsubj" and c.i != token.i]
            return speakers[0] if speakers and speakers[0].lower_ not in SPEAKER_PRONOUNS else None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def resolve_proposer(
    doc: Doc, subject: Token | None, officials: list[dict], capitals: dict[str, str]
) -> str | None:
    """An official's name, a country's ISO3, an organisation as written, or None.

    Coordinated subjects ("Roh and Bush") give their common country, or None when they differ;
    pronouns are the speaker of the reporting verb or the last official named; collective nouns
    ("the leaders") are the international organisation last named; "the prime minister" is the
    last official named with that title.
    """
    if subject is None:
        return None
    parts = [c for c in subject.children if c.dep_ == "conj"]
    if parts and subject.lower_ not in COLLECTIVE_NOUNS:
        resolved = [_resolve_one(doc, t, officials, capitals) for t in [subject, *parts]]
        countries = {_country_of(r, officials) for r in resolved}
        if len(countries) == 1 and None not in countries:
            return countries.pop()
        if all(r is not None and r == _country_of(r, officials) for r in resolved):
            # "Indonesia and Russia will sign", from Jakarta: the side the story reports for
            return doc._.home_country if doc._.home_country in resolved else None
        return None
    return _resolve_one(doc, subject, officials, capitals)


def _country_of(proposer: str | None, officials: list[dict]) -> str | None:
    if proposer is None:
        return None
    for official in officials:
        if official["name"] == proposer:
            return official["country"]
    return proposer if len(proposer) == 3 and proposer.isupper() else None


def _resolve_one(
    doc: Doc, subject: Token, officials: list[dict], capitals: dict[str, str]
) -> str | None:
    phrase = doc[subject.left_edge.i : subject.i + 1]
    start, end = phrase.start_char, phrase.end_char
    found = (
        _official_at(doc, start, end, officials)
        or _span_label_in(doc, "countries", phrase.start, phrase.end)
        or _span_label_in(doc, "organisations", phrase.start, phrase.end)
    )
    if found:
        return found
    text = phrase.text.lower()
    if subject.lower_ in SPEAKER_PRONOUNS or text in PRONOUNS:
        speaker = speaker_of(subject)
        if speaker is not None:
            return _resolve_one(doc, speaker, officials, capitals)
        if subject.lower_ in ("it", "we", "they", "i"):
            return None
        return _last_official(doc, start, officials)
    if subject.lower_ in ROLE_NOUNS and phrase[0].lower_ == "the":
        return _last_official(doc, start, officials, subject.lower_)
    capital = capitals.get(subject.text)
    if capital:
        return capital  # "Pyongyang agreed": a capital speaking for its government
    whole = doc[subject.left_edge.i : subject.right_edge.i + 1]
    found = _span_label_in(doc, "organisations", whole.start, whole.end)
    if found:
        return found  # "ministers and representatives of APEC"
    if subject.lower_ in COLLECTIVE_NOUNS:
        return main_organisation(doc)
    if subject.ent_type_ in ("PERSON", "ORG", "NORP") and subject.tag_ == "NNP":
        entity = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
        if entity is not None:
            return entity.text  # a named actor that is not an official ("Aung San Suu Kyi")
    return None


def main_organisation(doc: Doc) -> str | None:
    """The international organisation the story is about: the one named most often (the first
    named on a tie), by its canonical name ("APEC")."""
    counts: dict[str, int] = {}
    for span in doc.spans.get("organisations", []):
        if span.label_ == "ORG":
            name = span.kb_id_ or span.text
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None  # first named wins a tie


def _last_official(
    doc: Doc, before: int, officials: list[dict], role: str | None = None
) -> str | None:
    """The official named last before ``before`` (with ``role`` in the title, if given)."""
    names = {
        form: o["name"]
        for o in officials
        if role is None or role in (o["title"] or "").lower()
        for form in [o["name"], *o["aliases"]]
        if form
    }
    mentions = [
        (m.start_char, names[m.text])
        for m in doc.spans.get("officials", [])
        if m.start_char < before and m.text in names
    ]
    if mentions:
        return max(mentions)[1]
    earlier = [o for o in officials if o["start"] < before and o["name"] in names.values()]
    return earlier[-1]["name"] if earlier else None


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
