"""The knowledge layer: everything the rules know, loaded from ``models/`` by typed loaders.

* :mod:`.gazetteer` — countries, places, organisations, agencies, titles, initiative triggers;
* :mod:`.lexicon` — the named word lists the rules use (``models/lexicon.json``);
* :mod:`.actors` — who held which office, where and when (``models/actors.jsonl``),
  with :meth:`ActorStore.lookup`.

Every loader validates its rows and raises :class:`~extractor.errors.DataError` naming the file
and line of a bad row: a typo in the data fails loudly rather than silently dropping a rule.
"""

from __future__ import annotations

from .actors import Actor, ActorStore, load_actors
from .gazetteer import (
    Gazetteer,
    fold_accents,
    fold_name,
    load_gazetteer,
    models_dir,
    read_jsonl,
)
from .lexicon import Lexicon, load_lexicon, words

__all__ = [
    "Actor",
    "ActorStore",
    "Gazetteer",
    "Lexicon",
    "fold_accents",
    "fold_name",
    "load_actors",
    "load_gazetteer",
    "load_lexicon",
    "models_dir",
    "read_jsonl",
    "words",
]
