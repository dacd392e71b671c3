"""All custom ``Doc`` attributes, registered in one place by one idempotent function.

Values are plain JSON-like data (str, int, lists of dicts) so that docs survive ``to_bytes`` and
``nlp.pipe(..., n_process=N)`` unchanged.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRIBUTES: dict[str, object] = {
    # input context, set before the pipeline runs
    "doc_id": None,
    "published": None,  # "YYYY-MM-DD" or None
    "agency": None,
    "dateline": None,
    "furniture": None,  # [[start, end], ...] header and dateline character spans
    # results of the rule components
    "home_country": None,  # ISO3 of the dateline place or agency
    "countries": None,  # [{"iso3", "text", "start", "end"}] mentions
    "officials": None,  # [{"name", "title", "titles", "country", "aliases", ...}]
    "dates": None,  # [{"text", "value", "granularity", "start", "end"}]
    "initiatives": None,  # [{"text", "proposer", "verb", "start", "end"}]
}


def register_extensions() -> None:
    """Register every ``Doc._`` attribute extractor uses. Safe to call many times."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each access, which made
    per-mention lookups quadratic in article length."""
    text = doc.user_data.get("extractor.text")
    if text is None:
        text = doc.user_data["extractor.text"] = doc.text
    return text


def in_furniture(doc: Doc, start_char: int) -> bool:
    """True if the character offset lies in the header or dateline of the article."""
    return any(s <= start_char < e for s, e in (doc._.furniture or []))
