"""Ingest at scale: exactly once across a kill -9, and peak memory at two corpus sizes.

    .venv/bin/python benchmarks/ingest.py exactly-once --articles 4000
    .venv/bin/python benchmarks/ingest.py memory --articles 1000 10000

The corpus is ../shared/data/voa_stories.jsonl repeated to N articles, each copy with a fresh id and
a closing reference line of its own, so that every copy is a new text that is coded (the same text
under a new id would be linked to the stored one without coding, which measures nothing).

exactly-once: an uninterrupted run into one store and, at the same time, a run into a second store
that is killed with SIGKILL once half the articles are stored, then rerun to the end; the article,
record and event sets (ids and counts) of the two stores must be equal, and a further ingest of the
same input must add nothing. memory: the peak RSS of `communique ingest` (os.wait4) per size.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
VOA = ROOT.parent / "shared" / "data" / "voa_stories.jsonl"

from communique.store import Store, StoreError  # noqa: E402


def corpus(n: int, path: Path) -> Path:
    stories = [json.loads(line) for line in VOA.read_text().splitlines() if line.strip()]
    with open(path, "w") as out:
        for i in range(n):
            rec = dict(stories[i % len(stories)])
            rec["id"] = f"copy{i:06d}-{rec.get('id', i)}"
            rec["text"] = rec["text"].rstrip() + f"\n\nReference {i:06d}."
            out.write(json.dumps(rec) + "\n")
    return path


def command(db: Path, inputs: Path) -> list[str]:
    return [str(ROOT / ".venv" / "bin" / "communique"), "ingest", str(inputs), "--db", str(db), "--quiet"]


def run(db: Path, inputs: Path) -> tuple[float, int]:
    """Seconds and peak RSS (MB) of one ingest run to its end."""
    start = time.monotonic()
    proc = subprocess.Popen(command(db, inputs), stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"ingest into {db} failed")
    return time.monotonic() - start, usage.ru_maxrss // 1024


def snapshot(db: Path) -> dict[str, object]:
    with Store(db).read() as con:
        return {
            "articles": con.execute("SELECT list(id ORDER BY id) FROM articles").fetchone()[0],
            "reports": con.execute("SELECT list(id || '>' || event_id ORDER BY id) FROM reports").fetchone()[0],
            "events": con.execute("SELECT list(id || ':' || n_reports || ':' || n_articles ORDER BY id) "
                                  "FROM events").fetchone()[0],
            "agreements": con.execute("SELECT count(*) FROM agreement_status").fetchone()[0],
        }


def stored(db: Path) -> int:
    try:
        with Store(db, lock_timeout=2).read() as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except (StoreError, Exception):
        return 0


def exactly_once(n: int, tmp: Path) -> None:
    inputs = corpus(n, tmp / "corpus.jsonl")
    whole, killed = tmp / "whole.duckdb", tmp / "killed.duckdb"
    start = time.monotonic()
    uninterrupted = subprocess.Popen(command(whole, inputs), stdout=subprocess.DEVNULL)
    victim = subprocess.Popen(command(killed, inputs), stdout=subprocess.DEVNULL)
    while stored(killed) < n // 2 and victim.poll() is None:
        time.sleep(1)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    at_kill = stored(killed)
    print(f"killed with SIGKILL at {at_kill} of {n} articles stored ({time.monotonic() - start:.0f}s)")
    rerun_s, _ = run(killed, inputs)
    if uninterrupted.wait() != 0:
        raise SystemExit("the uninterrupted run failed")
    a, b = snapshot(whole), snapshot(killed)
    for key in a:
        size = a[key] if isinstance(a[key], int) else len(a[key] or [])
        print(f"{key:>10}: uninterrupted {size}, killed+rerun "
              f"{b[key] if isinstance(b[key], int) else len(b[key] or [])}, identical: {a[key] == b[key]}")
    again_s, _ = run(killed, inputs)
    c = snapshot(killed)
    print(f"rerun after the kill took {rerun_s:.0f}s; a further ingest took {again_s:.1f}s and "
          f"{'added nothing' if c == b else 'CHANGED THE STORE'}")
    print("exactly once:", "PASS" if a == b == c else "FAIL")


def memory(sizes: list[int], tmp: Path) -> None:
    for n in sizes:
        inputs = corpus(n, tmp / f"corpus{n}.jsonl")
        secs, rss = run(tmp / f"mem{n}.duckdb", inputs)
        print(f"{n:>6} articles: {secs:.0f}s ({n / secs:.2f} articles/s), peak RSS {rss} MB, "
              f"store {(tmp / f'mem{n}.duckdb').stat().st_size / 1e6:.1f} MB")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["exactly-once", "memory"])
    ap.add_argument("--articles", type=int, nargs="+", default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.mode == "exactly-once":
            exactly_once((args.articles or [4000])[0], Path(tmp))
        else:
            memory(args.articles or [1000, 10000], Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
