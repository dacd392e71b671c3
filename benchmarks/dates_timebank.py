"""Date detection and normalisation on TimeBank 1.2 / AQUAINT (TempEval-3) newswire.

Gold: TIMEX3 expressions of type DATE whose value is a calendar day, month, year or ISO week
(``1998-02-06``, ``1998-02``, ``1998``, ``1998-W06``). A prediction matches a gold expression when
their character spans overlap (one to one); its value is right when it equals the gold value.

Two figures are printed. "strict" counts every prediction with a calendar value. "calendar subset"
sets aside, as out of scope, predictions that overlap a gold TIMEX3 outside that subset ("a year
ago" annotated as the quarter 1988-Q3, "today" as PRESENT_REF, a DURATION or a TIME): they are
neither rewarded nor penalised, as LABELLING.md does with optional entries.

    python benchmarks/dates_timebank.py ../shared/dates/timebank_aquaint.jsonl [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import time

from extractor.evaluate import Counts
from extractor.pipeline import cached_nlp
from extractor.reader import Article
from extractor.run import make_doc

CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")


def gold_dates(record: dict) -> list[dict]:
    return [
        t for t in record["timexes"] if t["type"] == "DATE" and CALENDAR.match(t["value"] or "")
    ]


def score_records(records: list[dict], nlp, report=None) -> dict[str, Counts]:
    """Span and value counts, calendar subset and strict; ``report(line)`` hears every miss."""
    span, value = Counts(), Counts()
    strict_span, strict_value = Counts(), Counts()
    for record in records:
        article = Article(record["id"], "timebank", record["text"], None, record["published"])
        doc = nlp(make_doc(nlp, article))
        gold = gold_dates(record)
        pred = [d for d in doc._.dates if CALENDAR.match(d["value"])]
        used, tp_span, tp_value = set(), 0, 0
        for g in gold:
            match = next(
                (
                    i
                    for i, p in enumerate(pred)
                    if i not in used and p["start"] < g["end"] and g["start"] < p["end"]
                ),
                None,
            )
            if match is None:
                if report:
                    report(f"{record['id']}: missed {g['text']!r} = {g['value']}")
                continue
            used.add(match)
            tp_span += 1
            if pred[match]["value"] == g["value"]:
                tp_value += 1
            elif report:
                report(
                    f"{record['id']}: {pred[match]['text']!r} = {pred[match]['value']} "
                    f"(gold {g['value']})"
                )
        others = [t for t in record["timexes"] if t not in gold]
        out_of_scope = 0
        for i, p in enumerate(pred):
            if i in used:
                continue
            other = next(
                (t for t in others if p["start"] < t["end"] and t["start"] < p["end"]), None
            )
            if other is not None:
                out_of_scope += 1
            if report:
                note = f" (out of scope: gold {other['type']} {other['value']})" if other else ""
                report(f"{record['id']}: extra {p['text']!r} = {p['value']}{note}")
        span.add(tp_span, len(pred) - out_of_scope, len(gold))
        value.add(tp_value, len(pred) - out_of_scope, len(gold))
        strict_span.add(tp_span, len(pred), len(gold))
        strict_value.add(tp_value, len(pred), len(gold))
    return {"span": span, "value": value, "strict_span": strict_span, "strict_value": strict_value}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    args = parser.parse_args()
    nlp = cached_nlp()
    with open(args.corpus, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    started = time.perf_counter()
    counts = score_records(records, nlp, print if args.errors else None)
    seconds = time.perf_counter() - started
    span = counts["span"]
    print(
        f"documents: {len(records)}  gold calendar dates: {span.gold}  "
        f"predicted: {span.pred}  ({seconds / len(records) * 1000:.0f} ms/document)"
    )
    for name, (s, v) in {
        "calendar subset": (counts["span"], counts["value"]),
        "strict": (counts["strict_span"], counts["strict_value"]),
    }.items():
        print(f"{name}:")
        print(f"  span  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
        print(f"  value P {v.precision:.3f}  R {v.recall:.3f}  F1 {v.f1:.3f}")


if __name__ == "__main__":
    main()
