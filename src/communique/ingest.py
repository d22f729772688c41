"""Ingest: turn files, corpora and standard input into Articles, or Rejects that say why not.

One bad input never costs the rest of a batch: every reader yields a Reject for what it cannot
read and carries on. Text offsets always point into the text as given (a .txt file's content, a
JSONL record's `text`), so scraper leftovers are marked as skipped spans, never cut out; only HTML
is rewritten, into the extracted text that is then kept.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from . import timex
from .model import Article, Reject
from .resources import load_yaml

MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # one article; far above any news story
MAX_TEXT_CHARS = 1_000_000  # spaCy's own limit for one text
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson"}
DATE_ALIASES = ("date", "published", "publish_date", "pub_date", "publication_date")

_BOILER = load_yaml("boilerplate.yaml")
_LEFTOVER = [re.compile(p, re.IGNORECASE) for p in _BOILER["leftover"]]
_CREDIT = [re.compile(p, re.IGNORECASE) for p in _BOILER["credit"]]
_UP = "A-ZÀ-ÖØ-Þ"  # capitals with their accents: "BRASÍLIA", "YAOUNDÉ"
_LOW = "a-zß-öø-ÿ"
DATELINE = re.compile(
    rf"^\s*(?P<place>[{_UP}][{_UP}.'’\-]+(?:[ /][{_UP}][{_UP}.'’\-]+){{0,3}}"
    rf"(?:,\s*[{_UP}][{_UP}{_LOW}.]+(?:\s[{_UP}][{_UP}{_LOW}.]+){{0,2}})?)"
    r"(?:,?\s+(?P<date>(?:[A-Z][a-z]+day,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<outlet>[^)]{1,40})\))?\s*(?::|—|–|--|-)\s+(?=\S)")


class InputError(Exception):
    """An input that cannot be read; the message names the reason."""


def read_inputs(paths: Iterable[str], default_date: str | None = None,
                stdin: io.TextIOBase | None = None) -> Iterator[Article | Reject]:
    """Every article of every input, in order; directories are walked recursively."""
    for raw in paths:
        if raw == "-":
            yield from _guard("-", lambda: _read_stdin(stdin or sys.stdin, default_date))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _supported(p))
            if not files:
                yield Reject(raw, "directory holds no .txt, .html or .jsonl files")
            for f in files:
                yield from _guard(str(f), lambda f=f: _read_file(f, default_date))
        elif not path.exists():
            yield Reject(raw, "no such file or directory")
        else:
            yield from _guard(raw, lambda p=path: _read_file(p, default_date))


def _supported(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    last = suffixes[-1] if suffixes else ""
    if last == ".gz":
        return len(suffixes) == 2 and suffixes[0] in CORPUS_SUFFIXES
    return last in TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES


def _guard(origin: str, produce) -> Iterator[Article | Reject]:
    try:
        yield from produce()
    except InputError as exc:
        yield Reject(origin, str(exc))
    except OSError as exc:
        yield Reject(origin, f"cannot read: {exc.strerror or exc}")


def _read_file(path: Path, default_date: str | None) -> Iterator[Article | Reject]:
    name = path.name.lower()
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        with gzip.open(path, "rb") as fh:
            yield from read_corpus(fh, str(path), default_date)
        return
    if path.suffix.lower() in CORPUS_SUFFIXES:
        with open(path, "rb") as fh:
            yield from read_corpus(fh, str(path), default_date)
        return
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"file is {size / 1e6:.1f} MB; one article may be at most "
                         f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB (split it, or use a .jsonl corpus)")
    text = decode(path.read_bytes())
    if path.suffix.lower() in HTML_SUFFIXES:
        yield from_html(path.stem, text, str(path), default_date)
    else:
        yield from_text(path.stem, text, str(path), default_date)


def _read_stdin(stream, default_date: str | None) -> Iterator[Article | Reject]:
    data = stream.buffer.read(MAX_ARTICLE_BYTES + 1) if hasattr(stream, "buffer") else \
        stream.read(MAX_ARTICLE_BYTES + 1).encode("utf-8")
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"standard input exceeds {MAX_ARTICLE_BYTES / 1e6:.0f} MB")
    text = decode(data)
    first = text.lstrip()[:1]
    if first == "{":
        yield from read_corpus(io.BytesIO(data), "-", default_date)
    elif first == "<":
        yield from_html("stdin", text, "-", default_date)
    else:
        yield from_text("stdin", text, "-", default_date)


def decode(data: bytes) -> str:
    """UTF-8 text, or an InputError that says why the bytes are not an article."""
    if not data.strip():
        raise InputError("empty input")
    if b"\x00" in data[:8192]:
        raise InputError("binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    return text


def read_corpus(fh, origin: str, default_date: str | None) -> Iterator[Article | Reject]:
    """A JSONL corpus: one article a line (SPEC section 1 fields and aliases)."""
    for n, raw in enumerate(fh, 1):
        where = f"{origin}:{n}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            yield Reject(where, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield from_record(rec, where, default_date)
        except InputError as exc:
            yield Reject(where, str(exc))


def from_record(rec: object, origin: str, default_date: str | None = None) -> Article:
    if not isinstance(rec, dict):
        raise InputError("a record must be a JSON object")
    rid = rec.get("id")
    if rid is None or str(rid).strip() == "":
        raise InputError("record has no 'id'")
    meta_date = next((rec[k] for k in DATE_ALIASES if rec.get(k)), None)
    if meta_date is not None and timex.parse_iso(str(meta_date)) is None:
        raise InputError(f"'date' is not an ISO 8601 date: {str(meta_date)[:40]!r}")
    fields = {"title": _str(rec.get("title")), "url": _str(rec.get("url")),
              "source": _str(rec.get("source") or rec.get("outlet") or rec.get("publication"))}
    text = rec.get("text")
    if isinstance(text, str) and text.strip():
        if len(text) > MAX_TEXT_CHARS:
            raise InputError(f"text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
        art = from_text(str(rid), text, origin, default_date, meta_date=meta_date)
    elif isinstance(rec.get("html"), str) and rec["html"].strip():
        art = from_html(str(rid), rec["html"], origin, default_date, meta_date=meta_date)
    else:
        raise InputError("record has neither 'text' nor 'html'")
    return replace(art, **{k: v for k, v in fields.items() if v})


def _str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def from_text(aid: str, text: str, origin: str, default_date: str | None = None,
              meta_date: str | None = None) -> Article:
    """A plain-text article: mark leftovers and captions, find the dateline and the date."""
    skipped, captions = _scan_lines(text)
    dateline, dl_date, dl_span = _dateline(text, skipped)
    title = _first_line(text)
    art = Article(id=aid, text=text, title=title, origin=origin, captions=captions,
                  skipped=skipped, dateline=dateline, dateline_span=dl_span)
    return _set_date(art, meta_date, default_date, dl_date)


def from_html(aid: str, html: str, origin: str, default_date: str | None = None,
              meta_date: str | None = None) -> Article:
    """An HTML page: trafilatura extracts body and metadata; captions are kept and marked."""
    import trafilatura  # imported late: HTML is the rarer input

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_images=False, include_tables=False)
    body = _paragraphs(doc) if doc is not None else ""
    if body.count("\n") == 0:  # on short pages trafilatura falls back to one run-together block
        body = _own_blocks(html) or body
    if not body.strip():
        raise InputError("HTML page has no article text")
    title = (doc.title or "").strip() or None
    captions = _html_captions(html)
    lines = [ln for ln in body.split("\n") if not _is_leftover(ln) and ln.strip() != title]
    parts = [title] if title else []
    cap_text = [c for c in captions if c not in body]
    parts += cap_text
    head = "\n\n".join(parts)
    text = (head + "\n\n" if head else "") + "\n\n".join(ln.strip() for ln in lines if ln.strip())
    spans = tuple((text.index(c), text.index(c) + len(c)) for c in cap_text)
    skipped, more_caps = _scan_lines(text)
    dateline, dl_date, dl_span = _dateline(text, skipped)
    art = Article(id=aid, text=text, title=title, origin=origin, source=doc.sitename or None,
                  url=doc.url or None, captions=tuple(sorted(set(spans + more_caps))),
                  skipped=skipped, dateline=dateline, dateline_span=dl_span)
    return _set_date(art, meta_date or doc.date, default_date, dl_date)


def _paragraphs(doc) -> str:
    """One line per block of trafilatura's body (its plain text sometimes runs blocks together)."""
    body = getattr(doc, "body", None)
    if body is None or len(body) == 0:
        return doc.text or ""
    lines = [" ".join("".join(el.itertext()).split()) for el in body]
    return "\n".join(ln for ln in lines if ln)


def _own_blocks(html: str) -> str:
    """Headings, paragraphs and list items of the main content, without page furniture."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for bad in tree.xpath("//nav|//footer|//aside|//figure|//script|//style|//header|//form"):
        bad.drop_tree()
    root = (tree.xpath("//article") or tree.xpath("//main") or [tree])[0]
    lines = [" ".join(el.text_content().split()) for el in root.xpath(".//h1|.//h2|.//h3|.//p|.//li")]
    return "\n".join(ln for ln in lines if ln)


def _html_captions(html: str) -> list[str]:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    nodes = tree.xpath("//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]")
    seen: list[str] = []
    for node in nodes:
        text = " ".join(node.text_content().split())
        if len(text) > 20 and text not in seen:
            seen.append(text)
    return seen


def _is_leftover(line: str) -> bool:
    return any(p.search(line) for p in _LEFTOVER)


def _scan_lines(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Spans of leftover lines (skipped) and of caption lines (kept, marked)."""
    skipped, captions = [], []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if _is_leftover(line):
            skipped.append((start, end))
        elif any(p.search(line) for p in _CREDIT):
            captions.append((start, end))
    return tuple(skipped), tuple(captions)


def _first_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:300]
    return None


def _dateline(text: str, skipped) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The first paragraph-opening dateline ("ISLAMABAD:", "NAIROBI, March 3 (Reuters) -") and its span."""
    pos = 0
    for line in text.split("\n")[:40]:
        m = DATELINE.match(line)
        if m and not any(s <= pos < e for s, e in skipped):
            place = m["place"].strip().rstrip(",")
            first = re.split(r"[,/]", place)[0].strip()
            if len(first) >= 3 and first.isupper():
                return place, m["date"], (pos + m.start("place"), pos + m.end())
        pos += len(line) + 1
    return None, None, None


def _set_date(art: Article, meta_date: str | None, default_date: str | None,
              dateline_date: str | None) -> Article:
    """Publication date: metadata, else inferred from the text, else --date."""
    meta = timex.parse_iso(meta_date)
    if meta:
        return art.with_date(meta.isoformat(), "metadata")
    inferred = infer_date(art, dateline_date)
    if inferred:
        return art.with_date(*inferred)
    fallback = timex.parse_iso(default_date)
    return art.with_date(fallback.isoformat() if fallback else None, "option")


def infer_date(art: Article, dateline_date: str | None = None) -> tuple[str, str] | None:
    """The publication date a reader infers: dateline, caption or lead dates, checked by weekdays."""
    if dateline_date:
        found = timex.find_full_dates(dateline_date)
        if found:
            return found[0][2].isoformat(), "dateline"
    text = art.text
    head = text[: max(1500, _nth_paragraph_end(text, 3))]
    candidates = []
    for start, _end, d in timex.find_full_dates(head):
        in_caption = any(s <= start < e for s, e in art.captions)
        candidates.append((d, "caption" if in_caption else "text"))
    if not candidates:
        year_less = timex.weekday_dates(head)
        if year_less:
            return year_less[0].isoformat(), "weekday"
        return None
    weekdays = timex.weekdays_mentioned(text)
    agreeing = [c for c in candidates if c[0].weekday() in weekdays]
    if agreeing:
        d, src = max(agreeing)
        return d.isoformat(), f"{src}+weekday"
    d, src = max(candidates)
    return d.isoformat(), src


def _nth_paragraph_end(text: str, n: int) -> int:
    pos = 0
    for _ in range(n):
        nxt = text.find("\n\n", pos + 1)
        if nxt < 0:
            return len(text)
        pos = nxt
    return pos
