"""Initiatives, the proposer stage: who proposed, from the clause's subject or speaker, a
pronoun's last named official, a body's state; joint subjects stay empty."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..contract import Spans
from ..extensions import doc_text, in_furniture
from ..knowledge import words
from .official_mentions import LEGISLATIVE_CHAMBERS
from .parse import entity_at

PRONOUNS = {"he", "she", "the official", "the minister", "the president", "the premier"}


ROLE_NOUNS = words("initiatives.role_nouns")


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


SAY_VERBS = words("initiatives.say_verbs")


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
    """The official named in ``doc`` text ``start:end``: by a name or alias, else by one word of
    a name that no other official shares ("Lacalle" for Luis Lacalle Pou)."""
    text = doc_text(doc)[start:end]
    for official in officials:
        for form in [official["name"], *official["aliases"]]:
            if form and form in text:
                return official["name"]
    words = set(text.split())
    if len(words) != 1:
        return None
    owners = {
        o["name"]
        for o in officials
        for part in o["name"].split()
        if len(part) > 3 and part[:1].isupper() and part in words
    }
    return owners.pop() if len(owners) == 1 else None


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
    if key == Spans.COUNTRIES:
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
    if subject.tag_ in ("WDT", "WP") and subject.head.dep_ == "relcl":
        antecedent = subject.head.head  # "Amnesty International, which demanded ..."
        if antecedent.i != subject.head.i:
            return _resolve_one(doc, antecedent, officials, capitals)
    phrase = doc[subject.left_edge.i : subject.i + 1]
    start, end = phrase.start_char, phrase.end_char
    if subject.lower_ in GOVERNMENT_NOUNS:
        # "The Kishida administration continues to push": the state the leader governs
        country = _country_of(_official_at(doc, start, end, officials), officials)
        if country:
            return country
    body = named_body(doc, subject)
    if body:
        return body
    if subject.lower_ in ROLE_NOUNS and phrase[0].lower_ == "the" and len(phrase) > 2:
        # "The Chinese president said ...": the president named last, before the adjective's
        # country
        named = _last_official(doc, start, officials, subject.lower_)
        if named:
            return named
    found = (
        _official_at(doc, start, end, officials)
        or _span_label_in(doc, Spans.COUNTRIES, phrase.start, phrase.end)
        or _span_label_in(doc, Spans.ORGANISATIONS, phrase.start, phrase.end)
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
    if subject.lower_ == "its":
        return _last_state(doc, subject, capitals)  # "Jerusalem ... and its request to ..."
    if subject.lower_ in ROLE_NOUNS and phrase[0].lower_ == "the":
        return _last_official(doc, start, officials, subject.lower_)
    capital = capitals.get(subject.text)
    if capital:
        return capital  # "Pyongyang agreed": a capital speaking for its government
    whole = doc[subject.left_edge.i : subject.right_edge.i + 1]
    found = _span_label_in(doc, Spans.ORGANISATIONS, whole.start, whole.end)
    if found:
        return found  # "ministers and representatives of APEC"
    if subject.lower_ in COLLECTIVE_NOUNS:
        return main_organisation(doc)
    if subject.ent_type_ in ("PERSON", "ORG", "NORP") and subject.tag_ == "NNP":
        entity = entity_at(doc, subject.i)
        if entity is not None and not (entity.label_ == "ORG" and _chamber(entity)):
            return entity.text  # a named actor that is not an official ("Aung San Suu Kyi")
        # a state's chamber ("The Chamber of Deputies") speaks for a state it does not name
    return None


def _last_state(doc: Doc, pronoun: Token, capitals: dict[str, str]) -> str | None:
    """The state "its" stands for: the country, or capital speaking for one, named last before
    it in its sentence or the one before."""
    first = pronoun.sent.start
    if first > 0:
        first = doc[first - 1].sent.start
    spans = doc.spans.get(Spans.COUNTRIES, [])
    countries = {
        i: s.label_
        for s in spans
        if s.start < pronoun.i and s.end > first  # the look-back window only
        for i in range(s.start, s.end)
    }
    for i in range(pronoun.i - 1, first - 1, -1):
        if i in countries:
            return countries[i]
        if doc[i].text in capitals:
            return capitals[doc[i].text]
    return None


GOVERNMENT_NOUNS = {"administration", "government", "cabinet"}
BUSINESS_BODIES = words("officials.business_bodies")
# "civil society group Article 13", "advocate group, Transparency Institute Guyana Inc (TIGI)"
GROUP_NOUNS = {"group", "organisation", "organization", "body", "association", "coalition"}


def named_body(doc: Doc, subject: Token) -> str | None:
    """The name of a body the subject describes: "advocate group, Transparency Institute Guyana
    Inc (TIGI)" (an organisation in apposition, with its acronym) or "civil society group
    Article 13" (a name after the group noun), as written."""
    if subject.lower_ in GROUP_NOUNS:
        for child in subject.children:
            if child.dep_ == "appos" and child.ent_type_ == "ORG":
                entity = entity_at(doc, child.i)
                return _with_acronym(doc, entity.start, entity.end)
        return None
    entity = entity_at(doc, subject.i)
    business = entity is not None and entity.label_ == "ORG" and not _chamber(entity)
    if business and {t.lower_ for t in entity} & BUSINESS_BODIES:
        # "Panama's Chamber of Commerce, Industries and Agriculture (Cciap) has called for": a
        # business or civic body speaks for itself, not for its state
        end = next((t.i for t in doc[subject.i : entity.end] if t.text == "("), entity.end)
        return _with_acronym(doc, subject.i, end)
    if subject.tag_ == "NNP" and any(
        c.dep_ == "compound" and c.lower_ in GROUP_NOUNS and c.i < subject.i
        for c in subject.children
    ):
        first = subject.i
        while first - 1 >= 0 and doc[first - 1].tag_ == "NNP":
            first -= 1
        last = subject.i + 1
        while last < len(doc) and doc[last].dep_ == "nummod" and doc[last].head.i == subject.i:
            last += 1
        return doc[first:last].text  # "Article 13"
    return None


def _chamber(entity) -> bool:
    """A legislative chamber or a government body ("Chamber of Deputies", "Ministry of ..."):
    it speaks for its state, not as a body of its own."""
    return bool({t.lower_ for t in entity} & LEGISLATIVE_CHAMBERS)


def _with_acronym(doc: Doc, start: int, end: int) -> str:
    """The name from ``start`` to ``end``, with the acronym in brackets right after it."""
    if (
        end + 2 < len(doc)
        and doc[end].text == "("
        and doc[end + 2].text == ")"
        and doc[end + 1].is_upper
    ):
        end += 3  # "Transparency Institute Guyana Inc (TIGI)"
    return doc[start:end].text


def main_organisation(doc: Doc) -> str | None:
    """The international organisation the story is about: the one named most often (the first
    named on a tie), by its canonical name ("APEC")."""
    counts: dict[str, int] = {}
    for span in doc.spans.get(Spans.ORGANISATIONS, []):
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
        for m in doc.spans.get(Spans.OFFICIALS, [])
        if m.start_char < before and m.text in names
    ]
    if mentions:
        return max(mentions)[1]
    earlier = [o for o in officials if o["start"] < before and o["name"] in names.values()]
    return earlier[-1]["name"] if earlier else None
