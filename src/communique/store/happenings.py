"""One event per happening: when two articles' records report the same real-world act.

The rule, measured on tests/store_devset (benchmarks/merge_happenings.py):
- the same PLOVER type, the same status (a denied act never merges into a done one) and the same
  countries, or one report's countries a part of the other's (one outlet names only the attacker),
  in the same direction (A's strike on B is not B's on A);
- dates that fit each other's precision: two days at most one day apart (outlets a day apart say
  "yesterday" and "on Tuesday"), or a report with no date words of its own (dated by its
  publication) up to three days after the other, a month-precise date inside the other's month, a year inside its year;
- no conflicting detail: two places named far apart, two different subjects ("extradition" against
  "trade", unless one report's evidence names the other's subject too), a visit in the opposite
  direction;
- never two records of one article: the coder has already decided those are different acts.
Among the events that pass, the closest in date and then in wording (shared content words of the
evidence) wins, so a distractor weeks apart or in another city stays its own happening.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from ..resources import read_text

DAY_WINDOW = 1  # days between two day-precise reports of one happening
UNDATED_DAYS = 3  # how long before an undated report's publication its act may lie
PLACE_KM = 150  # two named places farther apart than this are two happenings
_WORD = re.compile(r"[a-z][a-z'\-]{2,}")
STOPWORDS = frozenset(w for line in read_text("stopwords.txt").splitlines()
                      if not line.startswith("#") for w in line.split())


def words(text: str) -> frozenset[str]:
    """Content words of evidence, for comparing how two reports tell an act."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


def dyad_key(actor: tuple[str, ...], recipient: tuple[str, ...]) -> str:
    return "-".join(sorted(set(actor) | set(recipient)))


@dataclass
class Happening:
    """What the matcher knows of a canonical event: enough to compare a new report with it."""

    id: str
    event_type: str
    is_event: bool
    dyad: str
    date: dt.date | None
    precision: str
    undated: bool  # no date words: the publication date stands in, and the act may be days older
    actor: frozenset[str]
    recipient: frozenset[str]
    mode: frozenset[str]
    place: str | None
    lat: float | None
    lon: float | None
    topic: str | None
    words: frozenset[str]
    articles: set[str] = field(default_factory=set)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def match(report: Happening, candidates: list[Happening]) -> Happening | None:
    """The happening this report belongs to, or None when it is a new one."""
    fits = [c for c in candidates if _compatible(report, c)]
    if not fits:
        return None
    return min(fits, key=lambda c: (_day_gap(report, c), -similarity(report.words, c.words), c.id))


def _compatible(r: Happening, c: Happening) -> bool:
    if (r.event_type, r.is_event) != (c.event_type, c.is_event) or not _parties_fit(r, c):
        return False
    if r.articles & c.articles:
        return False
    if not _dates_fit(r, c):
        return False
    if _topics_conflict(r, c):
        return False
    return not _places_conflict(r, c)


def _topics_conflict(r: Happening, c: Happening) -> bool:
    """"Extradition" and "trade" are two matters; "cocoa price" and "price" are one. One deal often
    covers several matters, and outlets name different ones as its subject ("a price deal", "a joint
    committee"): topics conflict only when neither report's evidence mentions the other's topic."""
    if not (r.topic and c.topic):
        return False
    mine, theirs = _stems(r.topic.split()), _stems(c.topic.split())
    return not (mine & (theirs | _stems(c.words)) or theirs & (mine | _stems(r.words)))


def _stems(ws) -> set[str]:
    """Singular forms, so "price" meets "prices"."""
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in ws}


def _parties_fit(r: Happening, c: Happening) -> bool:
    """The same countries, or one report naming only some of them ("Russia launched drones" and
    "Russian drones hit Kyiv"), in the same direction: "Kyiv struck Russian refineries" is not
    Russia's strike on Kyiv, though both are attacks between the two on one day."""
    a, b = r.actor | r.recipient, c.actor | c.recipient
    return bool(a & b) and (a <= b or b <= a) and not _opposed(r, c)


def _opposed(r: Happening, c: Happening) -> bool:
    """Each report's actor is the other's recipient, and no actor is shared."""
    if not (r.actor and r.recipient and c.actor and c.recipient) or r.actor & c.actor:
        return False
    return bool(r.actor & c.recipient and r.recipient & c.actor)


def _dates_fit(r: Happening, c: Happening) -> bool:
    if r.date is None or c.date is None:
        return True
    coarse = _coarser(r.precision, c.precision)
    if coarse == "year":
        return r.date.year == c.date.year
    if coarse == "month":
        return (r.date.year, r.date.month) == (c.date.year, c.date.month)
    window = 7 if coarse == "week" else DAY_WINDOW
    gap = (r.date - c.date).days
    if abs(gap) <= window:
        return True
    # an undated report carries its publication date, on or after the act
    return (r.undated and 0 < gap <= UNDATED_DAYS) or (c.undated and 0 < -gap <= UNDATED_DAYS)


_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _coarser(a: str, b: str) -> str:
    return a if _RANK.get(a, 0) >= _RANK.get(b, 0) else b


def _day_gap(r: Happening, c: Happening) -> int:
    if r.date is None or c.date is None:
        return 366
    return abs((r.date - c.date).days)


def _places_conflict(r: Happening, c: Happening) -> bool:
    if r.lat is not None and c.lat is not None and r.lon is not None and c.lon is not None:
        return km(r.lat, r.lon, c.lat, c.lon) > PLACE_KM
    return False


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))
