"""Throughput: code the VOA stories (repeated to N articles) and compare with a bare `nlp.pipe`.

    .venv/bin/python benchmarks/throughput.py [--articles 2000] [--shared ../shared]

Reports articles/s, sentences/s and peak RSS for the full coder, and in the same run the time of
the model as shipped (`spacy.load` + `nlp.pipe`, same texts, same batch size), so the ratio says
what the coder's own stages cost on top of parsing. One process, one core (OMP_NUM_THREADS=1).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique import ingest, nlp  # noqa: E402
from communique.pipeline import code_articles  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_articles(path: Path, n: int) -> list:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    i = 0
    while len(out) < n:
        rec = dict(records[i % len(records)])
        rec["id"] = f"{rec['id']}-{i // len(records)}"
        out.append(ingest.from_record(rec, f"{path}:{i % len(records) + 1}"))
        i += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    articles = load_articles(Path(args.shared) / "data" / "voa_stories.jsonl", args.articles)
    texts = [a.parse_text() for a in articles]

    nlp.load()  # loading is not part of the rate, for the coder as for the bare model below
    t0 = time.perf_counter()
    events = 0
    for item in code_articles(articles):
        if isinstance(item, tuple):
            events += len(item[1])
    coder_s = time.perf_counter() - t0
    coder_rss = peak_rss_mb()  # before the bare model is loaded: the coder's own peak

    bare = nlp.bare()
    t0 = time.perf_counter()
    sentences = 0
    for doc in bare.pipe(texts, batch_size=nlp.BATCH_SIZE):
        sentences += sum(1 for _ in doc.sents)
    bare_s = time.perf_counter() - t0

    n = len(articles)
    print(json.dumps({
        "articles": n, "sentences": sentences, "events": events,
        "coder_seconds": round(coder_s, 1), "bare_nlp_pipe_seconds": round(bare_s, 1),
        "articles_per_s": round(n / coder_s, 2), "sentences_per_s": round(sentences / coder_s, 1),
        "bare_articles_per_s": round(n / bare_s, 2), "ratio_to_bare_nlp_pipe": round(coder_s / bare_s, 3),
        "coder_peak_rss_mb": round(coder_rss, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
