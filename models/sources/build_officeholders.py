"""Build ``models/officeholders.jsonl`` from the Wikidata snapshots (CC0) in
``../shared/reference/officeholders``: heads of state and government 2021-22, foreign ministers
January 2023, heads of international organisations (country null).

    python models/sources/build_officeholders.py ../shared/reference models/officeholders.jsonl
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

# positions in intl_org_holders.csv held by a state's own envoy are not international offices
NATIONAL_POSITIONS = ("Permanent Representative",)


def country_codes(models: Path) -> dict[str, str]:
    codes = {}
    with open(models / "countries.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for name in [row["name"], *row["names"]]:
                codes[name] = row["iso3"]
    return codes


def build(reference: Path, models: Path) -> list[dict]:
    codes = country_codes(models)
    folder = reference / "officeholders"
    rows: list[dict] = []
    with open(folder / "world_leaders_2021_wikidata.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["officeholderLabel"] and r["country"] in codes:
                rows.append(
                    {
                        "name": r["officeholderLabel"],
                        "country": codes[r["country"]],
                        "position": r["positionLabel"],
                        "start": r["start_year"],
                        "end": r["end_year"],
                    }
                )
    with open(folder / "current_foreign_ministers_2023-01_wikidata.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["name"] and r["countryLabel"] in codes:
                rows.append(
                    {
                        "name": r["name"],
                        "country": codes[r["countryLabel"]],
                        "position": r["positionLabel"],
                        "start": r["start"][:4],
                        "end": "",
                    }
                )
    with open(folder / "intl_org_holders.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["person"] and not r["position"].startswith(NATIONAL_POSITIONS):
                rows.append(
                    {
                        "name": r["person"],
                        "country": None,
                        "position": r["position"],
                        "start": r["start"][:4],
                        "end": r["end"][:4],
                    }
                )
    return sorted(rows, key=lambda r: (r["name"], r["position"]))


def main(reference: str, target: str) -> None:
    rows = build(Path(reference), Path(target).parent)
    with open(target, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} office holders to {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
