"""The store's commands end to end: the real CLI, the real coder, the real DuckDB file.

The store holds the founding seed article and the two rewrites of its news by other outlets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.store import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed-case" / "article.jsonl"
DEVSET = ROOT / "tests" / "store_devset" / "articles.jsonl"
CLI = [sys.executable, "-m", "communique.cli"]


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, check=check)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    tmp = tmp_path_factory.mktemp("store")
    rewrites = [line for line in DEVSET.read_text().splitlines() if json.loads(line)["id"].startswith("seed-rw-")]
    corpus = tmp / "rewrites.jsonl"
    corpus.write_text("\n".join(rewrites) + "\n")
    path = str(tmp / "seed.duckdb")
    done = cli("ingest", str(SEED), str(corpus), "--db", path, "--quiet")
    assert "3 articles coded" in done.stdout
    return path


def test_dyad_shows_april_and_august(db):
    rows = json.loads(cli("dyad", "PAK", "BLR", "--db", db, "--format", "json").stdout)
    periods = {r["period"]: r for r in rows}
    assert set(periods) == {"2025-04", "2025-08"}
    assert periods["2025-04"]["events"] >= 1 and periods["2025-08"]["events"] > periods["2025-04"]["events"]
    assert periods["2025-08"]["quad3"] == periods["2025-08"]["quad4"] == 0  # all cooperative
    table = cli("dyad", "PAK", "BLR", "--db", db).stdout
    assert "2025-04" in table and "2025-08" in table


def test_agreements_of_pakistan_have_their_steps(db):
    rows = json.loads(cli("agreements", "--country", "PAK", "--db", db, "--format", "json").stdout)
    got = {(r["kind"], r["status"]) for r in rows}
    for expected in [("treaty", "finalized"), ("protocol", "signed"), ("memorandum of understanding", "signed"),
                     ("working group", "agreed"), ("cooperation", "agreed")]:
        assert expected in got, (expected, got)
    treaty = next(r for r in rows if r["kind"] == "treaty")
    assert treaty["parties"] == ["BLR", "PAK"] and treaty["subject"] == "extradition"
    assert all(step["date"].startswith("2025-08") and step["evidence"] for step in treaty["history"])
    assert "extradition" in cli("agreements", "--country", "PAK", "--db", db).stdout


def test_events_filter_and_one_event_with_every_mention(db):
    rows = json.loads(cli("events", "--dyad", "PAK-BLR", "--type", "CONSULT", "--since", "2025-08-01",
                          "--db", db, "--format", "json").stdout)
    assert rows and all(r["event_type"] == "CONSULT" and str(r["date"]) >= "2025-08-01" for r in rows)
    widest = max(rows, key=lambda r: r["n_articles"])
    assert widest["n_articles"] == 3  # the seed story and both rewrites report the visit
    one = json.loads(cli("event", widest["id"], "--db", db).stdout)
    assert len({m["article_id"] for m in one["mentions"]}) == 3
    assert cli("events", "--type", "ASSAULT", "--db", db, "--format", "json").stdout.strip() == "[]"


def test_stats_and_exports(db, tmp_path):
    stats = json.loads(cli("stats", "--db", db, "--format", "json").stdout)
    assert stats["articles"] == 3 and stats["events"] > 0 and stats["schema_version"] == SCHEMA_VERSION
    out = tmp_path / "out"
    for fmt in ["plover", "phoenix", "gdelt", "csv", "parquet"]:
        files = cli("export", "--format", fmt, "-o", str(out), "--db", db).stdout.split()
        assert files and all(Path(f).exists() for f in files)
    gdelt = (out / "events.gdelt.tsv").read_text().splitlines()
    assert len(gdelt[0].split("\t")) == 61 and "\tPK\t" in "\n".join(gdelt[1:])  # FIPS, not ISO


def test_store_errors_are_one_line(tmp_path):
    missing = cli("dyad", "PAK", "BLR", "--db", str(tmp_path / "none.duckdb"), check=False)
    assert missing.returncode == 1 and "no such store" in missing.stderr and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    bad = cli("events", "--limit", "100000", "--db", str(tmp_path / "none.duckdb"), check=False)
    assert bad.returncode in (1, 2) and "Traceback" not in bad.stderr


def test_ingest_shows_progress_and_a_summary_and_skips_what_it_has(tmp_path):
    db = str(tmp_path / "p.duckdb")
    first = cli("ingest", str(SEED), "--db", db)
    assert "articles/s" in first.stderr and "events" in first.stderr  # the progress bar, on stderr
    assert "1 articles coded" in first.stdout
    again = cli("ingest", str(SEED), "--db", db, "--quiet")
    assert "0 articles coded" in again.stdout and "1 already stored" in again.stdout and again.stderr == ""


def test_the_store_defaults_to_communique_db_from_the_environment(tmp_path, db):
    import os

    env = {**os.environ, "COMMUNIQUE_DB": db}
    out = subprocess.run([*CLI, "stats", "--format", "json"], capture_output=True, text=True, cwd=tmp_path, env=env,
                         check=True)
    assert json.loads(out.stdout)["articles"] == 3
    env["COMMUNIQUE_DB"] = str(tmp_path / "elsewhere.duckdb")
    missing = subprocess.run([*CLI, "stats"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert missing.returncode == 1 and "elsewhere.duckdb" in missing.stderr
