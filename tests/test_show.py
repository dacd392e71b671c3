"""`extract show`: terminal view, HTML view (rendered in headless Chromium), Python API."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from extractor.cli import app

from .conftest import SEEDS

SEED_004 = SEEDS / "004_c4fdfc2fb429968a.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def html_page(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("show") / "seed004.html"
    result = CliRunner().invoke(app, ["show", str(SEED_004), "--html", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_terminal_view_shows_text_and_rows(html_page):
    _, output = html_page
    assert "Pham Binh Minh" in output
    assert "officials" in output and "Sergey Lavrov" in output
    assert "2020-06-17" in output


def test_both_views_give_the_initiatives_cameo_code(html_page):
    page, output = html_page
    assert "cameo" in output  # the terminal table's column
    assert "<th>cameo</th>" in page.read_text(encoding="utf-8")


def test_html_marks_officials(html_page):
    page, _ = html_page
    marks = re.findall(
        r"<mark[^>]*>\s*([^<]*?)\s*<span[^>]*>OFFICIAL</span>", page.read_text(), flags=re.S
    )
    assert {"Pham Binh Minh", "Sergey Lavrov"} <= {m.strip() for m in marks}


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium not installed (.ci/run installs it)")
def test_page_renders_in_headless_chromium(html_page, tmp_path):
    page, _ = html_page
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    rendered = re.findall(r"<mark[^>]*>(.*?)</mark>", dom, flags=re.S)
    officials = [
        re.sub(r"<[^>]+>.*", "", m, flags=re.S).strip() for m in rendered if "OFFICIAL" in m
    ]
    assert "Pham Binh Minh" in officials
    assert "Sergey Lavrov" in officials


def test_missing_file_is_one_line_error():
    result = CliRunner().invoke(app, ["show", "no/such/file.txt"])
    assert result.exit_code == 2


def test_python_api_returns_dataframes(nlp):
    from extractor import extract

    tables = extract("Russian Foreign Minister Sergey Lavrov arrived on Tuesday.")
    assert tables["officials"][["name", "title", "country"]].values.tolist() == [
        ["Sergey Lavrov", "Foreign Minister", "RUS"]
    ]
    assert set(tables) == {"documents", "officials", "titles", "countries", "dates", "initiatives"}
