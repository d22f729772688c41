"""The dashboard in a real browser: Debian's Chromium driven by Playwright against the real server
(`communique serve`, a subprocess) over a real store. Screenshots go to build/screenshots/ (and to
$COMMUNIQUE_SCREENSHOTS when set, which is how the pictures in docs/ are made)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
SHOTS = ROOT / "build" / "screenshots"

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("browser tests need Debian's chromium at /usr/bin/chromium (.ci/run installs it)")
    pytest.skip("no /usr/bin/chromium here (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    """`communique serve` on a free port, as a user starts it; its URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "communique.cli", "serve", "--db", str(web_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/api/v1/stats", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"the server did not start: {proc.stderr.read() if proc.stderr else ''}") from None
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh page that records every request and every dialog, so a test can check that nothing left
    this server and nothing injected ran."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    yield pg
    foreign = [u for u in pg.requests if not u.startswith(server) and not u.startswith("data:")]  # type: ignore
    context.close()
    assert not foreign, f"requests left the server: {foreign}"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    extra = os.environ.get("COMMUNIQUE_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / path.name)


def test_from_home_to_pakistan_to_the_dyad_to_an_event_and_its_article(page: Page, server: str):
    page.goto(server + "/")
    expect(page.locator("h1")).to_have_text("What the store holds")
    shot(page, "home")

    page.fill("input[name=q]", "Pakistan")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/country/PAK")
    expect(page.locator("#network[data-drawn=true]")).to_be_visible()
    assert page.evaluate("window.communiqueNetwork.nodes().length") >= 2
    shot(page, "country")

    page.locator("#partners a[href='/dyad/PAK/BLR']").click()
    page.wait_for_url("**/dyad/PAK/BLR")
    expect(page.locator("#timeline[data-drawn=true]")).to_be_visible()
    # the chart drew bars with events in both months (Vega-Lite labels each mark for assistive technology)
    for month in ("2025-04", "2025-08"):
        bars = page.locator(f"#timeline svg [aria-roledescription=bar][aria-label*='period: {month}']")
        labels = bars.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
        assert any("events: 0;" not in label + ";" for label in labels), (month, labels)
    shot(page, "dyad")

    august = page.locator("#events li.event", has_text="2025-08-27").first
    august.locator("a.event-link").click()
    page.wait_for_url("**/event/*")
    evidence = page.locator("#mentions blockquote.evidence").first
    expect(evidence).to_be_visible()
    expect(evidence.locator("mark.trigger")).to_have_count(1)
    assert evidence.locator("mark.actor, mark.recipient").count() >= 1
    shot(page, "event")

    page.locator("#mentions a[href^='/article/']").first.click()
    page.wait_for_url("**/article/*")
    expect(page.locator("#article-text a.mark.trigger").first).to_be_visible()
    shot(page, "article")
    assert not page.errors, page.errors  # type: ignore[attr-defined]


def test_injected_markup_never_runs(page: Page, server: str):
    ids = [r["event_id"] for r in __import__("json").loads(
        urllib.request.urlopen(server + "/api/v1/articles/hostile-1").read())["reports"]]
    for path in ["/article/hostile-1", *[f"/event/{i}" for i in ids], "/dyad/TCD/NER", "/country/TCD"]:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        page.mouse.move(200, 300)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("img[src=x]").count() == 0, path
    assert not page.dialogs  # type: ignore[attr-defined]


def test_the_api_docs_render_from_local_files(page: Page, server: str):
    page.goto(server + "/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=20000)
    assert page.locator(".swagger-ui .opblock").count() >= 8


def test_clicking_a_month_of_the_timeline_lists_its_events(page: Page, server: str):
    page.goto(server + "/dyad/PAK/BLR")
    expect(page.locator("#timeline[data-drawn=true]")).to_be_visible()
    bars = page.locator("#timeline svg [aria-roledescription=bar][aria-label*='period: 2025-04']")
    box = max((bars.nth(i).bounding_box() for i in range(bars.count())), key=lambda b: b["height"] if b else 0)
    assert box and box["height"] > 0
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 2)
    page.wait_for_url("**since=2025-04**")
    dates = page.locator("#events li.event a.event-link").all_inner_texts()
    assert dates and all(d.startswith("2025-04") for d in dates), dates
