"""Writing the tables: streamed in batches, atomically renamed into place at the end.

Each table is written to a hidden temporary file beside its final name and renamed only when the
run completes, so an interrupted run leaves the previous complete tables (or none), never a
truncated one. CSV and Parquet are written from the same Arrow batches with the declared schema.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import OutputError
from .schema import TABLE_NAMES, TABLES, to_arrow

FORMATS = ("csv", "parquet")


def check_writable(out: Path) -> None:
    """Create ``out`` if needed and prove a file can be written there, before any work starts."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".extractor-probe-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write to output folder {out}: {exc.strerror or exc}") from exc


class TableWriter:
    """Streams rows of every table to temporary CSV/Parquet files; ``commit`` renames them."""

    def __init__(self, out: Path, formats: tuple[str, ...] = FORMATS) -> None:
        self.out = out
        self.formats = formats
        self.token = uuid.uuid4().hex[:8]
        self.counts = dict.fromkeys(TABLE_NAMES, 0)
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._csv: dict[str, object] = {}
        check_writable(out)
        for name in TABLE_NAMES:
            schema = TABLES[name].arrow_schema
            if "parquet" in formats:
                self._parquet[name] = pq.ParquetWriter(self._tmp(name, "parquet"), schema)
            if "csv" in formats:
                sink = open(self._tmp(name, "csv"), "wb")  # noqa: SIM115 - closed in commit
                self._csv[name] = (sink, pacsv.CSVWriter(sink, schema))

    def _tmp(self, name: str, fmt: str) -> Path:
        return self.out / f".{name}.{fmt}.{self.token}.tmp"

    def final_path(self, name: str, fmt: str) -> Path:
        return self.out / f"{name}.{fmt}"

    def write(self, rows: dict[str, list[dict]]) -> None:
        """Append a batch of rows (table name -> list of row dicts)."""
        for name, table_rows in rows.items():
            if not table_rows:
                continue
            batch = to_arrow(name, table_rows)
            self.counts[name] += batch.num_rows
            if name in self._parquet:
                self._parquet[name].write_table(batch)
            if name in self._csv:
                self._csv[name][1].write_table(batch)

    def _close(self) -> None:
        for writer in self._parquet.values():
            writer.close()
        for sink, writer in self._csv.values():
            writer.close()
            sink.close()
        self._parquet, self._csv = {}, {}

    def commit(self) -> dict[str, list[Path]]:
        """Close the files and rename each into place. Returns table -> written paths."""
        self._close()
        written: dict[str, list[Path]] = {}
        for name in TABLE_NAMES:
            for fmt in self.formats:
                final = self.final_path(name, fmt)
                os.replace(self._tmp(name, fmt), final)
                written.setdefault(name, []).append(final)
        return written

    def abort(self) -> None:
        """Close and delete the temporary files; the previous tables stay as they were."""
        with contextlib.suppress(Exception):
            self._close()
        for name in TABLE_NAMES:
            for fmt in self.formats:
                with contextlib.suppress(FileNotFoundError):
                    self._tmp(name, fmt).unlink()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()


def read_table(path: Path) -> pa.Table:
    """Read back one written table (CSV or Parquet) with its declared schema."""
    name = path.name.split(".")[0]
    schema = TABLES[name].arrow_schema
    if path.suffix == ".parquet":
        return pq.read_table(path, schema=schema)
    options = pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True)
    return pacsv.read_csv(path, convert_options=options)
