"""Running the extraction: articles in, rows out, streamed in batches over one or more processes.

:func:`process_articles` is the core loop shared by the CLI (:func:`run_extract`, which writes
files) and the Python API (:func:`extractor.extract`, which returns DataFrames).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ExtractorError, InputError, StrictError
from .inputs import KINDS_READ, Inputs, count_articles, scan
from .pipeline import DEFAULT_MODEL, RULE_COMPONENTS, cached_nlp
from .reader import DEFAULT_MAX_CHARS, Article, read_articles
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
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason), not read
    with_dateline: int = 0  # documents whose dateline place was read
    with_dateline_country: int = 0  # ... and placed in a country
    with_outlet_country: int = 0  # documents whose outlet's country is known
    seconds: float = 0.0

    def count(self, doc_row: dict, strict: bool = False) -> None:
        """Count one document by its documents-table row; under ``strict`` a failed one stops
        the run with :class:`StrictError`."""
        self.documents += 1
        self.with_dateline += bool(doc_row.get("dateline"))
        self.with_dateline_country += bool(doc_row.get("dateline_country"))
        self.with_outlet_country += bool(doc_row.get("outlet_country"))
        if not doc_row["status"].startswith("error"):
            self.ok += 1
            return
        self.failed += 1
        self.failures.append((doc_row["doc_id"], doc_row["status"]))
        if strict:
            raise StrictError(
                f"{doc_row['source']}: {doc_row['status']} (--strict: stopped, no table replaced)"
            )


def no_articles_message(inputs) -> str:
    """Why a run found nothing to read, naming what it skipped."""
    message = f"no input articles found (looked for {KINDS_READ} files)"
    if inputs.skipped:
        reasons = ", ".join(f"{n} {r}" for r, n in inputs.skipped_by_reason().items())
        message += f"; skipped: {reasons}"
    return message


def make_doc(nlp: Language, article: Article) -> Doc:
    """A Doc of the article text with its context set; empty for an article that failed."""
    return set_context(nlp.make_doc(article.text if article.ok else ""), article)


def set_context(doc: Doc, article: Article) -> Doc:
    """Put the article's metadata on the Doc, where the rule components read it."""
    doc._.doc_id = article.doc_id
    doc._.published = article.published
    doc._.agency = article.agency
    doc._.dateline = article.dateline
    doc._.dateline_country = article.dateline_country
    doc._.partial_date = article.partial
    doc._.outlet_country = article.outlet_country
    doc._.furniture = [list(span) for span in article.furniture or []]
    return doc


# Longer texts go through the statistical model in pieces of about this many characters, cut
# at paragraph breaks, and are joined again for the rule components: memory and time stay
# linear in article length, and no article meets the model's max_length (spaCy's E088).
PIECE_CHARS = 100_000


def split_for_model(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Pieces of at most ``size`` characters that join back to ``text``, cut after a paragraph
    break, else a line break, else a sentence end, else a space (else anywhere)."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for mark in ("\n\n", "\n", ". ", " "):
            found = window.rfind(mark)
            if found > size // 4:
                cut = found + len(mark)
                break
        cut = cut or size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def process_long(nlp: Language, article: Article) -> Doc:
    """The processed Doc of an article longer than :data:`PIECE_CHARS`: the model's components
    run on pieces, the pieces are joined (same text, same offsets), the rules run on the whole."""
    rules = [name for name in nlp.pipe_names if name in RULE_COMPONENTS]
    with nlp.select_pipes(disable=rules):
        pieces = list(nlp.pipe(split_for_model(article.text, PIECE_CHARS), batch_size=1))
    doc = set_context(Doc.from_docs(pieces, ensure_whitespace=False), article)
    for name in rules:
        doc = nlp.get_pipe(name)(doc)
    return doc


def process_one(nlp: Language, article: Article) -> Doc:
    """The processed Doc of one article, long or short."""
    if len(article.text) > PIECE_CHARS:
        return process_long(nlp, article)
    return nlp(make_doc(nlp, article))


def _rows_of(articles: list[Article], nlp: Language, batch_size: int) -> list[dict]:
    """Rows of each article of one batch, in order, in this process.

    An article that makes the pipeline raise gets an ``error: processing failed`` status row;
    the rest of its batch is processed one by one and keeps its rows.
    """
    try:
        return _rows_of_batch(articles, nlp, batch_size)
    except Exception as exc:
        if len(articles) > 1:
            return [rows for a in articles for rows in _rows_of([a], nlp, batch_size)]
        (article,) = articles
        log.warning("%s: processing failed", article.source, exc_info=True)
        failed = replace(
            article, status=f"error: processing failed ({type(exc).__name__}: {exc})"[:300]
        )
        return [rows_from_failure(failed)]


def _rows_of_batch(articles: list[Article], nlp: Language, batch_size: int) -> list[dict]:
    short = [a for a in articles if not (a.ok and len(a.text) > PIECE_CHARS)]
    pairs = ((make_doc(nlp, a), a) for a in short)
    docs = iter(list(nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)))
    rows = []
    for article in articles:
        if not article.ok:
            next(docs)
            rows.append(rows_from_failure(article))
        elif len(article.text) > PIECE_CHARS:
            rows.append(rows_from_doc(process_long(nlp, article), article))
        else:
            doc, _ = next(docs)
            rows.append(rows_from_doc(doc, article))
    return rows


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
        workers,
        mp_context=mp.get_context("fork"),
        initializer=_quiet_worker,
        initargs=(os.getpid(),),
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


def _quiet_worker(parent: int | None = None) -> None:
    """Workers leave Ctrl-C to the parent, which stops them; no traceback from each. They
    drop the parent's handlers for SIGTERM and SIGHUP (a worker just ends) and end when the
    parent dies, however it dies (SIGKILL included): no worker outlives its run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    die_with_parent(parent or os.getppid())


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends: the kernel's parent-death signal on Linux, else a
    watchdog thread that checks the parent once a second."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, name="extractor-watchdog", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def default_workers() -> int:
    """Worker processes by default: one per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def start_run(
    paths: list[str | Path], on_total: Callable[[int], None] | None = None
) -> tuple[Inputs, RunSummary]:
    """The input files of a run and its empty summary (skips counted); an error when there is no
    article at all. Shared by the local and the Dask engines."""
    files = scan(paths)
    if not files.files:
        raise InputError(no_articles_message(files))
    if on_total is not None:
        on_total(count_articles(files))
    return files, RunSummary(skipped=files.skipped)


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
    on_total: Callable[[int], None] | None = None,
    fields: dict[str, str] | None = None,
) -> RunSummary:
    """Extract every article under ``paths`` into tables in ``out``.

    Args:
        paths: files or folders (``inputs.KINDS_READ``); folders are read recursively.
        out: output folder; created if missing, checked writable before any work.
        formats: any of "csv", "parquet".
        model: an installed spaCy pipeline with a parser and NER.
        workers: processes for the spaCy pipeline; output is identical for any number.
        batch_size: documents per batch in the pipeline and per write.
        max_chars: articles longer than this are skipped with a status.
        on_document: called with each article's rows (for progress display).
        strict: stop at the first failed document with :class:`StrictError`, leaving the
            previous tables in place.
        on_total: called once, before the run, with the number of articles to expect.
        fields: record field names by role (``{"text": "body"}``), beside the usual ones.

    Returns:
        A :class:`RunSummary`.
    """
    started = time.perf_counter()
    files, summary = start_run(paths, on_total)
    with TableWriter(out, formats) as writer:
        nlp = cached_nlp(model)
        buffer = empty_rows()
        pending = 0
        stream = process_articles(read_articles(files, max_chars, fields), nlp, workers, batch_size)
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
        if summary.ok:
            summary.files = writer.commit()
        # else nothing could be processed: the staged tables are dropped, the previous stay
        summary.rows = dict(writer.counts)
    summary.seconds = time.perf_counter() - started
    return summary
