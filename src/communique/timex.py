"""Date expressions: find explicit dates and resolve relative ones against a base date.

Shared by ingest (inferring a publication date) and the `when` stage (dating each event).
Common newswire forms are handled by rules because they are fast and because dateparser gets
some of them wrong for news ("on Wednesday" in a story dated Wednesday means that day; it knows
nothing of "earlier this year"); anything else falls back to dateparser with RELATIVE_BASE.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('month', 'month2')}\s*,?\s+(?P<year2>(?:19|20)\d\d)"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))\b",
    re.IGNORECASE,
)
WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)

Resolved = tuple[str, str]  # (ISO date, precision)


def parse_iso(value: str | None) -> dt.date | None:
    """The date part of an ISO 8601 string ("2025-03-14 20:30:26Z" included), or None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def find_full_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Every explicit day-month-year date in the text, with its character span."""
    out = []
    for m in FULL_DATE.finditer(text):
        try:
            if m["iy"]:
                d = dt.date(int(m["iy"]), int(m["im"]), int(m["id"]))
            elif m["month"]:
                d = dt.date(int(m["year"]), month_number(m["month"]), int(m["day"]))
            else:
                d = dt.date(int(m["year2"]), month_number(m["month2"]), int(m["day2"]))
        except (ValueError, KeyError):
            continue
        out.append((m.start(), m.end(), d))
    return out


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+{_MONTH}\s+(?P<day>\d{{1,2}})\b"
    rf"(?!,?\s*(?:19|20)\d\d)", re.IGNORECASE)


def weekday_dates(text: str, latest: dt.date | None = None) -> list[dt.date]:
    """Dates written as "Thursday, January 16" with no year: the latest year whose calendar agrees."""
    latest = latest or dt.date.today()
    out = []
    for m in WEEKDAY_DATE.finditer(text):
        month, day, wd = month_number(m["month"]), int(m["day"]), WEEKDAYS[m["wd"].lower()]
        for year in range(latest.year, latest.year - 12, -1):
            try:
                d = dt.date(year, month, day)
            except ValueError:
                break
            if d <= latest and d.weekday() == wd:
                out.append(d)
                break
    return out


def weekdays_mentioned(text: str) -> set[int]:
    return {WEEKDAYS[w.lower()] for w in WEEKDAY_RE.findall(text)}


def _month_start(year: int, month: int) -> dt.date:
    while month < 1:
        month, year = month + 12, year - 1
    while month > 12:
        month, year = month - 12, year + 1
    return dt.date(year, month, 1)


def _day(d: dt.date) -> Resolved:
    return d.isoformat(), "day"


def _week(d: dt.date) -> Resolved:
    return d.isoformat(), "week"


def _month(d: dt.date) -> Resolved:
    return d.isoformat()[:7] + "-01", "month"


def _year(year: int) -> Resolved:
    return f"{year:04d}-01-01", "year"


def _weekday(target: int, base: dt.date, future: bool, strict: bool) -> dt.date:
    if future:
        delta = (target - base.weekday()) % 7 or 7
        return base + dt.timedelta(days=delta)
    delta = (base.weekday() - target) % 7
    if strict and delta == 0:
        delta = 7
    return base - dt.timedelta(days=delta)


def _month_name(month: int, base: dt.date, future: bool) -> int:
    """The year of a bare month name: the latest one not after the base, or the next one."""
    if future:
        return base.year if month >= base.month else base.year + 1
    return base.year if month <= base.month else base.year - 1


_REL = re.compile(
    r"^(?:(?:on|by|since|from|until|in|at|during|over|of|for)\s+)?(?:the\s+)?(?:(?:early|late|mid|end of|"
    r"start of|beginning of)[ -])?(?P<rest>.+?)$", re.IGNORECASE)
_AGO = re.compile(r"^(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
                  r"(?P<unit>day|week|month|year)s?\s+ago$")


def resolve(expr: str, base: dt.date, tense: str = "past") -> Resolved | None:
    """Resolve a date expression against `base` (the publication date); None when too vague."""
    return _resolve_cached(" ".join(expr.lower().replace("’", "'").split()), base, tense == "future")


@lru_cache(maxsize=4096)
def _resolve_cached(expr: str, base: dt.date, future: bool) -> Resolved | None:
    explicit = find_full_dates(expr)
    if explicit:
        return _day(explicit[0][2])
    m = _REL.match(expr)
    rest = m["rest"] if m else expr
    rest = re.sub(r"^(earlier|later|last|this|next|past|coming)\s+(this|last|next)\s+", r"\1 \2 ", rest)
    hit = _rule(rest.strip(" ,."), base, future)
    if hit is not None:
        return hit or None
    if not _DATELIKE.search(expr):
        return None  # "a day", "hours", "the same day": durations and vague words, not dates
    return _dateparser(expr, base, future)


SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_DATELIKE = re.compile(rf"\d|{_MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
                       r"today|tomorrow|tonight", re.IGNORECASE)


def _rule(rest: str, base: dt.date, future: bool) -> Resolved | None | bool:
    """Newswire rules. Returns a resolution, False for known-vague phrases, None for unknown."""
    if rest in {"today", "this morning", "this afternoon", "this evening", "tonight", "now"}:
        return _day(base)
    if rest in {"yesterday", "last night", "yesterday morning", "yesterday evening"}:
        return _day(base - dt.timedelta(days=1))
    if rest in {"tomorrow", "tomorrow morning"}:
        return _day(base + dt.timedelta(days=1))
    words = rest.split()
    if words and words[-1] in WEEKDAYS and len(words) <= 3:
        target = WEEKDAYS[words[-1]]
        mod = words[0] if len(words) > 1 else ""
        if mod == "next" or (future and mod != "last"):
            return _day(_weekday(target, base, True, True))
        return _day(_weekday(target, base, False, mod == "last"))
    monday = base - dt.timedelta(days=base.weekday())
    weeks = {"this week": 0, "earlier this week": 0, "later this week": 0, "last week": -1,
             "past week": -1, "next week": 1, "coming week": 1, "week": 0}
    if rest in weeks:
        return _week(monday + dt.timedelta(weeks=weeks[rest]))
    if "weekend" in rest and len(words) <= 3:
        saturday = monday + dt.timedelta(days=5)
        if "next" in words or "coming" in words or (future and "last" not in words):
            return _week(saturday if saturday > base else saturday + dt.timedelta(weeks=1))
        return _week(saturday if saturday <= base else saturday - dt.timedelta(weeks=1))
    months = {"this month": 0, "earlier this month": 0, "later this month": 0, "last month": -1,
              "past month": -1, "next month": 1, "coming month": 1}
    if rest in months:
        return _month(_month_start(base.year, base.month + months[rest]))
    years = {"this year": 0, "earlier this year": 0, "later this year": 0, "last year": -1,
             "past year": -1, "next year": 1, "coming year": 1}
    if rest in years:
        return _year(base.year + years[rest])
    season = next((w for w in words if w in SEASONS), None)
    if season and len(words) <= 3:  # "last summer", "this spring": the season's first month
        month = SEASONS[season]
        year = base.year
        if "last" in words or "past" in words:
            year = base.year - 1 if (month + 2) >= base.month else base.year
        elif "next" in words or "coming" in words or (future and "this" not in words):
            year = base.year if month > base.month else base.year + 1
        elif month > base.month and "this" not in words:
            year = base.year - 1
        return _month(dt.date(year, month, 1))
    m = _AGO.match(rest)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else NUMBERS[m["n"]]
        unit = m["unit"]
        if unit == "day":
            return _day(base - dt.timedelta(days=n))
        if unit == "week":
            return _week(monday - dt.timedelta(weeks=n))
        if unit == "month":
            return _month(_month_start(base.year, base.month - n))
        return _year(base.year - n)
    m = re.fullmatch(rf"(?P<mod>last|this|next|coming|past)\s+{_MONTH}", rest)
    if m:  # "last October": the latest October before this month; "next March": the first after it
        month = month_number(m["month"])
        if m["mod"] in {"last", "past"}:
            year = base.year if month < base.month else base.year - 1
        elif m["mod"] == "this":
            year = base.year
        else:
            year = base.year if month > base.month else base.year + 1
        return _month(dt.date(year, month, 1))
    m = re.fullmatch(rf"{_MONTH}(?:\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year",
                     rest)
    if m:  # "November last year", "March 3 of this year": the month (or day) in the year named
        year = base.year + {"last": -1, "this": 0, "next": 1}[m["rel"]]
        month = month_number(m["month"])
        if not m["d"]:
            return _month(dt.date(year, month, 1))
        try:
            return _day(dt.date(year, month, int(m["d"])))
        except ValueError:
            return False
    m = re.fullmatch(rf"{_MONTH}(?:\s+(?P<y>(?:19|20)\d\d))?", rest)
    if m:
        month = month_number(m["month"])
        year = int(m["y"]) if m["y"] else _month_name(month, base, future)
        return _month(dt.date(year, month, 1))
    m = re.fullmatch(rf"(?:{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                     rf"(?:of\s+)?{_MONTH.replace('month', 'month2')})", rest)
    if m:
        month = month_number(m["month"] or m["month2"])
        day = int(m["d"] or m["d2"])
        year = _month_name(month, base, future)
        try:
            return _day(dt.date(year, month, day))
        except ValueError:
            return False
    m = re.fullmatch(r"((?:19|20)\d\d)", rest)
    if m:
        return _year(int(m[1]))
    vague = ("recent", "recently", "months", "weeks", "years", "days", "decade", "time", "past",
             "future", "soon", "later", "earlier", "previously", "now", "century", "ago", "the")
    if any(w in vague for w in words):
        return False
    return None


def _dateparser(expr: str, base: dt.date, future: bool) -> Resolved | None:
    import dateparser  # imported late: it is slow to load and rarely needed

    settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12),
                "PREFER_DATES_FROM": "future" if future else "past",
                "RETURN_TIME_AS_PERIOD": True, "REQUIRE_PARTS": [], "STRICT_PARSING": False}
    try:
        data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(expr)
    except Exception:  # dateparser raises assorted errors on odd strings; a date is never worth a crash
        return None
    if not data or not data.date_obj:
        return None
    d = data.date_obj.date()
    if abs((d - base).days) > 365 * 80:
        return None
    period = data.period or "day"
    if period == "time":
        period = "day"
    return {"day": _day, "week": _week, "month": _month}.get(period, lambda x: _year(x.year))(d)
