"""Reading articles: files and folders in, :class:`Article` records out, one per article.

Every input gives exactly one record, good or bad: a bad input (empty, binary, broken JSONL line,
too large, unreadable) comes back with ``status`` saying why and no text, so that the run goes on
and the documents table accounts for it.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".story", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
DEFAULT_MAX_CHARS = 2_000_000

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
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
    key = word.strip(".").lower()[:3]
    return _MONTHS.get(key) if word[:3].isalpha() else None


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
    if b"\x00" in data[:65536]:
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
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 65536):
        return None, "error: binary (control characters)"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, "error: empty"
    return text, status


class _TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML page, one block element per paragraph."""

    BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "li", "tr", "title", "article", "section"}

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


def read_file(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article]:
    """Every article in one file: one for .txt/.html, one per line for .jsonl."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_chars)
            return
        data = path.read_bytes()
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        yield Article(path.stem, str(path), status=f"error: unreadable ({reason})")
        return
    text, status = decode(data)
    if text is None:
        yield Article(path.stem, str(path), status=status)
        return
    looks_html = text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    if suffix in HTML_SUFFIXES or looks_html:
        text, page_title = html_to_text(text)
        if not text.strip():
            yield Article(path.stem, str(path), status="error: HTML page without text")
            return
        article = article_from_text(path.stem, str(path), text, status, max_chars)
        article.title = article.title or page_title
        if article.ok:
            article.status = "ok: text taken from HTML" if status == "ok" else status + "; HTML"
        yield article
        return
    yield article_from_text(path.stem, str(path), text, status, max_chars)


def read_jsonl(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article]:
    """One article per JSONL line; a broken line gives an error record and the rest go on."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            fallback = f"{path.stem}:{number}"
            source = f"{path}:{number}"
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


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Expand the user's paths to a sorted list of input files.

    A folder is read recursively for known suffixes (.txt, .jsonl, .html ...); a file named
    directly is read whatever its suffix. Raises :class:`InputError` for a missing path.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in KNOWN_SUFFIXES
            )
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"no such file or folder: {path}")
    return files


def read_articles(
    paths: Iterable[str | Path], max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article]:
    """Every article under ``paths``, in a stable order (sorted files, then line order)."""
    for path in discover(paths):
        yield from read_file(path, max_chars)
