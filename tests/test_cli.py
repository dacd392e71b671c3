"""The command line: runs on the seeds, writes both formats, reads back with pandas."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from extractor.cli import app, main
from extractor.schema import TABLES

from .conftest import SEEDS, leftovers


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result


def test_writes_six_tables_in_both_formats_with_declared_schema(seed_run):
    out, _ = seed_run
    for name, table in TABLES.items():
        parquet = pd.read_parquet(out / f"{name}.parquet")
        csv = pd.read_csv(out / f"{name}.csv")
        assert list(parquet.columns) == table.column_names
        assert list(csv.columns) == table.column_names
        assert len(parquet) == len(csv)
    assert not leftovers(out), "temporary files left behind"


def test_seed_officials_are_exactly_the_four(seed_run):
    out, _ = seed_run
    officials = pd.read_parquet(out / "officials.parquet")
    got = {(r.name, r.title, r.country) for r in officials.itertuples()}
    assert got == {
        ("Pham Binh Minh", "Deputy Prime Minister and Foreign Minister", "VNM"),
        ("Sergey Lavrov", "Foreign Minister", "RUS"),
        ("Nguyen Quoc Dung", "Deputy Minister of Foreign Affairs", "VNM"),
        ("Chen Xiaodong", "Assistant Minister of Foreign Affairs", "CHN"),
    }
    aliases = dict(zip(officials["name"], officials["aliases"].fillna(""), strict=True))
    assert "Minh" in aliases["Pham Binh Minh"].split("; ")
    assert "Lavrov" in aliases["Sergey Lavrov"].split("; ")


def test_seed_countries_dates_and_proposals(seed_run):
    out, _ = seed_run
    countries = pd.read_csv(out / "countries.csv")
    assert {"VNM", "RUS", "CHN"} <= set(countries["country"])
    dates = pd.read_csv(out / "dates.csv")
    june = dates[(dates["doc_id"] == "004_c4fdfc2fb429968a") & (dates["text"] == "June 17")]
    assert june["value"].tolist() == ["2020-06-17"]
    initiatives = pd.read_parquet(out / "initiatives.parquet")
    chinese = initiatives[
        (initiatives["doc_id"] == "000_a74d2f0911980dbe")
        & initiatives["proposer"].isin(["CHN", "Chen Xiaodong"])
    ]
    assert len(chinese) >= 5


def test_titles_table_splits_joined_titles_and_gives_roles(seed_run):
    out, _ = seed_run
    titles = pd.read_parquet(out / "titles.parquet")
    minh = titles[titles["name"] == "Pham Binh Minh"]
    assert set(minh["title"]) == {"Deputy Prime Minister", "Foreign Minister"}
    assert set(minh["role"]) == {"deputy prime minister", "foreign minister"}


def test_documents_table_has_published_and_status(seed_run):
    out, _ = seed_run
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    assert docs.loc["004_c4fdfc2fb429968a", "published"] == "2020-06-17"
    assert pd.isna(docs.loc["000_a74d2f0911980dbe", "published"])
    assert set(docs["status"]) == {"ok"}


def test_bad_path_is_one_line_error_and_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert exit_info.value.code == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_help_explains_every_option():
    result = CliRunner().invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--format", "--model", "--workers", "--max-chars", "--strict"):
        assert option in result.output
