"""Who held which office, for which country, when: the actor store.

Rows of ``models/officeholders.jsonl`` (``name``, ``country``, ``position``, ``start``,
``end``; years, an empty end for a holder still in office) become :class:`Actor` records,
kept whole: the office and its dates are not thrown away, so that "who held office X in
country Y on date D" and "which country does name N serve on date D" can be asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from .gazetteer import fold_name, models_dir, read_jsonl

FILE = "officeholders.jsonl"


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


class ActorStore:
    """Office holders by folded name form, in file order."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self._by_form: dict[str, list[Actor]] = {}
        for actor in actors:
            for form in actor.forms:
                self._by_form.setdefault(form, []).append(actor)

    def __len__(self) -> int:
        return len(self.actors)

    def lookup(self, name: str, on: dt.date | str | None = None) -> list[Actor]:
        """The terms of the person called ``name`` that cover the date ``on`` (all of them
        when ``on`` is None); the name is compared folded (accents, case, hyphens)."""
        day = _as_date(on)
        return [a for a in self._by_form.get(fold_name(name), []) if a.serves_on(day)]

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
    rows = (
        read_jsonl(path, ("name", "country", "position", "start", "end")) if path.exists() else []
    )
    for number, row in enumerate(rows, start=1):
        country = row["country"]
        if country is not None and not (len(country) == 3 and country.isupper()):
            raise DataError(f"{path}:{number}: bad ISO3 code {country!r}")
        if not str(row["name"]).strip():
            raise DataError(f"{path}:{number}: empty name")
        actors.append(
            Actor(
                name=row["name"],
                forms=(fold_name(row["name"]),),
                office=row["position"],
                country=country,
                start=_year(row["start"], path, number, "start"),
                end=_year(row["end"], path, number, "end"),
            )
        )
    return ActorStore(actors)
