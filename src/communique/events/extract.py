"""Event extraction: every clause that reports a PLOVER act becomes a Candidate.

A candidate is an event before dating and placing: its trigger, its actors and recipients, its
modality and contexts, and the tokens of its clause (which `when` and `where` read next).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..actors import DocActors, Resolved, conjuncts, same_side
from ..actors.kb import get as _kb
from ..model import EVENT_TYPES, Article, Entity, Instrument, Location, Mention
from . import contexts, instruments, modality, roles
from .lexicon import Sense
from .lexicon import get as lexicon

PERFORMING = {"begin", "start", "launch", "conduct", "stage", "hold", "resume", "complete", "open", "finish"}
OCCURRING = {"take", "happen", "occur", "come", "follow", "begin", "end", "conclude"}  # "took place"
AIMED = {"MOBILIZE"}  # "Turkish troops were moved to the border": towards the other country of the story
# (and a withdrawal of forces, with no place named, is from the other country of the story)
RELATIONS = {"relation", "relations", "tie", "ties", "contact", "contacts"}
SPANS_OF_TIME = {"hour", "day", "week", "month", "year", "round", "night"}
WORDS_TO_COME = {"REQUEST", "ACCUSE", "REJECT"}  # a demand or charge still to be made is no event yet
MUTUAL = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "RETREAT"}  # "the two sides decided to": no recipient
ONE_SIDED = {"PROTEST"}  # acts that need no counterpart: "thousands poured into Belgrade for a demonstration"
YIELDING = {"RETREAT", "CONCEDE"}  # "would not resign", "will not withdraw": refused, a REJECT
NEEDS_COUNTERPART = {"CONSULT", "COOPERATE", "AID", "REQUEST", "SUPPORT", "AGREE"}
COOPERATIVE = {t for t, (q, _s, _c) in EVENT_TYPES.items() if q in (1, 2)}
VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
# acts only a state's authorities do: a passive naming no agent is theirs ("a curfew was imposed")
AUTHORITY = {"COERCE", "MOBILIZE"}
AUTHORITY_MODES = {"release"}
GUESSED = 0.5  # the certainty of an agent whose country is only the story's (see actors)


@dataclass
class Candidate:
    """An event found in one clause, with the tokens the later stages need."""

    event_type: str
    mode: tuple[str, ...]
    actor: list[Resolved]
    recipient: list[Resolved]
    context: tuple[str, ...]
    trigger: Token
    clause: list[Token]
    sentence: Span
    sequence: int
    tense: str  # past | present | future
    attribution: str | None
    confidence: float
    place_hint: list[Token] = field(default_factory=list)
    in_caption: bool = False
    nominal: bool = False
    topic: str | None = None  # what was agreed or signed: keeps distinct instruments apart
    instrument: Instrument | None = None
    # set by the `when` and `where` stages
    date: str | None = None
    date_precision: str = "day"
    date_text: str | None = None
    date_source: str = "publication"
    location: Location | None = None

    def mention(self, article: Article) -> Mention:
        trig = self.trigger
        start, end = self.sentence.start_char, self.sentence.end_char
        parsed = self.sentence.text  # masked text: a blanked dateline is not part of the sentence
        start += len(parsed) - len(parsed.lstrip())
        end -= len(parsed) - len(parsed.rstrip())
        return Mention(article.id, self.sequence, start, end, article.text[start:end], trig.text, trig.idx,
                       trig.idx + len(trig.text), self.attribution, self.in_caption)

    def entities(self) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
        return tuple(r.entity for r in self.actor), tuple(r.entity for r in self.recipient)


def extract(doc: Doc, article: Article, actors: DocActors) -> list[Candidate]:
    """Candidates of every sentence that is not a scraper leftover."""
    out: list[Candidate] = []
    actors.events_so_far = out  # "condemned the deportation": earlier events an object may name
    attribution_memory: list[str] = []
    for seq, sent in enumerate(doc.sents):
        if _skipped(sent, article):
            continue
        in_caption = any(s <= sent.start_char < e for s, e in article.captions)
        for tok in sent:
            cand = _verb(tok, actors) if tok.tag_ in VERB_TAGS else None
            if cand is None and tok.tag_ in VERB_TAGS:
                cand = _obligation(tok, actors)
            if cand is None and tok.pos_ in {"NOUN", "PROPN"}:
                cand = _noun(tok, actors)
            if cand is None:
                continue
            if _generic_present(tok, sent, seq, in_caption) or _standing(tok) or modality.habitual(tok):
                continue
            cand = replace(cand, sentence=sent, sequence=seq, in_caption=in_caption,
                           attribution=_attribution(tok, actors, attribution_memory),
                           instrument=_instrument(tok, out))
            out.extend(_split_meetings(cand))
            out.extend(_as_did(cand, actors))
    return out


ENVOYS = {"ambassador", "envoy", "diplomat", "chargé", "charge", "consul", "attache", "attaché"}


def _host_of_envoy(actor: list[Resolved], recipient: list[Resolved], actors: DocActors) -> list[Resolved]:
    """"The foreign ministry summoned Russian Ambassador Ozerov": whoever summons, expels or protests
    to a foreign envoy is the host country, never the envoy's own; a guessed actor of the envoy's
    code is the other country of the story."""
    if len(actor) != 1 or actor[0].certainty >= 0.9 or not recipient:
        return actor
    code = actor[0].entity.code
    envoy = all(r.entity.code == code and ENVOYS & set(f"{r.entity.office or ''} {r.entity.entity_text}".lower()
                                                          .split()) for r in recipient)
    other = actors.counterpart(code) if envoy else None
    return [Resolved(Entity(other.entity.code, actor[0].entity.entity_text, other.entity.identifier_text,
                            actor[0].entity.sector, None, "agent"), other.certainty)] if other else actor


def _instrument_left(tok: Token, sense: Sense) -> Token | None:
    """The agreement a withdrawal leaves ("pulled the United States out of the 2015 agreement",
    "withdrew from the treaty"): leaving an instrument ends a tie with its other parties."""
    if sense.type != "RETREAT" or sense.mode != "withdraw":
        return None
    return next((p for _prep, p in roles.prep_objects(tok, ("of", "from")) if _is_agreement(p)), None)


def _nationals_named(clauses: list[Token], actor: list[Resolved], actors: DocActors) -> list[Resolved]:
    """"Threatened to suspend the deal on French passports", "would target ships bound for Israeli
    ports": a threat's content names whom it is against by a national adjective or a country."""
    own = {r.entity.code for r in actor}
    for clause in clauses:
        for t in clause.subtree:
            if t.ent_type_ in {"NORP", "GPE"} and t.dep_ in {"amod", "compound", "poss", "pobj", "dobj"}:
                r = actors.entity(t)
                if r is not None and r.entity.kind == "state" and r.entity.code not in own:
                    return [Resolved(r.entity, r.certainty * 0.8)]
    return []


def _other_side(actor: Resolved, actors: DocActors, withdrawal: bool) -> list[Resolved]:
    """The other country of the story, for ties cut, forces sent or withdrawn with no place named. A
    state's forces withdraw from the country the story is about even when it is not one of the pair
    ("France pulled out its last soldiers"); an armed group's withdrawal is from its own ground."""
    if actor.entity.sector in _kb().lexicon["non_state_sectors"]:
        return []
    other = actors.counterpart(actor.entity.code)
    if other is None and withdrawal:
        other = actors.main_country(actor.entity.code)
    return [other] if other is not None else []


def _instrument(tok: Token, earlier: list[Candidate]) -> Instrument | None:
    """The instrument the act concerns; "the protocol for its implementation" takes its subject from
    the instrument named just before it in the sentence."""
    found = instruments.read(tok)
    if found is None or found.subject or " its " not in f" {found.name} ":
        return found
    before = next((c.instrument for c in reversed(earlier) if c.instrument and c.sentence.start == tok.sent.start
                   and c.instrument.subject), None)
    return replace(found, subject=before.subject) if before else found


def _coordinated_counterpart(tok: Token, actor: list[Resolved], actors: DocActors) -> list[Resolved]:
    """"The AU welcomed the agreement and pledged to support its implementation": a coordinated act
    of the same actor with no counterpart of its own is towards the first act's counterpart."""
    if tok.dep_ != "conj" or len({r.entity.code for r in actor}) != 1:
        return []
    head = next((c for c in actors.events_so_far if c.trigger.i == tok.head.i), None)
    if head is None or {r.entity.code for r in head.actor} != {r.entity.code for r in actor}:
        return []
    return list(head.recipient)


def _as_did(cand: Candidate, actors: DocActors) -> list[Candidate]:
    """"The UN coordinator welcomed the move, as did U.S. envoy Tom Perriello": the elided clause
    repeats the act with its own subject."""
    out = []
    for c in cand.trigger.children:
        if c.dep_ == "advcl" and c.lemma_.lower() == "do" and any(m.lower_ == "as" for m in c.children):
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            who = _resolve([subj], actors) if subj is not None else []
            if who and {r.entity.code for r in who} != {r.entity.code for r in cand.actor}:
                recipient = [r for r in cand.recipient if r.entity.code not in {w.entity.code for w in who}]
                out.append(replace(cand, actor=who, recipient=recipient))
    return out


def _generic_present(tok: Token, sent: Span, seq: int, in_caption: bool) -> bool:
    """"The United States opposes China's expansion", "the group mainly targets security vehicles":
    a simple present in running prose states a habit or a stance, not an act on a day. Headlines,
    captions, bullets (no closing stop) and reported speech ("said Russia supports") are news."""
    if tok.tag_ not in {"VBZ", "VBP"} or seq == 0 or in_caption:
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
        return False
    if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"}:
        return True  # "a company that provides immigration services": what it does, not a report
    if not sent.text.rstrip().rstrip("”\"'’").endswith((".", "!", "?")):
        return False
    t = tok
    while t.dep_ in {"conj", "xcomp"} and t.head.i != t.i:
        t = t.head
    reported = t.dep_ in {"ccomp", "parataxis"} or any(
        c.lemma_.lower() in lexicon().speech_verbs and c.dep_ in {"parataxis", "advcl", "conj"} for c in t.children)
    return not reported and not any(e.label_ == "DATE" for e in sent.ents)


LONG_SPANS = {"month", "year", "decade"}


def _standing(tok: Token) -> bool:
    """"Where the army has been fighting the Fano militia for nearly two years": a perfect progressive
    over months or years tells of a standing conflict, the story's background, not an act of a day."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if tok.tag_ != "VBG" or "been" not in aux or not aux & {"has", "have", "had"}:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(p.lemma_.lower() in LONG_SPANS for p in c.children)
               for c in tok.children)


def _split_meetings(cand: Candidate) -> list[Candidate]:
    """"Met Naqvi and Sharif": a meeting with each named person is a contact of its own. "Talks
    between Somalia and Ethiopia hosted by Turkey": the parties met each other, and each its host."""
    people = [r for r in cand.recipient if r.entity.kind == "person"]
    parties = {r.entity.code for r in cand.actor}
    if cand.event_type == "CONSULT" and len(parties) > 1 and cand.recipient and len(people) < 2:
        return [cand, replace(cand, recipient=[])]
    if cand.event_type != "CONSULT" or len(people) < 2:
        return [cand]
    others = [r for r in cand.recipient if r.entity.kind != "person"]
    return [replace(cand, recipient=[p, *others]) for p in people]


def _skipped(sent: Span, article: Article) -> bool:
    text = sent.text.strip()
    if not text:
        return True
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return any(s <= start < e for s, e in article.skipped)


# -- verbs ----------------------------------------------------------------------------------
def verb_sense(tok: Token) -> Sense | None:
    """The reading of a verb in its clause: its particle ("call on"), its complement ("ordered X
    to leave"), and whether it has one at all ("called on the minister" is a visit)."""
    sense = lexicon().verb(tok.lemma_.lower())
    if sense is None:
        return None
    prt = roles.particle(tok)
    if prt and prt in sense.particles:
        sense = sense.particles[prt]
    if sense.bare is not None and not _has_infinitive(tok):
        sense = sense.bare
    if sense.complements:
        comp = next((c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}), None)
        if comp is not None and comp.lemma_.lower() in sense.complements:
            sense = sense.complements[comp.lemma_.lower()]
    return sense


def _verb(tok: Token, actors: DocActors) -> Candidate | None:
    if tok.dep_ == "amod" or (tok.tag_ == "VBN" and not list(tok.children) and tok.i + 1 < len(tok.doc)
                              and tok.doc[tok.i + 1].pos_ in {"ADJ", "NOUN", "PROPN"}):
        return None  # "detained former leader Aung San Suu Kyi": a description, not a report
    if tok.lemma_.lower() in lexicon().label_verbs and any(c.dep_ == "oprd" for c in tok.children):
        return _labelling(tok, actors)
    sense = verb_sense(tok)
    if sense is None:
        return None
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and sense.type == "SUPPORT" and not sense.agreement_object:
        return None  # "a frigate, supported by patrol aircraft": a description
    obj = roles.event_object(tok)
    if obj is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        obj = tok.head  # "a memorandum signed by Belarus and Pakistan"
    light, indirect = False, None
    if sense.objects:
        key = _object_key(obj, sense.objects)
        if key is None:  # "took to the streets", "went on strike": the object of a preposition
            for _prep, pobj in roles.prep_objects(tok, ("to", "on", "into")):
                key = _object_key(pobj, sense.objects)
                if key:
                    obj = pobj
                    break
        if key is None and obj is not None:  # "granted Jordan 50 million euros": the second object is given
            second = next((c for c in tok.children if c.dep_ == "dobj" and c.i > obj.i), None)
            if _looks_like_party(obj) and _object_key(second, sense.objects):
                key, indirect, obj = _object_key(second, sense.objects), obj, second
        if key is None and obj is not None and _looks_like_party(obj):  # "hit Canada with a 25% levy"
            used = next(((k, p) for _prep, p in roles.prep_objects(tok, ("with",))
                         if (k := _object_key(p, sense.objects))), None)
            if used is not None:
                key, indirect, obj = used[0], obj, used[1]
        if key:
            sense = sense.objects[key]
            light = not sense.patient_object  # "targets the junta's suppliers": they are sanctioned
    subj_key = _object_key(roles.subject(tok)[0], sense.subjects) if sense.subjects else None
    sense = sense.subjects[subj_key] if subj_key else sense
    if sense.type is None:
        return None
    left = _instrument_left(tok, sense)
    if left is not None:  # "pulled out of the nuclear deal", "withdrew from the treaty": no troops move
        sense, obj = lexicon().verb("quit") or sense, left
    if sense.type == "AGREE" and sense.consumes and _hostile_complement(tok):
        sense = lexicon().verb("threaten")  # "vowed to retaliate", "pledged to strike back"
    if sense.type == "THREATEN" and sense.needs_recipient and _coercive_content(tok):
        sense = lexicon().verb("threaten")  # "warned that anyone breaking the curfew would be arrested"
    if obj is None and sense.type is not None:
        obj = _shared_object(tok, sense)  # "attacked and killed Kenyan troops": both acts' object
    if sense.needs_object and obj is None:
        return None
    if sense.intransitive and roles.direct_object(tok) is not None:
        return None  # "women demonstrate weaving techniques": showing, not protesting
    if obj is not None and obj.lemma_.lower() in sense.not_objects:
        return None
    if sense.actor_object and (obj is None or not _looks_like_actor(obj) or
                               any(c.dep_ in {"oprd", "ccomp", "attr", "acomp"} for c in tok.children)):
        return None
    if sense.person_object and obj is not None:
        who = actors.entity(obj)
        unknown_people = who is None and _kb().agent(obj.lemma_.lower()) is not None  # "the prisoners"
        if not unknown_people and (who is None or who.entity.kind not in {"person", "agent"}):
            return None
        if obj.lemma_.lower() in _kb().lexicon["document_nouns"]:
            return None  # "a statement released by the ministry": its author, not someone freed
    if sense.agreement_object and not _is_agreement(obj):
        return None
    if _consumed(tok):
        return None
    mod = modality.of_trigger(tok, obj if light else None)
    actor_toks, recip_toks, reciprocal = _verb_roles(tok, sense, obj, light)
    recip_toks += [indirect] if indirect is not None else []
    actor = _resolve(actor_toks, actors)
    recipient = _resolve(recip_toks, actors)
    deportees = actors.entity(obj) if sense.mode == "deport" and obj is not None else None
    if deportees is not None and deportees.certainty >= 0.7 and \
            deportees.entity.code not in {a.entity.code for a in actor}:
        # "deported 200 Afghans to Turkey": the Afghans, not where they were sent
        recipient = [r for r in recipient if r.entity.code == deportees.entity.code] or [deportees]
    if subj_key and not recipient:  # "supplies arrive in cyclone-hit Madagascar", however it is parsed
        own = {r.entity.code for r in actor}
        recipient = [r for r in (actors.entity(t) for t in tok.subtree if t.ent_type_ == "GPE")
                     if r is not None and r.entity.kind == "state" and r.entity.code not in own][:1]
    if sense.from_actor and not actor:  # "1,400 people deported from the Dominican Republic": by it
        actor = [r for r in _resolve([p for _prep, p in roles.prep_objects(tok, ("from",))], actors)
                 if r.entity.kind == "state"]
    if sense.type == "AID" and not actor and (light or subj_key):  # "China's aid delivered to Madagascar"
        goods = roles.subject(tok)[0] if obj is None or subj_key else obj  # "supplies ... reached Madagascar"
        actor = _resolve(roles.giver(goods), actors) if goods is not None else []
        recipient = [r for r in recipient if r.entity.code not in {a.entity.code for a in actor}] or recipient
    actor = _host_of_envoy(actor, recipient, actors)
    implicit = not actor and (sense.type in AUTHORITY or sense.mode in AUTHORITY_MODES)
    if implicit:
        patient = roles.passive_patient(tok) if tok.dep_ != "acl" else None
        actor, recipient = _implicit_authority(tok, _resolve([patient] if patient is not None else [], actors),
                                               actors)
    if sense.consumes and not recipient:
        recipient = _resolve(roles.complement_parties(tok), actors)
    if sense.type == "THREATEN" and not recipient:
        comps = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}]
        recipient = _nationals_named(comps, actor, actors)
    if sense.type == "AID" and not recipient:  # "approved $250 million in grants to help Malawi"
        recipient = _resolve(roles.beneficiaries(tok), actors)
    shared = obj is not None and (obj.lemma_.lower() in RELATIONS or (  # "suspended the Indus Waters Treaty"
        sense.type == "SANCTION" and obj.lemma_.lower() in lexicon().agreement_nouns))
    # "Serbia will withdraw army units", "Khartoum would recall its ambassador": from somewhere
    withdrawal = sense.type in {"RETREAT", "SANCTION"} and sense.mode == "withdraw"
    if (sense.type in AIMED or withdrawal) and len(actor) == 1:  # "the country's militia", "its troops": its own
        recipient = [r for r in recipient if r.entity.code != actor[0].entity.code]
    if not recipient and (shared or sense.type in AIMED and not implicit or withdrawal) and len(actor) == 1:
        recipient = _other_side(actor[0], actors, withdrawal)
    if sense.type in {"RETREAT", "CONCEDE"}:  # "reopened the crossing with Chad, allowing UN agencies to"
        recipient = _resolve(roles.permitted(tok), actors) or recipient
    if not recipient and obj is not None and EVENT_TYPES[sense.type][0] != 1:
        recipient = (_target_country(obj, actors) or [r for p in recip_toks for r in _target_country(p, actors)]
                     or (_target_country(tok, actors) if EVENT_TYPES[sense.type][0] == 4 else []))
    own = {r.entity.code for r in actor}
    if all(r.entity.code in own for r in recipient) and obj is not None and EVENT_TYPES[sense.type][0] == 3:
        # "rejected a list of Algerian nationals that France wants to deport": whose list it is
        recipient = _proposer(obj, actors) or recipient
    if not recipient and obj is not None and not light and EVENT_TYPES[sense.type][0] == 3 or \
            not recipient and obj is not None and sense.type in {"SUPPORT", "CONCEDE"} and not sense.agreement_object:
        recipient = _referenced_event_parties(obj, actor, actors)
        if recipient and sense.type == "CONCEDE":  # "regretted the move" (another's act): disapproval
            sense = lexicon().verb("deplore")
    if sense.visit or (light and sense.mode == "visit"):
        recipient = [_host(r) for r in recipient]
        if actor and all(r.entity.kind in {"agent", "igo"} and r.entity.sector == "MIL" for r in actor):
            sense = lexicon().verb("deploy")  # "peacekeeping troops arrived in Bosnia": a deployment
    if not recipient:
        recipient = _coordinated_counterpart(tok, actor, actors)
    unresolved = obj is not None and not light and not sense.agreement_object and \
        _looks_like_party(obj) and actors.entity(obj) is None
    cand = _build(sense, tok, actor, recipient, reciprocal, mod, light, actors,
                  place_hint=recip_toks if sense.visit else [], unresolved_object=unresolved)
    if cand is not None:
        cand.topic = _topic(tok, obj, sense)
    return cand


def _shared_object(tok: Token, sense: Sense) -> Token | None:
    """"Fighters attacked and killed Kenyan troops": a verb with no object of its own, joined by
    "and" to a verb of the same kind of act that has one, acts on that object too."""
    for c in tok.children:
        if c.dep_ == "conj" and c.i <= tok.i + 3 and c.tag_ in VERB_TAGS and roles.subject(c)[1]:
            other = verb_sense(c)
            obj = roles.direct_object(c)
            if other is not None and other.type is not None and obj is not None and \
                    EVENT_TYPES[other.type][0] == EVENT_TYPES[sense.type][0]:
                return obj
    return None


def _implicit_authority(tok: Token, patients: list[Resolved], actors: DocActors
                        ) -> tuple[list[Resolved], list[Resolved]]:  # actor, recipient
    """"Faye was freed from prison on March 14", "the curfew, first imposed on Wednesday", "soldiers
    had been deployed": a passive that names no agent, of an act only a state's authorities do
    (arrest, release, curfew, deployment), is theirs: the authorities of the place the clause names,
    else of the forces deployed, else of the dateline's country when the one acted on, if anyone, is
    a named person of it."""
    if not _agentless_passive(tok):
        return [], []
    place = next((r for t in _clause(tok) if t.ent_type_ == "GPE" and t.dep_ == "pobj"
                  and t.head.lower_ in {"in", "at", "across", "inside"}
                  for r in [actors.entity(t)] if r is not None and r.entity.kind == "state"), None)
    forces = next((r for r in patients if r.entity.sector in {"MIL", "COP"}), None)
    state = place or forces
    if state is None:  # "two Americans were detained": by whom, the text does not say
        state = actors.dateline_state()
        if state is None or any(r.entity.code != state.entity.code or r.entity.kind != "person"
                                for r in patients):
            return [], []
    code = state.entity.code
    name = _kb().country_name.get(code, code)
    authority = Entity(code, "authorities", f"{name} authorities", "GOV", None, "agent")
    return [Resolved(authority, 0.5)], [r for r in patients if r is not forces]


def _agentless_passive(tok: Token) -> bool:
    """A passive with no "by" agent that reports an act: a reduced one ("a curfew imposed on
    Wednesday") or one in the present ("protests are banned") only when dated, since "the men
    jailed over protests" describes them and "are banned" a standing state."""
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    aux = [c for c in tok.children if c.dep_ == "auxpass"]
    if aux:  # "protests are banned in the UAE": a standing state, unless dated
        return aux[0].tag_ not in {"VBZ", "VBP"} or any(t.ent_type_ in {"DATE", "TIME"} for t in tok.subtree)
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and any(t.ent_type_ in {"DATE", "TIME"} for t in tok.subtree)


def _labelling(tok: Token, actors: DocActors) -> Candidate | None:
    """"Sharif called the strikes an act of war" (ACCUSE), "called the move a step in the right
    direction" (SUPPORT): the label's words decide; the one labelled, or whoever did the act
    labelled, is the recipient. A label that says neither is no event."""
    lex = lexicon()
    label = next(c for c in tok.children if c.dep_ == "oprd")
    words = {t.lemma_.lower() for t in label.subtree} | {t.lower_ for t in label.subtree}
    if words & lex.negative_labels:
        sense = lex.verb("accuse")
    elif words & lex.positive_labels:
        sense = lex.verb("praise")
    else:
        return None
    obj = roles.direct_object(tok)
    subj, _ = roles.subject(tok)
    if obj is None or subj is None or sense is None or obj.tag_ in {"WP", "WDT"}:
        return None  # "what he called narco-terrorism": a phrase of his, not a judgement of an act
    actor = _resolve([subj], actors)
    recipient = _resolve([obj], actors) if obj.pos_ != "PRON" or obj.lower_ not in {"it", "this", "that"} else []
    if not recipient:
        recipient = _referenced_event_parties(obj, actor, actors, any_act=obj.pos_ == "PRON", domestic=True)
    if not recipient:
        return None  # a judgement of nobody's act
    return _build(sense, tok, actor, recipient, False, modality.of_trigger(tok), False, actors, place_hint=[])


def _topic(tok: Token, obj: Token | None, sense: Sense) -> str | None:
    """The instrument or matter of an agreement or signing, as a short key ("extradition")."""
    if sense.agreement_object and obj is not None:
        comp = [c for c in obj.children if c.dep_ in {"compound", "amod"} and c.i < obj.i
                and c.pos_ in {"NOUN", "PROPN"}]
        return (comp[-1] if comp else obj).lemma_.lower()
    if sense.consumes:
        comp = next((c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}), None)
        if comp is not None:
            o = roles.direct_object(comp)
            if o is not None:
                words = [c.lemma_.lower() for c in o.children if c.dep_ == "compound"] + [o.lemma_.lower()]
                return " ".join(words)
    return None


JUDGED = {"ACCUSE", "SUPPORT", "REJECT", "CONCEDE", "SANCTION"}  # a light verb's object is the other side's act or word
VERBAL = {"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "CONSULT"}
JOINT_NOUNS = {"operation", "crackdown", "exercise", "drill", "patrol", "investigation", "mission", "activity", "sail",
               "raid", "venture", "project", "inspection", "manoeuvre", "maneuver", "training", "probe"}
LEAD_REFERENT = 2  # "welcomed the agreement": the headline's and the lead's act, before any later one
PARTICIPANT_PREPS = {"of", "between", "with", "by", "against", "on"}


def _referenced_event_parties(obj: Token, actor: list[Resolved], actors: DocActors,
                              any_act: bool = False, domestic: bool = False,
                              same_type: str | None = None) -> list[Resolved]:
    """"Rubio condemned the deportation", "the AU welcomed the agreement": the object names an event
    reported before; its parties are the recipients. The noun says which acts it can name (an
    agreement is an AGREE or a signing, "the move" any deed but words)."""
    lemma = obj.lemma_.lower()
    references = lexicon().event_references
    kinds = frozenset() if any_act else references.get(lemma)  # "calling it unjust": the last deed
    if kinds is None and not (len(lemma) > 5 and any(c.trigger.lemma_.lower()[:5] == lemma[:5]
                                                      for c in actors.events_so_far)):
        return []
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPS and any(
            p.dep_ == "pobj" and actors.entity(p) is not None for p in c.children)) for c in obj.children):
        return []  # its own participants are named: read them, do not guess
    own = {r.entity.code for r in actor}
    earlier = [c for c in actors.events_so_far if c.trigger.i < obj.i]
    lead = [c for c in earlier if c.sequence <= LEAD_REFERENT]  # the story's own act comes first
    for cand in [*lead, *reversed([c for c in earlier if c.sequence > LEAD_REFERENT])]:
        if "negation" in cand.context:
            continue
        trig = cand.trigger.lemma_.lower()
        if same_type is not None and cand.event_type != same_type:
            continue
        if kinds is not None:
            if kinds and cand.event_type not in kinds:
                continue
            if not kinds and cand.event_type in VERBAL:
                continue  # "condemned the deportation, and the UN regretted the move": the deed, not the words
        elif trig[:5] != lemma[:5]:
            continue
        parties = [r for r in cand.actor if r.entity.code not in own]
        if not parties and domestic:  # "Ozel called the detention an attempted coup": the police's
            keys = {r.entity.key for r in actor}
            parties = [r for r in cand.actor if r.entity.key not in keys]
        if parties:
            return [Resolved(r.entity, r.certainty * 0.8) for r in parties]
    return []


OBLIGATION = {"must", "should"}


def _obligation(tok: Token, actors: DocActors) -> Candidate | None:
    """"Russia said Sudan must return the helicopter": a speaker telling another party what it has to
    do is a REQUEST from the speaker to that party."""
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in lexicon().speech_verbs:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in tok.children):
        return None
    speaker = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    addressee = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if speaker is None or addressee is None:
        return None
    actor, recipient = _resolve([speaker], actors), _resolve([addressee], actors)
    if not actor or not recipient:
        return None
    sense = lexicon().verb("demand")
    return _build(sense, tok, actor, recipient, False, modality.Modality(), False, actors, place_hint=[])


def _has_infinitive(tok: Token) -> bool:
    """"Called on the US and Qatar, which mediated, to press Kigali": a to-infinitive anywhere below."""
    if any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children):
        return True
    return any(t.tag_ == "VB" and any(c.tag_ == "TO" for c in t.children) and _verbs_between(t, tok) <= 1
               for t in tok.subtree if t.i != tok.i)


def _verbs_between(low: Token, high: Token) -> int:
    """Verbs on the path up from `low` to `high`: one is a misattached relative clause ("which mediated");
    more is a clause of its own ("Sharif, who said Pakistan wanted to turn ...")."""
    n, t = 0, low.head
    while t.i != high.i and t.head.i != t.i:
        n += t.pos_ in {"VERB", "AUX"}
        t = t.head
    return n


HOSTILE_NOUNS = {"response", "retaliation", "revenge", "reprisal", "consequence", "punishment", "countermeasure"}


def _hostile_complement(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "xcomp":
            s = lexicon().verb(c.lemma_.lower())
            if s is not None and s.type and EVENT_TYPES[s.type][0] == 4:
                return True
            if c.lemma_.lower() in {"retaliate", "avenge", "punish", "respond", "hit"}:
                return True
        if c.dep_ == "dobj" and c.lemma_.lower() in HOSTILE_NOUNS:
            return True
    return False


def _coercive_content(tok: Token) -> bool:
    """A warning whose content is a hostile act ("would be arrested", "will be punished") threatens
    whoever it is meant for, named or not; a forecast ("the fire could spread") threatens nobody."""
    for c in tok.children:
        if c.dep_ in {"ccomp", "xcomp"}:
            s = lexicon().verb(c.lemma_.lower())
            if s is not None and s.type and EVENT_TYPES[s.type][0] == 4:
                return True
            if any(_authority_act(n) for n in c.children if n.dep_ in {"nsubj", "nsubjpass"}):
                return True  # "warned that further expulsions were possible": sanctions to come
    return False


def _authority_act(noun: Token) -> bool:
    """A noun naming an act of a state's authority over others (expulsions, sanctions, arrests)."""
    sense = lexicon().noun(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    return sense is not None and sense.type in {"SANCTION", "COERCE"}


def _proposer(obj: Token, actors: DocActors) -> list[Resolved]:
    """"Rejected a list of nationals that France wants to deport": whoever drew up what is
    rejected or condemned (the subject of a relative clause on it) is the counterpart."""
    for t in obj.subtree:
        if t.dep_ == "relcl" and t.head.i in {x.i for x in obj.subtree}:
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c.lower_ not in {"who", "which", "that"}),
                        None)
            r = actors.entity(subj) if subj is not None else None
            if r is not None and r.entity.kind in {"state", "igo", "agent", "person"}:
                return [r]
    return []


def _target_country(obj: Token, actors: DocActors) -> list[Resolved]:
    """"Struck military targets inside Cambodia", "sites in Pakistan": a hostile act's target is the
    country the targets are in."""
    inner = [obj, *(t for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "of")] \
        if obj.lower_ in QUANTIFIERS else [obj]  # "all but one of its diplomats from Paris"
    places = [p for c in (c for o in inner for c in o.children)
              if c.dep_ == "prep" and c.lower_ in {"in", "inside", "across", "within", "near", "from", "of"}
              for p in c.children if p.dep_ == "pobj"]
    for p in places:
        r = actors.entity(p)
        if r is not None and r.entity.kind == "state":
            e = r.entity
            return [Resolved(Entity(e.code, p.text, e.identifier_text, None, None, "state"), 0.75)]
    for p in places:  # "villages in Sisaket province", "sites near Kharkiv city", "in Kharkiv's north"
        for m in p.subtree:
            r = actors.place_country(m) if m.dep_ in {"compound", "nmod", "poss"} and m.i < p.i else None
            if r is not None:
                e = r.entity
                return [Resolved(Entity(e.code, m.text, e.identifier_text, "CVL", None, "state"), 0.7)]
    return []


def _object_key(obj: Token | None, objects: dict[str, Sense]) -> str | None:
    if obj is None:
        return None
    measure = obj.lower_[:-1] if obj.tag_ == "NNPS" and obj.lower_.endswith("s") else obj.lemma_.lower()
    measured = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                if p.dep_ == "pobj" and measure in MEASURES]  # ("Columns of trucks" first in a lead: NNPS)
    if obj.lower_ in QUANTIFIERS:  # "withdrawing all but one of its diplomats": the diplomats
        measured += [t for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "of"]
    for o in conjuncts(obj) + measured:
        lemma = o.lemma_.lower()
        comp = next((c.lemma_.lower() for c in o.children if c.dep_ == "compound"), None)
        joint = any(c.lower_ in {"joint", "combined"} for c in o.children if c.dep_ in {"amod", "compound"})
        # "armoured cars", "Ugandan army trucks": every modifier of the noun, not only the first
        mods = [f"{c.lemma_.lower()} {lemma}" for c in o.children if c.dep_ in {"amod", "compound"}]
        for key in (["joint"] if joint else []) + ([f"{comp} {lemma}"] if comp else []) + mods + [lemma, o.lower_]:
            if key in objects:
                return key
    return None


QUANTIFIERS = {"all", "some", "most", "many", "half", "several", "one", "two", "part", "dozens", "hundreds"}
MEASURES = {"tonne", "ton", "tons", "tonnes", "shipment", "consignment", "batch", "package", "load", "cargo",
            "convoy", "column", "kilogram", "kg", "worth", "lot", "plane", "truck", "truckload", "planeload",
            "shipload"}


def _is_agreement(obj: Token | None) -> bool:
    if obj is None:
        return False
    agreements = lexicon().agreement_nouns
    return any(o.lemma_.lower() in agreements or o.lower_ in agreements for o in conjuncts(obj))


def _consumed(tok: Token) -> bool:
    """A complement of an event verb is that event's content ("agreed to form", "threatened to strike")."""
    t = tok
    while t.dep_ == "conj" and roles.clause_head(t) is t:
        t = t.head
    if t.dep_ not in {"xcomp", "ccomp"} and not (t.dep_ == "advcl" and roles.to_infinitive_of(t)):
        return False  # ("called on Caracas on Monday to release": the parser's adverbial infinitive)
    sense = verb_sense(t.head)
    return bool(sense and sense.consumes and sense.type)


def _verb_roles(tok: Token, sense: Sense, obj: Token | None, light: bool):
    subj, _inherited = roles.subject(tok)
    patient = roles.passive_patient(tok)
    actors: list[Token] = [subj, *roles.co_subjects(tok, subj)] if subj is not None else []
    recipients: list[Token] = []
    reciprocal = False
    if sense.inverse:
        if obj is not None and not light:
            actors, recipients = [obj], actors
    elif patient is not None and not light:
        recipients.append(patient)
    elif obj is not None and not light and not sense.topic_object:
        recipients.append(obj)
    for prep, p in roles.prep_objects(tok, sense.recipient_preps + (("between",) if light else ())):
        if ((prep == "with" and sense.reciprocal_with) or prep == "between") and _looks_like_party(p):
            actors.append(p)
            reciprocal = True
        elif prep in sense.recipient_preps:
            recipients.append(p)
            recipients.extend(roles.protesters(p))  # "cracked down on protests by students"
    if obj is not None and sense.agreement_object:  # "signed a pact with Togo": both are parties
        for _prep, p in roles.prep_objects(obj, ("with",)):
            if _looks_like_party(p) and EVENT_TYPES[sense.type][0] == 1:
                actors.append(p)
                reciprocal = True
            elif _looks_like_party(p):  # "quit the pact with Togo": Togo is the one left
                recipients.append(p)
    if obj is not None and not sense.topic_object and (light or sense.agreement_object or
                                                       not _looks_like_actor(obj)):
        n_sense = lexicon().noun(obj.lemma_.lower()) or sense
        # "fired tear gas at demonstrators": the thing used is no party, the one it is aimed at is
        extra = tuple(p for p in sense.recipient_preps if p != "at" or not light)
        a, r, rec = [], [], False
        for o in conjuncts(obj):  # "tear gas, rubber bullets and stun grenades at demonstrators"
            oa, orr, orec = roles.noun_participants(o, n_sense, extra)
            a, r, rec = a + oa, r + orr, rec or orec
        if light and rec:
            actors.extend(a)
            reciprocal = True
        elif light and sense.type in JUDGED:
            # "attacked India's decision", "accepted the rebels' demand": theirs is judged; "froze
            # Russian assets": theirs are sanctioned (not "closed its embassy": its own)
            recipients.extend(t for t in a if sense.type != "SANCTION" or t.pos_ != "PRON")
        elif light:
            actors.extend(t for t in a if not actors)
        else:
            recipients.extend(a)  # "praised Kenya's efforts", "welcomed the MoU between X and Y"
        recipients.extend(r)
    if not actors and tok.dep_ == "acl" and tok.tag_ == "VBN" and (light or sense.agreement_object):
        actors = roles.bound_parties(tok.head)
    if not actors:
        actors = roles.frame_participants(tok)
        reciprocal = reciprocal or len(actors) > 1
    return actors, recipients, reciprocal


def _looks_like_party(tok: Token) -> bool:
    """A noun phrase that names people, a state or an organisation ("with strings attached" does not)."""
    if tok.ent_type_ in {"PERSON", "NORP", "ORG", "GPE"} or tok.pos_ in {"PROPN", "PRON"}:
        return True
    return tok.lemma_.lower() in PARTY_NOUNS or _kb().agent(tok.lemma_) is not None


PARTY_NOUNS = {"man", "woman", "people", "person", "member", "leader", "official", "national", "citizen",
               "activist", "journalist", "soldier", "civilian", "prisoner", "student", "worker", "suspect",
               "diplomat", "ambassador", "child", "pupil", "villager", "resident", "migrant", "refugee"}


def _looks_like_actor(tok: Token) -> bool:
    return tok.ent_type_ in {"PERSON", "GPE", "NORP", "ORG"} or tok.pos_ in {"PROPN", "PRON"}


def _host(r: Resolved) -> Resolved:
    """A visit's destination is its host: the government of the place visited."""
    e = r.entity
    if e.kind == "state":
        return Resolved(Entity(e.code, e.entity_text, e.identifier_text, "GOV", None, "state"), r.certainty)
    return r


# -- nouns ----------------------------------------------------------------------------------
def _noun(tok: Token, actors: DocActors) -> Candidate | None:
    lex = lexicon()
    # "a phone call", and "a general strike" (the parser's adjective): the two-word event noun
    comp = next((c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod"} and c.i == tok.i - 1), None)
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma.endswith("s"):  # "Talks between ..." tagged as a proper noun
        lemma = lemma[:-1]
    key = f"{comp} {lemma}" if comp and lex.noun(f"{comp} {lemma}") else lemma
    sense = lex.noun(key)
    if lemma in JOINT_NOUNS and (any(c.lower_ in {"joint", "combined"} for c in tok.children if c.dep_ == "amod")
                                 or _paired_parties(tok)):
        sense = lex.verb("cooperate")  # "in a joint operation", "joint naval drills", "Australian-Indonesian drills"
    if sense is None or tok.dep_ == "compound":
        return None
    if sense.plural and tok.tag_ not in {"NNS", "NNPS"}:
        return None
    head = tok.head
    if tok.dep_ == "dobj" and head.tag_ in VERB_TAGS and _consumed(head):
        return None  # "agreed to develop joint projects": the projects are what was agreed, not yet done
    if tok.dep_ in {"dobj", "nsubjpass", "attr"} and head.tag_ in VERB_TAGS:
        hsense = lex.verb(head.lemma_.lower())
        if hsense and (key in hsense.objects or _object_key(tok, hsense.objects)):
            return None  # a light verb codes it ("held talks")
    a_toks, r_toks, reciprocal = roles.noun_participants(tok, sense)
    own_agents = bool(a_toks)
    # "the Jeddah talks", "the Geneva conference": a city before an event noun is where, not who
    a_toks = [t for t in a_toks if not (t.dep_ == "compound" and t.ent_type_ == "GPE"
                                        and t.text not in _kb().by_name and t.text not in _kb().by_demonym)]
    if sense.from_actor and not a_toks and tok.dep_ == "dobj" and _is_receiving(head):
        a_toks = [p for _prep, p in roles.prep_objects(head, ("from",))]  # "received a plea [from X]"
    frame = tok
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SPANS_OF_TIME:
        frame = head.head  # "after hours of talks": the talks are framed as the hours are
    frames = {"during", "at", "in", "for"} | ({"after", "following"} if sense.type == "CONSULT" else set())
    framed = frame.dep_ == "pobj" and frame.head.lower_ in frames  # "agreed after talks": the talkers
    if (not a_toks or reciprocal) and (tok.dep_ == "dobj" or framed):  # "began a joint exercise with Australia"
        verb = head if tok.dep_ == "dobj" else frame.head.head
        in_lexicon = lex.verb(verb.lemma_.lower()) is not None
        vsense = verb_sense(verb) if verb.tag_ in VERB_TAGS else None
        reports = vsense is not None and vsense.type is not None  # "poured into" (a street) reports none
        # "poured into Belgrade for a demonstration": for-frames only under verbs that report no event
        if verb.tag_ in VERB_TAGS and ((framed and (head.lower_ != "for" or not reports))
                                       or not in_lexicon or (tok.dep_ == "dobj" and verb.lemma_.lower() in PERFORMING)
                                       or (tok.dep_ == "dobj" and not reports and roles.particle(verb) is not None)):
            # ("stepped up attacks": a phrasal verb of the lexicon that, so used, reports nothing itself)
            verb, subj = _doer(verb) if framed else (verb, roles.subject(verb)[0])
            if subj is not None:
                a_toks = [subj, *roles.co_subjects(verb, subj), *a_toks]
    if lemma == "release" and not own_agents:
        return None  # "to arrange the men's release": a release is coded only with its releaser named on it
    if lemma == "release" and not r_toks and tok.dep_ == "pobj" and tok.head.lower_ in {"after", "following"}:
        # "Four Armenians returned home after release by Baku": the released are the clause's subject
        subj = roles.subject(tok.head.head)[0] if tok.head.head.tag_ in VERB_TAGS else None
        r_toks = [subj] if subj is not None else []
    actor = _resolve(a_toks, actors)
    recipient = _resolve(r_toks, actors)
    own = {r.entity.code for r in actor}
    others = [r for r in recipient if r.entity.code not in own]  # "Kenya's offer of troops": its own
    receiver = _receiver(tok) if sense.from_actor and actor and not others and not reciprocal else []
    recipient = others or _resolve(receiver, actors) or recipient
    if sense.type == "REJECT" and actor and not others:
        recipient = _rejected_caller(tok, actor, actors) or recipient
    if not actor and not recipient and tok.dep_ == "nsubj" and head.lemma_.lower() in OCCURRING:
        # "The largest exchange of the war took place in January": another act of the kind the
        # story reports, between the same parties
        actor = _referenced_event_parties(tok, [], actors, same_type=sense.type)
        reciprocal = len(actor) > 1
    if sense.visit:
        recipient = [_host(r) for r in recipient]
    # "rejected a demand from the unions", "is studying a request": the words were said all the
    # same; only the receiving verb's own modality ("did not receive a request") applies
    mod = modality.of_trigger(_receiving_verb(tok) if receiver else tok)
    cand = _build(sense, tok, actor, recipient, reciprocal, mod, False, actors,
                  place_hint=r_toks if sense.visit else [], nominal=True)
    if cand is not None and sense.agreement_object:  # "the signing of the MoU"
        signed = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj"), None)
        cand.topic = _topic(tok, signed, sense) if signed is not None else None
    return cand


def _rejected_caller(tok: Token, actor: list[Resolved], actors: DocActors) -> list[Resolved]:
    """"Egypt criticised Ethiopia's rejection of its call": no one rejects their own call, so a
    pronoun owner of what was rejected that points back at the rejecter is the clause's subject."""
    owned = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
             if o.dep_ == "pobj" for p in o.children if p.dep_ == "poss" and p.pos_ == "PRON"]
    verb = tok.head if tok.dep_ in {"dobj", "nsubjpass"} else None
    if not owned or verb is None or verb.tag_ not in VERB_TAGS:
        return []
    subj = roles.subject(verb)[0]
    own = {r.entity.code for r in actor}
    found = [r for r in _resolve([subj], actors) if r.entity.code not in own] if subj is not None else []
    return found[:1]


def _doer(verb: Token) -> tuple[Token, Token | None]:
    """"Police dismantled a network suspected of recruiting people in a joint operation": a frame
    the parser hangs on a subjectless participle below the clause is the clause's; its doers are
    the subject of the nearest verb above that has one (not past a reporting verb)."""
    t = verb
    for _ in range(4):
        subj, _inherited = roles.subject(t)
        if subj is not None or t.dep_ not in {"pcomp", "acl", "xcomp", "advcl"} or t.tag_ not in {"VBG", "VBN"}:
            return t, subj
        t = t.head
        while t.tag_ not in VERB_TAGS and t.head.i != t.i:  # up through "of", or the noun an acl is on
            t = t.head
        if t.lemma_.lower() in lexicon().speech_verbs:
            return t, None
    return t, None


def _paired_parties(tok: Token) -> bool:
    """"The Australian-Indonesian naval exercise": two parties named in one modifier make it joint."""
    return any(roles.hyphenated_pair(c) for c in tok.children
               if c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i and c.ent_type_ in roles.NAMED)


def _receiving_verb(tok: Token) -> Token:
    """The verb that governs a nominal act as its object, or through "to" ("responded to")."""
    return tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "to" else tok.head


def _is_receiving(verb: Token) -> bool:
    """A verb of receiving, weighing or answering, phrasal ones with their particle ("turn down")."""
    if verb.tag_ not in VERB_TAGS:
        return False
    lemma, prt = verb.lemma_.lower(), roles.particle(verb)
    return lemma in lexicon().receiving_verbs or f"{lemma} {prt}" in lexicon().receiving_verbs


def _receiver(tok: Token) -> list[Token]:
    """"Rwanda is studying a request from Mozambique", "Kyiv rejected Moscow's offer", "the plea
    was received by the EU", "responded to a demand from the unions": a request or offer is
    addressed to whoever receives, weighs or answers it."""
    head = tok.head
    verb = _receiving_verb(tok)
    if not _is_receiving(verb):
        return []
    if tok.dep_ not in {"dobj", "nsubjpass"} and verb.i == head.i:
        return []
    subj, _ = roles.subject(verb)  # a passive's "by" agent when it has one
    return [subj] if subj is not None and subj.i != tok.i else []


# -- shared ---------------------------------------------------------------------------------
def _resolve(toks: list[Token], actors: DocActors) -> list[Resolved]:
    out: list[Resolved] = []
    for t in toks:
        for r in actors.entities(t):
            if not any(same_side(r, o) for o in out):
                out.append(r)
    return out


def _side_count(parties: list[Resolved], event_type: str) -> int:
    """How many sides an act has: countries, and within one country its distinct parts ("police
    clashed with pensioners": two sides of a domestic act, coded with the lone country)."""
    sides: list[Resolved] = []
    for r in parties:
        if not any(_one_side(r, o, event_type) for o in sides):
            sides.append(r)
    return len(sides)


def _one_side(a: Resolved, b: Resolved, event_type: str) -> bool:
    """Whether two parties of an act are one side. A country is one side with its own agents and
    people ("Ruto and Kenya", "Tokayev and his government"); two of its sectors are two sides,
    except that branches of the state cooperating or asking each other is the state's procedure,
    and a friendly act needs both sides known to be of the country, not guessed so, and a side that
    does politics (a person by the sector of his office)."""
    ea, eb = a.entity, b.entity
    if ea.code != eb.code:
        return False
    if not (ea.part_of_state and eb.part_of_state) or ea.party == eb.party or ea.code not in _kb().country_name:
        return True  # two UN officials meeting are the UN's own business: domestic acts are a state's
    friendly = EVENT_TYPES[event_type][0] in (1, 2) or event_type == "REQUEST"
    if friendly and min(a.certainty, b.certainty) <= GUESSED:
        return True  # "his government would offer companies access": whose companies is only a guess
    if ea.kind == "person" and eb.kind == "person":
        return False
    political = set(_kb().lexicon["political_sectors"])
    if friendly and not any(e.sector in political for e in (ea, eb)):
        return True  # "a company that provides services to people", "a journalist thanked his supporters"
    if ea.sector == eb.sector or None in (ea.sector, eb.sector):
        return True  # a minister and the government he speaks for
    return friendly and {ea.sector, eb.sector} <= set(_kb().lexicon["state_sectors"])


def _crowd_demand(event_type: str, actor: list[Resolved], recipient: list[Resolved]) -> bool:
    """"Protesters demanded justice for Ojwang": a crowd's demand of its own country is the topic
    of its protest, not a request between two sides."""
    crowd = set(_kb().lexicon["crowd_sectors"])
    own = {r.entity.code for r in actor}
    return event_type == "REQUEST" and bool(actor) and all(r.entity.sector in crowd for r in actor) and \
        all(r.entity.code in own for r in recipient)


def _build(sense: Sense, tok: Token, actor: list[Resolved], recipient: list[Resolved], reciprocal: bool,
           mod: modality.Modality, light: bool, actors: DocActors, place_hint: list[Token],
           nominal: bool = False, unresolved_object: bool = False) -> Candidate | None:
    event_type = sense.type
    assert event_type is not None
    recipient = [r for r in recipient if not any(same_side(r, a) for a in actor)]
    actor_codes = {r.entity.code for r in actor}
    if any(r.entity.code not in actor_codes for r in recipient):  # "its ties with Belarus": not itself
        recipient = [r for r in recipient if r.entity.code not in actor_codes]
    if reciprocal or (len({r.entity.code for r in actor}) > 1 and not recipient):
        actor = actor + [r for r in recipient if r.entity.code not in {a.entity.code for a in actor}]
        recipient = []
    if not actor:
        return None
    if (sense.visit or sense.mode == "visit") and recipient and all(r.entity.code in actor_codes for r in recipient):
        return None  # "Ukrainian prisoners arrived in Kyiv": coming home is no visit
    if sense.visit and not recipient:
        recipient = _place_visited(tok, actor, actors)
    sides = _side_count(actor + recipient, event_type)
    if _crowd_demand(event_type, actor, recipient):
        return None
    if (event_type in NEEDS_COUNTERPART or sense.needs_counterpart) and sides < 2:
        return None
    if unresolved_object and not recipient:
        return None  # "sentenced the men": someone was acted on, but we cannot say who
    if sense.needs_recipient and not recipient and (sides < 2 or event_type not in MUTUAL):
        return None  # "officials warn the fire is too big to put out": a warning to nobody
    if nominal and sides < 2 and not recipient and event_type not in ONE_SIDED:
        return None  # "the talks": a nominal act needs its parties named, unless one side is all it has
    if sense.visit and not recipient:
        return None  # a visit with no host named is not codable
    context: list[str] = []
    mode_override: str | None = None
    if _refusal(event_type, mod, tok, actor, actors):
        event_type, mod = "REJECT", modality.Modality()  # "Vucic said he would not resign": a refusal
    if mod.negated:
        context.append("negation")
    if mod.hypothetical:
        context.append("hypothetical")
    tense = "future" if mod.future or mod.intent else _tense(tok)
    if mod.intent and not mod.negated:
        if event_type not in COOPERATIVE or not recipient and sides < 2:
            return None
        event_type = "AGREE"
    conditional = mod.hypothetical and not mod.negated and EVENT_TYPES[event_type][0] == 4 and \
        _announced_by_actor(tok, actor, actors) and _has_condition_clause(tok)
    if conditional and not recipient:  # "the union will call a strike if Congress does not act"
        recipient = _condition_party(tok, actor, actors)
    if conditional and recipient:
        # "he will impose the tariff if Europe follows through": the conditional act is a threat
        context.remove("hypothetical")
        event_type = "THREATEN"
    elif mod.future and not mod.negated and not mod.hypothetical:
        announced = _announced_by_actor(tok, actor, actors)
        if EVENT_TYPES[event_type][0] >= 3 and not announced or event_type in WORDS_TO_COME:
            context.append("hypothetical")  # "preparing to launch a missile", "plans to urge": not (yet) a fact
        elif event_type in THREAT_MODES and announced:  # "the rebels said they would attack Ugandan
            # convoys", "Algeria said it would expel French staff": a hostile act announced by
            # whoever would commit it is a threat, not (yet) the act
            mode_override = THREAT_MODES[event_type].get(sense.mode, THREAT_MODES[event_type].get(None))
            event_type = "THREATEN"
            recipient = recipient or _nationals_named([tok], actor, actors)
        event_type = _future_type(event_type)
    if tense == "future":
        context.append("future")
    clause = _clause(tok)
    context.extend(contexts.of_tokens(clause, event_type))
    mode = (sense.mode,) if sense.mode and event_type == sense.type else (mode_override,) if mode_override else ()
    if event_type == "CONSULT" and not mode and _by_phone(tok):
        mode = ("phone",)
    confidence = _confidence(actor + recipient, light, nominal, mod)
    return Candidate(event_type, mode, actor, recipient, tuple(dict.fromkeys(context)), tok, clause,
                     tok.sent, 0, tense, None, confidence, place_hint, False, nominal)


# hostile acts that, announced for the future by their own actor, are threats; and the threat's mode
THREAT_MODES: dict[str, dict[str | None, str]] = {
    "ASSAULT": {None: "violence"},
    "MOBILIZE": {None: "violence"},
    "COERCE": {"arrest": "arrest", "restrict": "restrict", "curfew": "restrict", None: "restrict"},
    "SANCTION": {"expel": "expel", None: "relations"},
}


def _refusal(event_type: str, mod: modality.Modality, tok: Token, actor: list[Resolved],
             actors: DocActors) -> bool:
    """"He would not resign", "the group said it will not withdraw": a concession its own actor
    says it will not make is a refusal to yield, itself an act (REJECT)."""
    return event_type in YIELDING and mod.negated and mod.future and not mod.hypothetical and \
        _announced_by_actor(tok, actor, actors)


def _place_visited(tok: Token, actor: list[Resolved], actors: DocActors) -> list[Resolved]:
    """"The deal was struck in Nairobi during talks with Kombo, who arrived on Monday for a visit":
    a visit whose clause names no destination is to the foreign place its sentence names, else to
    the dateline's country."""
    own = {r.entity.code for r in actor}
    for t in tok.sent:
        if t.ent_type_ == "GPE" and t.dep_ == "pobj" and t.head.lower_ in {"in", "to", "at"}:
            r = actors.entity(t)
            if r is not None and r.entity.kind == "state" and r.entity.code not in own:
                return [_host(Resolved(r.entity, r.certainty * 0.8))]
    host = actors.dateline_state()  # "ISLAMABAD - Kubrakov, who arrived on Tuesday for a visit,"
    if host is not None and host.entity.code not in own:
        return [_host(Resolved(host.entity, host.certainty * 0.7))]
    return []


def _condition_party(tok: Token, actor: list[Resolved], actors: DocActors) -> list[Resolved]:
    """"Will call a national strike if Congress does not revive the reform": a threat is aimed at
    whoever the condition asks to act, the subject of the if-clause, when it is another side."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children):
            subj = next((s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}), None)
            who = _resolve([subj], actors) if subj is not None else []
            if who and _side_count(actor + who, "THREATEN") > _side_count(actor, "THREATEN"):
                return who
    return []


def _has_condition_clause(tok: Token) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
               for c in tok.children)


def _announced_by_actor(tok: Token, actor: list[Resolved], actors: DocActors) -> bool:
    """"Khartoum said it would recall its ambassador": a hostile act announced by its own actor is
    coded (a threat or a decision); one only expected by others is not yet an event."""
    own = {r.entity.code for r in actor}
    t = tok
    for _ in range(6):
        if t.dep_ in {"ccomp", "conj", "xcomp"} and t.head.lemma_.lower() in lexicon().speech_verbs | {
                "threaten", "warn", "vow", "announce", "decide", "pledge", "promise", "plan", "intend"}:
            speaker = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if speaker is None:
                return True
            r = actors.entity(speaker)
            return r is None or r.entity.code in own
        if t.head.i == t.i:
            break
        t = t.head
    return any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall"} for c in tok.children)


def _by_phone(tok: Token) -> bool:
    """"Spoke by phone with", "in a telephone call", "over the phone", "by video link"."""
    media = {"phone", "telephone", "video", "call", "videoconference"}
    return any(c.dep_ == "prep" and c.lower_ in {"by", "over", "in", "via"} and
               any(p.lemma_.lower() in media for p in c.subtree) for c in tok.children)


def _future_type(event_type: str) -> str:
    """PLOVER: future cooperation is AGREE and a future withdrawal CONCEDE."""
    if event_type == "RETREAT":
        return "CONCEDE"
    if EVENT_TYPES[event_type][0] in (1, 2):
        return "AGREE"
    return event_type  # an announced hostile act keeps its type, marked future


def _tense(tok: Token) -> str:
    if tok.pos_ in {"NOUN", "PROPN"}:  # "ahead of talks on Tuesday": the tense of the governing verb
        head = next((a for a in tok.ancestors if a.tag_ in VERB_TAGS), None)
        if head is None:
            return "present"
        aux = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
        if aux & {"will", "shall", "'ll"} or head.lemma_.lower() in {"plan", "schedule", "expect", "prepare"}:
            return "future"
        return _tense(head)
    if tok.tag_ in {"VBD", "VBN"}:
        return "past"
    aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
    if aux & {"has", "have", "had", "was", "were", "did"}:
        return "past"
    return "present" if tok.tag_ in {"VBZ", "VBP"} else "past"


NESTED_CLAUSES = {"relcl", "advcl", "ccomp", "parataxis", "acl"}


def _clause(tok: Token) -> list[Token]:
    """The trigger's own clause: its subtree without the clauses nested in it (relative clauses,
    adverbial and reported clauses, coordinated verbs) and without reporting verbs."""
    lex = lexicon()
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            nested = c.dep_ in NESTED_CLAUSES and c.tag_ in VERB_TAGS
            coordinated = c.dep_ == "conj" and c.tag_ in VERB_TAGS
            if nested or coordinated or c.lemma_.lower() in lex.speech_verbs:
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _confidence(parties: list[Resolved], light: bool, nominal: bool, mod: modality.Modality) -> float:
    base = 0.7 if nominal else 0.85 if light else 0.8
    certainty = sum(r.certainty for r in parties) / len(parties) if parties else 0.5
    score = base * (0.5 + 0.5 * certainty)
    if mod.future or mod.intent:
        score *= 0.9
    return round(min(score + 0.1, 0.99), 3)


def _attribution(tok: Token, actors: DocActors, memory: list[str]) -> str | None:
    """Who reports the act: the subject of the reporting verb the trigger's clause hangs from."""
    lex = lexicon()
    t = tok
    for _ in range(10):
        speech = _speech_sibling(t) if t.dep_ not in {"ccomp", "conj", "parataxis"} else None
        if speech is None and t.dep_ in {"ccomp", "parataxis", "conj"} and \
                t.head.lemma_.lower() in lex.speech_verbs:
            speech = t.head
        if speech is not None:
            return _speaker(speech, actors, memory)
        if t.head.i == t.i:
            break
        t = t.head
    return None


def _speech_sibling(tok: Token) -> Token | None:
    """`"...," state media reported`: the reporting verb is the root and the act its ccomp."""
    lex = lexicon()
    for c in tok.children:
        if c.dep_ in {"conj", "parataxis", "advcl"} and c.lemma_.lower() in lex.speech_verbs and \
                any(s.dep_ == "nsubj" for s in c.children):
            return c
    return None


def _speaker(verb: Token, actors: DocActors, memory: list[str]) -> str | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return memory[-1] if memory else None
    if subj.pos_ == "PRON" and subj.lower_ in {"it", "they"}:
        return memory[-1] if memory else None
    span = actors.ent_of.get(subj.i)
    if span is not None and span.label_ in {"ORG", "PERSON", "GPE", "NORP"}:
        name = span.text
    else:
        r = actors.entity(subj)
        if r is not None and r.entity.kind == "person":
            name = r.entity.identifier_text
        else:
            sub = sorted(subj.subtree, key=lambda t: t.i)
            while sub and (sub[0].dep_ == "det" or sub[0].is_punct):
                sub = sub[1:]
            name = subj.doc[sub[0].i: sub[-1].i + 1].text if sub else subj.text
            name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()[:80]
    for suffix in ("’s", "'s"):
        name = name.removesuffix(suffix)
    memory.append(name)
    return name
