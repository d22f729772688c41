"""Ingest into the store: exactly once, in bounded memory, surviving `kill -9` at any moment.

Inputs stream through in batches. For each batch the writer (1) asks the store which articles it
has already (by id, and by content hash for the same text under another id), (2) codes only the new
ones with the store file closed, and (3) writes the batch (articles, reports, mentions, entities,
canonical events, agreements, rejects, run counters) in one transaction. A killed run loses at most
its uncommitted batch, which the next run codes again; ids are derived from article content, and
happenings are merged in input order, so a resumed run ends with the same rows as an uninterrupted one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import duckdb

from .. import ingest as reader
from ..model import Article, Event, Reject
from . import agreements, happenings
from .db import Store

BATCH_SIZE = 32
NEAR_DUPLICATE = 0.3  # five-word runs shared: light edits share 0.4-0.6, independent reports under 0.05
NEAR_DAYS = 3  # the same outlet's stories this many days apart are compared for light edits
_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """The identity of an article's text: the same words with other spacing are the same article."""
    return hashlib.sha256(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


@dataclass
class RunSummary:
    run_id: int
    articles: int = 0  # new articles coded
    duplicates: int = 0  # new ids whose text was stored before: linked, not coded again
    seen: int = 0  # ids stored by an earlier run: skipped
    reports: int = 0  # per-article records written
    events_new: int = 0  # canonical events created
    rejects: list[Reject] = field(default_factory=list)

    def line(self) -> str:
        return (f"run {self.run_id}: {self.articles} articles coded, {self.duplicates} duplicates linked, "
                f"{self.seen} already stored, {self.reports} records, {self.events_new} new events, "
                f"{len(self.rejects)} rejected")


Progress = Callable[[int, "RunSummary"], None]  # (inputs read so far, what the run has done)


def ingest(store: Store, paths: Iterable[str], default_date: str | None = None, batch_size: int = BATCH_SIZE,
           progress: Progress | None = None, coder: Callable | None = None) -> RunSummary:
    """Read, code and store every input; returns what the run did. Safe to rerun at any point."""
    from ..pipeline import code_articles

    coder = coder or code_articles
    store.create()
    inputs = list(paths)
    with store.write() as con:
        run_id = _start_run(con, inputs)
    summary = RunSummary(run_id)
    read = 0
    for batch in _batches(reader.read_inputs(inputs, default_date), batch_size):
        read += len(batch)
        _ingest_batch(store, batch, summary, coder)
        if progress:
            progress(read, summary)
    with store.write() as con:
        _finish_run(con, summary, "done")
    return summary


def _batches(items: Iterator[Article | Reject], size: int) -> Iterator[list[Article | Reject]]:
    while batch := list(islice(items, size)):
        yield batch


def _ingest_batch(store: Store, batch: list[Article | Reject], summary: RunSummary, coder: Callable) -> None:
    rejects = [x for x in batch if isinstance(x, Reject)]
    arts = [x for x in batch if isinstance(x, Article)]
    hashes = {a.id: content_hash(a.text) for a in arts}
    with store.read() as con:
        known_ids, known_hashes = _known(con, arts, hashes)
    fresh: list[Article] = []
    copies: list[tuple[Article, str]] = []  # (article, id of the stored article with its text)
    first_of_hash: dict[str, str] = {}
    for a in arts:
        if a.id in known_ids or any(a.id == f.id for f in fresh) or any(a.id == c.id for c, _ in copies):
            summary.seen += 1
            continue
        h = hashes[a.id]
        original = known_hashes.get(h) or first_of_hash.get(h)
        if original:
            copies.append((a, original))
        else:
            first_of_hash[h] = a.id
            fresh.append(a)
    coded: list[tuple[Article, list[Event]]] = []
    for item in coder(fresh) if fresh else []:
        if isinstance(item, Reject):
            rejects.append(item)
        else:
            coded.append(item)
    with store.write() as con:
        _write(con, summary, coded, copies, hashes, rejects)


def _known(con: duckdb.DuckDBPyConnection, arts: list[Article], hashes: dict[str, str]
           ) -> tuple[set[str], dict[str, str]]:
    if not arts:
        return set(), {}
    ids = [a.id for a in arts]
    known_ids = {r[0] for r in con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}
    rows = con.execute("SELECT content_hash, min(id) FROM articles WHERE duplicate_of IS NULL "
                       "AND content_hash IN (SELECT unnest(?)) GROUP BY content_hash",
                       [list(set(hashes.values()))]).fetchall()
    return known_ids, dict(rows)


def _write(con: duckdb.DuckDBPyConnection, summary: RunSummary, coded: list[tuple[Article, list[Event]]],
           copies: list[tuple[Article, str]], hashes: dict[str, str], rejects: list[Reject]) -> None:
    now = dt.datetime.now()
    merger = Merger(con)
    merger.prefetch([_happening_of(e, e.id, art.id) for art, events in coded for e in events])
    for art, events in coded:
        _insert_article(con, art, hashes[art.id], None, len(events), summary.run_id, now)
        for event in events:
            summary.reports += 1
            summary.events_new += merger.add(art, event)
        merger.near_duplicate(art)
    for art, original in copies:
        n = merger.copy_reports(art, original)
        _insert_article(con, art, hashes[art.id], original, n, summary.run_id, now)
        summary.reports += n
        summary.duplicates += 1
    merger.flush()
    for rej in rejects:
        con.execute("INSERT INTO rejects VALUES (?, ?, ?, ?)", [summary.run_id, rej.origin, rej.reason, now])
    summary.articles += len(coded)
    summary.rejects.extend(rejects)
    _finish_run(con, summary, "running")


def _insert_article(con, art: Article, digest: str, duplicate_of: str | None, n: int, run_id: int,
                    now: dt.datetime) -> None:
    con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                [art.id, digest, art.url, art.title, art.source, art.date, art.date_source, art.origin,
                 None if duplicate_of else art.text, duplicate_of, n, run_id, now])


def _start_run(con: duckdb.DuckDBPyConnection, inputs: list[str]) -> int:
    (last,) = con.execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()
    run_id = int(last) + 1
    con.execute("INSERT INTO runs (id, started, inputs, status) VALUES (?, ?, ?, 'running')",
                [run_id, dt.datetime.now(), json.dumps(inputs)])
    return run_id


def _finish_run(con: duckdb.DuckDBPyConnection, s: RunSummary, status: str) -> None:
    con.execute("UPDATE runs SET finished = ?, status = ?, articles = ?, duplicates = ?, seen = ?, reports = ?, "
                "rejects = ? WHERE id = ?", [dt.datetime.now(), status, s.articles, s.duplicates, s.seen,
                                             s.reports, len(s.rejects), s.run_id])


class Merger:
    """Writes one batch's records and folds each into its canonical event (store/happenings.py)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.changed: dict[str, happenings.Happening | None] = {}  # None: counts to refresh, wording unchanged
        self.outlets: dict[str, set[str]] = {}
        # every stored event a record of this batch may belong to, and the events the batch creates: the
        # records are matched in memory, so the file is searched once a batch, not once a record
        self.pool: dict[str, happenings.Happening] = {}

    def add(self, art: Article, event: Event, report_id: str | None = None) -> int:
        """Store one record; returns 1 when it starts a new canonical event."""
        record = event.to_plover()
        rid = report_id or event.id
        probe = _happening_of(event, rid, art.id)
        found = happenings.match(probe, self._candidates(probe))
        created = found is None
        target = probe if created else found
        target.articles.add(art.id)
        if created:
            self.pool[target.id] = target
            self._insert_event(event, rid, art, record)
        else:
            target.words = target.words | probe.words
            target.mode = target.mode | probe.mode
            self.con.execute("UPDATE events SET mode = list_distinct(list_concat(mode, ?)), "
                             "context = list_distinct(list_concat(context, ?)), confidence = greatest(confidence, ?) "
                             "WHERE id = ?", [list(event.mode), list(event.context), event.confidence, target.id])
            if (probe.actor | probe.recipient) > (target.actor | target.recipient):
                self._widen(target, probe, event)
        self.changed[target.id] = target
        self.outlets.setdefault(target.id, set()).add(art.source or art.id)
        self._insert_report(rid, target.id, art, event, record)
        agreements.record(self.con, target.id, rid, art.id, event)
        return int(created)

    def copy_reports(self, art: Article, original: str) -> int:
        """A new id for a stored text: its records repeat the original's, as this article's."""
        rows = self.con.execute("SELECT id, event_id, record FROM reports WHERE article_id = ? ORDER BY id",
                                [original]).fetchall()
        for rid, event_id, raw in rows:
            record = json.loads(raw)
            record["article_id"] = art.id
            new_id = hashlib.sha1(f"{rid}|{art.id}".encode()).hexdigest()[:16]
            record["id"] = new_id
            self.con.execute("INSERT INTO reports SELECT ?, event_id, ?, ?, event_type, is_event, date, "
                             "date_precision, actor_codes, recipient_codes, ? FROM reports WHERE id = ?",
                             [new_id, art.id, art.source, json.dumps(record, ensure_ascii=False), rid])
            self.con.execute("INSERT INTO mentions SELECT ?, event_id, ?, sequence, start, \"end\", trigger, "
                             "trigger_start, trigger_end, sentence, attribution, in_caption FROM mentions "
                             "WHERE report_id = ?", [new_id, art.id, rid])
            self.con.execute("INSERT INTO entities SELECT ?, event_id, role, position, code, entity_text, "
                             "identifier_text, sector, office, kind FROM entities WHERE report_id = ?", [new_id, rid])
            self.con.execute("INSERT INTO agreement_status SELECT agreement_id, status, date, date_precision, "
                             "event_id, ?, ?, evidence FROM agreement_status WHERE report_id = ?",
                             [new_id, art.id, rid])
            self.outlets.setdefault(event_id, set()).add(art.source or art.id)
            self.changed.setdefault(event_id, None)
        return len(rows)

    def near_duplicate(self, art: Article) -> None:
        """An updated version (same url) or a light edit of an article already stored."""
        row = None
        if art.url:
            row = self.con.execute("SELECT id FROM articles WHERE url = ? AND id <> ? AND duplicate_of IS NULL "
                                   "ORDER BY ingested_at, id LIMIT 1", [art.url, art.id]).fetchone()
        if row is None:
            row = self._similar_article(art)
        if row is not None:
            self.con.execute("UPDATE articles SET near_duplicate_of = ? WHERE id = ?", [row[0], art.id])

    def _similar_article(self, art: Article) -> tuple[str] | None:
        """Candidates are the articles that share an event with this one, and the same outlet's stories of
        the days around it: a light edit keeps most five-word runs, an independent report almost none."""
        others = self.con.execute(
            "SELECT DISTINCT a.id, a.text FROM reports r JOIN reports o ON o.event_id = r.event_id "
            "JOIN articles a ON a.id = o.article_id WHERE r.article_id = ? AND o.article_id <> ? "
            "AND a.text IS NOT NULL UNION SELECT id, text FROM articles WHERE outlet = ? AND id <> ? "
            "AND text IS NOT NULL AND abs(date_diff('day', pub_date, CAST(? AS DATE))) <= ?",
            [art.id, art.id, art.source, art.id, art.date, NEAR_DAYS]).fetchall()
        mine = shingles(art.text)
        best = max(((overlap(mine, shingles(text)), aid) for aid, text in sorted(others)), default=None)
        return (best[1],) if best and best[0] >= NEAR_DUPLICATE else None

    def flush(self) -> None:
        """Counts and merged wording of every canonical event the batch touched."""
        for event_id, hap in self.changed.items():
            words = " ".join(sorted(hap.words)) if hap is not None else None
            self.con.execute(
                "UPDATE events SET n_reports = s.n, n_articles = s.a, n_outlets = s.o, words = coalesce(?, words) "
                "FROM (SELECT count(*) AS n, count(DISTINCT article_id) AS a, "
                "count(DISTINCT coalesce(outlet, article_id)) AS o FROM reports WHERE event_id = ?) s WHERE id = ?",
                [words, event_id, event_id])

    def prefetch(self, probes: list[happenings.Happening]) -> None:
        """Load the stored events that any of the batch's records could merge into: same type and status,
        a country in common, a date within CANDIDATE_DAYS (or undated, or dated only by the same year).
        One search per type and status, before the batch writes anything: searching the file once per
        record, between the batch's own writes, cost ~100 ms a record at a million stored events."""
        groups: dict[tuple[str, bool], list[happenings.Happening]] = {}
        for p in probes:
            groups.setdefault((p.event_type, p.is_event), []).append(p)
        for (event_type, is_event), group in groups.items():
            codes = sorted({c for p in group for c in p.actor | p.recipient})
            dates = sorted({p.date for p in group if p.date})
            undated_probe = any(p.date is None for p in group)
            match = [event_type, is_event, codes]
            if undated_probe:  # a record with no date may join an event of any date
                sql, params = _ANY_TIME, match
            else:
                parts = [f"SELECT id FROM events WHERE {_MATCH} AND date IS NULL",
                         f"SELECT id FROM events WHERE {_MATCH} AND date_precision = 'year' "
                         "AND year(date) IN (SELECT unnest(?::INTEGER[]))"]
                params = [*match, *match, sorted({d.year for d in dates})]
                for lo, hi in _windows(dates):
                    parts.append(f"SELECT id FROM events WHERE {_MATCH} AND date BETWEEN ? AND ?")
                    params += [*match, lo, hi]
                sql = " UNION ALL ".join(parts)
            rows = self.con.execute(_CANDIDATE_ROWS.format(sql), params).fetchall()
            for r in rows:
                self.pool.setdefault(r[0], happenings.Happening(
                    id=r[0], event_type=event_type, is_event=is_event, dyad=r[1], date=r[2], precision=r[3],
                    undated=bool(r[4]), actor=frozenset(r[5]), recipient=frozenset(r[6]), mode=frozenset(r[7]),
                    place=r[8], lat=r[9], lon=r[10], topic=r[11], words=frozenset((r[12] or "").split()),
                    articles=set(r[13])))

    def _candidates(self, probe: happenings.Happening) -> list[happenings.Happening]:
        """The events of the pool (stored, or made by this batch) of the probe's type and status that share
        a country with it and lie near its date, as `prefetch` chose them."""
        codes = probe.actor | probe.recipient
        return [h for h in self.pool.values()
                if h.event_type == probe.event_type and h.is_event == probe.is_event
                and codes & (h.actor | h.recipient) and _near(h, probe.date)]

    def _widen(self, target: happenings.Happening, probe: happenings.Happening, e: Event) -> None:
        """"Russian drones hit Kyiv" after "Russia launched drones": the fuller report's parties are the event's."""
        target.actor, target.recipient, target.dyad = probe.actor, probe.recipient, probe.dyad
        actor, recipient = _codes(e)
        self.con.execute("UPDATE events SET actor_codes = ?, recipient_codes = ?, dyad = ? WHERE id = ?",
                         [list(actor), list(recipient), probe.dyad, target.id])
        self.con.execute("DELETE FROM event_pairs WHERE event_id = ?", [target.id])
        row = self.con.execute("SELECT date, date_precision FROM events WHERE id = ?", [target.id]).fetchone()
        self._insert_pairs(target.id, e, actor, recipient, date=row)

    def _insert_event(self, e: Event, rid: str, art: Article, record: dict) -> None:
        loc = e.location
        actor, recipient = _codes(e)
        self.con.execute(
            f"INSERT INTO events VALUES ({', '.join(['?'] * 22)}, 1, 1, 1, ?, ?, ?, ?, ?)",
            [rid, e.event_type, e.is_event, e.date, e.date_precision, e.date_source, actor, recipient,
             happenings.dyad_key(actor, recipient), e.quad_code, e.event_scale, e.cameo, list(e.mode),
             list(e.context), loc.resolved_place if loc else None, loc.country_code if loc else None,
             loc.source if loc else None, loc.resolution if loc else None, loc.lat if loc else None,
             loc.lon if loc else None, e.confidence, e.topic, art.id,
             e.mentions[0].sentence if e.mentions else None, "", json.dumps(record, ensure_ascii=False),
             dt.datetime.now()])
        self._insert_pairs(rid, e, actor, recipient)

    def _insert_pairs(self, rid: str, e: Event, actor: tuple[str, ...], recipient: tuple[str, ...],
                      date: tuple | None = None) -> None:
        """Both directions of every country pair the event joins: co-actors of a joint act are a pair too."""
        pairs = {(a, r) for a in actor for r in recipient if a != r}
        if not recipient:
            pairs |= {(a, b) for a in actor for b in actor if a != b}
        pairs |= {(b, a) for a, b in pairs}
        for a, b in sorted(pairs):
            self.con.execute("INSERT INTO event_pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             [rid, a, b, *(date or (e.date, e.date_precision)), e.event_type, e.quad_code,
                              e.event_scale, e.is_event])

    def _insert_report(self, rid: str, event_id: str, art: Article, e: Event, record: dict) -> None:
        actor, recipient = _codes(e)
        self.con.execute("INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [rid, event_id, art.id, art.source, e.event_type, e.is_event, e.date, e.date_precision,
                          actor, recipient, json.dumps(record, ensure_ascii=False)])
        for m in e.mentions:
            self.con.execute("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             [rid, event_id, art.id, m.sequence, m.start, m.end, m.trigger, m.trigger_start,
                              m.trigger_end, m.sentence, m.attribution, m.in_caption])
        for role, ents in (("actor", e.actor), ("recipient", e.recipient)):
            for n, ent in enumerate(ents):
                self.con.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 [rid, event_id, role, n, ent.code, ent.entity_text, ent.identifier_text, ent.sector,
                                  ent.office, ent.kind])


CANDIDATE_DAYS = 40  # how far apart in time a stored event and a new record may be and still be compared
_MATCH = "event_type = ? AND is_event = ? AND list_has_any(list_concat(actor_codes, recipient_codes), ?)"
_ANY_TIME = f"SELECT id FROM events WHERE {_MATCH}"
# Searches are unions of plain date ranges rather than one condition with ORs: a date range lets DuckDB
# skip the row groups of other months
_CANDIDATE_ROWS = (
    "SELECT e.id, e.dyad, e.date, e.date_precision, e.date_source = 'publication', e.actor_codes, "
    "e.recipient_codes, e.mode, e.place, "
    "CASE WHEN e.place_source = 'text' AND e.place_resolution >= 3 THEN e.lat END, "
    "CASE WHEN e.place_source = 'text' AND e.place_resolution >= 3 THEN e.lon END, e.topic, e.words, "
    "list(DISTINCT r.article_id) FROM events e JOIN reports r ON r.event_id = e.id "
    "WHERE e.id IN ({}) GROUP BY ALL")


def _windows(dates: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """The dates' ±CANDIDATE_DAYS windows, overlapping ones joined (a batch's dates cluster)."""
    out: list[tuple[dt.date, dt.date]] = []
    span = dt.timedelta(days=CANDIDATE_DAYS)
    for d in sorted(dates):
        if out and d - span <= out[-1][1]:
            out[-1] = (out[-1][0], d + span)
        else:
            out.append((d - span, d + span))
    return out


def _near(h: happenings.Happening, day: dt.date | None) -> bool:
    """Whether a stored event is close enough in time to a record dated `day` to be compared with it."""
    if day is None or h.date is None:
        return True
    if h.precision == "year" and h.date.year == day.year:
        return True
    return abs((h.date - day).days) <= CANDIDATE_DAYS


def _codes(e: Event) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(dict.fromkeys(a.code for a in e.actor)), tuple(dict.fromkeys(r.code for r in e.recipient))


def _happening_of(e: Event, rid: str, article_id: str) -> happenings.Happening:
    actor, recipient = _codes(e)
    loc = e.location
    city = loc is not None and loc.resolution >= 3 and loc.source == "text"  # a dateline is where it was filed
    return happenings.Happening(
        id=rid, event_type=e.event_type, is_event=e.is_event, dyad=happenings.dyad_key(actor, recipient),
        date=dt.date.fromisoformat(e.date) if e.date else None, precision=e.date_precision,
        undated=e.date_source == "publication",
        actor=frozenset(actor), recipient=frozenset(recipient), mode=frozenset(e.mode),
        place=loc.resolved_place if loc else None, lat=loc.lat if city else None, lon=loc.lon if city else None,
        topic=e.topic, words=happenings.words(" ".join(m.sentence for m in e.mentions)), articles={article_id})


def shingles(text: str, n: int = 5) -> frozenset[int]:
    toks = re.findall(r"\w+", text.lower())
    return frozenset(hash(tuple(toks[i:i + n])) for i in range(max(1, len(toks) - n + 1)))


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
