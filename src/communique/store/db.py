"""Opening a store: one writer at a time, readers in between, never a half-written state.

DuckDB lets one process hold a database file for writing, and no other process may read it
meanwhile. The store therefore never holds the file for long: the writer opens it for one short
transaction per batch (a batch is coded with the file closed) and readers open it read-only for one
query. Each side retries while the other holds the lock, so a query run during an ingest waits at
most one batch commit and sees the store as of the last committed batch. The design is described in
docs/architecture.md.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .schema import SCHEMA_VERSION, StoreError, migrate, version

DEFAULT_DB = "communique.duckdb"
LOCK_TIMEOUT = 60.0  # seconds a reader or the writer waits for the other side's lock
MEMORY_LIMIT = "1GB"


def default_path() -> str:
    """$COMMUNIQUE_DB, else ./communique.duckdb."""
    return os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB


class Store:
    """A store file. `with store.write() as con:` and `with store.read() as con:` give short-lived
    connections; a write connection is inside one transaction, committed when the block ends."""

    def __init__(self, path: str | os.PathLike | None = None, lock_timeout: float = LOCK_TIMEOUT):
        self.path = Path(path or default_path())
        self.lock_timeout = lock_timeout
        self._session = threading.local()  # a read connection shared by the queries of one session()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def exists(self) -> bool:
        return self.path.exists()

    def create(self) -> None:
        """Create the file or bring its schema up to date."""
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"{self.path}: directory {self.path.parent} does not exist")
        con = self._connect(read_only=False)
        try:
            migrate(con)
        finally:
            con.close()

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self._connect(read_only=False)
        try:
            if version(con) != SCHEMA_VERSION:
                migrate(con)
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    @contextmanager
    def session(self) -> Iterator[None]:
        """Run several queries on one read-only connection: every `read()` inside the block, in this
        thread, reuses it. A web page that asks four questions opens the file once, not four times;
        the block should stay as short as one page, since a writer waits while it is open."""
        if getattr(self._session, "con", None) is not None:
            yield
            return
        with self.read() as con:
            self._session.con = con
            try:
                yield
            finally:
                self._session.con = None

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        shared = getattr(self._session, "con", None)
        if shared is not None:
            yield shared
            return
        if not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `communique ingest` first)")
        con = self._connect(read_only=True)
        try:
            found = version(con)
            if found != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: schema version {found}, expected {SCHEMA_VERSION} "
                                 "(run `communique ingest` to migrate it)" if found < SCHEMA_VERSION else
                                 f"{self.path}: schema version {found} is newer than this communique")
            yield con
        finally:
            con.close()

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_timeout
        pause = 0.02
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only,
                                     config={"memory_limit": MEMORY_LIMIT, "threads": 2})
                con.execute("SET enable_progress_bar = false")  # a slow migration must not draw on stdout
                return con
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"{self.path}: {_first_line(exc)}") from None
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: not a communique store ({_first_line(exc)})") from None
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
