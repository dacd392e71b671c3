"""Long articles: linear-time name matching, pieces for the model, no fatal E088.

Speed itself is measured in ``benchmarks/long_articles.py``; these tests check that the
linear-time code gives exactly what the simple code gave, and that an article too long for the
model in one piece is processed, not fatal.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.components.official_aliases import MentionIndex, Official, mention_pattern
from extractor.reader import article_from_text
from extractor.run import split_for_model

from .conftest import SEEDS

WORDS = st.sampled_from(["Li", "Li Peng", "Peng", "Lavrov", "Sergey", "the", "Li-Peng", "é"])


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.one_of(WORDS, st.sampled_from([" ", ", ", "\n", "-", "Lis", "x"]))).map(
        "".join
    ),
    forms=st.lists(
        st.sampled_from(["Li", "Li Peng", "Peng", "Sergey Lavrov", "Lavrov"]), min_size=1
    ),
)
def test_mention_index_finds_what_the_per_official_pattern_finds(text, forms):
    official = Official(name=forms[0], tokens=set(), forms=list(dict.fromkeys(forms)))
    other = Official(name="Sergey Lavrov", tokens=set(), forms=["Sergey Lavrov", "Lavrov"])
    index = MentionIndex(text, [official, other])
    expected = [m.span() for m in mention_pattern(official).finditer(text)]
    assert index.hits(official) == expected


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab .\n"), max_size=400),
    size=st.integers(min_value=5, max_value=60),
)
def test_pieces_join_back_to_the_text_and_respect_the_size(text, size):
    pieces = split_for_model(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces)
    assert all(pieces[:-1])


def test_pieces_are_cut_at_paragraph_breaks():
    text = ("word " * 30 + "\n\n") * 10
    pieces = split_for_model(text, 400)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_an_article_longer_than_the_models_limit_is_processed(nlp, tmp_path, monkeypatch):
    """An article over spaCy's max_length (E088 used to end the whole run). The limit and the
    piece size are lowered here so that the test stays fast; benchmarks/long_articles.py runs
    the real sizes (up to 2,000,000 characters)."""
    import pandas as pd

    from extractor import run as run_module

    monkeypatch.setattr(nlp, "max_length", 40_000)
    monkeypatch.setattr(run_module, "PIECE_CHARS", 15_000)
    story = (SEEDS / "004_c4fdfc2fb429968a.txt").read_text()
    body = story.split("\n", 1)[1]
    long_text = story + ("\n\n" + body) * (60_000 // len(body) + 1)
    assert len(long_text) > nlp.max_length
    records = [
        {"id": "long", "text": long_text},
        {"id": "short", "text": "Foreign Minister Li Zhaoxing spoke Monday."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    summary = run_module.run_extract([path], tmp_path / "out", formats=("parquet",), workers=1)
    assert summary.ok == 2 and summary.failed == 0
    officials = pd.read_parquet(tmp_path / "out" / "officials.parquet")
    long_rows = officials[officials.doc_id == "long"].set_index("name")
    assert long_rows.loc["Pham Binh Minh", "mentions"] > 40
    assert long_rows.loc["Pham Binh Minh", "country"] == "VNM"
    assert "Li Zhaoxing" in set(officials[officials.doc_id == "short"].name)
    dates = pd.read_parquet(tmp_path / "out" / "dates.parquet")
    text_of = {"long": long_text}
    for row in dates[dates.doc_id == "long"].itertuples():
        assert text_of["long"][row.start : row.end] == row.text  # offsets into the whole text


def test_an_article_that_breaks_a_component_fails_alone(nlp, tmp_path, monkeypatch):
    """A bug met by one article gives it an error status; its batch keeps the other rows."""
    from extractor import run as run_module

    countries = nlp.get_pipe("extractor_countries")
    original = type(countries).__call__

    def fragile(self, doc):
        if "Lavrov" in doc.text:
            raise ValueError("boom")
        return original(self, doc)

    monkeypatch.setattr(type(countries), "__call__", fragile)
    rows = run_module._rows_of(
        [
            article_from_text("a", "a", "Foreign Minister Li Zhaoxing spoke."),
            article_from_text("b", "b", "Foreign Minister Sergey Lavrov spoke."),
            article_from_text("c", "c", "President Hu Jintao spoke on Monday."),
        ],
        nlp,
        8,
    )
    statuses = [r["documents"][0]["status"] for r in rows]
    assert statuses[0] == "ok" and statuses[2] == "ok"
    assert statuses[1].startswith("error: processing failed (ValueError: boom)")
    assert [o["name"] for o in rows[2]["officials"]] == ["Hu Jintao"]
