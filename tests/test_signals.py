"""Signals stop a run cleanly (#16 case 5): SIGTERM and SIGHUP like SIGINT, workers stopped,
no staging left, the previous tables intact, exit 128 + signal; no worker outlives a SIGKILL."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, leftovers

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found |= {int(c) for c in text.split()}
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Enough articles for a run of a minute or more: the signal always arrives mid-run."""
    folder = tmp_path_factory.mktemp("corpus")
    text = (SEEDS / "004_c4fdfc2fb429968a.txt").read_text()
    with open(folder / "many.jsonl", "w") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    return folder


@pytest.fixture(scope="module")
def earlier(tmp_path_factory):
    """Tables of an earlier run (the seeds), written by the CLI in a subprocess."""
    out = tmp_path_factory.mktemp("earlier")
    subprocess.run(
        [sys.executable, "-m", "extractor", str(SEEDS), "--out", str(out), "-q"],
        check=True,
        cwd=ROOT,
    )
    return out


def start_run(corpus: Path, out: Path) -> tuple[subprocess.Popen, set[int]]:
    """Start ``extract`` with two workers; return once both are busy."""
    process = subprocess.Popen(
        [sys.executable, "-m", "extractor", str(corpus), "--out", str(out), "--workers", "2"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = children(process.pid)
        staged = list(out.glob(".extractor-staging-*/new/documents.csv"))
        if len(workers) >= 2 and staged and staged[0].stat().st_size > 0:
            return process, workers
        assert process.poll() is None, process.communicate()
        time.sleep(0.2)
    process.kill()
    raise AssertionError("the run did not start its workers")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_signal_stops_the_run_and_leaves_the_previous_tables(corpus, earlier, tmp_path, signum):
    out = tmp_path / "out"
    out.mkdir()
    for path in earlier.iterdir():
        (out / path.name).write_bytes(path.read_bytes())
    before = snapshot(out)
    process, workers = start_run(corpus, out)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, stderr
    assert f"stopped by {signal.Signals(signum).name}" in stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert snapshot(out) == before
    assert not leftovers(out)
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(w) for w in workers), "a worker outlived its run"


def test_no_worker_survives_a_sigkill_of_its_parent(corpus, earlier, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for path in earlier.iterdir():
        (out / path.name).write_bytes(path.read_bytes())
    before = snapshot(out)
    process, workers = start_run(corpus, out)
    process.kill()
    process.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(w) for w in workers), "a worker outlived its killed parent"
    assert snapshot(out) == before  # the staging folder is left, the tables are not touched
    assert leftovers(out)
    subprocess.run(
        [sys.executable, "-m", "extractor", str(SEEDS), "--out", str(out), "-q"],
        check=True,
        cwd=ROOT,
    )
    assert not leftovers(out)  # the next run removed what the killed one left
