"""The JSON API under /api/v1: the query layer's questions over HTTP, paginated, with CSV downloads.

Every route is a thin call to `communique.query`; parameters are checked twice, by their declared
bounds here (documented in the OpenAPI spec at /api/v1/openapi.json, browsable at /docs) and by the
query layer, whose ValueError becomes a 400 with its message.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from .. import query

router = APIRouter(prefix="/api/v1", tags=["api"])

PAGE_MAX = 500  # rows a page of the API
OFFSET_MAX = 100_000

Code = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.]{1,16}$", description="an actor code: PAK, BLR, UNO ...")]
Since = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                    description="first day (YYYY-MM-DD, YYYY-MM or YYYY), inclusive")]
Until = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                    description="last day (YYYY-MM-DD, YYYY-MM or YYYY), inclusive")]
Limit = Annotated[int, Query(ge=1, le=PAGE_MAX, description=f"rows a page, at most {PAGE_MAX}")]
Offset = Annotated[int, Query(ge=0, le=OFFSET_MAX, description="rows to skip")]
Format = Annotated[Literal["json", "csv"], Query(description="json, or csv for a download")]
ERRORS: dict[int | str, dict[str, Any]] = {400: {"description": "a parameter the query cannot use"},
                                            503: {"description": "the store cannot be read now"}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {**ERRORS, 404: {"description": "no such item"}}


def _store(request: Request):
    return request.app.state.store


@router.get("/stats", responses=ERRORS, summary="What the store holds")
def stats(request: Request) -> Any:
    return _json(query.stats(_store(request)))


@router.get("/dyad/{a}/{b}", responses=ERRORS, summary="The timeline of two countries")
def dyad(request: Request, a: Code, b: Code, by: Literal["week", "month", "quarter", "year"] = "month",
         since: Since = None, until: Until = None, format: Format = "json") -> Any:
    result = query.dyad(_store(request), a, b, by=by, since=since, until=until)
    if format == "csv":
        return _csv(result, f"dyad-{a.upper()}-{b.upper()}-{by}.csv")
    return _json({"a": a.upper(), "b": b.upper(), "by": by, "periods": result.records()})


@router.get("/dyads", responses=ERRORS, summary="The busiest or fastest-changing pairs of countries")
def dyads(request: Request, since: Since = None, until: Until = None, order: Literal["events", "change"] = "events",
          limit: Annotated[int, Query(ge=1, le=100)] = 10, format: Format = "json") -> Any:
    result = query.dyads(_store(request), since=since, until=until, order=order, limit=limit)
    return _csv(result, f"dyads-{order}.csv") if format == "csv" else _json({"items": result.records()})


@router.get("/partners/{country}", responses=ERRORS, summary="A country's counterparts, ranked")
def partners(request: Request, country: Code, since: Since = None, until: Until = None,
             limit: Annotated[int, Query(ge=1, le=200)] = 50, format: Format = "json") -> Any:
    result = query.partners(_store(request), country, since=since, until=until, limit=limit)
    if format == "csv":
        return _csv(result, f"partners-{country.upper()}.csv")
    return _json({"country": country.upper(), "items": result.records()})


@router.get("/network/{country}", responses=ERRORS, summary="A country's partners and the ties among them")
def network(request: Request, country: Code, since: Since = None, until: Until = None,
            limit: Annotated[int, Query(ge=1, le=100)] = 25) -> Any:
    return _json(query.network(_store(request), country, since=since, until=until, limit=limit))


@router.get("/agreements", responses=ERRORS, summary="Instruments with their status histories")
def agreements(request: Request, country: Annotated[str | None, Query(max_length=16)] = None,
               counterpart: Annotated[str | None, Query(max_length=16)] = None,
               status: Annotated[str | None, Query(max_length=20)] = None,
               limit: Annotated[int, Query(ge=1, le=PAGE_MAX)] = 200, format: Format = "json") -> Any:
    result = query.agreements(_store(request), country=country or None, counterpart=counterpart or None,
                              status=status or None, limit=limit)
    if format == "csv":
        return _csv(result, "agreements.csv")
    return _json({"items": result.records()})


@router.get("/events", responses=ERRORS, summary="A page of events matching every filter given")
def events(request: Request, dyad: Annotated[str | None, Query(max_length=40, description="PAK-BLR")] = None,
           actor: Annotated[str | None, Query(max_length=16)] = None,
           country: Annotated[str | None, Query(max_length=16, description="actor or recipient")] = None,
           type: Annotated[list[str] | None, Query(max_length=16)] = None,
           mode: Annotated[list[str] | None, Query(max_length=16)] = None,
           context: Annotated[list[str] | None, Query(max_length=16)] = None,
           since: Since = None, until: Until = None,
           place: Annotated[str | None, Query(max_length=query.MAX_TEXT)] = None,
           q: Annotated[str | None, Query(max_length=query.MAX_TEXT, description="words of the evidence")] = None,
           order: Literal["date desc", "date asc", "confidence desc", "articles desc", "outlets desc"] = "date desc",
           limit: Limit = 50, offset: Offset = 0, format: Format = "json") -> Any:
    result = query.events(_store(request), dyad=dyad or None, actor=actor or None, country=country or None,
                          type=_list(type), mode=_list(mode), context=_list(context), since=since, until=until,
                          place=place, text=q, limit=limit, offset=offset, order=order)
    if format == "csv":
        return _csv(result, "events.csv")
    return _json(_page(request, result.records(), limit, offset))


@router.get("/events/{event_id}", responses=NOT_FOUND, summary="One event, its mentions and its PLOVER record")
def event(request: Request, event_id: Annotated[str, Path(max_length=64)]) -> Any:
    found = query.event(_store(request), event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return _json(found)


@router.get("/articles/{article_id}", responses=NOT_FOUND, summary="One article and the records coded from it")
def article(request: Request, article_id: Annotated[str, Path(max_length=200)]) -> Any:
    found = query.article(_store(request), article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return _json(found)


@router.get("/actors", responses=ERRORS, summary="The most active actor codes")
def actors(request: Request, since: Since = None, until: Until = None,
           limit: Annotated[int, Query(ge=1, le=200)] = 20, format: Format = "json") -> Any:
    result = query.top_actors(_store(request), since=since, until=until, limit=limit)
    return _csv(result, "actors.csv") if format == "csv" else _json({"items": result.records()})


@router.get("/search", responses=ERRORS, summary="Countries and named actors by name")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=query.MAX_TEXT)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Any:
    return _json({"items": query.search(_store(request), q, limit=limit).records()})


def _list(values: list[str] | None) -> list[str] | None:
    cleaned = [v for v in (values or []) if v and v.strip()]
    return cleaned or None


def _page(request: Request, items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page with a link to the next one (None on the last page)."""
    following = None
    if len(items) == limit and offset + limit <= OFFSET_MAX:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
        following = f"{request.url.path}?{urlencode([*params, ('offset', offset + limit)])}"
    return {"items": items, "limit": limit, "offset": offset, "count": len(items), "next": following}


def _json(data: Any) -> JSONResponse:
    return JSONResponse(jsonable_encoder(data))


def _csv(result: query.Result, filename: str) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_cell(v) for v in row])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _cell(value: Any) -> Any:
    """Lists as '|'-joined text, nested values as JSON, a formula-looking text defused for spreadsheets."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "|".join(value)
    elif isinstance(value, list | dict):
        value = json.dumps(jsonable_encoder(value), ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
