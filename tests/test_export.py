"""Exports of the store's canonical events, on a small store written row by row (no NLP coder)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from communique.store import Store
from communique.store import export as exp
from communique.store.export import GDELT_COLUMNS, PHOENIX_COLUMNS, export

SEEN = dt.datetime(2024, 7, 1, 12, 30, 0)


def _record(eid: str, article: str, etype: str, date: str | None, actor: list[str], recipient: list[str]) -> str:
    return json.dumps({"id": eid, "article_id": article, "date": date, "event": [etype],
                       "actor": [{"code": c} for c in actor], "recipient": [{"code": c} for c in recipient],
                       "cite_info": {"coder": "communique"}})


# (id, type, is_event, date, actors, recipients, dyad, quad, scale, cameo, place, country, resolution, lat, lon,
#  n_reports, n_articles, n_outlets, first_article, evidence)
EVENTS = [
    ("ev1", "CONSULT", True, "2024-05-10", ["PAK"], ["DEU"], "DEU>PAK", 1, 2.5, "04", "Berlin", "DEU", 3,
     52.52, 13.405, 2, 2, 2, "a1", "Sharif met\tScholz in Berlin\non Friday."),
    ("ev2", "AGREE", True, "2024-06-02", ["PAK", "CHN"], [], "CHN+PAK", 1, 2.5, "03", "Islamabad", "PAK", 3,
     33.72, 73.06, 1, 1, 1, "a3", "Pakistan and China agreed to expand trade."),
    ("ev3", "ASSAULT", False, "2024-06-15", ["IND"], ["PAK"], "IND>PAK", 4, -9.0, "18", None, None, None,
     None, None, 1, 1, 1, "a3", "India denied it had struck targets in Pakistan."),
    ("ev4", "SUPPORT", True, None, ["USA"], ["UNO"], "UNO>USA", 1, 5.0, "05", None, None, None,
     None, None, 1, 1, 1, "a4", "The United States praised the United Nations."),
]

ARTICLES = [("a1", "https://dawn.example/a1", "Dawn"), ("a2", None, "Reuters"), ("a3", "https://app.example/a3", "APP"),
            ("a4", None, None)]

# (report id, event id, article, outlet, sequence, entities [(role, position, code, name, sector)])
REPORTS = [
    ("ev1", "ev1", "a1", "Dawn", 0, [("actor", 0, "PAK", "Shehbaz Sharif", "GOV"),
                                     ("recipient", 0, "DEU", "Olaf Scholz", "GOV")]),
    ("rp2", "ev1", "a2", "Reuters", 3, [("actor", 0, "PAK", "Pakistan", None),
                                        ("recipient", 0, "DEU", "Germany", None)]),
    ("ev2", "ev2", "a3", "APP", 2, [("actor", 0, "PAK", "Pakistan", None), ("actor", 1, "CHN", "China", None)]),
    ("ev3", "ev3", "a3", "APP", 5, [("actor", 0, "IND", "India", "MIL"), ("recipient", 0, "PAK", "Pakistan", None)]),
    ("ev4", "ev4", "a4", None, 1, [("actor", 0, "USA", "United States", None),
                                   ("recipient", 0, "UNO", "United Nations", None)]),
]


def _insert(con: duckdb.DuckDBPyConnection, table: str, row: dict) -> None:
    """Insert by column name, so a column added to the schema later does not shift the values."""
    names = ", ".join(f'"{k}"' for k in row)
    con.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "s.duckdb")
    s.create()
    by_id = {e[0]: e for e in EVENTS}
    with s.write() as con:
        for aid, url, outlet in ARTICLES:
            _insert(con, "articles", {
                "id": aid, "content_hash": f"hash-{aid}", "url": url, "title": f"title {aid}", "outlet": outlet,
                "pub_date": "2024-05-10", "date_source": "metadata", "origin": f"{aid}.txt", "text": f"text of {aid}",
                "n_reports": 1, "run_id": 1, "ingested_at": SEEN})
        for (eid, etype, is_event, date, actor, recipient, dyad, quad, scale, cameo, place, country, res, lat, lon,
             n_rep, n_art, n_out, first, evidence) in EVENTS:
            _insert(con, "events", {
                "id": eid, "event_type": etype, "is_event": is_event, "date": date, "date_precision": "day",
                "actor_codes": actor, "recipient_codes": recipient, "dyad": dyad, "quad_code": quad,
                "event_scale": scale, "cameo": cameo, "mode": ["phone"], "context": [] if is_event else ["negation"],
                "place": place, "place_country": country, "place_source": "text" if place else None,
                "place_resolution": res, "lat": lat, "lon": lon, "confidence": 0.8, "topic": None,
                "n_reports": n_rep, "n_articles": n_art, "n_outlets": n_out, "first_article": first,
                "evidence": evidence, "words": "some words", "first_seen": SEEN,
                "record": _record(eid, first, etype, date, actor, recipient)})
        for rid, eid, aid, outlet, seq, ents in REPORTS:
            e = by_id[eid]
            _insert(con, "reports", {
                "id": rid, "event_id": eid, "article_id": aid, "outlet": outlet, "event_type": e[1], "is_event": e[2],
                "date": e[3], "date_precision": "day", "actor_codes": e[4], "recipient_codes": e[5],
                "record": _record(rid, aid, e[1], e[3], e[4], e[5])})
            _insert(con, "mentions", {
                "report_id": rid, "event_id": eid, "article_id": aid, "sequence": seq, "start": 10 * seq,
                "end": 10 * seq + 9, "trigger": "met", "trigger_start": 10 * seq + 2, "trigger_end": 10 * seq + 5,
                "sentence": e[19], "attribution": "Radio Pakistan" if rid == "ev1" else None, "in_caption": False})
            for role, pos, code, name, sector in ents:
                _insert(con, "entities", {
                    "report_id": rid, "event_id": eid, "role": role, "position": pos, "code": code,
                    "entity_text": name, "identifier_text": name, "sector": sector, "office": None, "kind": "state"})
    return s


def _tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def _rows(path: Path) -> list[dict[str, str]]:
    header, *rows = _tsv(path)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_plover_lines_are_canonical_events_with_sources_and_mentions(store, tmp_path):
    (path,) = export(store, "plover", tmp_path / "out")
    assert path == tmp_path / "out" / "events.plover.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["ev1", "ev2", "ev4"]  # dated first, undated last; ev3 is negated
    ev1 = records[0]
    assert ev1["event"] == ["CONSULT"] and ev1["article_id"] == "a1"
    assert ev1["sources"] == {"reports": 2, "articles": 2, "outlets": 2}
    assert [(m["article_id"], m["sequence"]) for m in ev1["mentions"]] == [("a1", 0), ("a2", 3)]
    assert ev1["mentions"][0] == {"article_id": "a1", "sequence": 0, "start": 0, "end": 9, "trigger": "met",
                                  "attribution": "Radio Pakistan"}


def test_phoenix_has_a_header_and_one_row_an_event(store, tmp_path):
    (path,) = export(store, "phoenix", tmp_path)
    lines = _tsv(path)
    assert lines[0] == list(PHOENIX_COLUMNS)
    assert all(len(line) == len(PHOENIX_COLUMNS) for line in lines)
    rows = _rows(path)
    assert [r["EventID"] for r in rows] == ["ev1", "ev2", "ev4"]
    ev1 = rows[0]
    assert (ev1["Date"], ev1["Year"], ev1["Month"], ev1["Day"]) == ("20240510", "2024", "5", "10")
    # the actors of the first report (whose id is the event's), not of the later one
    source = (ev1["SourceActorFull"], ev1["SourceActorEntity"], ev1["SourceActorRole"])
    assert source == ("Shehbaz Sharif", "PAK", "GOV")
    assert (ev1["TargetActorFull"], ev1["TargetActorEntity"]) == ("Olaf Scholz", "DEU")
    assert (ev1["EventCode"], ev1["EventRootCode"], ev1["PLOVERType"], ev1["QuadClass"]) == ("04", "04", "CONSULT", "1")
    assert ev1["Goldstein"] == "2.5"
    assert (ev1["Location"], ev1["Country"], ev1["Lat"], ev1["Lon"]) == ("Berlin", "DEU", "52.52", "13.405")
    assert (ev1["ArticleIDs"], ev1["Outlets"]) == ("a1,a2", "Dawn,Reuters")
    assert ev1["Sentence"] == "Sharif met Scholz in Berlin on Friday."  # tab and newline became spaces
    ev2 = rows[1]  # reciprocal: no recipient, the co-actor is the target
    assert (ev2["SourceActorEntity"], ev2["TargetActorEntity"]) == ("PAK", "CHN")
    assert rows[2]["Date"] == "" and rows[2]["Outlets"] == ""


def test_gdelt_has_the_61_columns_and_fips_geo_codes(store, tmp_path):
    (path,) = export(store, "gdelt", tmp_path)
    lines = _tsv(path)
    assert len(GDELT_COLUMNS) == 61 and lines[0] == list(GDELT_COLUMNS)
    assert lines[0][0] == "GLOBALEVENTID" and lines[0][-1] == "SOURCEURL"
    assert all(len(line) == 61 for line in lines)
    rows = {r["GLOBALEVENTID"]: r for r in _rows(path)}
    assert list(rows) == ["ev1", "ev2", "ev4"]
    ev1 = rows["ev1"]
    assert (ev1["SQLDATE"], ev1["MonthYear"], ev1["Year"]) == ("20240510", "202405", "2024")
    assert 2024.35 < float(ev1["FractionDate"]) < 2024.36
    assert ev1["ActionGeo_CountryCode"] == "GM"  # DEU in FIPS 10-4
    assert rows["ev2"]["ActionGeo_CountryCode"] == "PK"
    assert ev1["ActionGeo_Type"] == "4" and ev1["ActionGeo_FullName"] == "Berlin, Germany"
    assert (ev1["ActionGeo_Lat"], ev1["ActionGeo_Long"]) == ("52.52", "13.405")
    assert (ev1["Actor1Code"], ev1["Actor1Name"], ev1["Actor1CountryCode"]) == ("PAKGOV", "Shehbaz Sharif", "PAK")
    assert (ev1["Actor2CountryCode"], ev1["Actor2Type1Code"]) == ("DEU", "GOV")
    assert (ev1["EventCode"], ev1["EventRootCode"], ev1["QuadClass"], ev1["GoldsteinScale"]) == ("04", "04", "1", "2.5")
    assert (ev1["NumMentions"], ev1["NumSources"], ev1["NumArticles"]) == ("2", "2", "2")
    assert ev1["IsRootEvent"] == "1" and rows["ev2"]["IsRootEvent"] == "0"
    assert ev1["SOURCEURL"] == "https://dawn.example/a1" and rows["ev4"]["SOURCEURL"] == ""
    assert ev1["DATEADDED"] == "20240701123000"
    assert ev1["AvgTone"] == "" and ev1["Actor1Geo_CountryCode"] == ""
    ev4 = rows["ev4"]  # an IGO is a known group, not a country; no date, no place
    assert (ev4["Actor2Code"], ev4["Actor2CountryCode"], ev4["Actor2KnownGroupCode"]) == ("UNO", "", "UNO")
    assert ev4["SQLDATE"] == "" and ev4["ActionGeo_CountryCode"] == "" and ev4["ActionGeo_Type"] == ""


def test_fips_map_comes_from_geonames():
    fips = exp._iso_to_fips()
    assert (fips["DEU"], fips["PAK"], fips["USA"], fips["CHN"]) == ("GM", "PK", "US", "CH")
    assert len(fips) > 200


def test_csv_is_readable_with_lists_joined(store, tmp_path):
    (path,) = export(store, "csv", tmp_path)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(exp.CSV_COLUMNS)
    assert [r["id"] for r in rows] == ["ev1", "ev2", "ev4"]
    ev2 = rows[1]
    assert (ev2["actor_codes"], ev2["recipient_codes"], ev2["mode"]) == ("PAK;CHN", "", "phone")
    assert (ev2["date"], ev2["is_event"], ev2["quad_code"], ev2["event_scale"]) == ("2024-06-02", "true", "1", "2.5")
    assert rows[0]["evidence"] == EVENTS[0][19]  # csv quoting keeps the text whole
    assert rows[2]["date"] == "" and rows[2]["n_outlets"] == "1"


def test_parquet_is_partitioned_by_month(store, tmp_path):
    files = export(store, "parquet", tmp_path)
    root = tmp_path / "events.parquet"
    assert files and all(f.suffix == ".parquet" and f.is_file() for f in files)
    assert sorted({f.parent.name for f in files}) == ["month=2024-05", "month=2024-06", "month=unknown"]
    con = duckdb.connect()
    rows = con.execute(f"SELECT id, month, n_articles FROM read_parquet('{root}/**/*.parquet', hive_partitioning=true) "
                       "ORDER BY id").fetchall()
    assert rows == [("ev1", "2024-05", 2), ("ev2", "2024-06", 1), ("ev4", "unknown", 1)]
    names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{root}/**/*.parquet')").fetchall()]
    assert "record" not in names and "words" not in names and "actor_codes" in names
    # a narrower re-export replaces the directory: no stale months
    files = export(store, "parquet", tmp_path, since="2024-06-01")
    assert {f.parent.name for f in files} == {"month=2024-06"}
    assert sorted(p.name for p in root.iterdir()) == ["month=2024-06"]


def test_parquet_rejects_a_path_with_a_quote(store, tmp_path):
    with pytest.raises(ValueError, match="single quote"):
        export(store, "parquet", tmp_path / "it's")


def test_date_filters_apply_to_every_format(store, tmp_path):
    window = {"since": "2024-06-01", "until": dt.date(2024, 6, 30)}
    (plover,) = export(store, "plover", tmp_path / "p", **window)
    assert [json.loads(line)["id"] for line in plover.read_text().splitlines()] == ["ev2"]
    (gdelt,) = export(store, "gdelt", tmp_path / "g", **window)
    assert [r["GLOBALEVENTID"] for r in _rows(gdelt)] == ["ev2"]
    (phoenix,) = export(store, "phoenix", tmp_path / "x", until="2024-05-31")
    assert [r["EventID"] for r in _rows(phoenix)] == ["ev1"]
    files = export(store, "parquet", tmp_path / "q", **window)
    assert {f.parent.name for f in files} == {"month=2024-06"}


def test_country_filter_matches_actors_and_recipients(store, tmp_path):
    (path,) = export(store, "csv", tmp_path / "deu", country="DEU")  # a recipient
    assert [r["id"] for r in csv.DictReader(path.open(encoding="utf-8"))] == ["ev1"]
    (path,) = export(store, "phoenix", tmp_path / "pak", country="pak")  # an actor, in lower case
    assert [r["EventID"] for r in _rows(path)] == ["ev1", "ev2"]
    (path,) = export(store, "phoenix", tmp_path / "pak2", country="PAK", events_only=False)
    assert [r["EventID"] for r in _rows(path)] == ["ev1", "ev2", "ev3"]


def test_events_only_false_keeps_negated_records(store, tmp_path):
    (path,) = export(store, "plover", tmp_path, events_only=False)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["id"] for r in records] == ["ev1", "ev2", "ev3", "ev4"]
    (path,) = export(store, "gdelt", tmp_path, events_only=False)
    assert len(_rows(path)) == 4


def test_paged_reading_gives_the_same_rows(store, tmp_path, monkeypatch):
    (whole,) = export(store, "gdelt", tmp_path / "whole", events_only=False)
    monkeypatch.setattr(exp, "PAGE_SIZE", 1)
    (paged,) = export(store, "gdelt", tmp_path / "paged", events_only=False)
    assert paged.read_text() == whole.read_text()


def test_unknown_format_and_bad_filters_are_errors(store, tmp_path):
    with pytest.raises(ValueError, match=r"'xml'.*plover, phoenix, gdelt, csv, parquet"):
        export(store, "xml", tmp_path / "never")
    assert not (tmp_path / "never").exists()
    with pytest.raises(ValueError, match="since"):
        export(store, "csv", tmp_path, since="last week")
    with pytest.raises(TypeError, match="contry"):
        export(store, "csv", tmp_path, contry="PAK")


def test_output_directory_is_created(store, tmp_path):
    (path,) = export(store, "csv", str(tmp_path / "a" / "b"))
    assert path.is_file() and path.parent == tmp_path / "a" / "b"
