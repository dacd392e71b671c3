"""extractor: raw diplomatic and political news in, tidy tables out.

>>> from extractor import extract
>>> tables = extract(["seeds/"])          # doctest: +SKIP
>>> tables["officials"].head()            # doctest: +SKIP
>>> from extractor import actors
>>> chile = actors().holders("president", country="CHL", on="2023-06-01")  # doctest: +SKIP
>>> [a.name for a in chile]  # doctest: +SKIP
['Gabriel Boric']
>>> actors().country_of("Sergei Lavrov", on="2022-07-25")  # doctest: +SKIP
'RUS'
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "actors", "extract"]


def extract(*args, **kwargs):
    """Extract the six tables as DataFrames; see :func:`extractor.api.extract`."""
    from .api import extract as _extract

    return _extract(*args, **kwargs)


extract.__doc__ = "Extract the six tables as pandas DataFrames (see extractor.api.extract)."


def actors():
    """The actor store of office holders (Phoenix to 2014, Wikidata 2021-2023) with office,
    country and years: ``holders(office, country=, on=)`` says who held an office in a country
    on a date, ``country_of(name, on=)`` which country a person served on a date (names matched
    with transliteration-tolerant folding), ``lookup``/``match`` give the terms themselves."""
    from .knowledge import load_actors

    return load_actors()
