"""From processed docs (and skipped articles) to table rows, in the schema of ``schema.py``."""

from __future__ import annotations

from spacy.tokens import Doc

from .extensions import sentence_at
from .reader import Article
from .schema import empty_rows


def document_row(article: Article, n_words: int = 0) -> dict:
    """The documents-table row of one article, good or bad."""
    return {
        "doc_id": article.doc_id,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "status": article.status,
        "n_words": n_words,
        "agency": article.agency,
        "dateline": article.dateline,
        "dateline_country": article.dateline_country,
        "url": article.url,
        "outlet": article.outlet,
        "outlet_country": article.outlet_country,
    }


def rows_from_doc(doc: Doc, article: Article) -> dict[str, list[dict]]:
    """All rows one processed article gives, each table sorted by offset."""
    rows = empty_rows()
    doc_id = article.doc_id
    rows["documents"].append(document_row(article, n_words=sum(not t.is_space for t in doc)))
    for o in doc._.officials or []:
        rows["officials"].append(
            {
                "doc_id": doc_id,
                "name": o["name"],
                "title": o["title"],
                "country": o["country"],
                "country_source": o.get("country_source"),
                "aliases": "; ".join(o["aliases"]),
                "mentions": o["mentions"],
                "start": o["start"],
                "end": o["end"],
                "sentence": o["sentence"],
            }
        )
        for t in o["titles"]:
            rows["titles"].append(
                {
                    "doc_id": doc_id,
                    "name": o["name"],
                    "title": t["title"],
                    "role": t["role"],
                    "start": t["start"],
                    "end": t["end"],
                }
            )
    rows["countries"] = country_rows(doc, doc_id)
    seen: set[tuple[str, str]] = set()
    for d in doc._.dates or []:
        if (d["text"], d["value"]) in seen:
            continue  # repeated identical expressions are listed once per article
        seen.add((d["text"], d["value"]))
        rows["dates"].append(
            {"doc_id": doc_id, **d, "sentence": sentence_at(doc, d["start"], d["end"])}
        )
    for i in doc._.initiatives or []:
        rows["initiatives"].append({"doc_id": doc_id, **i})
    for name in ("officials", "titles", "dates", "initiatives"):
        rows[name].sort(key=lambda r: (r["start"], r["end"]))
    return rows


def country_rows(doc: Doc, doc_id: str) -> list[dict]:
    """One row per country: mentions counted, surface forms in order of first use."""
    from .knowledge import load_gazetteer

    names = load_gazetteer().country_names
    by_code: dict[str, dict] = {}
    for m in doc._.countries or []:
        row = by_code.setdefault(
            m["iso3"],
            {
                "doc_id": doc_id,
                "country": m["iso3"],
                "name": names.get(m["iso3"], m["iso3"]),
                "mentions": 0,
                "forms": [],
                "start": m["start"],
                "end": m["end"],
            },
        )
        row["mentions"] += 1
        if m["text"] not in row["forms"]:
            row["forms"].append(m["text"])
    out = sorted(by_code.values(), key=lambda r: r["start"])
    for row in out:
        row["forms"] = "; ".join(row["forms"])
    return out


def rows_from_failure(article: Article) -> dict[str, list[dict]]:
    """A skipped article gives its documents row and nothing else."""
    rows = empty_rows()
    rows["documents"].append(document_row(article))
    return rows
