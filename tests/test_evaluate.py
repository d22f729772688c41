import json
import subprocess
import sys

import pytest

from communique.evaluate import evaluate_files
from conftest import DEVSET, SEED, SHARED, run_cli


def referee(gold, pred):
    """The figures of ../shared/score.py, the judge the project is measured by."""
    out = subprocess.run([sys.executable, str(SHARED / "score.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, timeout=60, check=True)
    return json.loads(out.stdout)


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


@pytest.fixture(scope="module")
def seed_pred(shared, tmp_path_factory):
    out = run_cli("code", str(SEED / "pakistan-belarus-2025-08-27.txt"))
    assert out.returncode == 0, out.stderr.decode()
    path = tmp_path_factory.mktemp("seed") / "pred.jsonl"
    path.write_bytes(out.stdout)
    return path


def test_seed_case_figures_agree_with_the_referee(shared, seed_pred):
    gold = SEED / "gold.jsonl"
    ours = evaluate_files(gold, seed_pred)
    assert ours == referee(gold, seed_pred)
    assert ours["articles"] == 1 and ours["gold_units"] == 4


def test_dev_set_figures_agree_with_the_referee(shared, tmp_path):
    pred = tmp_path / "dev.jsonl"
    out = run_cli("code", str(DEVSET / "articles.jsonl"), "-o", str(pred))
    assert out.returncode == 0, out.stderr.decode()
    ours = evaluate_files(DEVSET / "gold.jsonl", pred)
    assert ours == referee(DEVSET / "gold.jsonl", pred)
    assert ours["articles"] == 64 and ours["pred_units"] > 0


GOLD = [
    {"id": "a1", "date": "2025-08-27", "events": [
        {"type": "CONSULT", "actor": ["BLR"], "recipient": ["PAK"], "date": ["2025-08-27"], "loc": "PAK",
         "optional": False},
        {"type": "AGREE", "actor": ["PAK", "BLR"], "recipient": [], "date": ["2025-08-27"], "loc": "PAK",
         "optional": False},
        {"type": "CONSULT", "actor": ["PAK"], "recipient": ["BLR"], "date": ["2025-04"], "loc": "BLR",
         "optional": False},
        {"type": "ACCUSE", "actor": ["PAK"], "recipient": [], "date": ["2025-08-26"], "loc": None,
         "optional": False},
        {"type": "REJECT", "actor": ["BLR"], "recipient": ["PAK"], "date": ["2025-08-27"], "loc": None,
         "optional": True},
        {"type": ["AID", "AGREE"], "actor": ["KEN"], "recipient": ["MWI"], "date": ["2025-03-19"], "loc": None,
         "optional": False},
    ]},
    {"id": "a2", "date": "2025-06-11", "events": [
        {"type": "PROTEST", "actor": ["KEN"], "recipient": [], "date": ["2025-06-09", "2025-06-10"],
         "loc": "KEN", "optional": False},
        {"type": "SUPPORT", "actor": ["KEN", "UGA", "TZA"], "recipient": [], "date": ["2025-06-10"],
         "loc": None, "optional": False},
        {"type": "SUPPORT", "actor": ["UGA", "KEN"], "recipient": [], "date": ["2025-06-10"], "loc": None,
         "optional": False},
    ]},
    {"id": "a3", "date": "2025-06-11", "events": []},
]


def rec(aid, etype, actor, recipient=(), date="2025-08-27", precision="day", **extra):
    return {"id": f"{aid}-{etype}-{date}", "article_id": aid, "event": [etype] if isinstance(etype, str) else etype,
            "actor": [{"code": c} for c in actor], "recipient": [{"code": c} for c in recipient],
            "date": date, "date_precision": precision, **extra}


CASES = {
    "perfect": [
        rec("a1", "CONSULT", ["BLR"], ["PAK"], event_loc={"country_code": "PAK"}),
        rec("a1", "AGREE", ["PAK", "BLR"], event_loc={"country_code": "PAK"}),
        rec("a1", "CONSULT", ["PAK"], ["BLR"], "2025-04-01", "month", event_loc={"country_code": "BLR"}),
        rec("a1", "ACCUSE", ["PAK"], date="2025-08-26"),
        rec("a1", "AID", ["KEN"], ["MWI"], "2025-03-19"),
        rec("a2", "PROTEST", ["KEN"], date="2025-06-10", event_loc={"country_code": "KEN"}),
        rec("a2", "SUPPORT", ["KEN", "UGA", "TZA"], date="2025-06-10"),
    ],
    "week_precision": [
        rec("a1", "CONSULT", ["BLR"], ["PAK"], "2025-08-25", "week"),  # Aug 25-31 holds the 27th
        rec("a1", "AGREE", ["PAK", "BLR"], date="2025-08-11", precision="week"),  # Aug 11-17 does not
        rec("a2", "PROTEST", ["KEN"], date="2025-06-04", precision="week"),  # Jun 4-10 holds the 9th and 10th
    ],
    "month_gold_and_month_pred": [
        rec("a1", "CONSULT", ["PAK"], ["BLR"], "2025-04-15"),  # a day inside the gold month
        rec("a1", "CONSULT", ["BLR"], ["PAK"], "2025-08-01", "month"),  # a month is not the gold day
        rec("a1", "AGREE", ["BLR", "PAK"], date="2025-01-01", precision="year"),
        rec("a1", "ACCUSE", ["PAK"], date="2025-05-01", precision="month"),
        rec("a2", "PROTEST", ["KEN"], date="2025-06-10", precision="month"),  # compared as 2025-06: no match
        rec("a1", "AID", ["KEN"], ["MWI"], "2025-03-19", "year"),  # compared as 2025: no match
    ],
    "optional_events": [
        rec("a1", "REJECT", ["BLR"], ["PAK"]),  # optional: neither credit nor penalty
        rec("a1", "REJECT", ["PAK"], ["BLR"], "2024-01-01"),  # optional dyad, wrong date: still ignored
        rec("a1", "REJECT", ["KEN"], ["PAK"]),  # not optional: a false positive
        rec("a1", "CONSULT", ["BLR"], ["PAK"]),
    ],
    "negated_and_hypothetical": [
        rec("a1", "CONSULT", ["BLR"], ["PAK"], context=["negation"]),
        rec("a1", "AGREE", ["PAK", "BLR"], context="hypothetical"),
        rec("a1", "ACCUSE", ["PAK"], date="2025-08-26", has_event=False),
        rec("a1", "AID", ["KEN"], ["MWI"], "2025-03-19", context=["future", "Negation"]),
        rec("a1", "CONSULT", ["PAK"], ["BLR"], "2025-04-01", "month", context=["historical"]),
    ],
    "lone_codes": [
        rec("a1", "ACCUSE", ["PAK", "PAK"], date="2025-08-26"),
        rec("a1", "ACCUSE", ["BLR"], date="2025-08-26"),
        rec("a2", "PROTEST", ["KEN"], ["KEN"], date="2025-06-09"),
        rec("a1", "CONSULT", [], ["PAK"]),
        rec("a3", "PROTEST", ["KEN"], date="2025-06-10"),
    ],
    "unknown_article_ids": [
        rec("a1", "CONSULT", ["BLR"], ["PAK"]),
        rec("zz", "CONSULT", ["BLR"], ["PAK"]),
        rec("yy", "AGREE", ["PAK", "BLR"]),
        {"id": "no-article", "event": ["AGREE"], "actor": [{"code": "PAK"}], "date": "2025-08-27"},
    ],
    "direction_location_and_repeats": [
        rec("a1", "CONSULT", ["PAK"], ["BLR"], event_loc={"country_code": "BLR"}),  # reversed, wrong place
        rec("a1", "CONSULT", ["PAK"], ["BLR"], event_loc={"country_code": "PAK"}),  # a repeat of that unit
        rec("a1", "CONSULT", ["PAK"], ["BLR"], "2025-04-01", "month", event_loc=None),
        rec("a2", "SUPPORT", ["KEN", "UGA"], date="2025-06-10"),
        rec("a2", "SUPPORT", ["TZA", "UGA"], date="2025-06-10"),
    ],
    "loose_shapes": [
        {"article_id": "a1", "event": "AGREE", "actor": ["pak", "BLR"], "date": "2025-08-27"},
        {"article_id": "a1", "event": ["aid"], "actor": [{"code": "KEN"}], "recipient": [{"code": "MWI"}],
         "date": "2025-03-19", "date_precision": "day"},
        {"article_id": "a1", "event": [], "actor": [{"code": "PAK"}], "date": "2025-08-27"},
        {"article_id": "a1", "event": ["CONSULT"], "actor": [{"code": None}, {"code": "BLR"}],
         "recipient": [{"code": "PAK"}], "date": "2025-08-27T10:00:00"},
        {"article_id": "a2", "event": ["PROTEST", "ASSAULT"], "actor": [{"code": "KEN"}], "date": "2025-06-09"},
        {"article_id": "a1", "event": ["CONSULT"], "actor": [{"code": "BLR"}], "recipient": [{"code": "PAK"}],
         "date": "not a date", "date_precision": "week"},
    ],
    "nothing": [],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_tricky_predictions_agree_with_the_referee(shared, tmp_path, case):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", CASES[case])
    assert evaluate_files(gold, pred) == referee(gold, pred)


def test_blank_lines_are_ignored(shared, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n" + json.dumps(GOLD[0]) + "\n\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(["", json.dumps(CASES["perfect"][0]), "   ", json.dumps(CASES["perfect"][1]), ""]))
    assert evaluate_files(gold, pred) == referee(gold, pred)


def test_perfect_predictions_score_one(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    figures = evaluate_files(gold, write_jsonl(tmp_path / "pred.jsonl", CASES["perfect"]))
    assert (figures["event_p"], figures["event_r"], figures["event_f1"]) == (1.0, 1.0, 1.0)
    assert (figures["direction_acc"], figures["location_acc"]) == (1.0, 1.0)
    # a1: five required units (the optional REJECT is not counted); a2: PROTEST and three SUPPORT pairs,
    # the second SUPPORT repeating pairs of the first
    assert (figures["gold_units"], figures["pred_units"]) == (9, 9)


def test_week_precision_matches_any_day_of_its_week(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    figures = evaluate_files(gold, write_jsonl(tmp_path / "pred.jsonl", CASES["week_precision"]))
    assert (figures["pred_units"], figures["event_p"], figures["dyad_p"]) == (3, 0.667, 1.0)


def test_negated_and_hypothetical_records_are_not_counted(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    figures = evaluate_files(gold, write_jsonl(tmp_path / "pred.jsonl", CASES["negated_and_hypothetical"]))
    assert figures["pred_units"] == 1 and figures["event_p"] == 1.0


def test_unknown_article_ids_are_counted(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    figures = evaluate_files(gold, write_jsonl(tmp_path / "pred.jsonl", CASES["unknown_article_ids"]))
    assert figures["unknown_article_ids"] == 3 and figures["pred_units"] == 1


def test_prediction_file_that_is_not_json_is_an_error(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(CASES["perfect"][0]) + "\n{oops\n")
    with pytest.raises(ValueError, match=r"pred.jsonl:2"):
        evaluate_files(gold, pred)
