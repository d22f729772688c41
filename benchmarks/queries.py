"""Query latency on a large synthetic store: are the dyad, partner and event-page queries interactive?

Generates N canonical events (default 1,000,000) with their country-pair rows straight into a fresh
store, in bulk (numpy -> Arrow tables registered in DuckDB, one INSERT ... SELECT each), then times
the query layer (communique.query) as the command line and a web server call it: each call opens
its own read-only connection, so the figures include opening the file.

The data are shaped like news coverage: ~190 country codes whose activity follows a Zipf-like law
(a few countries and a handful of conflict dyads are in the news all the time, most rarely), PLOVER
types at realistic frequencies (CONSULT, AGREE, SUPPORT, ACCUSE common; ASSAULT, COERCE moderate;
the rest rarer), dates 2015-2026 with coverage growing over time, mostly day precision with a few
week, month and year dates, ~5% negated or hypothetical records, joint acts and multi-party events,
and a short evidence sentence. Rows are inserted in date order, as an ingest would write them.

    .venv/bin/python benchmarks/queries.py [--events 1000000] [--reps 7] [--db PATH] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique import query  # noqa: E402
from communique.model import EVENT_TYPES  # noqa: E402
from communique.store import Store  # noqa: E402

N_COUNTRIES = 190
ZIPF_S = 1.1
START, END = dt.date(2015, 1, 1), dt.date(2026, 6, 30)
TARGETS_MS = {"dyad": 200, "partners": 500, "events": 200}

# the most newsworthy first; the rest of the 190 follow in a fixed shuffled order
LEADERS = ["USA", "CHN", "RUS", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "PAK", "TUR", "SAU", "JPN", "KOR",
           "PRK", "SYR", "AFG", "EGY", "PSE", "QAT", "ARE", "BRA", "CAN", "AUS", "ITA", "POL", "IRQ", "LBN", "VEN"]
HOT_DYADS = [("RUS", "UKR"), ("ISR", "PSE"), ("USA", "CHN"), ("IND", "PAK"), ("ISR", "IRN"), ("USA", "RUS"),
             ("KOR", "PRK"), ("ISR", "LBN"), ("AFG", "PAK"), ("USA", "IRN")]
HOT_SHARE = 0.10

TYPE_WEIGHTS = {
    "CONSULT": 22, "AGREE": 13, "SUPPORT": 10, "ACCUSE": 10, "ASSAULT": 7, "COERCE": 6, "REQUEST": 6,
    "COOPERATE": 4, "REJECT": 4, "THREATEN": 4, "PROTEST": 4, "AID": 3, "SANCTION": 3, "MOBILIZE": 2,
    "CONCEDE": 1, "RETREAT": 1,
}
VERBS = {
    "CONSULT": "held talks with", "AGREE": "agreed with", "SUPPORT": "backed", "ACCUSE": "accused",
    "ASSAULT": "struck targets in", "COERCE": "detained citizens of", "REQUEST": "called on", "COOPERATE":
    "signed a cooperation deal with", "REJECT": "rejected demands from", "THREATEN": "threatened",
    "PROTEST": "protested against", "AID": "sent aid to", "SANCTION": "imposed sanctions on",
    "MOBILIZE": "moved troops toward", "CONCEDE": "made concessions to", "RETREAT": "withdrew forces from",
}
MODES = {"ASSAULT": ["aerial", "firearms", "drone", "heavy-weapons"], "COERCE": ["arrest", "seize"],
         "SANCTION": ["economic", "diplomatic"], "PROTEST": ["demonstrate"]}
TOPICS = ["trade", "security", "energy", "a ceasefire", "the border", "visas", "investment", "water sharing",
          "the nuclear programme", "refugees", "fisheries", "climate finance", "extradition", "counter-terrorism"]
# shape of an event: (actors, recipients, share)
SHAPES = [(1, 1, 0.82), (2, 1, 0.06), (1, 2, 0.04), (2, 0, 0.03), (1, 0, 0.05)]
PRECISIONS = [("day", 0.93), ("week", 0.02), ("month", 0.04), ("year", 0.01)]


def countries(rng: np.random.Generator) -> list[tuple[str, str, str]]:
    """(code, name, capital) for N_COUNTRIES states, in activity rank order."""
    with open(ROOT / "src" / "communique" / "data" / "countries.tsv", encoding="utf-8") as f:
        rows = {r["iso3"]: (r["iso3"], r["name"], r["capital"] or r["name"]) for r in csv.DictReader(f, delimiter="\t")}
    rest = sorted(set(rows) - set(LEADERS))
    rng.shuffle(rest)
    return [rows[c] for c in (LEADERS + rest)[:N_COUNTRIES]]


def sample_dates(rng: np.random.Generator, n: int) -> np.ndarray:
    """Days since START with coverage growing linearly (three times as many stories at the end)."""
    span = (END - START).days
    u = rng.random(n)
    # density proportional to 1 + 2t on [0, 1]: inverse CDF of (t + t^2) / 2
    t = (-1 + np.sqrt(1 + 8 * u)) / 2
    return np.sort((t * span).astype(np.int64))


def distinct_codes(rng: np.random.Generator, n: int, p: np.ndarray, slots: np.ndarray, present: np.ndarray) -> None:
    """Resample slot k of events whose code there repeats an earlier slot (an event names a state once)."""
    for k in range(1, slots.shape[1]):
        while True:
            clash = present[:, k] & ((slots[:, :k] == slots[:, [k]]) & present[:, :k]).any(axis=1)
            m = int(clash.sum())
            if not m:
                break
            slots[clash, k] = rng.choice(len(p), size=m, p=p)


def generate(n: int, seed: int) -> tuple[dict[str, pa.Table], list[str], int]:
    """The events and their pair rows as Arrow tables, and the country codes by rank."""
    rng = np.random.default_rng(seed)
    states = countries(rng)
    codes = pa.array([c for c, _, _ in states])
    ranks = np.arange(1, len(states) + 1)
    p = 1 / ranks**ZIPF_S
    p /= p.sum()

    days = sample_dates(rng, n)
    shape = rng.choice(len(SHAPES), size=n, p=[s[2] for s in SHAPES])
    n_act = np.array([s[0] for s in SHAPES])[shape]
    n_rec = np.array([s[1] for s in SHAPES])[shape]
    # slots: actor 1, actor 2, recipient 1, recipient 2
    slots = rng.choice(len(states), size=(n, 4), p=p)
    present = np.stack([np.ones(n, bool), n_act == 2, n_rec >= 1, n_rec == 2], axis=1)
    hot = (rng.random(n) < HOT_SHARE) & (n_act == 1) & (n_rec == 1)
    index = {c: i for i, (c, _, _) in enumerate(states)}
    pairs = np.array([[index[a], index[b]] for a, b in HOT_DYADS])
    pick = pairs[rng.integers(0, len(pairs), int(hot.sum()))]
    flip = rng.random(len(pick)) < 0.5
    pick[flip] = pick[flip][:, ::-1]
    slots[hot, 0], slots[hot, 2] = pick[:, 0], pick[:, 1]
    # the order actor 1, recipient 1, actor 2, recipient 2 resamples the extras, never a hot pair
    order = [0, 2, 1, 3]
    reordered = slots[:, order]
    distinct_codes(rng, n, p, reordered, present[:, order])
    slots[:, order] = reordered

    def lists(cols: list[int]) -> pa.ListArray:
        mask = present[:, cols]
        flat = slots[:, cols][mask]
        offsets = np.concatenate([[0], np.cumsum(mask.sum(axis=1))]).astype(np.int32)
        return pa.ListArray.from_arrays(pa.array(offsets), codes.take(pa.array(flat)))

    types = list(TYPE_WEIGHTS)
    tw = np.array([TYPE_WEIGHTS[t] for t in types], float)
    type_idx = rng.choice(len(types), size=n, p=tw / tw.sum())
    prec_idx = rng.choice(len(PRECISIONS), size=n, p=[x[1] for x in PRECISIONS])
    dates = np.datetime64(START.isoformat(), "D") + days
    as_month = dates.astype("datetime64[M]").astype("datetime64[D]")
    as_year = dates.astype("datetime64[Y]").astype("datetime64[D]")
    as_week = dates - (dates.astype(np.int64) + 3) % 7  # its Monday: 1970-01-01 was a Thursday
    dates = np.select([prec_idx == 1, prec_idx == 2, prec_idx == 3], [as_week, as_month, as_year], dates)
    ctx_draw = rng.random(n)
    context_kind = np.select([ctx_draw < 0.035, ctx_draw < 0.05, ctx_draw < 0.08], [1, 2, 3], 0)  # neg, hyp, future
    is_event = context_kind == 0
    is_event |= context_kind == 3
    n_articles = np.minimum(rng.geometric(0.45, n), 60)
    n_outlets = np.maximum(1, np.minimum(n_articles, (n_articles * rng.uniform(0.5, 1.0, n)).round().astype(int)))

    events = pa.table({
        "i": pa.array(np.arange(n, dtype=np.int64)),
        "type_idx": pa.array(type_idx.astype(np.int16)),
        "precision": pa.array([x[0] for x in PRECISIONS]).take(pa.array(prec_idx)),
        "date": pa.array(dates.astype("datetime64[D]")),
        "is_event": pa.array(is_event),
        "context_kind": pa.array(context_kind.astype(np.int8)),
        "actor_codes": lists([0, 1]),
        "recipient_codes": lists([2, 3]),
        "k": pa.array(rng.integers(0, 1 << 30, n, dtype=np.int64)),
        "place_side": pa.array(rng.random(n) < 0.6),
        "confidence": pa.array(np.round(rng.uniform(0.35, 0.98, n), 3)),
        "n_reports": pa.array((n_articles + rng.integers(0, 2, n)).astype(np.int32)),
        "n_articles": pa.array(n_articles.astype(np.int32)),
        "n_outlets": pa.array(n_outlets.astype(np.int32)),
    })

    # pair rows: every actor x recipient, or the co-actors of a joint act, both directions
    combos = [(0, 2), (1, 2), (0, 3), (1, 3)]
    ev_idx, country, counterpart = [], [], []
    for a, b in combos:
        m = present[:, a] & present[:, b]
        ev_idx.append(np.flatnonzero(m))
        country.append(slots[m, a])
        counterpart.append(slots[m, b])
    joint = present[:, 1] & ~present[:, 2]
    ev_idx.append(np.flatnonzero(joint))
    country.append(slots[joint, 0])
    counterpart.append(slots[joint, 1])
    e = np.concatenate(ev_idx)
    c1, c2 = np.concatenate(country), np.concatenate(counterpart)
    e, c1, c2 = np.concatenate([e, e]), np.concatenate([c1, c2]), np.concatenate([c2, c1])
    order_pairs = np.argsort(e, kind="stable")  # in event (date) order, as an ingest writes them
    e, c1, c2 = e[order_pairs], c1[order_pairs], c2[order_pairs]
    pair_table = pa.table({
        "i": pa.array(e.astype(np.int64)),
        "country": codes.take(pa.array(c1)),
        "counterpart": codes.take(pa.array(c2)),
        "type_idx": pa.array(type_idx[e].astype(np.int16)),
        "precision": events.column("precision").take(pa.array(e)),
        "date": pa.array(dates[e].astype("datetime64[D]")),
        "is_event": pa.array(is_event[e]),
    })
    lookups = {
        "g_states": pa.table({"code": codes, "name": [s[1] for s in states], "capital": [s[2] for s in states]}),
        "g_types": pa.table({
            "type_idx": pa.array(np.arange(len(types), dtype=np.int16)), "event_type": types,
            "quad_code": [EVENT_TYPES[t][0] for t in types], "event_scale": [EVENT_TYPES[t][1] for t in types],
            "cameo": [EVENT_TYPES[t][2] for t in types], "verb": [VERBS[t] for t in types],
            "modes": [MODES.get(t, []) for t in types]}),
        "g_topics": pa.table({"topic_idx": pa.array(np.arange(len(TOPICS), dtype=np.int64)), "topic": TOPICS}),
    }
    return {"g_events": events, "g_pairs": pair_table, **lookups}, [c for c, _, _ in states], len(e)


EVENTS_SQL = """
INSERT INTO events (id, event_type, is_event, date, date_precision, actor_codes, recipient_codes, dyad, quad_code,
                    event_scale, cameo, mode, context, place, place_country, place_source, place_resolution,
                    confidence, topic, n_reports, n_articles, n_outlets, first_article, evidence, words, record,
                    first_seen)
SELECT id, event_type, is_event, date, precision, actor_codes, recipient_codes, dyad, quad_code, event_scale, cameo,
       mode, context, place, place_country, 'text', 3, confidence, topic, n_reports, n_articles, n_outlets,
       first_article, evidence, '',
       to_json({'id': id, 'event': [event_type], 'date': date, 'date_precision': precision, 'quad_code': quad_code,
                'event_scale': event_scale, 'actor': actor_codes, 'recipient': recipient_codes,
                'evidence': [evidence]})::VARCHAR,
       TIMESTAMP '2026-07-01' + to_seconds(i)
FROM (
    SELECT e.i, md5(CAST(e.i AS VARCHAR))[:16] AS id, t.event_type, e.is_event, e.date, e.precision,
           e.actor_codes, e.recipient_codes,
           array_to_string(list_sort(list_distinct(list_concat(e.actor_codes, e.recipient_codes))), '-') AS dyad,
           t.quad_code, t.event_scale, t.cameo,
           CASE WHEN len(t.modes) > 0 THEN [t.modes[1 + e.k % len(t.modes)]] ELSE []::VARCHAR[] END AS mode,
           CASE e.context_kind WHEN 1 THEN ['negation'] WHEN 2 THEN ['hypothetical'] WHEN 3 THEN ['future']
                ELSE []::VARCHAR[] END AS context,
           p.capital AS place, p.code AS place_country, e.confidence, tp.topic, e.n_reports, e.n_articles,
           e.n_outlets, md5('article' || CAST(e.k AS VARCHAR))[:16] AS first_article,
           a.name || CASE WHEN len(e.actor_codes) > 1 THEN ' and ' || a2.name ELSE '' END || ' '
               || t.verb || ' ' || coalesce(r.name, 'rival factions at home') || ' over ' || tp.topic
               || ' in ' || p.capital || '.' AS evidence
    FROM g_events e
    JOIN g_types t ON t.type_idx = e.type_idx
    JOIN g_topics tp ON tp.topic_idx = e.k % 14
    JOIN g_states a ON a.code = e.actor_codes[1]
    LEFT JOIN g_states a2 ON a2.code = e.actor_codes[2]
    LEFT JOIN g_states r ON r.code = e.recipient_codes[1]
    JOIN g_states p ON p.code = CASE WHEN e.place_side OR len(e.recipient_codes) = 0 THEN e.actor_codes[1]
                                     ELSE e.recipient_codes[1] END
) ORDER BY i
"""

PAIRS_SQL = """
INSERT INTO event_pairs (event_id, country, counterpart, date, date_precision, event_type, quad_code, event_scale,
                         is_event)
SELECT md5(CAST(p.i AS VARCHAR))[:16], p.country, p.counterpart, p.date, p.precision, t.event_type, t.quad_code,
       t.event_scale, p.is_event
FROM g_pairs p JOIN g_types t ON t.type_idx = p.type_idx ORDER BY p.i, p.country, p.counterpart
"""


def build(store: Store, n: int, seed: int) -> tuple[float, int]:
    started = time.perf_counter()
    tables, _, n_pairs = generate(n, seed)
    made = time.perf_counter()
    store.create()
    with store.write() as con:
        for name, table in tables.items():
            con.register(name, table)
        con.execute(EVENTS_SQL)
        con.execute(PAIRS_SQL)
        for name in tables:
            con.unregister(name)
    print(f"generated {n:,} events and {n_pairs:,} pair rows: {made - started:.1f} s in numpy/Arrow, "
          f"{time.perf_counter() - made:.1f} s written to DuckDB")
    return time.perf_counter() - started, n_pairs


def timed(fn: Callable[[], object], reps: int) -> tuple[float, float, object]:
    times, out = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000, help="canonical events to generate")
    ap.add_argument("--reps", type=int, default=7, help="repetitions of each query")
    ap.add_argument("--db", help="store file to create (must not exist); default a temporary directory")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        if path.exists():
            sys.exit(f"{path} exists: give a new path")
        store = Store(path)
        print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (other work skews the times)")
        seconds, _ = build(store, args.events, args.seed)
        print(f"generation total {seconds:.1f} s; store file {os.path.getsize(path) / 2**20:.0f} MiB ({path})")
        run(store, args.reps)
        print(f"load average after: {os.getloadavg()[0]:.2f}")


def run(store: Store, reps: int) -> None:
    with store.read() as con:
        dyads = con.execute("SELECT country, counterpart, count(*) AS n FROM event_pairs WHERE country < counterpart "
                            "AND is_event GROUP BY ALL ORDER BY n DESC, country, counterpart").fetchall()
        (busiest_country, country_n), = con.execute(
            "SELECT country, count(*) AS n FROM event_pairs WHERE is_event GROUP BY country ORDER BY n DESC LIMIT 1"
        ).fetchall()
    busy = dyads[0]
    typical = dyads[len(dyads) // 2]
    print(f"{len(dyads):,} dyads; busiest {busy[0]}-{busy[1]} ({busy[2]:,} events), typical (median dyad) "
          f"{typical[0]}-{typical[1]} ({typical[2]:,} events); busiest country {busiest_country} "
          f"({country_n:,} pair rows)")
    print(f"\n{'query':62} {'median ms':>9} {'max ms':>8} {'rows':>6}  target")
    cases: list[tuple[str, Callable[[], object], str | None]] = [
        (f"dyad {busy[0]}-{busy[1]} by month (busiest)", lambda: query.dyad(store, busy[0], busy[1]), "dyad"),
        (f"dyad {typical[0]}-{typical[1]} by month (typical)",
         lambda: query.dyad(store, typical[0], typical[1]), "dyad"),
        (f"dyad {busy[0]}-{busy[1]} by week since 2024", lambda: query.dyad(store, busy[0], busy[1], by="week",
                                                                            since="2024-01-01"), "dyad"),
        (f"partners {busiest_country} (last 90 days vs the 90 before)",
         lambda: query.partners(store, busiest_country), "partners"),
        (f"partners {busiest_country} since 2020 (vs as long before)",
         lambda: query.partners(store, busiest_country, since="2020-01-01"), "partners"),
        (f"events dyad={busy[0]}-{busy[1]} type=CONSULT since 2024, page 1",
         lambda: query.events(store, dyad=(busy[0], busy[1]), type="CONSULT", since="2024-01-01"), "events"),
        (f"events dyad={typical[0]}-{typical[1]} type=CONSULT since 2024, page 1",
         lambda: query.events(store, dyad=(typical[0], typical[1]), type="CONSULT", since="2024-01-01"), "events"),
        ("events country=IRN type=ASSAULT,COERCE, page 3",
         lambda: query.events(store, country="IRN", type=["ASSAULT", "COERCE"], offset=100), "events"),
        ("events text='ceasefire' since 2025, page 1",
         lambda: query.events(store, text="ceasefire", since="2025-01-01"), "events"),
        ("top_actors since 2025", lambda: query.top_actors(store, since="2025-01-01"), None),
        ("stats", lambda: query.stats(store), None),
    ]
    failed = []
    for label, fn, target in cases:
        med, worst, out = timed(fn, reps)
        rows = len(out) if hasattr(out, "__len__") and not isinstance(out, dict) else 1
        goal = ""
        if target:
            limit = TARGETS_MS[target]
            ok = med < limit
            goal = f"< {limit} ms {'ok' if ok else 'MISSED'}"
            if not ok:
                failed.append(label)
        print(f"{label:62} {med:9.1f} {worst:8.1f} {rows:6}  {goal}")
    print(f"\n{reps} runs each; every call opens its own read-only connection. "
          + (f"targets missed: {', '.join(failed)}" if failed else "all targets met (median)."))


if __name__ == "__main__":
    main()
