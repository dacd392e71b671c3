"""Writing the tables: streamed in batches into the run's staging folder, swapped in at the end.

Each table is written into the staging folder of :class:`~extractor.outdir.OutputFolder` and the
whole set is committed only when the run completes, so an interrupted run leaves the previous
complete tables, never a truncated or mixed set. CSV and Parquet are written from the same Arrow
batches with the declared schema.

In CSV, a text cell that a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return) is prefixed with ``'``, as OWASP advises against CSV
injection; Parquet keeps every value as extracted.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import OutputError
from .outdir import OutputFolder, output_names
from .schema import TABLE_NAMES, TABLES, to_arrow

FORMATS = ("csv", "parquet")
FORMULA_START = r"^[=+\-@\t\r]"


def neutralise_formulas(table: pa.Table) -> pa.Table:
    """The table with every text cell that starts like a formula prefixed with ``'``."""
    columns = []
    for column in table.columns:
        if pa.types.is_string(column.type):
            risky = pc.match_substring_regex(column, FORMULA_START)
            quoted = pc.binary_join_element_wise("'", column, "")
            column = pc.if_else(pc.fill_null(risky, False), quoted, column)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=table.schema)


def check_writable(out: Path) -> None:
    """Create ``out`` if needed and prove it can take this run's tables, before any work."""
    with OutputFolder(out, []):
        pass


class TableWriter:
    """Streams rows of every table to staged CSV/Parquet files; ``commit`` swaps them in."""

    def __init__(self, out: Path, formats: tuple[str, ...] = FORMATS) -> None:
        self.out = out
        self.formats = formats
        self.counts = dict.fromkeys(TABLE_NAMES, 0)
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._csv: dict[str, object] = {}
        self.folder = OutputFolder(out, output_names(formats)).open()
        try:
            for name in TABLE_NAMES:
                schema = TABLES[name].arrow_schema
                if "parquet" in formats:
                    self._parquet[name] = pq.ParquetWriter(self._tmp(name, "parquet"), schema)
                if "csv" in formats:
                    sink = open(self._tmp(name, "csv"), "wb")  # noqa: SIM115 - closed in commit
                    self._csv[name] = (sink, pacsv.CSVWriter(sink, schema))
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write the tables in {out}: {exc.strerror or exc}") from exc
        except BaseException:
            self.abort()
            raise

    def _tmp(self, name: str, fmt: str) -> Path:
        return self.folder.path(f"{name}.{fmt}")

    def final_path(self, name: str, fmt: str) -> Path:
        return self.out / f"{name}.{fmt}"

    def write(self, rows: dict[str, list[dict]]) -> None:
        """Append a batch of rows (table name -> list of row dicts)."""
        try:
            for name, table_rows in rows.items():
                if not table_rows:
                    continue
                batch = to_arrow(name, table_rows)
                self.counts[name] += batch.num_rows
                if name in self._parquet:
                    self._parquet[name].write_table(batch)
                if name in self._csv:
                    self._csv[name][1].write_table(neutralise_formulas(batch))
        except OSError as exc:
            raise OutputError(
                f"cannot write the tables in {self.out}: {exc.strerror or exc}; "
                "the previous tables were left as they were"
            ) from exc

    def _close(self) -> None:
        parquet, csv = self._parquet, self._csv
        self._parquet, self._csv = {}, {}
        for writer in parquet.values():
            writer.close()
        for sink, writer in csv.values():
            writer.close()
            sink.close()

    def commit(self) -> dict[str, list[Path]]:
        """Close the files and swap the whole set in. Returns table -> written paths."""
        try:
            self._close()
        except OSError as exc:
            raise OutputError(
                f"cannot write the tables in {self.out}: {exc.strerror or exc}; "
                "the previous tables were left as they were"
            ) from exc
        self.folder.commit()
        self.folder.close()
        return {name: [self.final_path(name, fmt) for fmt in self.formats] for name in TABLE_NAMES}

    def abort(self) -> None:
        """Close and delete the staged files; the previous tables stay as they were."""
        with contextlib.suppress(Exception):
            self._close()
        self.folder.abort()
        self.folder.close()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None or not self.folder.committed:
            self.abort()


def read_table(path: Path) -> pa.Table:
    """Read back one written table (CSV or Parquet) with its declared schema."""
    name = path.name.split(".")[0]
    schema = TABLES[name].arrow_schema
    if path.suffix == ".parquet":
        return pq.read_table(path, schema=schema)
    options = pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True)
    return restore_formulas(pacsv.read_csv(path, convert_options=options))


def restore_formulas(table: pa.Table) -> pa.Table:
    """Undo :func:`neutralise_formulas`: the values as extracted."""
    columns = []
    for column in table.columns:
        if pa.types.is_string(column.type):
            quoted = pc.fill_null(pc.match_substring_regex(column, "^'" + FORMULA_START[1:]), False)
            column = pc.if_else(quoted, pc.utf8_slice_codeunits(column, 1), column)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=table.schema)
