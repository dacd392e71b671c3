"""The Python API: texts or paths in, the six tables as pandas DataFrames out."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .pipeline import DEFAULT_MODEL, cached_nlp
from .reader import DEFAULT_MAX_CHARS, Article, article_from_text, read_articles
from .run import process_articles
from .schema import TABLE_NAMES, empty_rows, to_arrow


def _articles(items: Iterable[str | Path], max_chars: int) -> Iterable[Article]:
    for index, item in enumerate(items):
        if isinstance(item, Path) or (
            isinstance(item, str) and "\n" not in item and len(item) < 4096 and Path(item).exists()
        ):
            yield from read_articles([item], max_chars)
        else:
            yield article_from_text(f"text_{index:05d}", "<text>", str(item), max_chars=max_chars)


def extract(
    items: str | Path | Iterable[str | Path],
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> dict[str, pd.DataFrame]:
    """Extract the six tables from article texts or paths, without writing files.

    Args:
        items: one text or path, or several. A string that names an existing file or folder is
            read as a path; any other string is an article text (doc_id ``text_00000``, ...).
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
    if isinstance(items, (str, Path)):
        items = [items]
    nlp = cached_nlp(model)
    collected = empty_rows()
    with contextlib.closing(process_articles(_articles(items, max_chars), nlp, workers)) as stream:
        for rows in stream:
            for name in TABLE_NAMES:
                collected[name].extend(rows[name])
    return {name: to_arrow(name, collected[name]).to_pandas() for name in TABLE_NAMES}
