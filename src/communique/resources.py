"""Data files under communique/data: lexicons, gazetteers and the actor knowledge base.

Each file is read once per process and cached: stages ask for tables, never for paths.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

import yaml


def _path(name: str):
    return resources.files("communique").joinpath("data", name)


@cache
def load_yaml(name: str) -> Any:
    with _path(name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file with a header line; blank and '#' lines are skipped."""
    with _path(name).open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)


def read_text(name: str) -> str:
    return _path(name).read_text(encoding="utf-8")
