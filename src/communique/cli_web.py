"""The web commands: `serve` a store's dashboard and API, and `demo`, which builds the demo store from
the bundled corpus and serves it. Thin: the work is in communique.store and communique.web."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .store import Store, StoreError, default_path

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2
DEMO_DB = "demo.duckdb"
DEMO_CORPUS = "demo/articles.jsonl"


def register(sub: argparse._SubParsersAction) -> None:
    sv = sub.add_parser("serve", help="serve the dashboard and the HTTP API of a store (read-only)",
                        description="Serve the pages and /api/v1 of a store on http://127.0.0.1:8750 by default.")
    sv.add_argument("--db", default=None, help=f"store file (default: $COMMUNIQUE_DB or {default_path()})")
    _address(sv)
    sv.set_defaults(run=_serve)

    demo = sub.add_parser("demo", help="ingest the bundled demo corpus into ./demo.duckdb and serve it",
                          description="Build (or bring up to date) the demo store from the bundled corpus of "
                                      "about 40 articles, then serve its dashboard.")
    demo.add_argument("--db", default=DEMO_DB, help=f"demo store file (default: {DEMO_DB})")
    demo.add_argument("--no-serve", action="store_true", help="build the store and stop")
    _address(demo)
    demo.set_defaults(run=_demo)


def _address(p: argparse.ArgumentParser) -> None:
    from .web.app import HOST, PORT

    p.add_argument("--host", default=HOST, help=f"address to bind (default {HOST}: this machine only)")
    p.add_argument("--port", type=int, default=PORT, help=f"port (default {PORT})")


def _serve(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print(f"communique {args.command}: --port {args.port} is not a port number", file=sys.stderr)
        return EXIT_USAGE
    from .web import serve

    path = args.db or default_path()
    try:
        serve(path, host=args.host, port=args.port)
    except StoreError as exc:
        print(f"communique {args.command}: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    except OSError as exc:
        print(f"communique {args.command}: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_NOTHING
    return EXIT_OK


def demo_corpus() -> Path:
    """The bundled demo corpus file."""
    from importlib import resources

    return Path(str(resources.files("communique").joinpath("data", DEMO_CORPUS)))


def build_demo(path: str | Path, quiet: bool = False) -> Store:
    """Ingest the demo corpus into the store at `path`; articles already there are skipped."""
    from .store.writer import ingest

    store = Store(path)
    summary = ingest(store, [str(demo_corpus())])
    if not quiet:
        print(f"communique demo: {path}: {summary.articles} new articles, {summary.seen} already stored",
              file=sys.stderr)
    return store


def _demo(args: argparse.Namespace) -> int:
    try:
        build_demo(args.db)
    except StoreError as exc:
        print(f"communique demo: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    if args.no_serve:
        return EXIT_OK
    args.command = "demo"
    return _serve(args)
