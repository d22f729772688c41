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
