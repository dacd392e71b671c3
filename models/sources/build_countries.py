"""Build ``models/countries.jsonl`` from the reference data in ``../shared/reference``.

Run once when the reference data changes::

    python models/sources/build_countries.py ../shared/reference models/countries.jsonl

Names, codes, alternative spellings and demonyms come from ``countries.json`` (ODbL, see
``models/countries.LICENSE``); adjectivals from ``demonyms_adjectivals.csv``; the hand-written
``countries_extra.json`` beside this script adds wire-copy short forms ("S. Korea", "DPRK") and
removes forms that are more often something else ("Jordan", "Chad" as people's names).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
KEEP_DEPENDENT = {"TWN", "PSE"}


def _short_alt(alt: str) -> bool:
    """Two-letter codes in altSpellings ("AW") are not names, but a few are used in news."""
    return len(alt) <= 3 and alt.isupper()


def build(reference: Path) -> list[dict]:
    """Return one record per country: iso3, name, names, adjectives."""
    raw = json.loads((reference / "countries.json").read_text(encoding="utf-8"))
    extra = json.loads((HERE / "countries_extra.json").read_text(encoding="utf-8"))
    adjectivals: dict[str, list[str]] = {}
    with open(reference / "demonyms_adjectivals.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            adjectivals[row["Entity Name"]] = [
                a.strip()
                for a in (row["Adjectival"] + "," + row["Demonym"]).split(",")
                if a.strip()
            ]
    by_official = {c["name"]["official"]: c for c in raw}
    by_common = {c["name"]["common"]: c for c in raw}
    records = []
    for c in raw:
        iso3 = c["cca3"]
        if not c.get("independent") and iso3 not in KEEP_DEPENDENT:
            continue
        names = {c["name"]["common"], c["name"]["official"]}
        names |= {a for a in c.get("altSpellings", []) if not _short_alt(a) and a.isascii()}
        adjectives = set()
        dem = c.get("demonyms", {}).get("eng", {})
        adjectives |= {v for v in dem.values() if v}
        records.append(
            {"iso3": iso3, "name": c["name"]["common"], "names": names, "adjectives": adjectives}
        )
    index = {r["iso3"]: r for r in records}
    for entity, forms in adjectivals.items():
        c = by_common.get(entity) or by_official.get(entity)
        if c is None:
            for cand in raw:
                if entity in (
                    cand["name"]["common"],
                    cand["name"]["official"],
                ) or entity in cand.get("altSpellings", []):
                    c = cand
                    break
        if c is not None and c["cca3"] in index:
            index[c["cca3"]]["adjectives"] |= set(forms)
    for iso3, add in extra["add"].items():
        index[iso3]["names"] |= set(add.get("names", []))
        index[iso3]["adjectives"] |= set(add.get("adjectives", []))
    for iso3, drop in extra["drop"].items():
        index[iso3]["names"] -= set(drop.get("names", []))
        index[iso3]["adjectives"] -= set(drop.get("adjectives", []))
    for name, form in extra.get("rename", {}).items():
        index[name]["name"] = form
    out = []
    for r in sorted(index.values(), key=lambda r: r["iso3"]):
        out.append(
            {
                "iso3": r["iso3"],
                "name": r["name"],
                "names": sorted(r["names"]),
                "adjectives": sorted(a for a in r["adjectives"] if a not in r["names"]),
            }
        )
    return out


def main(reference: str, target: str) -> None:
    records = build(Path(reference))
    with open(target, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} countries to {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
