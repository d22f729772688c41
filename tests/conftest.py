"""Shared fixtures: the parsed pipeline is loaded once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed-case"
DEVSET = ROOT / "tests" / "devset"
CLI = [sys.executable, "-m", "communique.cli"]


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not there (tests that read ../shared need it beside the checkout)")
    return SHARED


def run_cli(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, in a subprocess, as a user runs it."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([*CLI, *args], input=data, capture_output=True, cwd=cwd or ROOT, timeout=600)


# --- the web tests' store: the bundled demo corpus plus one hostile article --------------------------------------

HOSTILE = {  # its own dyad and an old date, so the demo's pages (and the screenshots in docs/) stay clean
    "id": "hostile-1",
    "title": 'Chad and Niger sign <script>window.__pwned = "title"</script> deal',
    "source": 'Evil Wire" onmouseover="window.__pwned = \'outlet\'',
    "url": "javascript:window.__pwned = 'url'",
    "date": "2024-01-10",
    "text": ("Chad and Niger sign trade deal\n\n"
             "N'DJAMENA, Jan 10 (Evil Wire) - Chad and Niger signed a trade agreement "
             "<img src=x onerror=\"window.__pwned = 'img'\"> in N'Djamena on Wednesday, officials said.\n\n"
             "The deal <script>window.__pwned = 'text'</script> covers cattle and textiles, "
             "the commerce ministry said in a statement \" onfocus=\"window.__pwned = 'attr'\" autofocus=\"."),
}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """A store built by the real ingest from the demo corpus and one article full of markup."""
    import json

    from communique.cli_web import build_demo
    from communique.store import Store, ingest

    path = tmp_path_factory.mktemp("web") / "demo.duckdb"
    build_demo(path, quiet=True)
    hostile = path.parent / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    ingest(Store(path), [str(hostile)])
    return path
