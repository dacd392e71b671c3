"""Time and peak memory of one article by length: should grow about linearly.

    python benchmarks/long_articles.py ../shared/corpus/newswire.jsonl [--sizes 125000,...]

Each size runs in a fresh process (model loading excluded from the time): one article made of
the corpus's stories joined by blank lines, cut to that many characters, through the whole
pipeline and into rows, as ``extract`` processes it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CHILD = r"""
import json, resource, sys, time
from extractor.pipeline import cached_nlp
from extractor.reader import article_from_text
from extractor.run import _rows_of
nlp = cached_nlp()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
big = "\n\n".join(texts)
size = int(sys.argv[2])
assert len(big) >= size, f"corpus has only {len(big):,} characters"
article = article_from_text("long", "long", big[:size], max_chars=10**9)
started = time.perf_counter()
rows = _rows_of([article], nlp, 64)[0]
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"chars": size, "seconds": seconds, "peak_mb": peak,
                  "status": rows["documents"][0]["status"],
                  "officials": len(rows["officials"])}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--sizes", default="125000,250000,500000,1000000,2000000")
    args = parser.parse_args()
    print(f"{'characters':>12} {'seconds':>8} {'s / 100k':>9} {'peak MB':>8}  status")
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, args.corpus, str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        per = r["seconds"] / r["chars"] * 100_000
        line = f"{r['chars']:>12,} {r['seconds']:>8.1f} {per:>9.2f} {r['peak_mb']:>8.0f}"
        print(f"{line}  {r['status']}")


if __name__ == "__main__":
    main()
