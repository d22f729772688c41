"""The data model: frozen records that flow through the pipeline, and their PLOVER JSON form.

Every stage takes and returns these records (or plain tuples of them), so a stage can be
tested, replaced or run on another machine without knowing how the others work.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

CODER = "communique"
CODEBOOK = "PLOVER 2.0 draft"

# type -> (quad class, PLOVER score, default CAMEO root)
EVENT_TYPES: dict[str, tuple[int, float, str]] = {
    "AGREE": (1, 2.5, "03"),
    "CONSULT": (1, 2.5, "04"),
    "SUPPORT": (1, 5.0, "05"),
    "CONCEDE": (1, 4.5, "08"),
    "COOPERATE": (2, 9.5, "06"),
    "AID": (2, 10.0, "07"),
    "RETREAT": (2, 6.5, "08"),
    "REQUEST": (3, 0.0, "10"),
    "ACCUSE": (3, -3.0, "11"),
    "REJECT": (3, -2.0, "12"),
    "THREATEN": (3, -3.5, "13"),
    "PROTEST": (4, -5.0, "14"),
    "SANCTION": (4, -6.0, "16"),
    "MOBILIZE": (4, -5.5, "15"),
    "COERCE": (4, -7.0, "17"),
    "ASSAULT": (4, -9.0, "18"),
}

# modes that move an event to another CAMEO root than its type's default
CAMEO_BY_MODE: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "drone"): "19",
    ("ASSAULT", "firearms"): "19",
    ("ASSAULT", "unconventional"): "20",
    ("ASSAULT", "cbrn"): "20",
}

NOT_EVENT_CONTEXTS = frozenset({"negation", "hypothetical"})


@dataclass(frozen=True)
class Article:
    """One news article as read from its input, with the text every offset points into."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # publication date, YYYY-MM-DD
    # where the publication date came from: metadata | dateline | caption | text (each "+weekday" when a
    # weekday the story names agrees) | weekday (a "Thursday, January 16" with no year) | option | none
    date_source: str = "none"
    url: str | None = None
    source: str | None = None  # outlet
    origin: str = ""  # where it was read from: a path, "path:line" or "-"
    captions: tuple[tuple[int, int], ...] = ()  # character spans of photo captions
    skipped: tuple[tuple[int, int], ...] = ()  # scraper leftovers: not read for events
    dateline: str | None = None  # the dateline place ("ISLAMABAD"), if any
    dateline_span: tuple[int, int] | None = None  # the whole dateline, outlet and dash included

    def parse_text(self) -> str:
        """The text the parser reads: leftovers and the dateline blanked, every offset unchanged."""
        spans = list(self.skipped) + ([self.dateline_span] if self.dateline_span else [])
        if not spans:
            return self.text
        chars = list(self.text)
        for s, e in spans:
            for i in range(s, e):
                if chars[i] not in "\n":
                    chars[i] = " "
        return "".join(chars)

    def with_date(self, date: str | None, source: str) -> Article:
        return replace(self, date=date, date_source=source if date else "none")


@dataclass(frozen=True)
class Entity:
    """A resolved actor: a state, organisation, person or unnamed agent."""

    code: str
    entity_text: str
    identifier_text: str
    sector: str | None = None
    office: str | None = None
    kind: str = "state"  # state | igo | person | agent | group

    @property
    def key(self) -> str:
        """Identity used when merging mentions: a named person, or the police of a country, is more than
        the country itself."""
        return f"{self.code}:{self.identifier_text}" if self.kind == "person" else self.code

    @property
    def party(self) -> str:
        """Identity of a side of an event: the police and the protesters of one country are two sides
        (a domestic event, coded with the lone country), while a country's agents of one sector are
        one side however often they are named."""
        if self.kind == "person":
            return self.key
        return f"{self.code}:{self.sector}" if self.sector else self.code

    @property
    def part_of_state(self) -> bool:
        """A named person or a sector of a country, rather than the country as a whole."""
        return self.kind == "person" or self.sector is not None

    def to_plover(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "entity_text": self.entity_text,
                               "identifier_text": self.identifier_text}
        if self.sector:
            out["sector"] = self.sector
        if self.office:
            out["office"] = self.office
        return out


@dataclass(frozen=True)
class Mention:
    """Evidence: one span of one article that reports the event."""

    article_id: str
    sequence: int  # sentence number in the article, from 0
    start: int  # character offsets of the sentence in the article text
    end: int
    sentence: str
    trigger: str  # the trigger phrase as written
    trigger_start: int  # offsets of the trigger word in the article text
    trigger_end: int
    attribution: str | None = None
    in_caption: bool = False

    def to_plover(self) -> dict[str, Any]:
        out: dict[str, Any] = {"sequence": self.sequence, "start": self.start, "end": self.end,
                               "trigger_start": self.trigger_start, "trigger_end": self.trigger_end}
        if self.in_caption:
            out["caption"] = True
        return out


@dataclass(frozen=True)
class Location:
    """Where an event happened, resolved against GeoNames."""

    extracted_place: str
    resolved_place: str
    country_code: str | None  # ISO 3166 alpha-3
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    province: str | None = None
    feature_code: str | None = None
    resolution: int = 1  # 5 sub-city ... 3 city, 2 province, 1 country
    source: str = "text"  # text (named for the event) | dateline | inferred (the acting state's own)

    def to_plover(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Instrument:
    """The treaty, memorandum or working group an act concerns, and the step it marks for it."""

    kind: str  # treaty | agreement | memorandum | protocol | working group | declaration | cooperation ...
    name: str  # as written: "extradition agreement", "the protocol for its implementation"
    status: str  # proposed | agreed | finalized | signed | ratified | in force | suspended | withdrawn
    subject: str | None = None  # "extradition", "employment"

    def to_plover(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Event:
    """One coded PLOVER event with every span of evidence behind it."""

    article_id: str
    event_type: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...] = ()
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    date: str | None = None
    date_precision: str = "day"
    date_text: str | None = None
    date_source: str = "publication"
    location: Location | None = None
    mentions: tuple[Mention, ...] = ()
    confidence: float = 0.5
    topic: str | None = None  # what was agreed or signed, as a short key: keeps two instruments apart
    instrument: Instrument | None = None
    cite: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_event(self) -> bool:
        """Negated and hypothetical records are kept for inspection but are not events."""
        return not NOT_EVENT_CONTEXTS & set(self.context)

    @property
    def quad_code(self) -> int:
        return EVENT_TYPES[self.event_type][0]

    @property
    def event_scale(self) -> float:
        return EVENT_TYPES[self.event_type][1]

    @property
    def cameo(self) -> str:
        for m in self.mode:
            root = CAMEO_BY_MODE.get((self.event_type, m))
            if root:
                return root
        if self.event_type == "RETREAT" and "release" in self.mode:
            return "08"
        return EVENT_TYPES[self.event_type][2]

    @property
    def attribution(self) -> str | None:
        return next((m.attribution for m in self.mentions if m.attribution), None)

    @property
    def id(self) -> str:
        """Stable: the same article text always yields the same id."""
        first = min((m.trigger_start for m in self.mentions), default=0)
        parts = [self.article_id, self.event_type, ",".join(e.key for e in self.actor),
                 ",".join(e.key for e in self.recipient), str(first)]
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]

    def to_plover(self, coded_date: str | None = None) -> dict[str, Any]:
        mentions = sorted(self.mentions, key=lambda m: m.start)
        text_info: Any = [m.to_plover() for m in mentions]
        if len(text_info) == 1:
            text_info = text_info[0]
        out: dict[str, Any] = {
            "id": self.id,
            "article_id": self.article_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_source": self.date_source,
            "event": [self.event_type],
            "mode": list(self.mode),
            "context": list(self.context),
            "actor": [e.to_plover() for e in self.actor],
            "recipient": [e.to_plover() for e in self.recipient],
            "quad_code": self.quad_code,
            "event_scale": self.event_scale,
            "cameo": self.cameo,
            "event_loc": self.location.to_plover() if self.location else None,
            "event_text": list(dict.fromkeys(m.trigger for m in mentions)),
            "evidence": list(dict.fromkeys(m.sentence for m in mentions)),
            "text_info": text_info,
            "attribution": self.attribution,
            "confidence": round(self.confidence, 3),
            "cite_info": {**self.cite, "coder": CODER, "codebook": CODEBOOK},
        }
        if self.instrument:
            out["instrument"] = self.instrument.to_plover()
        if coded_date:
            out["coded_date"] = coded_date
        return out


@dataclass(frozen=True)
class Agreement:
    """An instrument (treaty, MoU, working group...) and one step of its status history."""

    instrument: str
    parties: tuple[str, ...]
    status: str
    date: str | None
    subject: str | None = None
    event_id: str | None = None


@dataclass(frozen=True)
class Reject:
    """An input that could not be coded, and why: reported, never silently dropped."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
