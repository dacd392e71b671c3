"""benchmarks/names_world.py reads the dataset's TSVs into text and exact Person spans."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def _benchmark():
    path = ROOT / "benchmarks" / "names_world.py"
    spec = importlib.util.spec_from_file_location("names_world", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
