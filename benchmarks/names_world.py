"""Person names in global English: the recogniser the product uses, scored on the English
Worldwide Newswire annotations (``../shared/corpus/world/ner/``).

    python benchmarks/names_world.py ../shared/corpus/world/ner \\
        --split ../shared/corpus/world/ner_split.json:test

Each TSV holds one token and its tag a line (BIO or BIOES; ``Person`` is the label scored; a
name nested in another has a second, inner tag, and the outer one is scored) and a blank line
between sentences. The tokens are joined with spaces (a line break between sentences), the
product's pipeline runs on that text (its statistical components and the name rules that mend
their entities, ``components/names.py``; not the rules that write the tables), and its PERSON
entities are compared with the gold Person spans by exact character offsets. Prints precision,
recall and F1, and ``person_f1=...`` last.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def read_tsv(path: Path) -> tuple[str, set[tuple[int, int]]]:
    """The text of one annotated article and its gold Person spans (character offsets)."""
    parts: list[str] = []
    spans: set[tuple[int, int]] = set()
    offset, start, end = 0, None, None

    def close() -> None:
        nonlocal start, end
        if start is not None:
            spans.add((start, end))
        start = end = None

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            close()
            if parts and parts[-1] != "\n":
                parts.append("\n")
                offset += 1
            continue
        # token, its tag, and for a name inside a name a second, inner tag ("Nelson  I-Misc
        # B-Person" in "Nelson Mandela Day"): a flat recogniser is scored on the outer one
        token, *tags = line.split("\t")
        tag = tags[0] if tags else "O"
        if parts and parts[-1] != "\n":
            parts.append(" ")
            offset += 1
        prefix, _, label = tag.partition("-")
        if label == "Person" and prefix in ("B", "S"):
            close()
            start = offset
        elif not (label == "Person" and prefix in ("I", "E")):
            close()
        parts.append(token)
        offset += len(token)
        if label == "Person":
            end = offset
            if prefix in ("E", "S"):
                close()
    close()
    return "".join(parts), spans


def split_paths(tsv_dir: Path, split: str | None = None) -> list[Path]:
    """The TSVs of ``tsv_dir``, or of one key of a split file ("ner_split.json:test")."""
    paths = sorted(tsv_dir.glob("*.tsv"))
    if split:
        file, _, key = split.rpartition(":")
        wanted = set(json.loads(Path(file).read_text(encoding="utf-8"))[key])
        paths = [p for p in paths if p.stem in wanted]
    return paths


def score(paths: list[Path], nlp) -> tuple[int, int, int]:
    """(exact matches, predicted, gold) PERSON spans of ``nlp`` on the TSVs, with the
    pipeline's statistical components and name rules and without the table rules."""
    from extractor.pipeline import FACT_RULES

    docs = [read_tsv(p) for p in paths]
    tp = pred = gold = 0
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n in FACT_RULES]):
        for (_, spans), doc in zip(docs, nlp.pipe(t for t, _ in docs), strict=True):
            found = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
            tp += len(found & spans)
            pred += len(found)
            gold += len(spans)
    return tp, pred, gold


def f1(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    both = precision + recall
    return precision, recall, (2 * precision * recall / both if both else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv_dir", type=Path)
    parser.add_argument("--split", help="FILE:KEY, e.g. ner_split.json:test (default: all)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the product's)")
    args = parser.parse_args()
    paths = split_paths(args.tsv_dir, args.split)
    if not paths:
        sys.exit("no TSV files to score")
    from extractor.pipeline import DEFAULT_MODEL, cached_nlp

    tp, pred, gold = score(paths, cached_nlp(args.model or DEFAULT_MODEL))
    precision, recall, person_f1 = f1(tp, pred, gold)
    print(f"{len(paths)} articles, {gold} gold person names, {pred} predicted, {tp} exact")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    print(f"person_f1={person_f1:.3f}")


if __name__ == "__main__":
    main()
