#!/usr/bin/env bash
# Rebuild models/ner_world/ from ../shared (about 15 minutes on 2 cores):
#   bash models/sources/ner_world/train.sh
set -euo pipefail
# one thread: the same weights on any machine (the shipped ones were trained so)
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cd "$(dirname "$0")/../../.."
shared="${SHARED:-../shared}"
work="$(mktemp -d)"
python models/sources/ner_world/convert.py "$shared/corpus/world" "$shared/corpus/newswire.jsonl" "$work/data"
mkdir -p "$work/train"
cp "$work/data/train.spacy" "$work/data/rehearsal.spacy" "$work/train/"
python -m spacy train models/sources/ner_world/config.cfg --output "$work/out" \
  --paths.train "$work/train" --paths.dev "$work/data/dev.spacy"
rm -rf models/ner_world
cp -r "$work/out/model-best" models/ner_world
python benchmarks/names_world.py "$shared/corpus/world/ner" --split "$shared/corpus/world/ner_split.json:test"
