"""Helpers on the Doc that every component shares; the attributes themselves are declared in
:mod:`extractor.contract`."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .contract import DOC_ATTRIBUTES, register_extensions

__all__ = ["DOC_ATTRIBUTES", "doc_text", "in_furniture", "register_extensions", "sentence_at"]


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


def sentence_at(doc: Doc, start: int, end: int, fallback: Span | Token | None = None) -> str:
    """The text of the sentence holding characters ``start:end`` (the ``sentence`` column of
    every table); the fallback's sentence if those characters do not align with tokens."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        return span.sent.text.strip()
    return fallback.sent.text.strip() if fallback is not None else ""
