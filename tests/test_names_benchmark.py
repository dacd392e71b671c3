"""The world NER dataset as the product reads it: benchmarks/names_world.py (text and exact
Person spans) and models/sources/ner_world/convert.py (training labels)."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def _load(relative: str):
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _benchmark():
    return _load("benchmarks/names_world.py")


def test_tsv_tokens_become_text_and_person_spans(tmp_path):
    tsv = tmp_path / "a.tsv"
    tsv.write_text(
        "President\tO\nCyril\tB-Person\nRamaphosa\tI-Person\nmet\tO\nLula\tS-Person\n.\tO\n\n"
        "Biden\tB-Person\nspoke\tO\n",
        encoding="utf-8",
    )
    text, spans = _benchmark().read_tsv(tsv)
    assert text == "President Cyril Ramaphosa met Lula .\nBiden spoke"
    assert sorted(text[s:e] for s, e in spans) == ["Biden", "Cyril Ramaphosa", "Lula"]


def test_a_nested_name_is_scored_by_its_outer_tag(tmp_path):
    tsv = tmp_path / "a.tsv"
    tsv.write_text(
        "on\tO\nNelson\tB-Misc\tB-Person\nMandela\tI-Misc\tI-Person\nDay\tI-Misc\n,\tO\n"
        "Lula\tS-Person\nspoke\tO\n",
        encoding="utf-8",
    )
    text, spans = _benchmark().read_tsv(tsv)
    assert text == "on Nelson Mandela Day , Lula spoke"  # no tag left in the text
    assert sorted(text[s:e] for s, e in spans) == ["Lula"]


def test_training_reads_the_outer_tag_of_a_nested_name(tmp_path):
    tsv = tmp_path / "a.tsv"
    tsv.write_text(
        "on\tO\nNelson\tB-Misc\tB-Person\nMandela\tI-Misc\tI-Person\nDay\tI-Misc\n,\tO\n"
        "Lula\tS-Person\nspoke\tO\n",
        encoding="utf-8",
    )
    words, starts, spans = _load("models/sources/ner_world/convert.py").read_tsv(tsv)
    assert words == ["on", "Nelson", "Mandela", "Day", ",", "Lula", "spoke"]
    assert spans == [(1, 4, "Misc"), (5, 6, "Person")]


def test_a_place_the_base_model_does_not_know_is_still_a_place():
    convert = _load("models/sources/ner_world/convert.py")
    assert convert.location_label(["Guanacaste"], None) == "GPE"
    assert convert.location_label(["Guanacaste"], "PERSON") == "GPE"
    assert convert.location_label(["Lake", "Yojoa"], None) == "LOC"
    assert convert.location_label(["Africa"], "LOC") == "LOC"
