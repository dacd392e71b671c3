"""Shared fixtures: the full pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "wire"
WORLD_FIXTURES = ROOT / "tests" / "fixtures" / "world"


@pytest.fixture(scope="session")
def nlp():
    from extractor.pipeline import cached_nlp

    return cached_nlp()


@pytest.fixture(scope="session")
def seed_tables(nlp):
    """The six tables of the two seed articles, as DataFrames (via the Python API)."""
    from extractor import extract

    return extract([SEEDS])


@pytest.fixture()
def analyse(nlp):
    """Run the pipeline on one text with an optional published date; returns the Doc."""
    from extractor.reader import article_from_text
    from extractor.run import make_doc

    def run(text: str, published: str | None = None):
        article = article_from_text("t", "<test>", text)
        if published:
            article.published = published
        return nlp(make_doc(nlp, article))

    return run


def leftovers(out: Path) -> list[str]:
    """Hidden entries in an output folder other than the run's manifest and lock: debris."""
    from extractor.outdir import LOCK, MANIFEST

    own = {LOCK, MANIFEST}
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name not in own)
