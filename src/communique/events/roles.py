"""Clause roles: who acts and who is acted on, read off the dependency parse.

The rules follow English syntax, not any one sentence: a subject is inherited through
coordination ("agreed ... and finalized"), control ("agreed to form"), relative clauses and
participles; a passive's agent is its "by" phrase; an event noun brings its own participants
("Kubrakov's meeting with Naqvi", "the MoU between Belarus and Pakistan").
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Sense
from .lexicon import get as lexicon

SUBJECT_DEPS = {"nsubj", "csubj"}
RELATIVE = {"who", "which", "that", "whom"}
# "urged Kenya to act", "prompting Algiers to withdraw": the object does the infinitive's act
OBJECT_CONTROL = {"urge", "ask", "help", "allow", "force", "order", "invite", "press", "persuade", "tell",
                  "prompt", "lead", "cause", "push", "encourage", "compel", "require", "pressure", "call"}
MEANS_AND_TIME = {"by", "after", "before", "while", "upon", "since"}
NOUN_POS = {"NOUN", "PROPN", "PRON"}


def clause_head(tok: Token) -> Token:
    """The verb whose clause a trigger belongs to, lifting finite conjuncts out of infinitives.

    In "agreed to enhance cooperation and finalized a treaty" the parser hangs "finalized" under
    "enhance"; a finite verb cannot be part of a to-infinitive, so it coordinates with "agreed".
    """
    if tok.dep_ == "conj" and tok.tag_ in {"VBD", "VBZ", "VBP"} and (tok.head.dep_ in {"xcomp", "ccomp"} or (
            tok.head.dep_ == "acl" and _progressive(tok.head))) and (tok.head.tag_ == "VB" or _progressive(tok.head)):
        # the nearest finite verb above: "briefed the visitor on the elections the military plans
        # to hold and thanked Malaysia" coordinates "thanked" with "briefed", not "plans"
        return next((a for a in tok.head.ancestors if a.tag_ in {"VBD", "VBZ", "VBP"}), tok.head.head)
    return tok


def _progressive(verb: Token) -> bool:
    """"Denied that Asmara was massing troops and accused Addis Ababa": a simple past after a reported
    progressive breaks its tense, so it goes on the sentence's own verb, not the reported clause."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


READY_PARTICIPLES = {"set", "prepared", "poised", "determined"}  # "is set to sign": as ready as an adjective


def subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb, and whether it was inherited rather than read off the verb."""
    if depth > 6:
        return None, True
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            if bare_participle(verb):
                return None, False  # "57 Bangladeshis jailed over protests": the patient, not the actor
            if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head, True
            return c, False
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p, False
    head = clause_head(verb)
    if head.i != verb.i:
        return subject(head, depth + 1)[0], True
    dep = verb.dep_
    if dep == "relcl" and verb.head.pos_ in NOUN_POS:
        return verb.head, True
    if dep == "conj":
        # "it was alarmed by the reports and urged the forces": coordinated with a passive, an
        # active verb shares the passive's subject, not its "by" agent
        passive = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            return passive, True
        return subject(verb.head, depth + 1)[0], True
    if dep == "ccomp" and verb.tag_ == "VBD" and _after_and(verb) and \
            verb.head.lemma_.lower() in lexicon().speech_verbs:
        # "The ministry said the move was wrong, and warned that ...": a finite verb with no
        # subject after "and" is the reporting verb's second predicate, which the parser hung
        # under it as its content
        return subject(verb.head, depth + 1)[0], True
    if dep == "acomp" and (verb.pos_ == "ADJ" or verb.lower_ in READY_PARTICIPLES):
        return subject(verb.head, depth + 1)[0], True  # "He is due to meet", "is ready to send": the copula's
    # ("remain jailed" is not here: a participle's subject is the one it happened to)
    if dep == "xcomp":
        obj = direct_object(verb.head)
        if obj is not None and verb.head.lemma_.lower() in OBJECT_CONTROL:
            return obj, True
        return subject(verb.head, depth + 1)[0], True
    if dep == "advcl" and (verb.tag_ in {"VBG", "VBN"} or _to_infinitive(verb)):  # "called Faye to congratulate him"
        head = verb.head
        if head.lemma_.lower() in lexicon().speech_verbs and verb.lemma_.lower() not in lexicon().speech_verbs \
                and not _speech_act(verb):  # "Amnesty said, accusing officers of": the speaker accuses
            content = next((c for c in head.children if c.dep_ == "ccomp"), None)
            if content is not None:
                return subject(content, depth + 1)[0], True
        return subject(head, depth + 1)[0], True
    if dep == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.tag_.startswith("VB") \
            and verb.head.lower_ in MEANS_AND_TIME:
        # "Cambodia responded by downgrading ties", "suspended the party after banning it"; not the
        # content of "accused X of backing" or the reason in "thanked X for standing"
        return subject(verb.head.head, depth + 1)[0], True
    if dep == "acl" and to_infinitive_of(verb) and verb.head.lemma_.lower() in {"decision", "move"}:
        owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
        if owner is not None:  # "Azerbaijan's decision to release four Armenians"
            return owner, True
    if dep in {"acl", "pcomp"} and verb.tag_ == "VBG":
        return (verb.head if verb.head.pos_ in NOUN_POS else None), True
    return None, False


def _after_and(verb: Token) -> bool:
    """The word before a verb (past a comma) is "and" or "but"."""
    i = verb.i - 1
    while i > verb.sent.start and verb.doc[i].pos_ in {"PUNCT", "ADV"}:
        i -= 1
    return i >= verb.sent.start and verb.doc[i].lower_ in {"and", "but"}


def co_subjects(verb: Token, subj: Token | None) -> list[Token]:
    """"Kenya, Tanzania agree": headlines and long lists leave the parser with two subjects of one
    verb; each is an actor."""
    if subj is None or subj.head.i != verb.i:
        return []
    return [c for c in verb.children if c.dep_ == subj.dep_ and c.i != subj.i]


def bare_participle(verb: Token) -> bool:
    """A past participle with a subject but no auxiliary is a reduced passive ("Islamabad sealed
    off"): English has no active clause of that shape. So is a "clause" the parser hangs under a
    verb that takes none ("pardons 57 Bangladeshis jailed over protests")."""
    if any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children) or \
            not any(c.dep_ == "nsubj" for c in verb.children):
        return False  # with an object it is an active verb the tagger took for a participle ("held talks")
    return verb.tag_ == "VBN" or reduced_relative(verb)


def reduced_relative(verb: Token) -> bool:
    head = verb.head
    if verb.dep_ != "ccomp" or verb.tag_ not in {"VBD", "VBN"} or not head.tag_.startswith("VB"):
        return False
    if head.lemma_.lower() in lexicon().speech_verbs or any(c.dep_ == "dobj" for c in head.children):
        return False
    sense = lexicon().verb(head.lemma_.lower())
    return sense is not None and sense.type is not None and not sense.consumes


def _reduced_object(verb: Token) -> Token | None:
    """"Pardons [57 Bangladeshis] jailed over protests": the object the parser made a subject."""
    for c in verb.children:
        if c.dep_ == "ccomp" and reduced_relative(c):
            return next((s for s in c.children if s.dep_ == "nsubj"), None)
    return None


def passive_patient(verb: Token) -> Token | None:
    if bare_participle(verb):
        return next(c for c in verb.children if c.dep_ == "nsubj")
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def direct_object(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "attr"} and c.pos_ != "ADP":
            return c
    return _named_object(verb) or _reduced_object(verb)


def _named_object(verb: Token) -> Token | None:
    """"Praised what he called exemplary cooperation with Rabat", "condemned what it called an
    attack": the free relative's label names the thing praised or condemned."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.lemma_.lower() in lexicon().label_verbs and \
                any(d.dep_ == "dobj" and d.lower_ == "what" for d in c.children):
            return next((d for d in c.children if d.dep_ == "oprd"), None)
    return None


def event_object(verb: Token) -> Token | None:
    """The noun a light verb takes: its direct object, or its passive subject; in a relative clause
    with a subject of its own, the noun it describes ("the nationals it had detained", "the
    agreement that Peru and Ecuador signed": the relative pronoun stands for that noun)."""
    obj = direct_object(verb) or passive_patient(verb)
    if obj is not None and obj.dep_ == "dobj" and obj.lower_ in RELATIVE and verb.dep_ == "relcl" \
            and verb.head.pos_ in NOUN_POS and _dated(verb):
        return verb.head  # (dated: "the sanctions that ECOWAS imposed" is a description)
    if obj is None and verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"} and \
            verb.head.ent_type_ not in {"GPE", "LOC", "FAC", "DATE", "TIME"} and \
            not any(c.lower_ in {"where", "when", "why", "how"} for c in verb.children) and \
            any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in verb.children):
        return verb.head
    return obj


def _dated(verb: Token) -> bool:
    """The verb's own clause names when it happened ("signed in Tumbes on February 18")."""
    return any(t.ent_type_ == "DATE" and t.head.i in {verb.i, *(c.i for c in verb.children)}
               for t in verb.subtree)


ADVERBIAL_PARTICLES = {"out", "back", "away", "off"}  # "pulled its troops out of Niger": parsed as a preposition


def prep_objects(tok: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    out = []
    children = list(tok.children)
    children += [g for c in children if c.dep_ == "prep" and c.lower_ in ADVERBIAL_PARTICLES for g in c.children
                 if g.dep_ == "prep"]
    for c in children:
        if (c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP")) and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ not in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"}:
                    out.append((c.lower_, p))
        if c.dep_ == "prt" and c.lower_ in preps:  # "called on Kenya": particle then object
            for p in tok.children:
                if p.dep_ == "dobj":
                    out.append((c.lower_, p))
    return out


def particle(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ == "prt":
            return c.lower_
    if for_clause(verb) is not None:
        return "for"  # "called for Uganda to withdraw": the parser's "for" opens the clause asked for
    # "called on Kenya to ..." is often parsed with "on" as a preposition
    for c in verb.children:
        if c.dep_ == "prep" and c.i == verb.i + 1:
            return c.lower_
    # "pulled its last troops out of Niger": "out" with its own "of" phrase, after the object;
    # "send army units back to their barracks": "back" parsed as an adverb
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ADVERBIAL_PARTICLES and any(g.dep_ == "prep" for g in c.children):
            return c.lower_
        if c.dep_ == "advmod" and c.lower_ in ADVERBIAL_PARTICLES:
            return c.lower_
    return None


def noun_participants(noun: Token, sense: Sense, extra_preps: tuple[str, ...] = ()
                      ) -> tuple[list[Token], list[Token], bool]:
    """(actors, recipients, reciprocal) of an event noun, from its own modifiers."""
    actors: list[Token] = []
    recipients: list[Token] = []
    reciprocal = False
    for c in noun.children:
        named = c.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} or c.pos_ == "PROPN"
        if c.dep_ == "poss" and sense.patient_possessor:
            recipients.append(c)  # "Maduro's arrest": he is the one arrested
        elif c.dep_ == "poss" or (c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i and named):
            actors.append(c)  # "Kubrakov's meeting", "Russian strikes" (not "joint", "peace")
            actors.extend(hyphenated_pair(c))
        elif c.dep_ == "prep":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if c.lower_ == "between":
                actors.extend(objs)
                # "talks between Deputy Prime Minister Overchuk and Minister Sadegh": long titles
                # leave the first name as a modifier of the second
                actors.extend(t for o in objs for t in o.subtree if t.i != o.i and t.ent_type_ == "PERSON"
                              and t.dep_ in {"nmod", "conj", "appos"})
                reciprocal = True
            elif c.lower_ == "by" or (c.lower_ == "from" and (sense.type == "AID" or sense.from_actor)):
                actors.extend(objs)  # "shipments from Ankara", "a request from Mozambique"
            elif c.lower_ == "for" and sense.type == "REQUEST":
                # "Mozambique's request for Rwandan troops": whose troops or aid are asked for
                recipients.extend(m for o in objs for m in o.children
                                  if m.dep_ in {"amod", "compound", "poss"} and m.ent_type_ in {"NORP", "GPE"})
            elif c.lower_ in {"with"} and sense.reciprocal_with:
                actors.extend(objs)
                reciprocal = True
            elif c.lower_ in ({"to", "with"} if sense.visit else {"with", "on", "against", "toward",
                                                                   "towards", "to"}) or c.lower_ in extra_preps:
                recipients.extend(objs)
                # "support for Somalia's bid", "solidarity with Kenya's people": whose it is
                recipients.extend(p for o in objs for p in o.children if p.dep_ == "poss")
                recipients.extend(p for o in objs for p in protesters(o))
            elif c.lower_ == "of" and sense.agreement_object:
                for o in objs:
                    a, r, rec = noun_participants(o, sense)
                    actors.extend(a)
                    recipients.extend(r)
                    reciprocal = reciprocal or rec
            elif c.lower_ == "of":
                recipients.extend(objs)
                if sense.type == "REJECT":  # "rejection of its call": the caller
                    recipients.extend(p for o in objs for p in o.children if p.dep_ == "poss")
                for o in objs:  # "its package of sanctions against Russia"
                    for cc in o.children:
                        if cc.dep_ == "prep" and cc.lower_ in {"against", "on", "with", "to"}:
                            recipients.extend(p for p in cc.children if p.dep_ == "pobj")
                actors.extend(_stranded_agents(objs))
        elif c.dep_ == "acl" and c.tag_ == "VBN":  # "a strike called by the CGT", "talks hosted by the EU"
            for a in c.children:
                if a.dep_ == "agent":
                    hosts = [p for p in a.children if p.dep_ == "pobj"]
                    if c.lemma_.lower() in {"host", "broker", "mediate", "chair", "sponsor"}:
                        recipients.extend(hosts)
                    else:
                        actors.extend(hosts)
        elif c.dep_ in {"acl", "relcl"} and c.tag_ == "VB":  # "desire to enhance cooperation with Pakistan"
            for p in c.subtree:
                if p.dep_ == "pobj" and p.head.lower_ in {"with", "to"} and p.head.head.pos_ in {"NOUN", "VERB"}:
                    recipients.append(p)
    return actors, recipients, reciprocal


NAMED = {"GPE", "NORP", "ORG", "PERSON"}


def protesters(act: Token) -> list[Token]:
    """"A crackdown on protests by Palestinians", "cracked down on Kenyan students' rallies": a
    protest that is the target of an act brings its protesters, who are the ones acted on."""
    sense = lexicon().noun(act.lemma_.lower())
    if sense is None or sense.type != "PROTEST":
        return []
    out = [c for c in act.children if c.dep_ == "poss" or (c.dep_ == "amod" and c.ent_type_ in {"NORP", "GPE"})]
    out += [p for c in act.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    return out


def hyphenated_pair(mod: Token) -> list[Token]:
    """"The Australian-Indonesian exercise", "Kenya-Tanzania talks": the first name of a hyphenated
    pair hangs on the second; both are parties."""
    return [g for g in mod.children if g.dep_ in {"amod", "compound", "nmod"} and g.i < mod.i
            and (g.ent_type_ in NAMED or g.pos_ == "PROPN")
            and any(t.tag_ == "HYPH" for t in mod.doc[g.i + 1:mod.i])]


def _stranded_agents(objs: list[Token]) -> list[Token]:
    """"The expulsion of one of its staff by Moldova": a "by" phrase the parser hangs on the act's
    "of" object (at any depth) names who did the act; the object itself did nothing."""
    out: list[Token] = []
    for o in objs:
        for t in o.subtree:
            if t.dep_ == "prep" and t.lower_ == "by" and _nominal_path(t.head, o):
                out.extend(p for p in t.children if p.dep_ == "pobj" and p.ent_type_ in NAMED)
    return out


def _nominal_path(low: Token, high: Token) -> bool:
    """Only nouns and prepositions between: "of one of its staff", not "of men arrested by police"."""
    t = low
    while t.i != high.i:
        if t.pos_ not in {"NOUN", "PROPN", "NUM", "ADP", "PRON"} or t.head.i == t.i:
            return False
        t = t.head
    return True


BINDING_PREPS = {"under", "through"}


def bound_parties(instrument: Token) -> list[Token]:
    """"Ivory Coast and Ghana will cap the gap under an agreement struck on October 14": whoever acts
    under an instrument whose makers go unnamed is bound by it, so made it."""
    prep = instrument.head
    if instrument.dep_ != "pobj" or prep.lower_ not in BINDING_PREPS or not prep.head.tag_.startswith("VB"):
        return []
    subj, _ = subject(prep.head)
    if subj is None:
        return []
    named = [a for a in subj.children if a.dep_ == "appos"]  # "the two producers, Ivory Coast and Ghana,"
    return [subj, *co_subjects(prep.head, subj), *named]


def frame_participants(tok: Token) -> list[Token]:
    """Who took part in the meeting or visit an act happened during ("reached during X's visit")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"during", "at", "on", "in"}:
            for p in c.children:
                if p.dep_ == "pobj" and lexicon().noun(p.lemma_.lower()):
                    sense = lexicon().noun(p.lemma_.lower())
                    a, r, _ = noun_participants(p, sense)
                    out.extend(a + r)
    return out


BENEFIT_VERBS = {"help", "assist", "support", "aid", "rebuild", "feed", "relieve", "benefit", "fund"}


def beneficiaries(verb: Token) -> list[Token]:
    """Who an act of aid is for: "to help Malawi", "for Syria", "for refugees in Sudan"."""
    out: list[Token] = []
    for t in verb.subtree:
        if t.lemma_.lower() in BENEFIT_VERBS and t.tag_ == "VB":
            obj = direct_object(t)
            if obj is not None:
                out.append(obj)
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.i in {verb.i, *(c.i for c in verb.children)}:
            out.append(t)
    return out


GIVING = {"provide", "send", "donate", "give", "supply", "deliver", "ship", "offer", "pledge", "fund", "finance"}


def giver(goods: Token) -> list[Token]:
    """Whose aid it is: "China's assistance", "Turkish medicine", "a shipment of Japanese rice",
    "supplies provided by the Chinese government". What is given carries its giver with it."""
    nouns = [goods, *(p for c in goods.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj")]
    for n in nouns:
        for c in n.children:
            if c.dep_ == "poss" or (c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ in {"NORP", "GPE"}):
                return [c]
            if c.dep_ == "acl" and c.lemma_.lower() in GIVING:
                agent = next((p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"),
                             None)
                if agent is not None:
                    return [agent]
    return []


PERMITTING = {"allow", "let", "enable", "permit"}


def permitted(verb: Token) -> list[Token]:
    """Who a concession is for: "reopened the crossing, allowing UN agencies to truck food in"."""
    for c in verb.children:
        if c.dep_ in {"advcl", "xcomp", "conj"} and c.lemma_.lower() in PERMITTING:
            who = direct_object(c) or next((s for s in c.subtree if s.dep_ == "nsubj" and s.head.dep_ == "ccomp"
                                            and s.head.head.i == c.i), None)
            if who is not None:
                return [who]
    return []


def complement_parties(verb: Token) -> list[Token]:
    """The counterpart inside a content clause: "warned it would act against Seoul and Washington",
    "threatened to strike Iran", "agreed to boost ties with Belarus"."""
    out: list[Token] = []
    for comp in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} or _to_infinitive(c)):
        if comp.dep_ == "ccomp" or comp.i == getattr(for_clause(verb), "i", -1):
            # "demanded that the US cancel", "called for Uganda to withdraw": the one asked is the clause's subject
            out.extend(c for c in comp.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON")
        for cond in comp.children:  # "warned that Paris would respond if Algiers refused": the one warned
            if cond.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in cond.children):
                out.extend(c for c in cond.children if c.dep_ in {"nsubj", "nsubjpass"})
        obj = direct_object(comp)
        if obj is not None and (obj.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} or obj.pos_ == "PROPN"):
            out.append(obj)
        for _prep, p in prep_objects(comp, ("against", "on", "with", "to", "toward", "towards", "between", "from")):
            out.append(p)  # "offered to mediate between Sudan and the UAE"
        if obj is not None:
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ in {"with", "against", "on", "to"}:
                    out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def for_clause(verb: Token) -> Token | None:
    """"Called for Uganda to withdraw its troops", "called for the charge to be dropped": the
    infinitive clause that a "for" right after the verb opens (the parser marks it, not the verb)."""
    for c in verb.children:
        if c.dep_ in {"advcl", "ccomp", "xcomp"} and c.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1 for m in c.children):
            return c
    return None


def _to_infinitive(tok: Token) -> bool:
    """"Offered last month to mediate": the parser often makes the content an adverbial clause."""
    return tok.dep_ == "advcl" and to_infinitive_of(tok)


SPEECH_ACTS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"}


def _speech_act(verb: Token) -> bool:
    sense = lexicon().verb(verb.lemma_.lower())
    return sense is not None and sense.type in SPEECH_ACTS


def to_infinitive_of(tok: Token) -> bool:
    """A bare verb with "to": "decision to release", "to mediate"."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
