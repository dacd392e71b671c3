"""The pipeline as a whole: component order, save/load round trip, several processes."""

from __future__ import annotations

import spacy

from extractor.pipeline import RULE_COMPONENTS
from extractor.reader import read_articles
from extractor.run import make_doc, process_articles

from .conftest import SEEDS


def _facts(doc):
    return (doc._.officials, doc._.countries, doc._.dates, doc._.initiatives)


def test_rule_components_follow_the_model_in_order(nlp):
    assert tuple(nlp.pipe_names[-len(RULE_COMPONENTS) :]) == RULE_COMPONENTS
    assert "lemmatizer" not in nlp.pipe_names


def test_save_and_load_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    for article in read_articles([SEEDS]):
        assert _facts(loaded(make_doc(loaded, article))) == _facts(nlp(make_doc(nlp, article)))


def test_two_processes_give_the_same_rows(nlp):
    articles = list(read_articles([SEEDS])) * 3
    one = list(process_articles(articles, nlp, workers=1, batch_size=2))
    two = list(process_articles(articles, nlp, workers=2, batch_size=2))
    assert one == two
    assert len(one) == 6
