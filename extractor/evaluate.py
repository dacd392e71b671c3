"""Scoring extracted tables against gold files (``../shared/LABELLING.md`` format).

Matching rules, the same everywhere the figures are quoted:

* text is compared after Unicode folding, lower-casing, dropping punctuation and a/an/the;
* an official matches a gold official of the same article by name (or a gold alias); its title is
  right if it equals the gold title or one of ``title_alts``; "full" counts a match only when name,
  title and country are all right;
* countries compare as sets of ISO3 codes per article;
* a date matches when one text contains the other; its value is right when every digit equals
  the gold's (an ``X`` in gold matches any digit);
* an initiative matches when the shared words cover >= 60% of the gold's words and >= 40% of the
  prediction's; the proposer is right if it equals the gold's or is an official of the gold country;
* matching is one to one; entries marked ``optional`` (and ``countries_optional``) are neither
  rewarded nor penalised.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .knowledge import fold_accents

ARTICLES = re.compile(r"\b(?:a|an|the)\b")


def norm(text: object) -> str:
    """Fold accents, lower-case, drop punctuation and articles, squeeze spaces."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    s = fold_accents(str(text))
    s = re.sub(r"[’']s\b", "s", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = ARTICLES.sub(" ", s)
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class Counts:
    """True positives, predictions and gold items of one measure."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass
class Accuracy:
    """Right answers over matched items."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def as_dict(self) -> dict:
        return {"accuracy": round(self.value, 4), "right": self.right, "total": self.total}


@dataclass
class Report:
    """Every figure of one evaluation, with per-article misses for debugging."""

    articles: int = 0
    officials: Counts = field(default_factory=Counts)
    officials_full: Counts = field(default_factory=Counts)
    title_accuracy: Accuracy = field(default_factory=Accuracy)
    country_accuracy: Accuracy = field(default_factory=Accuracy)
    countries: Counts = field(default_factory=Counts)
    dates: Counts = field(default_factory=Counts)
    date_values: Counts = field(default_factory=Counts)
    date_value_accuracy: Accuracy = field(default_factory=Accuracy)
    initiatives: Counts = field(default_factory=Counts)
    proposer_accuracy: Accuracy = field(default_factory=Accuracy)
    published_accuracy: Accuracy = field(default_factory=Accuracy)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        out: dict = {"articles": self.articles}
        for key, value in self.__dict__.items():
            if isinstance(value, (Counts, Accuracy)):
                out[key] = value.as_dict()
        return out


def match(
    gold: list[dict], pred: list[dict], same: Callable[[dict, dict], float]
) -> list[tuple[dict, dict]]:
    """One-to-one matching, best scores first; ``same`` gives a score > 0 for a match."""
    scored = [(same(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)]
    scored = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1], s[2]))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in scored:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


def _count(
    counts: Counts,
    gold: list[dict],
    pred: list[dict],
    pairs: list[tuple[dict, dict]],
    ok: Callable[[dict, dict], bool] = lambda g, p: True,
) -> None:
    """Add a matching's counts, leaving optional gold (and what matched it) out."""
    optional_pred = sum(1 for g, _ in pairs if g.get("optional"))
    tp = sum(1 for g, p in pairs if not g.get("optional") and ok(g, p))
    counts.add(tp, len(pred) - optional_pred, sum(1 for g in gold if not g.get("optional")))


def name_score(g: dict, p: dict) -> float:
    pn = norm(p["name"])
    if pn == norm(g["name"]):
        return 2.0
    return 1.0 if pn in {norm(a) for a in g.get("aliases") or []} else 0.0


def title_ok(g: dict, p: dict) -> bool:
    return norm(p.get("title")) in {norm(t) for t in [g.get("title"), *(g.get("title_alts") or [])]}


def digits_ok(gold_value: str, value: str) -> bool:
    """Every digit equals the gold's; an X in gold matches any digit."""
    gold_value, value = str(gold_value), str(value or "")
    return len(gold_value) == len(value) and all(
        a == b or (a == "X" and b.isdigit()) for a, b in zip(gold_value, value, strict=True)
    )


def date_score(g: dict, p: dict) -> float:
    gt, pt = norm(g["text"]), norm(p["text"])
    if not gt or not pt:
        return 0.0
    if gt == pt:
        return 3.0 if digits_ok(g["value"], p["value"]) else 2.0
    return 1.0 if (gt in pt or pt in gt) else 0.0


def initiative_score(g: dict, p: dict) -> float:
    gw, pw = set(norm(g["text"]).split()), set(norm(p["text"]).split())
    if not gw or not pw:
        return 0.0
    shared = len(gw & pw)
    if shared / len(gw) >= 0.6 and shared / len(pw) >= 0.4:
        return shared / len(gw | pw)
    return 0.0


def proposer_ok(g: dict, p: dict, official_country: dict[str, str]) -> bool:
    gold, pred = g.get("proposer"), p.get("proposer")
    if norm(gold) == norm(pred):
        return True
    return bool(gold) and official_country.get(norm(pred)) == gold


def misses(
    doc_id: str,
    kind: str,
    key: str,
    gold: list[dict],
    pred: list[dict],
    pairs: list[tuple[dict, dict]],
) -> list[str]:
    """One line per unmatched (non-optional) gold item and per unmatched prediction."""
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    lines = [
        f"{doc_id}: missed {kind} {g[key]!r}"
        for g in gold
        if id(g) not in matched_g and not g.get("optional")
    ]
    lines += [f"{doc_id}: extra {kind} {p[key]!r}" for p in pred if id(p) not in matched_p]
    return lines


def _records(frame: pd.DataFrame | None, doc_id: str) -> list[dict]:
    if frame is None or frame.empty:
        return []
    part = frame[frame["doc_id"] == doc_id]
    return [
        {k: (None if (isinstance(v, float) and v != v) else v) for k, v in r.items()}
        for r in part.to_dict("records")
    ]


def score(gold_docs: list[dict], tables: dict[str, pd.DataFrame]) -> Report:
    """Score predicted tables against gold documents."""
    report = Report()
    for gold in gold_docs:
        doc_id = gold["doc_id"]
        report.articles += 1
        documents = _records(tables.get("documents"), doc_id)
        published = documents[0]["published"] if documents else None
        report.published_accuracy.total += 1
        report.published_accuracy.right += int((published or None) == gold.get("published"))
        # officials
        g_off, p_off = gold.get("officials", []), _records(tables.get("officials"), doc_id)
        pairs = match(g_off, p_off, name_score)
        _count(report.officials, g_off, p_off, pairs)
        _count(
            report.officials_full,
            g_off,
            p_off,
            pairs,
            lambda g, p: title_ok(g, p) and (p.get("country") or None) == g.get("country"),
        )
        for g, p in pairs:
            if g.get("optional"):
                continue
            report.title_accuracy.total += 1
            report.title_accuracy.right += int(title_ok(g, p))
            report.country_accuracy.total += 1
            report.country_accuracy.right += int((p.get("country") or None) == g.get("country"))
            if not title_ok(g, p) or (p.get("country") or None) != g.get("country"):
                report.errors.append(
                    f"{doc_id}: official {p['name']!r} title {p.get('title')!r}"
                    f" country {p.get('country')} (gold {g.get('title')!r} "
                    f"{g.get('country')})"
                )
        report.errors += misses(doc_id, "official", "name", g_off, p_off, pairs)
        # countries
        optional = set(gold.get("countries_optional") or [])
        g_c = set(gold.get("countries", [])) - optional
        p_c = {r["country"] for r in _records(tables.get("countries"), doc_id)} - optional
        report.countries.add(len(g_c & p_c), len(p_c), len(g_c))
        if g_c != p_c:
            report.errors.append(
                f"{doc_id}: countries missed {sorted(g_c - p_c)} extra {sorted(p_c - g_c)}"
            )
        # dates
        g_d, p_d = gold.get("dates", []), _records(tables.get("dates"), doc_id)
        pairs = match(g_d, p_d, date_score)
        _count(report.dates, g_d, p_d, pairs)
        _count(report.date_values, g_d, p_d, pairs, lambda g, p: digits_ok(g["value"], p["value"]))
        for g, p in pairs:
            if not g.get("optional"):
                report.date_value_accuracy.total += 1
                ok = digits_ok(g["value"], p["value"])
                report.date_value_accuracy.right += int(ok)
                if not ok:
                    report.errors.append(
                        f"{doc_id}: date {p['text']!r} = {p['value']} (gold {g['value']})"
                    )
        report.errors += misses(doc_id, "date", "text", g_d, p_d, pairs)
        # initiatives
        g_i, p_i = gold.get("initiatives", []), _records(tables.get("initiatives"), doc_id)
        official_country = {norm(o["name"]): o.get("country") for o in p_off}
        pairs = match(g_i, p_i, initiative_score)
        _count(report.initiatives, g_i, p_i, pairs)
        for g, p in pairs:
            if not g.get("optional"):
                report.proposer_accuracy.total += 1
                report.proposer_accuracy.right += int(proposer_ok(g, p, official_country))
        report.errors += misses(doc_id, "initiative", "text", g_i, p_i, pairs)
    return report


def load_gold(folder: Path) -> list[dict]:
    """Every gold JSON file in ``folder``, sorted by doc_id."""
    files = sorted(folder.glob("*.json"))
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def fixture_paths(fixtures: Path) -> tuple[Path, Path]:
    """The articles and gold folders of a fixtures folder (``articles/`` and ``gold/``)."""
    articles, gold = fixtures / "articles", fixtures / "gold"
    if not articles.is_dir() or not gold.is_dir():
        from .errors import InputError

        raise InputError(f"{fixtures} must hold articles/ and gold/ folders")
    return articles, gold


MEASURES: list[tuple[str, str]] = [
    ("officials", "officials (name) F1"),
    ("officials_full", "officials full (name+title+country) F1"),
    ("title_accuracy", "title accuracy (matched officials)"),
    ("country_accuracy", "country accuracy (matched officials)"),
    ("countries", "countries F1"),
    ("dates", "dates (span) F1"),
    ("date_values", "dates value F1"),
    ("date_value_accuracy", "date value accuracy (matched dates)"),
    ("initiatives", "initiatives F1"),
    ("proposer_accuracy", "proposer accuracy (matched initiatives)"),
    ("published_accuracy", "published-date accuracy"),
]


def headline(report: Report, key: str) -> float:
    """The one number quoted for a measure: F1 for counts, accuracy otherwise."""
    value = getattr(report, key)
    return value.f1 if isinstance(value, Counts) else value.value


def fixture_sets(folder: Path) -> dict[str, Path]:
    """The fixture sets under ``folder``: the folder itself when it holds ``articles/`` and
    ``gold/``, else each subfolder that does (``tests/fixtures`` holds ``wire`` and ``world``)."""
    folder = Path(folder)
    if (folder / "articles").is_dir() and (folder / "gold").is_dir():
        return {folder.name: folder}
    sets = {}
    if folder.is_dir():
        sets = {
            p.name: p
            for p in sorted(folder.iterdir())
            if (p / "articles").is_dir() and (p / "gold").is_dir()
        }
    if not sets:
        from .errors import InputError

        raise InputError(
            f"{folder} must hold articles/ and gold/ folders, or subfolders (fixture sets) that do"
        )
    return sets


def _predicted_tables(
    fixtures: Path, predictions: Path | None, model: str | None, with_baseline: bool
) -> dict[str, dict[str, pd.DataFrame]]:
    """Tables per system for one fixture set: run (or read) the extractor, and the baseline."""
    from .api import extract
    from .pipeline import DEFAULT_MODEL
    from .reader import read_articles
    from .writer import read_table

    articles_dir, _ = fixture_paths(fixtures)
    if predictions is not None:
        tables = {}
        for name in ("documents", "officials", "countries", "dates", "initiatives"):
            path = predictions / f"{name}.parquet"
            if not path.exists():
                path = predictions / f"{name}.csv"
            tables[name] = read_table(path).to_pandas()
    else:
        tables = extract([articles_dir], model=model or DEFAULT_MODEL)
    systems = {"extractor": tables}
    if with_baseline:
        from .baseline import baseline_tables

        systems["baseline"] = baseline_tables(read_articles([articles_dir]), model or DEFAULT_MODEL)
    return systems


def evaluate_sets(
    folder: Path,
    predictions: Path | None = None,
    model: str | None = None,
    with_baseline: bool = False,
) -> dict[str, dict[str, Report]]:
    """Score every fixture set under ``folder`` (see :func:`fixture_sets`), and, when there are
    several, all of them together (``"all"``): ``{set: {system: Report}}``."""
    results: dict[str, dict[str, Report]] = {}
    pooled_gold: list[dict] = []
    pooled: dict[str, list[dict[str, pd.DataFrame]]] = {}
    for name, path in fixture_sets(folder).items():
        gold = load_gold(fixture_paths(path)[1])
        systems = _predicted_tables(path, predictions, model, with_baseline)
        results[name] = {system: score(gold, tables) for system, tables in systems.items()}
        pooled_gold.extend(gold)
        for system, tables in systems.items():
            pooled.setdefault(system, []).append(tables)
    if len(results) > 1:
        results["all"] = {
            system: score(pooled_gold, _concat(parts)) for system, parts in pooled.items()
        }
    return results


def _concat(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    names = {name for tables in parts for name in tables}
    return {
        name: pd.concat([t[name] for t in parts if name in t], ignore_index=True) for name in names
    }


def evaluate_folder(
    fixtures: Path,
    predictions: Path | None = None,
    model: str | None = None,
    with_baseline: bool = False,
) -> dict[str, Report]:
    """Run (or read) extraction on one fixtures folder and score it; optionally the baseline."""
    gold = load_gold(fixture_paths(fixtures)[1])
    systems = _predicted_tables(fixtures, predictions, model, with_baseline)
    return {system: score(gold, tables) for system, tables in systems.items()}


def render_report(reports: dict[str, Report], console, name: str | None = None) -> None:
    """Print the figures with rich: one row per measure, one column per system."""
    from rich.table import Table

    first = next(iter(reports.values()))
    which = f"{name}: " if name else ""
    table = Table(title=f"extract eval, {which}{first.articles} gold articles")
    table.add_column("measure")
    for name in reports:
        table.add_column(name, justify="right")
    table.add_column("P / R (tp/pred/gold)", justify="right")
    for key, label in MEASURES:
        value = getattr(first, key)
        detail = (
            f"{value.precision:.2f} / {value.recall:.2f} ({value.tp}/{value.pred}/{value.gold})"
            if isinstance(value, Counts)
            else f"{value.right}/{value.total}"
        )
        cells = [
            f"{headline(r, key):.3f}"
            if not (isinstance(getattr(r, key), Accuracy) and getattr(r, key).total == 0)
            else "n/a"
            for r in reports.values()
        ]
        table.add_row(label, *cells, detail)
    console.print(table)
