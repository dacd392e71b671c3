"""Reading articles: headers, datelines, JSONL, and bad input."""

from __future__ import annotations

import json

import pytest

from extractor.reader import parse_dateline, read_articles


@pytest.mark.parametrize(
    ("line", "place", "agency", "published"),
    [
        ("BEIJING, Nov. 8 , 2005 (Xinhua) -- Chinese", "BEIJING", "Xinhua", "2005-11-08"),
        (
            "COTABATO, Philippines, April 25 , 1997 (AFP) -- x",
            "COTABATO, Philippines",
            "AFP",
            "1997-04-25",
        ),
        ("KUALA LUMPUR, Dec 10 , 2005 -- China", "KUALA LUMPUR", None, "2005-12-10"),
        ("CRAWFORD, Texas, Dec 30 , 2006, 2006 -- US", "CRAWFORD, Texas", None, "2006-12-30"),
        ("Hanoi (VNA) – The meeting", "Hanoi", "VNA", None),
    ],
    ids=["xinhua", "place-with-country", "no-agency", "repeated-year", "vna-dateless"],
)
def test_datelines(line, place, agency, published):
    assert parse_dateline(line)[:3] == (place, agency, published)


def test_header_line_gives_title_and_date(tmp_path):
    (tmp_path / "a.txt").write_text("date 2020-06-17 Ministers meet\nHanoi (VNA) - Text.")
    (article,) = read_articles([tmp_path])
    assert (article.title, article.published, article.agency) == (
        "Ministers meet",
        "2020-06-17",
        "VNA",
    )


def test_jsonl_metadata_and_broken_line(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Text one.", "published": "2005-11-01"}),
        "{broken",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps({"id": "d", "text": "Text four.", "extra": 1}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    articles = list(read_articles([tmp_path]))
    assert [a.doc_id for a in articles] == ["a", "in:2", "c", "d"]
    assert articles[0].published == "2005-11-01"
    assert articles[1].status.startswith("error: broken JSONL line 2")
    assert articles[2].status.startswith("error: no text (looked for text, maintext")
    assert articles[3].ok
