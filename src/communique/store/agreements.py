"""The agreements registry: each instrument once, with its parties, subject and status history.

An instrument is known by its kind, its parties and its subject (or, with no subject, its name):
"the extradition treaty" finalized in one article and ratified in another is one instrument with
two steps. A step comes from a coded act that names the instrument (events/instruments.py); a
negated or hypothetical act is no step, and a future one ("will sign") is a proposal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import duckdb

from ..model import Event

# the order of the steps, for the status of two steps on one day
LIFECYCLE = ["proposed", "negotiating", "agreed", "initialled", "finalized", "signed", "ratified", "in force",
             "renewed", "suspended", "withdrawn"]
_ARTICLE = re.compile(r"^(the|a|an|its|their|this|that)\s+", re.IGNORECASE)


def instrument_key(kind: str, parties: list[str], subject: str | None, name: str) -> str:
    label = (subject or _ARTICLE.sub("", name)).lower().strip()
    return hashlib.sha1("|".join([kind, ",".join(parties), label]).encode()).hexdigest()[:16]


def record(con: duckdb.DuckDBPyConnection, event_id: str, report_id: str, article_id: str, e: Event) -> None:
    """Add the step this record marks to its instrument, creating the instrument when new."""
    inst = e.instrument
    if inst is None or not e.is_event:
        return
    parties = sorted({a.code for a in e.actor} | {r.code for r in e.recipient})
    if len(parties) < 2 and not e.recipient:
        return  # an instrument needs two parties; a lone actor "signed a deal" with nobody named
    status = "proposed" if "future" in e.context and inst.status != "agreed" else inst.status
    key = _existing(con, inst.kind, parties, inst.subject, inst.name, e.date) or \
        instrument_key(inst.kind, parties, inst.subject, inst.name)
    exists = con.execute("SELECT 1 FROM agreements WHERE id = ?", [key]).fetchone()
    if not exists:
        con.execute("INSERT INTO agreements VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [key, inst.kind, inst.name, parties, inst.subject or _subject_from_context(e), status,
                     e.date, e.date])
    evidence = e.mentions[0].sentence if e.mentions else None
    con.execute("INSERT INTO agreement_status VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [key, status, e.date, e.date_precision, event_id, report_id, article_id, evidence])
    _restate(con, key)


def _existing(con: duckdb.DuckDBPyConnection, kind: str, parties: list[str], subject: str | None, name: str,
              date: str | None) -> str | None:
    """The stored instrument this one names in other words: "the extradition agreement" and "the
    extradition treaty" of the same parties; two outlets' "cooperation against terrorism" and
    "cooperation in counterterrorism" agreed by the same parties on the same day."""
    rows = con.execute("SELECT id, kind, subject, name, first_date, last_date FROM agreements WHERE parties = ? "
                       "ORDER BY id", [parties]).fetchall()
    mine = _words(subject or name)
    for key, other_kind, other_subject, other_name, first, last in rows:
        if _family(other_kind) != _family(kind):
            continue
        if mine & _words(other_subject or other_name):
            return key
        if kind == "cooperation" and date and first and last and \
                first - dt.timedelta(days=1) <= dt.date.fromisoformat(date[:10]) <= last + dt.timedelta(days=1):
            return key
    return None


TREATY_FAMILY = {"treaty", "agreement", "convention", "charter", "framework"}
GENERIC_WORDS = {"agreement", "treaty", "deal", "accord", "pact", "cooperation", "bilateral", "joint", "new", "the",
                 "and", "of", "on", "for", "in", "a", "an", "its", "their", "group", "working"}


def _family(kind: str) -> str:
    return "treaty" if kind in TREATY_FAMILY else kind


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (text or "").lower()) if w not in GENERIC_WORDS and len(w) > 2}


def _subject_from_context(e: Event) -> str | None:
    topics = [c for c in e.context if c not in {"future", "historical", "negation", "hypothetical"}]
    return ", ".join(topics) or None


def _restate(con: duckdb.DuckDBPyConnection, key: str) -> None:
    """The current status is the latest step; on one day, the later stage of the lifecycle."""
    steps = con.execute("SELECT status, date FROM agreement_status WHERE agreement_id = ?", [key]).fetchall()
    dated = [(d.isoformat() if d else "", _rank(s), s) for s, d in steps]
    latest = max(dated)
    firsts = [d for d, _, _ in dated if d]
    con.execute("UPDATE agreements SET status = ?, first_date = ?, last_date = ? WHERE id = ?",
                [latest[2], min(firsts) if firsts else None, max(firsts) if firsts else None, key])


def _rank(status: str) -> int:
    return LIFECYCLE.index(status) if status in LIFECYCLE else 0
