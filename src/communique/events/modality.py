"""Modality: is a reported act negated, hypothetical, planned, or only an intention?

PLOVER codes what happened. "Did not agree", "denied sending troops" and "could face sanctions
if" are not events; "will meet next month" is a future cooperative act (coded AGREE). This module
reads the trigger's own auxiliaries and markers and climbs the chain of verbs that govern it
("plans to visit", "refused to sign", "if it attacks") up to the reporting verb.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ..resources import load_yaml
from . import roles
from .lexicon import get as lexicon

NEGATING_ADVERBS = {"no", "never", "seldom", "rarely", "hardly", "scarcely"}
CLAUSE_LINKS = {"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "conj", "csubj", "prep", "pobj", "dobj",
                "acomp"}  # "hoped that it would be possible to settle": through the adjective


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    intent: bool = False


@cache
def _words() -> dict:
    return load_yaml("modality.yaml")


def _is_negated_here(tok: Token) -> bool:
    w = _words()
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in {"det", "advmod"} and c.lower_ in NEGATING_ADVERBS):
            return True
        if c.dep_ in {"nsubj", "nsubjpass"} and any(d.lower_ in {"neither", "no"} and d.dep_ == "det"
                                                     for d in c.children):
            return True
    if tok.pos_ == "NOUN":
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "without":
            return True
    return tok.lower_ in w["negating_nouns"]


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}


def _mark(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "mark"}


def of_trigger(trigger: Token, obj: Token | None = None) -> Modality:
    """The modality of a trigger, from itself and the verbs above it up to its reporting verb."""
    w = _words()
    lex = lexicon()
    negated = _is_negated_here(trigger) or (obj is not None and _is_negated_here(obj))
    hypothetical = future = intent = False
    aux = _aux(trigger)
    if aux & set(w["future_modals"]):
        future = True
        hypothetical = _conditioned(trigger)  # "will impose tariffs if Europe retaliates"
    if aux & set(w["hypothetical_modals"]):
        hypothetical = True
    if _mark(trigger) & set(w["conditional_marks"]) or _pending(trigger):
        hypothetical = True
    if w["would"] in aux:
        if _has_condition(trigger):
            hypothetical = True
        else:
            future = True
    if trigger.dep_ == "ROOT" and any(c.tag_ == "TO" for c in trigger.children) and \
            any(c.dep_ == "nsubj" for c in trigger.children):
        future = True  # the headline's "Germany to pull troops out of Niger": a plan, told as news
    if trigger.pos_ == "NOUN" and any(c.lower_ in w["future_adjectives"] for c in trigger.children
                                      if c.dep_ in {"amod", "compound"}):
        future = True
    if _settled(trigger):
        return Modality(negated, hypothetical, future, intent)
    tok = trigger
    lifted = roles.clause_head(trigger)  # "...the military plans to hold, and thanked Malaysia"
    for _ in range(8):
        if tok.dep_ not in CLAUSE_LINKS or tok.head.i == tok.i:
            break
        prev = tok
        link, tok = tok.dep_, (lifted if tok.i == trigger.i and lifted.i != trigger.i else tok.head)
        lemma = tok.lemma_.lower()
        if lemma in lex.speech_verbs and link in {"ccomp", "conj"}:
            break
        if link == "conj":
            if not aux and tok.tag_ in {"VB", "VBD", "VBZ", "VBP", "VBN", "VBG"}:  # "would recall X and expel Y"
                taux = _aux(tok)
                future = future or bool(taux & set(w["future_modals"]))
                hypothetical = hypothetical or bool(taux & set(w["hypothetical_modals"]))
                if w["would"] in taux:
                    hypothetical, future = (True, future) if _has_condition(tok) else (hypothetical, True)
            continue
        if link in {"prep", "pobj", "dobj"} and tok.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        if link in {"prep", "pobj"} and trigger.pos_ == "NOUN" and _is_negated_here(tok):
            negated = True  # "will not take part in talks"
        if lemma in w["negating_verbs"] and link in {"xcomp", "ccomp", "pcomp", "dobj"}:
            negated = True
        purpose = link == "advcl" and roles.to_infinitive_of(prev)
        if lemma in w["intent_verbs"] and (link in {"xcomp", "acl"} or purpose):
            intent = True  # "needs a billion dollars to provide food aid": a purpose, not yet done
        if lemma in w["hoping_verbs"] and link == "ccomp":
            hypothetical = True  # "I'm hoping the administration will make concessions"
        if lemma in w["future_verbs"] and link in {"xcomp", "ccomp", "acl"}:
            future = True
        if lemma in w["weighing_verbs"] and link == "dobj":
            hypothetical = True  # "weighing a diplomatic protest", "considering sanctions"
        if _mark(tok) & set(w["conditional_marks"]):
            hypothetical = True
        taux = _aux(tok)
        if link in {"xcomp", "ccomp", "advcl", "dobj"}:  # "would require direct talks": the talks too
            if taux & set(w["future_modals"]):
                future = True
            if taux & set(w["hypothetical_modals"]):
                hypothetical = True
            if w["would"] in taux and _has_condition(tok):
                hypothetical = True
            elif w["would"] in taux and link == "xcomp":
                future = True  # "Spain would keep welcoming Nicaraguans"
            if _is_negated_here(tok) and link == "xcomp":
                negated = True
    return Modality(negated, hypothetical, future, intent)


def _settled(tok: Token) -> bool:
    """"... after Chisinau expelled a Russian diplomat": a clause of time or cause in the past tense
    is a fact of its own; the future or mood of the clause it hangs on does not reach it."""
    if tok.dep_ != "advcl" or not _mark(tok) & set(_words()["settled_marks"]):
        return False
    return tok.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in tok.children)


def _conditioned(tok: Token) -> bool:
    """An "if" or "unless" clause of the verb's own: "will" then promises nothing unconditionally."""
    marks = set(_words()["conditional_marks"])
    return any(c.dep_ == "advcl" and _mark(c) & marks for c in tok.children)


def _pending(tok: Token) -> bool:
    """"Until a deal is reached", "once the ban takes effect": a temporal clause in the present tense
    tells of something still to come, not of a fact."""
    if not _mark(tok) & set(_words()["pending_marks"]):
        return False
    return tok.tag_ in {"VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"}
                                             for c in tok.children)


def _has_condition(tok: Token) -> bool:
    w = _words()
    for c in tok.children:
        if c.dep_ == "advcl" and _mark(c) & set(w["conditional_marks"]):
            return True
    return any(t.lower_ in {"if", "unless"} for t in tok.sent)


def habitual(tok: Token) -> bool:
    """"If the card is revoked, the person is usually deported": an adverb of habit on the trigger
    tells what tends to happen, not an act that did."""
    habits = set(_words()["habit_adverbs"])
    if not any(c.dep_ == "advmod" and c.lower_ in habits for c in tok.children):
        return False
    # a rule ("if ..., the person is usually deported"), not a charge of repeated acts ("soldiers
    # routinely beat detainees", which the PLOVER gold standard codes as an assault)
    rules = set(_words()["conditional_marks"]) | set(_words()["rule_marks"])
    return any(t.dep_ in {"mark", "advmod"} and t.lower_ in rules and t.head.head.i == tok.i for t in tok.sent)
