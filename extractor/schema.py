"""Every output table's schema, declared once.

The writer, the README's data dictionary (``extract schema``) and the tests all read ``TABLES``.
An empty table has the same columns and types as a full one.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class Column:
    """One column: its name, Arrow type, whether it may be empty, and what it means."""

    name: str
    type: pa.DataType
    nullable: bool
    description: str
    example: str = ""


@dataclass(frozen=True)
class Table:
    """One output table: name, one-line purpose and its columns in order."""

    name: str
    description: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])


STRING, INT = pa.string(), pa.int64()

_DOC = Column(
    "doc_id",
    STRING,
    False,
    "File name without extension; for JSONL the record's `id`.",
    "004_c4fdfc2fb429968a",
)
_START = Column(
    "start", INT, False, "Character offset of the first character (first mention).", "86"
)
_END = Column("end", INT, False, "Character offset one past the last character.", "100")
_SENT = Column(
    "sentence",
    STRING,
    False,
    "The sentence the expression stands in.",
    "Hanoi (VNA) - Deputy Prime Minister ...",
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "documents",
            "One row per input article, with its processing status.",
            (
                _DOC,
                Column(
                    "source", STRING, False, "Input file; for JSONL `file:line`.", "seeds/004.txt"
                ),
                Column(
                    "title",
                    STRING,
                    True,
                    "Headline, from a header line, the first line or metadata.",
                    "Special ASEAN-Russia Foreign Ministers' Meeting on COVID-19 held",
                ),
                Column(
                    "published",
                    STRING,
                    True,
                    "The article's own date, YYYY-MM-DD; empty if unknown.",
                    "2020-06-17",
                ),
                Column(
                    "status",
                    STRING,
                    False,
                    "`ok`, `ok: <note>` (processed with a note) or the reason "
                    "the article was skipped (`error: ...`).",
                    "ok",
                ),
                Column(
                    "n_words", INT, False, "Tokens in the article text (0 when skipped).", "412"
                ),
                Column("agency", STRING, True, "News agency named in the dateline, if any.", "VNA"),
                Column("dateline", STRING, True, "Dateline place, if any.", "Hanoi"),
                Column(
                    "dateline_country",
                    STRING,
                    True,
                    "ISO 3166-1 alpha-3 of the dateline place (project gazetteer, then GeoNames).",
                    "VNM",
                ),
                Column("url", STRING, True, "The article's url, from its record.", ""),
                Column(
                    "outlet",
                    STRING,
                    True,
                    "The outlet: the record's site name, else its web host.",
                    "egypttoday.com",
                ),
                Column(
                    "outlet_country",
                    STRING,
                    True,
                    "ISO 3166-1 alpha-3 the outlet reports from (models/outlets.jsonl, else the "
                    "country-code domain).",
                    "EGY",
                ),
            ),
        ),
        Table(
            "officials",
            "One row per named official per article.",
            (
                _DOC,
                Column(
                    "name",
                    STRING,
                    False,
                    "Fullest form of the person's name in the article.",
                    "Pham Binh Minh",
                ),
                Column(
                    "title",
                    STRING,
                    True,
                    "Position as written, without country adjective.",
                    "Deputy Prime Minister and Foreign Minister",
                ),
                Column(
                    "country",
                    STRING,
                    True,
                    "ISO 3166-1 alpha-3 of the state served; empty for "
                    "international organisations or when unknown.",
                    "VNM",
                ),
                Column(
                    "country_source",
                    STRING,
                    True,
                    "Where the country came from: title, context, office, organisation, principal "
                    "(the text); dictionary (a known office holder, models/actors.jsonl); "
                    "outlet, dateline, agency (the article's home country); text (the one "
                    "country the story names); empty when there is no country.",
                    "title",
                ),
                Column(
                    "aliases",
                    STRING,
                    False,
                    "Other names used for the person, `; `-separated.",
                    "Minh",
                ),
                Column("mentions", INT, False, "How many times the person is named.", "4"),
                _START,
                _END,
                _SENT,
            ),
        ),
        Table(
            "titles",
            "One row per position per official per article (joined titles split).",
            (
                _DOC,
                Column(
                    "name",
                    STRING,
                    False,
                    "The official's name (as in `officials.name`).",
                    "Pham Binh Minh",
                ),
                Column("title", STRING, False, "One position, as written.", "Foreign Minister"),
                Column(
                    "role",
                    STRING,
                    False,
                    "Canonical role from models/titles.jsonl, else the title lower-cased.",
                    "foreign minister",
                ),
                _START,
                _END,
            ),
        ),
        Table(
            "countries",
            "One row per country per article.",
            (
                _DOC,
                Column("country", STRING, False, "ISO 3166-1 alpha-3.", "RUS"),
                Column("name", STRING, False, "Common English name.", "Russia"),
                Column(
                    "mentions",
                    INT,
                    False,
                    "Number of mentions (names, adjectives, short forms).",
                    "6",
                ),
                Column(
                    "forms",
                    STRING,
                    False,
                    "Surface forms seen, `; `-separated, in order of first use.",
                    "Russian; Russia",
                ),
                _START,
                _END,
            ),
        ),
        Table(
            "dates",
            "One row per calendar expression (ranges give two rows).",
            (
                _DOC,
                Column(
                    "text",
                    STRING,
                    False,
                    "The expression as written, without leading preposition.",
                    "June 17",
                ),
                Column(
                    "value",
                    STRING,
                    False,
                    "ISO 8601 at its own granularity (YYYY-MM-DD, YYYY-MM, "
                    "YYYY, YYYY-Www); `X` for a digit the article does not fix.",
                    "2020-06-17",
                ),
                Column("granularity", STRING, False, "day, week, month or year.", "day"),
                _START,
                _END,
                _SENT,
            ),
        ),
        Table(
            "initiatives",
            "One row per proposed course of action.",
            (
                _DOC,
                Column(
                    "text",
                    STRING,
                    False,
                    "What is proposed, from its head verb or noun.",
                    "establish the ASEAN-China ministerial meeting on disaster response",
                ),
                Column(
                    "proposer",
                    STRING,
                    True,
                    "The official's name, else a country's ISO3, else the "
                    "organisation as written; empty if unknown.",
                    "CHN",
                ),
                Column("verb", STRING, False, "The trigger as written.", "proposes"),
                Column(
                    "cameo",
                    STRING,
                    False,
                    "The CAMEO event code of the trigger (PETRARCH2's CAMEO 2.0 verb "
                    "dictionary; refined by the object where CAMEO codes one): 020 appeal "
                    "or request, 030 intent to cooperate, 036 intent to meet, 057 sign an "
                    "agreement, 100 demand, ...",
                    "020",
                ),
                _START,
                _END,
                _SENT,
            ),
        ),
    )
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)


def empty_rows() -> dict[str, list[dict]]:
    """A fresh row buffer: one empty list per table."""
    return {name: [] for name in TABLE_NAMES}


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) of table ``name`` as an Arrow table with the declared schema."""
    table = TABLES[name]
    columns = {c: [r.get(c) for r in rows] for c in table.column_names}
    return pa.Table.from_pydict(columns, schema=table.arrow_schema)
