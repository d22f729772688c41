"""Output: PLOVER JSONL (the default), CSV, and a readable table with evidence.

Formatting only: these functions take model records and write text.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from typing import IO

from .model import Article, Entity, Event

CSV_FIELDS = ["id", "article_id", "date", "date_precision", "event", "mode", "context", "actor_codes",
              "actor", "recipient_codes", "recipient", "quad_code", "event_scale", "cameo", "location",
              "location_country", "lat", "lon", "trigger", "evidence", "attribution", "confidence"]


def today() -> str:
    return dt.date.today().isoformat()


def write_jsonl(events: Iterable[Event], out: IO[str], coded_date: str | None = None) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(e.to_plover(coded_date or today()), ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_writer(out: IO[str]) -> csv.DictWriter:
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    w.writeheader()
    return w


def csv_row(e: Event) -> dict:
    p = e.to_plover()
    loc = p["event_loc"] or {}
    return {
        "id": p["id"], "article_id": p["article_id"], "date": p["date"], "date_precision": p["date_precision"],
        "event": p["event"][0], "mode": ";".join(p["mode"]), "context": ";".join(p["context"]),
        "actor_codes": ";".join(a["code"] for a in p["actor"]), "actor": "; ".join(_name(a) for a in e.actor),
        "recipient_codes": ";".join(a["code"] for a in p["recipient"]),
        "recipient": "; ".join(_name(a) for a in e.recipient), "quad_code": p["quad_code"],
        "event_scale": p["event_scale"], "cameo": p["cameo"], "location": loc.get("resolved_place"),
        "location_country": loc.get("country_code"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "trigger": " | ".join(p["event_text"]), "evidence": " | ".join(p["evidence"]),
        "attribution": p["attribution"], "confidence": p["confidence"],
    }


def _name(e: Entity) -> str:
    office = f", {e.office}" if e.office else ""
    sector = f" {e.sector}" if e.sector else ""
    return f"{e.identifier_text} ({e.code}{sector}{office})"


def render_table(pairs: list[tuple[Article, list[Event]]], console=None) -> None:
    """Per article, one block per event: what, who to whom, when, where, and the evidence."""
    from rich.console import Console
    from rich.markup import escape
    from rich.rule import Rule
    from rich.text import Text

    console = console or Console()
    for art, events in pairs:
        head = f"{art.id} · {art.date or 'no date'} ({art.date_source})"
        if art.title:
            head += f" · {art.title[:90]}"
        console.print(Rule(escape(head), align="left"))
        if not events:
            console.print("  (no events)\n")
        for n, e in enumerate(events, 1):
            line = Text(f"{n:>2}. ", style="bold")
            line.append(e.event_type, style="bold cyan" if e.is_event else "bold red")
            if e.mode:
                line.append(f" ({', '.join(e.mode)})")
            if not e.is_event:
                line.append("  not an event: " + ", ".join(c for c in e.context if c in {"negation", "hypothetical"}),
                            style="red")
            line.append(f"   {_show_date(e)}", style="green")
            if e.date_text:
                line.append(f" «{e.date_text}»", style="dim")
            if e.location:
                where = e.location.resolved_place + (f", {e.location.country_code}" if e.location.country_code
                                                     and e.location.resolution > 1 else "")
                if e.location.source != "text":
                    where += f" ({e.location.source})"
                line.append(f"   @ {where}", style="magenta")
            line.append(f"   conf {e.confidence:.2f}", style="dim")
            console.print(line)
            who = Text("    ")
            who.append(" + ".join(_name(a) for a in e.actor))
            if e.recipient:
                who.append("  →  " + " + ".join(_name(r) for r in e.recipient))
            console.print(who)
            ctx = [c for c in e.context if c not in {"negation", "hypothetical"}]
            if ctx:
                console.print(Text("    context: " + ", ".join(ctx), style="dim"))
            console.print(_evidence(e, Text))
        console.print()


def _show_date(e: Event) -> str:
    if not e.date:
        return "?"
    return {"month": e.date[:7], "year": e.date[:4]}.get(e.date_precision, e.date) + \
        (" (week)" if e.date_precision == "week" else "")


def _evidence(e: Event, text_cls):
    out = text_cls()
    by_sentence: dict[int, list] = {}
    for m in sorted(e.mentions, key=lambda m: m.trigger_start):
        by_sentence.setdefault(m.sequence, []).append(m)
    for i, ms in enumerate(by_sentence.values()):
        if i:
            out.append("\n")
        first = ms[0]
        out.append(f"    [s{first.sequence}{' caption' if first.in_caption else ''} {first.start}-{first.end}] ",
                   style="dim")
        sent, pos = first.sentence, 0
        lead = len(first.sentence) - len(first.sentence.lstrip())
        for m in ms:  # trigger offsets are into the article; the sentence starts at first.start
            at = m.trigger_start - first.start - lead
            if 0 <= at >= pos and sent[at:at + len(m.trigger)] == m.trigger:
                out.append(" ".join(sent[pos:at].split(" ")))
                out.append(m.trigger, style="bold yellow")
                pos = at + len(m.trigger)
        out.append(sent[pos:])
        if first.attribution:
            out.append(f"  — {first.attribution}", style="italic")
    return out
