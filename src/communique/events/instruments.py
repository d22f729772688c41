"""Instruments: which treaty, memorandum or working group an act concerns, and what step it marks.

"finalized an extradition agreement" -> agreement "extradition agreement", subject extradition,
status finalized; "agreed to form a joint working group" -> working group, agreed. The registry in
the store builds each instrument's status history from these (data: instruments.yaml).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..model import Instrument
from ..resources import load_yaml

ARGUMENTS = {"dobj", "nsubjpass", "attr", "obj", "appos"}
PREP_LINKS = {"of", "on", "for", "in", "to"}  # "signing of the MoU", "agreement on trade"
NAME_PREPS = {"on", "for", "of", "between", "against"}  # kept in a name; "in Quito" is where, not what
NOT_SUBJECTS = {"DATE", "TIME", "GPE", "LOC", "FAC", "NORP", "CARDINAL"}
MAX_PHRASE = 8  # tokens of a trailing "for its implementation" kept in a name


@cache
def _data() -> dict:
    return load_yaml("instruments.yaml")


def read(trigger: Token) -> Instrument | None:
    """The instrument named by the trigger's arguments, with the step the trigger marks."""
    data = _data()
    status = data["status"].get(trigger.lemma_.lower())
    if status is None:
        return None
    noun = _instrument_noun(trigger)
    if noun is None:
        return None
    return Instrument(kind=_kind(noun), name=_name(noun), status=status, subject=_subject(noun))


def _instrument_noun(trigger: Token) -> Token | None:
    """The first instrument among the trigger's arguments; "agreed to form X" looks into the xcomp."""
    heads = [trigger]
    heads += [c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB"]
    for head in heads:
        for arg in _arguments(head):
            for noun in [arg, *arg.conjuncts]:
                if _is_instrument(noun):
                    return noun
    return None


def _arguments(head: Token) -> list[Token]:
    args = [c for c in head.children if c.dep_ in ARGUMENTS]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in PREP_LINKS | {"into", "from"}):
        args += [p for p in prep.children if p.dep_ == "pobj"]
    if head.dep_ == "amod" or head.dep_ == "acl":  # "the signed agreement", "the agreement signed"
        args.append(head.head)
    return args


def _is_instrument(noun: Token) -> bool:
    data = _data()
    lemma = noun.lemma_.lower()
    if lemma not in data["kinds"]:
        return False
    if lemma in data["bodies"]:
        return any(c.lower_ in data["body_words"] for c in noun.lefts)
    return True


def _kind(noun: Token) -> str:
    return _data()["kinds"][noun.lemma_.lower()]


def _modifiers(noun: Token) -> list[Token]:
    return [c for c in noun.lefts if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in {"NOUN", "PROPN", "ADJ"}]


def _name(noun: Token) -> str:
    mods = _modifiers(noun)
    start = min([noun.i, *(m.left_edge.i for m in mods)])
    end = noun.i + 1
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in NAME_PREPS), None)
    if prep is not None and prep.right_edge.i - prep.i < MAX_PHRASE and _about(prep) is not None:
        end = prep.right_edge.i + 1
    return " ".join(noun.doc[start:end].text.split())


def _about(prep: Token) -> Token | None:
    """The object of "on trade", not of "on Tuesday" or "in Quito"."""
    obj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ in NOT_SUBJECTS or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    return obj


def _subject(noun: Token) -> str | None:
    """What the instrument is about: its own modifiers ("extradition"), else an "on/in X" phrase."""
    generic = set(_data()["generic"])
    mods = [m for m in _modifiers(noun) if m.lower_ not in generic and m.ent_type_ not in {"GPE", "NORP", "ORG"}]
    if mods:
        doc = noun.doc
        return " ".join(doc[mods[0].left_edge.i:mods[-1].i + 1].text.lower().split())
    for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in {"on", "in", "for", "against"}):
        obj = _about(prep)
        if obj is not None and not any(c.dep_ == "poss" for c in obj.children):
            return " ".join(noun.doc[obj.left_edge.i:obj.right_edge.i + 1].text.split())
    return None
