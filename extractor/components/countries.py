"""Country mentions: names, short forms and adjectives, with organisations and seas left out.

Sets ``doc.spans["countries"]`` (label: ISO3), ``doc.spans["organisations"]`` (label: the ISO3 of
a national body such as the CPC, else ``ORG``), ``doc._.countries`` and ``doc._.home_country``.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..contract import Spans, assigns, requires
from ..extensions import in_furniture
from ..knowledge import Gazetteer, load_gazetteer, words
from .base import RuleComponent

CURRENCY_WORDS = words("countries.currency_words")
SINO_PREFIXES = {"Sino": "CHN", "Indo": None, "Russo": "RUS", "Franco": "FRA", "Anglo": "GBR"}


def build_country_matchers(
    nlp: Language, gazetteer: Gazetteer
) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Phrase matchers for country forms (match id: ISO3) and organisation forms."""
    countries = PhraseMatcher(nlp.vocab, attr="ORTH")
    for row in gazetteer.countries:
        forms = set(row["names"]) | set(row["adjectives"])
        forms |= {f.upper() for f in row["names"] if len(f) > 3}  # datelines: "CHINA"
        countries.add(row["iso3"], [nlp.make_doc(f) for f in sorted(forms)])
    organisations = PhraseMatcher(nlp.vocab, attr="ORTH")
    for row in gazetteer.organisations:
        organisations.add(row["country"] or "ORG", [nlp.make_doc(f) for f in row["forms"]])
    return countries, organisations


def organisation_names(gazetteer) -> dict[str, str]:
    """Each organisation form -> the organisation's canonical name ("Asia-Pacific Economic
    Cooperation" -> "APEC")."""
    return {form: row["name"] for row in gazetteer.organisations for form in row["forms"]}


def is_currency(doc: Doc, end: int) -> bool:
    """True for "US dollars", "U.S. $": the country word names a currency."""
    return end < len(doc) and (doc[end].lower_ in CURRENCY_WORDS or doc[end].text == "$")


def find_country_mentions(
    doc: Doc,
    countries: PhraseMatcher,
    organisations: PhraseMatcher,
    names: dict[str, str] | None = None,
) -> tuple[list[Span], list[Span]]:
    """Country spans (label ISO3) outside organisation names and currencies; organisation spans
    (label ISO3 or ORG, ``kb_id_`` the organisation's canonical name)."""
    names = names or {}
    orgs = filter_spans(
        [
            Span(doc, s, e, label=m, kb_id=names.get(doc[s:e].text, ""))
            for m, s, e in organisations(doc)
        ]
    )
    org_tokens = {i for span in orgs for i in range(span.start, span.end)}
    found = []
    for match_id, start, end in countries(doc):
        if any(i in org_tokens for i in range(start, end)) or is_currency(doc, end):
            continue
        found.append(Span(doc, start, end, label=match_id))
    for token in doc:
        iso3 = SINO_PREFIXES.get(token.text)
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if iso3 and nxt is not None and nxt.text == "-":
            found.append(Span(doc, token.i, token.i + 1, label=iso3))
    spans = [s for s in filter_spans(found) if not in_furniture(doc, s.start_char)]
    return sorted(spans, key=lambda s: s.start), orgs


def place_index(gazetteer: Gazetteer) -> dict[str, str]:
    """Lower-cased country names and dateline places -> ISO3 (a country name wins a clash)."""
    index: dict[str, str] = {}
    for row in gazetteer.countries:
        for name in row["names"]:
            index.setdefault(name.lower(), row["iso3"])
    for place, iso3 in gazetteer.capitals.items():
        index.setdefault(place.lower(), iso3)
    return index


def home_country(
    doc: Doc,
    places: dict[str, str],
    agency_countries: dict[str, str | None],
    spans: list[Span] = (),
) -> tuple[str | None, str | None]:
    """The country the story is told from, and where that came from (``outlet``,
    ``dateline``, ``agency``, ``text``).

    A national outlet's own country first: its reporters travel with its officials (Kuwait
    Times "PARIS: Minister of Education ...", Saudi Gazette "ATHENS — Crown Prince ..."), unless
    the dateline names an agency (wire copy). Then the dateline's (a wire story datelined Lagos
    is told from Nigeria), then the wire agency's.
    A story with none of these (a pasted body) falls back on the one country its text names,
    when it names only one (``spans`` are its country mentions). Not on an agency it quotes
    ("told Xinhua" is said from anywhere) nor on the country a visit goes to: on 609 newswire
    stories with datelines removed, these disagreed with the dateline's country for 15 of 22
    and 17 of 58 officials."""
    if doc._.outlet_country and not doc._.agency:  # a national outlet's own story
        return doc._.outlet_country, "outlet"
    if doc._.dateline_country:  # the reader's gazetteer (project places, then GeoNames)
        return doc._.dateline_country, "dateline"
    parts = [p.strip().lower() for p in (doc._.dateline or "").split(",") if p.strip()]
    for place in reversed(parts):  # "COTABATO, Philippines": the country part decides
        if place in places:
            return places[place], "dateline"
    agency = doc._.agency
    if agency and agency_countries.get(agency):
        return agency_countries[agency], "agency"
    if doc._.outlet_country:  # wire copy from an agency we do not know, on a national site
        return doc._.outlet_country, "outlet"
    if agency:
        return None, None
    named = {s.label_ for s in spans}
    return (named.pop(), "text") if len(named) == 1 else (None, None)


@Language.factory(
    "extractor_countries",
    default_config={"data": None},
    assigns=assigns("extractor_countries"),
    requires=requires("extractor_countries"),
)
class CountryRecognizer(RuleComponent):
    """Finds country mentions and the article's home country."""

    def load(self, folder: Path) -> None:
        self.gazetteer = load_gazetteer(folder)
        self.countries, self.organisations = build_country_matchers(self.nlp, self.gazetteer)
        self.organisation_names = organisation_names(self.gazetteer)
        self.places = place_index(self.gazetteer)
        self.agency_countries = {
            form: row["country"] for row in self.gazetteer.agencies for form in row["forms"]
        }

    def __call__(self, doc: Doc) -> Doc:
        spans, orgs = find_country_mentions(
            doc, self.countries, self.organisations, self.organisation_names
        )
        doc.spans[Spans.COUNTRIES] = spans
        doc.spans[Spans.ORGANISATIONS] = orgs
        doc._.countries = [
            {"iso3": s.label_, "text": s.text, "start": s.start_char, "end": s.end_char}
            for s in spans
        ]
        doc._.home_country, doc._.home_country_source = home_country(
            doc, self.places, self.agency_countries, spans
        )
        return doc
