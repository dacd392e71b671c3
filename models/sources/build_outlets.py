"""Build models/outlets.jsonl: news outlets by web domain, with the country they report from.

    python models/sources/build_outlets.py \
        ../shared/corpus/world/articles.jsonl models/outlets.jsonl

The world corpus's ids start with the dataset's label for the outlet's country or region
(``eg_today_1`` for Egypt Today); each url's host is mapped to that country. Regional labels
(``af``, ``asia``, ``panaf``) give no country, nor does a host seen under two countries. A few
hosts are set by hand where the label names the story's country, not the outlet's.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from urllib.parse import urlsplit

# the dataset's country labels (id prefixes) -> ISO3; regional labels -> None
LABELS = {
    "af": None,
    "afs": None,
    "alg": "DZA",
    "arg": "ARG",
    "asia": None,
    "aus": "AUS",
    "bangladesh": "BGD",
    "bol": "BOL",
    "canada": "CAN",
    "chile": "CHL",
    "cn": "CHN",
    "col": "COL",
    "cosric": "CRI",
    "cosrica": "CRI",
    "cuba": "CUB",
    "ecuador": "ECU",
    "eg": "EGY",
    "elsalv": "SLV",
    "et": "ETH",
    "ghana": "GHA",
    "guyana": "GUY",
    "hond": "HND",
    "in": "IND",
    "iran": "IRN",
    "israel": "ISR",
    "jp": "JPN",
    "jr": "JOR",
    "kenya": "KEN",
    "kr": "KOR",
    "kw": "KWT",
    "mauritius": "MUS",
    "mex": "MEX",
    "mong": "MNG",
    "my": "MYS",
    "nic": "NIC",
    "nm": "NAM",
    "nz": "NZL",
    "oman": "OMN",
    "pan": "PAN",
    "panaf": None,
    "paraguay": "PRY",
    "peru": "PER",
    "pk": "PAK",
    "qt": "QAT",
    "sa": "ZAF",
    "saud": "SAU",
    "th": "THA",
    "tw": "TWN",
    "uae": "ARE",
    "uruguay": "URY",
    "ven": "VEN",
}
# where the label is the story's country, not the outlet's, or the outlet is international
BY_HAND = {
    # international outlets report from everywhere: no home country
    "time.com": ("Time", None),
    "aljazeera.com": ("Al Jazeera", None),
    "english.news.cn": ("Xinhua", "CHN"),
    # the dataset lists Gulf Times under Kuwait; it is published in Doha
    "gulf-times.com": ("Gulf Times", "QAT"),
}


def main(corpus: str, out: str) -> None:
    countries: dict[str, set] = defaultdict(set)
    with open(corpus, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    for record in records:
        host = (urlsplit(record["url"]).hostname or "").lower().removeprefix("www.")
        label = record["id"].split("_", 1)[0]
        if label not in LABELS:
            raise SystemExit(f"unknown label {label!r} in {record['id']}")
        countries[host].add(LABELS[label])
    rows = []
    for host in sorted(countries):
        name, country = BY_HAND.get(host, (None, None))
        if host not in BY_HAND:
            found = countries[host]
            country = found.pop() if len(found) == 1 else None
        rows.append({"domain": host, "name": name, "country": country})
    with open(out, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} outlets, {sum(r['country'] is not None for r in rows)} with a country")


if __name__ == "__main__":
    main(*sys.argv[1:3])
