"""The store's commands: ingest, stats, dyad, partners, agreements, events, event, export.

Thin like the rest of the CLI: each command parses its arguments, calls communique.store or
communique.query, and formats what comes back (a table by default, or JSON / CSV).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

from .store import Store, StoreError, default_path

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2
FORMATS = ["table", "json", "csv"]


def register(sub: argparse._SubParsersAction) -> None:
    ing = sub.add_parser("ingest", help="code inputs into the store, once each (resumable)",
                         description="Code .txt, .html, .jsonl(.gz) files or directories into the store. "
                                     "Articles already stored are skipped, so a rerun finishes a killed run.")
    ing.add_argument("inputs", nargs="+", metavar="INPUT")
    _db(ing)
    ing.add_argument("--date", help="publication date (YYYY-MM-DD) for articles with none of their own")
    ing.add_argument("--batch-size", type=int, default=32, help="articles coded and committed together")
    ing.add_argument("--quiet", action="store_true", help="no progress bar")
    ing.set_defaults(run=_ingest)

    st = sub.add_parser("stats", help="what the store holds: articles, events, rejects, date range, last ingest")
    _db(st)
    st.add_argument("--format", choices=["table", "json"], default="table")
    st.set_defaults(run=_stats)

    dy = sub.add_parser("dyad", help="a pair of countries per period: events by quad class, mean score, top types")
    dy.add_argument("a", metavar="CODE")
    dy.add_argument("b", metavar="CODE")
    dy.add_argument("--by", choices=["week", "month", "quarter", "year"], default="month")
    _window(dy)
    _db(dy)
    _fmt(dy)
    dy.set_defaults(run=_dyad)

    pa = sub.add_parser("partners", help="a country's counterparts ranked: events, net cooperation, change")
    pa.add_argument("country", metavar="CODE")
    _window(pa)
    pa.add_argument("--limit", type=int, default=50)
    _db(pa)
    _fmt(pa)
    pa.set_defaults(run=_partners)

    ag = sub.add_parser("agreements", help="instruments with parties, subject, status history and evidence")
    ag.add_argument("--country", help="instruments this country is a party to")
    ag.add_argument("--counterpart", help="with --country: only those with this other party")
    ag.add_argument("--status", help="current status (signed, ratified ...)")
    _db(ag)
    _fmt(ag)
    ag.set_defaults(run=_agreements)

    ev = sub.add_parser("events", help="canonical events by dyad, actor, type, mode, context, dates, place, text")
    ev.add_argument("--dyad", help="two codes: PAK-BLR (either direction)")
    ev.add_argument("--actor", help="code of the acting side")
    ev.add_argument("--country", help="code on either side")
    ev.add_argument("--type", action="append", help="PLOVER type; repeat for several")
    ev.add_argument("--mode")
    ev.add_argument("--context")
    ev.add_argument("--place", help="place or country code of the event's location")
    ev.add_argument("--text", help="words in the evidence")
    ev.add_argument("--all", action="store_true", help="include negated and hypothetical records")
    ev.add_argument("--limit", type=int, default=50)
    ev.add_argument("--offset", type=int, default=0)
    _window(ev)
    _db(ev)
    _fmt(ev)
    ev.set_defaults(run=_events)

    one = sub.add_parser("event", help="one canonical event: its record and every mention across articles")
    one.add_argument("id")
    _db(one)
    one.set_defaults(run=_event)

    ex = sub.add_parser("export", help="write the store's events as plover, phoenix, gdelt, csv or parquet")
    ex.add_argument("--format", choices=["plover", "phoenix", "gdelt", "csv", "parquet"], default="plover")
    ex.add_argument("-o", "--output", default=".", help="directory to write into")
    ex.add_argument("--country")
    ex.add_argument("--all", action="store_true", help="include negated and hypothetical records")
    _window(ex)
    _db(ex)
    ex.set_defaults(run=_export)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, help=f"store file (default: $COMMUNIQUE_DB or {default_path()})")


def _fmt(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="table")


def _window(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", help="up to this date (YYYY-MM-DD)")


def _store(args: argparse.Namespace) -> Store:
    return Store(args.db or default_path())


def guarded(fn):
    """A store or query error is one line naming the store and the reason, never a traceback."""
    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except StoreError as exc:
            print(f"communique {args.command}: {exc}", file=sys.stderr)
            return EXIT_NOTHING
        except ValueError as exc:
            print(f"communique {args.command}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    return run


@guarded
def _ingest(args: argparse.Namespace) -> int:
    from .store.writer import ingest

    if args.date and _bad_date(args.date):
        raise ValueError(f"--date {args.date!r} is not a date (use YYYY-MM-DD)")
    if args.batch_size < 1 or args.batch_size > 1024:
        raise ValueError("--batch-size must be between 1 and 1024")
    store = _store(args)
    total = None if args.quiet else _estimate(args.inputs)
    started = time.monotonic()
    with _progress(args.quiet, total) as report:
        summary = ingest(store, args.inputs, default_date=args.date, batch_size=args.batch_size, progress=report)
    for rej in summary.rejects:
        print(f"communique: rejected {rej}", file=sys.stderr)
    took = time.monotonic() - started
    print(f"{summary.line()} in {took:.1f}s ({summary.articles / took if took else 0:.1f} articles/s) -> {store.path}")
    return EXIT_OK if summary.articles or summary.duplicates or summary.seen else EXIT_NOTHING


def _bad_date(text: str) -> bool:
    from .timex import parse_iso

    return parse_iso(text) is None


def _estimate(inputs: list[str]) -> int | None:
    """How many articles the inputs hold, for the ETA: JSONL lines, files in directories; None for stdin."""
    import gzip

    total = 0
    for raw in inputs:
        if raw == "-":
            return None
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            name = f.name.lower()
            try:
                if name.endswith((".jsonl", ".ndjson")):
                    with open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                elif name.endswith((".jsonl.gz", ".ndjson.gz")):
                    with gzip.open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                else:
                    total += 1
            except OSError:
                total += 1
    return total


class _progress:
    """A Rich progress bar (articles/s, records, ETA) fed by the writer after every batch."""

    def __init__(self, quiet: bool, total: int | None):
        self.quiet, self.total = quiet, total
        self.bar: Any = None

    def __enter__(self):
        if self.quiet:
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]} articles/s · {task.fields[events]} events "
                                       "({task.fields[records]} records) · {task.fields[rejects]} rejected"),
                            TimeRemainingColumn(), transient=False, console=_stderr_console())
        self.task = self.bar.add_task("ingest", total=self.total, rate="-", events=0, records=0, rejects=0)
        self.started = time.monotonic()
        self.bar.start()
        return self.update

    def update(self, read: int, done) -> None:
        rate = done.articles / max(1e-6, time.monotonic() - self.started)
        self.bar.update(self.task, completed=read, rate=f"{rate:.1f}", events=done.events_new, records=done.reports,
                        rejects=len(done.rejects))

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr)


@guarded
def _stats(args: argparse.Namespace) -> int:
    from . import query

    figures = query.stats(_store(args))
    if args.format == "json":
        print(json.dumps(figures, default=str))
    else:
        for key, value in figures.items():
            print(f"{key:>16}: {value}")
    return EXIT_OK


@guarded
def _dyad(args: argparse.Namespace) -> int:
    from . import query

    result = query.dyad(_store(args), args.a.upper(), args.b.upper(), by=args.by, since=args.since, until=args.until)
    return _show(result, args.format, f"{args.a.upper()}-{args.b.upper()} by {args.by}")


@guarded
def _partners(args: argparse.Namespace) -> int:
    from . import query

    result = query.partners(_store(args), args.country.upper(), since=args.since, until=args.until, limit=args.limit)
    return _show(result, args.format, f"partners of {args.country.upper()}")


@guarded
def _agreements(args: argparse.Namespace) -> int:
    from . import query

    result = query.agreements(_store(args), country=_up(args.country), counterpart=_up(args.counterpart),
                              status=args.status)
    if args.format != "table":
        return _show(result, args.format, "agreements")
    _agreements_table(result.records())
    return EXIT_OK


def _agreements_table(records: list[dict]) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(width=None if sys.stdout.isatty() else 200)
    if not records:
        console.print("(no agreements)")
    for r in records:
        parties = ", ".join(r["parties"])
        console.print(f"[bold]{escape(r['name'])}[/bold] ({escape(r['kind'])}) · {escape(parties)} · "
                      f"[cyan]{escape(str(r['status']))}[/cyan]"
                      + (f" · {escape(r['subject'])}" if r["subject"] else ""))
        for step in r["history"]:
            console.print(f"    {step['date'] or '?'}  {escape(step['status']):<11} "
                          f"[dim]{escape((step.get('evidence') or '')[:140])}[/dim]")


@guarded
def _events(args: argparse.Namespace) -> int:
    from . import query

    result = query.events(_store(args), dyad=args.dyad, actor=_up(args.actor), country=_up(args.country),
                          type=[t.upper() for t in args.type] if args.type else None, mode=args.mode,
                          context=args.context, since=args.since, until=args.until, place=args.place, text=args.text,
                          events_only=not args.all, limit=args.limit, offset=args.offset)
    return _show(result, args.format, "events")


@guarded
def _event(args: argparse.Namespace) -> int:
    from . import query

    found = query.event(_store(args), args.id)
    if found is None:
        print(f"communique event: no event {args.id!r} in {_store(args).path}", file=sys.stderr)
        return EXIT_NOTHING
    print(json.dumps(found, default=str, ensure_ascii=False, indent=2))
    return EXIT_OK


@guarded
def _export(args: argparse.Namespace) -> int:
    from .store.export import export

    files = export(_store(args), args.format, args.output, since=args.since, until=args.until,
                   country=_up(args.country), events_only=not args.all)
    for f in files:
        print(f)
    return EXIT_OK


def _up(code: str | None) -> str | None:
    return code.upper() if code else None


def _show(result, fmt: str, title: str) -> int:
    if fmt == "json":
        print(json.dumps(result.records(), default=str, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(result.columns)
        for row in result.rows:
            w.writerow([";".join(map(str, v)) if isinstance(v, list) else v for v in row])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for col in result.columns:
            table.add_column(col)
        for row in result.rows:
            table.add_row(*[_cell(v) for v in row])
        Console(width=None if sys.stdout.isatty() else 200).print(table)
    return EXIT_OK


def _cell(value: Any) -> Any:
    from rich.text import Text

    if isinstance(value, list):
        value = ", ".join(map(str, value))
    return Text("" if value is None else str(value))  # Text: article words are never read as markup
