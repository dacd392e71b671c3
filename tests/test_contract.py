"""The Doc contract (#12): declared assigns/requires, no undeclared reads, a saved pipeline that
loads with spacy.load in a fresh process and gives the same rows, knowledge loaders that fail
loudly, and the actor store's lookups."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from extractor.contract import COMPONENTS, DOC_ATTRIBUTES, INPUT_ATTRIBUTES, Spans
from extractor.errors import DataError
from extractor.knowledge import load_actors
from extractor.knowledge.lexicon import Lexicon

from .conftest import ROOT, SEEDS

COMPONENT_MODULES = {
    "extractor_names": "names",
    "extractor_countries": "countries",
    "extractor_titles": "titles",
    "extractor_officials": "officials",
    "extractor_dates": "dates",
    "extractor_initiatives": "initiatives",
}
SPAN_KEYS = {v for k, v in vars(Spans).items() if k.isupper()}


def test_analyze_pipes_lists_what_each_component_assigns_and_requires(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]
    for name, contract in COMPONENTS.items():
        summary = analysis["summary"][name]
        assert summary["assigns"] == list(contract.assigns)
        assert summary["requires"] == list(contract.requires)
        assert nlp.get_pipe_meta(name).default_config["data"] is None


def _attributes_read(module: str) -> tuple[set[str], set[str]]:
    """``doc._.X`` attributes and span-group constants a component module uses."""
    source = (ROOT / "extractor" / "components" / f"{module}.py").read_text()
    attrs, spans = set(), set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "_"
        ):
            attrs.add(node.attr)
        if isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "Spans":
            spans.add(getattr(Spans, node.attr))
        if isinstance(node, ast.Subscript) and getattr(node.value, "attr", None) == "spans":
            assert not isinstance(node.slice, ast.Constant), f"{module}: span key as a literal"
    return attrs, spans


@pytest.mark.parametrize("component", list(COMPONENT_MODULES))
def test_no_component_reads_what_its_contract_does_not_declare(component):
    attrs, spans = _attributes_read(COMPONENT_MODULES[component])
    contract = COMPONENTS[component]
    declared = {a.split(".")[-1] for a in contract.requires + contract.assigns if "._." in a}
    assert attrs <= declared | set(contract.inputs), attrs - declared - set(contract.inputs)
    assert attrs <= set(DOC_ATTRIBUTES)
    assert set(contract.inputs) <= set(INPUT_ATTRIBUTES)
    assert spans <= set(contract.spans_read) | set(contract.spans_written)
    assert spans <= SPAN_KEYS


CHILD = """
import json, sys
import spacy
from extractor.reader import read_articles
from extractor.rows import rows_from_doc
from extractor.run import make_doc
nlp = spacy.load(sys.argv[1])
rows = []
for article in read_articles([sys.argv[2]]):
    rows.append(rows_from_doc(nlp(make_doc(nlp, article)), article))
print(json.dumps(rows, sort_keys=True))
"""


def test_saved_pipeline_loads_in_a_fresh_process_and_gives_the_same_rows(nlp, tmp_path):
    from extractor.reader import read_articles
    from extractor.rows import rows_from_doc
    from extractor.run import make_doc

    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    assert (saved / "extractor_officials" / "actors.jsonl").exists()
    assert (saved / "extractor_countries" / "countries.jsonl").exists()
    here = [rows_from_doc(nlp(make_doc(nlp, a)), a) for a in read_articles([SEEDS])]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(saved), str(SEEDS)],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the checkout: the factories come from the installed entry points
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    there = json.loads(result.stdout)
    assert there == json.loads(json.dumps(here, sort_keys=True))
    assert any(r["officials"] for r in there)


def test_a_saved_pipeline_reads_its_own_data(nlp, tmp_path):
    """from_disk loads the component's knowledge from the saved folder, not from models/."""
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    agencies = saved / "extractor_countries" / "agencies.jsonl"
    agencies.write_text(agencies.read_text() + "{not json\n")
    import spacy

    with pytest.raises(DataError, match="agencies.jsonl"):
        spacy.load(saved)


# ------------------------------------------------------------ knowledge


def test_lexicon_fails_loudly_on_a_bad_entry(tmp_path):
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps({"x.words": {"source": "test", "words": ["a", 3]}}))
    with pytest.raises(DataError, match="x.words: not a word: 3"):
        Lexicon(path)
    path.write_text(json.dumps({"x.words": {"words": ["a"]}}))
    with pytest.raises(DataError, match="no 'source'"):
        Lexicon(path)


def test_every_word_list_in_the_lexicon_names_its_source():
    data = json.loads((ROOT / "models" / "lexicon.json").read_text())
    assert data and all(entry["source"] and entry["about"] for entry in data.values())


def test_no_word_list_over_ten_items_left_in_python_code():
    for path in sorted((ROOT / "extractor").rglob("*.py")):
        tree = ast.parse(path.read_text())
        exports = {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__"
        }
        for node in ast.walk(tree):
            if id(node) in exports:
                continue
            if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
                words = [
                    e for e in node.elts if isinstance(e, ast.Constant) and type(e.value) is str
                ]
                assert len(words) <= 10 or len(words) < len(node.elts), (
                    f"{path.name}:{node.lineno}: a word list of {len(words)} items"
                )


def test_no_module_over_about_500_lines():
    for path in sorted((ROOT / "extractor").rglob("*.py")):
        lines = len(path.read_text().splitlines())
        assert lines <= 520, f"{path.relative_to(ROOT)}: {lines} lines"


def _actors(tmp_path, rows):
    (tmp_path / "actors.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return load_actors(tmp_path)


def test_actor_store_answers_who_held_an_office_when(tmp_path):
    store = _actors(
        tmp_path,
        [
            {
                "name": "Ana Díaz",
                "forms": ["Ana M. Díaz"],
                "country": "CHL",
                "office": "Minister of Foreign Affairs",
                "start": 2019,
                "end": 2021,
            },
            {
                "name": "Ana Díaz",
                "forms": [],
                "country": "CHL",
                "office": "President of Chile",
                "start": 2022,
                "end": None,
            },
            {
                "name": "Bo Li",
                "forms": [],
                "country": None,
                "office": "Secretary-General of X",
                "start": 2020,
                "end": 2023,
            },
        ],
    )
    assert [a.office for a in store.lookup("ana diaz", on="2020-05-01")] == [
        "Minister of Foreign Affairs"
    ]
    assert [a.office for a in store.lookup("ANA DÍAZ", on="2024-01-01")] == ["President of Chile"]
    assert len(store.lookup("Ana Díaz")) == 2
    assert len(store.lookup("Ana M. Diaz")) == 2  # initials dropped
    assert store.country_of("Ana Diaz", on="2022-03-01") == "CHL"
    assert store.country_of("Bo Li") is None and store.lookup("Bo Li")
    assert store.country_of("Nobody") is None and not store.lookup("Nobody")
    assert [a.name for a in store.holders("president", country="CHL", on="2023-06-01")] == [
        "Ana Díaz"
    ]
    assert store.holders("president", country="CHL", on="2020-06-01") == []


def test_actor_store_fails_loudly_on_a_bad_row(tmp_path):
    with pytest.raises(DataError, match="bad ISO3"):
        _actors(
            tmp_path,
            [
                {
                    "name": "X",
                    "forms": [],
                    "country": "chl",
                    "office": "P",
                    "start": None,
                    "end": None,
                }
            ],
        )


def test_shipped_actor_store_keeps_office_and_dates():
    store = load_actors()
    assert len(store) > 20_000  # Phoenix (to 2014) and Wikidata (2021-2023)
    terms = store.lookup("Abdel Fattah el-Sisi", on="2022-07-01")
    assert terms and {t.country for t in terms} == {"EGY"}
    assert any(t.office == "President of Egypt" and t.start == 2014 for t in terms)
    assert {t.country for t in store.lookup("Recep Tayyip Erdogan")} == {"TUR"}


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("Faysal Mikdad", "Faisal Mekdad"),  # transliteration
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Antony J. Blinken", "Antony Blinken"),  # an initial
    ],
)
def test_actor_store_matches_names_as_written_worldwide(written, known):
    store = load_actors()
    found = store.match(written, on="2022-07-01")
    assert found and found[0].country == store.lookup(known)[0].country


@pytest.mark.parametrize("other", ["Ahmad Mekdad", "Faisal Ahmadi", "Sergio Lavrado"])
def test_actor_store_does_not_match_other_people(other):
    """Similar-looking but different names stay apart: every word must be alike."""
    assert not load_actors().match(other)


def test_a_known_persons_country_follows_the_office_the_text_gives():
    from extractor.components.official_stages import country_of_terms

    terms = load_actors().match("Emmanuel Macron", on="2022-07-26")
    assert {t.country for t in terms} == {"FRA", "AND"}  # co-prince of Andorra too
    assert country_of_terms(terms, [{"role": "president"}]) == "FRA"


def test_models_readme_notes_the_source_of_every_data_file():
    readme = (ROOT / "models" / "README.md").read_text()
    for path in sorted((ROOT / "models").iterdir()):
        if path.is_file() and path.suffix in (".json", ".jsonl"):
            assert f"`{path.name}`" in readme, path.name


def test_a_stage_of_the_officials_is_replaced_by_configuration(nlp):
    """The country stage swapped for another by config: what a trained component or a
    date-ranged actor dictionary will do. Here one that leaves countries as the text gives them."""
    from spacy.util import registry

    from extractor.components.official_stages import OfficialCountries
    from extractor.pipeline import build_nlp

    class TextOnly(OfficialCountries):
        def on_records(self, doc, officials, records):  # no actor store, no home country
            pass

    registry.misc.register("test.text_only_countries.v1", func=lambda: TextOnly())
    other = build_nlp()
    other.replace_pipe(
        "extractor_officials",
        "extractor_officials",
        config={"countries": {"@misc": "test.text_only_countries.v1"}},
    )
    text = "HANOI, June 17, 2020 (VNA) -- Foreign Minister Pham Binh Minh met Sergey Lavrov."
    from extractor.reader import article_from_text
    from extractor.run import make_doc

    article = article_from_text("t", "t", text)
    default = {o["name"]: o["country"] for o in nlp(make_doc(nlp, article))._.officials}
    swapped = {o["name"]: o["country"] for o in other(make_doc(other, article))._.officials}
    assert default["Pham Binh Minh"] == "VNM"  # from the dateline, in the country stage
    assert swapped["Pham Binh Minh"] is None
    assert other.get_pipe("extractor_officials").countries.__class__ is TextOnly


def test_countries_component_runs_on_a_blank_pipeline():
    """A component test without the statistical model: a blank English pipeline and the
    countries component alone (its contract needs only entity types, absent here)."""
    import spacy

    import extractor.components  # noqa: F401 - registers the factories

    blank = spacy.blank("en")
    blank.add_pipe("extractor_countries")
    doc = blank("Russian Foreign Minister Sergey Lavrov arrived in Hanoi, Vietnam.")
    assert [(s.text, s.label_) for s in doc.spans[Spans.COUNTRIES]] == [
        ("Russian", "RUS"),
        ("Vietnam", "VNM"),
    ]
    assert [c["iso3"] for c in doc._.countries] == ["RUS", "VNM"]


def test_the_python_api_answers_who_held_an_office_and_whom_a_name_serves():
    from extractor import actors

    store = actors()
    assert [a.name for a in store.holders("president", country="CHL", on="2023-06-01")] == [
        "Gabriel Boric"
    ]
    assert store.country_of("Sergei Lavrov", on="2022-07-25") == "RUS"
