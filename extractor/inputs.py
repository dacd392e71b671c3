"""Finding the input files of a run: folders walked, what is skipped counted (hidden entries,
files that are not regular, unsupported types), file names kept whatever their bytes."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".story", ".md"}


JSONL_SUFFIXES = {".jsonl", ".ndjson"}


HTML_SUFFIXES = {".html", ".htm"}


JSON_SUFFIXES = {".json"}  # one record, or an array of records
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
KNOWN_SUFFIXES = (
    TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES
)
# the kinds named in help and messages
KINDS_READ = ".txt, .md, .jsonl, .json, .html, .pdf, .docx"


def display_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) written as
    ``\\xNN`` escapes, so that ids, sources and the tables are valid UTF-8."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _not_regular(path: Path) -> str | None:
    """What kind of non-regular file ``path`` is (FIFO, socket, device, folder), else None.
    Reading a FIFO would wait forever for a writer."""
    mode = os.stat(path).st_mode
    if stat.S_ISREG(mode):
        return None
    for test, kind in (
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISDIR, "folder"),
    ):
        if test(mode):
            return kind
    return "special file"


@dataclass
class Inputs:
    """The input files of a run, each with the root it was found under, and what was skipped
    (path, reason): hidden entries, non-regular files and unsupported types in folders."""

    files: list[tuple[Path, Path]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def skipped_by_reason(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _, reason in self.skipped:
            counts[reason] = counts.get(reason, 0) + 1
        return dict(sorted(counts.items()))


def scan(paths: Iterable[str | Path]) -> Inputs:
    """Expand the user's paths to the sorted input files, noting what is skipped.

    A folder is walked recursively; hidden files and folders (``.git``), files that are not
    regular (FIFOs, sockets) and files of other types are skipped and counted. A file named
    directly is read whatever its suffix. Raises :class:`InputError` for a missing path.
    """
    inputs = Inputs()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: list[Path] = []
            for folder, subfolders, names in os.walk(path):
                here = Path(folder)
                for hidden in [d for d in subfolders if d.startswith(".")]:
                    inputs.skipped.append((display_name(str(here / hidden)), "hidden"))
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for name in names:
                    reason = _skip_reason(here / name)
                    if reason:
                        inputs.skipped.append((display_name(str(here / name)), reason))
                    else:
                        found.append(here / name)
            inputs.files.extend((file, path) for file in sorted(found))
            continue
        if path.exists() or path.is_symlink():
            inputs.files.append((path, path.parent))
        else:
            raise InputError(f"no such file or folder: {display_name(str(path))}")
    return inputs


def _skip_reason(path: Path) -> str | None:
    if path.name.startswith("."):
        return "hidden"
    try:
        if not path.is_file():
            return "not a regular file"
    except OSError:
        return "unreadable"
    suffix = path.suffix.lower()
    if suffix not in KNOWN_SUFFIXES:
        return f"unsupported type ({suffix or 'no extension'})"
    return None


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """The input files under ``paths``, sorted within each folder (see :func:`scan`)."""
    return [file for file, _ in scan(paths).files]


def count_articles(inputs: Inputs) -> int:
    """How many articles the inputs hold, cheaply: a file each, a non-blank line per JSONL
    line (for the progress bar's total)."""
    total = 0
    for path, _ in inputs.files:
        if path.suffix.lower() in JSONL_SUFFIXES | JSON_SUFFIXES:
            try:
                if _not_regular(path):
                    total += 1
                    continue
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total
