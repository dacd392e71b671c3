"""The output folder is the run's own: locked, staged, and swapped in as one commit.

A run never replaces or deletes anything it did not write: a table file counts as its own only
when its columns are the table's (CSV header, Parquet schema), a dataset folder only when it
holds nothing but Parquet part files. What the last run wrote is listed in a manifest
(``.extractor-manifest.json``). Anything else standing where a table must go stops the run before
any work (exit 2).

Every table of a run is written into one staging folder inside ``out`` and swapped in by a
commit that is journalled: the moves are written down first (``.extractor-commit.json``), so a
run killed half-way through its commit is finished by the next run that opens the folder, and
a run killed before its commit leaves the previous tables and a staging folder that the next run
removes. A lock (``.extractor.lock``) makes a second run into the same folder fail at once.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import uuid
from pathlib import Path

from . import __version__
from .errors import OutputError
from .schema import TABLE_NAMES, TABLES

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, the rest holds
    fcntl = None

MANIFEST = ".extractor-manifest.json"
JOURNAL = ".extractor-commit.json"
LOCK = ".extractor.lock"
STAGING_PREFIX = ".extractor-staging-"
PART = re.compile(r"part-\d{5}\.parquet")
# temporary names of earlier versions: ".officials.csv.1a2b3c4d.tmp", ".officials.1a2b3c4d.old"
LEGACY_TEMP = re.compile(
    rf"\.({'|'.join(TABLE_NAMES)})(\.csv|\.parquet)?\.[0-9a-f]{{8}}\.(tmp|old)"
)

# a manifest or journal being written when the run was killed
PARTIAL = re.compile(r"\.extractor-(manifest|commit)\.json\.[0-9a-f]{8}\.part")


def output_names(formats: tuple[str, ...] = (), datasets: bool = False) -> list[str]:
    """The entries a run writes: ``<table>.<fmt>`` files, or ``<table>/`` Parquet datasets."""
    if datasets:
        return list(TABLE_NAMES)
    return [f"{name}.{fmt}" for name in TABLE_NAMES for fmt in formats]


ALL_NAMES = output_names(("csv", "parquet")) + output_names(datasets=True)


def _kind(name: str) -> str:
    return "file" if "." in name else "dir"


def _is_dataset(path: Path) -> bool:
    """A folder holding only Parquet part files (what the dask engine writes)."""
    try:
        return (
            path.is_dir()
            and not path.is_symlink()
            and all(PART.fullmatch(child.name) and child.is_file() for child in path.iterdir())
        )
    except OSError:
        return False


def _has_table_schema(path: Path, name: str) -> bool:
    """A table file of an earlier run without a manifest: its columns are the table's."""
    table, fmt = name.split(".")
    columns = TABLES[table].column_names
    try:
        if fmt == "csv":
            with open(path, "rb") as fh:
                header = fh.readline(4096).decode("utf-8", "replace").strip()
            return header == ",".join(f'"{c}"' for c in columns) or header == ",".join(columns)
        import pyarrow.parquet as pq

        return pq.read_schema(path).names == columns
    except Exception:  # unreadable, not Parquet: not ours
        return False


class OutputFolder:
    """The output folder of one run. Use as a context manager::

        with OutputFolder(out, output_names(("csv",))) as folder:
            write files into folder.staging / name ...
            folder.commit()

    Leaving the block without ``commit`` (an error, a signal) removes the staging folder and
    leaves the previous tables as they were.
    """

    def __init__(self, out: Path, names: list[str]) -> None:
        self.out = Path(out)
        self.names = list(names)
        self.token = uuid.uuid4().hex[:12]
        self.staging = self.out / f"{STAGING_PREFIX}{self.token}"
        self.retire: list[str] = []
        self._lock_fd: int | None = None
        self.committed = False

    # ------------------------------------------------------------------ opening

    def open(self) -> OutputFolder:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create output folder {self.out}: {_reason(exc)}") from exc
        if not self.out.is_dir():
            raise OutputError(f"output folder {self.out} is not a folder")
        self._lock()
        try:
            self._recover()
            self._clean_stale()
            self._check()
            (self.staging / "new").mkdir(parents=True)
            (self.staging / "old").mkdir()
        except OSError as exc:
            self.close()
            raise OutputError(f"cannot write to output folder {self.out}: {_reason(exc)}") from exc
        except BaseException:
            self.close()
            raise
        return self

    def _lock(self) -> None:
        if fcntl is None:  # pragma: no cover
            return
        try:
            fd = os.open(self.out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write to output folder {self.out}: {_reason(exc)}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise OutputError(
                f"another extract run is writing to {self.out}; wait for it to finish or "
                "choose another --out"
            ) from None
        self._lock_fd = fd

    def is_ours(self, name: str) -> bool:
        """True if ``out/name`` is an output of an earlier run (manifest, or legacy schema)."""
        path = self.out / name
        if path.is_symlink():
            return False
        kind = _kind(name)
        if kind == "dir":
            return _is_dataset(path)  # only part files: nothing of the user's can be inside
        # a file must still be a table: a user's own file saved under a table's name is not
        return path.is_file() and _has_table_schema(path, name)

    def _check(self) -> None:
        """Refuse, before any work, to replace what the run did not write; note own earlier
        outputs of other formats or engines, which the commit removes."""
        for name in self.names:
            path = self.out / name
            if (path.exists() or path.is_symlink()) and not self.is_ours(name):
                what = "folder" if path.is_dir() else "file"
                raise OutputError(
                    f"{path} is a {what} that extractor did not write; refusing to replace it "
                    "(move it away or choose another --out)"
                )
        self.retire = [
            name
            for name in ALL_NAMES
            if name not in self.names and (self.out / name).exists() and self.is_ours(name)
        ]

    def _clean_stale(self) -> None:
        """Staging folders and temporary files left by runs that were killed."""
        for child in self.out.iterdir():
            if child.name.startswith(STAGING_PREFIX) and child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            elif PARTIAL.fullmatch(child.name) and child.is_file():
                child.unlink()
            elif LEGACY_TEMP.fullmatch(child.name):
                if child.is_dir() and not child.is_symlink():
                    if all(PART.fullmatch(c.name) for c in child.iterdir()):
                        shutil.rmtree(child, ignore_errors=True)
                elif child.is_file():
                    child.unlink()

    # ------------------------------------------------------------------ committing

    def path(self, name: str) -> Path:
        """Where the run writes ``name`` before the commit."""
        return self.staging / "new" / name

    def commit(self) -> dict[str, Path]:
        """Swap every staged entry into ``out``; returns name -> final path."""
        journal = {"staging": self.staging.name, "install": self.names, "retire": self.retire}
        try:
            _write_atomic(self.out / JOURNAL, json.dumps(journal))
            self._apply(journal)
        except OSError as exc:
            raise OutputError(f"cannot write the tables in {self.out}: {_reason(exc)}") from exc
        self.committed = True
        return {name: self.out / name for name in self.names}

    def _apply(self, journal: dict) -> None:
        staging = self.out / journal["staging"]
        old = staging / "old"
        old.mkdir(parents=True, exist_ok=True)
        for name in journal["install"]:
            source = staging / "new" / name
            if not (source.exists() or source.is_symlink()):
                continue  # already installed before a crash
            target = self.out / name
            if target.exists() and not target.is_symlink():
                os.replace(target, old / name)
            os.replace(source, target)
        for name in journal["retire"]:
            target = self.out / name
            if target.exists() and not target.is_symlink():
                os.replace(target, old / name)
        entries = {name: _kind(name) for name in journal["install"]}
        _write_atomic(
            self.out / MANIFEST,
            json.dumps({"tool": "extractor", "version": __version__, "entries": entries}, indent=1),
        )
        (self.out / JOURNAL).unlink()
        shutil.rmtree(staging, ignore_errors=True)

    def _recover(self) -> None:
        """Finish the commit of a run that was killed during it."""
        try:
            journal = json.loads((self.out / JOURNAL).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except ValueError:  # a journal is written atomically; a broken one is not ours
            return
        if not str(journal.get("staging", "")).startswith(STAGING_PREFIX):
            return
        journal["install"] = [n for n in journal.get("install", []) if n in ALL_NAMES]
        journal["retire"] = [n for n in journal.get("retire", []) if n in ALL_NAMES]
        self._apply(journal)

    # ------------------------------------------------------------------ closing

    def abort(self) -> None:
        """Remove the staging folder; the previous tables stay as they were."""
        if not self.committed:
            shutil.rmtree(self.staging, ignore_errors=True)

    def close(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> OutputFolder:
        return self.open()

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.abort()
        finally:
            self.close()


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(f"{path.name}.{uuid.uuid4().hex[:8]}.part")
    with open(temporary, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, path)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
