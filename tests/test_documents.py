"""Web pages, PDF and Word files read as articles (#14 items 3, 4): the page's boilerplate never
reaches the tables; metadata gives title, date, url and outlet."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from extractor.reader import read_file
from extractor.run import run_extract

from .conftest import ROOT

PAGE = ROOT / "tests" / "fixtures" / "pages" / "news_article.html"


def test_a_saved_news_page_gives_only_its_article(nlp, tmp_path):
    """Navigation, a breaking-news bar, a sidebar of other stories (Biden, Macron, Madbouly), a
    footer naming the editor and a cookie banner: none of it may become rows."""
    (article,) = read_file(PAGE)
    assert article.status == "ok: text taken from HTML"
    assert article.title == "Egypt's FM receives phone call from Swiss counterpart"
    assert article.published == "2022-07-26"  # article:published_time
    assert article.url.startswith("https://www.egypttoday.com/Article/1/117909/")
    assert article.outlet_country == "EGY" and article.dateline == "CAIRO"
    for boilerplate in ("cookie", "Most Read", "Biden", "Macron", "Madbouly", "Editor-in-Chief"):
        assert boilerplate not in article.text
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / PAGE.name).write_bytes(PAGE.read_bytes())
    run_extract([tmp_path / "in"], tmp_path / "out", formats=("parquet",))
    officials = pd.read_parquet(tmp_path / "out" / "officials.parquet")
    assert "Sameh Shokry" in set(officials.name)
    assert officials.set_index("name").loc["Sameh Shokry", "country"] == "EGY"
    assert not set(officials.name) & {"Joe Biden", "Emmanuel Macron", "Hazem Abdel Rahman"}


def _pdf(lines: list[str], title: str, created: str) -> bytes:
    """A one-page PDF with ``lines`` of text (Helvetica), built by hand."""
    content = (
        "BT /F1 11 Tf 50 780 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for line in lines
        )
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title}) /CreationDate (D:{created}) >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


def test_a_pdf_press_release_is_read(nlp, tmp_path):
    pdf = _pdf(
        [
            "Foreign Minister Sameh Shokry met his Swiss counterpart",
            "Ignazio Cassis in Cairo on Tuesday.",
        ],
        "Press release",
        "20220726090000",
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "release.pdf").write_bytes(pdf)
    (article,) = read_file(tmp_path / "in" / "release.pdf")
    assert article.status == "ok: text taken from PDF"
    assert "Sameh Shokry" in article.text
    assert (article.title, article.published) == ("Press release", "2022-07-26")
    run_extract([tmp_path / "in"], tmp_path / "out", formats=("parquet",))
    officials = pd.read_parquet(tmp_path / "out" / "officials.parquet")
    assert "Sameh Shokry" in set(officials.name)


def test_a_broken_pdf_gets_a_status_row(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj <<\n")
    (article,) = read_file(path)
    assert article.status.startswith("error: ")
    assert "PDF" in article.status


def test_a_word_document_is_read(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Statement"
    document.core_properties.created = dt.datetime(2022, 7, 25, 10, 0)
    document.add_paragraph("KUWAIT CITY, July 25: Foreign Minister Sheikh Ahmad Nasser spoke.")
    document.add_paragraph("He said talks would continue.")
    path = tmp_path / "statement.docx"
    document.save(path)
    (article,) = read_file(path)
    assert article.status == "ok: text taken from DOCX"
    assert (article.title, article.published) == ("Statement", "2022-07-25")
    assert article.dateline == "KUWAIT CITY" and article.dateline_country == "KWT"


def test_markdown_in_a_folder_is_read(tmp_path):
    from extractor.inputs import scan

    (tmp_path / "note.md").write_text("Foreign Minister Li Zhaoxing spoke.")
    assert [p.name for p, _ in scan([tmp_path]).files] == ["note.md"]
