"""The store through the real coder and the real DuckDB file: exactly once, resumable after kill -9,
duplicates linked, happenings merged across articles, the agreements registry, reads during writes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.store import Store, StoreError, content_hash, ingest

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "store_devset" / "articles.jsonl"
SEED = ROOT.parent / "shared" / "seed-case" / "article.jsonl"
CLI = [sys.executable, "-m", "communique.cli"]


def _records(n: int | None = None, ids: set[str] | None = None) -> list[dict]:
    recs = [json.loads(line) for line in DEVSET.read_text().splitlines()]
    if ids is not None:
        recs = [r for r in recs if r["id"] in ids]
    return recs[:n] if n else recs


def _write(path: Path, recs: list[dict], extra: list[str] = ()) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs) + "".join(x + "\n" for x in extra))
    return path


def _snapshot(store: Store) -> tuple[list, list, list]:
    with store.read() as con:
        arts = con.execute("SELECT id, content_hash, duplicate_of FROM articles ORDER BY id").fetchall()
        reports = con.execute("SELECT id, event_id FROM reports ORDER BY id").fetchall()
        events = con.execute("SELECT id, event_type, dyad, n_reports, n_articles FROM events ORDER BY id").fetchall()
    return arts, reports, events


def test_content_hash_ignores_spacing_only():
    assert content_hash("Kenya and  Uganda\nagreed.") == content_hash("Kenya and Uganda agreed.")
    assert content_hash("Kenya and Uganda agreed.") != content_hash("Kenya and Tanzania agreed.")


def test_ingest_once_rejects_and_rerun(tmp_path):
    corpus = _write(tmp_path / "c.jsonl", _records(5), ['{"id": "broken", "text": ', '{"text": "no id here"}'])
    store = Store(tmp_path / "s.duckdb")
    first = ingest(store, [str(corpus)])
    assert (first.articles, first.seen, len(first.rejects)) == (5, 0, 2)
    assert first.reports > 0 and first.events_new > 0
    before = _snapshot(store)
    second = ingest(store, [str(corpus)])
    assert (second.articles, second.seen, second.reports) == (0, 5, 0)
    assert _snapshot(store) == before
    with store.read() as con:
        reasons = [r[0] for r in con.execute("SELECT reason FROM rejects WHERE run_id = 1").fetchall()]
        runs = con.execute("SELECT id, status, articles FROM runs ORDER BY id").fetchall()
    assert any("not valid JSON" in r for r in reasons) and any("no 'id'" in r for r in reasons)
    assert runs == [(1, "done", 5), (2, "done", 0)]


def test_same_text_under_new_id_is_linked_not_recoded(tmp_path):
    rec = _records(1)[0]
    copy = {**rec, "id": rec["id"] + "-syndicated", "outlet": "Another Outlet"}
    corpus = _write(tmp_path / "c.jsonl", [rec, copy])
    store = Store(tmp_path / "s.duckdb")
    calls = []

    def counting_coder(articles):
        from communique.pipeline import code_articles

        calls.extend(a.id for a in articles)
        return code_articles(articles)

    summary = ingest(store, [str(corpus)], coder=counting_coder)
    assert calls == [rec["id"]]
    assert (summary.articles, summary.duplicates) == (1, 1)
    with store.read() as con:
        dup = con.execute("SELECT duplicate_of, text FROM articles WHERE id = ?", [copy["id"]]).fetchone()
        counts = con.execute("SELECT min(n_articles), min(n_outlets) FROM events").fetchone()
    assert dup == (rec["id"], None)  # the text is kept once
    assert counts == (2, 2)


def test_light_edits_and_updated_versions_are_near_duplicates(tmp_path):
    recs = _records(ids={"mrg-04a", "mrg-04b", "mrg-04c", "mrg-03a", "mrg-03b"})
    store = Store(tmp_path / "s.duckdb")
    ingest(store, [str(_write(tmp_path / "c.jsonl", recs))])
    with store.read() as con:
        flagged = dict(con.execute("SELECT id, near_duplicate_of FROM articles").fetchall())
    assert flagged["mrg-04c"] == "mrg-04b"  # a light edit by the same outlet, its own url
    assert flagged["mrg-03b"] == "mrg-03a"  # an updated version at the same url
    assert flagged["mrg-04a"] is None and flagged["mrg-04b"] is None  # another outlet's own report


def test_reports_of_one_happening_merge_across_outlets(tmp_path):
    """The seed story and its two rewrites by other outlets: one visit with three sources."""
    recs = _records(ids={"seed-rw-1", "seed-rw-2"})
    corpus = _write(tmp_path / "c.jsonl", recs)
    store = Store(tmp_path / "s.duckdb")
    ingest(store, [str(SEED), str(corpus)])
    with store.read() as con:
        visits = con.execute("SELECT n_articles, n_outlets, date FROM events WHERE event_type = 'CONSULT' "
                             "AND dyad = 'BLR-PAK' AND date = DATE '2025-08-27' AND is_event").fetchall()
        april = con.execute("SELECT count(*) FROM events WHERE event_type = 'CONSULT' AND dyad = 'BLR-PAK' "
                            "AND date_precision = 'month' AND date = DATE '2025-04-01'").fetchone()[0]
        rows = con.execute("SELECT kind, status, first_date FROM agreements WHERE list_contains(parties, 'PAK') "
                           "AND list_contains(parties, 'BLR')").fetchall()
    steps = {(kind, status, str(first)) for kind, status, first in rows}
    assert any(n == 3 and o == 3 for n, o, _ in visits), visits
    assert april == 1  # the April visit to Minsk, told by two of the three, is one event
    for expected in [("treaty", "finalized"), ("protocol", "signed"), ("memorandum of understanding", "signed"),
                     ("working group", "agreed"), ("cooperation", "agreed")]:
        assert any((k, s) == expected and d.startswith("2025-08") for k, s, d in steps), (expected, steps)


def _ingest_cmd(db: Path, corpus: Path, batch: int = 4) -> list[str]:
    return [*CLI, "ingest", str(corpus), "--db", str(db), "--batch-size", str(batch), "--quiet"]


def _count_articles(store: Store) -> int:
    try:
        with store.read() as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except (StoreError, Exception):
        return 0


def test_kill_9_then_rerun_equals_uninterrupted_run(tmp_path):
    corpus = _write(tmp_path / "c.jsonl", _records(24))
    whole = Store(tmp_path / "whole.duckdb")
    subprocess.run(_ingest_cmd(whole.path, corpus), check=True, capture_output=True, cwd=ROOT)
    killed = Store(tmp_path / "killed.duckdb")
    proc = subprocess.Popen(_ingest_cmd(killed.path, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            cwd=ROOT)
    deadline = time.monotonic() + 120
    while _count_articles(killed) < 8 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count_articles(killed)
    assert 0 < partial < 24, "the kill must land mid-run"
    subprocess.run(_ingest_cmd(killed.path, corpus), check=True, capture_output=True, cwd=ROOT)
    assert _snapshot(killed) == _snapshot(whole)
    again = subprocess.run(_ingest_cmd(killed.path, corpus), check=True, capture_output=True, text=True, cwd=ROOT)
    assert "0 articles coded" in again.stdout and "24 already stored" in again.stdout
    assert _snapshot(killed) == _snapshot(whole)


def test_reads_during_an_ingest_see_whole_batches(tmp_path):
    corpus = _write(tmp_path / "c.jsonl", _records(16))
    store = Store(tmp_path / "s.duckdb")
    proc = subprocess.Popen(_ingest_cmd(store.path, corpus, batch=2), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=ROOT)
    seen = []
    try:
        while proc.poll() is None:
            if store.exists():
                try:
                    with store.read() as con:
                        seen.append(con.execute(
                            "SELECT (SELECT count(*) FROM articles), "
                            "(SELECT coalesce(sum(n_reports), 0) FROM articles), (SELECT count(*) FROM reports), "
                            "(SELECT coalesce(sum(n_reports), 0) FROM events)"
                        ).fetchone())
                except StoreError as exc:
                    if "schema version 0" not in str(exc):
                        raise
            time.sleep(0.05)
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0
    assert len(seen) >= 3, "the test must read while the ingest runs"
    for arts, claimed, reports, counted in seen:
        assert arts % 2 == 0 or arts == 16  # whole batches of two
        assert claimed == reports == counted  # every article's records and every event's count, never half
    assert [s[0] for s in seen] == sorted(s[0] for s in seen)


def test_reader_errors_are_one_line(tmp_path):
    with pytest.raises(StoreError, match="no such store"), Store(tmp_path / "missing.duckdb").read():
        pass
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="junk.duckdb"):
        Store(junk).create()


def test_schema_is_versioned_and_a_newer_store_is_refused(tmp_path):
    from communique.store import SCHEMA_VERSION

    store = Store(tmp_path / "v.duckdb")
    store.create()
    store.create()  # migrating an up-to-date store changes nothing
    with store.read() as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    with store.write() as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"), store.read():
        pass
    with pytest.raises(StoreError, match="upgrade communique"):
        store.create()
