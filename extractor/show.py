"""Showing what was extracted from one article: highlighted text and its rows.

``render_terminal`` prints with rich; ``render_html`` writes a page with displaCy's entity view
and the rows as HTML tables. Both read the spans the components left on the Doc.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table
from rich.text import Text
from spacy import displacy
from spacy.tokens import Doc

from .errors import InputError
from .pipeline import DEFAULT_MODEL, cached_nlp
from .reader import read_file
from .rows import rows_from_doc
from .run import process_one
from .schema import TABLE_NAMES, to_arrow
from .terminal import plain, printable

# span group -> (displaCy label, rich style, colour)
HIGHLIGHTS = {
    "officials": ("OFFICIAL", "bold magenta", "#e4b7f5"),
    "titles": ("TITLE", "cyan", "#b7e4f5"),
    "countries": ("COUNTRY", "green", "#bdf5b7"),
    "dates": ("DATE", "yellow", "#f5efb7"),
}
INITIATIVE_STYLE = "underline"


def analyse_file(path: Path, model: str = DEFAULT_MODEL) -> tuple[Doc, dict[str, pd.DataFrame]]:
    """Run the pipeline on the first article of ``path``; return the Doc and its tables."""
    if not path.exists():
        raise InputError(f"no such file: {path}")
    article = next(iter(read_file(path)), None)
    if article is None or not article.ok:
        raise InputError(f"{path}: {article.status if article else 'no article'}")
    nlp = cached_nlp(model)
    doc = process_one(nlp, article)
    rows = rows_from_doc(doc, article)
    return doc, {name: to_arrow(name, rows[name]).to_pandas() for name in TABLE_NAMES}


def highlight_spans(doc: Doc) -> list[dict]:
    """Non-overlapping highlights (start, end, label), officials first where spans overlap."""
    taken: list[tuple[int, int]] = []
    out = []
    for key, (label, _, _) in HIGHLIGHTS.items():
        for span in doc.spans.get(key, []):
            s, e = span.start_char, span.end_char
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.append({"start": s, "end": e, "label": label})
    return sorted(out, key=lambda h: h["start"])


def render_terminal(doc: Doc, tables: dict[str, pd.DataFrame], console: Console) -> None:
    """The article with highlights, a legend, then each non-empty table."""
    text = Text(printable(doc.text))
    styles = {label: style for label, style, _ in HIGHLIGHTS.values()}
    for span in doc.spans.get("initiatives", []):
        text.stylize(INITIATIVE_STYLE, span.start_char, span.end_char)
    for h in highlight_spans(doc):
        text.stylize(styles[h["label"]], h["start"], h["end"])
    console.print(text)
    legend = Text("  ".join(f"[{label}]" for label, _, _ in HIGHLIGHTS.values()))
    for label, style, _ in HIGHLIGHTS.values():
        legend.highlight_words([f"[{label}]"], style)
    legend.append("  initiatives underlined", style=INITIATIVE_STYLE)
    console.print(legend)
    for name, frame in tables.items():
        if name == "documents" or frame.empty:
            continue
        table = Table(title=name, show_lines=False)  # cells as Text: never read as markup
        columns = [c for c in frame.columns if c not in ("doc_id", "sentence")]
        for column in columns:
            table.add_column(column)
        for row in frame[columns].itertuples(index=False):
            table.add_row(*[plain("" if pd.isna(v) else v) for v in row])
        console.print(table)


def render_html(doc: Doc, tables: dict[str, pd.DataFrame]) -> str:
    """A self-contained HTML page: displaCy highlights and the rows as tables."""
    colours = {label: colour for label, _, colour in HIGHLIGHTS.values()}
    marked = displacy.render(
        {"text": doc.text, "ents": highlight_spans(doc), "title": None},
        style="ent",
        manual=True,
        page=False,
        options={"colors": colours},
    )
    parts = [f"<h2>{html.escape(str(doc._.doc_id))}</h2>", marked]
    for name, frame in tables.items():
        if frame.empty:
            continue
        shown = frame.drop(columns=[c for c in ("sentence",) if c in frame.columns])
        parts.append(f"<h3>{name}</h3>")
        parts.append(shown.to_html(index=False, na_rep="", classes=f"table-{name}"))
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>extractor: {html.escape(str(doc._.doc_id))}</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "table{border-collapse:collapse;margin-bottom:1.5em}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style>"
        f"</head><body>{body}</body></html>"
    )
