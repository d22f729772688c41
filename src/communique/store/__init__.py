"""The event store: a DuckDB file holding articles, coded records, canonical events and agreements.

    >>> from communique.store import Store, ingest
    >>> summary = ingest(Store("events.duckdb"), ["corpus.jsonl"])
"""

from .db import DEFAULT_DB, Store, default_path
from .schema import SCHEMA_VERSION, StoreError
from .writer import RunSummary, content_hash, ingest

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "RunSummary", "Store", "StoreError", "content_hash", "default_path",
           "ingest"]
