"""extractor: raw diplomatic and political news in, tidy tables out.

>>> from extractor import extract
>>> tables = extract(["seeds/"])          # doctest: +SKIP
>>> tables["officials"].head()            # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract"]


def extract(*args, **kwargs):
    """Extract the six tables as DataFrames; see :func:`extractor.api.extract`."""
    from .api import extract as _extract

    return _extract(*args, **kwargs)


extract.__doc__ = "Extract the six tables as pandas DataFrames (see extractor.api.extract)."
