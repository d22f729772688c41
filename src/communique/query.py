"""The query layer: what the command line and a web server ask of a store, in one place.

Every function takes a `Store`, opens one short read-only connection (`store.read()`) for its
queries and closes it before returning, so a query never holds the file while an ingest waits for
it. Values reach SQL only as parameters; the few SQL fragments chosen at run time (a period
expression, an ordering) come from fixed whitelists in this module. Each function checks its
arguments first and raises ValueError with a message a user can act on, and returns a `Result`
(columns and rows, convertible to records, a DataFrame or an Arrow table) or, for single items, a
dict. Page sizes are capped (MAX_LIMIT) so neither a typo nor a crawler can ask for a whole store.

Dates: `since` and `until` are inclusive and take a date or an ISO string; "YYYY-MM" and "YYYY"
mean the first day of that month or year for `since` and the last day for `until`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from .model import EVENT_TYPES
from .resources import load_tsv
from .store.db import Store

try:
    from .store.agreements import LIFECYCLE
except ImportError:  # pragma: no cover - the registry module predates this one in every release so far
    LIFECYCLE = ["proposed", "negotiating", "agreed", "initialled", "finalized", "signed", "ratified", "in force",
                 "renewed", "suspended", "withdrawn"]

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = ["MAX_LIMIT", "MAX_TEXT", "Result", "actor_code", "agreements", "article", "code_names", "dyad", "dyads",
           "event", "events", "evidence", "network", "partners", "search", "stats", "top_actors"]

MAX_LIMIT = 1000  # rows a page
MAX_TEXT = 200  # characters of a text search
YEARS = (1800, 2200)  # the dates a query accepts
RECENT_DAYS = 365  # the window a newest-first page of events is first looked for in
PARTNER_WINDOW = 90  # days of the current period of `partners` when no `since` is given

DateLike = dt.date | str | None
Codes = str | Sequence[str] | None

# the first day of a date's period (DuckDB's weeks start on Monday, as ISO weeks do), and its label;
# every label sorts in time order as text
_PERIODS = {
    "week": ("date_trunc('week', date)", "strftime(start, '%G-W%V')"),
    "month": ("date_trunc('month', date)", "strftime(start, '%Y-%m')"),
    "quarter": ("date_trunc('quarter', date)", "strftime(start, '%Y') || '-Q' || CAST(quarter(start) AS VARCHAR)"),
    "year": ("date_trunc('year', date)", "strftime(start, '%Y')"),
}
# the date precisions an event may have to be placed in a period of each size
_PRECISIONS = {
    "week": ("day", "week"),
    "month": ("day", "week", "month"),
    "quarter": ("day", "week", "month"),
    "year": ("day", "week", "month", "year"),
}
_ORDERS = {
    "date desc": "date DESC NULLS LAST, id",
    "date asc": "date ASC NULLS LAST, id",
    "date": "date ASC NULLS LAST, id",
    "confidence desc": "confidence DESC NULLS LAST, date DESC NULLS LAST, id",
    "articles desc": "n_articles DESC NULLS LAST, date DESC NULLS LAST, id",
    "outlets desc": "n_outlets DESC NULLS LAST, date DESC NULLS LAST, id",
}
_CODE = re.compile(r"^[A-Z0-9_.]{1,16}$")
_EVENT_COLUMNS = ["id", "date", "date_precision", "event_type", "quad_code", "event_scale", "actor_codes",
                  "recipient_codes", "mode", "context", "place", "place_country", "confidence", "n_articles",
                  "n_outlets", "evidence"]


class Result:
    """Rows of one query with their column names; cheap to build, converted only when asked."""

    __slots__ = ("columns", "rows")

    def __init__(self, columns: Sequence[str], rows: Sequence[Sequence[Any]]):
        self.columns: list[str] = list(columns)
        self.rows: list[tuple] = [tuple(r) for r in rows]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]

    def df(self) -> pandas.DataFrame:
        import pandas

        return pandas.DataFrame.from_records(self.rows, columns=self.columns)

    def arrow(self) -> pyarrow.Table:
        import pyarrow

        return pyarrow.table({c: [r[i] for r in self.rows] for i, c in enumerate(self.columns)})

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.records())

    def __repr__(self) -> str:
        return f"Result(columns={self.columns!r}, rows={len(self.rows)})"


# --- argument checks -------------------------------------------------------------------------------------------


def _limit(limit: int, maximum: int = MAX_LIMIT) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ValueError(f"limit must be a whole number, not {limit!r}")
    if limit < 1 or limit > maximum:
        raise ValueError(f"limit must be between 1 and {maximum}, not {limit}")
    return limit


def _offset(offset: int) -> int:
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise ValueError(f"offset must be a whole number of at least 0, not {offset!r}")
    return offset


def actor_code(value: str, what: str = "country") -> str:
    """A code as the store keeps it (upper case), or ValueError saying what a code looks like."""
    code = str(value).strip().upper() if value is not None else ""
    if not _CODE.match(code):
        raise ValueError(f"{what} must be an actor code such as PAK or UNO, not {value!r}")
    return code


def _codes(value: Codes, what: str) -> list[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    out = [str(v).strip() for v in items if str(v).strip()]
    if not out:
        raise ValueError(f"{what} is empty")
    return out


def _types(value: Codes) -> list[str] | None:
    names = _codes(value, "type")
    if names is None:
        return None
    names = [n.upper() for n in names]
    unknown = [n for n in names if n not in EVENT_TYPES]
    if unknown:
        raise ValueError(f"unknown event type {', '.join(unknown)} (one of {', '.join(EVENT_TYPES)})")
    return list(dict.fromkeys(names))


def _pair(value: str | Sequence[str]) -> tuple[str, str]:
    parts = re.split(r"[-,\s]+", value.strip()) if isinstance(value, str) else list(value)
    if len(parts) != 2:
        raise ValueError(f"a dyad is two codes such as 'PAK-BLR' or ('PAK', 'BLR'), not {value!r}")
    return actor_code(parts[0], "dyad"), actor_code(parts[1], "dyad")


def _day(value: DateLike, end: bool = False, name: str = "date") -> dt.date | None:
    """A date from a date or an ISO string; a bare month or year is its first (or, with end, last) day.
    Dates outside YEARS are refused: news has none, and period arithmetic near year 1 or 9999 overflows."""
    day = _parse_day(value, end, name)
    if day is not None and not YEARS[0] <= day.year <= YEARS[1]:
        raise ValueError(f"{name} must be between the years {YEARS[0]} and {YEARS[1]}, not {value!r}")
    return day


def _parse_day(value: DateLike, end: bool, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            first = dt.date(year, month, 1)
            if not end:
                return first
            return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name} is not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


def date_range(since: DateLike, until: DateLike) -> tuple[dt.date | None, dt.date | None]:
    """since and until as dates (a bare month or year widened to its first or last day), in order."""
    lo, hi = _day(since, name="since"), _day(until, end=True, name="until")
    if lo and hi and lo > hi:
        raise ValueError(f"since ({lo}) is after until ({hi})")
    return lo, hi


def _like(text: str) -> str:
    """A substring pattern for ILIKE ... ESCAPE '\\': the user's % and _ match themselves."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


# --- queries -----------------------------------------------------------------------------------------------------


def dyad(store: Store, a: str, b: str, by: str = "month", since: DateLike = None, until: DateLike = None,
         events_only: bool = True, type: Codes = None) -> Result:
    """The relation of two countries over time: one row per period that has events, oldest first.

    Counts events between a and b in either direction (each event once). An event is placed in a
    period only when its date is at least as precise as the period: with by="week", month- and
    year-precision events are skipped; with "month" or "quarter", year-precision events are skipped
    (a month-precision event counts in its month); with "year", every dated event counts. Events
    without a date are never counted. Periods are labelled '2025-W32', '2025-08', '2025-Q3', '2025'.
    `events_only` leaves out negated and hypothetical records; `type` keeps only events of those types.
    """
    if by not in _PERIODS:
        raise ValueError(f"by must be one of {', '.join(_PERIODS)}, not {by!r}")
    country, counterpart = actor_code(a, "a"), actor_code(b, "b")
    lo, hi = date_range(since, until)
    precisions = _PRECISIONS[by]
    where = ["country = ?", "counterpart = ?", "date IS NOT NULL",
             f"date_precision IN ({_placeholders(len(precisions))})"]
    params: list[Any] = [country, counterpart, *precisions]
    if lo:
        where.append("date >= ?")
        params.append(lo)
    if hi:
        where.append("date <= ?")
        params.append(hi)
    types = _types(type)
    if types:
        where.append(f"event_type IN ({_placeholders(len(types))})")
        params += types
    if events_only:
        where.append("is_event")
    start, label = _PERIODS[by]
    # one pass over the pair rows, grouped by period and type; the periods are summed from those groups
    sql = f"""
        WITH t AS (
            SELECT {start} AS start, event_type, count(*) AS n, sum(event_scale) AS scale,
                   count(*) FILTER (WHERE quad_code = 1) AS q1, count(*) FILTER (WHERE quad_code = 2) AS q2,
                   count(*) FILTER (WHERE quad_code = 3) AS q3, count(*) FILTER (WHERE quad_code = 4) AS q4
            FROM event_pairs WHERE {' AND '.join(where)}
            GROUP BY start, event_type),
        r AS (SELECT *, row_number() OVER (PARTITION BY start ORDER BY n DESC, event_type) AS rank FROM t)
        SELECT {label} AS period, sum(n) AS events, sum(q1) AS quad1, sum(q2) AS quad2, sum(q3) AS quad3,
               sum(q4) AS quad4, round(sum(scale) / sum(n), 3) AS mean_score, round(sum(scale), 3) AS net_cooperation,
               string_agg(event_type || ' ' || CAST(n AS VARCHAR), ', ' ORDER BY rank) FILTER (WHERE rank <= 3)
                   AS top_types
        FROM r GROUP BY start ORDER BY start"""
    with store.read() as con:
        cur = con.execute(sql, params)
        return Result([d[0] for d in cur.description], cur.fetchall())


def partners(store: Store, country: str, since: DateLike = None, until: DateLike = None, limit: int = 50,
             events_only: bool = True) -> Result:
    """Who a country deals with, most events first, and how that changed from the period before.

    The current period is since..until. Without `until` it ends on the country's latest event; without
    `since` it is the last 90 days up to that end (or to `until`), so a store whose data stops in
    2025 still shows its last quarter rather than an empty "recent" window. The previous period has
    the same length and ends the day before the current one begins; `change` is events minus
    previous_events. Counterparts seen only in the previous period are listed too (events 0), after
    the active ones, so a partner that went quiet shows as a negative change. Year-precision events
    are skipped (their date names only the year); other events count at their date.
    """
    code = actor_code(country)
    limit = _limit(limit)
    base = ["country = ?", "date IS NOT NULL", "date_precision <> 'year'"]
    if events_only:
        base.append("is_event")
    with store.read() as con:
        window = _window(con, base, [code], since, until)
        if window is None:
            return Result(_PARTNER_COLUMNS, [])
        prev_lo, lo, hi = window
        sql = f"""
            SELECT counterpart,
                   count(*) FILTER (WHERE date >= ?) AS events,
                   round(coalesce(sum(event_scale) FILTER (WHERE date >= ?), 0), 3) AS net_cooperation,
                   round(avg(event_scale) FILTER (WHERE date >= ?), 3) AS mean_score,
                   count(*) FILTER (WHERE date >= ? AND quad_code <= 2) AS cooperative,
                   count(*) FILTER (WHERE date >= ? AND quad_code >= 3) AS conflictual,
                   count(*) FILTER (WHERE date < ?) AS previous_events,
                   count(*) FILTER (WHERE date >= ?) - count(*) FILTER (WHERE date < ?) AS change
            FROM event_pairs
            WHERE {' AND '.join(base)} AND date >= ? AND date <= ?
            GROUP BY counterpart
            ORDER BY events DESC, previous_events DESC, counterpart
            LIMIT ?"""
        params = [lo] * 5 + [lo, lo, lo, code, prev_lo, hi, limit]
        cur = con.execute(sql, params)
        return Result([d[0] for d in cur.description], cur.fetchall())


_PARTNER_COLUMNS = ["counterpart", "events", "net_cooperation", "mean_score", "cooperative", "conflictual",
                    "previous_events", "change"]


def agreements(store: Store, country: str | None = None, counterpart: str | None = None, status: str | None = None,
               limit: int = 200) -> Result:
    """Instruments (treaties, memoranda, working groups ...) with every step of their history.

    `country` and `counterpart` must both be parties; `status` is the current status. Newest first
    (by the date of the last step). `history` lists the steps by date, then by lifecycle stage for
    steps on one day, undated steps last, each with the article and sentence it rests on.
    """
    limit = _limit(limit)
    where: list[str] = []
    params: list[Any] = []
    for value, what in ((country, "country"), (counterpart, "counterpart")):
        if value is not None:
            where.append("list_contains(parties, ?)")
            params.append(actor_code(value, what))
    if status is not None:
        status = status.strip().lower()
        if status not in LIFECYCLE:
            raise ValueError(f"unknown status {status!r} (one of {', '.join(LIFECYCLE)})")
        where.append("status = ?")
        params.append(status)
    sql = ("SELECT id, kind, name, parties, subject, status, first_date, last_date FROM agreements"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY last_date DESC NULLS LAST, id LIMIT ?")
    with store.read() as con:
        rows = con.execute(sql, [*params, limit]).fetchall()
        ids = [r[0] for r in rows]
        steps = con.execute(
            "SELECT agreement_id, status, date, date_precision, event_id, article_id, evidence "
            "FROM agreement_status WHERE agreement_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()
    history: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for agreement_id, *step in steps:
        history[agreement_id].append(dict(zip(("status", "date", "date_precision", "event_id", "article_id",
                                               "evidence"), step, strict=True)))
    for items in history.values():
        items.sort(key=_step_order)
    columns = ["id", "kind", "name", "parties", "subject", "status", "first_date", "last_date", "history"]
    return Result(columns, [(*r[:3], list(r[3] or []), *r[4:], history[r[0]]) for r in rows])


def _step_order(step: dict[str, Any]) -> tuple:
    status = step["status"]
    rank = LIFECYCLE.index(status) if status in LIFECYCLE else len(LIFECYCLE)
    return (step["date"] is None, step["date"] or dt.date.min, rank, step["event_id"] or "", step["article_id"] or "")


def events(store: Store, dyad: str | Sequence[str] | None = None, actor: str | None = None,
           country: str | None = None, type: Codes = None, mode: Codes = None, context: Codes = None,
           since: DateLike = None, until: DateLike = None, place: str | None = None, text: str | None = None,
           events_only: bool = True, limit: int = 50, offset: int = 0, order: str = "date desc") -> Result:
    """A page of canonical events matching every filter given.

    dyad: two codes ('PAK-BLR' or a pair), either direction, through the country-pair index (so a
    joint act of two co-actors counts as their dyad); actor: a code among the actors; country: a
    code among actors or recipients; type: one PLOVER type or several (any of them); mode, context:
    one value or several (any of them); place: the place or its country code, case-insensitively;
    text: a substring of the evidence sentence, case-insensitively, % and _ taken literally.
    Month- and year-precision events are filtered by their stored date (the first day of the month
    or year). `order` is one of the keys of _ORDERS; ties are broken by id so pages do not overlap.
    """
    limit, offset = _limit(limit), _offset(offset)
    if order not in _ORDERS:
        raise ValueError(f"order must be one of {', '.join(_ORDERS)}, not {order!r}")
    where: list[str] = []
    params: list[Any] = []
    lo, hi = date_range(since, until)
    types = _types(type)
    sub: list[str] = []
    sub_params: list[Any] = []
    if dyad is not None:
        a, b = _pair(dyad)
        sub = ["country = ?", "counterpart = ?"]
        sub_params = [a, b]
        # the pair rows repeat the event's date, type and is_event: filtering them too keeps the semi-join small
        if lo:
            sub.append("date >= ?")
            sub_params.append(lo)
        if hi:
            sub.append("date <= ?")
            sub_params.append(hi)
        if types:
            sub.append(f"event_type IN ({_placeholders(len(types))})")
            sub_params += types
        if events_only:
            sub.append("is_event")
        where.append(_PAIRS_IN.format(" AND ".join(sub)))
        params += sub_params
    if actor is not None:
        where.append("list_contains(actor_codes, ?)")
        params.append(actor_code(actor, "actor"))
    if country is not None:
        code = actor_code(country)
        where.append("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))")
        params += [code, code]
    if types:
        where.append(f"event_type IN ({_placeholders(len(types))})")
        params += types
    for column, value in (("mode", mode), ("context", context)):
        values = _codes(value, column)
        if values:
            where.append(f"list_has_any({column}, ?::VARCHAR[])")
            params.append([v.lower() for v in values])
    if lo:
        where.append("date >= ?")
        params.append(lo)
    if hi:
        where.append("date <= ?")
        params.append(hi)
    if place is not None and place.strip():
        if len(place) > MAX_TEXT:
            raise ValueError(f"place is at most {MAX_TEXT} characters")
        where.append("(lower(place) = lower(?) OR lower(place_country) = lower(?))")
        params += [place.strip(), place.strip()]
    if text is not None and text.strip():
        if len(text) > MAX_TEXT:
            raise ValueError(f"a text search is at most {MAX_TEXT} characters, not {len(text)}")
        where.append("evidence ILIKE ? ESCAPE '\\'")
        params.append(_like(text.strip()))
    if events_only:
        where.append("is_event")
    # Two steps: the page's ids from the few columns the filters and the order read, then its rows. Reading
    # the wide columns (evidence, lists) only for the page, and for a busy dyad only in the row groups of
    # the page's dates (rows are stored roughly in date order), is what keeps a page fast.
    ordering = _ORDERS[order]
    page_sql = ("SELECT id, date FROM events" + (" WHERE " + " AND ".join(where) if where else "")
                + f" ORDER BY {ordering} LIMIT ? OFFSET ?")
    page_params = [*params, limit, offset]
    only_pairs = dyad is not None and order.startswith("date") and not any(
        (actor, country, mode, context, place and place.strip(), text and text.strip()))
    if only_pairs:
        # every filter is on the pair rows (dyad, type, dates, is_event): page through them alone, which
        # reads one narrow table instead of joining the wide one (a quiet dyad of a big store: ~30 ms, not ~300)
        page_sql = (f"SELECT event_id AS id, date FROM event_pairs WHERE {' AND '.join(sub)} "
                    f"ORDER BY {ordering.replace('id', 'event_id')} LIMIT ? OFFSET ?")
        page_params = [*sub_params, limit, offset]
    with store.read() as con:
        page = None
        if order == "date desc" and lo is None and not only_pairs:
            page = _recent_page(con, where, params, sub, sub_params, hi, ordering, limit, offset)
        if page is None:
            page = con.execute(page_sql, page_params).fetchall()
        if not page:
            return Result(_EVENT_COLUMNS, [])
        rows_sql = f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events WHERE id IN ({_placeholders(len(page))})"
        rows_params: list[Any] = [r[0] for r in page]
        dates = [r[1] for r in page if r[1] is not None]
        if len(dates) == len(page) and (max(dates) - min(dates)).days <= 366:
            # a narrow date range lets the scan skip row groups; a wide one (a quiet dyad's page spans
            # years) only defeats the id index lookup, which is what finds a few scattered rows fastest
            rows_sql += " AND date >= ? AND date <= ?"
            rows_params += [min(dates), max(dates)]
        rows = con.execute(f"{rows_sql} ORDER BY {ordering}", rows_params).fetchall()
    return Result(_EVENT_COLUMNS, rows)


def _recent_page(con: Any, where: list[str], params: list[Any], sub: list[str], sub_params: list[Any],
                 hi: dt.date | None, ordering: str, limit: int, offset: int) -> list[tuple] | None:
    """The newest-first page from the last RECENT_DAYS only, when that window holds the whole page (then
    it is exactly the page of the whole table: every row outside the window is older); None otherwise.
    A filter the pair index cannot serve (a country among actors or recipients, a context) then reads a
    year of row groups instead of every one; a dyad's pair rows (`sub`) are cut to the same year."""
    (newest,) = con.execute("SELECT max(date) FROM events" + (" WHERE date <= ?" if hi else ""),
                            [hi] if hi else []).fetchone()
    if newest is None:
        return None
    cutoff = newest - dt.timedelta(days=RECENT_DAYS)
    if sub:  # the dyad condition comes first in `where`, its parameters first in `params`
        where = [_PAIRS_IN.format(" AND ".join([*sub, "date >= ?"])), *where[1:]]
        params = [*sub_params, cutoff, *params[len(sub_params):]]
    conditions = " AND ".join([*where, "date >= ?"])
    sql = f"SELECT id, date FROM events WHERE {conditions} ORDER BY {ordering} LIMIT ? OFFSET ?"
    page = con.execute(sql, [*params, cutoff, limit, offset]).fetchall()
    return page if len(page) == limit else None


_PAIRS_IN = "id IN (SELECT event_id FROM event_pairs WHERE {})"


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One canonical event with everything behind it: its PLOVER record, every mention in every article
    that reported it (with the article's outlet, title and url), and the entities its records named.

    Entities are listed once per (role, code, text, identifier, sector, office, kind) with the number of
    records that named them, actors first. None when there is no such event.
    """
    if not isinstance(event_id, str) or not event_id.strip():
        raise ValueError("event_id is empty")
    with store.read() as con:
        out = _row(con, "SELECT * FROM events WHERE id = ?", event_id.strip())
        if out is None:
            return None
        cur = con.execute(
            'SELECT m.article_id, a.outlet, a.title, a.url, m.sequence, m.start, m."end", m.trigger, m.trigger_start, '
            "m.trigger_end, m.sentence, m.attribution, m.in_caption "
            "FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? "
            "ORDER BY a.pub_date NULLS LAST, m.article_id, m.sequence, m.start", [out["id"]])
        mentions = _dicts(cur)
        cur = con.execute(
            "SELECT role, code, entity_text, identifier_text, sector, office, kind, count(*) AS n_reports "
            "FROM entities WHERE event_id = ? GROUP BY role, code, entity_text, identifier_text, sector, office, kind "
            "ORDER BY role = 'recipient', min(position), code, entity_text", [out["id"]])
        entities = _dicts(cur)
    out["record"] = json.loads(out["record"]) if out.get("record") else None
    out["mentions"] = mentions
    out["entities"] = entities
    return out


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article as stored, with the records coded from it: event ids, types and where the triggers are.

    Each report carries `triggers`, its mentions' trigger words and character offsets in the text
    (for highlighting). A duplicate article (duplicate_of set) has no text of its own; its reports
    repeat the original's. None when there is no such article.
    """
    if not isinstance(article_id, str) or not article_id.strip():
        raise ValueError("article_id is empty")
    with store.read() as con:
        out = _row(con, "SELECT * FROM articles WHERE id = ?", article_id.strip())
        if out is None:
            return None
        cur = con.execute(
            "SELECT r.id AS report_id, r.event_id, r.event_type, r.is_event, r.date, r.date_precision, "
            "r.actor_codes, r.recipient_codes, "
            "list({'trigger': m.trigger, 'trigger_start': m.trigger_start, 'trigger_end': m.trigger_end, "
            "'sequence': m.sequence} ORDER BY m.trigger_start) FILTER (WHERE m.report_id IS NOT NULL) AS triggers "
            "FROM reports r LEFT JOIN mentions m ON m.report_id = r.id "
            "WHERE r.article_id = ? GROUP BY ALL ORDER BY min(m.trigger_start) NULLS LAST, r.id", [out["id"]])
        out["reports"] = _dicts(cur)
    for report in out["reports"]:
        report["triggers"] = report["triggers"] or []
    return out


def top_actors(store: Store, since: DateLike = None, until: DateLike = None, limit: int = 20,
               events_only: bool = True) -> Result:
    """The most active codes: events in which a code is an actor or a recipient (each event once),
    with how many of them it acted in and how many it was the target of."""
    limit = _limit(limit)
    lo, hi = date_range(since, until)
    where: list[str] = []
    params: list[Any] = []
    if lo:
        where.append("date >= ?")
        params.append(lo)
    if hi:
        where.append("date <= ?")
        params.append(hi)
    if events_only:
        where.append("is_event")
    cond = " WHERE " + " AND ".join(where) if where else ""
    # one row per (event, code): a code on both sides of an event (police arresting their own citizens) counts once
    sql = f"""
        SELECT code, count(*) AS events, count(*) FILTER (WHERE list_contains(actor_codes, code)) AS as_actor,
               count(*) FILTER (WHERE list_contains(recipient_codes, code)) AS as_recipient
        FROM (SELECT unnest(list_distinct(list_concat(actor_codes, recipient_codes))) AS code, actor_codes,
                     recipient_codes FROM events{cond})
        WHERE code IS NOT NULL GROUP BY code ORDER BY events DESC, code LIMIT ?"""
    with store.read() as con:
        cur = con.execute(sql, [*params, limit])
        return Result([d[0] for d in cur.description], cur.fetchall())


def stats(store: Store) -> dict[str, Any]:
    """What the store holds, for a status line or a health check.

    `events` counts canonical events that are events; `non_events` the negated and hypothetical
    canonical records kept for inspection (not in `events` nor in `events_by_quad`). first_date and
    last_date span the dated events; last_ingest is the newest run (finished is None while it runs).
    """
    with store.read() as con:
        articles, duplicates, near = con.execute(
            "SELECT count(*), count(duplicate_of), count(near_duplicate_of) FROM articles").fetchone()
        (reports,) = con.execute("SELECT count(*) FROM reports").fetchone()
        n_events, non_events, first, last = con.execute(
            "SELECT count(*) FILTER (WHERE is_event), count(*) FILTER (WHERE NOT is_event OR is_event IS NULL), "
            "min(date) FILTER (WHERE is_event), max(date) FILTER (WHERE is_event) FROM events").fetchone()
        quads = dict(con.execute("SELECT quad_code, count(*) FROM events WHERE is_event AND quad_code IS NOT NULL "
                                 "GROUP BY quad_code").fetchall())
        (rejects,) = con.execute("SELECT count(*) FROM rejects").fetchone()
        (runs,) = con.execute("SELECT count(*) FROM runs").fetchone()
        newest = con.execute("SELECT id, started, finished, status FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return {
        "articles": articles, "duplicates": duplicates, "near_duplicates": near, "reports": reports,
        "events": n_events, "non_events": non_events,
        "events_by_quad": {q: quads.get(q, 0) for q in (1, 2, 3, 4)},
        "rejects": rejects, "first_date": first, "last_date": last,
        "last_ingest": dict(zip(("run", "started", "finished", "status"), newest, strict=True)) if newest else None,
        "runs": runs, "schema_version": int(version[0]) if version else None,
    }


def dyads(store: Store, since: DateLike = None, until: DateLike = None, limit: int = 10, order: str = "events",
          events_only: bool = True) -> Result:
    """Pairs of countries (each unordered pair once), the busiest or the fastest-changing first.

    The current period and the previous one are chosen as in `partners` (by default the 90 days up to
    the store's latest event, and the 90 before). order="events" ranks by events in the current period;
    order="change" by how far the pair's net cooperation (the sum of PLOVER scores) moved from the
    previous period, either way. Pairs are written with the alphabetically first code as `a`.
    """
    if order not in ("events", "change"):
        raise ValueError(f"order must be 'events' or 'change', not {order!r}")
    limit = _limit(limit)
    base = ["country < counterpart", "date IS NOT NULL", "date_precision <> 'year'"]
    if events_only:
        base.append("is_event")
    with store.read() as con:
        window = _window(con, base, [], since, until)
        if window is None:
            return Result(_DYADS_COLUMNS, [])
        prev_lo, lo, hi = window
        ranking = ("events DESC, abs(change_cooperation) DESC" if order == "events"
                   else "abs(change_cooperation) DESC, events DESC")
        sql = f"""
            SELECT country AS a, counterpart AS b,
                   count(*) FILTER (WHERE date >= ?) AS events,
                   round(coalesce(sum(event_scale) FILTER (WHERE date >= ?), 0), 3) AS net_cooperation,
                   count(*) FILTER (WHERE date < ?) AS previous_events,
                   round(coalesce(sum(event_scale) FILTER (WHERE date < ?), 0), 3) AS previous_cooperation,
                   round(coalesce(sum(event_scale) FILTER (WHERE date >= ?), 0)
                         - coalesce(sum(event_scale) FILTER (WHERE date < ?), 0), 3) AS change_cooperation
            FROM event_pairs WHERE {' AND '.join(base)} AND date >= ? AND date <= ?
            GROUP BY country, counterpart ORDER BY {ranking}, a, b LIMIT ?"""
        cur = con.execute(sql, [lo] * 6 + [prev_lo, hi, limit])
        return Result([d[0] for d in cur.description], cur.fetchall())


_DYADS_COLUMNS = ["a", "b", "events", "net_cooperation", "previous_events", "previous_cooperation",
                  "change_cooperation"]


def _window(con: Any, base: list[str], params: list[Any], since: DateLike,
            until: DateLike) -> tuple[dt.date, dt.date, dt.date] | None:
    """(previous period's first day, current period's first day, its last day) for `partners`-style
    comparisons; None when no row matches `base` at all."""
    lo, hi = date_range(since, until)
    if hi is None:
        (hi,) = con.execute(f"SELECT max(date) FROM event_pairs WHERE {' AND '.join(base)}", params).fetchone()
        if hi is None:
            return None
        if lo and lo > hi:
            hi = lo
    if lo is None:
        lo = hi - dt.timedelta(days=PARTNER_WINDOW - 1)
    return lo - dt.timedelta(days=(hi - lo).days + 1), lo, hi


def network(store: Store, country: str, since: DateLike = None, until: DateLike = None, limit: int = 25,
            events_only: bool = True, ranked: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A country's partner network: the country, its `limit` busiest partners (as in `partners`, same
    periods) and the ties among those partners in the current period, for drawing as a graph.

    Returns {"center", "nodes": [{code, events, net_cooperation}], "edges": [{a, b, events,
    net_cooperation}]}: edges from the country to each partner, then between partners that dealt with
    each other. `ranked`, the records of a `partners` call with the same arguments, saves computing
    them again when the caller has them already (a country page shows both).
    """
    code = actor_code(country)
    limit = _limit(limit, 100)
    if ranked is None:
        ranked = partners(store, code, since=since, until=until, limit=limit, events_only=events_only).records()
    active = [p for p in ranked[:limit] if p["events"]]
    edges = [{"a": code, "b": p["counterpart"], "events": p["events"], "net_cooperation": p["net_cooperation"]}
             for p in active]
    others = [p["counterpart"] for p in active]
    if len(others) > 1:
        base = ["date IS NOT NULL", "date_precision <> 'year'"] + (["is_event"] if events_only else [])
        with store.read() as con:
            window = _window(con, [*base, "country = ?"], [code], since, until)
            if window is not None:
                _prev, lo, hi = window
                rows = con.execute(
                    f"SELECT country, counterpart, count(*), round(sum(event_scale), 3) FROM event_pairs "
                    f"WHERE {' AND '.join(base)} AND country < counterpart AND date >= ? AND date <= ? "
                    "AND country IN (SELECT unnest(?::VARCHAR[])) AND counterpart IN (SELECT unnest(?::VARCHAR[])) "
                    "GROUP BY ALL ORDER BY 3 DESC, 1, 2", [lo, hi, others, others]).fetchall()
                edges += [{"a": a, "b": b, "events": n, "net_cooperation": net} for a, b, n, net in rows]
    nodes = [{"code": code, "events": sum(p["events"] for p in active), "net_cooperation":
              round(sum(p["net_cooperation"] for p in active), 3)}]
    nodes += [{"code": p["counterpart"], "events": p["events"], "net_cooperation": p["net_cooperation"]}
              for p in active]
    return {"center": code, "nodes": nodes, "edges": edges}


def evidence(store: Store, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """What to show beside each of some events: its first mention (the sentence, the trigger's offsets
    within it, the attribution, the article), the words that named its actors and recipients, and its
    sources (articles and outlets). For an event list: one query for the whole page."""
    ids = [str(i) for i in event_ids][:MAX_LIMIT]
    if not ids:
        return {}
    marks = _placeholders(len(ids))  # a literal IN list is looked up in the event_id index; a subquery is not
    # plain indexed lookups, chosen and grouped here: a window or an aggregate over them costs more in the
    # database than the few rows of a page cost in Python
    with store.read() as con:
        mentions = con.execute(
            "SELECT event_id, article_id, sentence, trigger, trigger_start - start, trigger_end - start, attribution, "
            f"coalesce(in_caption, false), sequence, start FROM mentions WHERE event_id IN ({marks})", ids).fetchall()
        names = con.execute(f"SELECT event_id, role, entity_text FROM entities WHERE event_id IN ({marks})",
                            ids).fetchall()
        article_ids = sorted({m[1] for m in mentions if m[1]})
        outlets = dict(con.execute(
            f"SELECT id, outlet FROM articles WHERE id IN ({_placeholders(len(article_ids))})",
            article_ids).fetchall()) if article_ids else {}
    out: dict[str, dict[str, Any]] = {}
    for m in sorted(mentions, key=lambda m: (m[0], m[7], m[8] if m[8] is not None else 1 << 30, m[9] or 0, m[1])):
        eid, aid, sentence, trigger, t0, t1, attribution = m[:7]
        if eid not in out:  # the first mention: outside captions, earliest in its article
            out[eid] = {"article_id": aid, "sentence": sentence, "trigger": trigger, "trigger_start": t0,
                        "trigger_end": t1, "attribution": attribution, "actor_texts": set(),
                        "recipient_texts": set(), "outlets": set(), "articles": set()}
        out[eid]["articles"].add(aid)
        if outlets.get(aid):
            out[eid]["outlets"].add(outlets[aid])
    for eid, role, text in names:
        if eid in out and role in ("actor", "recipient") and text:
            out[eid][f"{role}_texts"].add(text)
    for ev in out.values():
        ev["actor_texts"] = sorted(ev["actor_texts"], key=lambda t: (-len(t), t))
        ev["recipient_texts"] = sorted(ev["recipient_texts"], key=lambda t: (-len(t), t))
        ev["outlets"], ev["articles"] = sorted(ev["outlets"]), sorted(a for a in ev["articles"] if a)
    return out


@cache
def code_names() -> dict[str, str]:
    """Display names of actor codes: countries (from the knowledge base), organisations, generic codes."""
    names = {"IGO": "International organisation", "NGO": "Non-governmental organisation",
             "ISM": "Transnational movement", "IMG": "Transnational armed group", "MNC": "Multinational company",
             "UNO": "United Nations", "EUR": "European Union"}
    for row in load_tsv("igos.tsv"):
        names.setdefault(row["code"], row["name"])
    for row in load_tsv("countries.tsv"):
        names[row["iso3"]] = row["name"]
    return names


def search(store: Store, text: str, limit: int = 20) -> Result:
    """Countries and named actors whose name contains `text` (case-insensitively), for a search box:
    countries first (from the knowledge base, with their events in the store), then the store's
    entities by the number of records that name them."""
    limit = _limit(limit, 100)
    needle = (text or "").strip()
    if not needle:
        raise ValueError("search text is empty")
    if len(needle) > MAX_TEXT:
        raise ValueError(f"a search is at most {MAX_TEXT} characters, not {len(needle)}")
    low = needle.lower()
    codes = [c for c, n in code_names().items() if low in n.lower() or low == c.lower()]
    codes.sort(key=lambda c: (c.lower() != low, not code_names()[c].lower().startswith(low), code_names()[c]))
    rows: list[tuple] = []
    with store.read() as con:
        if codes:
            counts = dict(con.execute(
                "SELECT country, count(DISTINCT event_id) FROM event_pairs "
                "WHERE country IN (SELECT unnest(?::VARCHAR[])) GROUP BY country", [codes[:limit]]).fetchall())
            rows += [("country", c, code_names()[c], counts.get(c, 0)) for c in codes[:limit]]
        if len(rows) < limit:
            found = con.execute(
                "SELECT 'actor', code, identifier_text, count(DISTINCT event_id) AS n FROM entities "
                "WHERE identifier_text ILIKE ? ESCAPE '\\' AND kind = 'person' GROUP BY ALL ORDER BY n DESC, 3 LIMIT ?",
                [_like(needle), limit - len(rows)]).fetchall()
            rows += found
    return Result(["kind", "code", "name", "events"], rows)


def _row(con: Any, sql: str, key: str) -> dict[str, Any] | None:
    """The one row a key names, as a dict; None when there is none."""
    cur = con.execute(sql, [key])
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def _dicts(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
