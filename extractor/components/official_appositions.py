"""Officials, appositions of the first stage: a name after "the/his <title>," or after a plural
title ("his Iranian and Russian counterparts, Ebrahim Raisi and Vladimir Putin"), and the
country a possessor official gives ("Putin's spokesman")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..knowledge import words

if TYPE_CHECKING:
    from .official_mentions import Anchor, NameRules

HONORIFICS = words("officials.honorifics")


def determined(doc: Doc, start: int) -> bool:
    """A title that an article, a possessive pronoun or a possessor opens ("the minister",
    "his counterpart", "Putin's spokesman"), so that a comma after it leads to its holder."""
    if start == 0:
        return False
    before = doc[start - 1]
    return before.lower_ in ("the", "a", "his", "her", "their", "its") or before.tag_ == "POS"


def closes_apposition(
    doc: Doc, start: int, after: int, rules: NameRules, blocked: set[int], taken: set[int]
) -> bool:
    """A title that stands after a name ("Robert Joseph, the Undersecretary ...,") or a copula
    ("who is U.S. Undersecretary ...,") describes that person; the comma after it closes it."""
    k = start - 1
    while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
        k -= 1
    if k < 0:
        return False
    if doc[k].lower_ in ("is", "was", "became", "becomes", "remains"):
        return True
    if doc[k].text != "," or (after < len(doc) and doc[after].lower_ in HONORIFICS):
        return False  # "..., the Chairperson of X, Mr S. Bholah,": an honorific opens a name
    before = rules.run_before(doc, k, blocked)
    # a name that an earlier title already holds starts no apposition: "The Minister, Mrs A,
    # the Chairperson of X, B, were present"
    return before is not None and before.end not in taken


def principal_country(doc: Doc, title: Span, anchors: list[Anchor]) -> str | None:
    """ "Russian President Vladimir Putin's spokesman": the country of the named official
    whose post the title is part of."""
    if title.start < 2 or doc[title.start - 1].tag_ != "POS":
        return None
    owner = next((a for a in anchors if a.name.end == title.start - 1), None)
    return owner.country if owner is not None else None


def plural_appositions(
    doc: Doc, title: Span, rules: NameRules, blocked: set[int], countries: dict[int, str]
) -> list[tuple[Span, str | None]]:
    """ "his Iranian and Russian counterparts, Ebrahim Raisi and Vladimir Putin": each name of a
    coordination right after a plural title, with the country adjective in the same place of the
    coordination before the title (or the only one)."""
    names: list[Span] = []
    i = title.end + (title.end < len(doc) and doc[title.end].text == ",")
    while i < len(doc):
        name = rules.run_after(doc, i, blocked)
        if name is None or len(name) < 2:
            break
        names.append(name)
        i = name.end
        if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "and":
            i += 1  # "A, B, and C"
        if i < len(doc) and doc[i].lower_ in ("and", ","):
            i += 1
            continue
        break
    if len(names) < 2 or doc[names[-1].start - 1].lower_ != "and":
        return []  # not a closed coordination "A and B"
    # the coordination of countries before the title: "Iranian and Russian", "Thai, Lao and"
    lead: list[str] = []
    k = title.start - 1
    while k >= 0 and (k in countries or doc[k].lower_ in ("and", ",")):
        if k in countries:
            lead.append(countries[k])
            while k - 1 >= 0 and countries.get(k - 1) == countries[k]:
                k -= 1  # "South Korean": one mention
        k -= 1
    lead.reverse()
    if len(lead) == len(names):
        owners = lead
    elif len(set(lead)) == 1:
        owners = lead[:1] * len(names)
    else:
        owners = [None] * len(names)
    return list(zip(names, owners, strict=True))
