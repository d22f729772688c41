"""The store's tables, its schema version and the migrations between versions.

Articles, the per-article records the coder produced ("reports"), the canonical events they merge
into (one per real-world happening), their evidence (mentions) and actors (entities), the
country-pair index that the dyad and partner queries read, the agreements registry with its status
history, ingest runs and rejects. Each migration is a list of statements applied in one
transaction, so a store is always at one version or the next, never between.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 2

_V1 = [
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, inputs VARCHAR, status VARCHAR,
        articles INTEGER DEFAULT 0, duplicates INTEGER DEFAULT 0, seen INTEGER DEFAULT 0,
        reports INTEGER DEFAULT 0, rejects INTEGER DEFAULT 0)""",
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, url VARCHAR, title VARCHAR, outlet VARCHAR,
        pub_date DATE, date_source VARCHAR, origin VARCHAR, text VARCHAR,
        duplicate_of VARCHAR,       -- the same text was stored before under this id: not coded again
        near_duplicate_of VARCHAR,  -- a lightly edited copy or an updated version of this article
        n_reports INTEGER, run_id INTEGER, ingested_at TIMESTAMP)""",
    "CREATE INDEX articles_hash ON articles (content_hash)",
    """CREATE TABLE events (
        id VARCHAR PRIMARY KEY, event_type VARCHAR, is_event BOOLEAN, date DATE, date_precision VARCHAR,
        date_source VARCHAR, actor_codes VARCHAR[], recipient_codes VARCHAR[], dyad VARCHAR, quad_code INTEGER,
        event_scale DOUBLE, cameo VARCHAR, mode VARCHAR[], context VARCHAR[], place VARCHAR,
        place_country VARCHAR, place_source VARCHAR, place_resolution INTEGER, lat DOUBLE, lon DOUBLE,
        confidence DOUBLE, topic VARCHAR,
        n_reports INTEGER, n_articles INTEGER, n_outlets INTEGER, first_article VARCHAR,
        evidence VARCHAR, words VARCHAR, record VARCHAR, first_seen TIMESTAMP)""",
    """CREATE TABLE reports (
        id VARCHAR PRIMARY KEY, event_id VARCHAR, article_id VARCHAR, outlet VARCHAR, event_type VARCHAR,
        is_event BOOLEAN, date DATE, date_precision VARCHAR, actor_codes VARCHAR[],
        recipient_codes VARCHAR[], record VARCHAR)""",
    "CREATE INDEX reports_event ON reports (event_id)",
    """CREATE TABLE mentions (
        report_id VARCHAR, event_id VARCHAR, article_id VARCHAR, sequence INTEGER, start INTEGER,
        "end" INTEGER, trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER, sentence VARCHAR,
        attribution VARCHAR, in_caption BOOLEAN)""",
    """CREATE TABLE entities (
        report_id VARCHAR, event_id VARCHAR, role VARCHAR, position INTEGER, code VARCHAR,
        entity_text VARCHAR, identifier_text VARCHAR, sector VARCHAR, office VARCHAR, kind VARCHAR)""",
    """CREATE TABLE event_pairs (
        event_id VARCHAR, country VARCHAR, counterpart VARCHAR, date DATE, date_precision VARCHAR,
        event_type VARCHAR, quad_code INTEGER, event_scale DOUBLE, is_event BOOLEAN)""",
    """CREATE TABLE agreements (
        id VARCHAR PRIMARY KEY, kind VARCHAR, name VARCHAR, parties VARCHAR[], subject VARCHAR,
        status VARCHAR, first_date DATE, last_date DATE)""",
    """CREATE TABLE agreement_status (
        agreement_id VARCHAR, status VARCHAR, date DATE, date_precision VARCHAR, event_id VARCHAR,
        report_id VARCHAR, article_id VARCHAR, evidence VARCHAR)""",
    "CREATE TABLE rejects (run_id INTEGER, origin VARCHAR, reason VARCHAR, rejected_at TIMESTAMP)",
]

# v2: indexes for the lookups by event and by article that the pages and the writer make. At a million
# events a page's evidence lookup falls from ~150 ms (a scan of the mentions) to ~5 ms, and the writer's
# replacement of an event's pair rows no longer scans the pair index (benchmarks/pages.py).
_V2 = [
    "CREATE INDEX mentions_event ON mentions (event_id)",
    "CREATE INDEX entities_event ON entities (event_id)",
    "CREATE INDEX reports_article ON reports (article_id)",
    "CREATE INDEX event_pairs_event ON event_pairs (event_id)",
    "CREATE INDEX agreement_status_agreement ON agreement_status (agreement_id)",
]

MIGRATIONS: dict[int, list[str]] = {1: _V1, 2: _V2}


def version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of a store; 0 for a new, empty file."""
    has_meta = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()
    if not has_meta or not has_meta[0]:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring a store up to SCHEMA_VERSION, one version a transaction; returns the version reached."""
    current = version(con)
    if current > SCHEMA_VERSION:
        raise StoreError(f"the store has schema version {current}; this communique reads up to {SCHEMA_VERSION}"
                         " (upgrade communique)")
    for target in range(current + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[target]:
                con.execute(statement)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message says why."""
