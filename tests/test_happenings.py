"""The cross-article matcher alone: which two reports are one happening."""

from __future__ import annotations

import datetime as dt

from communique.store.happenings import Happening, match, words


def _hap(id_: str, evidence: str, topic: str | None = None, day: str = "2025-10-14", article: str = "a",
         etype: str = "AGREE", actor=("GHA", "CIV"), recipient=()) -> Happening:
    return Happening(id=id_, event_type=etype, is_event=True, dyad="CIV-GHA", date=dt.date.fromisoformat(day),
                     precision="day", undated=False, actor=frozenset(actor), recipient=frozenset(recipient),
                     mode=frozenset(), place=None, lat=None, lon=None, topic=topic, words=words(evidence),
                     articles={article})


def test_one_deal_named_by_two_of_its_matters_is_one_happening():
    stored = _hap("e1", "Ghana and Ivory Coast agreed to align cocoa prices and set up a joint committee "
                        "against smuggling.", topic="cocoa price")
    report = _hap("r", "The two producers struck a deal creating a joint anti-smuggling committee.",
                  topic="committee", article="b")
    assert match(report, [stored]) is stored


def test_two_deals_on_different_matters_the_same_day_stay_apart():
    stored = _hap("e1", "Ghana and Ivory Coast agreed to align cocoa prices.", topic="cocoa price")
    report = _hap("r", "Ghana and Ivory Coast agreed on an extradition arrangement for fugitives.",
                  topic="extradition", article="b")
    assert match(report, [stored]) is None


def test_reports_two_days_apart_are_two_happenings():
    stored = _hap("e1", "Ghana and Ivory Coast agreed to align cocoa prices.", topic="cocoa price")
    report = _hap("r", "Ghana and Ivory Coast agreed to align cocoa prices.", topic="cocoa price",
                  day="2025-10-16", article="b")
    assert match(report, [stored]) is None


def test_two_records_of_one_article_never_merge():
    stored = _hap("e1", "Ghana and Ivory Coast agreed to align cocoa prices.", topic="cocoa price")
    report = _hap("r", "Ghana and Ivory Coast agreed to align cocoa prices.", topic="cocoa price")
    assert match(report, [stored]) is None


def test_an_attack_told_with_the_attacker_only_joins_the_fuller_report():
    stored = _hap("e1", "Russian drones hit the port of Odesa overnight.", etype="ASSAULT",
                  actor=("RUS",), recipient=("UKR",))
    report = _hap("r", "Russia launched dozens of drones overnight.", etype="ASSAULT", actor=("RUS",),
                  article="b")
    assert match(report, [stored]) is stored


def test_an_attack_in_the_opposite_direction_the_same_day_is_another_happening():
    stored = _hap("e1", "Russian drones hit the port of Odesa overnight.", etype="ASSAULT",
                  actor=("RUS",), recipient=("UKR",))
    report = _hap("r", "Ukrainian drones struck Russian oil refineries overnight.", etype="ASSAULT",
                  actor=("UKR",), recipient=("RUS",), article="b")
    assert match(report, [stored]) is None


def test_a_return_visit_is_another_happening():
    stored = _hap("e1", "Kenya's president visited Uganda.", etype="CONSULT", actor=("KEN",), recipient=("UGA",))
    report = _hap("r", "Uganda's president visited Kenya.", etype="CONSULT", actor=("UGA",), recipient=("KEN",),
                  article="b")
    assert match(report, [stored]) is None
