"""Running the extraction: articles in, rows out, streamed in batches over one or more processes.

:func:`process_articles` is the core loop shared by the CLI (:func:`run_extract`, which writes
files) and the Python API (:func:`extractor.extract`, which returns DataFrames).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ExtractorError, InputError, StrictError
from .pipeline import DEFAULT_MODEL, cached_nlp
from .reader import DEFAULT_MAX_CHARS, Article, discover, read_articles
from .rows import rows_from_doc, rows_from_failure
from .schema import TABLE_NAMES, empty_rows
from .writer import FORMATS, TableWriter

log = logging.getLogger(__name__)
DEFAULT_BATCH = 64


@dataclass
class RunSummary:
    """What a run did: documents ok and failed, rows per table, files written, seconds."""

    documents: int = 0
    ok: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLE_NAMES, 0))
    files: dict[str, list[Path]] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, doc_row: dict, strict: bool = False) -> None:
        """Count one document by its documents-table row; under ``strict`` a failed one stops
        the run with :class:`StrictError`."""
        self.documents += 1
        if not doc_row["status"].startswith("error"):
            self.ok += 1
            return
        self.failed += 1
        self.failures.append((doc_row["doc_id"], doc_row["status"]))
        if strict:
            raise StrictError(
                f"{doc_row['source']}: {doc_row['status']} (--strict: stopped, no table replaced)"
            )


def make_doc(nlp: Language, article: Article) -> Doc:
    """A Doc of the article text with its context set; empty for an article that failed."""
    doc = nlp.make_doc(article.text if article.ok else "")
    doc._.doc_id = article.doc_id
    doc._.published = article.published
    doc._.agency = article.agency
    doc._.dateline = article.dateline
    doc._.furniture = [list(span) for span in article.furniture or []]
    return doc


def _rows_of(articles: list[Article], nlp: Language, batch_size: int) -> list[dict]:
    """Rows of each article of one batch, in order, in this process."""
    pairs = ((make_doc(nlp, a), a) for a in articles)
    return [
        rows_from_doc(doc, article) if article.ok else rows_from_failure(article)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)
    ]


# The pipeline a forked worker inherits from its parent (set just before the pool starts).
_WORKER_NLP: Language | None = None


def _worker_rows(articles: list[Article], batch_size: int) -> list[dict]:
    assert _WORKER_NLP is not None, "worker started without a pipeline"
    return _rows_of(articles, _WORKER_NLP, batch_size)


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def process_articles(
    articles: Iterable[Article], nlp: Language, workers: int = 1, batch_size: int = DEFAULT_BATCH
) -> Iterator[dict[str, list[dict]]]:
    """Rows for each article, in input order, whatever the number of worker processes.

    With ``workers > 1`` the articles go in batches to that many forked processes, which inherit
    the loaded pipeline (no second load) and send back rows, not Docs, so that this process only
    reads and writes. At most two batches per worker are in flight: memory stays flat.
    """
    if workers <= 1 or "fork" not in mp.get_all_start_methods():
        for batch in batches(articles, batch_size):
            yield from _rows_of(batch, nlp, batch_size)
        return
    global _WORKER_NLP
    _WORKER_NLP = nlp
    pool = ProcessPoolExecutor(
        workers, mp_context=mp.get_context("fork"), initializer=_quiet_worker
    )
    finished = False
    try:
        in_flight: deque = deque()
        for batch in batches(articles, batch_size):
            in_flight.append(pool.submit(_worker_rows, batch, batch_size))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
        finished = True
    except BrokenProcessPool as exc:
        raise ExtractorError(
            "a worker process died (out of memory?); no table was replaced. "
            "Try fewer --workers or a smaller --batch-size."
        ) from exc
    finally:
        if not finished:
            # Interrupted, failed or abandoned (--strict): stop the workers, do not drain them.
            # (A worker that dies makes .result() raise BrokenProcessPool instead of hanging.)
            processes = list((pool._processes or {}).values())
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(timeout=10)
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops them; no traceback from each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_workers() -> int:
    """Worker processes by default: one per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_extract(
    paths: list[str | Path],
    out: Path,
    formats: tuple[str, ...] = FORMATS,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_document: Callable[[dict[str, list[dict]]], None] | None = None,
    strict: bool = False,
) -> RunSummary:
    """Extract every article under ``paths`` into tables in ``out``.

    Args:
        paths: files or folders (.txt, .jsonl, .html); folders are read recursively.
        out: output folder; created if missing, checked writable before any work.
        formats: any of "csv", "parquet".
        model: an installed spaCy pipeline with a parser and NER.
        workers: processes for the spaCy pipeline; output is identical for any number.
        batch_size: documents per batch in the pipeline and per write.
        max_chars: articles longer than this are skipped with a status.
        on_document: called with each article's rows (for progress display).
        strict: stop at the first failed document with :class:`StrictError`, leaving the
            previous tables in place.

    Returns:
        A :class:`RunSummary`.
    """
    started = time.perf_counter()
    files = discover(paths)
    if not files:
        raise InputError("no input articles found (looked for .txt, .jsonl, .html files)")
    summary = RunSummary()
    with TableWriter(out, formats) as writer:
        nlp = cached_nlp(model)
        buffer = empty_rows()
        pending = 0
        stream = process_articles(read_articles(files, max_chars), nlp, workers, batch_size)
        # closing(): on an error or Ctrl-C here, the worker processes stop at once
        with contextlib.closing(stream):
            for rows in stream:
                summary.count(rows["documents"][0], strict)
                for name in TABLE_NAMES:
                    buffer[name].extend(rows[name])
                pending += 1
                if on_document is not None:
                    on_document(rows)
                if pending >= batch_size:
                    writer.write(buffer)
                    buffer, pending = empty_rows(), 0
        writer.write(buffer)
        summary.files = writer.commit()
        summary.rows = dict(writer.counts)
    summary.seconds = time.perf_counter() - started
    return summary
