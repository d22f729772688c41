"""The query layer on hand-made stores: rows are inserted directly, the coder never runs."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from communique import query
from communique.model import EVENT_TYPES
from communique.store import SCHEMA_VERSION, Store

D = dt.date


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "s.duckdb")
    s.create()
    return s


def insert(con, table: str, **values) -> None:
    """One row by column name, so a column added to the schema later does not shift the values."""
    names = list(values)
    con.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                list(values.values()))


def add_article(con, article_id: str, outlet: str = "Dawn", pub_date: str = "2025-08-01", text: str = "Some text.",
                duplicate_of: str | None = None, near_duplicate_of: str | None = None) -> None:
    insert(con, "articles", id=article_id, content_hash=f"hash-{article_id}", url=f"https://example.org/{article_id}",
           title=f"Title {article_id}", outlet=outlet, pub_date=pub_date, date_source="metadata", origin="test",
           text=None if duplicate_of else text, duplicate_of=duplicate_of, near_duplicate_of=near_duplicate_of,
           n_reports=1, run_id=1, ingested_at=dt.datetime(2025, 9, 1))


def add_event(con, event_id: str, event_type: str, date: str | None, actor: list[str],
              recipient: list[str] | None = None, precision: str = "day", is_event: bool = True,
              mode: list[str] | None = None,
              context: list[str] | None = None, place: str | None = None, place_country: str | None = None,
              evidence: str = "They met.", article_id: str = "art1", confidence: float = 0.8,
              record: dict | None = None) -> None:
    """One canonical event with its pair rows (both directions), one report, one mention and its entities."""
    recipient = recipient or []
    quad, scale, cameo = EVENT_TYPES[event_type]
    dyad = "-".join(sorted(set(actor) | set(recipient)))
    insert(con, "events", id=event_id, event_type=event_type, is_event=is_event, date=date, date_precision=precision,
           actor_codes=actor, recipient_codes=recipient, dyad=dyad, quad_code=quad, event_scale=scale, cameo=cameo,
           mode=mode or [], context=context or [], place=place, place_country=place_country,
           place_source="text" if place else None, place_resolution=3 if place else None, confidence=confidence,
           n_reports=1, n_articles=1, n_outlets=1, first_article=article_id, evidence=evidence, words="",
           record=json.dumps(record or {"id": event_id, "event": [event_type]}), first_seen=dt.datetime(2025, 9, 1))
    pairs = {(a, r) for a in actor for r in recipient if a != r}
    if not recipient:
        pairs |= {(a, b) for a in actor for b in actor if a != b}
    pairs |= {(b, a) for a, b in pairs}
    for a, b in sorted(pairs):
        insert(con, "event_pairs", event_id=event_id, country=a, counterpart=b, date=date, date_precision=precision,
               event_type=event_type, quad_code=quad, event_scale=scale, is_event=is_event)
    report_id = f"r-{event_id}-{article_id}"
    add_report(con, report_id, event_id, article_id, "Dawn", event_type, date, actor, recipient, is_event, precision)
    add_mention(con, report_id, event_id, article_id, 0, 0, len(evidence), "met", 5, 8, evidence)
    for role, codes in (("actor", actor), ("recipient", recipient)):
        for n, code in enumerate(codes):
            add_entity(con, report_id, event_id, role, n, code)


def add_report(con, report_id: str, event_id: str, article_id: str, outlet: str, event_type: str, date: str | None,
               actor: list[str], recipient: list[str], is_event: bool = True, precision: str = "day") -> None:
    insert(con, "reports", id=report_id, event_id=event_id, article_id=article_id, outlet=outlet, event_type=event_type,
           is_event=is_event, date=date, date_precision=precision, actor_codes=actor, recipient_codes=recipient,
           record=json.dumps({"id": report_id}))


def add_mention(con, report_id: str, event_id: str, article_id: str, sequence: int, start: int, end: int,
                trigger: str, trigger_start: int, trigger_end: int, sentence: str,
                attribution: str | None = None) -> None:
    insert(con, "mentions", report_id=report_id, event_id=event_id, article_id=article_id, sequence=sequence,
           start=start, **{'"end"': end}, trigger=trigger, trigger_start=trigger_start, trigger_end=trigger_end,
           sentence=sentence, attribution=attribution, in_caption=False)


def add_entity(con, report_id: str, event_id: str, role: str, position: int, code: str) -> None:
    insert(con, "entities", report_id=report_id, event_id=event_id, role=role, position=position, code=code,
           entity_text=f"text {code}", identifier_text=f"name {code}", sector="GOV", office=None, kind="state")


# --- Result ------------------------------------------------------------------------------------------------------


def test_result_conversions():
    r = query.Result(["a", "b"], [(1, "x"), (2, "y")])
    assert len(r) == 2
    assert r.records() == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]
    assert list(r) == r.records()
    assert list(r.df().columns) == ["a", "b"] and r.df()["a"].tolist() == [1, 2]
    assert r.arrow().column_names == ["a", "b"] and r.arrow().num_rows == 2
    assert query.Result(["a"], []).df().shape == (0, 1)


# --- dyad --------------------------------------------------------------------------------------------------------


@pytest.fixture
def dyad_store(store: Store) -> Store:
    with store.write() as con:
        add_event(con, "e1", "AGREE", "2025-04-03", ["PAK"], ["BLR"])
        add_event(con, "e2", "CONSULT", "2025-04-20", ["BLR"], ["PAK"])  # other direction
        add_event(con, "e3", "AGREE", "2025-08-01", ["PAK"], ["BLR"])
        add_event(con, "e4", "AGREE", "2025-08-09", ["PAK", "CHN"], ["BLR"])
        add_event(con, "e5", "ACCUSE", "2025-08-10", ["BLR"], ["PAK"])
        add_event(con, "e6", "ASSAULT", "2025-08-11", ["PAK"], ["BLR"])
        add_event(con, "e7", "CONSULT", "2025-08-12", ["PAK"], ["BLR"])
        add_event(con, "e8", "CONSULT", "2025-08-13", ["PAK"], ["BLR"])
        add_event(con, "e9", "AGREE", "2025-08-14", ["PAK"], ["BLR"])
        add_event(con, "neg", "THREATEN", "2025-08-15", ["PAK"], ["BLR"], is_event=False, context=["negation"])
        add_event(con, "month", "AID", "2025-06-01", ["PAK"], ["BLR"], precision="month")
        add_event(con, "year", "SANCTION", "2024-01-01", ["PAK"], ["BLR"], precision="year")
        add_event(con, "other", "AGREE", "2025-05-05", ["PAK"], ["IND"])
        add_event(con, "nodate", "AGREE", None, ["PAK"], ["BLR"])
    return store


def test_dyad_by_month(dyad_store: Store):
    r = query.dyad(dyad_store, "PAK", "BLR", since="2025-04", until="2025-08")
    assert [x["period"] for x in r] == ["2025-04", "2025-06", "2025-08"]
    april, june, august = r.records()
    assert (april["events"], april["quad1"], april["quad2"], april["quad3"], april["quad4"]) == (2, 2, 0, 0, 0)
    assert april["mean_score"] == pytest.approx(2.5)
    assert june["events"] == 1 and june["quad2"] == 1 and june["net_cooperation"] == pytest.approx(10.0)
    # AGREE x3, CONSULT x2, ACCUSE, ASSAULT; the negated THREATEN is no event
    assert (august["events"], august["quad1"], august["quad3"], august["quad4"]) == (7, 5, 1, 1)
    assert august["net_cooperation"] == pytest.approx(5 * 2.5 - 3.0 - 9.0)
    assert august["mean_score"] == pytest.approx(round((5 * 2.5 - 3.0 - 9.0) / 7, 3))
    assert august["top_types"] == "AGREE 3, CONSULT 2, ACCUSE 1"


def test_dyad_two_periods_and_direction(store: Store):
    with store.write() as con:
        add_event(con, "a", "AGREE", "2025-04-03", ["PAK"], ["BLR"])
        add_event(con, "b", "ASSAULT", "2025-08-05", ["BLR"], ["PAK"])
    for a, b in (("PAK", "BLR"), ("blr", "pak")):
        r = query.dyad(store, a, b)
        assert r.columns == ["period", "events", "quad1", "quad2", "quad3", "quad4", "mean_score",
                             "net_cooperation", "top_types"]
        assert r.rows == [("2025-04", 1, 1, 0, 0, 0, 2.5, 2.5, "AGREE 1"), ("2025-08", 1, 0, 0, 0, 1, -9.0, -9.0,
                                                                            "ASSAULT 1")]


def test_dyad_precision_and_events_only(dyad_store: Store):
    months = [x["period"] for x in query.dyad(dyad_store, "PAK", "BLR")]
    assert "2024-01" not in months  # the year-precision event is skipped by month
    years = query.dyad(dyad_store, "PAK", "BLR", by="year").records()
    assert [y["period"] for y in years] == ["2024", "2025"] and years[0]["events"] == 1
    assert years[1]["events"] == 10  # 9 day events and the month one; no-date never
    weeks = [x["period"] for x in query.dyad(dyad_store, "PAK", "BLR", by="week")]
    assert "2025-W23" not in weeks and weeks[0] == "2025-W14"  # the month event cannot sit in a week
    quarters = query.dyad(dyad_store, "PAK", "BLR", by="quarter").records()
    assert [(q["period"], q["events"]) for q in quarters] == [("2025-Q2", 3), ("2025-Q3", 7)]
    with_non = query.dyad(dyad_store, "PAK", "BLR", events_only=False).records()
    assert with_non[-1]["events"] == 8 and with_non[-1]["quad3"] == 2


def test_dyad_checks(dyad_store: Store):
    with pytest.raises(ValueError):
        query.dyad(dyad_store, "PAK", "BLR", by="day")
    with pytest.raises(ValueError):
        query.dyad(dyad_store, "PAK", "BLR'; DROP TABLE events; --")
    with pytest.raises(ValueError):
        query.dyad(dyad_store, "PAK", "BLR", since="2025-09-01", until="2025-01-01")
    with pytest.raises(ValueError):
        query.dyad(dyad_store, "PAK", "BLR", since="last tuesday")
    assert len(query.dyad(dyad_store, "PAK", "XYZ")) == 0


# --- partners ----------------------------------------------------------------------------------------------------


@pytest.fixture
def partner_store(store: Store) -> Store:
    with store.write() as con:
        n = 0

        def add(kind: str, date: str, other: str) -> None:
            nonlocal n
            n += 1
            add_event(con, f"p{n}", kind, date, ["PAK"], [other])

        # current period (since 2025-07-01 .. until 2025-09-29, 91 days); previous 2025-04-01 .. 2025-06-30
        for d in ("2025-07-02", "2025-07-10", "2025-08-01", "2025-09-29"):
            add("AGREE", d, "CHN")
        add("ACCUSE", "2025-08-01", "IND")
        add("ASSAULT", "2025-08-02", "IND")
        add("CONSULT", "2025-08-03", "USA")
        for d in ("2025-04-01", "2025-05-01", "2025-06-01", "2025-06-30"):
            add("ACCUSE", d, "IND")
        add("AGREE", "2025-05-01", "CHN")
        add("AGREE", "2025-05-01", "AFG")  # only in the previous period
        add("AGREE", "2025-03-31", "RUS")  # before the previous period: nowhere
        add("AGREE", "2025-09-30", "RUS")  # after until
        add_event(con, "py", "AGREE", "2025-01-01", ["PAK"], ["TUR"], precision="year")
    return store


def test_partners_ranking_and_change(partner_store: Store):
    r = query.partners(partner_store, "PAK", since="2025-07-01", until="2025-09-29")
    assert r.columns == ["counterpart", "events", "net_cooperation", "mean_score", "cooperative", "conflictual",
                         "previous_events", "change"]
    rows = {x["counterpart"]: x for x in r}
    assert [x["counterpart"] for x in r] == ["CHN", "IND", "USA", "AFG"]
    assert (rows["CHN"]["events"], rows["CHN"]["previous_events"], rows["CHN"]["change"]) == (4, 1, 3)
    assert (rows["IND"]["events"], rows["IND"]["previous_events"], rows["IND"]["change"]) == (2, 4, -2)
    assert (rows["IND"]["cooperative"], rows["IND"]["conflictual"]) == (0, 2)
    assert rows["IND"]["net_cooperation"] == pytest.approx(-12.0) and rows["IND"]["mean_score"] == pytest.approx(-6.0)
    assert (rows["AFG"]["events"], rows["AFG"]["previous_events"], rows["AFG"]["change"]) == (0, 1, -1)
    assert rows["AFG"]["mean_score"] is None and rows["AFG"]["net_cooperation"] == 0
    assert "RUS" not in rows and "TUR" not in rows
    assert len(query.partners(partner_store, "PAK", since="2025-07-01", until="2025-09-29", limit=2)) == 2
    whole_year = [x["counterpart"] for x in query.partners(partner_store, "PAK", since="2025", until="2025")]
    assert "TUR" not in whole_year  # a year-precision event has no place in a window of days
    assert whole_year[:2] == ["IND", "CHN"]


def test_partners_default_window(partner_store: Store):
    # no since: the last 90 days of PAK's data (2025-07-03 .. 2025-09-30) against the 90 days before
    rows = {x["counterpart"]: x for x in query.partners(partner_store, "PAK")}
    assert rows["RUS"]["events"] == 1 and rows["RUS"]["previous_events"] == 0
    assert rows["CHN"]["events"] == 3  # 2025-07-02 falls in the previous window
    assert rows["CHN"]["previous_events"] == 2
    assert rows["IND"]["previous_events"] == 3  # 05-01, 06-01 and 06-30 (from 2025-04-04); 04-01 is older
    assert (rows["AFG"]["events"], rows["AFG"]["change"]) == (0, -1)
    assert list(rows)[-1] == "AFG"
    assert len(query.partners(partner_store, "XYZ")) == 0


# --- agreements --------------------------------------------------------------------------------------------------


def test_agreements_history_and_filters(store: Store):
    with store.write() as con:
        insert(con, "agreements", id="ag1", kind="treaty", name="extradition treaty", parties=["BLR", "PAK"],
               subject="extradition", status="ratified", first_date=D(2025, 4, 1), last_date=D(2025, 8, 1))
        insert(con, "agreements", id="ag2", kind="memorandum", name="MoU on trade", parties=["CHN", "PAK"],
               subject="trade", status="signed", first_date=D(2025, 1, 1), last_date=D(2025, 1, 1))
        steps = [("ag1", "ratified", D(2025, 8, 1)), ("ag1", "signed", D(2025, 4, 1)),
                 ("ag1", "finalized", D(2025, 4, 1)), ("ag1", "proposed", None), ("ag2", "signed", D(2025, 1, 1))]
        for n, (key, status, date) in enumerate(steps):
            insert(con, "agreement_status", agreement_id=key, status=status, date=date, date_precision="day",
                   event_id=f"ev{n}", report_id=f"rep{n}", article_id=f"art{n}", evidence=f"sentence {n}")
    r = query.agreements(store)
    assert [x["id"] for x in r] == ["ag1", "ag2"]  # newest last step first
    ag1 = r.records()[0]
    assert ag1["parties"] == ["BLR", "PAK"] and ag1["status"] == "ratified"
    assert [h["status"] for h in ag1["history"]] == ["finalized", "signed", "ratified", "proposed"]
    assert ag1["history"][0] == {"status": "finalized", "date": D(2025, 4, 1), "date_precision": "day",
                                 "event_id": "ev2", "article_id": "art2", "evidence": "sentence 2"}
    assert [x["id"] for x in query.agreements(store, country="CHN")] == ["ag2"]
    assert [x["id"] for x in query.agreements(store, country="PAK", counterpart="BLR")] == ["ag1"]
    assert [x["id"] for x in query.agreements(store, status="signed")] == ["ag2"]
    assert len(query.agreements(store, country="BLR", counterpart="CHN")) == 0
    assert len(query.agreements(store, limit=1)) == 1
    with pytest.raises(ValueError):
        query.agreements(store, status="sort of agreed")


def test_agreements_empty(store: Store):
    r = query.agreements(store, country="PAK")
    assert len(r) == 0 and r.columns[-1] == "history"


# --- events ------------------------------------------------------------------------------------------------------


@pytest.fixture
def events_store(store: Store) -> Store:
    with store.write() as con:
        add_event(con, "e1", "AGREE", "2025-01-10", ["PAK"], ["BLR"], evidence="Pakistan and Belarus agreed.",
                  place="Minsk", place_country="BLR")
        add_event(con, "e2", "ASSAULT", "2025-02-10", ["BLR"], ["PAK"], mode=["aerial"], evidence="100% of the strike",
                  place="Lahore", place_country="PAK", confidence=0.4)
        add_event(con, "e3", "CONSULT", "2025-03-10", ["IND"], ["PAK"], evidence="India met_with Pakistan.")
        add_event(con, "e4", "ACCUSE", "2025-04-10", ["USA"], ["CHN"], context=["future"], evidence="Washington said.")
        add_event(con, "e5", "THREATEN", "2025-05-10", ["PAK"], ["BLR"], is_event=False, context=["negation"],
                  evidence="It did not threaten.")
        add_event(con, "e6", "AGREE", "2025-06-10", ["CHN", "RUS"], [], evidence="Joint statement of the two.")
    return store


def ids(result: query.Result) -> list[str]:
    return [x["id"] for x in result]


def test_events_columns_and_order(events_store: Store):
    r = query.events(events_store)
    assert r.columns == ["id", "date", "date_precision", "event_type", "quad_code", "event_scale", "actor_codes",
                         "recipient_codes", "mode", "context", "place", "place_country", "confidence", "n_articles",
                         "n_outlets", "evidence"]
    assert ids(r) == ["e6", "e4", "e3", "e2", "e1"]
    assert ids(query.events(events_store, order="date asc")) == ["e1", "e2", "e3", "e4", "e6"]
    assert ids(query.events(events_store, order="confidence desc"))[-1] == "e2"
    assert ids(query.events(events_store, limit=2, offset=1)) == ["e4", "e3"]
    assert ids(query.events(events_store, events_only=False))[1] == "e5"
    with pytest.raises(ValueError):
        query.events(events_store, order="date; DROP TABLE events")


def test_events_filters(events_store: Store):
    assert ids(query.events(events_store, dyad="PAK-BLR")) == ["e2", "e1"]
    assert ids(query.events(events_store, dyad=("BLR", "PAK"))) == ["e2", "e1"]
    assert ids(query.events(events_store, dyad="CHN-RUS")) == ["e6"]  # co-actors are a pair
    assert ids(query.events(events_store, actor="PAK")) == ["e1"]
    assert ids(query.events(events_store, country="PAK")) == ["e3", "e2", "e1"]
    assert ids(query.events(events_store, type="AGREE")) == ["e6", "e1"]
    assert ids(query.events(events_store, type=["assault", "CONSULT"])) == ["e3", "e2"]
    assert ids(query.events(events_store, mode="aerial")) == ["e2"]
    assert ids(query.events(events_store, context="future")) == ["e4"]
    assert ids(query.events(events_store, since="2025-02-10", until="2025-04")) == ["e4", "e3", "e2"]
    assert ids(query.events(events_store, place="minsk")) == ["e1"]
    assert ids(query.events(events_store, place="pak")) == ["e2"]
    assert ids(query.events(events_store, text="BELARUS")) == ["e1"]
    assert ids(query.events(events_store, dyad="PAK-BLR", type="AGREE", since="2025-01-01")) == ["e1"]
    assert ids(query.events(events_store, dyad="PAK-BLR", since="2025-02-01")) == ["e2"]
    with pytest.raises(ValueError):
        query.events(events_store, type="HUG")
    with pytest.raises(ValueError):
        query.events(events_store, dyad="PAK")


def test_events_text_wildcards_are_literal(events_store: Store):
    assert ids(query.events(events_store, text="%")) == ["e2"]  # only the evidence with a real percent sign
    assert ids(query.events(events_store, text="met_with")) == ["e3"]
    assert ids(query.events(events_store, text="_")) == ["e3"]
    assert ids(query.events(events_store, text="a%d")) == []  # would match "agreed" were % a wildcard
    assert ids(query.events(events_store, text="Pakistan_and")) == []  # and _ a single character
    assert ids(query.events(events_store, text="\\")) == []


def test_limits(events_store: Store):
    assert len(query.events(events_store, limit=1000)) == 5
    for bad in (1001, 0, -1, "10"):
        with pytest.raises(ValueError):
            query.events(events_store, limit=bad)
    with pytest.raises(ValueError):
        query.events(events_store, offset=-1)
    with pytest.raises(ValueError):
        query.events(events_store, text="x" * 201)
    assert query.events(events_store, text="x" * 200).rows == []
    with pytest.raises(ValueError):
        query.partners(events_store, "PAK", limit=5000)
    with pytest.raises(ValueError):
        query.top_actors(events_store, limit=1001)
    with pytest.raises(ValueError):
        query.agreements(events_store, limit=1001)


# --- event, article ----------------------------------------------------------------------------------------------


def test_event_detail(store: Store):
    with store.write() as con:
        add_article(con, "art1", outlet="Dawn", pub_date="2025-08-01")
        add_article(con, "art2", outlet="APP", pub_date="2025-08-02")
        add_event(con, "e1", "AGREE", "2025-08-01", ["PAK"], ["BLR"], evidence="They agreed.",
                  record={"id": "e1", "event": ["AGREE"], "quad_code": 1})
        # a second article reporting the same event
        add_report(con, "r2", "e1", "art2", "APP", "AGREE", "2025-08-01", ["PAK"], ["BLR"])
        add_mention(con, "r2", "e1", "art2", 3, 100, 140, "signed", 110, 116, "They signed it.", "officials")
        add_entity(con, "r2", "e1", "actor", 0, "PAK")
    e = query.event(store, "e1")
    assert e is not None
    assert e["event_type"] == "AGREE" and e["actor_codes"] == ["PAK"] and e["date"] == D(2025, 8, 1)
    assert e["record"] == {"id": "e1", "event": ["AGREE"], "quad_code": 1}
    assert [(m["article_id"], m["outlet"], m["trigger"]) for m in e["mentions"]] == [("art1", "Dawn", "met"),
                                                                                     ("art2", "APP", "signed")]
    assert e["mentions"][1]["url"] == "https://example.org/art2" and e["mentions"][1]["end"] == 140
    assert e["mentions"][1]["attribution"] == "officials"
    assert [(x["role"], x["code"], x["n_reports"]) for x in e["entities"]] == [("actor", "PAK", 2),
                                                                               ("recipient", "BLR", 1)]
    assert query.event(store, "nope") is None


def test_article_detail(store: Store):
    with store.write() as con:
        add_article(con, "art1", text="Pakistan and Belarus met. They agreed.")
        add_event(con, "e1", "CONSULT", "2025-08-01", ["PAK"], ["BLR"], article_id="art1")
        add_event(con, "e2", "AGREE", "2025-08-01", ["PAK"], ["BLR"], article_id="art1")
        con.execute("UPDATE mentions SET trigger_start = 30, trigger_end = 36, trigger = 'agreed' "
                    "WHERE event_id = 'e2'")
    a = query.article(store, "art1")
    assert a is not None and a["text"].startswith("Pakistan") and a["outlet"] == "Dawn"
    assert [r["event_id"] for r in a["reports"]] == ["e1", "e2"]
    assert a["reports"][1]["event_type"] == "AGREE"
    assert a["reports"][1]["triggers"] == [{"trigger": "agreed", "trigger_start": 30, "trigger_end": 36,
                                            "sequence": 0}]
    assert query.article(store, "missing") is None


# --- top_actors, stats -------------------------------------------------------------------------------------------


def test_top_actors(events_store: Store):
    r = query.top_actors(events_store)
    rows = {x["code"]: x for x in r}
    assert [x["code"] for x in r][:2] == ["PAK", "BLR"]
    assert (rows["PAK"]["events"], rows["PAK"]["as_actor"], rows["PAK"]["as_recipient"]) == (3, 1, 2)
    assert rows["CHN"]["events"] == 2 and rows["RUS"]["events"] == 1
    assert query.top_actors(events_store, events_only=False).records()[0]["events"] == 4
    assert [x["code"] for x in query.top_actors(events_store, since="2025-04-01")] == ["CHN", "RUS", "USA"]
    assert len(query.top_actors(events_store, limit=1)) == 1


def test_top_actors_counts_an_event_once(store: Store):
    with store.write() as con:
        add_event(con, "d1", "COERCE", "2025-01-01", ["PAK"], ["PAK"])  # police arrest: a code on both sides
    assert query.top_actors(store).rows == [("PAK", 1, 1, 1)]


def test_stats(events_store: Store):
    with events_store.write() as con:
        add_article(con, "art1")
        add_article(con, "art2", duplicate_of="art1")
        add_article(con, "art3", near_duplicate_of="art1")
        con.execute("INSERT INTO runs (id, started, finished, inputs, status) VALUES (1, ?, ?, '[]', 'done')",
                    [dt.datetime(2025, 9, 1), dt.datetime(2025, 9, 1, 1)])
        con.execute("INSERT INTO runs (id, started, finished, inputs, status) VALUES (2, ?, NULL, '[]', 'running')",
                    [dt.datetime(2025, 9, 2)])
        insert(con, "rejects", run_id=2, origin="x.html", reason="no text", rejected_at=dt.datetime(2025, 9, 2))
    s = query.stats(events_store)
    assert (s["articles"], s["duplicates"], s["near_duplicates"]) == (3, 1, 1)
    assert s["reports"] == 6 and s["events"] == 5 and s["non_events"] == 1
    assert s["events_by_quad"] == {1: 3, 2: 0, 3: 1, 4: 1}
    assert s["rejects"] == 1 and s["runs"] == 2 and s["schema_version"] == SCHEMA_VERSION
    assert (s["first_date"], s["last_date"]) == (D(2025, 1, 10), D(2025, 6, 10))
    assert s["last_ingest"]["run"] == 2 and s["last_ingest"]["status"] == "running"
    assert s["last_ingest"]["finished"] is None


def test_stats_empty(store: Store):
    s = query.stats(store)
    assert s["events"] == 0 and s["last_ingest"] is None and s["first_date"] is None
    assert s["events_by_quad"] == {1: 0, 2: 0, 3: 0, 4: 0}


# --- the dashboard's questions, on the demo store (conftest.web_db) -----------------------------------------


def test_evidence_gives_each_event_its_first_mention_with_the_trigger_inside(web_db):
    store = Store(web_db)
    page = query.events(store, dyad="PAK-BLR", limit=20).records()
    found = query.evidence(store, [e["id"] for e in page])
    assert set(found) == {e["id"] for e in page}
    for ev in found.values():
        assert ev["sentence"][ev["trigger_start"]:ev["trigger_end"]] == ev["trigger"]
        assert ev["articles"] and ev["actor_texts"]
    merged = max(page, key=lambda e: e["n_articles"])
    assert merged["n_articles"] >= 2 and len(found[merged["id"]]["articles"]) == merged["n_articles"]
    assert query.evidence(store, []) == {}


def test_dyads_rank_pairs_once_each_and_by_change(web_db):
    store = Store(web_db)
    busiest = query.dyads(store, limit=5).records()
    assert busiest and all(d["a"] < d["b"] for d in busiest)
    assert busiest[0]["events"] >= busiest[-1]["events"]
    changing = query.dyads(store, order="change", limit=5).records()
    moves = [abs(d["change_cooperation"]) for d in changing]
    assert moves == sorted(moves, reverse=True)
    with pytest.raises(ValueError, match="order"):
        query.dyads(store, order="loudest")


def test_network_has_the_country_its_partners_and_their_ties(web_db):
    net = query.network(Store(web_db), "ECU", since="2025-01-01", until="2025-12-31")
    codes = [n["code"] for n in net["nodes"]]
    assert net["center"] == "ECU" and codes[0] == "ECU" and "PER" in codes
    assert {(e["a"], e["b"]) for e in net["edges"]} >= {("ECU", "PER")}
    assert all(e["a"] in codes and e["b"] in codes for e in net["edges"])


def test_search_finds_countries_first_then_people(web_db):
    store = Store(web_db)
    found = query.search(store, "bela").records()
    assert found[0]["code"] == "BLR" and found[0]["kind"] == "country" and found[0]["events"] > 0
    people = query.search(store, "Kubrakov").records()
    assert any(r["kind"] == "actor" and r["code"] == "BLR" for r in people)
    with pytest.raises(ValueError):
        query.search(store, "  ")


def test_dates_outside_the_supported_years_are_refused(web_db):
    with pytest.raises(ValueError, match="between the years"):
        query.dyads(Store(web_db), since="0001")
