"""Server-side render time of the dashboard's pages on a large store: are the dyad and country pages
under 300 ms with a million events?

Builds the synthetic store of benchmarks/queries.py (1,000,000 events by default, shaped like news
coverage) and gives every event one evidence mention and its actor and recipient entities, as an
ingest would, so the pages' evidence lookups read tables of realistic size. Then requests each page
through the real application (ASGI, in process: routing, queries, templates, no network) and reports
the median and the worst of several requests. Each request opens the store read-only once.

    .venv/bin/python benchmarks/pages.py [--events 1000000] [--reps 7] [--db PATH]

With --db naming an existing store (for example one left by queries.py --db), that store is used
as it is, after the evidence rows are added if it has none.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from communique.store import Store  # noqa: E402
from communique.web import create_app  # noqa: E402
from queries import build  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

TARGET_MS = 300

EVIDENCE_SQL = [
    """INSERT INTO mentions SELECT id, id, 'bench-' || substr(id, 1, 6), 1, 0, length(evidence),
           split_part(evidence, ' ', 2), position(split_part(evidence, ' ', 2) IN evidence) - 1,
           position(split_part(evidence, ' ', 2) IN evidence) - 1 + length(split_part(evidence, ' ', 2)),
           evidence, NULL, false FROM events""",
    """INSERT INTO entities SELECT id, id, 'actor', 0, unnest(actor_codes), unnest(actor_codes),
           unnest(actor_codes), NULL, NULL, 'state' FROM events""",
    """INSERT INTO entities SELECT id, id, 'recipient', 0, unnest(recipient_codes), unnest(recipient_codes),
           unnest(recipient_codes), NULL, NULL, 'state' FROM events WHERE len(recipient_codes) > 0""",
]


def add_evidence(store: Store) -> None:
    with store.read() as con:
        (have,) = con.execute("SELECT count(*) FROM mentions").fetchone()
    if have:
        return
    t0 = time.perf_counter()
    with store.write() as con:
        for sql in EVIDENCE_SQL:
            con.execute(sql)
    with store.read() as con:
        (m,) = con.execute("SELECT count(*) FROM mentions").fetchone()
        (e,) = con.execute("SELECT count(*) FROM entities").fetchone()
    print(f"added {m:,} mentions and {e:,} entities in {time.perf_counter() - t0:.1f} s")


def subjects(store: Store) -> dict[str, str]:
    """The pages to time: the busiest and a typical dyad and country, an event, home."""
    with store.read() as con:
        dyads = con.execute("SELECT country, counterpart, count(*) AS n FROM event_pairs WHERE country < counterpart "
                            "AND is_event GROUP BY ALL ORDER BY n DESC, country, counterpart").fetchall()
        countries = con.execute("SELECT country, count(*) AS n FROM event_pairs WHERE is_event GROUP BY country "
                                "ORDER BY n DESC, country").fetchall()
        (event_id,) = con.execute("SELECT id FROM events WHERE is_event ORDER BY date DESC LIMIT 1").fetchone()
    busy, typical = dyads[0], dyads[len(dyads) // 2]
    middle = countries[len(countries) // 2][0]
    return {
        f"dyad {busy[0]}-{busy[1]} (busiest, {busy[2]:,} events)": f"/dyad/{busy[0]}/{busy[1]}",
        f"dyad {typical[0]}-{typical[1]} (median dyad, {typical[2]:,})": f"/dyad/{typical[0]}/{typical[1]}",
        f"dyad {busy[0]}-{busy[1]} by week, CONSULT, since 2024": f"/dyad/{busy[0]}/{busy[1]}?by=week&type=CONSULT"
                                                                 "&since=2024-01-01",
        f"dyad {busy[0]}-{busy[1]} context=future, page 3": f"/dyad/{busy[0]}/{busy[1]}?context=future&page=3",
        f"country {countries[0][0]} (busiest, {countries[0][1]:,} pair rows)": f"/country/{countries[0][0]}",
        f"country {middle} (median country)": f"/country/{middle}",
        f"country {countries[0][0]} since 2020": f"/country/{countries[0][0]}?since=2020-01-01",
        "event page": f"/event/{event_id}",
        "home": "/",
        "agreements": "/agreements",
    }


def run(store: Store, reps: int) -> bool:
    client = TestClient(create_app(store))
    print(f"\n{'page':58} {'median ms':>9} {'max ms':>8}  target")
    ok = True
    for label, path in subjects(store).items():
        client.get(path)  # the first request warms the file cache; users' first page does not count either
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            r = client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                sys.exit(f"{path}: {r.status_code} {r.text[:200]}")
        median = statistics.median(times)
        timed = label.startswith(("dyad", "country"))
        verdict = (f"< {TARGET_MS} ms " + ("ok" if median < TARGET_MS else "MISSED")) if timed else ""
        ok &= median < TARGET_MS or not timed
        print(f"{label:58} {median:9.1f} {max(times):8.1f}  {verdict}")
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--db", help="an existing store to use, or a new file to build (default: a temporary one)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="communique-pages-") as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        store = Store(path)
        print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (other work skews the times)")
        if not path.exists():
            build(store, args.events, args.seed)
        add_evidence(store)
        ok = run(store, args.reps)
        print(f"\n{'all targets met' if ok else 'a target was missed'} (median); "
              f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
