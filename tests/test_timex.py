import datetime as dt

import pytest

from communique import timex

WED = dt.date(2025, 8, 27)  # a Wednesday


@pytest.mark.parametrize(("expr", "tense", "expected"), [
    ("on Wednesday", "past", ("2025-08-27", "day")),  # the story's own day, not a week before
    ("on Tuesday", "past", ("2025-08-26", "day")),
    ("on Tuesday", "future", ("2025-09-02", "day")),
    ("last Friday", "past", ("2025-08-22", "day")),
    ("in April", "past", ("2025-04-01", "month")),
    ("in October", "past", ("2024-10-01", "month")),
    ("in October", "future", ("2025-10-01", "month")),
    ("last October", "past", ("2024-10-01", "month")),
    ("last August", "past", ("2024-08-01", "month")),  # not the current month
    ("last July", "past", ("2025-07-01", "month")),
    ("next March", "future", ("2026-03-01", "month")),
    ("last week", "past", ("2025-08-18", "week")),
    ("over the weekend", "past", ("2025-08-23", "week")),
    ("earlier this year", "past", ("2025-01-01", "year")),
    ("earlier this month", "past", ("2025-08-01", "month")),
    ("yesterday", "past", ("2025-08-26", "day")),
    ("two days ago", "past", ("2025-08-25", "day")),
    ("March 3", "past", ("2025-03-03", "day")),
    ("August 27, 2025", "past", ("2025-08-27", "day")),
    ("in 2019", "past", ("2019-01-01", "year")),
    ("in November last year", "past", ("2024-11-01", "month")),  # the month of the year named
    ("October this year", "future", ("2025-10-01", "month")),
    ("March 3 of next year", "future", ("2026-03-03", "day")),
])
def test_resolve(expr, tense, expected):
    assert timex.resolve(expr, WED, tense) == expected


def test_vague_expressions_resolve_to_nothing():
    assert timex.resolve("in recent months", WED) is None
    assert timex.resolve("recently", WED) is None


def test_full_dates_are_found_with_spans():
    text = "Ministers met in Islamabad on August 27, 2025 and again on 3 Sept 2025."
    found = timex.find_full_dates(text)
    assert [d.isoformat() for _s, _e, d in found] == ["2025-08-27", "2025-09-03"]
    assert text[found[0][0]:found[0][1]] == "August 27, 2025"


@pytest.mark.parametrize(("expr", "tense", "expected"), [
    ("last summer", "past", ("2024-06-01", "month")),  # story dated 2025-08-27: the summer before
    ("this summer", "past", ("2025-06-01", "month")),
    ("next spring", "future", ("2026-03-01", "month")),
    ("a day", "past", None),  # a duration, not a date
    ("the same day", "past", None),
])
def test_seasons_and_durations(expr, tense, expected):
    assert timex.resolve(expr, WED, tense) == expected
