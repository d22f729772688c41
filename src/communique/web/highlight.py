"""Marking the words of an evidence sentence that made an event: its trigger, its actor, its recipient.

The output is a list of plain (text, role) segments; templates escape each one, so no article text
ever reaches a page as markup. Offsets come from the store (the trigger's position in its sentence);
actor and recipient names are found by their written form, longest first, and never overlap the
trigger or each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

ROLES = ("trigger", "actor", "recipient")


class Segment(NamedTuple):
    text: str
    role: str | None  # "trigger", "actor", "recipient", or None for plain text
    link: str | None = None  # where a marked segment points (the article page links triggers to events)
    title: str | None = None  # a tooltip


Span = tuple[int, int, str, str | None, str | None]  # start, end, role, link, title


def evidence_segments(sentence: str | None, trigger: tuple[int | None, int | None] | None = None,
                      actor_texts: Sequence[str] = (), recipient_texts: Sequence[str] = ()) -> list[Segment]:
    """The sentence cut into segments with the trigger, actor and recipient marked."""
    if not sentence:
        return []
    spans: list[Span] = []
    if trigger and trigger[0] is not None and trigger[1] is not None and 0 <= trigger[0] < trigger[1] <= len(sentence):
        spans.append((trigger[0], trigger[1], "trigger", None, None))
    for role, texts in (("actor", actor_texts), ("recipient", recipient_texts)):
        for start, end in _occurrences(sentence, texts):
            spans.append((start, end, role, None, None))
    return segments(sentence, spans)


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut text at the spans; a span that overlaps one placed before it (earlier in `spans`) is dropped."""
    placed: list[Span] = []
    for span in spans:
        start, end = span[0], span[1]
        if start < end and not any(start < p[1] and p[0] < end for p in placed):
            placed.append(span)
    placed.sort()
    out: list[Segment] = []
    at = 0
    for start, end, role, link, title in placed:
        if start > at:
            out.append(Segment(text[at:start], None))
        out.append(Segment(text[start:end], role, link, title))
        at = end
    if at < len(text):
        out.append(Segment(text[at:], None))
    return out


def _occurrences(sentence: str, texts: Sequence[str]) -> list[tuple[int, int]]:
    """Where the names occur as whole words; a person's surname alone counts when the full name does not
    occur ("Kubrakov's visit" for Ivan Kubrakov)."""
    found: list[tuple[int, int]] = []
    for name in sorted({t.strip() for t in texts if t and t.strip()}, key=len, reverse=True):
        hits = _find(sentence, name)
        if not hits and " " in name:
            hits = _find(sentence, name.split()[-1])
        found += hits
    return found


def _find(sentence: str, word: str) -> list[tuple[int, int]]:
    if len(word) < 2:
        return []
    pattern = r"(?<!\w)" + re.escape(word) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, sentence)]
