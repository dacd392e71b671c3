"""What every rule component shares: its data folder, saved and loaded with the pipeline.

A component reads its knowledge from a folder (``data`` in its config; by default the
project's ``models/``). ``nlp.to_disk`` copies the files it read into the component's folder of
the saved pipeline and ``spacy.load`` reads them back from there (``from_disk``), so that a saved
pipeline carries its own data and gives the same rows in a fresh process.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from spacy.language import Language
from spacy.util import ensure_path

from ..contract import register_extensions
from ..knowledge import models_dir

# the files of the gazetteer (knowledge.load_gazetteer reads them together)
GAZETTEER_FILES = (
    "countries.jsonl",
    "titles.jsonl",
    "title_words.json",
    "organisations.jsonl",
    "agencies.jsonl",
    "triggers.jsonl",
    "places.jsonl",
)


class RuleComponent:
    """Base of the rule components; a subclass builds its state from a folder in ``load``."""

    FILES: tuple[str, ...] = GAZETTEER_FILES

    def __init__(self, nlp: Language, name: str, data: str | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.folder = Path(data) if data else models_dir()
        self.load(self.folder)

    def load(self, folder: Path) -> None:
        raise NotImplementedError

    def to_disk(self, path, exclude=tuple()) -> None:  # noqa: B006 - spaCy's signature
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in self.FILES:
            if (self.folder / name).exists():
                shutil.copyfile(self.folder / name, path / name)

    def from_disk(self, path, exclude=tuple()):  # noqa: B006
        self.folder = ensure_path(path)
        self.load(self.folder)
        return self
