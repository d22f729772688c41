"""The web app through its real HTTP interface (in-process ASGI client) over a real store: every page,
the API, escaping, no foreign URLs, bounded and clear errors."""

from __future__ import annotations

import re
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from communique.store import StoreError
from communique.web import create_app
from communique.web.highlight import Segment, evidence_segments, segments
from communique.web.views import timeline


@pytest.fixture(scope="module")
def client(web_db: Path) -> TestClient:
    return TestClient(create_app(web_db))


def first_event(client: TestClient, **params) -> dict:
    items = client.get("/api/v1/events", params={"limit": 1, **params}).json()["items"]
    assert items, params
    return items[0]


class Links(HTMLParser):
    """Every URL a page refers to: href, src, action, srcset, and url(...) in style attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src", "action", "srcset", "poster", "data"):
            if a.get(key):
                self.urls.append(a[key])
        self.urls += re.findall(r"url\(([^)]*)\)", a.get("style") or "")
        if tag == "script":
            self.scripts.append(a)


def is_local(url: str) -> bool:
    url = url.strip().strip("'\"")
    return url.startswith(("/", "#", "?")) and not url.startswith("//")


PAGES = ["/", "/country/PAK", "/dyad/PAK/BLR", "/agreements", "/agreements?country=PAK", "/docs", "/search?q=bel",
         "/dyad/ECU/PER?by=week", "/country/NIC", "/article/hostile-1", "/article/demo-pakblr-01"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_and_refers_only_to_this_server(client, path):
    r = client.get(path, follow_redirects=True)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    links = Links()
    links.feed(r.text)
    foreign = [u for u in links.urls if not is_local(u)]
    assert not foreign, foreign
    for script in links.scripts:  # no inline code: each script is a local file or a JSON data block
        assert script.get("src") or script.get("type") == "application/json", script
    for url in links.urls:
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url


def test_the_pages_reached_by_links_from_home_are_local_too(client):
    """A small crawl: home, then every page it links to, then theirs (50 pages at most)."""
    seen, queue = set(), ["/"]
    while queue and len(seen) < 50:
        path = queue.pop(0)
        if path in seen or path.startswith(("/static/", "/api/")):
            continue
        seen.add(path)
        r = client.get(path)
        assert r.status_code == 200, path
        links = Links()
        links.feed(r.text)
        assert all(is_local(u) for u in links.urls), (path, [u for u in links.urls if not is_local(u)])
        queue += [u.split("#")[0] for u in links.urls if u.startswith("/") and u.split("#")[0] not in seen]
    assert len(seen) >= 20


def test_hostile_text_is_escaped_everywhere(client):
    reports = client.get("/api/v1/articles/hostile-1").json()["reports"]
    assert reports, "the hostile article should code (its signing is an event)"
    article = client.get("/article/hostile-1").text
    pages = [article, client.get("/dyad/NER/TCD").text, client.get("/country/TCD").text,
             client.get(f"/event/{reports[0]['event_id']}").text]
    assert "Evil Wire" in pages[-1]  # the hostile outlet name is on the event page, as text
    for html in pages:
        assert "<script>window.__pwned" not in html
        assert "<img src=x" not in html
        assert 'onmouseover="window' not in html and 'onfocus="window' not in html
    assert "&lt;script&gt;window.__pwned" in article  # shown as text, not dropped
    assert "href=\"javascript:" not in article


def test_dyad_api_has_april_and_august(client):
    data = client.get("/api/v1/dyad/PAK/BLR", params={"by": "month"}).json()
    periods = {p["period"]: p for p in data["periods"]}
    assert periods["2025-04"]["events"] >= 1 and periods["2025-08"]["events"] >= 3
    assert all(p["quad1"] + p["quad2"] >= p["quad3"] + p["quad4"] for p in periods.values())


def test_events_api_pages_and_downloads(client):
    page = client.get("/api/v1/events", params={"dyad": "PAK-BLR", "limit": 3}).json()
    assert page["count"] == 3 and page["next"]
    following = client.get(page["next"]).json()
    assert following["offset"] == 3
    assert not {e["id"] for e in page["items"]} & {e["id"] for e in following["items"]}
    csv = client.get("/api/v1/events", params={"dyad": "PAK-BLR", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    assert csv.text.splitlines()[0].startswith("id,date,date_precision,event_type")
    one = client.get(f"/api/v1/events/{page['items'][0]['id']}").json()
    assert one["mentions"] and one["record"]["event"]


def test_search_goes_straight_to_a_single_country(client):
    r = client.get("/search", params={"q": "Belarus"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/country/BLR"
    assert "Pakistan" in client.get("/search", params={"q": "pak"}, follow_redirects=True).text


@pytest.mark.parametrize("path, status", [
    ("/country/%3Cb%3E", 400), ("/dyad/PAK/BLR?since=yesterday", 422), ("/dyad/PAK/BLR?page=0", 422),
    ("/dyad/PAK/BLR?type=PARTY", 400), ("/event/nope", 404), ("/article/nope", 404), ("/nowhere", 404),
    ("/api/v1/events?limit=100000", 422), ("/api/v1/events?offset=-1", 422), ("/api/v1/events?type=PARTY", 400),
    ("/api/v1/dyad/PAK/BLR?by=day", 422), ("/api/v1/events?since=2025-02-30", 400),
    ("/api/v1/events?since=2026-01-01&until=2025-01-01", 400), ("/api/v1/events/nope", 404),
    ("/api/v1/agreements?status=lost", 400), ("/api/v1/search?q=", 422),
])
def test_bad_requests_get_a_clear_4xx(client, path, status):
    r = client.get(path)
    assert r.status_code == status, r.text[:300]
    if path.startswith("/api/"):
        body = r.json()
        assert body["status"] == status and body["error"] and "Traceback" not in body["error"]
    else:
        assert "Traceback" not in r.text and "<h1>" in r.text


def test_limits_on_requests(client):
    assert client.post("/api/v1/events").status_code == 405
    assert client.get("/api/v1/events?q=" + "x" * 3000).status_code == 414
    assert client.request("GET", "/api/v1/stats", content=b"x" * 10).status_code == 413
    assert client.get("/api/v1/stats", headers={"content-length": "ten"}).status_code in (400, 413)
    assert client.get("/api/v1/events?q=" + "x" * 201).status_code == 422


def test_a_missing_store_is_refused_with_its_reason(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "none.duckdb")


def test_highlights_mark_trigger_actor_and_recipient():
    sentence = "Kubrakov met Sharif in Islamabad on Wednesday."
    segs = evidence_segments(sentence, (9, 12), ["Ivan Kubrakov"], ["Shehbaz Sharif", "Sharif"])
    assert [(s.text, s.role) for s in segs if s.role] == [("Kubrakov", "actor"), ("met", "trigger"),
                                                         ("Sharif", "recipient")]
    assert "".join(s.text for s in segs) == sentence
    # overlapping spans: the first placed wins, nothing is duplicated or lost
    assert segments("abcdef", [(1, 4, "trigger", None, None), (2, 5, "actor", None, None)]) == [
        Segment("a", None), Segment("bcd", "trigger"), Segment("ef", None)]
    assert evidence_segments("Pakistan and Belarus agreed.", (99, 120), ["Belarus"]) == [
        Segment("Pakistan and ", None), Segment("Belarus", "actor"), Segment(" agreed.", None)]


def test_timeline_fills_quiet_months_with_zeros():
    rows = timeline([{"period": "2025-04", "events": 1, "quad1": 1, "mean_score": 2.5},
                     {"period": "2025-08", "events": 3, "quad1": 2, "quad2": 1, "mean_score": 4.0}], "month")
    months = sorted({r["period"] for r in rows})
    assert months == ["2025-04", "2025-05", "2025-06", "2025-07", "2025-08"]
    assert sum(r["events"] for r in rows if r["period"] == "2025-06") == 0
    assert sum(r["events"] for r in rows if r["period"] == "2025-08") == 3
