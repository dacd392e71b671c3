"""Officials in stages, each a registered object that configuration can replace or join.

1. person mentions and the titles linked to them (``mentions``): name runs next to titles
   (rules over the parse and the NER), as :class:`~.official_mentions.Anchor` records;
2. alias grouping (``aliases``): anchors of one person grouped into an official, other name
   forms found;
3. country and office resolution (``countries``): a country shared along a coordination, the
   counterpart's office, then, where the text gives none, the actor store, the article's home
   country and the principal a spokesperson serves.

The component calls them in this order: mentions, country pass over the anchors, grouping,
country pass over the officials (counterparts), aliases, records, country pass over the records.
A stage is set up once with the component's knowledge (:class:`OfficialsKnowledge`, loaded from
its data folder). Replace one in the config, e.g.::

    [components.extractor_officials.countries]
    @misc = "extractor.official_countries.v1"
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.util import registry

from .. import temporal as T
from ..contract import Spans
from ..knowledge import Actor, ActorStore
from .official_aliases import Official, best_anchor, find_aliases, group_officials
from .official_mentions import Anchor, NameRules, find_anchors
from .titles import TitleLexicon


@dataclass
class OfficialsKnowledge:
    """What the stages know: the title lexicon, the name rules and the actor store."""

    lexicon: TitleLexicon
    rules: NameRules
    actors: ActorStore


class Stage:
    """Base of a stage: holds the component's knowledge once it is set up."""

    knowledge: OfficialsKnowledge

    def setup(self, knowledge: OfficialsKnowledge) -> None:
        self.knowledge = knowledge


class PersonMentions(Stage):
    """Stages 1-2: person mentions tied to titles of office."""

    def __call__(self, doc: Doc) -> list[Anchor]:
        return find_anchors(
            doc, self.knowledge.rules, self.knowledge.lexicon, self.knowledge.actors
        )


class AliasGrouping(Stage):
    """Stage 4: one official per person; the other forms of the name."""

    def group(self, doc: Doc, anchors: list[Anchor]) -> list[Official]:
        return group_officials(anchors)

    def aliases(self, doc: Doc, officials: list[Official]) -> None:
        find_aliases(doc, officials, self.knowledge.rules)


class OfficialCountries(Stage):
    """Stage 3: the country (and office) of each official where the title leaves it open."""

    def on_anchors(self, doc: Doc, anchors: list[Anchor]) -> None:
        inherit_coordinated_country(doc, anchors)
        drop_countries_in_names(doc, anchors)

    def on_officials(self, doc: Doc, officials: list[Official]) -> None:
        resolve_counterparts(officials, self.knowledge.lexicon)

    def on_records(self, doc: Doc, officials: list[Official], records: list[dict]) -> None:
        for official, record in zip(officials, records, strict=True):
            evidence = best_anchor(official).evidence
            record["country_source"] = SOURCE_OF_EVIDENCE.get(evidence)
            if evidence != "none":
                continue
            # a known holder (actor store, on the article's date), else the home country
            terms = self.knowledge.actors.match(official.name, on=doc._.published)
            day = T.parse_iso(doc._.published)
            if not any(t.serves_on(day) for t in terms):
                # no term on the article's date: a nationality lasts, a post abroad does not
                terms = [t for t in terms if t.country is not None]
            if terms:
                record["country"] = country_of_terms(terms, record["titles"])
                record["country_source"] = "dictionary"
            else:
                record["country"] = doc._.home_country
                record["country_source"] = doc._.home_country_source
        country_of_principal(records)
        for record in records:
            if record["country"] is None:
                record["country_source"] = None


# where an official's country came from, by the evidence of the best mention
SOURCE_OF_EVIDENCE = {
    "title": "title",
    "description": "title",
    "context": "context",
    "office": "office",
    "international": "organisation",
}


def country_of_terms(terms: list[Actor], titles: list[dict]) -> str | None:
    """The country of a known person's terms: the term whose office names one of the
    official's roles ("President of the French Republic" for a president, not "French
    co-prince of Andorra"), else the country most of the terms share, else the first."""
    roles = {
        w for t in titles for w in str(t.get("role") or "").replace("-", " ").split() if len(w) > 3
    }
    for term in terms:
        if roles & set(term.office.lower().replace("-", " ").split()):
            return term.country
    countries = [t.country for t in terms]
    return max(dict.fromkeys(countries), key=countries.count)


@registry.misc("extractor.person_mentions.v1")
def person_mentions() -> PersonMentions:
    return PersonMentions()


@registry.misc("extractor.alias_grouping.v1")
def alias_grouping() -> AliasGrouping:
    return AliasGrouping()


@registry.misc("extractor.official_countries.v1")
def official_countries() -> OfficialCountries:
    return OfficialCountries()


def inherit_coordinated_country(doc: Doc, anchors: list[Anchor]) -> None:
    """ "Chinese Foreign Minister Li Zhaoxing and Commerce Minister Bo Xilai": the second title
    shares the first one's country when it has none of its own."""
    by_name_end = {a.name.end: a for a in anchors}
    for anchor in anchors:
        if anchor.evidence not in ("none", "office") or anchor.country is not None:
            continue
        i = anchor.title.start - 1
        if i < 1 or doc[i].lower_ not in ("and",):
            continue
        previous = by_name_end.get(i)
        if previous is not None and previous.evidence == "title" and previous.country:
            anchor.country, anchor.evidence = previous.country, "context"


def resolve_counterparts(officials: list[Official], lexicon: TitleLexicon) -> None:
    """The counterpart in "his Chinese counterpart Wen Jiabao" holds the other person's office,
    unless the counterpart's state calls that office otherwise (then "counterpart" stays)."""
    for official in officials:
        for anchor in official.anchors:
            if lexicon.role(anchor.title.text) != "counterpart":
                continue
            sent = anchor.title.sent
            others = sorted(
                (
                    a
                    for o in officials
                    if o is not official
                    for a in o.anchors
                    if a.name.sent == sent
                    and a.name.start < anchor.title.start
                    and lexicon.role(a.title.text) != "counterpart"
                ),
                key=lambda a: -a.name.start,
            )  # "his" is the nearest one before
            if not others:
                others = sorted(
                    (
                        a
                        for o in officials
                        if o is not official
                        for a in o.anchors
                        if a.name.start < anchor.title.start
                        and lexicon.role(a.title.text) != "counterpart"
                    ),
                    key=lambda a: -a.name.start,
                )
            if others and anchor.country not in lexicon.named_otherwise.get(
                lexicon.role(others[0].title.text), ()
            ):
                anchor.title = others[0].title  # not a "Defense Minister" for the US


# a spokesperson speaks for a principal: "presidential spokesman" for the story's president
PRINCIPALS = {
    "presidential spokesperson": {"president"},
    "foreign ministry spokesperson": {"foreign minister"},
    "state department spokesperson": {"secretary of state"},
}


def country_of_principal(records: list[dict]) -> None:
    """An official still without a country whose office serves a principal ("presidential
    spokesman", "Foreign Ministry spokesman") takes the principal's country, when the story's
    holders of that office all have one country."""
    for record in records:
        if record["country"] is not None:
            continue
        served = set().union(*(PRINCIPALS.get(t["role"], set()) for t in record["titles"]))
        if not served:
            continue
        countries = {
            other["country"]
            for other in records
            if other is not record and any(t["role"] in served for t in other["titles"])
        }
        if len(countries) == 1 and None not in countries:
            record["country"] = countries.pop()
            record["country_source"] = "principal"


def drop_countries_in_names(doc: Doc, anchors: list[Anchor]) -> None:
    """A country word inside a person's name ("German Gref") is not a country mention."""
    inside = {i for a in anchors for i in range(a.name.start, a.name.end)}
    if not any(s.start in inside for s in doc.spans.get(Spans.COUNTRIES, [])):
        return
    doc.spans[Spans.COUNTRIES] = [s for s in doc.spans[Spans.COUNTRIES] if s.start not in inside]
    keep = {s.start_char for s in doc.spans[Spans.COUNTRIES]}
    doc._.countries = [c for c in doc._.countries if c["start"] in keep]
