"""Reading articles: files and folders in, :class:`Article` records out, one per article.

Every input gives exactly one record, good or bad: a bad input (empty, binary, broken JSONL line,
too large, unreadable) comes back with ``status`` saying why and no text, so that the run goes on
and the documents table accounts for it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .datelines import parse_dateline as read_dateline
from .formats import Extracted, FormatError, from_docx, from_html, from_pdf
from .inputs import (
    DOCX_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    PDF_SUFFIXES,
    Inputs,
    _not_regular,
    display_name,
    scan,
)
from .records import field_map, host_of, outlet_of, parse_published, pick, url_date
from .temporal import month_index

log = logging.getLogger(__name__)

DEFAULT_MAX_CHARS = 2_000_000

HEADER_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<title>.*)$")
CAPTION = re.compile(r"\((?:Photo|Source|Image)\s*:\s*[^)]*\)\s*$", re.IGNORECASE)
CAPTION_ANYWHERE = re.compile(r"\((?:Photo|Source|Image)\s*:\s*[^)]*\)", re.IGNORECASE)
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
    dateline_country: str | None = None  # ISO3 of the dateline place
    url: str | None = None
    outlet: str | None = None  # the outlet's name, else its web host
    outlet_country: str | None = None  # ISO3 of the outlet (outlet table, country domain)
    partial: str | None = None  # XXXX-MM-DD from a dateline without a year

    @property
    def ok(self) -> bool:
        return self.status == "ok" or self.status.startswith("ok:")


# ---------------------------------------------------------------- metadata from raw text


def month_number(word: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Nov", "Sept", "June"), else None."""
    return month_index(word) if word[:3].isalpha() else None


def parse_dateline(line: str) -> tuple[str | None, str | None, str | None, int]:
    """Place, agency, published date (ISO) and end offset of a dateline at the start of ``line``
    (the forms of ``models/datelines.json``, see :mod:`extractor.datelines`).

    Returns ``(None, None, None, 0)`` when the line does not start with a dateline.
    """
    found = read_dateline(line)
    if found is None:
        return None, None, None, 0
    return found.place, found.agency, found.published, found.end


@dataclass
class Header:
    """What the first lines of a raw article say about it."""

    title: str | None = None
    published: str | None = None
    place: str | None = None
    agency: str | None = None
    body_start: int = 0
    furniture: list[tuple[int, int]] = field(default_factory=list)
    dateline_country: str | None = None
    partial: str | None = None  # XXXX-MM-DD: a dateline with day and month only


# A dateline with a date or an agency may stand below a headline of several lines; a bare
# place ("TEHRAN –", "Doha:") counts only on the first two lines with text.
BARE_DATELINE_LINES = 2


def read_header(text: str) -> Header:
    """Find title, published, dateline and agency in the first lines of a raw article; the
    header line and dateline are page furniture, not article text."""
    header = Header()
    offset = seen = 0
    lines = text.split("\n")
    for index, line in enumerate(lines[:8]):
        start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        seen += 1
        head = HEADER_LINE.match(line)
        if head and index == 0:
            header.published, header.title = head["date"], head["title"].strip() or None
            header.body_start = offset
            header.furniture.append((start, start + head.start("title")))
            continue
        found = read_dateline(line, bare=seen <= BARE_DATELINE_LINES)
        if found is not None:
            header.place, header.agency = found.place, found.agency
            header.published = header.published or found.published
            header.partial = None if header.published else found.partial
            header.dateline_country = found.country
            header.body_start = start + found.end
            header.furniture.append((start, start + found.end))
            break
        # A short first line followed by a blank line is a headline.
        if (
            index == 0
            and header.title is None
            and not CAPTION.search(line)
            and len(line) < 300
            and len(lines) > 1
            and not lines[1].strip()
        ):
            header.title = line.strip()
            header.body_start = offset
    for m in CAPTION_ANYWHERE.finditer(text[: header.body_start + 2000]):
        header.furniture.append(m.span())  # "(Photo: VNA)"
    return header


def parse_header(
    text: str,
) -> tuple[str | None, str | None, str | None, str | None, int, list[tuple[int, int]]]:
    """``(title, published, place, agency, body_start, furniture)`` of :func:`read_header`."""
    h = read_header(text)
    return h.title, h.published, h.place, h.agency, h.body_start, h.furniture


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
    h = read_header(text)
    return Article(
        doc_id,
        source,
        text,
        h.title,
        h.published,
        h.agency,
        h.place,
        status,
        h.body_start,
        h.furniture,
        dateline_country=h.dateline_country,
        partial=h.partial,
    )


def article_from_record(
    record: dict,
    source: str,
    fallback_id: str,
    max_chars: int = DEFAULT_MAX_CHARS,
    fields: dict[str, tuple[str, ...]] | None = None,
) -> Article:
    """Build an :class:`Article` from one JSON record (news-please, trafilatura, or
    ``id``/``text``/``published``/``title``/``url``; see :mod:`extractor.records`).

    The published date is the record's metadata date (any common form), else the date in its
    url, else a full date in its dateline or header."""
    fields = fields or field_map()
    doc_id = str(pick(record, "id", fields) or fallback_id)
    text = pick(record, "text", fields)
    if not isinstance(text, str) or not text.strip():
        looked = ", ".join(fields["text"][:4])
        had = ", ".join(list(record)[:12]) or "none"
        reason = "empty text" if isinstance(text, str) else f"no text (looked for {looked})"
        return Article(doc_id, source, status=f"error: {reason}; the record has: {had}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    article = article_from_text(doc_id, source, text, max_chars=max_chars)
    if not article.ok:
        return article
    url = pick(record, "url", fields)
    article.url = url if isinstance(url, str) else None
    metadata_date = parse_published(pick(record, "published", fields))
    article.published = metadata_date or url_date(article.url) or article.published
    if article.published:
        article.partial = None
    title = pick(record, "title", fields)
    if isinstance(title, str) and title.strip():
        article.title = title.strip()
    outlet = pick(record, "outlet", fields)
    host = host_of(article.url) or (outlet.lower() if isinstance(outlet, str) else None)
    name, article.outlet_country = outlet_of(host)
    article.outlet = outlet.strip() if isinstance(outlet, str) and outlet.strip() else name
    dateline = pick(record, "dateline", fields)
    if isinstance(dateline, str):
        found = read_dateline(dateline + " --")
        if found is not None:
            article.dateline = found.place or article.dateline
            article.agency = found.agency or article.agency
            article.published = article.published or found.published
            article.dateline_country = found.country or article.dateline_country
    return article


def read_file(
    path: Path, max_chars: int = DEFAULT_MAX_CHARS, fields: dict[str, str] | None = None
) -> Iterator[Article]:
    """Every article in one file: one for .txt/.html, one per line for .jsonl, one per record
    for .json (an object or an array of objects). ``fields`` maps record roles to field names
    (``{"text": "body"}``) beside the usual ones."""
    suffix = path.suffix.lower()
    doc_id, source = display_name(path.stem), display_name(str(path))
    try:
        kind = _not_regular(path)
        if kind:
            yield Article(doc_id, source, status=f"error: not a regular file ({kind})")
            return
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_chars, fields)
            return
        if suffix in JSON_SUFFIXES:
            yield from read_json(path, max_chars, fields)
            return
        data = path.read_bytes()
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        yield Article(doc_id, source, status=f"error: unreadable ({reason})")
        return
    if suffix in PDF_SUFFIXES or data.startswith(b"%PDF"):
        yield _from_document(doc_id, source, "PDF", lambda: from_pdf(data), max_chars)
        return
    if suffix in DOCX_SUFFIXES:
        yield _from_document(doc_id, source, "DOCX", lambda: from_docx(data), max_chars)
        return
    text, status = decode(data)
    if text is None:
        yield Article(doc_id, source, status=status)
        return
    looks_html = text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    if suffix in HTML_SUFFIXES or looks_html:
        yield _from_document(doc_id, source, "HTML", lambda: from_html(text), max_chars, status)
        return
    yield article_from_text(doc_id, source, text, status, max_chars)


def _from_document(
    doc_id: str,
    source: str,
    kind: str,
    extract: Callable[[], Extracted],
    max_chars: int,
    status: str = "ok",
) -> Article:
    """An article from a web page, PDF or Word file: its main text, and the title, published
    date (metadata, else the url's, else the dateline's), url and outlet its metadata give."""
    try:
        found = extract()
    except FormatError as exc:
        return Article(doc_id, source, status=f"error: {exc}")
    article = article_from_text(doc_id, source, found.text, status, max_chars)
    if not article.ok:
        return article
    article.title = found.title or article.title
    article.url = found.url
    article.published = found.published or url_date(found.url) or article.published
    if article.published:
        article.partial = None
    name, article.outlet_country = outlet_of(host_of(found.url) or found.site)
    article.outlet = found.site or name
    note = f"text taken from {kind}"
    article.status = f"ok: {note}" if status == "ok" else f"{status}; {note}"
    return article


def read_json(
    path: Path, max_chars: int = DEFAULT_MAX_CHARS, fields: dict[str, str] | None = None
) -> Iterator[Article]:
    """The records of a .json file: one object, or an array of objects (``file:N`` each)."""
    stem, name = display_name(path.stem), display_name(str(path))
    text, status = decode(path.read_bytes())
    if text is None:
        yield Article(stem, name, status=status)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Article(stem, name, status=f"error: broken JSON ({exc.msg}, line {exc.lineno})")
        return
    mapping = field_map(fields)
    if isinstance(data, dict):
        yield article_from_record(data, name, stem, max_chars, mapping)
        return
    if not isinstance(data, list):
        yield Article(stem, name, status="error: JSON file holds neither an object nor an array")
        return
    for number, record in enumerate(data, start=1):
        source, fallback = f"{name}:{number}", f"{stem}:{number}"
        if isinstance(record, dict):
            yield article_from_record(record, source, fallback, max_chars, mapping)
        else:
            yield Article(fallback, source, status=f"error: JSON item {number} is not an object")


def read_jsonl(
    path: Path, max_chars: int = DEFAULT_MAX_CHARS, fields: dict[str, str] | None = None
) -> Iterator[Article]:
    """One article per JSONL line; a broken line gives an error record and the rest go on."""
    mapping = field_map(fields)
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
            article = article_from_record(record, source, fallback, max_chars, mapping)
            if article.ok and status != "ok":
                article.status = status
            yield article


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
    paths: Iterable[str | Path] | Inputs,
    max_chars: int = DEFAULT_MAX_CHARS,
    fields: dict[str, str] | None = None,
) -> Iterator[Article]:
    """Every article under ``paths``, in a stable order (sorted files, then line order), each
    with a ``doc_id`` of its own."""
    inputs = paths if isinstance(paths, Inputs) else scan(paths)
    ids = UniqueIds()
    for path, root in inputs.files:
        for article in read_file(path, max_chars, fields):
            yield ids.assign(article, path, root)
