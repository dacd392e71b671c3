"""Parse helpers shared by the rules: the token under a character, a verb's auxiliaries, the
verb that governs a token, the tense of a clause (is it about the future?) and the items
coordinated with a token."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..knowledge import words

FUTURE_CUES = words("dates.future_cues")


PAST_AUX = {"did", "had", "has", "have", "was", "were"}


def token_at(doc: Doc, start_char: int) -> Token | None:
    """The token that holds the character at ``start_char``."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    return span[0] if span is not None else None


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity token ``i`` is in, found from the tokens' IOB marks (not by scanning
    ``doc.ents``, which made a look-up per mention quadratic in article length)."""
    if not doc[i].ent_type_:
        return None
    start = i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[i].ent_type_)


def auxiliaries(verb: Token) -> set[str]:
    """The verb's auxiliaries, lower-cased ("will", "to", "was")."""
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def governing_verb(token: Token) -> Token:
    """The verb a date expression hangs on (up to five heads up), else where the walk stopped."""
    verb = token
    for _ in range(5):
        if verb.tag_.startswith("VB") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


FORWARD_WORDS = ("scheduled", "slated", "due", "set", "expected", "planned")


FORWARD_HEADS = FORWARD_WORDS + ("plans", "plan")


# an infinitive of purpose or one hanging on a noun keeps its clause's tense
CLAUSE_INFINITIVES = ("advcl", "acl", "csubj", "relcl")


def verb_future(verb: Token, depth: int = 0) -> bool | None:
    """Whether a verb speaks of the future: True, False, or None when its form does not say."""
    if not verb.tag_.startswith("VB"):
        return None
    auxes = auxiliaries(verb)
    if auxes & {"will", "'ll", "shall", "wo", "would"}:
        return True
    if verb.tag_ == "VB" and "to" in auxes:
        if verb.dep_ in CLAUSE_INFINITIVES and verb.head.i != verb.i and depth < 3:
            # "staged celebrations to mark the entry on Friday" is past; "is part of a
            # programme to pay down debt by February" still looks ahead
            return verb_future(governing_verb(verb.head), depth + 1) is not False
        return True
    if verb.lower_ in FORWARD_WORDS or verb.head.lower_ in FORWARD_HEADS:
        return True
    if auxes & PAST_AUX or verb.tag_ in ("VBD", "VBN"):
        return False
    return None


def is_future(doc: Doc, start_char: int) -> bool:
    """True when the clause around the expression speaks of the future ("will meet on Sunday",
    "would on Wednesday attend", "is expected to sign ... on Sunday", "ahead of ... on Friday")."""
    token = token_at(doc, start_char)
    if token is None:
        return False
    verb = governing_verb(token)
    path = token
    while path.i != verb.i and path.head.i != path.i:
        # "the election due in December", "talks scheduled for Friday"
        if path.lower_ in FORWARD_WORDS:
            return True
        path = path.head
    said = verb_future(verb)
    if said is not None:
        return said
    window = doc[token.sent.start : token.i]
    return any(t.lower_ in FUTURE_CUES for t in window)


def conjuncts(token: Token) -> list[Token]:
    """``token`` and every item coordinated with it."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out
