"""Who held which office, for which country, when: the actor store.

Rows of ``models/actors.jsonl`` (built by ``models/sources/build_actors.py`` from PETRARCH2's
Phoenix dictionaries, ~18,000 people to 2014, and Wikidata's 2021-2023 office holders): one
term each, with the person's name forms, the office, the country and the first and last year,
kept whole so that "who held office X in country Y on date D" and "which country does name N
serve on date D" can be asked. Names match folded (accents, case, hyphens, initials dropped),
and, failing that, transliteration-tolerantly: the same number of words, the same initials,
each word at least :data:`WORD_SIMILARITY` alike ("Faysal Mikdad" finds "Faisal Mekdad").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from .gazetteer import fold_name, models_dir, read_jsonl

FILE = "actors.jsonl"
# rapidfuzz ratio every word must reach for a transliteration match: "Faysal"/"Faisal" and
# "Sergei"/"Sergey" score 83, "Raisi"/"Raeisi" 91; different names ("Ali"/"Adil" 57,
# "Hassan"/"Hussein" 62) stay under it
WORD_SIMILARITY = 80


@dataclass(frozen=True)
class Actor:
    """One term of one office holder."""

    name: str
    forms: tuple[str, ...]  # folded name forms that find this actor
    office: str
    country: str | None  # ISO3; None for a post in an international body
    start: int | None  # first year in office
    end: int | None  # last year in office; None while in office

    def serves_on(self, on: dt.date | None) -> bool:
        """True if the term covers ``on`` (any date when ``on`` is None)."""
        if on is None:
            return True
        return (self.start is None or self.start <= on.year) and (
            self.end is None or on.year <= self.end
        )


def name_key(name: str) -> str:
    """A name for matching: folded, single letters and initials ("J.") dropped."""
    return " ".join(w for w in fold_name(name.replace(".", " ")).split() if len(w) > 1)


class ActorStore:
    """Office holders by folded name form, in file order."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self._by_form: dict[str, list[Actor]] = {}
        self._blocks: dict[tuple[str, str, int], set[str]] = {}
        self._words: set[str] | None = None
        for actor in actors:
            for form in actor.forms:
                self._by_form.setdefault(form, []).append(actor)
                words = form.split()
                if words:
                    block = (words[0][0], words[-1][0], len(words))
                    self._blocks.setdefault(block, set()).add(form)

    def knows_word(self, word: str) -> bool:
        """Whether any known name form holds ``word`` (folded): a cheap test before a search."""
        if self._words is None:
            self._words = {w for form in self._by_form for w in form.split()}
        return name_key(word) in self._words

    def __len__(self) -> int:
        return len(self.actors)

    def lookup(self, name: str, on: dt.date | str | None = None) -> list[Actor]:
        """The terms of the person called ``name`` that cover the date ``on`` (all of them
        when ``on`` is None); the name is compared folded (accents, case, hyphens)."""
        day = _as_date(on)
        return [a for a in self._by_form.get(name_key(name), []) if a.serves_on(day)]

    def match(self, name: str, on: dt.date | str | None = None) -> list[Actor]:
        """Like :meth:`lookup`, and when the exact form is unknown, the terms of the most
        similar known form (see :data:`WORD_SIMILARITY`); a person with terms but none on
        ``on`` gives all their terms."""
        key = name_key(name)
        terms = self._by_form.get(key) or self._by_form.get(self._similar(key), [])
        day = _as_date(on)
        current = [a for a in terms if a.serves_on(day)]
        return current or terms

    def _similar(self, key: str) -> str | None:
        from rapidfuzz import fuzz

        words = key.split()
        if len(words) < 2:
            return None  # one word ("Raisi") is too little to guess from
        best, best_score = None, 0.0
        for form in self._blocks.get((words[0][0], words[-1][0], len(words)), ()):
            scores = [fuzz.ratio(a, b) for a, b in zip(words, form.split(), strict=True)]
            if min(scores) >= WORD_SIMILARITY and sum(scores) > best_score:
                best, best_score = form, sum(scores)
        return best

    def country_of(self, name: str, on: dt.date | str | None = None) -> str | None:
        """The country (ISO3) ``name`` serves on ``on``; None when the store does not know the
        name then, or the post is in an international body (see :meth:`lookup`)."""
        found = self.lookup(name, on)
        return found[0].country if found else None

    def holders(
        self, office: str, country: str | None = None, on: dt.date | str | None = None
    ) -> list[Actor]:
        """Who held an office whose name contains ``office`` (case-insensitive), for
        ``country`` when given, on ``on`` when given."""
        day, wanted = _as_date(on), office.lower()
        return [
            a
            for a in self.actors
            if wanted in a.office.lower()
            and (country is None or a.country == country)
            and a.serves_on(day)
        ]


def _as_date(on: dt.date | str | None) -> dt.date | None:
    if on is None or isinstance(on, dt.date):
        return on
    try:
        return dt.date.fromisoformat(str(on)[:10])
    except ValueError:
        try:
            return dt.date(int(str(on)[:4]), 1, 1)
        except ValueError:
            return None


def _year(value: object, path: Path, number: int, key: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(str(value)[:4])
    except ValueError:
        raise DataError(f"{path}:{number}: {key} {value!r} is not a year") from None


def load_actors(folder: Path | None = None) -> ActorStore:
    """The actor store of ``folder`` (default: ``models/``)."""
    return _load(str(folder or models_dir()))


@lru_cache(maxsize=4)
def _load(folder: str) -> ActorStore:
    path = Path(folder) / FILE
    actors = []
    required = ("name", "forms", "office", "country", "start", "end")
    rows = read_jsonl(path, required) if path.exists() else []
    for number, row in enumerate(rows, start=1):
        country = row["country"]
        if country is not None and not (len(country) == 3 and country.isupper()):
            raise DataError(f"{path}:{number}: bad ISO3 code {country!r}")
        if not str(row["name"]).strip() or not isinstance(row["forms"], list):
            raise DataError(f"{path}:{number}: empty name or forms not a list")
        forms = tuple(dict.fromkeys(name_key(f) for f in [row["name"], *row["forms"]] if f))
        actors.append(
            Actor(
                name=row["name"],
                forms=forms,
                office=row["office"],
                country=country,
                start=_year(row["start"], path, number, "start"),
                end=_year(row["end"], path, number, "end"),
            )
        )
    return ActorStore(actors)
