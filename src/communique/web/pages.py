"""The server-rendered pages: home, country, dyad, event, agreements, article, search.

Each handler asks the query layer (inside one `store.session()`, so a page opens the file once),
shapes the answers with `views` and renders a Jinja2 template with autoescaping on: article text is
only ever inserted as escaped text. Filters live in the URL, so every view is a shareable link.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__, query
from ..model import EVENT_TYPES
from ..resources import load_yaml
from . import views
from .highlight import Span, evidence_segments, segments

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
MAX_PAGE = 400

_env = Environment(loader=PackageLoader("communique.web", "templates"), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True)
_env.globals.update(name=views.name, arrow=views.arrow, quads=views.QUADS, quad_colours=views.QUAD_COLOURS,
                    version=__version__, event_types=EVENT_TYPES)

Day = Annotated[str | None, Query(max_length=10, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]
Codes = Annotated[list[str] | None, Query(max_length=24)]


def render(template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(template).render(**context))


def render_error(status: int, message: str) -> str:
    return _env.get_template("error.html").render(status=status, message=message)


def _store(request: Request):
    return request.app.state.store


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = _store(request)
    with store.session():
        stats = query.stats(store)
        busiest = query.dyads(store, limit=10).records()
        changing = query.dyads(store, order="change", limit=10).records()
        # the last 90 days, as for the dyads: what is active now, and a scan of days rather than of years
        recent = stats["last_date"] - dt.timedelta(days=query.PARTNER_WINDOW - 1) if stats["last_date"] else None
        actors = query.top_actors(store, since=recent, limit=12).records()
    return render("home.html", stats=stats, busiest=busiest, changing=changing, actors=actors)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=query.MAX_TEXT)] = "") -> HTMLResponse:
    if not q.strip():
        return render("search.html", q=q, results=[])
    results = query.search(_store(request), q, limit=30).records()
    countries = [r for r in results if r["kind"] == "country"]
    if len(countries) == 1 and (len(results) == 1 or countries[0]["code"].lower() == q.strip().lower()):
        return RedirectResponse(f"/country/{countries[0]['code']}", status_code=303)  # type: ignore[return-value]
    return render("search.html", q=q, results=results)


@router.get("/country/{code}", response_class=HTMLResponse)
def country(request: Request, code: str, since: Day = None, until: Day = None) -> HTMLResponse:
    store = _store(request)
    code = query.actor_code(code)
    with store.session():
        partners = query.partners(store, code, since=since or None, until=until or None, limit=30).records()
        net = query.network(store, code, since=since or None, until=until or None, limit=20, ranked=partners)
        recent = query.events(store, country=code, limit=15).records()
        evidence = query.evidence(store, [e["id"] for e in recent])
        agreements = query.agreements(store, country=code, limit=10).records()
    for e in recent:
        e["segments"] = _segments(evidence.get(e["id"]))
    return render("country.html", code=code, partners=partners, elements=views.network_elements(net),
                  recent=recent, evidence=evidence, agreements=agreements, since=since or "", until=until or "")


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, a: str, b: str, since: Day = None, until: Day = None, type: Codes = None,
         context: Codes = None, by: Annotated[str, Query(pattern="^(week|month|quarter|year)$")] = "month",
         page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1) -> HTMLResponse:
    store = _store(request)
    a, b = query.actor_code(a), query.actor_code(b)
    types = [t for t in (type or []) if t] or None
    contexts = [c for c in (context or []) if c] or None
    lo, hi = since or None, until or None
    with store.session():
        periods = query.dyad(store, a, b, by=by, since=lo, until=hi, type=types).records()
        found = query.events(store, dyad=(a, b), type=types, context=contexts, since=lo, until=hi,
                             limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE).records()
        rows = found[:PAGE_SIZE]
        evidence = query.evidence(store, [e["id"] for e in rows])
        agreements = query.agreements(store, country=a, counterpart=b, limit=50).records()
    for e in rows:
        e["segments"] = _segments(evidence.get(e["id"]))
    filters = [("since", since or ""), ("until", until or ""), ("by", by)]
    filters += [("type", t) for t in types or []] + [("context", c) for c in contexts or []]
    base = f"/dyad/{a}/{b}?" + urlencode([f for f in filters if f[1]])
    return render("dyad.html", a=a, b=b, periods=periods, chart=views.timeline(periods, by), events=rows,
                  evidence=evidence, agreements=agreements, since=since or "", until=until or "", by=by,
                  types=types or [], contexts=contexts or [], all_contexts=_contexts(), page=page,
                  prev_url=f"{base}&page={page - 1}" if page > 1 else None,
                  next_url=f"{base}&page={page + 1}" if len(found) > PAGE_SIZE and page < MAX_PAGE else None,
                  total=sum(p["events"] for p in periods))


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    found = query.event(_store(request), event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    actors = [e["entity_text"] for e in found["entities"] if e["role"] == "actor" and e["entity_text"]]
    recipients = [e["entity_text"] for e in found["entities"] if e["role"] == "recipient" and e["entity_text"]]
    for m in found["mentions"]:
        offset = m["start"] or 0
        trigger = ((m["trigger_start"] - offset, m["trigger_end"] - offset)
                   if m["trigger_start"] is not None and m["trigger_end"] is not None else None)
        m["segments"] = evidence_segments(m["sentence"], trigger, actors, recipients)
    return render("event.html", e=found, record_json=json.dumps(found["record"], indent=2, ensure_ascii=False,
                                                               default=str))


@router.get("/agreements", response_class=HTMLResponse)
def agreements(request: Request, country: Annotated[str, Query(max_length=16)] = "",
               status: Annotated[str, Query(max_length=20)] = "") -> HTMLResponse:
    code = query.actor_code(country) if country.strip() else None
    items = query.agreements(_store(request), country=code, status=status.strip() or None, limit=500).records()
    return render("agreements.html", items=items, country=code or "", status=status.strip(),
                  statuses=query.LIFECYCLE)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    found = query.article(_store(request), article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    text = found.get("text") or ""
    spans: list[Span] = []
    for report in found["reports"]:
        label = f"{report['event_type']}: {views.arrow(report['actor_codes'], report['recipient_codes'])}"
        if not report["is_event"]:
            label += " (not an event: negated or hypothetical)"
        for t in report["triggers"]:
            if t["trigger_start"] is not None and t["trigger_end"] is not None and t["trigger_end"] <= len(text):
                spans.append((t["trigger_start"], t["trigger_end"], "trigger" if report["is_event"] else "nonevent",
                              f"/event/{report['event_id']}", label))
    return render("article.html", a=found, text_segments=segments(text, spans))


def _segments(ev: dict[str, Any] | None) -> list:
    if not ev:
        return []
    return evidence_segments(ev["sentence"], (ev["trigger_start"], ev["trigger_end"]), ev["actor_texts"],
                             ev["recipient_texts"])


def _contexts() -> list[str]:
    data = load_yaml("contexts.yaml")
    names = (data.get("keywords") or {}).keys() if isinstance(data, dict) else []
    return sorted(str(n) for n in names)


@router.get("/docs", response_class=HTMLResponse)
def docs() -> HTMLResponse:
    """The OpenAPI description in the bundled Swagger UI (no CDN: its files are served from /static)."""
    return render("docs.html")
