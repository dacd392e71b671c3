"""Build models/actors.jsonl: office holders with their name forms, office, country and years.

    python models/sources/build_actors.py ../shared/reference models/actors.jsonl

Sources:
* ``phoenix/Phoenix.Countries.actors.txt`` and ``phoenix/Phoenix.International.actors.txt``
  (PETRARCH2's actor dictionaries, built by the Computational Event Data System project from
  CountryInfo, 2014; MIT licence, notice kept in models/actors.LICENSE): a person, other
  spellings on ``+`` lines, and role codes with date ranges (``[TURGOV >030314]``);
* ``officeholders/*.csv`` (Wikidata, CC0, 2021-2023) through models/officeholders.jsonl.

One row per term: ``name``, ``forms`` (the spellings that are names: titles such as
``PRIME_MINISTER_...`` and one-word forms are left out), ``office`` (the Wikidata position, or
the Phoenix sector: government, military, ...), ``country`` (ISO3; None for an international
body), ``start`` and ``end`` (years; None when open). Only entries for people are kept: an
entry is a person when a role code carries a sector after its country (``TURGOV``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SECTORS = {
    "GOV": "government",
    "MIL": "military",
    "ELI": "elite",
    "LEG": "legislature",
    "JUD": "judiciary",
    "OPP": "opposition",
    "PTY": "party",
    "COP": "police",
    "SPY": "intelligence",
    "BUS": "business",
    "MED": "media",
    "REB": "rebels",
    "CVL": "civilian",
    "REF": "refugees",
    "EDU": "education",
    "HLH": "health",
    "LAB": "labour",
    "AGR": "agriculture",
    "ENV": "environment",
    "CRM": "crime",
    "RAD": "radicals",
    "HRI": "human rights",
    "UAF": "armed group",
    "IGO": "international organisation",
    "NGO": "non-governmental organisation",
    "MNC": "company",
}
TITLE_WORDS = {
    "PRESIDENT",
    "MINISTER",
    "PRIME",
    "KING",
    "QUEEN",
    "PRINCE",
    "GENERAL",
    "SECRETARY",
    "CHAIRMAN",
    "LEADER",
    "FOREIGN",
    "SPEAKER",
    "GOVERNOR",
    "MAYOR",
    "SENATOR",
    "SHEIKH",
    "SULTAN",
    "EMIR",
    "CHIEF",
    "AMBASSADOR",
    "ENVOY",
    "COMMANDER",
    "DEPUTY",
    "VICE",
    "FORMER",
    "MR",
    "MRS",
    "DR",
    "SIR",
    "THE",
    "OF",
    "PM",
    "FM",
}
ROLE = re.compile(r"\[([A-Z]{3,})\s*([<>]?)\s*(\d{6,8})?(?:-(\d{6,8}))?\]")


def _year(stamp: str | None) -> int | None:
    if not stamp:
        return None
    digits = stamp.strip()
    if len(digits) == 8:  # YYYYMMDD (a few International entries)
        return int(digits[:4])
    yy = int(digits[:2])
    return 1900 + yy if yy > 30 else 2000 + yy


def _name(token: str) -> str | None:
    """A dictionary phrase as a person's name, or None when it is a title or one word."""
    words = [w for w in token.strip().strip("_").split("_") if w]
    if len(words) < 2 or any(w.upper() in TITLE_WORDS for w in words):
        return None
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def phoenix_entries(path: Path, countries: set[str]) -> list[dict]:
    rows: list[dict] = []
    name, forms, roles = None, [], []

    def flush() -> None:
        if name is None:
            return
        for code, sign, first, second in roles:
            country, sector = code[:3], code[3:6]
            if not sector:
                continue  # a country name or adjective, not a person
            if country == "IGO":
                country_code, office = None, "international organisation " + code[3:]
            elif country in countries:
                country_code, office = country, SECTORS.get(sector, sector.lower())
            else:
                continue
            start = end = None
            if sign == ">":
                start = _year(first)
            elif sign == "<":
                end = _year(first)
            elif first:
                start, end = _year(first), _year(second)
            rows.append(
                {
                    "name": name,
                    "forms": sorted(set(forms)),
                    "office": office,
                    "country": country_code,
                    "start": start,
                    "end": end,
                }
            )

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith(("\t", " ")) and ROLE.search(line):
            roles.extend(ROLE.findall(line))
            continue
        if line.startswith("+"):
            form = _name(line[1:].split("[", 1)[0])
            if form and name:
                forms.append(form)
            continue
        flush()
        head = line.split("[", 1)[0]
        name = _name(head)
        forms = [name] if name else []
        roles = ROLE.findall(line) if name else []
    flush()
    return rows


def main(reference: str, out: str) -> None:
    reference_dir, out_path = Path(reference), Path(out)
    models = Path(__file__).resolve().parents[1]  # models/
    with open(models / "countries.jsonl", encoding="utf-8") as fh:
        countries = {json.loads(line)["iso3"] for line in fh}
    rows = []
    with open(models / "officeholders.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            rows.append(
                {
                    "name": r["name"],
                    "forms": [r["name"]],
                    "office": r["position"],
                    "country": r["country"],
                    "start": int(r["start"]) if str(r["start"]).isdigit() else None,
                    "end": int(r["end"]) if str(r["end"]).isdigit() else None,
                }
            )
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        rows.extend(phoenix_entries(reference_dir / "phoenix" / name, countries))
    with open(out_path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    people = len({r["name"] for r in rows})
    print(f"{len(rows)} terms of {people} people")


if __name__ == "__main__":
    main(*sys.argv[1:3])
