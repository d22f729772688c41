import dataclasses
from importlib import resources

import pytest
import yaml

from communique.events.lexicon import Sense

DATA = resources.files("communique").joinpath("data")
TSVS = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".tsv"))
YAMLS = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".yaml", ".yml")))

# SPEC section 4: type -> PLOVER modes
MODES = {
    "AGREE": set(), "SUPPORT": set(), "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
                "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
}
CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election", "political_institutions", "pro_democracy",
    "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms", "repression",
    "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource", "environment", "technology",
    "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
}
SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
           "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"}
NON_STATE_CODES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}  # SPEC section 3


class UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a mapping with the same key twice (PyYAML keeps the last one)."""


def _unique_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def read_yaml(name):
    return yaml.load(DATA.joinpath(name).read_text(encoding="utf-8"), Loader=UniqueKeyLoader)


def tsv_rows(name):
    lines = [ln.rstrip("\n") for ln in DATA.joinpath(name).read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return header, [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


def senses(entry, path):
    """Every sense of a lexicon entry: the entry itself, its `bare` reading and every sense of its
    sub-sense maps (`objects`, `particles`, `complements`: lemma -> sense)."""
    assert isinstance(entry, dict), f"{path}: an entry must be a mapping"
    yield path, entry
    for key, value in entry.items():
        if key == "bare" and value:
            yield from senses(value, f"{path}.bare")
        elif isinstance(value, dict):
            for lemma, sub in value.items():
                yield from senses(sub or {}, f"{path}.{key}.{lemma}")


def lexicon_senses():
    verbs = read_yaml("verbs.yaml")
    for section in ("verbs", "nouns"):
        for lemma, entry in verbs[section].items():
            yield from senses(entry or {}, f"{section}.{lemma}")


def test_data_files_are_there():
    assert {"countries.tsv", "seats.tsv", "igos.tsv", "offices.tsv", "agents.tsv", "people.tsv"} <= set(TSVS)
    assert {"verbs.yaml", "contexts.yaml", "modality.yaml", "actors.yaml", "boilerplate.yaml"} <= set(YAMLS)


@pytest.mark.parametrize("name", TSVS)
def test_tsv_rows_have_the_header_column_count(name):
    lines = [ln for ln in DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    width = len(lines[0].split("\t"))
    assert width >= 2 and len(set(lines[0].split("\t"))) == width
    bad = [(n, ln) for n, ln in enumerate(lines[1:], 2) if len(ln.split("\t")) != width]
    assert not bad, f"{name}: rows with another column count than the header's {width}: {bad[:5]}"


@pytest.mark.parametrize("name", YAMLS)
def test_yaml_parses_without_duplicate_keys(name):
    assert read_yaml(name)


def test_duplicate_keys_are_caught_by_the_loader():
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'agree'"):
        yaml.load("verbs:\n  agree: {type: AGREE}\n  agree: {type: REJECT}\n", Loader=UniqueKeyLoader)
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'talk'"):
        yaml.load("hold:\n  objects:\n    talk: {type: CONSULT}\n    talk: {}\n", Loader=UniqueKeyLoader)


def test_verbs_yaml_sections():
    verbs = read_yaml("verbs.yaml")
    assert {"verbs", "nouns", "agreement_nouns", "speech_verbs"} <= set(verbs)
    assert "agreement" in verbs["agreement_nouns"] and "say" in verbs["speech_verbs"]


def test_every_event_type_in_the_lexicon_is_a_plover_type():
    bad = [(p, s["type"]) for p, s in lexicon_senses() if "type" in s and s["type"] not in MODES]
    assert not bad


def test_every_mode_has_a_type_and_is_a_plover_mode():
    all_modes = set().union(*MODES.values())
    bad = [(p, s.get("type"), s["mode"]) for p, s in lexicon_senses()
           if "mode" in s and (s.get("type") not in MODES or s["mode"] not in all_modes)]
    assert not bad


def test_lexicon_keys_are_fields_the_loader_knows():
    known = {f.name for f in dataclasses.fields(Sense)}
    bad = [(p, sorted(set(s) - known)) for p, s in lexicon_senses() if set(s) - known]
    assert not bad


def test_every_context_is_a_plover_context():
    ctx = read_yaml("contexts.yaml")
    assert not set(ctx["keywords"]) - CONTEXTS
    assert not set(ctx["default"]) - set(MODES)
    assert not {c for cs in ctx["default"].values() for c in cs} - CONTEXTS


def test_context_keywords_are_lower_case():
    ctx = read_yaml("contexts.yaml")
    bad = [(c, w) for c, words in ctx["keywords"].items() for w in words if str(w) != str(w).lower()]
    assert not bad


def test_countries_are_unique_iso3_codes():
    _, rows = tsv_rows("countries.tsv")
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes)) and all(len(c) == 3 and c.isupper() for c in codes)
    assert {"PAK", "BLR", "KOS", "PSE", "HKG"} <= set(codes)


@pytest.mark.parametrize("name", ["seats.tsv", "people.tsv"])
def test_every_iso3_is_a_country_or_a_spec_code(name):
    countries = {r["iso3"] for r in tsv_rows("countries.tsv")[1]}
    _, rows = tsv_rows(name)
    bad = sorted({r["iso3"] for r in rows} - countries - NON_STATE_CODES)
    assert not bad


def test_igo_codes_are_spec_codes():
    countries = {r["iso3"] for r in tsv_rows("countries.tsv")[1]}
    _, rows = tsv_rows("igos.tsv")
    assert not {r["code"] for r in rows} - NON_STATE_CODES - countries


@pytest.mark.parametrize(("name", "column"), [("seats.tsv", "sector"), ("people.tsv", "sector"),
                                              ("igos.tsv", "sector"), ("agents.tsv", "sector"),
                                              ("offices.tsv", "sector")])
def test_sectors_are_plover_sectors(name, column):
    _, rows = tsv_rows(name)
    assert not {r[column] for r in rows if r[column]} - SECTORS


def test_people_terms_are_years_in_order():
    _, rows = tsv_rows("people.tsv")
    for r in rows:
        since, until = r["since"].strip(), r["until"].strip()
        assert not since or since.isdigit(), r
        assert not until or until.isdigit(), r
        if since and until:
            assert int(since) <= int(until), r
