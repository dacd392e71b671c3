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
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError, OutputError
from .outdir import OutputFolder, output_names
from .pipeline import DEFAULT_MODEL, cached_nlp
from .reader import DEFAULT_MAX_CHARS, Article, read_articles
from .run import DEFAULT_BATCH, RunSummary, batches, process_articles, start_run
from .schema import TABLE_NAMES, TABLES, empty_rows, to_arrow

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
    """Writes part files of each table's dataset into the run's staging folder; ``commit``
    swaps the whole set in (see :class:`~extractor.outdir.OutputFolder`)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.counts = dict.fromkeys(TABLE_NAMES, 0)
        self.folder = OutputFolder(out, output_names(datasets=True)).open()
        self.token = self.folder.token
        try:
            for name in TABLE_NAMES:
                self._tmp(name).mkdir()
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write the tables in {out}: {exc.strerror or exc}") from exc

    def _tmp(self, name: str) -> Path:
        return self.folder.path(name)

    def write(self, index: int, tables: dict[str, pa.Table]) -> None:
        """Write partition ``index`` of every table (an empty part keeps the schema on record)."""
        try:
            for name in TABLE_NAMES:
                table = tables[name].cast(TABLES[name].arrow_schema)
                self.counts[name] += table.num_rows
                pq.write_table(table, self._tmp(name) / f"part-{index:05d}.parquet")
        except OSError as exc:
            raise OutputError(
                f"cannot write the tables in {self.out}: {exc.strerror or exc}; "
                "the previous tables were left as they were"
            ) from exc

    def commit(self) -> dict[str, list[Path]]:
        """Swap every finished dataset into ``out/<table>/``; returns table -> [folder]."""
        written = self.folder.commit()
        self.folder.close()
        return {name: [written[name]] for name in TABLE_NAMES}

    def abort(self) -> None:
        self.folder.abort()
        self.folder.close()


CLUSTER_EXTRA = "pip install -e '.[cluster]' (or pip install 'dask[distributed]')"


def _distributed(*names: str) -> list:
    """Names from dask.distributed, or a clear error when the cluster extra is missing."""
    try:
        import dask.distributed as distributed
    except ImportError as exc:
        raise InputError(f"--engine dask needs dask.distributed: {CLUSTER_EXTRA}") from exc
    return [getattr(distributed, name) for name in names]


def _client(scheduler: str | None, workers: int, dashboard: bool = False):
    """A client of the cluster at ``scheduler``, or of a new local cluster with ``workers``.

    A local cluster listens on 127.0.0.1 only and serves no dashboard unless asked (then on
    127.0.0.1 too): its scheduler runs whatever code a client sends, so it must not be reachable
    from the network. A remote scheduler is reached with the security settings of dask's
    configuration (``distributed.comm.tls.*``, see the README)."""
    Client, LocalCluster = _distributed("Client", "LocalCluster")
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
        host="127.0.0.1",
        # the scheduler's HTTP server (health, metrics; the dashboard when asked) on loopback
        dashboard_address="127.0.0.1:0",
        scheduler_kwargs={"dashboard": dashboard},
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
    dashboard: bool = False,
    on_dashboard: Callable[[str], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    fields: dict[str, str] | None = None,
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
        dashboard: serve the local cluster's dashboard on 127.0.0.1 (off by default).
        on_dashboard: called with the dashboard's address when there is one.
    """
    (as_completed,) = _distributed("as_completed")
    started = time.perf_counter()
    files, summary = start_run(paths, on_total)
    writer = DatasetWriter(out)  # lock and check the folder before reaching a cluster
    try:
        client, cluster = _client(scheduler, workers, dashboard)
        if dashboard and on_dashboard is not None and client.dashboard_link:
            on_dashboard(client.dashboard_link)
    except BaseException:
        writer.abort()
        raise
    try:
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {}) or [1]))
        chunks = enumerate(batches(read_articles(files, max_chars, fields), partition_size))
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
        if summary.ok:
            summary.files = writer.commit()
        else:
            writer.abort()  # nothing could be processed: the previous tables stay
        summary.rows = dict(writer.counts)
    except BaseException:
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
