import csv
import io
import json
import subprocess
import sys

from communique.model import EVENT_TYPES
from conftest import SEED, SHARED, run_cli

SEED_TXT = SEED / "pakistan-belarus-2025-08-27.txt"
SEED_ID = "pakistan-belarus-2025-08-27"


def ok(result, status=0):
    """The run ended with `status` and never showed a user a traceback."""
    err = result.stderr.decode()
    assert "Traceback" not in err, err
    assert result.returncode == status, err
    return result.stdout.decode(), err


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def referee(gold, pred):
    out = subprocess.run([sys.executable, str(SHARED / "score.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, timeout=60, check=True)
    return json.loads(out.stdout)


def test_seed_text_with_no_date_is_coded_exactly(shared, tmp_path):
    out, _ = ok(run_cli("code", str(SEED_TXT)))
    recs = records(out)
    assert recs and {r["article_id"] for r in recs} == {SEED_ID}
    pred = tmp_path / "pred.jsonl"
    pred.write_text(out)
    assert referee(SEED / "gold.jsonl", pred)["event_f1"] == 1.0


def test_seed_corpus_record_is_coded_exactly(shared, tmp_path):
    pred = tmp_path / "pred.jsonl"
    ok(run_cli("code", str(SEED / "article.jsonl"), "-o", str(pred)))
    assert referee(SEED / "gold.jsonl", pred)["event_f1"] == 1.0


def test_table_shows_who_what_when_where(shared):
    out, _ = ok(run_cli("code", str(SEED_TXT), "--format", "table"))
    flat = " ".join(out.split())  # the table wraps to the terminal width
    for words in ("Minister of Internal Affairs", "Prime Minister", "2025-04", "Islamabad", "Ivan Kubrakov",
                  "CONSULT"):
        assert words in flat
    assert "Interior Minister" in flat or "Minister of Interior" in flat


def test_csv_has_a_header_and_one_row_per_event(shared):
    out, _ = ok(run_cli("code", str(SEED_TXT), "--format", "csv"))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0].startswith("id,article_id,date")
    assert len(rows) >= 4 and {r["article_id"] for r in rows} == {SEED_ID}
    assert all(r["event"] in EVENT_TYPES and r["actor_codes"] for r in rows)
    assert any(r["event"] == "CONSULT" and r["actor_codes"] == "BLR" and r["recipient_codes"] == "PAK" for r in rows)


def test_stdin_with_date():
    text = "Ugandan President Yoweri Museveni visited Nairobi on Tuesday.\n"
    out, _ = ok(run_cli("code", "-", "--date", "2025-06-11", stdin=text))
    (rec,) = records(out)
    assert (rec["event"], rec["date"], rec["date_text"]) == (["CONSULT"], "2025-06-10", "Tuesday")
    assert rec["actor"][0]["code"] == "UGA" and rec["recipient"][0]["code"] == "KEN"
    assert rec["text_info"]["start"] == 0 and rec["evidence"] == [text.strip()]


def test_events_only_leaves_out_negated_records(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "n1", "date": "2025-08-28",
                                  "text": "Ethiopia did not sign the agreement with Egypt."}) + "\n"
                      + json.dumps({"id": "n2", "date": "2025-08-28",
                                    "text": "Poland expelled two Russian diplomats on Tuesday."}) + "\n")
    out, _ = ok(run_cli("code", str(corpus), "--events-only"))
    recs = records(out)
    assert [r["article_id"] for r in recs] == ["n2"]
    assert not any("negation" in r["context"] for r in recs)


def test_directory_with_bad_inputs_codes_the_good_ones(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks in Bogot\xe1".encode("latin-1"))
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "corpus.jsonl").write_text("\n".join([
        json.dumps({"id": "c1", "date": "2025-06-11", "text": "Kenya and Uganda signed a trade pact on Tuesday."}),
        "{not json",
        json.dumps({"text": "Ghana and Togo agreed to talk.", "date": "2025-06-11"}),
    ]) + "\n")
    (tmp_path / "good.txt").write_text("Ugandan President Yoweri Museveni visited Nairobi on Tuesday.\n")
    out, err = ok(run_cli("code", str(tmp_path), "--date", "2025-06-11"))
    assert {r["article_id"] for r in records(out)} == {"c1", "good"}
    lines = err.splitlines()
    expected = {"empty.txt": "empty input", "photo.txt": "binary data", "latin1.txt": "not valid UTF-8",
                "huge.txt": "52.4 MB", "corpus.jsonl:2": "not valid JSON", "corpus.jsonl:3": "record has no 'id'"}
    assert len(lines) == len(expected)
    for name, reason in expected.items():
        (line,) = [ln for ln in lines if f"/{name}: " in ln]
        assert line.startswith("communique: skipped ") and reason in line


def test_all_inputs_bad_is_exit_one(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "photo.txt").write_bytes(b"\x00\x01\x02\x03")
    out, err = ok(run_cli("code", str(tmp_path / "empty.txt"), str(tmp_path / "photo.txt"),
                          str(tmp_path / "missing.txt")), status=1)
    assert out == ""
    for name in ("empty.txt", "photo.txt", "missing.txt"):
        assert sum(name in ln for ln in err.splitlines()) == 1


def test_bad_date_option_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Kenya and Uganda signed a trade pact on Tuesday.")
    _, err = ok(run_cli("code", str(tmp_path / "a.txt"), "--date", "notadate"), status=2)
    assert "notadate" in err


def as_prediction(gold_event):
    """A PLOVER record that says exactly what a gold event says."""
    date = gold_event["date"][0]
    month = len(date) == 7
    return {"article_id": SEED_ID, "event": [gold_event["type"]],
            "actor": [{"code": c} for c in gold_event["actor"]],
            "recipient": [{"code": c} for c in gold_event["recipient"]],
            "date": date + "-01" if month else date, "date_precision": "month" if month else "day",
            "event_loc": {"country_code": gold_event["loc"]}}


def test_eval_prints_the_referee_figures(shared, tmp_path):
    gold = SEED / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(as_prediction(e)) + "\n" for e in json.loads(gold.read_text())["events"]))
    out, _ = ok(run_cli("eval", str(gold), str(pred)))
    assert "event_f1=1.0 event_p=1.0 event_r=1.0" in out
    assert "direction_acc: 1.0" in out and "location_acc: 1.0" in out


def test_example_prints_a_table():
    out, _ = ok(run_cli("example"))
    flat = " ".join(out.split())
    assert "CONSULT" in flat and "Kubrakov" in flat and "Islamabad" in flat
