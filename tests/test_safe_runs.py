"""Nothing lost, nothing overwritten, nothing left behind: one test per case of issue #16,
named after what broke."""

from __future__ import annotations

import errno
import json
import os
import shutil

import pandas as pd
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import OutputError
from extractor.inputs import scan
from extractor.outdir import JOURNAL, MANIFEST, OutputFolder, output_names
from extractor.reader import decode, read_articles, read_file
from extractor.run import run_extract
from extractor.schema import TABLES
from extractor.writer import neutralise_formulas, restore_formulas

from .conftest import SEEDS, leftovers

SEED = SEEDS / "004_c4fdfc2fb429968a.txt"


def snapshot(folder):
    """Every file under ``folder`` with its bytes (the lock file aside: it is empty)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".extractor.lock"
    }


@pytest.fixture(scope="module")
def earlier_run(tmp_path_factory, nlp):
    """An output folder holding the seed run's tables, to copy into each test."""
    out = tmp_path_factory.mktemp("earlier")
    run_extract([SEEDS], out)
    return out


@pytest.fixture()
def out(earlier_run, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(earlier_run, folder)
    return folder


# ------------------------------------------------------------ 1, 4, 12, 13: the folder is ours


def test_users_folder_named_like_a_table_is_never_deleted(out, nlp):
    """Case 1: a user's officials/ folder (input files in it) beside an earlier run's tables."""
    users = out / "officials"
    users.mkdir()
    shutil.copy(SEED, users / "mine.txt")
    run_extract([users], out)
    assert (users / "mine.txt").read_bytes() == SEED.read_bytes()
    assert pd.read_parquet(out / "documents.parquet").doc_id.tolist() == ["mine"]


def test_dask_engine_never_deletes_a_users_folder_named_like_a_table(tmp_path):
    """Case 1, as reported: extract d --out d --engine dask removed d/documents/ and the input
    files in it, exit 0. Now the run stops before it starts a cluster, and nothing is touched."""
    users = tmp_path / "d" / "documents"
    users.mkdir(parents=True)
    shutil.copy(SEED, users / "000.txt")
    before = snapshot(tmp_path / "d")
    result = CliRunner().invoke(
        app,
        ["run", str(tmp_path / "d"), "--out", str(tmp_path / "d"), "--engine", "dask", "-q"],
    )
    assert result.exit_code == 2
    assert "did not write" in result.output
    assert snapshot(tmp_path / "d") == before
    assert not leftovers(tmp_path / "d")


def test_users_file_where_a_table_goes_stops_the_run_before_any_work(out, nlp):
    (out / "officials.csv").write_text("my own notes\n")
    before = snapshot(out)
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(out), "--quiet"])
    assert result.exit_code == 2
    assert "did not write" in result.output
    assert snapshot(out) == before


def test_dask_obstacle_is_found_before_any_table_is_replaced(tmp_path):
    """Case 4: a file at out/countries used to be found at commit time, after documents,
    officials and titles had been replaced."""
    from extractor.cluster import run_extract_dask

    (tmp_path / "countries").write_text("not a dataset")
    before = snapshot(tmp_path)
    with pytest.raises(OutputError, match="did not write"):
        run_extract_dask([SEEDS], tmp_path, workers=1)
    assert snapshot(tmp_path) == before
    assert not leftovers(tmp_path)


def test_second_run_into_the_same_folder_fails_fast(out, nlp):
    """Case 4: two runs into one --out used to interleave their tables."""
    with OutputFolder(out, output_names(("csv",))):
        result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(out), "--quiet"])
    assert result.exit_code == 2
    assert "another extract run" in result.output


def test_commit_killed_half_way_is_finished_by_the_next_run(out, monkeypatch):
    """Case 4: the set is swapped in by a journalled commit, never left half old, half new."""
    names = output_names(("csv",))
    folder = OutputFolder(out, names).open()
    header = {n: ",".join(f'"{c}"' for c in TABLES[n.split(".")[0]].column_names) for n in names}
    for name in names:
        folder.path(name).write_text(header[name] + "\n")  # an empty table: not the old one
    real_replace, calls = os.replace, []

    def dies_on_the_fourth_move(src, dst):
        calls.append(dst)
        if len(calls) == 4:
            raise KeyboardInterrupt  # as a SIGKILL would, half-way through the moves
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", dies_on_the_fourth_move)
    with pytest.raises(KeyboardInterrupt):
        folder.commit()
    monkeypatch.setattr(os, "replace", real_replace)
    folder.close()
    assert (out / JOURNAL).exists()
    with OutputFolder(out, names):  # the next run opens the folder: the commit is finished
        pass
    for name in names:
        assert (out / name).read_text() == header[name] + "\n"
    assert not (out / "officials.parquet").exists()  # retired by the journalled commit
    assert json.loads((out / MANIFEST).read_text())["entries"] == dict.fromkeys(names, "file")
    assert not leftovers(out)


def test_stale_staging_of_a_killed_run_is_removed_by_the_next(out, nlp):
    """Case 5: SIGTERM or SIGKILL used to leave twelve hidden .tmp files for ever."""
    (out / ".extractor-staging-0123456789ab" / "new").mkdir(parents=True)
    (out / ".officials.csv.0123abcd.tmp").write_text("old-style temporary file")
    run_extract([SEEDS], out)
    assert not leftovers(out)


def test_when_every_input_fails_the_previous_tables_stay(out, tmp_path, nlp):
    """Case 12: exit 3 used to replace the tables with empty ones."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02")
    before = snapshot(out)
    result = CliRunner().invoke(app, ["run", str(bad), "--out", str(out), "--quiet"])
    assert result.exit_code == 3
    assert "left as they were" in result.output
    assert snapshot(out) == before


def test_changing_format_removes_own_earlier_outputs_only(out, nlp):
    """Case 13: --format csv into a folder with an earlier run's Parquet used to leave both."""
    mine = out / "documents.parquet.bak"
    mine.write_text("a user's file that merely looks similar")
    result = CliRunner().invoke(
        app, ["run", str(SEED), "--out", str(out), "--format", "csv", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert not list(out.glob("*.parquet"))
    assert len(pd.read_csv(out / "documents.csv")) == 1
    assert mine.exists()


def test_own_dask_datasets_are_retired_but_a_users_folder_is_kept(out, nlp):
    """Case 13: local and dask outputs of the same name used to sit side by side."""
    dataset = out / "dates"
    dataset.mkdir()
    pa_table = pa.table({"x": [1]})
    import pyarrow.parquet as pq

    pq.write_table(pa_table, dataset / "part-00000.parquet")
    users = out / "titles"
    users.mkdir()
    (users / "notes.txt").write_text("mine")
    run_extract([SEED], out, formats=("parquet",))
    assert not dataset.exists()
    assert (users / "notes.txt").read_text() == "mine"


# ------------------------------------------------------------ 3, 6, 11: inputs


def test_file_name_that_is_not_utf8_is_kept_as_escapes(tmp_path, nlp):
    """Case 3: a non-UTF-8 name used to abort the run in the Parquet writer."""
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9 report.txt")
    shutil.copy(SEED, folder / name)
    summary = run_extract([folder], tmp_path / "out")
    assert summary.ok == 1
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert docs.doc_id.tolist() == ["caf\\xe9 report"]
    assert docs.source.iloc[0].endswith("caf\\xe9 report.txt")


def test_duplicate_doc_ids_are_made_unique(tmp_path, nlp):
    """Case 6: a/1.txt and b/1.txt, two JSONL records with one id, x.txt beside x.jsonl."""
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(SEED, tmp_path / sub / "1.txt")
    shutil.copy(SEED, tmp_path / "x.txt")
    record = {"id": "x", "text": "Foreign Minister Li Zhaoxing spoke Monday."}
    (tmp_path / "x.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(record) + "\n")
    articles = list(read_articles([tmp_path]))
    ids = [a.doc_id for a in articles]
    assert ids == ["1", "b/1", "x", "x:2", "x.txt"]  # sorted: x.jsonl comes before x.txt
    assert articles[1].status == "ok: doc_id '1' was already used; renamed"
    assert len(set(ids)) == len(ids)


def test_fifo_named_on_the_command_line_gets_a_status_instead_of_hanging(tmp_path):
    """Case 11: a FIFO used to block the run for ever."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (article,) = read_file(fifo)
    assert article.status == "error: not a regular file (FIFO)"


def test_hidden_and_extensionless_files_in_folders_are_skipped_and_counted(tmp_path):
    """Case 11: a git repository as input used to give rows for .git/HEAD and objects/*."""
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / "README").write_text("no extension")
    (tmp_path / ".draft.txt").write_text("hidden")
    (tmp_path / "sheet.xlsx").write_text("cells")
    os.mkfifo(tmp_path / "pipe.txt")
    shutil.copy(SEED, tmp_path / "story.txt")
    inputs = scan([tmp_path])
    assert [p.name for p, _ in inputs.files] == ["story.txt"]
    assert inputs.skipped_by_reason() == {
        "hidden": 2,
        "not a regular file": 1,
        "unsupported type (.xlsx)": 1,
        "unsupported type (no extension)": 1,
    }


def test_skipped_inputs_are_reported_in_the_summary(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    shutil.copy(SEED, tmp_path / "in" / "story.txt")
    (tmp_path / "in" / "sheet.xlsx").write_text("cells")
    result = CliRunner().invoke(
        app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--verbose"]
    )
    assert result.exit_code == 0, result.output
    assert "inputs skipped: 1 (1 unsupported type (.xlsx))" in result.output
    assert "sheet.xlsx: unsupported type (.xlsx)" in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be"])
def test_utf16_and_utf32_with_bom_are_decoded(encoding):
    """Case 11: UTF-16 with BOM used to be rejected as binary."""
    text = "Foreign Minister Li Zhaoxing spoke."
    # utf-16 and utf-32 write their own byte-order mark; utf-16-be needs one given
    data = ("\ufeff" + text if encoding == "utf-16-be" else text).encode(encoding)
    text, status = decode(data)
    assert text is not None and "Li" in text and "\ufeff" not in text
    assert status.startswith("ok: decoded as UTF-")


def test_nul_byte_after_the_first_64_kib_is_binary():
    """Case 11: only the first 64 KiB used to be checked."""
    text, status = decode(b"word " * 20_000 + b"\x00")
    assert text is None and status == "error: binary (NUL bytes)"


# ------------------------------------------------------------ 7: CSV formulas


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path, nlp):
    """Case 7: =HYPERLINK(...) in a title used to be written as is."""
    (tmp_path / "in").mkdir()
    story = 'date 2020-06-17 =HYPERLINK("http://x","click")\n' + SEED.read_text().split("\n", 1)[1]
    (tmp_path / "in" / "@evil.txt").write_text(story)
    run_extract([tmp_path / "in"], tmp_path / "out")
    csv = pd.read_csv(tmp_path / "out" / "documents.csv")
    parquet = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert csv.title.iloc[0] == '\'=HYPERLINK("http://x","click")'
    assert csv.doc_id.iloc[0] == "'@evil"
    assert parquet.title.iloc[0] == '=HYPERLINK("http://x","click")'


def test_formula_neutralisation_round_trips():
    table = pa.table({"a": ["=1+1", "+x", "-y", "@z", "\tt", "ok", None, "a=b"], "n": range(8)})
    safe = neutralise_formulas(table)
    assert safe.column("a").to_pylist()[:6] == ["'=1+1", "'+x", "'-y", "'@z", "'\tt", "ok"]
    assert safe.column("a").to_pylist()[6:] == [None, "a=b"]
    assert restore_formulas(safe).equals(table)


# ------------------------------------------------------------ 8: the local cluster


def test_local_dask_cluster_listens_on_loopback_only_without_dashboard():
    """Case 8: the dashboard used to bind 0.0.0.0 without auth."""
    from extractor.cluster import _client

    client, cluster = _client(None, 1)
    try:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        sockets = cluster.scheduler.http_server._sockets.values()
        assert sockets and {s.getsockname()[0] for s in sockets} == {"127.0.0.1"}
        for worker in cluster.workers.values():
            assert worker.address.startswith("tcp://127.0.0.1:")
    finally:
        client.close()
        cluster.close()


# ------------------------------------------------------------ 9: terminal output


def test_markup_and_escape_sequences_in_names_do_not_reach_rich(tmp_path, nlp):
    """Case 9: '[/x]' in a doc id crashed rich output (MarkupError); ESC reached the terminal."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "\x1b]0;pwned\x07.txt").write_bytes(b"")  # empty: it fails
    (tmp_path / "in" / "ids.jsonl").write_text(json.dumps({"id": "[/x]", "text": ""}) + "\n")
    shutil.copy(SEED, tmp_path / "in" / "[bold]ok.txt")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1, result.output
    assert "[/x]" in result.output
    assert "\x1b]" not in result.output and "\u241b]0;pwned\u2407" in result.output


def test_show_prints_markup_in_extracted_text_literally(tmp_path, nlp):
    path = tmp_path / "story.txt"
    path.write_text(SEED.read_text().replace("Pham Binh Minh", "Pham [/b] Minh", 1))
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 0, result.output
    assert "[/b]" in result.output


# ------------------------------------------------------------ 10: disk full


def test_disk_full_gives_one_line_exit_2_and_previous_tables(out, nlp, monkeypatch):
    """Case 10: disk full used to give a 48-line traceback and exit 1."""
    import pyarrow.parquet as pq

    def full(self, table, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    before = snapshot(out)
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(out), "--quiet"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "No space left on device" in lines[0]
    assert snapshot(out) == before
    assert not leftovers(out)


def test_dask_engine_without_its_extra_says_how_to_install_it(monkeypatch, tmp_path):
    """Packaging: dask is the [cluster] extra; without it, a clear message, not a traceback."""
    import sys

    from extractor.cluster import run_extract_dask
    from extractor.errors import InputError

    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import fails
    with pytest.raises(InputError, match=r"\[cluster\]"):
        run_extract_dask([SEEDS], tmp_path / "out")
    assert not (tmp_path / "out").exists()
