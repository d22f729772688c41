"""The ASGI application: the API and the pages over one read-only store, with safe defaults.

Safe defaults, each one a decision rather than an accident:
- every response carries a Content-Security-Policy that allows only this server's own scripts,
  styles and images (no CDN, no inline script: chart data travel in JSON script blocks);
- requests are bounded: GET and HEAD only, a query string of at most MAX_QUERY characters, no body;
- a bad parameter is a 4xx with a one-line reason (JSON under /api, a page elsewhere), a missing or
  busy store a 503, and nothing ever shows a traceback.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from .. import __version__
from ..store.db import Store
from ..store.schema import StoreError
from . import api, pages

HOST = "127.0.0.1"
PORT = 8750
MAX_QUERY = 2048  # characters of a query string
CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
# Vega compiles its expressions with Function(): 'unsafe-eval' lets it, while 'self' alone still
# forbids any inline or foreign script, which is what an injected tag would need.


class Guard(BaseHTTPMiddleware):
    """Refuses oversized or unexpected requests before any route runs and adds the security headers."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.method not in ("GET", "HEAD"):
            response: Response = _error(request, 405, f"{request.method} is not allowed: this server only reads")
        elif len(request.url.query) > MAX_QUERY:
            response = _error(request, 414, f"the query string is longer than {MAX_QUERY} characters")
        elif _has_body(request):
            response = _error(request, 413, "requests to this server carry no body")
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


def _has_body(request: Request) -> bool:
    """A declared body of any length, a malformed length, or a chunked body."""
    length = request.headers.get("content-length")
    if request.headers.get("transfer-encoding"):
        return True
    return bool(length) and (not length.strip().isdigit() or int(length) > 0)


def create_app(path: str | os.PathLike | Store) -> FastAPI:
    """The application over the store at `path`; StoreError when there is no readable store there."""
    store = path if isinstance(path, Store) else Store(path)
    with store.read():  # fail now, with the reason, rather than on the first request
        pass
    app = FastAPI(title="communique", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json",
                  description="Political events coded from news in the PLOVER ontology: dyads, partners, "
                              "agreements, events and the evidence behind each. Read-only.")
    app.state.store = store
    app.add_middleware(Guard)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(_static())), name="static")
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(ValueError, _bad_value)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    return app


def _static() -> Path:
    return Path(str(resources.files("communique.web").joinpath("static")))


def serve(path: str | os.PathLike, host: str = HOST, port: int = PORT) -> None:
    import uvicorn

    app = create_app(path)
    print(f"communique: serving {path} on http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return HTMLResponse(pages.render_error(status, message), status_code=status)


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
    return _error(request, 422, "bad parameter: " + "; ".join(problems))


async def _bad_value(request: Request, exc: Exception) -> Response:
    return _error(request, 400, str(exc).splitlines()[0] if str(exc) else "bad parameter")


async def _store_error(request: Request, exc: Exception) -> Response:
    return _error(request, 503, f"the store cannot be read now: {exc}")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    return _error(request, exc.status_code, message)
