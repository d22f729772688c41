"""The command line: a thin layer over the Python API that parses arguments and formats output.

Exit status: 0 when at least one article was coded (rejected inputs are reported on stderr, one
line each); 1 when no article could be coded; 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from . import __version__, ingest, output
from .model import Article, Event, Reject

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2
DEMO_ARTICLE = "examples/belarus-minister-in-islamabad.txt"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("communique: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="communique", description="Code news into PLOVER political events.")
    p.add_argument("--version", action="version", version=f"communique {__version__}")
    sub = p.add_subparsers(dest="command")

    code = sub.add_parser("code", help="code articles into PLOVER events",
                          description="Code .txt, .html, .jsonl(.gz) files, directories or - (stdin).")
    code.add_argument("inputs", nargs="+", metavar="INPUT")
    code.add_argument("-o", "--output", help="write here instead of standard output")
    code.add_argument("--format", choices=["jsonl", "table", "csv"], default="jsonl")
    code.add_argument("--date", help="publication date (YYYY-MM-DD) for articles with none of their own")
    code.add_argument("--events-only", action="store_true",
                      help="leave out negated and hypothetical records (kept by default, marked in context)")
    code.set_defaults(run=_code)

    ev = sub.add_parser("eval", help="score predicted events against gold (SPEC section 5)")
    ev.add_argument("gold")
    ev.add_argument("pred")
    ev.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ev.set_defaults(run=_eval)

    from . import cli_store, cli_web

    cli_store.register(sub)
    cli_web.register(sub)

    example = sub.add_parser("example", help="code the bundled example article and print its events")
    example.set_defaults(run=_example)
    return p


def _code(args: argparse.Namespace) -> int:
    from .pipeline import code_articles

    if args.date and ingest.timex.parse_iso(args.date) is None:
        print(f"communique: --date {args.date!r} is not a date (use YYYY-MM-DD)", file=sys.stderr)
        return EXIT_USAGE
    items = ingest.read_inputs(args.inputs, default_date=args.date)
    results = _report_rejects(code_articles(items))
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    coded = 0
    try:
        if args.format == "table":
            pairs = []
            for art, events in results:
                coded += 1
                pairs.append((art, _keep(events, args.events_only)))
            from rich.console import Console

            output.render_table(pairs, Console(file=out, width=160 if args.output else None))
        elif args.format == "csv":
            writer = output.csv_writer(out)
            for _art, events in results:
                coded += 1
                for e in _keep(events, args.events_only):
                    writer.writerow(output.csv_row(e))
        else:
            stamp = output.today()
            for _art, events in results:
                coded += 1
                output.write_jsonl(_keep(events, args.events_only), out, stamp)
    finally:
        if args.output:
            out.close()
    if coded == 0:
        print("communique: no article could be coded", file=sys.stderr)
        return EXIT_NOTHING
    return EXIT_OK


def _keep(events: list[Event], events_only: bool) -> list[Event]:
    return [e for e in events if e.is_event] if events_only else events


def _report_rejects(items) -> Iterator[tuple[Article, list[Event]]]:
    for item in items:
        if isinstance(item, Reject):
            print(f"communique: skipped {item}", file=sys.stderr)
        else:
            yield item


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_files

    try:
        figures = evaluate_files(args.gold, args.pred)
    except (OSError, ValueError, KeyError) as exc:
        print(f"communique eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:>20}: {v}")
        print(f"event_f1={figures['event_f1']} event_p={figures['event_p']} event_r={figures['event_r']}")
    return EXIT_OK


def _example(args: argparse.Namespace) -> int:
    from rich.console import Console

    from .pipeline import code_articles
    from .resources import read_text

    text = read_text(DEMO_ARTICLE)
    article = ingest.from_text("belarus-minister-in-islamabad", text, DEMO_ARTICLE)
    pairs = [item for item in code_articles([article]) if isinstance(item, tuple)]
    output.render_table(pairs, Console())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
