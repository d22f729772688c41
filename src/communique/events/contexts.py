"""Contexts: the PLOVER topics of an event, from the words of its clause (data: contexts.yaml)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..resources import load_yaml


@cache
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, list[str]]]:
    raw = load_yaml("contexts.yaml")
    index: dict[str, list[str]] = {}
    for ctx, words in raw["keywords"].items():
        for w in words:
            index.setdefault(str(w).lower(), []).append(ctx)
    return {k: tuple(v) for k, v in index.items()}, raw["default"]


def of_tokens(tokens: list[Token], event_type: str) -> tuple[str, ...]:
    """Contexts named by the lemmas (and two-word phrases) of the tokens, else the type's default."""
    index, default = _tables()
    found: list[str] = []
    lemmas = [t.lemma_.lower() for t in tokens]
    words = [t.lower_ for t in tokens]
    for seq in (lemmas, words):
        for i, w in enumerate(seq):
            for key in (w, f"{w} {seq[i + 1]}" if i + 1 < len(seq) else None):
                if key and key in index:
                    found.extend(index[key])
    if not found:
        found = list(default.get(event_type, []))
    return tuple(dict.fromkeys(found))
