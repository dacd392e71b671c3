"""Officials: named people tied to a title of office, with their country and aliases.

A person becomes an official where a title stands next to the name ("Foreign Minister Li
Zhaoxing", "Chen Xiaodong, Assistant Minister of Foreign Affairs"). The name is taken from the
capitalised run next to the title, whatever label the statistical NER gave it, so names the model
mislabels are still found. Later, shorter forms ("Minh", "Lavrov") become aliases. The country
comes, in order, from the title itself (an adjective, a possessive, "of Vietnam", a national party),
then from the words around the name, then from the article's home country (dateline or national
agency). Sets ``doc.spans[Spans.OFFICIALS]`` and ``doc._.officials``.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..contract import Spans, assigns, requires
from ..extensions import doc_text
from ..knowledge import load_actors, load_gazetteer
from ..knowledge.actors import FILE as ACTORS_FILE
from .base import GAZETTEER_FILES, RuleComponent
from .official_aliases import (
    MentionIndex,
    mention_spans,
    official_record,
)
from .official_mentions import _KNOWN_FORMS, _SENTENCES_PERSONS, NameRules
from .official_stages import (
    AliasGrouping,
    OfficialCountries,
    OfficialsKnowledge,
    PersonMentions,
)
from .titles import TitleLexicon


@Language.factory(
    "extractor_officials",
    default_config={
        "data": None,
        "mentions": {"@misc": "extractor.person_mentions.v1"},
        "aliases": {"@misc": "extractor.alias_grouping.v1"},
        "countries": {"@misc": "extractor.official_countries.v1"},
    },
    assigns=assigns("extractor_officials"),
    requires=requires("extractor_officials"),
)
class OfficialRecognizer(RuleComponent):
    """Links names to titles, merges name forms and finds each official's country, in the
    stages of :mod:`.official_stages` (each replaceable by configuration)."""

    FILES = (*GAZETTEER_FILES, ACTORS_FILE)

    def __init__(
        self,
        nlp: Language,
        name: str,
        data: str | None = None,
        mentions: PersonMentions | None = None,
        aliases: AliasGrouping | None = None,
        countries: OfficialCountries | None = None,
    ) -> None:
        self.mentions = mentions or PersonMentions()
        self.aliases = aliases or AliasGrouping()
        self.countries = countries or OfficialCountries()
        super().__init__(nlp, name, data)

    def load(self, folder: Path) -> None:
        lexicon = TitleLexicon(load_gazetteer(folder))
        self.lexicon = lexicon
        knowledge = OfficialsKnowledge(lexicon, NameRules(lexicon), load_actors(folder))
        for stage in (self.mentions, self.aliases, self.countries):
            stage.setup(knowledge)

    def __call__(self, doc: Doc) -> Doc:
        anchors = self.mentions(doc)
        self.countries.on_anchors(doc, anchors)
        officials = self.aliases.group(doc, anchors)
        self.countries.on_officials(doc, officials)
        self.aliases.aliases(doc, officials)
        index = MentionIndex(doc_text(doc), officials)
        records = [official_record(doc, o, self.lexicon, index) for o in officials]
        self.countries.on_records(doc, officials, records)
        doc._.officials = records
        doc.spans[Spans.OFFICIALS] = mention_spans(doc, officials, index)
        doc.user_data.pop(_SENTENCES_PERSONS, None)
        doc.user_data.pop(_KNOWN_FORMS, None)
        return doc


__all__ = ["OfficialRecognizer"]
