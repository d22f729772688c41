"""The pipeline: the one place that knows the order of the stages.

    ingest -> nlp -> actors -> events -> when -> where -> merge

Texts go through spaCy in batches (`nlp.pipe`), each batch inside a memory zone so that a long
run does not grow spaCy's string store; every stage after nlp works on one parsed article and
returns plain model records, so nothing of spaCy outlives its batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc

from . import ingest, merge, nlp, when, where
from .actors import DocActors
from .events import extract
from .model import Article, Event, Reject


def code_doc(doc: Doc, article: Article) -> list[Event]:
    """All stages after nlp, for one parsed article."""
    actors = DocActors(doc, article)
    candidates = extract(doc, article, actors)
    candidates = when.assign(candidates, article, doc)
    candidates = where.assign(candidates, article, actors)
    return merge.merge(candidates, article)


def code_articles(items: Iterable[Article | Reject], batch_size: int = nlp.BATCH_SIZE
                  ) -> Iterator[tuple[Article, list[Event]] | Reject]:
    """Code a stream of articles; Rejects pass through in order, so a caller can report them."""
    pipeline = nlp.load()
    stream = iter(items)
    while True:
        batch = list(islice(stream, batch_size))
        if not batch:
            return
        articles = [a for a in batch if isinstance(a, Article)]
        coded: dict[int, list[Event] | Reject] = {}
        with pipeline.memory_zone():
            for art, doc in zip(articles, pipeline.pipe(a.parse_text() for a in articles), strict=True):
                try:
                    coded[id(art)] = code_doc(doc, art)
                except Exception as exc:  # one article's failure must not cost the batch
                    coded[id(art)] = Reject(art.origin or art.id, f"could not be coded ({type(exc).__name__}: {exc})")
        for item in batch:
            if isinstance(item, Reject):
                yield item
            else:
                result = coded[id(item)]
                yield result if isinstance(result, Reject) else (item, result)


def code_text(text: str, date: str | None = None, id: str = "text", title: str | None = None,
              source: str | None = None, url: str | None = None) -> list[Event]:
    """Code one text: `code_text(text, date="2025-08-27")` -> events (`.to_plover()` each)."""
    article = ingest.from_text(id, text, "<text>", meta_date=date)
    if title or source or url:
        from dataclasses import replace

        article = replace(article, title=title or article.title, source=source, url=url)
    for item in code_articles([article]):
        if isinstance(item, Reject):
            raise CodingError(item.reason)  # a failure must not look like "no events"
        return item[1]
    return []


class CodingError(RuntimeError):
    """Coding an article failed; the message says why."""
