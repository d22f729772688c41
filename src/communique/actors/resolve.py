"""Actor resolution: noun phrase -> Entity, with in-article coreference.

`DocActors` reads one parsed article in order, resolving every noun-phrase head it meets and
remembering what it found, so that a later "Kubrakov", "the Belarusian minister", "the Eastern
European country", "the two sides" or "he" finds its antecedent among what came before, as a
reader's would. The events stage asks only `DocActors.entities(token)`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import gazetteer
from ..model import Article, Entity
from .kb import KnowledgeBase, get

HEAD_POS = {"NOUN", "PROPN", "PRON"}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "negotiator"}
GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
QUANTITY_HEADS = {"thousand", "hundred", "dozen", "million", "score", "ten", "scores", "thousands", "hundreds",
                  "dozens", "millions", "tens"}
SPEECH = {"say", "tell", "announce", "state", "add", "claim", "report", "confirm", "insist", "warn", "stress",
          "declare", "note", "explain", "write"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod", "nummod"}
TITLE_STOP = {"DET", "PUNCT", "ADP", "CCONJ", "VERB", "AUX", "PRON", "NUM", "SPACE"}


# unnamed people of a place, not of a government: in a story datelined in a country and naming no
# other, they are the dateline's people ("BUENOS AIRES - Students marched on Congress"), even when
# the story never names the country itself
LOCAL_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "MED", "BUS", "COP"})
ARMED_SECTORS = frozenset({"REB", "UAF", "MIL"})


@dataclass(frozen=True)
class Resolved:
    entity: Entity
    certainty: float  # how sure the resolution is: a name 1.0 ... a guess from the dateline 0.5


class DocActors:
    """Every actor of one article, keyed by the token that heads its noun phrase."""

    def __init__(self, doc: Doc, article: Article, kb: KnowledgeBase | None = None) -> None:
        self.doc = doc
        self.kb = kb or get()
        self.year = int(article.date[:4]) if article.date else None
        self.ent_of: dict[int, Span] = {t.i: e for e in doc.ents for t in e}
        self.people: dict[str, Resolved] = {}  # full names and surnames seen so far
        self.history: list[tuple[int, Resolved]] = []  # single mentions in reading order
        self.groups: list[tuple[int, tuple[Resolved, ...]]] = []  # co-mentioned countries
        self.cache: dict[int, Resolved | None] = {}
        self.events_so_far: list = []  # set by the events stage, for event anaphora
        self.dateline_code = self._dateline(article.dateline)
        # countries the story names as countries (a capital named as a place does not count)
        named = [self.kb.by_name.get(e.text) or self.kb.by_demonym.get(e.text) for e in doc.ents
                 if e.label_ in {"GPE", "NORP"} and (e.text in self.kb.by_name or e.text in self.kb.by_demonym)]
        self._mentioned = frozenset(named)
        self._named_counts = {c: named.count(c) for c in self._mentioned}
        # ... and those it names otherwise than as the venue of something ("meeting in Luxembourg"): a
        # dateline names where the reporter is, which for a summit or a council is only the venue
        self._named_not_venue = frozenset(
            self.kb.by_name.get(e.text) or self.kb.by_demonym.get(e.text) for e in doc.ents
            if e.label_ in {"GPE", "NORP"} and (e.text in self.kb.by_name or e.text in self.kb.by_demonym)
            and not _venue(e.root))
        self._first_sentence_start = next((s.start for s in doc.sents if s.text.strip()), 0)
        self._read()

    # -- public ---------------------------------------------------------------------------
    def entity(self, tok: Token) -> Resolved | None:
        """The actor a noun-phrase head stands for, or None."""
        if tok.i not in self.cache:
            self.cache[tok.i] = self._resolve(tok)
        return self.cache[tok.i]

    def entities(self, tok: Token) -> list[Resolved]:
        """The actors of a role: its head and every conjunct ("Pakistan and Belarus")."""
        out: list[Resolved] = []
        for t in conjuncts(tok):
            group = self.group(t)
            if group:
                out.extend(group)
                continue
            r = self._with_apposition(t)
            if r:
                out.extend(self._spread(t, r))
        return _unique(out)

    def _spread(self, tok: Token, r: Resolved) -> list[Resolved]:
        """An agent of several countries ("Thai and Cambodian troops", "forces from the Philippines,
        the US and Japan"): one agent for each country."""
        if tok.tag_ in {"NNS", "NNPS"} and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
            pair = next((grp for i, grp in reversed(self.groups) if i <= tok.i), None)
            if pair is not None:  # "talks between their interior ministers": one for each of the pair
                e = r.entity
                return [Resolved(Entity(s.entity.code, e.entity_text, f"{s.entity.identifier_text} {tok.lemma_}",
                                        e.sector, e.office, "agent"), r.certainty * 0.9) for s in pair]
        if r.entity.kind != "agent":
            return [r]
        for c in tok.children:
            states: list[Resolved] = []
            if c.dep_ in {"amod", "compound", "nmod"} and any(cc.dep_ == "conj" for cc in c.children):
                states = [s for s in (self._modifier_country(t) for t in conjuncts(c)) if s]
            elif c.dep_ == "prep" and c.lower_ in {"from", "of"}:
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                group = self.group(pobj) if pobj is not None else None  # "officials from the two countries"
                states = list(group) if group else \
                    [s for s in (self._state(t) for t in conjuncts(pobj))] if pobj is not None else []
                states = [s for s in states if s]
            if len(states) > 1:
                e, role = r.entity, r.entity.identifier_text.split(" ", 1)[-1]
                return [Resolved(Entity(s.entity.code, e.entity_text, f"{s.entity.identifier_text} {role}",
                                        e.sector, e.office, "agent"), r.certainty) for s in states]
        return [r]

    def _with_apposition(self, tok: Token) -> Resolved | None:
        """"His Pakistani counterpart Mohsin Naqvi": a named apposition beats a description."""
        r = self.entity(tok)
        if r is not None and r.entity.kind == "person":
            return r
        for c in tok.children:
            if c.dep_ == "appos":
                named = self.entity(c)
                if named is not None and (r is None or named.entity.kind == "person"):
                    return named
        return r

    def group(self, tok: Token) -> tuple[Resolved, ...] | None:
        """"The two sides", "both countries", "the three leaders", "they": the parties last named
        together (as many as the number says)."""
        lex = self.kb.lexicon
        lemma = tok.lemma_.lower()
        count = next((GROUP_SIZES[c.lower_] for c in tok.children if c.lower_ in GROUP_SIZES), None)
        is_pair = lemma in lex["pair_nouns"] and tok.tag_ in {"NNS", "NNPS"} and count is not None
        if lemma in lex["pair_nouns"] and tok.tag_ == "NN" and any(c.lower_ == "each" for c in tok.children):
            count, is_pair = 2, True  # "each side blamed the other": both parties, one by one
        is_they = tok.lower_ in lex["group_pronouns"] and tok.dep_ != "poss" and not self._plural_speaker(tok)
        if tok.lower_ in GROUP_SIZES and tok.dep_ in {"nsubj", "nsubjpass"} and (
                tok.lower_ == "both" or any(c.lower_ == "the" for c in tok.children)):
            count, is_pair = GROUP_SIZES[tok.lower_], True  # "where the two agreed", "both said"
        if not (is_pair or is_they):
            return None
        local = self._plural_antecedent(tok) if is_they else None
        if local is not None:
            return (local,)
        for i, grp in reversed(self.groups):
            if i < tok.i and (count is None or len(grp) >= count):
                return grp[:count] if count else grp[:2]
        return None if is_they or count != 2 else self._top_pair()

    def _plural_antecedent(self, tok: Token) -> Resolved | None:
        """"Soldiers dragged men from their homes and shot them": an object "them" is the people
        named before it in its sentence (not its own verb's subject), not the story's pair."""
        if tok.dep_ not in {"dobj", "pobj", "dative"}:
            return None
        subj = _clause_subject(tok.head)
        for t in reversed(tok.sent[: tok.i - tok.sent.start]):
            if t.tag_ != "NNS" or t.dep_ == "compound" or (subj is not None and t.i == subj.i):
                continue
            r = self.entity(t)
            if r is not None and r.entity.kind == "agent":
                return r
        return None

    def country_of(self, tok: Token) -> Resolved | None:
        """A country that modifies a noun: "Turkish police", "Pakistan's army", "of Kenya"."""
        for c in tok.children:
            if c.dep_ in MODIFIER_DEPS or (c.dep_ == "case"):
                r = self._modifier_country(c)
                if r:
                    return r
        for c in tok.children:  # "the Chinese consulate general", "the Thai embassy spokesman": a
            # country the parser hangs on the compound modifies the whole name
            if c.dep_ == "compound" and c.i < tok.i:
                r = next((x for x in (self._modifier_country(cc) for cc in c.children
                                      if cc.dep_ in {"amod", "compound"} and cc.i < c.i) if x), None)
                if r:
                    return r
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "including" and tok.tag_ in {"NNS", "NNPS"}:
                # "firms including a Yangon-based importer": the country its first named member is of
                for p in (x for x in c.children if x.dep_ == "pobj"):
                    r = self.entity(p)
                    if r is not None and r.certainty > 0.6 and r.entity.code in self.kb.country_name:
                        return self._as_state(r)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"of", "in", "from"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        r = self._state(p)
                        if r:
                            return r
                        if p.pos_ in {"NOUN", "PROPN"}:  # "leaders of Romania's new government", "head of
                            # U.S. Southern Command", "doctors from American groups"
                            r = self.entity(p)
                            if r is not None and r.entity.code in self.kb.country_name:
                                return self._as_state(r)
                            if r is not None and r.entity.kind == "igo":  # "the commander of NATO's mission"
                                return r
                            if r is None and p.pos_ == "PROPN":  # "the head of U.S. Southern Command"
                                inner = self.country_of(p)
                                if inner is not None:
                                    return inner
            if c.dep_ == "prep" and c.lower_ == "for" and tok.lemma_.lower() in SPOKESPEOPLE:
                for p in c.children:  # "a spokesman for Secretary-General Guterres": whom he speaks for
                    r = self.entity(p) if p.dep_ == "pobj" else None
                    if r is not None and r.entity.kind in {"igo", "state", "person", "agent"}:
                        return self._as_state(r) if r.entity.code in self.kb.country_name else r
        return None

    # -- reading ----------------------------------------------------------------------------
    def _read(self) -> None:
        for sent in self.doc.sents:
            codes: list[Resolved] = []
            for tok in sent:
                if tok.pos_ not in HEAD_POS and tok.i not in self.ent_of:
                    continue
                if tok.dep_ == "compound" or (tok.i in self.ent_of and tok != self.ent_of[tok.i].root
                                              and tok.head.i in {t.i for t in self.ent_of[tok.i]}):
                    continue
                grp = self.group(tok)
                if grp:
                    continue
                r = self.entity(tok)
                if r:
                    self.history.append((tok.i, r))
                    if r.entity.kind in {"state", "person", "agent"} and not _is_place_mention(tok):
                        codes.append(r)
            distinct = [s for s in (self._as_state(r) for r in _unique_codes(codes)) if s]
            if len(distinct) >= 2:
                self.groups.append((sent.start, tuple(distinct[:5])))

    def _resolve(self, tok: Token) -> Resolved | None:
        if tok.pos_ == "PRON":
            return self._pronoun(tok)
        short = self._short_form(tok)
        if short is not None:
            return short
        span = self.ent_of.get(tok.i)
        # a surname already introduced, whatever label NER gave it; first in a sentence, where its
        # capital tells the tagger nothing, whatever tag it got ("Trump/NN said")
        first = tok.i == tok.sent.start and tok.text[:1].isupper() and (span is None or span.label_ != "PERSON")
        known_first = self.kb.person(tok.text, self.year) if first and tok.text not in self.people else None
        if known_first is not None:  # "Trump/NN said ...", the story's first mention
            known = known_first
            r = Resolved(Entity(known.code, tok.text, known.name, known.sector, known.office, "person"), 0.8)
            self.people[tok.text] = r
            return r
        if tok.pos_ == "PROPN" or (first and tok.text in self.people):
            name = _strip_possessive(span.text if span is not None else tok.text)
            known = self.people.get(name)
            if known and (span is None or span.label_ != "PERSON"):
                e = known.entity
                return Resolved(Entity(e.code, name, e.identifier_text, e.sector, e.office, "person"), 0.9)
        if span is not None:
            r = self._named(span, tok)
            if r:
                return r
        return self._common(tok)

    def _named(self, span: Span, tok: Token) -> Resolved | None:
        text = _strip_possessive(span.text)
        if span.label_ == "PERSON":
            return self._person(span, text, tok)
        if span.label_ in {"GPE", "LOC", "NORP"}:
            branch = self._branch_of(tok)
            if branch is not None:
                return branch
            return self._state_text(text, span.label_ == "NORP" and tok.tag_ in {"NNPS", "NNS"},
                                    places=span.label_ == "GPE")
        org = self.kb.org(text) or self._branch(text)
        if org:
            kind = "state" if org.code in self.kb.country_name else "igo"
            if kind == "state" and org.sector:
                kind = "agent"
            return Resolved(Entity(org.code, text, org.name, org.sector, None, kind), 0.95)
        # an organisation named after its country: "Pakistan Army", "Ministry of Overseas Pakistanis"
        country = self._country_inside(span) or self.country_of(tok)
        if country:
            sector = next((self.kb.agent(t.lemma_)[0] for t in span if self.kb.agent(t.lemma_)), None)
            return Resolved(Entity(country.entity.code, text, text, sector, None, "agent"), 0.85)
        return None

    def _short_form(self, tok: Token) -> Resolved | None:
        """"Accused the North of jamming" in a story that names North Korea: "the North" is the one
        country of its short form that the story names; with none or several named it is a region."""
        forms = self.kb.lexicon.get("short_forms", {})
        if tok.text not in forms or tok.pos_ != "PROPN" or not any(c.lower_ == "the" for c in tok.children):
            return None
        named = [c for c in forms[tok.text] if c in self._mentioned]
        if len(named) != 1:
            return None
        name = self.kb.country_name[named[0]]
        return Resolved(Entity(named[0], f"the {tok.text}", name, None, None, "state"), 0.85)

    def _branch_of(self, tok: Token) -> Resolved | None:
        """"[Amnesty International] [Kenya] said": the parser's head is the country, the speaker the
        organisation named before it."""
        for c in tok.children:
            span = self.ent_of.get(c.i)
            if c.dep_ == "compound" and c.i < tok.i and span is not None and span.label_ == "ORG":
                org = self.kb.org(_strip_possessive(span.text))
                if org is not None and org.code not in self.kb.country_name:
                    return Resolved(Entity(org.code, span.text, org.name, org.sector, None, "igo"), 0.9)
        return None

    def _branch(self, text: str):
        """"Amnesty International Kenya", "Save the Children UK": an organisation's national branch
        is the organisation."""
        words = text.split()
        for k in range(len(words) - 1, 0, -1):
            org = self.kb.org(" ".join(words[:k]))
            if org is not None and self.kb.country(" ".join(words[k:])):
                return org
        return None

    def _state_text(self, text: str, people: bool = False, places: bool = False) -> Resolved | None:
        code = self.kb.country(text)
        if not code and places:
            code = gazetteer.country_of_city(text, self._mentioned)
            if code:  # a city as a party ("shelled Kharkiv"): the country, its people
                return Resolved(Entity(code, text, self.kb.country_name.get(code, code), "CVL", None, "state"),
                                0.8)
        if not code:
            return None
        name = self.kb.country_name.get(code, text)
        sector = None
        if text in self.kb.by_capital and text not in self.kb.by_name:
            sector = "GOV"  # "Islamabad said": the capital stands for the government
        elif people:
            sector = self.kb.lexicon["people_sector"]
        return Resolved(Entity(code, text, name, sector, None, "state"), 1.0)

    def _state(self, tok: Token) -> Resolved | None:
        span = self.ent_of.get(tok.i)
        text = _strip_possessive(span.text) if span is not None else tok.text
        r = self._state_text(text)
        if r:
            return r
        if tok.pos_ == "PRON" and tok.lower_ in {"its", "their", "his", "her"}:
            ref = self._pronoun(tok)
            if ref:
                return self._as_state(ref)
        return None

    def _as_state(self, r: Resolved) -> Resolved | None:
        code = r.entity.code
        if code not in self.kb.country_name:
            return None
        name = self.kb.country_name[code]
        return Resolved(Entity(code, name, name, None, None, "state"), r.certainty)

    def _modifier_country(self, tok: Token) -> Resolved | None:
        span = self.ent_of.get(tok.i)
        text = _strip_possessive(span.text) if span is not None else tok.text
        code = self.kb.country(text)
        if code:
            return Resolved(Entity(code, text, self.kb.country_name[code], None, None, "state"), 0.95)
        if tok.pos_ == "PRON":
            return self._state(tok)
        if tok.dep_ in {"poss", "compound", "nmod"} or (span is not None and span.label_ == "ORG"):
            r = self.entity(tok)
            if r and r.entity.kind == "igo":  # "the EU's envoy", "UN peacekeepers": the organisation's
                return r
            if r and tok.dep_ == "poss":
                return self._as_state(r)
        return None

    def _country_inside(self, span: Span) -> Resolved | None:
        for t in span:
            r = self._state_text(_strip_possessive(t.text))
            if r:
                return Resolved(r.entity, 0.9)
        return None

    # -- people ------------------------------------------------------------------------------
    def _person(self, span: Span, name: str, tok: Token) -> Resolved | None:
        title_country, office = self._title(span, tok)
        known = self.kb.person(name, self.year)
        surname = name.split()[-1]
        earlier = self.people.get(name) or (self.people.get(surname) if " " not in name else None)
        if earlier and not title_country and not office:
            r = Resolved(Entity(earlier.entity.code, name, earlier.entity.identifier_text,
                                earlier.entity.sector, earlier.entity.office, "person"), 0.95)
            return r
        if known and title_country and office is None and title_country.entity.code != known.code:
            title_country = None  # "Trump, Erdogan Ankara ...": a country near a known name is no title of his
        code = title_country.entity.code if title_country else (known.code if known else None)
        if office is None and known and (not title_country or known.code == code):
            office = (known.office, known.sector)
        certainty = 1.0 if (title_country or known) else 0.5
        if code is None and earlier:
            code = earlier.entity.code
        if code is None and office is not None:
            code, certainty = self._context_country(tok, office=True), 0.5  # "Interior Minister X" ...
        if code is None:
            return None
        full = known.name if known else (earlier.entity.identifier_text if earlier else name)
        ent = Entity(code, name, full, office[1] if office else "GOV" if known else None,
                     office[0] if office else None, "person")
        r = Resolved(ent, certainty)
        self.people[name] = r
        for part in {name.split()[0], surname}:  # "Kubrakov"; and "Wang" of Wang Yi, family name first
            if len(part) > 2 and part[0].isupper() and part not in self.kb.by_name:
                self.people.setdefault(part, r)
        return r

    def _title(self, span: Span, tok: Token) -> tuple[Resolved | None, tuple[str, str] | None]:
        """Country and office from the words before a name, or an apposition after it."""
        words: list[Token] = []
        for t in sorted(tok.subtree, key=lambda t: t.i):
            if t.i >= span.start:
                break
            words.append(t)
        country, office = self._scan_title(_trailing_title(words))
        if (office is None or country is None) and words and all(t.pos_ not in {"VERB", "AUX"} for t in words):
            # "Kenya's Prime Cabinet Secretary and Cabinet Secretary for Foreign Affairs Musalia
            # Mudavadi": a long title whose last words name no office
            c2, o2 = self._scan_title(words)
            country, office = country or c2, office or o2
        if office is None or country is None:
            for c in tok.children:
                if c.dep_ == "appos" and c.i > tok.i:
                    sub = [t for t in c.subtree if t.pos_ != "PUNCT"]
                    c2, o2 = self._scan_title(sub)
                    country, office = country or c2, office or o2
        if (office is None or country is None) and tok.dep_ == "appos" and tok.head.pos_ in {"NOUN", "PROPN"}:
            # "Kosovo's chief negotiator, Deputy Prime Minister Besnik Bislimi": the head describes him
            head = tok.head
            inside = {t.i for t in tok.subtree}
            words = [t for t in head.subtree if t.i not in inside and t.pos_ != "PUNCT"]
            c2, o2 = self._scan_title(words)
            country = country or c2 or self.country_of(head)
            office = office or o2
        return country, office

    def _scan_title(self, words: list[Token]) -> tuple[Resolved | None, tuple[str, str] | None]:
        country = None
        rest: list[str] = []
        for t in words:
            span = self.ent_of.get(t.i)
            if country is None and span is not None and span.label_ == "ORG":
                org = self.kb.org(_strip_possessive(span.text))
                if org is not None:  # "African Union Commission Chairperson X": the organisation's
                    kind = "igo" if org.code not in self.kb.country_name else "state"
                    country = Resolved(Entity(org.code, span.text, org.name, org.sector, None, kind), 0.95)
                    continue
            text = _strip_possessive(span.text if span is not None and span.label_ != "PERSON" else t.text)
            if country is None and self.kb.country(text):
                country = self._state_text(text)
                continue
            if span is not None and self.kb.country(_strip_possessive(span.text)):
                continue
            rest.append(_strip_possessive(t.text))
        return country, self._office(rest)

    def _office(self, words: list[str], ending: bool = False) -> tuple[str, str] | None:
        """The longest office the words name; with `ending`, one that ends on the last word (the
        head noun: "the interior minister", not the "major" of "the sixth major storm") or one
        written as a title ("Finance Minister Simplex Banda")."""
        words = [w for w in words if w and w not in {"'s", "’s", "the", "The"}]
        n = len(words)
        for size in range(min(n, self.kb.max_office_words), 0, -1):
            for i in range(n - size, -1, -1):
                if ending and i + size != n and not all(w[:1].isupper() for w in words[i:i + size]):
                    continue
                hit = self.kb.office(" ".join(words[i:i + size]))
                if hit:
                    return hit
        return None

    # -- common nouns and pronouns ---------------------------------------------------------
    def _common(self, tok: Token) -> Resolved | None:
        lemma = tok.lemma_.lower()
        lex = self.kb.lexicon
        if tok.tag_ in {"NNP", "NNPS"} and _singular(lemma) in lex["member_heads"]:
            lemma = _singular(lemma)  # "Columns of Chadian trucks" first in a lead is tagged NNPS
        if lemma in QUANTITY_HEADS or lemma in lex["member_heads"]:  # "thousands of protesters": the
            # counted group; "ships of the Indonesian navy": the navy
            counted = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"), None)
            if counted is not None:
                r = self.entity(counted)
                if r is not None:
                    return r
        group = self._named_group(tok)
        if group is not None:
            return group
        if lemma in lex["document_nouns"]:
            return self._author(tok)
        if lemma in lex["group_nouns"] and any(c.lower_ in {"the", "this"} for c in tok.children) and \
                not any(c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and c.ent_type_ != "NORP"
                        for c in tok.children):  # "the Fano militia" is named; "the jihadist group" is not
            found = self._latest_group(tok)
            if found is not None:
                return found
        title_words = [t.text for t in sorted(tok.subtree, key=lambda t: t.i)
                       if t.i <= tok.i and t.pos_ in {"PROPN", "NOUN", "ADJ"} and t.dep_ != "poss"]
        office = self._office(title_words[-4:], ending=True) if tok.pos_ in {"PROPN", "NOUN"} else None
        if office and self._institution(tok):
            office = None  # "the General Staff" is a body, not a general
        if office:
            holder = self._title_of_conjunct(tok)
            if holder is not None:
                return holder
        country = self.country_of(tok) or self._sibling_country(tok)
        if office:
            person = self._person_with(office[0], country.entity.code if country else None, tok)
            if person:
                return person
        if lemma in lex["country_nouns"] and tok.tag_ in {"NN", "NNP"} and not country:
            return self._country_description(tok)
        if lemma in lex["organisation_nouns"] and any(c.lower_ == "the" for c in tok.children) and not country:
            return self._latest_organisation(tok)  # "the regional body", "the bloc", "the alliance"
        agent = None if _idiom(tok, lex) else self.kb.agent(_compound_lemma(tok)) or self.kb.agent(lemma) or \
            (self.kb.agent(_singular(lemma)) if tok.tag_ in {"NNP", "NNPS"} else None) or self._institution(tok)
        if office and not agent:
            agent = (office[1], "country")
        if not agent:
            adjectival = self._adjectival_country(tok)
            if adjectival is not None and tok.pos_ == "NOUN" and (tok.dep_ not in {"nsubj", "nsubjpass"}
                                                                  or tok.tag_ == "NNS"):
                country = adjectival
                # "struck Cambodian targets", "seized an Iranian tanker": the country they belong to
                e = country.entity
                kind = "igo" if e.kind == "igo" else "state"  # "NATO's peacekeeping mission": NATO's
                return Resolved(Entity(e.code, tok.text, e.identifier_text, None, None, kind), 0.7)
            return None
        sector, rule = agent
        certainty = 0.9
        if rule != "country":
            code = rule
        elif country:
            code = country.entity.code
        elif self._acted_on_by_state(tok):
            return None  # "the prisoners released by Russia": not Russians for being near Russia
        else:
            earlier = self._agent_like(sector, tok, states_only=office is not None)
            named = self._sentence_party(tok) if office is None and sector == "GOV" else None
            later = self._headline_agent(sector, tok) if earlier is None and office is None else None
            if earlier is not None:
                code, certainty = earlier, 0.75
            elif later is not None:
                code, certainty = later, 0.7
            elif named is not None:
                code, certainty = named, 0.6
            elif office is None and sector in LOCAL_SECTORS and self._domestic_dateline():
                code, certainty = self.dateline_code, 0.5  # "BUENOS AIRES - Students marched": Argentines
            elif office is None and self._institution(tok) and self.dateline_code in self.kb.country_name:
                # "SEOUL - The Joint Chiefs of Staff accused the North": a national institution named
                # with no country is that of the country the story is reported from
                code, certainty = self.dateline_code, 0.6
            else:
                code, certainty = self._context_country(tok, office=office is not None), 0.5
        if not code:
            return None
        text = " ".join(t.text for t in sorted(tok.subtree, key=lambda t: t.i)
                        if t.i <= tok.i and t.dep_ not in {"det", "punct"})
        ident = f"{self.kb.country_name.get(code, code)} {office[0] if office else tok.lemma_}"
        return Resolved(Entity(code, text or tok.text, ident, sector, office[0] if office else None,
                               "agent"), certainty)

    def _institution(self, tok: Token) -> tuple[str, str] | None:
        """"The Joint Chiefs of Staff", "the General Staff": a named body (an organisation name, not a
        description) that the agent table lists under its whole name."""
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            return None
        span = self.ent_of.get(tok.i)
        if span is not None and span.label_ == "ORG" and span.root == tok:
            words = [t.text for t in span if t.dep_ != "det" and t.tag_ != "POS"]
        else:  # a capitalised name the NER left unlabelled: "the General Staff"
            words = [c.text for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.text]
        found = self.kb.agent(" ".join(words))
        return found if found is not None and found[1] == "country" else None

    def _acted_on_by_state(self, tok: Token) -> bool:
        """A noun with a participle whose "by" agent is a state ("the prisoners released by Russia")."""
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for a in c.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            r = self._state(p) if p.dep_ == "pobj" else None
                            if r is not None:
                                return True
        return False

    def _headline_agent(self, sector: str, tok: Token) -> str | None:
        """"Canberra targets junta's fuel suppliers" over a story of "Myanmar's military": a headline
        is written from the story, so its unqualified armed force or police is the first one of that
        sector the story names with its country."""
        if sector not in {"MIL", "COP"} or tok.sent.start != self._first_sentence_start:
            return None
        for t in self.doc[tok.sent.end:]:
            agent = self.kb.agent(t.lemma_) if t.pos_ == "NOUN" else None
            if agent is not None and agent[0] == sector and agent[1] == "country":
                r = self.country_of(t)
                if r is not None and r.entity.code in self.kb.country_name:
                    return r.entity.code
        return None

    def _sentence_party(self, tok: Token) -> str | None:
        """"Urged the Dominican Republic to halt deportations to Haiti after the authorities expelled
        1,432 people": unnamed authorities are those of the country the sentence has just named as a
        party, not one named as a place or a destination."""
        for t in reversed(tok.sent[: tok.i - tok.sent.start]):
            span = self.ent_of.get(t.i)
            if span is None or span.label_ != "GPE" or t != span.root or _is_place_mention(t) or \
                    t.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}:
                continue  # a party: not a place, nor a modifier ("U.S. special envoy Tom Perriello")
            code = self.kb.country(_strip_possessive(span.text))
            if code:
                return code
        return None

    def _title_of_conjunct(self, tok: Token) -> Resolved | None:
        """"Deputy Prime Minister and Foreign Minister Ishaq Dar": a capitalised title with no name and no
        article, coordinated with a titled name, is one more office of that person, not someone else
        ("the president and Prime Minister Modi" are two people: that title has its article)."""
        if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON" or any(c.dep_ == "det" for c in tok.children):
            return None
        conj = next((c for c in tok.children if c.dep_ == "conj"), None)
        if conj is None or conj.ent_type_ != "PERSON" or not any(
                c.dep_ == "compound" and c.ent_type_ != "PERSON" for c in conj.children):
            return None
        r = self.entity(conj)
        return r if r is not None and r.entity.kind == "person" else None

    def _author(self, tok: Token) -> Resolved | None:
        """"The statement, issued by the Venezuelan foreign ministry,": whoever issued it."""
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for a in c.children:
                    if a.dep_ == "agent":
                        p = next((x for x in a.children if x.dep_ == "pobj"), None)
                        if p is not None:
                            return self.entity(p)
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"from", "by"}):
                p = c if c.dep_ == "poss" else next((x for x in c.children if x.dep_ == "pobj"), None)
                if p is not None and p.pos_ != "PRON":
                    return self.entity(p)
        return None

    def _agent_like(self, sector: str, tok: Token, states_only: bool = False) -> str | None:
        """"Ethiopian soldiers ... the troops": an unmodified agent noun takes the country of the
        latest agent of the same sector. A minister is a state's, never an organisation's."""
        for i, r in reversed(self.history):
            e = r.entity
            if (states_only or sector in LOCAL_SECTORS) and e.code not in self.kb.country_name:
                continue  # "aid workers said they received 1,400 people": the people are not the NGO's
            if i < tok.i and e.kind in {"agent", "person"} and e.sector == sector and r.certainty > 0.6:
                return e.code
        return None

    def _named_group(self, tok: Token) -> Resolved | None:
        """"Taliban fighters", "al-Shabaab militants", "Hamas gunmen": the named armed group acts; so
        does its "SDF spokesman" or "Hamas commander" for it."""
        agent = self.kb.agent(tok.lemma_)
        if not agent and not (tok.pos_ == "NOUN" and self._office([tok.text])):
            return None
        armed = agent is not None and agent[0] in ARMED_SECTORS or \
            tok.lemma_.lower() in {"member", "cell", "commander", "leader"}  # "seven IS members": the group's
        for c in tok.children:
            if c.dep_ in {"compound", "nmod", "amod"} and c.i < tok.i:
                span = self.ent_of.get(c.i)
                name = _strip_possessive(span.text if span is not None else c.text)
                org = self.kb.org(name)
                if org is None and armed:  # "RSF militias": of two bodies one name stands for, the
                    # armed one is the one with fighters
                    org = self.kb.org(name, risky=True)
                    org = org if org is not None and org.sector in ARMED_SECTORS else None
                if org is not None and org.sector in {"REB", "UAF", "GOV", "MIL", "SPY", "COP"}:
                    kind = "agent" if org.code in self.kb.country_name else "igo"
                    return Resolved(Entity(org.code, org.name, org.name, org.sector, None, kind), 0.9)
        return None

    def _adjectival_country(self, tok: Token) -> Resolved | None:
        """A country modifying a noun as an adjective or possessor ("Iranian tanker", "Greece's ships"),
        not as a place ("the war in Ukraine")."""
        for c in tok.children:
            if c.dep_ in MODIFIER_DEPS:
                r = self._modifier_country(c)
                if r:
                    return r
                if c.dep_ in {"compound", "amod", "nmod"}:  # "the Somali army base", "Greek-operated carriers";
                    # "Indonesian navy (TNI AL) ships": a name with its acronym is parsed as an nmod
                    for cc in c.children:
                        if cc.dep_ in {"amod", "compound", "poss", "npadvmod"}:  # "Panama-flagged tanker"
                            r = self._modifier_country(cc)
                            if r is None and c.lower_ == "based" and cc.i < c.i:
                                r = self.place_country(cc)  # "a Yangon-based importer": of Yangon's country
                            if r:
                                return r
        return None

    def _sibling_country(self, tok: Token) -> Resolved | None:
        """"Pakistan PM, interior minister": a coordinated title shares its neighbour's country."""
        if tok.dep_ in {"conj", "appos"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            return self.country_of(tok.head)
        return None

    def _person_with(self, office: str, code: str | None, tok: Token) -> Resolved | None:
        """"The minister", "the Belarusian minister", "Pakistan PM": the latest person who fits."""
        exact = loose = None
        for i, r in reversed(self.history):
            e = r.entity
            if i >= tok.i or e.kind != "person" or not e.office or (code and e.code != code):
                continue
            if e.office == office and exact is None:
                exact = Resolved(e, 0.85)
            elif _same_role(e.office, office) and loose is None:
                loose = Resolved(e, 0.75)
        return exact or loose

    def _country_description(self, tok: Token) -> Resolved | None:
        """"The Eastern European country": the latest compatible country not coordinated with it."""
        region = " ".join(t.text for t in tok.children if t.dep_ in {"amod", "compound"} and t.i < tok.i)
        region = " ".join(region.split()).strip()
        allowed = self._region(region)
        if not any(c.lower_ == "the" for c in tok.children):
            return None
        blocked = {self.entity(t).entity.code for t in conjuncts(_coord_root(tok))
                   if t.i != tok.i and self.entity(t)}
        for i, r in reversed(self.history):
            e = r.entity
            if i >= tok.i or e.kind != "state" or e.code in blocked:
                continue
            if allowed is None or e.code in allowed or self.kb.continent.get(e.code) in allowed:
                return Resolved(Entity(e.code, f"the {region + ' ' if region else ''}{tok.text}".strip(),
                                       e.identifier_text, None, None, "state"), 0.8)
        return None

    def _latest_organisation(self, tok: Token) -> Resolved | None:
        for i, r in reversed(self.history):
            if i < tok.i and r.entity.kind == "igo":
                return Resolved(r.entity, min(r.certainty, 0.75))
        return None

    def _latest_group(self, tok: Token) -> Resolved | None:
        """"Al-Shabaab stormed a base ... the group said": a definite "group" or "movement" names the
        non-state organisation last mentioned (armed group, NGO, party), never a state or an IGO."""
        lex = self.kb.lexicon
        for i, r in reversed(self.history):
            e = r.entity
            if _affiliate_of(self.doc[i]):
                continue  # "the al-Qaeda-linked group" is not al-Qaeda
            if i < tok.i and r.certainty > 0.6 and (e.code in lex["non_state_codes"] or (
                    e.kind in {"agent", "igo"} and e.sector in lex["non_state_sectors"])):
                return Resolved(e, min(r.certainty, 0.8))
        return None

    def _region(self, words: str) -> set[str] | None:
        regions = self.kb.lexicon["regions"]
        for size in (3, 2, 1):
            parts = words.split()
            for i in range(len(parts) - size + 1):
                key = " ".join(parts[i:i + size])
                if key in regions and regions[key]:
                    return set(regions[key])
        return None

    def _pronoun(self, tok: Token) -> Resolved | None:
        lex = self.kb.lexicon
        low = tok.lower_
        speaker = self._speaker_of(tok)
        if speaker is not None:
            return speaker
        if low in lex["person_pronouns"]:
            kinds = {"person"}
        elif low in lex["thing_pronouns"]:
            kinds = {"state", "igo", "agent"}
        elif low in lex["group_pronouns"]:
            kinds = {"agent", "state"}
        else:
            return None
        for i, r in reversed(self.history):
            if i >= tok.i or (low in lex["thing_pronouns"] and (
                    _is_place_mention(self.doc[i]) or self.doc[i].dep_ in {"amod", "compound", "nmod"})):
                continue  # "seized a tanker in the Gulf of Oman, accusing it of": not Oman; "released
                # Colombian nationals it had detained": not the country named as an adjective
            e = r.entity
            human = e.kind == "person" or (e.kind == "agent" and e.office is not None)
            plural = self.doc[i].tag_ in {"NNS", "NNPS"} and e.kind == "agent"
            if low in lex["thing_pronouns"] and plural:
                continue  # "it" is not "the nationals"
            if (kinds == {"person"} and human) or (kinds != {"person"} and e.kind in kinds and
                                                   (low not in lex["thing_pronouns"] or not human)):
                return Resolved(e, min(r.certainty, 0.75))
        return None

    def _plural_speaker(self, tok: Token) -> bool:
        """"His lawyers said they would appeal": "they" is whoever said it, not the story's pair."""
        speech = _reporting_verb(tok)
        subj = next((c for c in speech.children if c.dep_ == "nsubj"), None) if speech is not None else None
        return subj is not None and subj.tag_ in {"NNS", "NNPS"} and subj.i < tok.i

    def _speaker_of(self, tok: Token) -> Resolved | None:
        """"The ministry said it had summoned...": a subject pronoun of a reported clause is the speaker."""
        if tok.lower_ not in {"it", "he", "she", "they", "we"}:
            return None
        said = speech = _reporting_verb(tok)
        if speech is None:
            return None
        while speech.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in speech.children):
            speech = speech.head  # "Bangkok recalled its envoy and said it would..."
        subj = next((c for c in speech.children if c.dep_ == "nsubj"), None)
        if subj is None and speech.dep_ in {"advcl", "xcomp"} and speech.tag_ == "VBG":
            # "India launched strikes, saying it had hit camps": the participle's speaker is the
            # subject of the verb it hangs from
            subj = next((c for c in speech.head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON" or subj.i > tok.i:
            return None
        r = self.entity(subj)
        if r is None:  # "the clashes came after Bangkok recalled its envoy and said it would...": the
            # parser tied "said" to the wrong verb; the speaker is the nearest subject before it
            r = next((x for x in (self.entity(t) for t in reversed(list(tok.sent))
                                  if t.i < said.i and t.dep_ == "nsubj" and t.pos_ != "PRON") if x), None)
        if r is None:
            return None
        person = r.entity.kind == "person"
        if (tok.lower_ in {"he", "she"}) != person and tok.lower_ != "they":
            return None
        return Resolved(r.entity, min(r.certainty, 0.85))

    def _context_country(self, tok: Token | None = None, office: bool = False) -> str | None:
        """The country of a title or agent named with none: a country or capital named earlier in the
        same sentence ("at a briefing in Beijing, foreign ministry spokesman Guo"), else the dateline's,
        if the story names that country otherwise than as a venue (a Brussels or Luxembourg dateline is
        often only where a council met),
        else the story's most named country."""
        if tok is not None and office:
            for t in tok.sent:
                if t.i >= tok.i:
                    break
                if t.ent_type_ in {"GPE", "NORP"} and t.i in self.ent_of and t == self.ent_of[t.i].root:
                    code = self.kb.country(_strip_possessive(self.ent_of[t.i].text))
                    if code:
                        return code
        if self.dateline_code and self.dateline_code in self._named_not_venue:
            return self.dateline_code
        return self._top_country()

    def _domestic_dateline(self) -> bool:
        """A story datelined in a country and naming no other: its unnamed people are that country's."""
        code = self.dateline_code
        return code in self.kb.country_name and not self._mentioned - {code}

    def _top_country(self) -> str | None:
        """The country named most so far; before any, the one the whole story names most."""
        counts: dict[str, int] = {}
        for _i, r in self.history:  # what the reader has seen so far ...
            if r.entity.kind == "state":
                counts[r.entity.code] = counts.get(r.entity.code, 0) + 1
        counts = counts or self._named_counts  # ... or, at the very start, what the story names
        return max(counts, key=lambda c: (counts[c], c)) if counts else None

    def dateline_state(self) -> Resolved | None:
        """The country of the dateline, when the story names it: where the reporter is."""
        code = self.dateline_code
        if not code or code not in self._mentioned or code not in self.kb.country_name:
            return None
        name = self.kb.country_name[code]
        return Resolved(Entity(code, name, name, None, None, "state"), 0.8)

    def counterpart(self, code: str) -> Resolved | None:
        """"Cambodia downgraded relations": ties are with someone, the other of the two countries
        the story is about, when the actor is one of them."""
        pair = self._top_pair()
        if pair is None or code not in {r.entity.code for r in pair}:
            return None
        return next(Resolved(r.entity, r.certainty * 0.7) for r in pair if r.entity.code != code)

    def place_country(self, tok: Token) -> Resolved | None:
        """A named place (a country, a city, a province) as the country it lies in: "hit Kharkiv
        apartment blocks", "villages in Sisaket province"."""
        span = self.ent_of.get(tok.i)
        if span is None or span.label_ not in {"GPE", "LOC", "NORP", "FAC"}:
            return None
        return self._state_text(_strip_possessive(span.text), places=True)

    def main_country(self, other_than: str) -> Resolved | None:
        """"France pulled out its last soldiers" in a story about Niger: the country the story names
        most so far, other than the one given (where a withdrawal with no place named is from)."""
        counts: dict[str, tuple[int, Resolved]] = {}
        for _i, r in self.history:
            if r.entity.kind == "state" and r.entity.code in self.kb.country_name and r.entity.code != other_than:
                n, _ = counts.get(r.entity.code, (0, r))
                counts[r.entity.code] = (n + 1, r)
        if not counts:
            return None
        _n, top = max(counts.values(), key=lambda x: x[0])
        return Resolved(top.entity, top.certainty * 0.6)

    def _top_pair(self) -> tuple[Resolved, ...] | None:
        counts: dict[str, tuple[int, Resolved]] = {}
        for _i, r in self.history:
            if r.entity.kind == "state" and r.entity.code in self.kb.country_name:
                n, _ = counts.get(r.entity.code, (0, r))
                counts[r.entity.code] = (n + 1, r)
        top = sorted(counts.values(), key=lambda x: -x[0])[:2]
        return tuple(r for _n, r in top) if len(top) == 2 else None

    def _dateline(self, dateline: str | None) -> str | None:
        if not dateline:
            return None
        for part in [dateline, *re.split(r"[,/]", dateline)]:
            part = part.strip()
            code = self.kb.country(part.title()) or self.kb.country(part)
            if code:
                return code
            cap = next((c for name, c in self.kb.by_capital.items() if _fold(name) == _fold(part)), None)
            if cap:
                return cap
        return gazetteer.country_of_city(re.split(r"[,/]", dateline)[0].strip().title())


AFFILIATION = {"linked", "backed", "allied", "aligned", "affiliated", "inspired", "led", "sponsored", "funded"}


def _affiliate_of(tok: Token) -> bool:
    """"al-Qaeda-linked", "Iran-backed": a name hyphened to a participle describes another party."""
    for t in tok.doc[tok.i + 1: tok.i + 4]:
        if t.tag_ == "HYPH" and t.i + 1 < len(tok.doc) and tok.doc[t.i + 1].lower_ in AFFILIATION:
            return True
        if t.tag_ != "HYPH" and t.ent_iob_ != "I":
            return False
    return False


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, through coordination and participles ("soldiers dragging men and
    shooting them": the soldiers shoot)."""
    t = verb
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj
        if t.dep_ in {"acl", "relcl"}:
            return t.head
        if t.dep_ not in {"conj", "xcomp", "advcl"} or t.head.i == t.i:
            return None
        t = t.head
    return None


def _venue(tok: Token) -> bool:
    """A place named as where something happens: the object of a locative "in" or "at"."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at"}


def _idiom(tok: Token, lex: dict) -> bool:
    """"Those on board", "on duty": a bare noun after its idiom's preposition names nobody."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is not None and tok.lemma_.lower() in lex.get("idioms", {}).get(before.lower_, ()) and \
        not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in tok.children)


def _reporting_verb(tok: Token) -> Token | None:
    """The verb of saying whose reported clause `tok` is the subject of ("the ministry said it...")."""
    clause = tok.head
    if tok.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH:
        return None
    return clause.head


def _fold(text: str) -> str:
    """"BRASÍLIA" and "Brasilia" alike: capitals without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).upper()


def _is_place_mention(tok: Token) -> bool:
    """"Hosted by the EU in Brussels": a capital named as a place is not a party to the talks."""
    if tok.ent_type_ not in {"GPE", "LOC"} or tok.dep_ != "pobj":
        return False
    if tok.head.lower_ == "of":  # "the Gulf of Oman", "the north of the country"
        return tok.head.head.lemma_.lower() in GEOGRAPHIC_HEADS
    return tok.head.lower_ in {"in", "at", "to", "from", "near", "into", "across", "outside", "inside", "around"}


GEOGRAPHIC_HEADS = {"gulf", "sea", "strait", "bay", "coast", "island", "islands", "north", "south", "east", "west",
                    "region", "province", "capital", "city", "outskirts", "centre", "center", "part", "parts"}


def conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Pakistan and Belarus")."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in HEAD_POS | {"ADJ"}:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _coord_root(tok: Token) -> Token:
    while tok.dep_ == "conj":
        tok = tok.head
    return tok


def _trailing_title(words: list[Token]) -> list[Token]:
    """The contiguous run of title words just before a name ("Belarusian Minister of Internal Affairs")."""
    run: list[Token] = []
    for t in reversed(words):
        if t.pos_ in TITLE_STOP and t.lower_ not in {"of", "for"} and t.tag_ != "POS":
            break
        run.append(t)
    return list(reversed(run))


def _singular(word: str) -> str:
    """"Gunmen", "Militias", "Protesters" tagged as proper nouns (first in a lead whose dateline was
    blanked, or in a headline) keep their plural as lemma: the singular the agent table lists."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _compound_lemma(tok: Token) -> str:
    """"trade union", and "organised labour" (the adjective is part of the name of the group)."""
    comp = [c for c in tok.children if c.dep_ in {"compound", "amod"} and c.i == tok.i - 1]
    if not comp:
        return tok.lemma_.lower()
    word = comp[0].lemma_.lower() if comp[0].dep_ == "compound" else comp[0].lower_
    return f"{word} {tok.lemma_.lower()}"


def _same_role(a: str, b: str) -> bool:
    return a.split()[-1].lower() == b.split()[-1].lower() or b.lower() in a.lower()


def _strip_possessive(text: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)].strip()
    return text.strip()


def _unique(items: list[Resolved]) -> list[Resolved]:
    """One resolution per side (see `Entity.party`): "police and protesters" of one country are two
    sides of a domestic act, "Pakistan and its government" one."""
    out: list[Resolved] = []
    for r in items:
        if not any(same_side(r, o) for o in out):
            out.append(r)
    return out


def same_side(a: Resolved, b: Resolved) -> bool:
    """Two resolutions of one side: the same person, or the same country named as a whole or by one
    of its agents ("Turkey", "Turkish police"); two sectors of it (police, protesters) are two."""
    ea, eb = a.entity, b.entity
    if ea.key != eb.key:
        return False
    return ea.party == eb.party or not (ea.part_of_state and eb.part_of_state)


def _unique_codes(items: list[Resolved]) -> list[Resolved]:
    seen: set[str] = set()
    out = []
    for r in items:
        if r.entity.code not in seen and r.entity.code not in {"IGO", "UNO", "EUR", "NGO", "IMG"}:
            seen.add(r.entity.code)
            out.append(r)
    return out
