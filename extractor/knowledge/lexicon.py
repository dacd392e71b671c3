"""Named word lists of the rules, kept as data in ``models/lexicon.json``.

Each entry is ``"<component>.<list>": {"about": ..., "source": ..., "words": [...]}``; the rules
ask for one by name (:func:`words`) and get a frozenset (or, with ``ordered=True``, a tuple in
the file's order). A missing file, an entry without words or a word that is not a string fails
loudly, naming the file and the entry.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from .gazetteer import models_dir

FILE = "lexicon.json"


class Lexicon:
    """The word lists of one ``lexicon.json``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataError(f"{path}: rule file missing") from None
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from exc
        if not isinstance(data, dict):
            raise DataError(f"{path}: expected an object of named word lists")
        self.entries: dict[str, tuple[str, ...]] = {}
        for key, entry in data.items():
            listed = entry.get("words") if isinstance(entry, dict) else None
            if not isinstance(listed, list) or not listed:
                raise DataError(f"{path}: {key}: no 'words' list")
            bad = [w for w in listed if not isinstance(w, str) or not w]
            if bad:
                raise DataError(f"{path}: {key}: not a word: {bad[0]!r}")
            if not entry.get("source"):
                raise DataError(f"{path}: {key}: no 'source'")
            self.entries[key] = tuple(listed)

    def words(self, key: str, ordered: bool = False) -> frozenset[str] | tuple[str, ...]:
        try:
            listed = self.entries[key]
        except KeyError:
            raise DataError(f"{self.path}: no word list {key!r}") from None
        return listed if ordered else frozenset(listed)


def load_lexicon(folder: Path | None = None) -> Lexicon:
    return _load(str(folder or models_dir()))


@lru_cache(maxsize=4)
def _load(folder: str) -> Lexicon:
    return Lexicon(Path(folder) / FILE)


def words(key: str, ordered: bool = False) -> frozenset[str] | tuple[str, ...]:
    """The word list ``key`` of ``models/lexicon.json``."""
    return load_lexicon().words(key, ordered)
