"""Shaping query results for pages: chart data, network elements, labels and colours.

Pure functions from query results to plain data; the pages hand it to templates (escaped) or to a
chart script as JSON (`tojson` escapes <, > and & so no text can close the script element).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import query

QUADS = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}
QUAD_COLOURS = {1: "#7fbf7b", 2: "#1b7837", 3: "#f4a582", 4: "#b2182b"}


def name(code: str | None) -> str:
    """A code's display name ("Pakistan"), or the code itself when it has none."""
    if not code:
        return ""
    return query.code_names().get(code, code)


def timeline(periods: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Rows for the dyad chart: one per (period, quad class), with the quiet periods between the first
    and the last filled in as zeros, so that a gap in a relationship shows as a gap."""
    labels = _all_periods([p["period"] for p in periods], by)
    known = {p["period"]: p for p in periods}
    rows: list[dict[str, Any]] = []
    for label in labels:
        p = known.get(label, {})
        for quad, quad_name in QUADS.items():
            rows.append({"period": label, "quad": f"{quad} {quad_name}", "events": int(p.get(f"quad{quad}") or 0),
                         "mean_score": p.get("mean_score"), "total": int(p.get("events") or 0)})
    return rows


def _all_periods(labels: list[str], by: str) -> list[str]:
    if not labels:
        return []
    first, last = min(labels), max(labels)
    out: list[str] = []
    try:
        if by == "month":
            y, m = int(first[:4]), int(first[5:7])
            while f"{y:04d}-{m:02d}" <= last and len(out) < 1200:
                out.append(f"{y:04d}-{m:02d}")
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        elif by == "year":
            out = [str(y) for y in range(int(first), int(last) + 1)]
        elif by == "quarter":
            y, q = int(first[:4]), int(first[-1])
            while f"{y:04d}-Q{q}" <= last and len(out) < 400:
                out.append(f"{y:04d}-Q{q}")
                y, q = (y + 1, 1) if q == 4 else (y, q + 1)
        elif by == "week":
            day = dt.date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
            while len(out) < 1200:
                label = f"{day.isocalendar()[0]:04d}-W{day.isocalendar()[1]:02d}"
                if label > last:
                    break
                out.append(label)
                day += dt.timedelta(days=7)
    except ValueError:
        return sorted(labels)
    return out or sorted(labels)


def cooperation_colour(net: float | None, events: int) -> str:
    """Green for a cooperative tie, red for a hostile one, grey near zero; by mean score per event."""
    if not events or net is None:
        return "#999999"
    mean = net / events
    if mean >= 3:
        return "#1b7837"
    if mean >= 0.5:
        return "#7fbf7b"
    if mean > -0.5:
        return "#999999"
    if mean > -3:
        return "#ef8a62"
    return "#b2182b"


def network_elements(net: dict[str, Any]) -> list[dict[str, Any]]:
    """Cytoscape elements: nodes sized by events, edges coloured by net cooperation and sized by events."""
    biggest = max((e["events"] for e in net["edges"]), default=1) or 1
    nodes = [{"data": {"id": n["code"], "label": name(n["code"]), "events": n["events"],
                       "center": n["code"] == net["center"],
                       "size": 60 if n["code"] == net["center"] else 22 + 28 * min(n["events"] / biggest, 1.0)}}
             for n in net["nodes"]]
    edges = [{"data": {"id": f"{e['a']}-{e['b']}", "source": e["a"], "target": e["b"], "events": e["events"],
                       "net": e["net_cooperation"], "colour": cooperation_colour(e["net_cooperation"], e["events"]),
                       "width": 1 + 9 * e["events"] / biggest}}
             for e in net["edges"]]
    return nodes + edges


def arrow(actors: list[str] | None, recipients: list[str] | None) -> str:
    """"BLR → PAK", or "PAK + BLR" for a joint act with no recipient."""
    left = " + ".join(actors or []) or "?"
    return f"{left} → {' + '.join(recipients)}" if recipients else left
