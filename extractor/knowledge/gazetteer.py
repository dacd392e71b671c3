"""The gazetteer: countries, places, titles, organisations, agencies and initiative triggers.

Every loader validates its rows and raises :class:`DataError` naming the file and line of a bad
row, so that a typo in the data fails loudly rather than silently dropping a rule.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DataError


def models_dir() -> Path:
    """The rule-data folder: ``models/`` in a checkout, ``extractor/_models`` in a wheel."""
    here = Path(__file__).resolve().parent.parent  # the extractor package
    for candidate in (here / "_models", here.parent / "models"):
        if (candidate / "countries.jsonl").exists():
            return candidate
    raise DataError(f"rule data not found beside {here} (looked for models/countries.jsonl)")


def read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict]:
    """Read a JSONL rule file, checking that every row has the ``required`` keys."""
    if not path.exists():
        raise DataError(f"{path}: rule file missing")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        missing = [k for k in required if k not in row]
        if missing:
            raise DataError(f"{path}:{number}: missing key(s) {', '.join(missing)}")
        rows.append(row)
    return rows


@dataclass
class Gazetteer:
    """All rule data, in the forms the components use."""

    countries: list[dict]
    titles: list[dict]
    title_words: dict
    organisations: list[dict]
    agencies: list[dict]
    triggers: list[dict]
    capitals: dict[str, str] = field(default_factory=dict)

    @property
    def country_names(self) -> dict[str, str]:
        return {c["iso3"]: c["name"] for c in self.countries}


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load every rule file from ``path`` (default :func:`models_dir`)."""
    return _load(str(path or models_dir()))


@lru_cache(maxsize=4)
def _load(folder: str) -> Gazetteer:
    base = Path(folder)
    countries = read_jsonl(base / "countries.jsonl", ("iso3", "name", "names", "adjectives"))
    for row in countries:
        if len(row["iso3"]) != 3 or not row["iso3"].isupper():
            raise DataError(f"{base / 'countries.jsonl'}: bad ISO3 code {row['iso3']!r}")
    title_words_path = base / "title_words.json"
    if not title_words_path.exists():
        raise DataError(f"{title_words_path}: rule file missing")
    title_words = json.loads(title_words_path.read_text(encoding="utf-8"))
    for key in ("heads", "modifiers"):
        if key not in title_words:
            raise DataError(f"{title_words_path}: missing key {key}")
    capitals = {}
    cap_path = base / "places.jsonl"
    if cap_path.exists():
        for row in read_jsonl(cap_path, ("place", "country")):
            capitals[row["place"]] = row["country"]
    return Gazetteer(
        countries=countries,
        titles=read_jsonl(base / "titles.jsonl", ("role", "forms")),
        title_words=title_words,
        organisations=read_jsonl(base / "organisations.jsonl", ("name", "country", "forms")),
        agencies=read_jsonl(base / "agencies.jsonl", ("agency", "country", "forms")),
        triggers=read_jsonl(base / "triggers.jsonl", ("lemma", "forms", "object", "cameo")),
        capitals=capitals,
    )


def fold_accents(text: str) -> str:
    """Lower case with accents dropped ("António" -> "antonio"): the base of every comparison."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def fold_name(name: str) -> str:
    """A person's name for lookup: accents dropped, lower case, single spaces."""
    return " ".join(fold_accents(name).replace("-", " ").split())
