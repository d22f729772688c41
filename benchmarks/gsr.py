"""PLOVER gold standard records (../shared/data/plover_gsr.*): event type accuracy and dyad figures.

    .venv/bin/python benchmarks/gsr.py [--shared ../shared]

Type accuracy: for each of the 322 sentences, does the coder's main event (the one whose dyad
matches the gold dyad, else its most confident event) have the gold type? A sentence with no
event counts as wrong. Dyad and event P/R/F1 are the SPEC section 5 figures (dates are
placeholders in these records, so the dyad figures are the ones that mean something).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique import ingest  # noqa: E402
from communique.evaluate import codes, evaluate_files, is_event  # noqa: E402
from communique.output import write_jsonl  # noqa: E402
from communique.pipeline import code_articles  # noqa: E402


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--misses", action="store_true", help="list the sentences coded with no event")
    args = ap.parse_args()
    data = Path(args.shared) / "data"
    gold = {r["id"]: r for r in read_jsonl(data / "plover_gsr.gold.jsonl")}
    events: dict[str, list] = {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for item in code_articles(ingest.read_inputs([str(data / "plover_gsr.articles.jsonl")])):
            if isinstance(item, tuple):
                art, evs = item
                write_jsonl(evs, out)
                events[art.id] = [e.to_plover() for e in evs if e.is_event]
    right, confusion = 0, Counter()
    coded = coded_right = dyad_found = dyad_right = 0
    misses: list[str] = []
    texts = {r["id"]: r["text"] for r in read_jsonl(data / "plover_gsr.articles.jsonl")}
    for gid, g in gold.items():
        first = g["events"][0]["type"] if g["events"] else "none"
        wanted = set(first) if isinstance(first, list) else {first}
        gdyad = {frozenset(codes(ev["actor"]) + codes(ev["recipient"])) for ev in g["events"]}
        preds = [p for p in events.get(gid, []) if is_event(p)]
        matching = [p for p in preds if frozenset(codes(p["actor"]) + codes(p["recipient"])) in gdyad]
        main_event = max(matching or preds, key=lambda p: p["confidence"], default=None)
        got = main_event["event"][0] if main_event else "none"
        right += got in wanted
        if main_event:
            coded += 1
            coded_right += got in wanted
        if matching:
            dyad_found += 1
            dyad_right += any(p["event"][0] in wanted for p in matching)
        if got == "none":
            misses.append(gid)
        if got not in wanted:
            confusion[("/".join(sorted(wanted)), got)] += 1
    figures = evaluate_files(data / "plover_gsr.gold.jsonl", out.name)
    print(f"sentences: {len(gold)}  type accuracy over all sentences: {right / len(gold):.3f}")
    print(f"  over the {coded} sentences coded with an event: {coded_right / max(coded, 1):.3f}; "
          f"over the {dyad_found} where the gold dyad was found: {dyad_right / max(dyad_found, 1):.3f}")
    if "--misses" in sys.argv:
        for gid in misses:
            print("MISS", gid, gold[gid]["events"][0]["type"], texts[gid][:200])
    print(f"dyad P/R/F1: {figures['dyad_p']}/{figures['dyad_r']}/{figures['dyad_f1']}  "
          f"event P/R/F1: {figures['event_p']}/{figures['event_r']}/{figures['event_f1']}")
    print("commonest confusions (gold -> coded):")
    for (want, got), n in confusion.most_common(20):
        print(f"  {n:3d}  {want} -> {got}")


if __name__ == "__main__":
    main()
