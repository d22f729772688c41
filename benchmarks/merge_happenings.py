"""Cross-article merging on tests/store_devset: pairwise precision and recall of "same happening".

Every article of the set, plus the founding seed article, is ingested into a fresh store. Each
article's reports of its happening are the records the coder made of the gold type, covering both
gold parties and dated in the happening's period (the day give or take two, or the month or week
holding it); two articles are linked when the store puts a report of one and a report of the other
into one canonical event (a visit's talks with two hosts are two acts, so an article may report a
happening in more than one record), and the gold links are the pairs of articles of one happening. A distractor
(same type and dyad, a different happening) whose report lands in a happening's event is a wrong
link. An article whose happening the coder did not produce can link to nothing: recall counts coder
misses too, which the "merging alone" line separates out. Also printed: the older measure through
each article's main event (its first reported act), and links through any canonical event of the
happening's type, which counts background mentions of a look-alike too.

    .venv/bin/python benchmarks/merge_happenings.py [--db PATH] [--show] [--devset tests/store_heldout]

--devset names another set of the same format: tests/store_heldout/ was written by someone who saw
neither the coder nor its output, after the coder's rules had been read against store_devset's misses.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique.store import Store, ingest  # noqa: E402

DEVSET = ROOT / "tests" / "store_devset"
# the set's README: updated versions (same url) and light edits, each of an earlier article
NEAR_DUPLICATES = {"mrg-03b", "mrg-07c", "mrg-17c", "mrg-30c", "mrg-04c", "mrg-09c", "mrg-21d"}
SEED = ROOT.parent / "shared" / "seed-case" / "article.jsonl"


def gold_clusters(devset: Path = DEVSET) -> tuple[dict[str, str], dict[str, dict]]:
    """article id -> happening, happening -> its gold line (type, dyad, date)."""
    of, happenings = {}, {}
    for line in (devset / "gold.jsonl").read_text().splitlines():
        g = json.loads(line)
        happenings[g["happening"]] = g
        for a in g["articles"]:
            of[a] = g["happening"]
    return of, happenings


def _in_period(day: date | None, precision: str | None, gold: date) -> bool:
    """The report's date holds the gold day: its month or week, or the day give or take two."""
    if day is None:
        return False
    if precision == "month":
        return (day.year, day.month) == (gold.year, gold.month)
    if precision == "week":
        return 0 <= (gold - day).days < 7
    if precision == "year":
        return day.year == gold.year
    return abs((day - gold).days) <= 2


def happening_events(store: Store, of: dict[str, str], happenings: dict[str, dict]) -> dict[str, set[str]]:
    """article -> canonical events of its reports of the gold happening."""
    with store.read() as con:
        rows = con.execute(
            "SELECT r.article_id, r.event_id, r.event_type, r.date, r.date_precision, r.actor_codes, r.id, "
            "r.recipient_codes, min(m.sequence) FROM reports r JOIN mentions m ON m.report_id = r.id "
            "WHERE r.is_event GROUP BY ALL ORDER BY r.article_id, min(m.sequence), r.id").fetchall()
    out: dict[str, set[str]] = {}
    for aid, eid, etype, day, precision, actors, _rid, recipients, _ in rows:
        g = happenings.get(of.get(aid, ""))
        if g is None or etype != g["type"]:
            continue
        if set(g["dyad"]) <= set(actors or []) | set(recipients or []) and \
                _in_period(day, precision, date.fromisoformat(g["date"])):
            out.setdefault(aid, set()).add(eid)
    return out


def main_events(store: Store) -> dict[str, str]:
    """article -> canonical event of its main (first reported) act."""
    with store.read() as con:
        rows = con.execute(
            "SELECT r.article_id, r.event_id FROM reports r JOIN mentions m ON m.report_id = r.id "
            "WHERE r.is_event GROUP BY r.article_id, r.event_id, r.id "
            "QUALIFY row_number() OVER (PARTITION BY r.article_id ORDER BY min(m.sequence), "
            "max(CAST(json_extract(r.record, '$.confidence') AS DOUBLE)) DESC, r.id) = 1").fetchall()
    return dict(rows)


def typed_events(store: Store, types: dict[str, str], of: dict[str, str]) -> dict[str, set[str]]:
    """article -> canonical events of its happening's type."""
    with store.read() as con:
        rows = con.execute("SELECT article_id, event_id, event_type FROM reports WHERE is_event").fetchall()
    out: dict[str, set[str]] = {}
    for aid, eid, etype in rows:
        if aid in of and types[of[aid]] == etype:
            out.setdefault(aid, set()).add(eid)
    return out


def score(links: set[tuple[str, str]], gold: set[tuple[str, str]]) -> tuple[float, float, int, int]:
    tp = len(links & gold)
    return tp / len(links) if links else 0.0, tp / len(gold) if gold else 0.0, len(links - gold), len(gold - links)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="store to build (default: a temporary file)")
    ap.add_argument("--show", action="store_true", help="list the wrong and missed links")
    ap.add_argument("--devset", type=Path, default=DEVSET, help="a set of articles.jsonl and gold.jsonl")
    args = ap.parse_args()
    devset = args.devset.resolve()
    default = devset == DEVSET.resolve()
    of, happenings = gold_clusters(devset)
    types = {h: g["type"] for h, g in happenings.items()}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(args.db or Path(tmp) / "merge.duckdb")
        inputs = [str(devset / "articles.jsonl")] + ([str(SEED)] if default and SEED.exists() else [])
        ingest(store, inputs)
        with store.read() as con:
            ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
        seed_id = next((i for i in ids if i not in of), None) if default else None
        if seed_id:
            of[seed_id] = "seed-visit"
        arts = sorted(a for a in ids if a in of)
        gold = {(a, b) for a, b in combinations(arts, 2) if of[a] == of[b]}
        reported = happening_events(store, of, happenings)
        links = {(a, b) for a, b in combinations(arts, 2) if reported.get(a, set()) & reported.get(b, set())}
        main = main_events(store)
        main_links = {(a, b) for a, b in combinations(arts, 2) if a in main and main.get(a) == main.get(b)}
        typed = typed_events(store, types, of)
        any_links = {(a, b) for a, b in combinations(arts, 2) if typed.get(a, set()) & typed.get(b, set())}
        p, r, fp, fn = score(links, gold)
        print(f"articles {len(arts)}, gold links {len(gold)}, happening reported in {len(reported)} articles")
        print(f"MERGE (each article's report of its happening): precision {p:.3f} recall {r:.3f} "
              f"({len(links)} predicted, {fp} wrong, {fn} missed)")
        pm, rm, fpm, fnm = score(main_links, gold)
        print(f"main-event links: precision {pm:.3f} recall {rm:.3f} ({fpm} wrong, {fnm} missed)")
        p2, r2, fp2, fn2 = score(any_links, gold)
        print(f"any event of the happening's type: precision {p2:.3f} recall {r2:.3f} ({fp2} wrong, {fn2} missed)")
        both = {(a, b) for a, b in gold if a in reported and b in reported}
        _, r3, _, _ = score(links & both, both)
        print(f"merging alone: of the {len(both)} gold pairs whose two articles both reported the happening, "
              f"{r3:.3f} are merged ({len(gold) - len(both)} pairs lack the report in one article: "
              "a coder miss, not a merge miss)")
        with store.read() as con:
            flagged = {r[0] for r in con.execute("SELECT id FROM articles WHERE near_duplicate_of IS NOT NULL")
                       .fetchall()}
        if default:  # (the set's README names its near-duplicates)
            print(f"near-duplicates recognised: {len(flagged & NEAR_DUPLICATES)} of {len(NEAR_DUPLICATES)}, "
                  f"{len(flagged - NEAR_DUPLICATES)} articles flagged wrongly")
        else:
            print(f"articles flagged as near-duplicates: {len(flagged)}")
        if args.show:
            for a, b in sorted(links - gold):
                print("WRONG", a, of[a], b, of[b])
            for a, b in sorted(gold - links):
                why = "merge" if a in reported and b in reported else "coder"
                print("MISSED", a, b, of[a], why)
            for a in arts:
                if a not in reported:
                    print("NOT REPORTED", a, of[a], types[of[a]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
