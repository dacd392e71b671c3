"""The Dask engine gives the same rows as the local engine, as one Parquet dataset per table."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import StrictError
from extractor.run import run_extract
from extractor.schema import TABLE_NAMES

from .conftest import FIXTURES, SEEDS, leftovers

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def cluster():
    """A local cluster of two worker processes, shared by the tests of this module."""
    import logging

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.CRITICAL,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The fixture articles plus one empty file, so that a status row must travel too."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(FIXTURES / "articles", folder / "articles")
    (folder / "articles" / "zz-empty.txt").write_bytes(b"")
    return folder


def test_dask_tables_hold_the_local_engine_rows(cluster, corpus, tmp_path, nlp):
    from extractor.cluster import run_extract_dask

    local, remote = tmp_path / "local", tmp_path / "dask"
    expected = run_extract([corpus], local, formats=("parquet",))
    summary = run_extract_dask(
        [corpus], remote, scheduler=cluster.scheduler_address, partition_size=7
    )
    assert summary.documents == expected.documents == 51
    assert summary.failed == 1 and summary.failures == [("zz-empty", "error: empty")]
    assert summary.rows == expected.rows
    for name in TABLE_NAMES:
        parts = sorted((remote / name).glob("part-*.parquet"))
        assert len(parts) == 8, name  # ceil(51 / 7) partitions, one part file each
        dataset = pd.read_parquet(remote / name)
        assert dataset.equals(pd.read_parquet(local / f"{name}.parquet")), name
    with distributed.Client(cluster) as client:
        # (hits, misses) of the per-process pipeline cache on each worker: loaded once each
        calls = client.run(
            lambda: tuple(__import__("extractor.pipeline").pipeline.cached_nlp.cache_info())[:2]
        )
    assert len(calls) == 2 and all(misses == 1 for _, misses in calls.values())
    assert sum(hits + misses for hits, misses in calls.values()) == 8
    assert not leftovers(remote)


def test_dask_strict_stops_and_replaces_nothing(cluster, corpus, tmp_path):
    from extractor.cluster import run_extract_dask

    run_extract_dask([SEEDS], tmp_path, scheduler=cluster.scheduler_address)
    before = pd.read_parquet(tmp_path / "officials")
    with pytest.raises(StrictError):
        run_extract_dask(
            [corpus], tmp_path, scheduler=cluster.scheduler_address, partition_size=7, strict=True
        )
    assert pd.read_parquet(tmp_path / "officials").equals(before)
    assert not leftovers(tmp_path)


def test_cli_dask_engine_starts_its_own_cluster(tmp_path):
    result = CliRunner().invoke(
        app, ["run", str(SEEDS), "--out", str(tmp_path), "--engine", "dask", "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    officials = pd.read_parquet(tmp_path / "officials")
    assert "Sergey Lavrov" in set(officials["name"])
    assert len(pd.read_parquet(tmp_path / "documents")) == 2


def test_cli_dask_engine_refuses_csv(tmp_path):
    result = CliRunner().invoke(
        app, ["run", str(SEEDS), "--out", str(tmp_path), "--engine", "dask", "--format", "csv"]
    )
    assert result.exit_code == 2
    assert "Parquet" in result.output
