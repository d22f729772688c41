"""Evaluation: the SPEC section 5 figures for predicted PLOVER events against gold.

Matching is dyadic: each event becomes one unit per pair of distinct codes (every actor pair
when there is no recipient; a lone code when one party is known), keyed by type and the
unordered pair; a unit is right when a gold unit of the same article has its type, pair and an
acceptable date. `communique eval` prints these figures; a test checks them against the referee.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

NOT_EVENTS = {"negation", "hypothetical"}


@dataclass(frozen=True)
class GoldUnit:
    types: frozenset[str]
    pair: frozenset[str]
    dates: tuple[str, ...]
    direction: tuple[str, str] | None
    loc: str | None
    optional: bool


def codes(entities) -> list[str]:
    out = []
    for e in entities or []:
        c = e.get("code") if isinstance(e, dict) else e
        if c:
            out.append(str(c).upper())
    return list(dict.fromkeys(out))


def dyads(actor: list[str], recipient: list[str]) -> list[tuple[frozenset[str], tuple[str, str] | None]]:
    if recipient:
        return [(frozenset((a, r)), (a, r) if a != r else None) for a in (actor or ["?"]) for r in recipient]
    if len(actor) > 1:
        return [(frozenset(p), None) for p in combinations(actor, 2)]
    return [(frozenset(actor), None)] if actor else []


def pred_dates(rec: dict) -> tuple[str, ...]:
    date = str(rec.get("date") or "")
    precision = rec.get("date_precision")
    if precision == "week":
        try:
            first = dt.date.fromisoformat(date[:10])
        except ValueError:
            return (date,)
        return tuple((first + dt.timedelta(days=k)).isoformat() for k in range(7))
    if precision == "month":
        return (date[:7],)
    if precision == "year":
        return (date[:4],)
    return (date,)


def date_matches(pred: str, accepted: tuple[str, ...]) -> bool:
    return any(pred == g or (len(g) < len(pred) and pred.startswith(g)) for g in accepted)


def is_event(rec: dict) -> bool:
    if rec.get("has_event") is False:
        return False
    ctx = rec.get("context") or []
    ctx = [ctx] if isinstance(ctx, str) else ctx
    return not NOT_EVENTS & {str(c).lower() for c in ctx}


def gold_units(article: dict) -> list[GoldUnit]:
    units: list[GoldUnit] = []
    for ev in article.get("events", []):
        types = ev["type"] if isinstance(ev["type"], list) else [ev["type"]]
        for pair, direction in dyads(codes(ev.get("actor")), codes(ev.get("recipient"))):
            u = GoldUnit(frozenset(t.upper() for t in types), pair, tuple(ev["date"]), direction,
                         ev.get("loc"), bool(ev.get("optional")))
            if not any((g.types, g.pair, g.dates, g.optional) == (u.types, u.pair, u.dates, u.optional)
                       for g in units):
                units.append(u)
    return units


def score(gold: dict[str, dict], pred: dict[str, list[dict]]) -> dict:
    n: dict[str, int] = defaultdict(int)
    for aid, article in gold.items():
        g = gold_units(article)
        n["gold"] += sum(1 for u in g if not u.optional)
        units: dict[tuple, tuple] = {}
        for rec in pred.get(aid, []):
            types = rec.get("event") or []
            loc = (rec.get("event_loc") or {}).get("country_code")
            for t in [types] if isinstance(types, str) else types:
                for pair, direction in dyads(codes(rec.get("actor")), codes(rec.get("recipient"))):
                    units.setdefault((str(t).upper(), pair, pred_dates(rec)), (direction, loc))
        hit_event: set[int] = set()
        hit_dyad: set[int] = set()
        for (t, pair, dates), (direction, loc) in units.items():
            same = [i for i, u in enumerate(g) if t in u.types and u.pair == pair]
            required = [i for i in same if not g[i].optional]
            if same and not required:
                continue
            n["pred"] += 1
            if required:
                n["dyad_tp"] += 1
                hit_dyad.update(required)
            dated = [i for i in required if any(date_matches(d, g[i].dates) for d in dates)]
            if not dated:
                continue
            n["tp"] += 1
            hit_event.update(dated)
            unit = g[dated[0]]
            if unit.direction:
                n["dir_n"] += 1
                n["dir_ok"] += direction == unit.direction
            if unit.loc:
                n["loc_n"] += 1
                n["loc_ok"] += loc == unit.loc
        n["recalled"] += len(hit_event)
        n["dyad_recalled"] += len(hit_dyad)
    p, r, f = prf(n["tp"], n["pred"], n["recalled"], n["gold"])
    dp, dr, df = prf(n["dyad_tp"], n["pred"], n["dyad_recalled"], n["gold"])
    return {
        "articles": len(gold), "gold_units": n["gold"], "pred_units": n["pred"],
        "event_p": round(p, 3), "event_r": round(r, 3), "event_f1": round(f, 3),
        "dyad_p": round(dp, 3), "dyad_r": round(dr, 3), "dyad_f1": round(df, 3),
        "direction_acc": round(n["dir_ok"] / n["dir_n"], 3) if n["dir_n"] else None,
        "location_acc": round(n["loc_ok"] / n["loc_n"], 3) if n["loc_n"] else None,
        "unknown_article_ids": len(set(pred) - set(gold)),
    }


def prf(tp: int, pred: int, recalled: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else (1.0 if not gold else 0.0)
    r = recalled / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_gold(path: str | Path) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                art = json.loads(line)
                out[str(art["id"])] = art
    return out


def load_pred(path: str | Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if is_event(rec):
                out[str(rec.get("article_id"))].append(rec)
    return out


def evaluate_files(gold_path: str | Path, pred_path: str | Path) -> dict:
    return score(load_gold(gold_path), load_pred(pred_path))
