"""When: date each event from its own clause's date words, read against the publication date.

Order of evidence: a date expression in the event's clause; one attached to the verbs above it;
the date a previous sentence of the same paragraph set ("Sharif visited Belarus in April. During
his visit, he held talks..."); else the publication date. The verb's tense decides which way a
relative expression points ("on Wednesday" in a past-tense clause is the latest Wednesday).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from . import timex
from .events import Candidate, roles
from .events.lexicon import get as lexicon
from .model import Article

HISTORICAL_DAYS = 183
STORY_DAYS = 7
LEAD_SENTENCES = 3  # the headline and the first sentences: where the story's own act is told


def assign(cands: list[Candidate], article: Article, doc: Doc) -> list[Candidate]:
    base = timex.parse_iso(article.date)
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    frames: dict[int, tuple[str, str, str]] = {}  # sentence start -> an explicit date it set
    paragraph_of = _paragraphs(article.text)
    for cand in cands:
        _date_one(cand, base, dates, frames, paragraph_of)
    _share_with_conjuncts(cands)
    if base is not None:
        _announced(cands, dates, base)
    story = _lead_date(cands, base)
    for cand in cands:  # "a day earlier" counts back from the lead's day, known only now
        if story and cand.date_text and EARLIER.match(" ".join(cand.date_text.lower().split())):
            cand.date, cand.date_precision = _relative_to_story(cand.date_text, story, base)
    _story_dates(cands, base)
    _share_with_frames(cands)
    return cands


def _share_with_frames(cands: list[Candidate]) -> None:
    """"The deal was struck during talks between X and Y": talks framing a dated act (its "during",
    "at", "after" phrase) took place then too."""
    by_trigger = {c.trigger.i: c for c in cands}
    for cand in cands:
        trig = cand.trigger
        if not cand.nominal or cand.date_source != "publication" or trig.dep_ != "pobj" or \
                trig.head.lower_ not in {"during", "at", "in", "on"}:
            continue
        verb = by_trigger.get(trig.head.head.i)
        if verb is not None and verb.date_source != "publication" and verb.tense == cand.tense:
            cand.date, cand.date_precision, cand.date_text, cand.date_source = (
                verb.date, verb.date_precision, verb.date_text, verb.date_source)


ANNOUNCING = {"announce", "unveil", "confirm", "disclose", "reveal", "present"}


def _announced(cands: list[Candidate], dates: list[Span], base: dt.date) -> None:
    """"Brazil and Paraguay have agreed on a tariff ... Pena announced the deal on Wednesday": an
    undated act takes the date on which a later sentence says it was announced."""
    references = lexicon().event_references
    for d in dates:
        verb = d.root.head.head if d.root.head.pos_ == "ADP" else d.root.head
        obj = _dated_reference(verb)
        kinds = references.get(obj.lemma_.lower()) if obj is not None else None
        hit = timex.resolve(d.text, base, "past") if kinds is not None else None
        if not hit:
            continue
        for cand in cands:
            if cand.date_source == "publication" and cand.trigger.i < verb.sent.start and \
                    _may_name(kinds, cand.event_type) and cand.tense == "past" and hit[0] <= base.isoformat():
                cand.date, cand.date_precision, cand.date_text, cand.date_source = (*hit, d.text, "context")


DEEDS_NOT_WORDS = {"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "CONSULT"}


def _may_name(kinds: frozenset[str], event_type: str) -> bool:
    """A reference noun's kinds of act; none listed ("the decision") is any deed, not words."""
    return event_type in kinds if kinds else event_type not in DEEDS_NOT_WORDS


def _dated_reference(verb: Token) -> Token | None:
    """The earlier act a dated clause names: "announced the deal on Wednesday" (its object), "the
    decision was taken on Tuesday" (a passive's subject)."""
    if verb.lemma_.lower() in ANNOUNCING:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    if any(c.dep_ == "auxpass" for c in verb.children):
        return next((c for c in verb.children if c.dep_ == "nsubjpass" and any(
            d.lower_ == "the" for d in c.children)), None)  # "the decision": one told of before
    return None


def _share_with_conjuncts(cands: list[Candidate]) -> None:
    """"Guo accused Manila ... on Thursday, and urged the Philippines to stop": a coordinated act,
    or one a participle or infinitive hangs from, left undated shares the date of that act."""
    by_trigger = {c.trigger.i: c for c in cands}
    for cand in cands:
        head, t = None, cand.trigger
        for _ in range(3):  # "backed the plan last summer, prompting Algiers to withdraw its envoy"
            if t.dep_ not in {"conj", "advcl", "xcomp"} or (t.dep_ != "conj" and t.tag_ not in {"VBG", "VB"}):
                break
            t = t.head
            head = by_trigger.get(t.i)
            if head is not None:
                break
        if cand.date_source == "publication" and head is not None and head.date_source != "publication" \
                and cand.tense == head.tense:
            cand.date, cand.date_precision, cand.date_text, cand.date_source = (
                head.date, head.date_precision, head.date_text, head.date_source)


COUNT = r"a|one|two|three|four|five|six|seven|eight|nine|ten|\d+"  # "nine days after": an exact count
EARLIER = re.compile(rf"^(?:({COUNT}) days? (?:earlier|before)|the (?:previous|preceding) day|"
                     r"the day before|a week earlier)$", re.IGNORECASE)


def _lead_date(cands: list[Candidate], base: dt.date | None) -> dt.date | None:
    """The day of the lead's dated act: what "a day earlier" counts back from."""
    for c in cands[:6]:
        if base is not None and c.date_precision == "day" and c.date_source == "clause" and c.date:
            return timex.parse_iso(c.date)
    return None


def _relative_to_story(text: str, story: dt.date | None, base: dt.date) -> tuple[str, str] | None:
    m = EARLIER.match(" ".join(text.lower().split()))
    if not m:
        return None
    days = 7 if "week" in text.lower() else timex.NUMBERS.get(m[1] or "one") or int(m[1] or 1)
    return ((story or base) - dt.timedelta(days=days)).isoformat(), "day"


def _story_dates(cands: list[Candidate], base: dt.date | None) -> None:
    """An undated past act between the parties of the lead's dated act happened on the lead's day
    ("Russia and Iran agreed on Wednesday ... The two sides also signed ..."), if that day is within
    a week of publication."""
    if base is None:
        return
    lead = next((c for c in cands if c.sequence <= LEAD_SENTENCES and c.date_source in {"clause", "sentence"}
                 and c.date_precision == "day" and 0 <= _days_before(c.date, base) <= STORY_DAYS), None)
    if lead is None:
        return
    parties = {r.entity.code for r in lead.actor + lead.recipient}
    for cand in cands:
        if cand.date_source == "publication" and cand.tense == "past" and not cand.nominal and \
                _same_parties(parties, {r.entity.code for r in cand.actor + cand.recipient}) and \
                cand.sequence > lead.sequence:
            cand.date, cand.date_precision, cand.date_text, cand.date_source = (
                lead.date, lead.date_precision, lead.date_text, "story")


def _same_parties(lead: set[str], other: set[str]) -> bool:
    """The lead's parties, or some of them with nobody else: "the two sides also signed"."""
    return bool(other) and (other <= lead or lead <= other)


def _date_one(cand: Candidate, base: dt.date | None, dates: list[Span], frames, paragraph_of) -> None:
    sent = cand.sentence
    tense = "future" if cand.tense == "future" else "past"
    found = None
    if base is not None:
        clause = {t.i for t in cand.clause} - _complement(cand)
        own = [d for d in dates if (d.root.i in clause and not _dates_report(d, cand)) or _when_clause_of(d, cand)]
        above = [d for d in dates if d.sent == sent and (d.root.i not in clause or _dates_report(d, cand))
                 and (_governs(d, cand) or _dates_report(d, cand))]
        in_sentence = [d for d in dates if d.sent == sent and d.root.i not in _complement(cand)]
        lone = in_sentence if len(in_sentence) == 1 and cand.nominal else []  # "talks ... ended on Monday"
        for group, source in ((own, "clause"), (above, "sentence"), (lone, "sentence")):
            # a date on the reporting verb above dates the report, which is past ("said on Wednesday")
            when = tense if source == "clause" else "past"
            for d in sorted(group, key=lambda d: abs(d.root.i - cand.trigger.i)):
                if _is_onset(d) and not _when_clause_of(d, cand) or _dates_a_thing(d, cand):
                    continue
                if _gap_before(d, cand):  # "came a day after X hosted Y": the lead's day, less one
                    found = (base.isoformat(), "day", f"{d.text} earlier", source)
                    break
                hit = _relative_to_story(d.text, None, base) or timex.resolve(d.text, base, when)
                if hit and not (cand.tense == "future" and hit[0] > base.isoformat()):
                    found = (*hit, d.text, source)
                    break
            if found:
                break
        if not found and cand.tense == "past":
            found = _soon_after(cand, dates, base)
        if found:
            frames[sent.start] = found[:3]
        else:
            prev = _previous_frame(sent, frames, paragraph_of)
            if prev and cand.tense == "past":
                found = (*prev, "context")
    if found:
        cand.date, cand.date_precision, cand.date_text, cand.date_source = found
    elif base is not None:
        cand.date, cand.date_precision, cand.date_text, cand.date_source = (
            base.isoformat(), "day", None, "publication")
    if base is not None and cand.date and _days_before(cand.date, base) > HISTORICAL_DAYS:
        cand.context = tuple(dict.fromkeys((*cand.context, "historical")))


GAP = re.compile(rf"^({COUNT}) (day|week)s?$", re.IGNORECASE)


SOON = {"days", "the days", "hours", "the hours", "the weeks"}


def _soon_after(cand: Candidate, dates: list[Span], base: dt.date) -> tuple[str, str, str, str] | None:
    """"Flew relief supplies to Myanmar in the days after the earthquake struck on March 28": an act
    told only as soon after a dated one took place in that month (month precision)."""
    trig = cand.trigger
    if not any(d.text.lower() in SOON and d.root.head.head.i == trig.i for d in dates):
        return None
    for c in trig.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"after", "following"} for m in c.children):
            inner = [d for d in dates if d.root.i in {t.i for t in c.subtree}]
            hit = timex.resolve(inner[0].text, base, "past") if inner else None
            if hit:
                return hit[0][:7] + "-01", "month", inner[0].text, "sentence"
    return None


def _dates_report(date: Span, cand: Candidate) -> bool:
    """"Petro said on Wednesday he would meet Maduro": a date between a reporting verb and the
    subject of its content clause dates the saying, though the parser hangs it on the content."""
    verb = roles.clause_head(cand.trigger)
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lexicon().speech_verbs:
        return False
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and verb.head.i < date.start and date.end <= subj.i


def _gap_before(date: Span, cand: Candidate) -> bool:
    """"The handover came a day after Punpetch hosted Liu": the act of the "after" clause is a gap
    before the story's act, counted back once the lead's day is known."""
    if not GAP.match(date.text.strip()) or date.end >= len(date.doc):
        return False
    after = date.doc[date.end]
    if after.lower_ != "after":
        return False
    clause = after.head if after.dep_ == "mark" else after
    return cand.trigger.i in {t.i for t in clause.subtree} and cand.trigger.i > after.i


def _when_clause_of(date: Span, cand: Candidate) -> bool:
    """"...since last summer, when Macron backed the plan": the act is dated by the time it modifies."""
    t = cand.trigger
    when = None
    for _ in range(3):  # "..., when Macron backed the plan, prompting Algiers to withdraw": up the chain
        when = next((c for c in t.children if c.lower_ == "when" and c.dep_ == "advmod"), None)
        if when is not None or not (t.dep_ == "xcomp" or (t.dep_ == "advcl" and t.tag_ == "VBG")):
            break
        t = t.head
    if when is None:
        return False
    if t.dep_ == "relcl":
        return date.start <= t.head.i < date.end
    # the parser often hangs "when" clauses on the verb: the date must then stand right before it
    return t.dep_ == "advcl" and when.i < t.i and date.end <= when.i and \
        all(tok.is_punct for tok in date.doc[date.end:when.i])


DAY_PARTS = {"morning", "afternoon", "evening", "night", "dawn", "midnight", "noon", "overnight"}  # "Tuesday night"


def _dates_a_thing(date: Span, cand: Candidate) -> bool:
    """"Pulled out of the 2015 nuclear agreement in 2018": a date that modifies a noun other than the
    trigger names when that thing was made, not when the act was done."""
    root, head = date.root, date.root.head
    return root.dep_ in {"compound", "nummod", "amod", "nmod", "poss"} and head.i != cand.trigger.i \
        and head.ent_type_ not in {"DATE", "TIME"} and head.lemma_.lower() not in DAY_PARTS \
        and head.pos_ in {"NOUN", "PROPN"}


def _complement(cand: Candidate) -> set[int]:
    """The content clause of "agreed on Monday to meet next month": its date is the later act's."""
    return {t.i for c in cand.trigger.children if c.dep_ in {"xcomp", "ccomp"} for t in c.subtree}


RECENT_DAY = re.compile(r"^(?:since\s+)?(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"yesterday)$", re.IGNORECASE)


def _is_onset(date: Span) -> bool:
    """"Sanctioning Russia since (its invasion in) February 2022": the start or end of something
    ongoing, or the date of a thing the act is about, not the act's own date. A start days ago
    ("have arrested 400 workers since Saturday", "a ban in force since Friday") dates the act: it
    began then, and is news."""
    recent = bool(RECENT_DAY.match(date.text.strip()))
    if date.text.lower().startswith("since"):
        return not recent
    t = date.root
    for _ in range(4):
        t = t.head
        if t.lower_ in {"since", "until", "till", "through"}:
            return not (recent and t.lower_ == "since")
        if t.tag_.startswith("VB") or t.head.i == t.i:
            return False
    return False


def _governs(date: Span, cand: Candidate) -> bool:
    """A date attached to a verb above the trigger ("On Monday, officials said X attacked"), or to
    the reporting verb the parser hung below it ("has pardoned 57 men, WAM reported on Tuesday")."""
    speech = lexicon().speech_verbs
    reporting = {c.i for c in cand.trigger.children if c.dep_ in {"parataxis", "advcl", "ccomp"}
                 and c.i > cand.trigger.i and (c.lemma_.lower() in speech or c.tag_ == "VBG")}
    verb = _verb_of(date)
    if verb is None:
        return False
    if verb.i in reporting:  # "...lashed out at Guyana, claiming in a statement on Tuesday that"
        return True
    head = roles.clause_head(cand.trigger)  # a finite verb the parser hung under an infinitive
    ancestors = {t.i for t in (cand.trigger.ancestors if head.i == cand.trigger.i else [head, *head.ancestors])}
    return verb.i in ancestors


def _verb_of(date: Span):
    """The verb a date phrase hangs from, through prepositions and nouns ("said on his return from
    Accra yesterday": said)."""
    if date.root.dep_ in {"compound", "nummod", "amod", "nmod", "poss"}:
        return None  # "the 2015 nuclear agreement": the date of a thing, not of an act
    t = date.root.head
    for _ in range(4):
        if t.tag_.startswith("VB") or t.head.i == t.i:
            return t if t.tag_.startswith("VB") else None
        t = t.head
    return None


def _previous_frame(sent: Span, frames, paragraph_of) -> tuple[str, str, str] | None:
    """The date the sentence just before set, in the same paragraph ("...in April. During his visit")."""
    if sent.start == 0:
        return None
    previous = sent.doc[sent.start - 1].sent
    if previous.start not in frames or paragraph_of(previous.start_char) != paragraph_of(sent.start_char):
        return None
    return frames[previous.start]


def _paragraphs(text: str):
    breaks = []
    pos = text.find("\n\n")
    while pos >= 0:
        breaks.append(pos)
        pos = text.find("\n\n", pos + 2)

    def paragraph_of(offset: int) -> int:
        return sum(1 for b in breaks if b < offset)

    return paragraph_of


def _days_before(date: str, base: dt.date) -> int:
    d = timex.parse_iso(date)
    return (base - d).days if d else 0
