import gzip
import json

import pytest

from communique import ingest
from communique.model import Article, Reject

SCRAPED = """Kenya, Ethiopia agree to reopen border crossing

Kenyan President William Ruto meets Ethiopian Prime Minister Abiy Ahmed in Nairobi on June 11, 2025. (Photo: AFP)
Short Url
Share

NAIROBI: Kenya and Ethiopia agreed on Wednesday to reopen the Moyale crossing, officials said.
"""


def read(paths, **kw):
    return list(ingest.read_inputs([str(p) for p in paths], **kw))


def test_text_file_marks_leftovers_and_captions_without_moving_offsets(tmp_path):
    p = tmp_path / "kenya.txt"
    p.write_text(SCRAPED)
    (art,) = read([p])
    assert isinstance(art, Article) and art.id == "kenya" and art.text == SCRAPED
    skipped = [art.text[s:e] for s, e in art.skipped]
    assert skipped == ["Short Url", "Share"]
    assert art.text[slice(*art.captions[0])].startswith("Kenyan President William Ruto")
    assert art.dateline == "NAIROBI"


def test_publication_date_inferred_from_caption_and_agreeing_weekday(tmp_path):
    p = tmp_path / "kenya.txt"
    p.write_text(SCRAPED)
    (art,) = read([p])
    assert art.date == "2025-06-11" and art.date_source == "caption+weekday"


def test_metadata_date_wins_and_option_date_is_the_fallback(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "No dates here at all.", "published": "2025-03-14 20:30:26Z"})
                 + "\n" + json.dumps({"id": "b", "text": "No dates here at all."}) + "\n")
    a, b = read([p], default_date="2025-01-02")
    assert (a.date, a.date_source) == ("2025-03-14", "metadata")
    assert (b.date, b.date_source) == ("2025-01-02", "option")


def test_corpus_fields_and_aliases(tmp_path):
    p = tmp_path / "c.jsonl.gz"
    rec = {"id": 7, "text": "Body.", "title": "T", "pub_date": "2024-05-01", "url": "http://x", "source": "Wire"}
    with gzip.open(p, "wt") as fh:
        fh.write(json.dumps(rec) + "\n")
    (art,) = read([p])
    assert (art.id, art.title, art.date, art.url, art.source) == ("7", "T", "2024-05-01", "http://x", "Wire")


def test_bad_records_are_rejected_one_by_one_and_the_rest_read(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join([json.dumps({"id": "ok1", "text": "Fine."}), "{not json", json.dumps({"text": "x"}),
                            json.dumps({"id": "nohtml"}), json.dumps({"id": "ok2", "text": "Fine too."})]) + "\n")
    items = read([p])
    assert [i.id for i in items if isinstance(i, Article)] == ["ok1", "ok2"]
    reasons = [str(i) for i in items if isinstance(i, Reject)]
    assert reasons[0].endswith(":2: not valid JSON (Expecting property name enclosed in double quotes at column 2)")
    assert reasons[1].endswith(":3: record has no 'id'")
    assert reasons[2].endswith(":4: record has neither 'text' nor 'html'")


def test_unreadable_files_each_give_one_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "good.txt").write_text("Kenya and Ethiopia agreed to talk.")
    items = {i.origin.split("/")[-1]: i for i in read([tmp_path])}
    assert isinstance(items["good.txt"], Article)
    assert items["empty.txt"].reason == "empty input"
    assert items["binary.txt"].reason == "binary data, not text"
    assert items["latin1.txt"].reason == "not valid UTF-8 (byte 0xe9 at offset 3)"
    assert items["big.txt"].reason.startswith("file is 52.4 MB; one article may be at most 5 MB")


def test_missing_path_is_a_reject(tmp_path):
    (item,) = read([tmp_path / "nope.txt"])
    assert isinstance(item, Reject) and item.reason == "no such file or directory"


def test_html_keeps_metadata_and_captions_and_drops_leftovers(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("""<html><head><title>Kenya, Ethiopia sign deal</title>
<meta property="og:site_name" content="Daily Wire">
<meta property="article:published_time" content="2025-06-12T10:00:00Z"></head>
<body><article><h1>Kenya, Ethiopia sign deal</h1>
<figure><img src="a.jpg"><figcaption>Kenyan President William Ruto greets Ethiopian PM Abiy Ahmed in Nairobi.
(Photo: AFP)</figcaption></figure>
<p>NAIROBI: Kenya and Ethiopia signed an agreement on border security on Wednesday, officials said.</p>
<p>Short Url</p><p>The two leaders also agreed to meet again in Addis Ababa next month.</p>
</article></body></html>""")
    (art,) = read([page])
    assert art.title == "Kenya, Ethiopia sign deal" and art.source == "Daily Wire"
    assert (art.date, art.date_source) == ("2025-06-12", "metadata")
    assert "Short Url" not in art.text
    assert art.text[slice(*art.captions[0])].startswith("Kenyan President William Ruto greets")


@pytest.mark.parametrize(("text", "place"), [
    ("BRASÍLIA - The government said on Monday it would act.", "BRASÍLIA"),
    ("YAOUNDÉ, Aug 22 (Central Wire) - Police said on Friday they had arrested 12 people.", "YAOUNDÉ"),
])
def test_datelines_with_accented_capitals(text, place):
    art = ingest.from_text("x", text, "x", meta_date="2025-08-25")
    assert art.dateline is not None and art.dateline.startswith(place)
