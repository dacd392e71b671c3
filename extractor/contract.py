"""The Doc contract: what each component reads and writes, declared once.

Components pass results to each other only through what is declared here: the span groups
(:class:`Spans`), the ``Doc._`` attributes (:data:`DOC_ATTRIBUTES`) and the token annotation of
the statistical model. Each factory's ``assigns`` and ``requires`` come from
:data:`COMPONENTS`, so ``nlp.analyze_pipes()`` shows them, and a test checks that no component
reads a ``Doc._`` attribute or span group its entry does not declare.

Values are plain JSON-like data (str, int, lists of dicts), so that docs survive ``to_bytes``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


class Spans:
    """Span-group keys (``doc.spans[...]``)."""

    COUNTRIES = "countries"  # country mentions, label ISO3
    ORGANISATIONS = "organisations"  # named bodies, label ISO3 or ORG
    TITLES = "titles"  # positions as written, label role (or JOINED for "X and Y")
    TITLE_PARTS = "title_parts"  # each position of a joined title, label role
    OFFICIALS = "officials"  # every mention of an official, label OFFICIAL
    DATES = "dates"  # calendar expressions, label granularity
    INITIATIVES = "initiatives"  # what was proposed, label verb


# Set before the pipeline runs, from the reader (run.set_context): the article's context.
INPUT_ATTRIBUTES: dict[str, object] = {
    "doc_id": None,
    "published": None,  # "YYYY-MM-DD" or None
    "agency": None,
    "dateline": None,
    "furniture": None,  # [[start, end], ...] header and dateline character spans
    "dateline_country": None,  # ISO3 of the dateline place (reader's gazetteer)
    "partial_date": None,  # "XXXX-MM-DD": a dateline's day and month when it gives no year
    "outlet_country": None,  # ISO3 the outlet reports from (url host, outlet table, ccTLD)
}
# Set by the rule components.
RESULT_ATTRIBUTES: dict[str, object] = {
    "home_country": None,  # ISO3 of the outlet, dateline place or agency
    "home_country_source": None,  # outlet | dateline | agency | text
    "countries": None,  # [{"iso3", "text", "start", "end"}] mentions
    "officials": None,  # [{"name", "title", "titles", "country", "aliases", ...}]
    "dates": None,  # [{"text", "value", "granularity", "start", "end"}]
    "initiatives": None,  # [{"text", "proposer", "verb", "start", "end"}]
}
DOC_ATTRIBUTES = {**INPUT_ATTRIBUTES, **RESULT_ATTRIBUTES}


@dataclass(frozen=True)
class ComponentContract:
    """What one rule component reads (``requires``: model annotation and earlier results;
    ``spans_read``; ``inputs``: context attributes) and writes (``assigns``, ``spans_written``)."""

    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    spans_read: tuple[str, ...] = ()
    spans_written: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()


COMPONENTS: dict[str, ComponentContract] = {
    "extractor_names": ComponentContract(
        requires=("doc.ents", "token.tag", "token.dep", "token.head"),
        assigns=("doc.ents",),
    ),
    "extractor_countries": ComponentContract(
        requires=("token.ent_type",),
        assigns=("doc._.countries", "doc._.home_country", "doc._.home_country_source", "doc.spans"),
        spans_written=(Spans.COUNTRIES, Spans.ORGANISATIONS),
        inputs=("agency", "dateline", "dateline_country", "outlet_country", "furniture"),
    ),
    "extractor_titles": ComponentContract(
        requires=("doc.ents", "doc._.countries"),
        assigns=("doc.spans",),
        spans_read=(Spans.COUNTRIES, Spans.ORGANISATIONS),
        spans_written=(Spans.TITLES, Spans.TITLE_PARTS),
    ),
    "extractor_officials": ComponentContract(
        requires=(
            "doc.ents",
            "doc.sents",
            "token.dep",
            "token.tag",
            "doc._.countries",
            "doc._.home_country",
            "doc._.home_country_source",
        ),
        assigns=("doc._.officials", "doc._.countries", "doc.spans"),
        spans_read=(Spans.COUNTRIES, Spans.ORGANISATIONS, Spans.TITLES, Spans.TITLE_PARTS),
        spans_written=(Spans.OFFICIALS, Spans.COUNTRIES),
        inputs=("furniture", "published"),
    ),
    "extractor_dates": ComponentContract(
        requires=("doc.sents", "token.dep", "token.tag", "token.head"),
        assigns=("doc._.dates", "doc.spans"),
        spans_written=(Spans.DATES,),
        inputs=("published", "partial_date", "furniture"),
    ),
    "extractor_initiatives": ComponentContract(
        requires=(
            "doc.ents",
            "token.dep",
            "token.tag",
            "token.head",
            "doc._.officials",
            "doc._.home_country",
        ),
        assigns=("doc._.initiatives", "doc.spans"),
        spans_read=(Spans.COUNTRIES, Spans.ORGANISATIONS, Spans.OFFICIALS),
        spans_written=(Spans.INITIATIVES,),
        inputs=("furniture",),
    ),
}


def assigns(component: str) -> list[str]:
    return list(COMPONENTS[component].assigns)


def requires(component: str) -> list[str]:
    return list(COMPONENTS[component].requires)


def register_extensions() -> None:
    """Register every ``Doc._`` attribute extractor uses. Safe to call many times."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
