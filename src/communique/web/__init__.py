"""The analyst's view: server-rendered pages and a JSON API over a store, read through `communique.query`.

`create_app(path)` builds the ASGI application; `serve(path, host, port)` runs it with uvicorn on
127.0.0.1 unless told otherwise. The server only reads: every request opens the store read-only for
the few milliseconds its queries take, so an ingest can go on beside it.
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
