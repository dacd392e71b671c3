"""The Dask engine: the same extraction, spread over the workers of a ``dask.distributed`` cluster.

The client reads the articles and cuts them into partitions of ``partition_size`` articles. Each
partition is sent to a worker, which runs the pipeline (loaded once per worker process, by
:func:`~extractor.pipeline.cached_nlp`) and sends back one Arrow table per output table. The client
writes those as part files, so every table becomes a Parquet dataset::

    DIR/officials/part-00000.parquet, part-00001.parquet, ...

Part ``i`` holds the rows of partition ``i`` in input order, so reading a dataset in file-name order
gives the rows in the same order as the local engine. Only the client touches the input and the
output folder: the workers need the package installed, not a shared file system.

At most ``2 x workers`` partitions are in flight at once, so memory stays flat however large the
corpus is. Datasets are written to hidden folders and renamed into place when the run completes,
so an interrupted run leaves the previous datasets, never a partial one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError, OutputError
from .pipeline import DEFAULT_MODEL, cached_nlp
from .reader import DEFAULT_MAX_CHARS, Article, discover, read_articles
from .run import DEFAULT_BATCH, RunSummary, batches, process_articles
from .schema import TABLE_NAMES, TABLES, empty_rows, to_arrow
from .writer import check_writable

log = logging.getLogger(__name__)
DEFAULT_PARTITION = 256


def process_partition(
    articles: list[Article], model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_BATCH
) -> dict[str, pa.Table]:
    """On a worker: the rows of one partition of articles, one Arrow table per output table."""
    rows = empty_rows()
    for doc_rows in process_articles(articles, cached_nlp(model), 1, batch_size):
        for name in TABLE_NAMES:
            rows[name].extend(doc_rows[name])
    return {name: to_arrow(name, rows[name]) for name in TABLE_NAMES}


class DatasetWriter:
    """Writes part files of each table's dataset into hidden folders; ``commit`` renames them."""

    def __init__(self, out: Path) -> None:
        check_writable(out)
        self.out = out
        self.token = uuid.uuid4().hex[:8]
        self.counts = dict.fromkeys(TABLE_NAMES, 0)
        for name in TABLE_NAMES:
            self._tmp(name).mkdir()

    def _tmp(self, name: str) -> Path:
        return self.out / f".{name}.{self.token}.tmp"

    def write(self, index: int, tables: dict[str, pa.Table]) -> None:
        """Write partition ``index`` of every table (an empty part keeps the schema on record)."""
        for name in TABLE_NAMES:
            table = tables[name].cast(TABLES[name].arrow_schema)
            self.counts[name] += table.num_rows
            part = self._tmp(name) / f"part-{index:05d}.parquet"
            pq.write_table(table, part)

    def commit(self) -> dict[str, list[Path]]:
        """Swap each finished dataset into ``out/<table>/``; returns table -> [folder]."""
        written = {}
        for name in TABLE_NAMES:
            final = self.out / name
            old = self.out / f".{name}.{self.token}.old"
            if final.is_file():
                raise OutputError(f"{final} is a file; the dask engine writes a folder there")
            if final.exists():
                os.replace(final, old)
            os.replace(self._tmp(name), final)
            shutil.rmtree(old, ignore_errors=True)
            written[name] = [final]
        return written

    def abort(self) -> None:
        for name in TABLE_NAMES:
            shutil.rmtree(self._tmp(name), ignore_errors=True)


def _client(scheduler: str | None, workers: int):
    """A client of the cluster at ``scheduler``, or of a new local cluster with ``workers``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask[distributed] is a dependency
        raise InputError("the dask engine needs dask[distributed] installed") from exc
    # The scheduler's and workers' own chatter (start, stop, heartbeats while shutting down) is
    # not the user's business; a failed task still raises in the client.
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.CRITICAL,
    )
    return Client(cluster), cluster


def run_extract_dask(
    paths: list[str | Path],
    out: Path,
    model: str = DEFAULT_MODEL,
    workers: int = 2,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION,
    batch_size: int = DEFAULT_BATCH,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_documents: Callable[[int, str], None] | None = None,
    strict: bool = False,
) -> RunSummary:
    """Extract every article under ``paths`` on a Dask cluster into Parquet datasets in ``out``.

    Args:
        paths: files or folders, as for :func:`~extractor.run.run_extract`.
        out: output folder; each table becomes the folder ``out/<table>/`` of part files.
        model: an installed spaCy pipeline (installed on every worker too).
        workers: workers of the local cluster (ignored with ``scheduler``).
        scheduler: address of an existing scheduler, e.g. ``tcp://10.0.0.5:8786``.
        partition_size: articles per partition (per task and per part file).
        batch_size: documents per ``nlp.pipe`` batch on the workers.
        max_chars: articles longer than this are skipped with a status.
        on_documents: called with (documents done in a partition, last doc_id) for progress.
        strict: stop at the first failed document with :class:`StrictError`; nothing replaced.
    """
    from dask.distributed import as_completed

    started = time.perf_counter()
    files = discover(paths)
    if not files:
        raise InputError("no input articles found (looked for .txt, .jsonl, .html files)")
    summary = RunSummary()
    check_writable(out)  # before starting or reaching a cluster
    client, cluster = _client(scheduler, workers)
    writer = None
    try:
        writer = DatasetWriter(out)
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {}) or [1]))
        chunks = enumerate(batches(read_articles(files, max_chars), partition_size))
        pending = as_completed()
        index_of = {}

        def submit_next() -> bool:
            item = next(chunks, None)
            if item is None:
                return False
            index, chunk = item
            future = client.submit(
                process_partition, chunk, model, batch_size, key=f"extract-{writer.token}-{index}"
            )
            index_of[future.key] = index
            pending.add(future)
            return True

        for _ in range(in_flight):
            if not submit_next():
                break
        for future in pending:
            tables = future.result()
            writer.write(index_of.pop(future.key), tables)
            documents = tables["documents"].to_pylist()
            for row in documents:
                summary.count(row, strict)
            if on_documents is not None and documents:
                on_documents(len(documents), documents[-1]["doc_id"])
            future.release()
            submit_next()
        summary.files = writer.commit()
        summary.rows = dict(writer.counts)
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()
    summary.failures.sort()
    summary.seconds = time.perf_counter() - started
    return summary
