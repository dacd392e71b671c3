"""Bad input never stops a run or loses another article's rows; output is atomic and stable."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.reader import read_file
from extractor.run import run_extract

from .conftest import SEEDS, leftovers

BAD_FILES = {
    "empty.txt": (b"", "error: empty"),
    "blank.txt": (b"  \n\n ", "error: empty"),
    "nul.txt": (b"abc\x00\x00def", "error: binary (NUL bytes)"),
    "fake.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "error: unreadable PDF (PdfStreamError)"),
    "windows.txt": (
        "Caf\u00e9 talks in Hanoi on Monday.".encode("cp1252"),
        "ok: decoded as cp1252",
    ),
    "bom.txt": (b"\xef\xbb\xbfHanoi (VNA) - Talks.\r\nMore text.\r\n", "ok"),
    "page.html": (
        b"<html><head><title>T</title><script>x()</script></head><body><p>"
        b"President Ho spoke.</p></body></html>",
        "ok: text taken from HTML",
    ),
}


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    shutil.copytree(SEEDS, folder / "seeds")
    for name, (data, _) in BAD_FILES.items():
        (folder / name).write_bytes(data)
    lines = [
        json.dumps({"id": "good", "text": "Foreign Minister Li Zhaoxing spoke Monday."}),
        "{not json",
        json.dumps({"id": "notext"}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "huge.txt").write_text("word " * 3000)
    return folder


@pytest.fixture(scope="module")
def bad_run(bad_folder, tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        app, ["run", str(bad_folder), "--out", str(out), "--max-chars", "10000", "--quiet"]
    )
    return out, result


def test_some_failed_exit_code_and_status_rows(bad_run):
    out, result = bad_run
    assert result.exit_code == 1
    docs = pd.read_csv(out / "documents.csv").set_index("doc_id")
    for name, (_, status) in BAD_FILES.items():
        assert docs.loc[name.split(".")[0], "status"] == status
    assert docs.loc["batch:2", "status"].startswith("error: broken JSONL line 2")
    assert docs.loc["notext", "status"].startswith("error: no text (looked for text, maintext")
    assert docs.loc["huge", "status"].startswith("error: too large")
    assert docs.loc["good", "status"] == "ok"


def test_good_articles_keep_all_their_rows(bad_run, seed_tables):
    out, _ = bad_run
    officials = pd.read_parquet(out / "officials.parquet")
    for doc_id, group in seed_tables["officials"].groupby("doc_id"):
        assert set(officials[officials["doc_id"] == doc_id]["name"]) == set(group["name"])
    assert "Li Zhaoxing" in set(officials["name"])


def test_second_run_gives_byte_identical_csv(bad_folder, bad_run, tmp_path):
    out, _ = bad_run
    run_extract([bad_folder], tmp_path, max_chars=10000)
    for csv in out.glob("*.csv"):
        assert (tmp_path / csv.name).read_bytes() == csv.read_bytes(), csv.name


def test_strict_stops_and_leaves_previous_tables(bad_folder, tmp_path, nlp):
    run_extract([SEEDS], tmp_path)
    before = (tmp_path / "officials.csv").read_bytes()
    result = CliRunner().invoke(
        app, ["run", str(bad_folder), "--out", str(tmp_path), "--strict", "--quiet"]
    )
    assert result.exit_code == 4
    assert (tmp_path / "officials.csv").read_bytes() == before
    assert not leftovers(tmp_path)


def test_unwritable_output_is_reported_before_work(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(blocker / "out")])
    assert result.exit_code == 2


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2000))
def test_reader_survives_arbitrary_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "any.txt"
    path.write_bytes(data)
    articles = list(read_file(path))
    assert len(articles) == 1
    assert articles[0].ok or articles[0].status.startswith("error:")


def test_unreadable_file_gets_a_status_row(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("text")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    (article,) = read_file(path)
    assert article.status == "error: unreadable (permission denied)"


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_run_leaves_previous_tables_and_no_temp_files(
    bad_folder, tmp_path, nlp, workers
):
    import multiprocessing

    run_extract([SEEDS], tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    seen = []

    def interrupt(rows):
        seen.append(rows)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_extract(
            [bad_folder, SEEDS],
            tmp_path,
            max_chars=10000,
            on_document=interrupt,
            batch_size=1,
            workers=workers,
        )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert multiprocessing.active_children() == []  # no worker left running


def test_a_worker_that_dies_fails_the_run_with_a_message(bad_folder, tmp_path, nlp, monkeypatch):
    import os

    from extractor import run as run_module
    from extractor.errors import ExtractorError

    def die(articles, nlp, batch_size):
        os._exit(9)  # as the kernel's out-of-memory killer would

    monkeypatch.setattr(run_module, "_rows_of", die)  # the forked workers inherit it
    with pytest.raises(ExtractorError, match="worker process"):
        run_extract([bad_folder], tmp_path, max_chars=10000, workers=2)
    assert not leftovers(tmp_path)
