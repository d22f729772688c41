"""The agreements registry: one instrument however it is named, with its steps in order."""

from __future__ import annotations

from communique.model import Entity, Event, Instrument, Mention
from communique.store import Store, agreements

PAK = Entity("PAK", "Pakistan", "Pakistan")
BLR = Entity("BLR", "Belarus", "Belarus")
IND = Entity("IND", "India", "India")


def _event(kind, name, status, date, subject=None, parties=(PAK, BLR), context=()):
    m = Mention("a1", 0, 0, 10, f"They {status} the {name}.", status, 5, 9)
    return Event("a1", "SUPPORT", parties, (), date=date, mentions=(m,), context=context,
                 instrument=Instrument(kind, name, status, subject))


def _registry(tmp_path, events):
    store = Store(tmp_path / "s.duckdb")
    store.create()
    with store.write() as con:
        for n, e in enumerate(events):
            agreements.record(con, f"e{n}", f"r{n}", "a1", e)
    with store.read() as con:
        return con.execute("SELECT kind, status, first_date, last_date, "
                           "(SELECT list(status ORDER BY date) FROM agreement_status s WHERE s.agreement_id = a.id) "
                           "FROM agreements a ORDER BY kind").fetchall()


def test_one_treaty_named_two_ways_takes_both_steps(tmp_path):
    rows = _registry(tmp_path, [
        _event("agreement", "extradition agreement", "finalized", "2025-08-27", "extradition"),
        _event("treaty", "extradition treaty", "ratified", "2025-11-03", "extradition"),
    ])
    assert len(rows) == 1
    kind, status, first, last, steps = rows[0]
    assert (kind, status, str(first), str(last), steps) == ("agreement", "ratified", "2025-08-27", "2025-11-03",
                                                            ["finalized", "ratified"])


def test_different_subjects_parties_and_kinds_stay_apart(tmp_path):
    rows = _registry(tmp_path, [
        _event("agreement", "extradition agreement", "signed", "2025-08-27", "extradition"),
        _event("agreement", "trade agreement", "signed", "2025-08-27", "trade"),
        _event("agreement", "extradition agreement", "signed", "2025-08-27", "extradition", parties=(PAK, IND)),
        _event("memorandum of understanding", "MoU", "signed", "2025-08-27"),
    ])
    assert len(rows) == 4


def test_future_steps_are_proposals_and_negated_ones_are_no_steps(tmp_path):
    rows = _registry(tmp_path, [
        _event("treaty", "border treaty", "signed", "2025-09-01", "border", context=("future",)),
        _event("treaty", "border treaty", "ratified", "2025-09-02", "border", context=("negation",)),
    ])
    assert [(r[1], r[4]) for r in rows] == [("proposed", ["proposed"])]


def test_same_day_lifecycle_order_sets_the_status(tmp_path):
    rows = _registry(tmp_path, [
        _event("protocol", "protocol on visas", "signed", "2025-08-27", "visas"),
        _event("protocol", "protocol on visas", "agreed", "2025-08-27", "visas"),
    ])
    assert rows[0][1] == "signed"
