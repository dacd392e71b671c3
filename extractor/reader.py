"""Reading articles: files and folders in, :class:`Article` records out, one per article.

Every input gives exactly one record, good or bad: a bad input (empty, binary, broken JSONL line,
too large, unreadable) comes back with ``status`` saying why and no text, so that the run goes on
and the documents table accounts for it.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError
from .knowledge import words
from .temporal import month_index

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".story"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
DEFAULT_MAX_CHARS = 2_000_000

# "BEIJING, Nov. 8 , 2005 (Xinhua) --" ; "HO CHI MINH CITY, April 8 , 1997 (AFP) --"
WIRE_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'\-]{1,40}?(?:,\s*[A-Z][A-Za-z .'\-]{1,30}?)?)\s*,\s*"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+"
    r"(?P<day>\d{1,2})\s*,\s*(?P<year>\d{4})(?:\s*,\s*\d{4})?\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .\-]{0,20})\)\s*(?:--|–|—|-)?|(?:--|–|—))"
)
# "Hanoi (VNA) –" : dateless agency line
AGENCY_LINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'\-]{1,40}?)\s*\((?P<agency>[A-Z][A-Za-z\-]{1,15})\)\s*"
    r"(?:--|–|—|-)"
)
HEADER_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<title>.*)$")
CAPTION = re.compile(r"\((?:Photo|Source|Image)\s*:\s*[^)]*\)\s*$", re.IGNORECASE)
CAPTION_ANYWHERE = re.compile(r"\((?:Photo|Source|Image)\s*:\s*[^)]*\)", re.IGNORECASE)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


@dataclass
class Article:
    """One article as read: its text, metadata, and the status of reading it."""

    doc_id: str
    source: str
    text: str = ""
    title: str | None = None
    published: str | None = None
    agency: str | None = None
    dateline: str | None = None
    status: str = "ok"
    body_start: int = 0  # offset where the body begins, after header and dateline
    furniture: list[tuple[int, int]] | None = None  # header and dateline character spans

    @property
    def ok(self) -> bool:
        return self.status == "ok" or self.status.startswith("ok:")


# ---------------------------------------------------------------- metadata from raw text


def month_number(word: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Nov", "Sept", "June"), else None."""
    return month_index(word) if word[:3].isalpha() else None


def parse_dateline(line: str) -> tuple[str | None, str | None, str | None, int]:
    """Place, agency, published date (ISO) and end offset of a dateline at the start of ``line``.

    Returns ``(None, None, None, 0)`` when the line does not start with a dateline.
    """
    m = WIRE_DATELINE.match(line)
    if m:
        month = month_number(m["month"])
        published = None
        if month:
            published = f"{int(m['year']):04d}-{month:02d}-{int(m['day']):02d}"
        return m["place"].strip(), (m["agency"] or "").strip() or None, published, m.end()
    m = AGENCY_LINE.match(line)
    if m:
        return m["place"].strip(), m["agency"].strip(), None, m.end()
    return None, None, None, 0


def parse_header(
    text: str,
) -> tuple[str | None, str | None, str | None, str | None, int, list[tuple[int, int]]]:
    """Find title, published, place and agency in the first lines of a raw article.

    Returns ``(title, published, place, agency, body_start, furniture)``; ``furniture`` holds the
    character spans of the header line and dateline, which are page furniture, not article text.
    """
    title = published = place = agency = None
    body_start = 0
    furniture: list[tuple[int, int]] = []
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines[:8]):
        start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        header = HEADER_LINE.match(line)
        if header and index == 0:
            published, title = header["date"], header["title"].strip() or None
            body_start = offset
            furniture.append((start, start + header.start("title")))
            continue
        where, who, when, end = parse_dateline(line)
        if where:
            place, agency = where, who
            published = published or when
            body_start = start + end
            furniture.append((start, start + end))
            break
        # A short first line followed by a blank line is a headline.
        if (
            index == 0
            and title is None
            and not CAPTION.search(line)
            and len(line) < 300
            and len(lines) > 1
            and not lines[1].strip()
        ):
            title = line.strip()
            body_start = offset
    for m in CAPTION_ANYWHERE.finditer(text[: body_start + 2000]):
        furniture.append(m.span())  # "(Photo: VNA)"
    return title, published, place, agency, body_start, furniture


# ---------------------------------------------------------------- decoding


def decode(data: bytes) -> tuple[str | None, str]:
    """Decode raw bytes to text. Returns ``(text, status)``; text is None for binary input."""
    if not data.strip():
        return None, "error: empty"
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return None, f"error: not valid {encoding.upper()} after its byte-order mark"
            return _checked(text, f"ok: decoded as {encoding.upper()}")
    if b"\x00" in data:
        return None, "error: binary (NUL bytes)"
    if data.startswith(b"%PDF"):
        return None, "error: binary (PDF)"
    status = "ok"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            status = "ok: decoded as cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            status = "ok: decoded as latin-1"
    return _checked(text, status)


def _checked(text: str, status: str) -> tuple[str | None, str]:
    """Refuse text that is mostly control characters; normalise line ends."""
    if "\x00" in text:
        return None, "error: binary (NUL characters)"
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 65536):
        return None, "error: binary (control characters)"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, "error: empty"
    return text, status


class _TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML page, one block element per paragraph."""

    BLOCKS = words("reader.html_blocks")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        if tag == "title":
            self._in_title = True
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript") and self.skip:
            self.skip -= 1
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self._in_title:
            self.title = (self.title or "") + data.strip()
            return
        self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The visible text of an HTML page and its <title>."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
    return text, parser.title


# ---------------------------------------------------------------- articles


def article_from_text(
    doc_id: str, source: str, text: str, status: str = "ok", max_chars: int = DEFAULT_MAX_CHARS
) -> Article:
    """Build an :class:`Article` from raw text, reading header, dateline and agency line."""
    if len(text) > max_chars:
        return Article(
            doc_id,
            source,
            status=f"error: too large ({len(text):,} characters > "
            f"--max-chars {max_chars:,}); skipped",
        )
    title, published, place, agency, body_start, furniture = parse_header(text)
    return Article(
        doc_id, source, text, title, published, agency, place, status, body_start, furniture
    )


def article_from_record(
    record: dict, source: str, fallback_id: str, max_chars: int = DEFAULT_MAX_CHARS
) -> Article:
    """Build an :class:`Article` from one JSONL record (``id``, ``text``, optional metadata)."""
    doc_id = str(record.get("id") or fallback_id)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        reason = "missing text" if text is None else "empty text"
        return Article(doc_id, source, status=f"error: {reason}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    article = article_from_text(doc_id, source, text, max_chars=max_chars)
    if not article.ok:
        return article
    published = record.get("published")
    if isinstance(published, str) and ISO_DATE.match(published[:10]):
        article.published = published[:10]
    if isinstance(record.get("title"), str) and record["title"].strip():
        article.title = record["title"].strip()
    if isinstance(record.get("dateline"), str):
        place, agency, when, _ = parse_dateline(record["dateline"] + " --")
        article.dateline = place or article.dateline
        article.agency = agency or article.agency
        article.published = article.published or when
    return article


def display_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) written as
    ``\\xNN`` escapes, so that ids, sources and the tables are valid UTF-8."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_file(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article]:
    """Every article in one file: one for .txt/.html, one per line for .jsonl."""
    suffix = path.suffix.lower()
    doc_id, source = display_name(path.stem), display_name(str(path))
    try:
        kind = _not_regular(path)
        if kind:
            yield Article(doc_id, source, status=f"error: not a regular file ({kind})")
            return
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_chars)
            return
        data = path.read_bytes()
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        yield Article(doc_id, source, status=f"error: unreadable ({reason})")
        return
    text, status = decode(data)
    if text is None:
        yield Article(doc_id, source, status=status)
        return
    looks_html = text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    if suffix in HTML_SUFFIXES or looks_html:
        text, page_title = html_to_text(text)
        if not text.strip():
            yield Article(doc_id, source, status="error: HTML page without text")
            return
        article = article_from_text(doc_id, source, text, status, max_chars)
        article.title = article.title or page_title
        if article.ok:
            article.status = "ok: text taken from HTML" if status == "ok" else status + "; HTML"
        yield article
        return
    yield article_from_text(doc_id, source, text, status, max_chars)


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


def read_jsonl(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article]:
    """One article per JSONL line; a broken line gives an error record and the rest go on."""
    stem, name = display_name(path.stem), display_name(str(path))
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            fallback = f"{stem}:{number}"
            source = f"{name}:{number}"
            text, status = decode(raw)
            if text is None:
                yield Article(fallback, source, status=f"error: line {number}: {status[7:]}")
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield Article(
                    fallback, source, status=f"error: broken JSONL line {number} ({exc.msg})"
                )
                continue
            if not isinstance(record, dict):
                yield Article(
                    fallback, source, status=f"error: JSONL line {number} is not an object"
                )
                continue
            article = article_from_record(record, source, fallback, max_chars)
            if article.ok and status != "ok":
                article.status = status
            yield article


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
        if path.suffix.lower() in JSONL_SUFFIXES:
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


class UniqueIds:
    """Gives every article of a run its own ``doc_id``.

    The first article keeps its id; a later one with the same id takes its path relative to
    the folder it was found under, without extension (``b/1`` for ``b/1.txt``; with it when that
    is the same id, ``x.txt``), or for a JSONL record that path and the line (``batch:7``), and,
    if that is taken too, ``~2``, ``~3``...
    Its status says so.
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def assign(self, article: Article, path: Path, root: Path) -> Article:
        original = article.doc_id
        if original not in self.seen:
            self.seen.add(original)
            return article
        try:
            relative = path.relative_to(root)
        except ValueError:
            relative = path
        candidate = display_name(relative.with_suffix("").as_posix())
        if ":" in article.source and path.suffix.lower() in JSONL_SUFFIXES:
            candidate += ":" + article.source.rsplit(":", 1)[1]
        elif candidate == original:  # x.txt beside x.jsonl's record x: keep the extension
            candidate = display_name(relative.as_posix())
        unique, n = candidate, 1
        while unique in self.seen:
            n += 1
            unique = f"{candidate}~{n}"
        self.seen.add(unique)
        article.doc_id = unique
        note = f"doc_id {original!r} was already used; renamed"
        if article.status == "ok":
            article.status = f"ok: {note}"
        elif article.ok:
            article.status = f"{article.status}; {note}"
        return article


def read_articles(
    paths: Iterable[str | Path] | Inputs, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article]:
    """Every article under ``paths``, in a stable order (sorted files, then line order), each
    with a ``doc_id`` of its own."""
    inputs = paths if isinstance(paths, Inputs) else scan(paths)
    ids = UniqueIds()
    for path, root in inputs.files:
        for article in read_file(path, max_chars):
            yield ids.assign(article, path, root)
