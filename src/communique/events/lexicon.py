"""The verb lexicon: which trigger words report which PLOVER events (data: verbs.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..resources import load_yaml

DEFAULT_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "around")


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger: the event it reports and how its roles map to actors."""

    type: str | None
    mode: str | None = None
    reciprocal_with: bool = False
    inverse: bool = False
    visit: bool = False
    consumes: bool = False
    needs_object: bool = False
    needs_recipient: bool = False
    agreement_object: bool = False
    person_object: bool = False
    plural: bool = False
    actor_object: bool = False  # the object must name a party ("called Faye", not "called the move a step")
    topic_object: bool = False  # the object is what is talked about, never a party
    intransitive: bool = False  # with a direct object it is another verb ("demonstrate a technique")
    needs_counterpart: bool = False  # two parties or none: a fight with nobody is no event
    patient_possessor: bool = False  # "Maduro's arrest": the possessor undergoes the act
    from_actor: bool = False  # "a request from Mozambique", "deported from the US": the "from" party acts
    patient_object: bool = False  # an object sense whose object undergoes the act ("targets suppliers")
    not_objects: tuple[str, ...] = ()  # objects that make it no event ("rejected the allegations")
    recipient_preps: tuple[str, ...] = DEFAULT_PREPS
    bare: Sense | None = None  # the reading without a clausal complement ("called on X" = visited)
    objects: dict[str, Sense] = field(default_factory=dict, hash=False, compare=False)
    # the reading with a subject of that kind ("relief supplies arrived": aid, not a visit)
    subjects: dict[str, Sense] = field(default_factory=dict, hash=False, compare=False)
    complements: dict[str, Sense] = field(default_factory=dict, hash=False, compare=False)
    particles: dict[str, Sense] = field(default_factory=dict, hash=False, compare=False)


def _sense(raw: dict[str, Any] | None, parent: Sense | None = None) -> Sense:
    raw = raw or {}
    kw = {k: raw[k] for k in ("type", "mode", "reciprocal_with", "inverse", "visit", "consumes",
                              "needs_object", "needs_recipient", "agreement_object", "person_object",
                              "plural", "actor_object", "topic_object", "intransitive", "needs_counterpart",
                              "patient_possessor", "from_actor", "patient_object")
          if k in raw}
    if "not_objects" in raw:
        kw["not_objects"] = tuple(raw["not_objects"])
    if "recipient_preps" in raw:
        kw["recipient_preps"] = tuple(raw["recipient_preps"])
    base = Sense(type=None)
    if parent is not None:  # an object or particle sense inherits its verb's role mapping
        base = Sense(type=None, reciprocal_with=parent.reciprocal_with, recipient_preps=parent.recipient_preps)
    sense = Sense(**{**base.__dict__, "objects": {}, "subjects": {}, "particles": {}, "complements": {}, **kw})
    for lemma, sub in (raw.get("objects") or {}).items():
        sense.objects[str(lemma)] = _sense(sub, sense)
    for lemma, sub in (raw.get("subjects") or {}).items():
        sense.subjects[str(lemma)] = _sense(sub, sense)
    for verb, sub in (raw.get("complements") or {}).items():
        sense.complements[str(verb)] = _sense(sub, sense)
    for prt, sub in (raw.get("particles") or {}).items():
        sense.particles[str(prt)] = _sense(sub, sense)
    if raw.get("bare"):
        object.__setattr__(sense, "bare", _sense(raw["bare"], sense))
    return sense


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Sense]
    nouns: dict[str, Sense]
    agreement_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    event_references: dict[str, frozenset[str]] = field(default_factory=dict)
    label_verbs: frozenset[str] = frozenset()
    negative_labels: frozenset[str] = frozenset()
    positive_labels: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()

    def verb(self, lemma: str) -> Sense | None:
        return self.verbs.get(lemma)

    def noun(self, lemma: str) -> Sense | None:
        return self.nouns.get(lemma)


@cache
def get() -> Lexicon:
    raw = load_yaml("verbs.yaml")
    return Lexicon(
        verbs={str(k): _sense(v) for k, v in raw["verbs"].items()},
        nouns={str(k): _sense(v) for k, v in raw["nouns"].items()},
        agreement_nouns=frozenset(raw["agreement_nouns"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
        event_references={str(k): frozenset(v or ()) for k, v in raw["event_references"].items()},
        label_verbs=frozenset(raw["labels"]["verbs"]),
        negative_labels=frozenset(raw["labels"]["negative"]),
        positive_labels=frozenset(raw["labels"]["positive"]),
        receiving_verbs=frozenset(raw.get("receiving_verbs") or ()),
    )
