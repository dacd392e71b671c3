"""The Python API: texts or paths in, the six tables as pandas DataFrames out."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from .errors import InputError
from .inputs import KNOWN_SUFFIXES
from .pipeline import DEFAULT_MODEL, cached_nlp
from .reader import (
    DEFAULT_MAX_CHARS,
    Article,
    UniqueIds,
    article_from_record,
    article_from_text,
    read_articles,
)
from .run import process_articles
from .schema import TABLE_NAMES, empty_rows, to_arrow


def _looks_like_a_path(item: str) -> bool:
    return (
        "\n" not in item
        and len(item) < 4096
        and (Path(item).suffix.lower() in KNOWN_SUFFIXES or item.endswith(("/", os.sep)))
        and " " not in item.strip()
    )


def _articles(items: Iterable, max_chars: int) -> Iterable[Article]:
    ids = UniqueIds()
    for index, item in enumerate(items):
        if isinstance(item, Mapping):  # a record: never split into its keys
            article = article_from_record(
                {k: (None if _missing(v) else v) for k, v in item.items()},
                f"<record {index}>",
                f"record_{index:05d}",
                max_chars,
            )
            yield ids.assign(article, Path(article.doc_id), Path("."))
        elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_a_path(item)):
            if not Path(item).exists():
                raise InputError(f"no such file or folder: {item}")
            for article in read_articles([item], max_chars):
                yield ids.assign(article, Path(article.source.split(":")[0]), Path("."))
        elif isinstance(item, str):
            yield ids.assign(
                article_from_text(f"text_{index:05d}", "<text>", item, max_chars=max_chars),
                Path(f"text_{index:05d}"),
                Path("."),
            )
        else:
            raise InputError(
                f"item {index}: a text, a path, a record (dict) or a DataFrame row is needed, "
                f"not {type(item).__name__}"
            )


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def extract(
    items: str | Path | Mapping | pd.DataFrame | Iterable,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> dict[str, pd.DataFrame]:
    """Extract the six tables from article texts or paths, without writing files.

    Args:
        items: one text, path or record, or several, or a DataFrame (one record per row). A
            string that names a file or folder is read as a path (a missing one is an error);
            any other string is an article text (doc_id ``text_00000``, ...). A record is a
            dict with ``text`` and optionally ``id``, ``published`` (any common date form),
            ``title``, ``url`` (or the fields of news-please and trafilatura).
        model: installed spaCy pipeline to build on.
        workers: processes for the spaCy pipeline.
        max_chars: longer articles are skipped with a status.

    Returns:
        ``{"documents": DataFrame, "officials": ..., "titles": ..., "countries": ...,
        "dates": ..., "initiatives": ...}``, each with the columns declared in ``schema.py``.

    Example:
        >>> from extractor import extract
        >>> tables = extract("Russian Foreign Minister Sergey Lavrov arrived on Tuesday.")
        >>> tables["officials"][["name", "title", "country"]].values.tolist()
        [['Sergey Lavrov', 'Foreign Minister', 'RUS']]
    """
    if isinstance(items, pd.DataFrame):
        items = items.to_dict("records")
    elif isinstance(items, (str, Path, Mapping)):
        items = [items]
    nlp = cached_nlp(model)
    collected = empty_rows()
    with contextlib.closing(process_articles(_articles(items, max_chars), nlp, workers)) as stream:
        for rows in stream:
            for name in TABLE_NAMES:
                collected[name].extend(rows[name])
    return {name: to_arrow(name, collected[name]).to_pandas() for name in TABLE_NAMES}
