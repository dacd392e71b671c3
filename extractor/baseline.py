"""The obvious alternative, scored beside extractor: plain en_core_web_sm entities.

PERSON entities become officials (no title, no country), GPE entities that name a country become
countries, DATE entities go through dateparser against the published date. No initiatives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
import spacy

from .knowledge import load_gazetteer
from .pipeline import DEFAULT_MODEL
from .reader import Article
from .schema import TABLE_NAMES, empty_rows, to_arrow


def baseline_tables(
    articles: Iterable[Article], model: str = DEFAULT_MODEL
) -> dict[str, pd.DataFrame]:
    """Tables from plain spaCy NER + dateparser, in extractor's schema."""
    import dateparser

    nlp = spacy.load(model)
    by_name = {n.lower(): c["iso3"] for c in load_gazetteer().countries for n in c["names"]}
    rows = empty_rows()
    articles = [a for a in articles if a.ok]
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        rows["documents"].append(
            {
                "doc_id": article.doc_id,
                "source": article.source,
                "title": article.title,
                "published": article.published,
                "status": "ok",
                "n_words": len(doc),
            }
        )
        settings = {"PREFER_DATES_FROM": "past"}
        if article.published:
            settings["RELATIVE_BASE"] = pd.Timestamp(article.published).to_pydatetime()
        seen_people, seen_codes = set(), set()
        for ent in doc.ents:
            base = {"doc_id": article.doc_id, "start": ent.start_char, "end": ent.end_char}
            if ent.label_ == "PERSON" and ent.text not in seen_people:
                seen_people.add(ent.text)
                rows["officials"].append(
                    {
                        **base,
                        "name": ent.text,
                        "title": None,
                        "country": None,
                        "aliases": "",
                        "mentions": 1,
                        "sentence": ent.sent.text,
                    }
                )
            elif ent.label_ == "GPE" and by_name.get(ent.text.lower()) not in (None, *seen_codes):
                code = by_name[ent.text.lower()]
                seen_codes.add(code)
                rows["countries"].append(
                    {**base, "country": code, "name": ent.text, "mentions": 1, "forms": ent.text}
                )
            elif ent.label_ == "DATE":
                parsed = dateparser.parse(ent.text, settings=settings)
                if parsed is None:
                    continue
                value = parsed.date().isoformat()
                if re.fullmatch(r"\d{4}", ent.text.strip()):
                    value = ent.text.strip()
                rows["dates"].append(
                    {
                        **base,
                        "text": ent.text,
                        "value": value,
                        "granularity": "day",
                        "sentence": ent.sent.text,
                    }
                )
    return {name: to_arrow(name, rows[name]).to_pandas() for name in TABLE_NAMES}
