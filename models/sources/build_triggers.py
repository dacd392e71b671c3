"""Build models/triggers.jsonl: the initiative triggers, each with its CAMEO code.

    python models/sources/build_triggers.py ../shared/reference/phoenix/CAMEO.2.0.txt \
        models/sources/triggers.jsonl models/triggers.jsonl

``models/sources/triggers.jsonl`` is the project's own list: which verbs (and nouns) start an
initiative, their inflections, where the object is, and the CAMEO verb each one is filed under
in PETRARCH2's verb dictionary (``cameo_verb``, with ``cameo_particle`` for a pattern such as
CALL * (FOR)). From CAMEO.2.0.txt (MIT, Open Event Data Alliance) each trigger takes

* ``cameo``: the code of the verb's pattern for its particle, else the verb's own code, else its
  block's code, else the project's ``cameo_default`` (CAMEO files some verbs, e.g. SIGN and VOW,
  under a block with no code and codes them only by object);
* ``cameo_objects``: the codes CAMEO gives the verb with a one-noun object ("PROPOSE * MEETING"
  026, "SIGN * &TREATY" 057, synonym sets expanded), keyed by the noun in upper case, so that a
  proposal's code can follow what is proposed;
* ``cameo_source``: where the code came from.

The output is sorted and stable: the same inputs give the same bytes (a test checks the shipped
file against a rebuild).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]*)?\]")
PATTERN = re.compile(r"^-\s+(.*?)\s+\[([^\]]*)\]\s*(?:#\s*(\S+))?")


def _code(text: str) -> str | None:
    found = CODE.search(text)
    return found.group(1) if found else None


def parse_cameo(text: str) -> tuple[dict[str, dict], dict[str, list[str]]]:
    """The verbs of the dictionary (code, block, block code, patterns) and its synonym sets."""
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, dict] = {}
    current_set: str | None = None
    block, block_code = None, None
    block_verbs: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("-") else raw.rstrip()
        if not line.strip():
            current_set = None
            continue
        if line.startswith("####"):
            continue
        if line.startswith("&") and block is None:
            current_set = line.strip().rstrip("_")
            synsets[current_set] = []
            continue
        if current_set and line.startswith("+"):
            synsets[current_set].append(line[1:].strip().replace("_", " "))
            continue
        header = HEADER.match(line)
        if header:
            block = header.group(1)
            block_code = _code(f"[{header.group(2)}]")
            block_verbs = []
            continue
        if block is None:
            continue
        if line.startswith("-"):
            pattern = PATTERN.match(line)
            if pattern is None:
                continue
            words, code, verb = pattern.group(1), _code(f"[{pattern.group(2)}]"), pattern.group(3)
            if code is None:
                continue
            owners = [verb] if verb in verbs else block_verbs
            for owner in owners:
                verbs[owner]["patterns"].append((words, code))
            continue
        word = line.split()[0]
        if word.startswith("{"):
            continue
        verbs.setdefault(
            word, {"code": _code(line), "block": block, "block_code": block_code, "patterns": []}
        )
        block_verbs.append(word)
    return verbs, synsets


def object_codes(patterns: list[tuple[str, str]], particle: str | None, synsets) -> dict:
    """Codes by one-noun object: "* MEETING", "* &TREATY", "* (FOR &CEASEFIRE)"."""
    codes: dict[str, str] = {}
    for words, code in patterns:
        if not words.startswith("* "):
            continue
        rest = words[2:].strip()
        if particle:
            found = re.fullmatch(rf"\({particle}\s+(&?[A-Z][A-Z-]*)\)", rest)
        else:
            found = re.fullmatch(r"(&?[A-Z][A-Z-]*)", rest)
        if not found:
            continue
        noun = found.group(1)
        nouns = synsets.get(noun, []) if noun.startswith("&") else [noun]
        for n in nouns:
            if " " not in n:
                codes.setdefault(n, code)
    return dict(sorted(codes.items()))


def build(cameo_text: str, own: list[dict]) -> list[dict]:
    verbs, synsets = parse_cameo(cameo_text)
    out = []
    for row in own:
        row = dict(row)
        verb = row.pop("cameo_verb", None)
        particle = row.pop("cameo_particle", None)
        default = row.pop("cameo_default", None)
        entry = verbs.get(verb) if verb else None
        code, source = None, "project"
        objects: dict[str, str] = {}
        if entry is not None:
            if particle:
                code = next(
                    (c for w, c in entry["patterns"] if w.strip() == f"* ({particle})"), None
                )
            code = code or entry["code"] or entry["block_code"]
            source = f"CAMEO.2.0 {verb}" + (f" * ({particle})" if particle else "")
            objects = object_codes(entry["patterns"], particle, synsets)
        elif verb:
            raise SystemExit(f"{row['lemma']}: CAMEO verb {verb} not in the dictionary")
        if code is None:
            if default is None:
                raise SystemExit(f"{row['lemma']}: CAMEO gives no code; set cameo_default")
            code = default
            source = f"{source}; default set by the project" if entry else "project"
        row["cameo"] = code
        row["cameo_source"] = source
        if objects:
            row["cameo_objects"] = objects
        out.append(row)
    return out


def main(cameo_path: str, own_path: str, out_path: str) -> None:
    own = [
        json.loads(line)
        for line in Path(own_path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows = build(Path(cameo_path).read_text(encoding="utf-8", errors="replace"), own)
    with open(out_path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    print(f"{len(rows)} triggers -> {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
