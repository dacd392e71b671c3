"""Initiatives, the extent of one item: the words that state what is proposed, from its head
in the parse, kept with their purpose and manner ("jointly employ a third party to conduct the
evaluation") and trimmed of what says why, when or with whom."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

DROP_DEPS = {"advcl", "cc", "conj", "punct", "appos", "relcl", "parataxis", "mark"}


# Prepositional objects that say why, when or with whom, not what: "in a bid to ...",
# "for realizing ...", "on Sunday", "with his counterparts from ..."
PURPOSE_NOUNS = {"bid", "effort", "efforts", "order", "attempt", "hope", "view"}


PEOPLE_NOUNS = {"counterpart", "counterparts", "leaders", "officials", "ministers", "delegation"}


def non_restrictive(clause: Token) -> bool:
    """A relative clause set off by a comma: ", which demands ...", ", who called for ..."."""
    first = clause.left_edge.i
    return first > 0 and clause.doc[first - 1].text == ","


def proposal_clause(token: Token) -> bool:
    """A restrictive relative clause of what the proposed thing would do ("a referendum that
    would enshrine ..."); not a comment set off by a comma (", which would greatly promote")."""
    return (
        token.dep_ == "relcl"
        and not non_restrictive(token)
        and any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in token.children)
    )


def _dropped_anywhere(token: Token) -> bool:
    """Dependents that never belong to a proposed item, at any depth: side clauses, relative
    clauses and occasions ("on the occasion of the 30th anniversary")."""
    if proposal_clause(token):
        return False  # "a referendum that would enshrine an Indigenous Voice": what it is to do
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


# how a proposed act is to be done, part of it (unlike "immediately", "soon": when)
MANNER_ADVERBS = {"jointly", "fully", "bilaterally", "collectively", "mutually", "peacefully"}
EFFORT_VERBS = {"work", "strive", "try", "endeavour", "endeavor", "struggle"}


def _purpose(head: Token, child: Token) -> bool:
    """A purpose infinitive right after a verb item's object: "employ a third party to conduct
    the evaluation", "offer loans for Cambodia to construct a railway"."""
    return (
        head.tag_.startswith("VB")
        and child.dep_ == "advcl"
        and child.tag_ == "VB"
        and any(a.lower_ == "to" and a.i == child.i - 1 for a in child.children)
        and (
            any(c.dep_ == "dobj" and c.i < child.i for c in head.children)
            or head.lower_ in EFFORT_VERBS  # "will work hard to curtail the burden"
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
        if _purpose(head, child) or proposal_clause(child):
            _collect(child, keep)  # "employ a third party to conduct the evaluation"
            continue
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
            if child.i == head.i - 1 and child.lower_ in MANNER_ADVERBS:
                keep.add(child.i)  # "jointly employ", "fully implement": how it is done
            continue
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
    while (
        head.tag_.startswith("VB")
        and start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
    ):
        start -= 2  # "co-exist", split by the tokenizer and parsed as two verbs
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1  # "restore their rights or"
    while start < end - 1 and doc[start].is_punct:
        start += 1
    unclosed = doc[start:end].text.count("(") > doc[start:end].text.count(")")
    if unclosed and end < len(doc) and doc[end].text == ")":
        end += 1  # "a Commission of Inquiry (CoI)"
    return doc[start:end]


def range_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens from ``start`` to ``end`` inclusive."""
    return list(doc[start : end + 1])
