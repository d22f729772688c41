"""Merge: mentions of one happening inside an article become one event with every evidence span.

A caption, a bullet, the lead and a quote often report the same act. Two candidates are one
happening when they share type, status (negated or not), date and parties; named people must
agree ("met Sharif" and "met Naqvi" stay two meetings), while a state-level mention ("the visit
to Islamabad") folds into the first named one it fits.
"""

from __future__ import annotations

from .events import Candidate
from .model import Article, Entity, Event
from .timex import parse_iso

WEAK_DATE_DAYS = 7  # how far before the story's date an undated report may still be the same act
LEAD_SENTENCES = 2  # the sentences after the headline that a headline retells


def merge(cands: list[Candidate], article: Article) -> list[Event]:
    clusters: list[list[Candidate]] = []
    for cand in cands:
        target = next((cl for cl in clusters if (_same(cl[0], cand) or any(
                           _purpose_of(c, cand) or _purpose_of(cand, c) for c in cl))
                       and all(_people_agree(c, cand) and _topics_agree(c, cand) and _dates_agree(c, cand)
                               for c in cl)), None)
        if target is None:
            clusters.append([cand])
        else:
            target.append(cand)
    return [_event(cl, article) for cl in clusters]


def _status(c: Candidate) -> tuple[bool, bool]:
    return "negation" in c.context, "hypothetical" in c.context


def _sides(c: Candidate) -> tuple[frozenset[str], frozenset[str]]:
    actor = frozenset(r.entity.code for r in c.actor)
    recipient = frozenset(r.entity.code for r in c.recipient)
    if recipient <= actor:  # "police detained protesters" is the lone country's act, as "police detained"
        return actor, frozenset()
    return actor, recipient


def _same(a: Candidate, b: Candidate) -> bool:
    if a.event_type != b.event_type or _status(a) != _status(b):
        return False
    same_date = (a.date, a.date_precision) == (b.date, b.date_precision)
    if not same_date and not _within(a, b):
        return False
    return _sides(a) == _sides(b) or _headline_of(a, b) or _headline_of(b, a)


def _purpose_of(act: Candidate, purpose: Candidate) -> bool:
    """"Rallied outside the consulate to protest the attack", "met to discuss trade": an act of the
    same kind done for its purpose infinitive is that act, told twice; its counterpart is the act's."""
    t = purpose.trigger
    if act.event_type != purpose.event_type or _status(act) != _status(purpose) or t.doc is not act.trigger.doc:
        return False
    return t.head.i == act.trigger.i and t.dep_ in {"advcl", "xcomp"} and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and \
        _sides(act)[0] == _sides(purpose)[0] and _sides(purpose)[1] <= _sides(act)[1]


def _headline_of(head: Candidate, lead: Candidate) -> bool:
    """"Sudan reopens crossing from Chad" over "Sudan reopened the crossing, allowing UN agencies
    in": a headline retells the lead's act in fewer words; the same actor doing the same kind of
    act there is that act, whatever counterpart the headline's wording suggests."""
    return head.sequence == 0 and not head.in_caption and 0 < lead.sequence <= LEAD_SENTENCES and \
        _sides(head)[0] == _sides(lead)[0] and bool(_sides(lead)[1])


def _topics_agree(a: Candidate, b: Candidate) -> bool:
    """Two instruments (an extradition treaty, an MoU) or two matters agreed are two acts; a headline
    (dated only by the story) names the lead's act in other words."""
    if "publication" in {a.date_source, b.date_source} and a.date != b.date:
        return True
    return not (a.topic and b.topic and a.topic != b.topic)


def _dates_agree(a: Candidate, b: Candidate) -> bool:
    """"Gunmen abduct pupils" (the story's date) folds into "on Friday ... abducted", but not also
    into "On Monday, armed men seized": two acts the text dates apart are two happenings, even when
    a headline dated only by the story could be either."""
    return (a.date, a.date_precision) == (b.date, b.date_precision) or _within(a, b)


def _within(a: Candidate, b: Candidate) -> bool:
    """Dates that may name one happening: a day inside a month, or a story-date default and a date.

    A headline in the present tense ("Colombia extradites ...") carries only the publication date,
    while the lead dates the same act ("on Wednesday"): the explicit date wins in `_event`.
    """
    if not a.date or not b.date:
        return False
    weak, strong = (a, b) if a.date_source == "publication" else (b, a)
    if weak.date_source == "publication" and strong.date_source != "publication":
        gap = _days(strong.date, weak.date)
        return gap is not None and 0 <= gap <= WEAK_DATE_DAYS
    coarse, fine = (a, b) if a.date_precision == "month" else (b, a)
    return coarse.date_precision == "month" and fine.date_precision == "day" and \
        fine.date[:7] == coarse.date[:7]


def _days(earlier: str, later: str) -> int | None:
    a, b = parse_iso(earlier), parse_iso(later)
    return (b - a).days if a and b else None


def _people(c: Candidate, side: str) -> frozenset[str]:
    rs = c.actor if side == "actor" else c.recipient
    return frozenset(r.entity.key for r in rs if r.entity.kind == "person")


def _people_agree(a: Candidate, b: Candidate) -> bool:
    for side in ("actor", "recipient"):
        pa, pb = _people(a, side), _people(b, side)
        if pa and pb and not (pa & pb):
            return False
    return True


def _specificity(c: Candidate) -> tuple[int, bool, float]:
    """Named people first, then the body over the headline's shorthand."""
    return (sum(1 for r in c.actor + c.recipient if r.entity.kind == "person"), c.sequence != 0, c.confidence)


def _event(cluster: list[Candidate], article: Article) -> Event:
    best = max(cluster, key=_specificity)
    dated = min(cluster, key=lambda c: ({"clause": 0, "sentence": 1, "context": 2, "story": 3}.get(c.date_source, 4),
                                        {"day": 0, "week": 1, "month": 2, "year": 3}[c.date_precision]))
    placed = [c.location for c in cluster if c.location is not None]
    location = max(placed, key=lambda loc: loc.resolution) if placed else None
    actor, recipient = _entities(best)
    context = tuple(dict.fromkeys(x for c in cluster for x in c.context))
    mode = tuple(dict.fromkeys(m for c in cluster for m in c.mode))
    miss = 1.0
    for c in cluster:
        miss *= 1.0 - c.confidence
    mentions = tuple(sorted({c.mention(article) for c in cluster}, key=lambda m: m.trigger_start))
    cite = {"title": article.title, "url": article.url, "publication": article.source}
    return Event(
        article_id=article.id, event_type=best.event_type, actor=actor, recipient=recipient, mode=mode,
        context=context, date=dated.date, date_precision=dated.date_precision, date_text=dated.date_text,
        date_source=dated.date_source, location=location, mentions=mentions,
        confidence=round(min(0.99, 1.0 - miss), 3), topic=next((c.topic for c in cluster if c.topic), None),
        instrument=next((c.instrument for c in cluster if c.instrument), None),
        cite={k: v for k, v in cite.items() if v},
    )


def _entities(c: Candidate) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    return c.entities()
