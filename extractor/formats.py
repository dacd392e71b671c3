"""Documents that are not plain text: web pages, PDF and Word files, reduced to an article.

* HTML goes through trafilatura, which keeps the article's main text and leaves navigation,
  sidebars, footers and cookie banners out, and reads the title, date, url and site name from
  the page's metadata (``og:``, ``article:published_time``, JSON-LD, ...).
* PDF through pypdf (the text of each page, pages separated by a blank line; title and
  creation date from the document information).
* DOCX through python-docx (paragraphs; title and creation date from the core properties).

Each returns a :class:`Extracted` or raises :class:`FormatError` with a one-line reason.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


class FormatError(Exception):
    """The document could not be read; the message says why, in a few words."""


@dataclass
class Extracted:
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    site: str | None = None


def from_html(markup: str) -> Extracted:
    """The main text and metadata of a web page (trafilatura)."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    document = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if document is None:
        raise FormatError("no article text found in the page")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    # one paragraph a line in trafilatura's text: a blank line between them, as in the other
    # inputs (a headline is then a headline, a paragraph break a sentence break)
    text = "\n\n".join(
        line.strip() for line in (data.get("text") or "").split("\n") if line.strip()
    )
    if not text:
        raise FormatError("no article text found in the page")
    return Extracted(
        text=text,
        title=data.get("title") or None,
        published=_day(data.get("date")),
        url=data.get("url") or None,
        site=data.get("sitename") or data.get("hostname") or None,
    )


def from_pdf(data: bytes) -> Extracted:
    """The text of a PDF, page by page (pypdf)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a broken file gets a status row
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise FormatError("encrypted PDF")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = reader.metadata
    except FormatError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise FormatError(f"unreadable PDF ({type(exc).__name__})") from exc
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise FormatError("PDF without text (scanned pages need OCR)")
    title = published = None
    if info is not None:
        title = (info.title or "").strip() or None
        try:
            created = info.creation_date
        except (ValueError, TypeError):
            created = None
        published = created.date().isoformat() if created else None
    return Extracted(text=text, title=title, published=published)


def from_docx(data: bytes) -> Extracted:
    """The paragraphs of a Word document (python-docx)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError, OSError) as exc:
        raise FormatError(f"unreadable DOCX ({type(exc).__name__})") from exc
    paragraphs = [p.text.strip() for p in document.paragraphs]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise FormatError("DOCX without text")
    properties = document.core_properties
    created = properties.created
    return Extracted(
        text=text,
        title=(properties.title or "").strip() or None,
        published=created.date().isoformat() if isinstance(created, dt.datetime) else None,
    )


def _day(value: object) -> str | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
