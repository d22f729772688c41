"""How often the coder finds each article's main happening, on a set it was not tuned on.

    .venv/bin/python benchmarks/main_happening.py [--set tests/store_devset] [--misses]

The store's dev set names, for every article, the happening it reports (type, dyad, date). This
codes the articles and reports the share whose main happening appears among the coded events: by
type, by type and both parties, and by type, parties and date (a month or week precision counts
when its period holds the day).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique import ingest  # noqa: E402
from communique.pipeline import code_articles  # noqa: E402


def _codes(entities) -> set[str]:
    return {e.code for e in entities}


def _dated(event, day: str) -> bool:
    if event.date_precision in {"month", "week"}:
        return (event.date or "")[:7] == day[:7]
    return event.date == day


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default=str(ROOT / "tests" / "store_devset"))
    ap.add_argument("--misses", action="store_true", help="list the articles whose happening was not found")
    args = ap.parse_args()
    folder = Path(args.set)
    events = defaultdict(list)
    for item in code_articles(ingest.read_inputs([str(folder / "articles.jsonl")])):
        if isinstance(item, tuple):
            article, coded = item
            events[article.id].extend(coded)
    totals = {"type": 0, "type + parties": 0, "type + parties + date": 0}
    n = 0
    for line in (folder / "gold.jsonl").read_text().splitlines():
        gold = json.loads(line)
        for aid in gold["articles"]:
            n += 1
            typed = [e for e in events[aid] if e.event_type == gold["type"] and e.is_event]
            paired = [e for e in typed if set(gold["dyad"]) <= _codes(e.actor) | _codes(e.recipient)]
            dated = [e for e in paired if _dated(e, gold["date"])]
            for key, hits in zip(totals, (typed, paired, dated), strict=True):
                totals[key] += bool(hits)
            if args.misses and not dated:
                print(f"MISS {aid} {gold['type']} {'-'.join(gold['dyad'])} {gold['date']}")
    print(f"articles: {n}")
    for key, hits in totals.items():
        print(f"  main happening found, {key}: {hits / n:.3f}")


if __name__ == "__main__":
    main()
